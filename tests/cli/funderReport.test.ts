/**
 * `sroi report FILE`: the funder report of the example assessment carries the figures `sroi compute
 * --json` gives for the same file (the independent source here: the compute path, and the hand
 * arithmetic written below), in English and French, as one self-contained HTML file.
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT, ensureBuilt, scratch, sroi } from "./run";

const EXAMPLE = { en: join(ROOT, "examples", "work-integration.en.json"), fr: join(ROOT, "examples", "work-integration.fr.json") };
const NBSP = "\u00a0";
const NNBSP = "\u202f";

interface Computed {
  ratio: number;
  presentValue: number;
  inputs: number;
  netPresentValue: number;
  outcomes: { index: number; presentValue: number }[];
  byStakeholder: { stakeholder: string; presentValue: number; share: number | null }[];
  checks: { code: string; severity: string; message: string }[];
  sensitivity: {
    switchingValues: { outcome: number | null; field: string; breakEven: number | null }[];
    oneWay: { outcome: number | null; field: string }[];
    range: { p10: number; p90: number };
  };
}

let dir: string;
const computed: Partial<Record<"en" | "fr", Computed>> = {};
const html: Partial<Record<"en" | "fr", string>> = {};

beforeAll(() => {
  ensureBuilt();
  dir = scratch();
  for (const lang of ["en", "fr"] as const) {
    const c = sroi(["compute", EXAMPLE[lang], "--json", "--lang", lang]);
    expect(c.code).toBe(0);
    computed[lang] = JSON.parse(c.stdout) as Computed;
    const out = join(dir, `report-${lang}.html`);
    const r = sroi(["report", EXAMPLE[lang], "--out", out, "--lang", lang]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.stringContaining(out) });
    html[lang] = readFileSync(out, "utf8");
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of the element carrying data-figure="…" (the first one). */
const figure = (page: string, name: string): string => {
  const m = new RegExp(`data-figure="${name}"[^>]*>(.*?)</(?:td|p)>`, "s").exec(page);
  if (!m) throw new Error(`no data-figure="${name}"`);
  return m[1].replace(/<[^>]+>/g, "");
};
const text = (page: string) => page.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, " ");

