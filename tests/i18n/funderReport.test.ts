/**
 * The funder report's renderer (src/i18n/funderReport.ts) on the cases the example does not reach:
 * what a user typed is escaped (it is HTML), an assessment with no inputs has no ratio to move, a
 * negative outcome draws its bar in another colour, an invalid assessment gives no report.
 */
import { barChart, escapeHtml, funderReportHtml } from "../../src/i18n/funderReport";
import type { Assessment } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

test("user text is escaped: a name holding markup shows as text, never as markup", () => {
  const a: Assessment = {
    ...referenceCase,
    settings: { ...referenceCase.settings, organisation: `<script>alert("x")</script> & Co`, title: `<img src=x onerror=alert(1)>` },
    outcomes: [{ ...referenceCase.outcomes[0], proxySource: `"><svg onload=alert(1)>` }],
  };
  const html = funderReportHtml(a, "en")!;
  expect(html).not.toMatch(/<script|<img|<svg onload/);
  expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
  expect(html).toContain("&quot;&gt;&lt;svg onload=alert(1)&gt;");
  expect(escapeHtml(`<a href='x'>&</a>`)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
});

test("the reference case (§8): ratio 15,221.50 ÷ 10,000 = 1.52 : 1, no open check", () => {
  const html = funderReportHtml(referenceCase, "en")!;
  const pv = 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3;
  expect((pv / 10000).toFixed(2)).toBe("1.52");
  expect(html).toContain('data-figure="ratio">1.52\u00a0:\u00a01<');
  expect(html).toContain(`data-figure="presentValue">€${pv.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}<`);
  expect(html).toContain("No check against over-claiming remains open.");
});

test("no inputs: no ratio and no sensitivity, said plainly; the rest of the report is there", () => {
  const html = funderReportHtml({ ...referenceCase, inputs: [] }, "fr")!;
  expect(html).toContain("Pas de ratio\u00a0: les contributions totalisent 0.");
  expect(html).not.toContain('data-figure="range"');
  expect(html).not.toContain('id="depends"');
  expect(html).toContain("Aucune contribution n&#39;a encore de valeur.");
  expect(html).toContain("Hypothèses clés et leurs sources");
});

test("an assessment the core refuses gives no report (the caller reports its problems)", () => {
  expect(funderReportHtml({ ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], deadweight: 20 }] }, "en")).toBeNull();
});

test("bars: scaled to the largest absolute value, a negative one in another colour", () => {
  const svg = barChart(
    [
      { label: "Gain", value: 200, text: "200" },
      { label: "Harm", value: -50, text: "-50" },
    ],
    "Value",
  );
  const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*fill="(#\w+)"/g)].map((m) => [Number(m[1]), m[2]]);
  // 110 units for the largest; 50 / 200 × 110 = 27.5 for the other
  expect(widths).toEqual([
    [110, "#2f6f9f"],
    [27.5, "#b4442f"],
  ]);
  expect(svg).toMatch(/^<svg role="img" aria-label="Value"/);
});

test("stages 1–2: the type, scope, purpose and audience head the report; exclusions are listed with their reasons", () => {
  const a: Assessment = {
    ...referenceCase,
    settings: { ...referenceCase.settings, language: "fr", assessmentType: "evaluative", scope: "Le programme 2025", purpose: "Rendre compte", audience: "Financeurs" },
    outcomes: [{ ...referenceCase.outcomes[0], intended: "unintended" }],
    exclusions: [
      { item: "Familles", reason: "Pas significatif" },
      { item: "Santé <b>", reason: "" },
    ],
  };
  const html = funderReportHtml(a, "fr")!;
  expect(html).toContain("<dt>Type</dt><dd>Évaluative</dd>");
  expect(html).toContain("<dt>Périmètre</dt><dd>Le programme 2025</dd>");
  expect(html).toContain("<dt>Objectif</dt><dd>Rendre compte</dd>");
  expect(html).toContain("<dt>Destinataires</dt><dd>Financeurs</dd>");
  expect(html).toContain('<h2 id="exclusions">Exclu de l&#39;analyse</h2>');
  expect(html).toContain("<li><strong>Familles</strong>\u00a0: Pas significatif</li>");
  expect(html).toContain("<li><strong>Santé &lt;b&gt;</strong></li>");
  expect(html).toContain('<span data-kind="unintended">inattendu</span>');
  // nothing left out: no section; no scope: no line; a model without a type is a forecast
  const { exclusions: _none, ...older } = referenceCase;
  const plain = funderReportHtml({ ...older, settings: { ...referenceCase.settings, assessmentType: undefined } }, "en")!;
  expect(plain).not.toContain('id="exclusions"');
  expect(plain).not.toContain("<dt>Scope</dt>");
  expect(plain).toContain("<dt>Type</dt><dd>Forecast</dd>");
  expect(plain).not.toContain("data-kind=");
});
