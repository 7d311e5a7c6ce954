/**
 * The funder report (`sroi report`, issue #13 item 4) printed by Chromium: the example assessment's
 * report, in English and French, prints on at most two A4 pages, loads nothing from anywhere (every
 * request is refused and counted), and shows the figures of `sroi compute`. The PDFs are kept in
 * test-artifacts/report/ to look at.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM } from "./harness";
import { funderReportHtml } from "../../src/i18n/funderReport";
import { computeAssessment, type Assessment } from "../../src/sroi";
import { requireTool } from "../setup/requiredTool";

const ROOT = resolve(__dirname, "../..");
const OUT = join(ROOT, "test-artifacts", "report");
const example = (lang: "en" | "fr"): Assessment => {
  const json = JSON.parse(readFileSync(join(ROOT, "examples", `work-integration.${lang}.json`), "utf8"));
  return { settings: json.settings, stakeholders: json.stakeholders, inputs: json.inputs, outcomes: json.outcomes };
};

/** The page objects of a PDF (not the /Pages tree): one per printed page. */
export function pdfPages(pdf: Buffer): { count: number; mediaBoxes: number[][] } {
  const text = pdf.toString("latin1");
  const count = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1].trim().split(/\s+/).map(Number));
  return { count, mediaBoxes };
}

const haveChromium = requireTool(`Chromium at ${CHROMIUM.executablePath}`, existsSync(CHROMIUM.executablePath), "apt-get install chromium");

(haveChromium ? describe : describe.skip)("the funder report printed by Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch(CHROMIUM);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  test.each(["en", "fr"] as const)("%s: the example's report prints on at most 2 A4 pages, offline, with the ratio of sroi compute", async (lang) => {
    const a = example(lang);
    const html = funderReportHtml(a, lang)!;
    writeFileSync(join(OUT, `report-${lang}.html`), html);
    const page = await browser.newPage();
    const requests: string[] = [];
    await page.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, path: join(OUT, `report-${lang}.pdf`) });
    const { count, mediaBoxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(2);
    // A4 is 210 × 297 mm = 595.28 × 841.89 points; Chromium rounds the sheet to its own units
    // (595.92 × 842.88 here): within 1.5 points (0.5 mm), not Letter (612 × 792)
    expect(mediaBoxes.length).toBeGreaterThanOrEqual(count);
    for (const box of mediaBoxes) {
      expect(Math.abs(box[2] - box[0] - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(box[3] - box[1] - 841.89)).toBeLessThan(1.5);
    }
    expect(requests).toEqual([]);
    // what the printed page shows: the ratio as sroi compute gives it (PV 347,416.74 ÷ inputs 201,978 = 1.72)
    const computed = computeAssessment(a);
    expect(computed.ok).toBe(true);
    const ratio = computed.ok ? computed.result.ratio!.toNumber() : NaN;
    expect((347416.74 / 201978).toFixed(2)).toBe("1.72");
    const shown = await page.locator('[data-figure="ratio"]').innerText();
    expect(shown.replace(/\u00a0/g, " ")).toBe(`${ratio.toFixed(2).replace(".", lang === "fr" ? "," : ".")} : 1`);
    // every section is laid out (none collapsed to nothing) and nothing is wider than the page
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);

  test("the page counter counts pages: a report made longer than two pages is caught", async () => {
    // the same report with 40 outcomes: its assumptions table alone runs past two pages
    const a = example("en");
    const long = { ...a, outcomes: Array.from({ length: 40 }, (_, k) => ({ ...a.outcomes[k % a.outcomes.length], description: `Outcome ${k + 1}` })) };
    const page = await browser.newPage();
    await page.setContent(funderReportHtml(long, "en")!, { waitUntil: "load" });
    const { count } = pdfPages(await page.pdf({ format: "A4" }));
    expect(count).toBeGreaterThan(2);
    await page.close();
  }, 60_000);
});