test("English: the ratio, its P10–P90 range and the totals are those of sroi compute", () => {
  const c = computed.en!;
  const page = html.en!;
  // 347,416.74 / 201,978.00 = 1.72; inputs by hand: 150,000 + 30,000 + 12,000 + 600 h × 16.63 = 201,978
  expect(c.inputs).toBe(150000 + 30000 + 12000 + 600 * 16.63);
  expect(figure(page, "ratio")).toBe(`${c.ratio.toFixed(2)}${NBSP}:${NBSP}1`);
  expect(figure(page, "ratio")).toBe(`1.72${NBSP}:${NBSP}1`);
  expect(figure(page, "presentValue")).toBe("€347,416.74");
  expect(c.presentValue.toFixed(2)).toBe("347416.74");
  expect(figure(page, "inputs")).toBe("€201,978.00");
  expect(figure(page, "netPresentValue")).toBe(`€${(c.presentValue - c.inputs).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  expect(figure(page, "range")).toBe(`Likely range ${c.sensitivity.range.p10.toFixed(2)}${NBSP}:${NBSP}1 to ${c.sensitivity.range.p90.toFixed(2)}${NBSP}:${NBSP}1`);
});

test("English: the three estimates the ratio depends on most are the one-way table's first three, with their break-evens", () => {
  const c = computed.en!;
  const page = html.en!;
  const rows = [...page.matchAll(/<tr data-field="(\w+)" data-outcome="(\d*)">(.*?)<\/tr>/gs)];
  expect(rows.map((r) => [r[1], r[2] === "" ? null : Number(r[2])])).toEqual(c.sensitivity.oneWay.slice(0, 3).map((o) => [o.field, o.outcome]));
  // Outcome 4's proxy breaks even where the map's PV equals the inputs:
  // proxy × (201,978 − PV of the other outcomes) / PV of outcome 4, by hand from compute's figures.
  const pv4 = c.outcomes.find((o) => o.index === 4)!.presentValue;
  const byHand = (5172.16 * (c.inputs - (c.presentValue - pv4))) / pv4;
  const even = c.sensitivity.switchingValues.find((s) => s.outcome === 4 && s.field === "proxyValue")!.breakEven!;
  expect(even).toBeCloseTo(byHand, 6);
  const proxyRow = rows.find((r) => r[1] === "proxyValue" && r[2] === "4")!;
  expect(proxyRow[3]).toContain(`-€${Math.abs(byHand).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  // a quantity with no break-even in its legal range (≥ 0): even at 0 the ratio stays above 1 : 1
  const quantityRow = rows.find((r) => r[1] === "quantity" && r[2] === "4")!;
  expect(c.sensitivity.switchingValues.find((s) => s.outcome === 4 && s.field === "quantity")!.breakEven).toBeNull();
  expect((c.presentValue - pv4) / c.inputs).toBeGreaterThan(1);
  expect(quantityRow[3]).toContain("the ratio stays above 1");
});

test("English: value per stakeholder and inputs by kind are drawn as SVG bars with their amounts and shares", () => {
  const page = html.en!;
  const svgs = page.match(/<svg[\s\S]*?<\/svg>/g)!;
  expect(svgs).toHaveLength(2);
  for (const b of computed.en!.byStakeholder.filter((x) => x.presentValue !== 0)) {
    expect(svgs[0]).toContain(`€${b.presentValue.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  }
  // contributors with no value are not bars, but named
  expect(svgs[0]).not.toContain("Volunteers");
  expect(text(page)).toContain("Contributors with no outcome of their own: State (DDETS), Town council, Volunteers.");
  // cash 150,000 + 30,000 = 180,000 (89.1 % of 201,978); in kind 12,000 (5.9 %); time 600 × 16.63 = 9,978 (4.9 %)
  expect(svgs[1]).toContain("€180,000.00 · 89.1\u00a0%");
  expect(svgs[1]).toContain("€12,000.00 · 5.9\u00a0%");
  expect(svgs[1]).toContain("€9,978.00 · 4.9\u00a0%");
  expect(svgs[1]).toMatch(/>cash<.*>in kind<.*>time</s);
});

test("English: key assumptions with their sources, and the checks that remain open", () => {
  const page = text(html.en!);
  expect(page).toContain("8 × (FR-SMIC-MONTH-NET-2025 1426.30 × 26/35 − FR-RSA-SINGLE-2025 646.52); service-public.fr, Décret n° 2025-293");
  expect(page).toContain("Payroll records 2025");
  for (const c of computed.en!.checks) expect(page).toContain(c.message);
  expect(computed.en!.checks).toHaveLength(1);
});

test("self-contained: no script, no external resource, inline CSS, A4 page size", () => {
  for (const page of [html.en!, html.fr!]) {
    expect(page).not.toMatch(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).toContain("@page { size: A4;");
  }
});

test("French: the same figures, French number formats and typography", () => {
  const c = computed.fr!;
  const page = html.fr!;
  expect(page).toContain('<html lang="fr">');
  expect(figure(page, "ratio")).toBe(`1,72${NBSP}:${NBSP}1`);
  expect(figure(page, "presentValue")).toBe(`347${NNBSP}416,74${NNBSP}€`);
  expect(figure(page, "inputs")).toBe(`201${NNBSP}978,00${NNBSP}€`);
  expect(figure(page, "range")).toBe(
    `Fourchette probable de ${c.sensitivity.range.p10.toFixed(2).replace(".", ",")}${NBSP}:${NBSP}1 à ${c.sensitivity.range.p90.toFixed(2).replace(".", ",")}${NBSP}:${NBSP}1`,
  );
  expect(page).toContain(`180${NNBSP}000,00${NNBSP}€ · 89,1${NNBSP}%`);
  // No ordinary space before : ; ? ! % € in what the reader sees; and in the report's own words
  // (the example's texts taken out: what a user typed is shown as typed), a space before ; ? ! always.
  const seen = text(page).replace(/&#39;/g, "'");
  expect(seen.match(/.{12} [:;?!%€].{0,12}/g) ?? []).toEqual([]);
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === "string") strings.push(v.trim().replace(/ ([:;?!])/g, `${NBSP}$1`).replace(/ ([%€])/g, `${NNBSP}$1`));
    else if (v && typeof v === "object") Object.values(v).forEach(collect);
  };
  collect(JSON.parse(readFileSync(EXAMPLE.fr, "utf8")));
  const ours = strings.filter((x) => x.length > 0).sort((a, b) => b.length - a.length).reduce((t, x) => t.split(x).join(" "), seen);
  expect(ours.match(/.{12}[^\u00a0\s][;?!](?=\s).{0,12}/g) ?? []).toEqual([]);
  expect(seen).toContain("Contrôles encore ouverts");
  for (const check of c.checks) expect(seen).toContain(check.message.replace(/ ([:;?!])/g, `${NBSP}$1`).replace(/ ([%€])/g, `${NNBSP}$1`));
});

test("the report's language is the assessment's own unless --lang says otherwise", () => {
  const out = join(dir, "own.html");
  expect(sroi(["report", EXAMPLE.fr, "--out", out], { env: { LANG: "en_GB.UTF-8" } }).code).toBe(0);
  expect(readFileSync(out, "utf8")).toContain('<html lang="fr">');
});

test("without --out, FILE-report.html in the current folder", () => {
  const r = sroi(["report", EXAMPLE.en], { cwd: dir });
  expect(r.code).toBe(0);
  expect(existsSync(join(dir, "work-integration.en-report.html"))).toBe(true);
});

test("refusals say what and where, in the language asked for, and write nothing", () => {
  const bad = join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(EXAMPLE.en, "utf8")), outcomes: [{ stakeholder: "A", description: "x", quantity: 10, duration: 1, proxyValue: 5, deadweight: 20 }] }));
  const invalid = sroi(["report", bad, "--out", join(dir, "bad.html")]);
  expect(invalid.code).toBe(1);
  expect(invalid.stderr).toMatch(/\/outcomes\/0\/deadweight/);
  expect(existsSync(join(dir, "bad.html"))).toBe(false);

  const folder = sroi(["report", dir, "--lang", "fr"]);
  expect(folder.code).toBe(1);
  expect(folder.stderr).toContain(`report prend un fichier, pas un dossier`);

  const txt = sroi(["report", EXAMPLE.en, "--out", join(dir, "r.txt")]);
  expect(txt.code).toBe(1);
  expect(txt.stderr).toContain("give --out a name ending in .html");

  const none = sroi(["report"]);
  expect(none.code).toBe(1);
  expect(none.stderr).toContain("sroi report FILE");
});
