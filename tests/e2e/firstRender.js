/**
 * The pane's first render, as the end-to-end test and bench/firstRender.mjs both measure it: the time
 * from navigation start (performance.now()'s origin) to the paint of the page's first heading (<h1>).
 * Each load is a fresh browser context (no HTTP cache, no warm page), with the Excel double in place
 * of office.js.
 * Plain CommonJS so that the TypeScript test and the .mjs benchmark share one definition.
 */

/**
 * Runs in the page before any of its scripts (addInitScript). The first <h1> gets an elementtiming
 * attribute the moment it is inserted (a MutationObserver runs before the next paint), so Chromium's
 * Element Timing reports when its text was actually painted; where that API is missing, the time of
 * the first animation frame in which the heading has a size stands in.
 */
function firstHeadingProbe() {
  const found = (h) => {
    if (window.__firstHeading) return;
    window.__firstHeading = true;
    h.setAttribute("elementtiming", "first-heading");
  };
  new MutationObserver(() => {
    const h = document.querySelector("h1");
    if (h) found(h);
  }).observe(document, { childList: true, subtree: true });
  if ("PerformanceElementTiming" in window) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.identifier === "first-heading" && window.__firstHeadingMs === undefined) window.__firstHeadingMs = e.renderTime || e.loadTime;
    }).observe({ type: "element", buffered: true });
    return;
  }
  const tick = () => {
    const h = document.querySelector("h1");
    const box = h && h.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0 && getComputedStyle(h).visibility !== "hidden") {
      window.__firstHeadingMs = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * taskpane.html with the Excel double's URL in place of Microsoft's office.js. The loads measured
 * here are not intercepted (playwright's page.route sends every request through Node, which would
 * add its own delay to each script), so the page itself must name the double.
 */
function withOfficeDouble(html, doubleUrl) {
  const tag = `src="${OFFICE_JS}"`;
  const unquoted = `src=${OFFICE_JS}`; // the production build minifies the page's attribute quotes away
  if (!html.includes(tag) && !html.includes(unquoted)) throw new Error(`taskpane.html does not load ${OFFICE_JS}`);
  return html.replace(tag, `src="${doubleUrl}"`).replace(unquoted, `src="${doubleUrl}"`);
}

/**
 * One cold load of `url` (a page naming the double, see withOfficeDouble) in a fresh context; resolves
 * to { heading, fcp, domContentLoaded } in ms from navigation start (fcp: Chromium's
 * first-contentful-paint, for comparison) and mainThread: the renderer's main-thread task time until
 * the heading was seen, in ms (Chromium's TaskDuration; less sensitive than wall time to other
 * processes on a busy machine). Fails if the page asks for anything off its own origin.
 */
async function firstRender(browser, { url, displayLanguage = "en-GB", viewport = { width: 340, height: 760 } }) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const elsewhere = [];
    const origin = new URL(url).origin;
    page.on("request", (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) elsewhere.push(r.url());
    });
    await page.addInitScript((lang) => Object.assign(window, { __displayLanguage: lang }), displayLanguage);
    await page.addInitScript(firstHeadingProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(url);
    await page.waitForFunction(() => window.__firstHeadingMs !== undefined, null, { timeout: 30_000 });
    const { metrics } = await cdp.send("Performance.getMetrics");
    if (elsewhere.length) throw new Error(`the page asked for ${elsewhere.join(", ")}: nothing may leave the machine`);
    const times = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { heading: window.__firstHeadingMs, fcp: fcp ? fcp.startTime : NaN, domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN };
    });
    const task = metrics.find((m) => m.name === "TaskDuration");
    return { ...times, mainThread: task ? task.value * 1000 : NaN };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Cold loads of each variant (an options object for firstRender), interleaved so that a busy machine
 * slows them alike: one discarded warm-up round (the browser's own start-up is not the pane's), then
 * `loads` rounds. Returns, per variant, every sample and the median of each figure.
 */
async function firstRenderMedians(browser, variants, loads = 5) {
  for (const v of variants) await firstRender(browser, v);
  const samples = variants.map(() => []);
  for (let i = 0; i < loads; i++) for (const [k, v] of variants.entries()) samples[k].push(await firstRender(browser, v));
  return samples.map((s) => {
    const of = (key) => median(s.map((x) => x[key]));
    return { samples: s, heading: of("heading"), fcp: of("fcp"), domContentLoaded: of("domContentLoaded"), mainThread: of("mainThread") };
  });
}

module.exports = { OFFICE_JS, withOfficeDouble, firstHeadingProbe, firstRender, firstRenderMedians, median };
