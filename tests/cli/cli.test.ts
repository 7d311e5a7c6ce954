/**
 * The `sroi` command end to end: the real bin/sroi.js in a child process, real files on disk.
 * Expected numbers are the method's published reference case (§8) or hand arithmetic in the test.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, type OutcomeKey, cellOf } from "../../src/layout/columns";
import { Assessment } from "../../src/sroi";
import { writeXlsx } from "../../src/writers/xlsx";
import { loadableByExcelJs } from "../../src/writers/xlsx/tableParts";
import { exampleAssessment } from "../../src/cli/example";
import { referenceCase } from "../fixtures/referenceCase";
import { ROOT, ensureBuilt, scratch, sroi } from "./run";

/** A cell of the impact map by column key and data row (0: the first outcome), as the schema places it. */
const at = (key: OutcomeKey, dataRow: number): string => cellOf(OUTCOMES, key, dataRow);

/** The reference case of the method document, §8, as a JSON assessment. */
const REFERENCE = {
  schema: "sroi-assessment/1",
  settings: { organisation: "Reference", title: "Method §8", currency: "EUR", discountRate: 0.035 },
  stakeholders: [{ name: "Participants" }, { name: "Funder" }],
  inputs: [{ stakeholder: "Funder", kind: "cash", amount: 10000 }],
  outcomes: [
    {
      stakeholder: "Participants",
      description: "Reference outcome",
      quantity: 10,
      duration: 3,
      proxyValue: 1000,
      deadweight: 0.2,
      displacement: 0,
      attribution: 0.25,
      dropOff: 0.1,
    },
  ],
};

/** The same case as an Assessment (the writers' shared fixture), portable unless said otherwise. */
const referenceAssessment = (portable = true): Assessment => ({ ...referenceCase, settings: { ...referenceCase.settings, portable } });

/** Deterministic "random" bytes (a linear congruential generator), so a failure can be replayed. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out[i] = x & 0xff;
  }
  return out;
}

/** ExcelJS cannot load tables that declare calculated columns (exceljs #1240): strip those first. */
async function openWithExcelJs(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await loadableByExcelJs(readFileSync(path))) as unknown as ArrayBuffer);
  return wb;
}

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = scratch();
  writeFileSync(join(dir, "reference.json"), JSON.stringify(REFERENCE));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("help, options and exit codes", () => {
  test("--help prints usage and the exit codes, exit 0", () => {
    const r = sroi(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sroi compute +FILE\|FOLDER/);
    expect(r.stdout).toMatch(/0 +every input is valid/);
    expect(r.stdout).toMatch(/1 +invalid input/);
    expect(r.stdout).toMatch(/2 +internal error/);
  });
  test.each([
    ["--lang fr", ["--help", "--lang", "fr"], {}],
    ["LANG=fr_FR.UTF-8", ["--help"], { LANG: "fr_FR.UTF-8" }],
    ["LC_ALL=fr_BE.UTF-8 wins over LANG=en_GB", ["--help"], { LANG: "en_GB.UTF-8", LC_ALL: "fr_BE.UTF-8" }],
  ])("French help with %s", (_why, args, env) => expect(sroi(args, { env }).stdout).toMatch(/Codes de sortie/));
  test("--lang en wins over a French LANG", () => expect(sroi(["--help", "--lang", "en"], { env: { LANG: "fr_FR.UTF-8" } }).stdout).toMatch(/Exit codes/));
  test.each([
    ["no command: usage on stdout, exit 1", [], /Usage/],
    ["an unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["an unknown option", ["compute", "x.json", "--colour"], /Unknown option '--colour'/],
    ["a language that is not fr or en", ["template", "--lang", "de"], /--lang de: use fr or en/],
    ["compute without a file", ["compute"], /compute needs a file or a folder/],
    ["a file that does not exist", ["compute", "nowhere.xlsx"], /nowhere\.xlsx: no such file or folder/],
    ["a stray second file", ["compute", "a.json", "b.json"], /unexpected argument "b.json"/],
    ["an --out folder that does not exist", ["example", "--out", "no/such/folder/x.xlsx"], /no\/such\/folder\/x\.xlsx: cannot be written \(ENOENT\)/],
  ])("exit 1 for %s", (_why, args, message) => {
    const r = sroi(args, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(message);
  });
  test("--version prints the package's version", () =>
    expect(sroi(["--version"]).stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version));
  test("exit 2 and the stack on stderr when the tool itself fails (a bug, not the input)", () => {
    const crash = join(dir, "crash.js");
    writeFileSync(crash, `require(${JSON.stringify(join(ROOT, "lib", "cli", "files.js"))}).computeFile = async () => { throw new Error("simulated bug"); };`);
    const r = sroi(["compute", "reference.json"], { cwd: dir, nodeArgs: ["--require", crash] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sroi: internal error: Error: simulated bug/);
  });
});

describe("compute: the reference case of the method (§8)", () => {
  test("JSON input: PV 15,221.50, NPV 5,221.50, ratio 1.52 : 1, net ratio 0.52, payback 20.0 months", () => {
    const r = sroi(["compute", "reference.json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Present value \(PV\) +€15,221\.50/);
    expect(r.stdout).toMatch(/Value of inputs +€10,000\.00/);
    expect(r.stdout).toMatch(/Net present value \(NPV\) +€5,221\.50/);
    expect(r.stdout).toMatch(/SROI ratio +1\.52 : 1/);
    expect(r.stdout).toMatch(/Net ratio +0\.52/);
    expect(r.stdout).toMatch(/Payback +20\.0 months/);
    expect(r.stdout).toMatch(/Participants +€15,221\.50 +100\.0%/);
    expect(r.stdout).toMatch(/Funder +€0\.00 +0\.0%/);
  });
  test("workbook input (portable .xlsx) gives the same figures", async () => {
    writeFileSync(join(dir, "reference.xlsx"), await writeXlsx(buildLayout(referenceAssessment())));
    const r = sroi(["compute", "reference.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Present value \(PV\) +€15,221\.50/);
    expect(r.stdout).toMatch(/SROI ratio +1\.52 : 1/);
  });
  test("a workbook using the add-in's SROI.* functions is recomputed by the core, not read from cells", async () => {
    writeFileSync(join(dir, "reference-addin.xlsx"), await writeXlsx(buildLayout(referenceAssessment(false))));
    const r = sroi(["compute", "reference-addin.xlsx", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(Math.round(JSON.parse(r.stdout).presentValue * 100) / 100).toBe(15221.5);
  });
  test("French: 15 221,50 €, 1,52 : 1, 20,0 mois", () => {
    const r = sroi(["compute", "reference.json", "--lang", "fr"], { cwd: dir });
    expect(r.stdout).toMatch(/Valeur actuelle \(VA\) +15\s221,50\s€/u);
    expect(r.stdout).toMatch(/Ratio SROI +1,52 : 1/);
    expect(r.stdout).toMatch(/20,0 mois/);
  });
  test("--json: the versioned result, numbers unrounded", () => {
    const r = sroi(["compute", "reference.json", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ schema: "sroi-result/1", file: "reference.json", valid: true, currency: "EUR", discountRate: 0.035, discountYear1: true, problems: [] });
    expect(Math.round(j.presentValue * 100) / 100).toBe(15221.5);
    expect(j.inputs).toBe(10000);
    expect(Math.round(j.netPresentValue * 100) / 100).toBe(5221.5);
    expect(Math.round(j.ratio * 1e4) / 1e4).toBe(1.5222);
    expect(Math.round(j.netRatio * 1e4) / 1e4).toBe(0.5222);
    // 10 × 1,000 × 0.8 × 1 × 0.75 = 6,000 a year; 10,000 / (6,000 / 12) = 20 months
    expect(j.annualImpact).toBe(6000);
    expect(j.paybackMonths).toBe(20);
    expect(j.outcomes).toEqual([{ index: 1, stakeholder: "Participants", description: "Reference outcome", netImpact: 6000, presentValue: j.presentValue }]);
    expect(j.byStakeholder).toEqual([
      { stakeholder: "Participants", presentValue: j.presentValue, share: 1 },
      { stakeholder: "Funder", presentValue: 0, share: 0 },
    ]);
  });
});

describe("compute: units per person (a proxy per month over a year)", () => {
  // 100 a month × 12 months = 1,200 per person; I = 10 × 1,200 × 0.8 × 1 × 0.75 = 7,200 a year,
  // so every year is 1.2 × the reference case's: PV = 1.2 × 15,221.5008 = 18,265.80
  const monthly = { ...REFERENCE, outcomes: [{ ...REFERENCE.outcomes[0], proxyValue: 100, proxyUnits: 12, proxyUnit: "per month", valuationMethod: "cost saved", proxyPriceYear: 2025 }] };
  test("JSON: annual impact 7,200, PV 18,265.80, payback 10,000 / (7,200 / 12) = 16.7 months", () => {
    writeFileSync(join(dir, "monthly.json"), JSON.stringify(monthly));
    const r = sroi(["compute", "monthly.json", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.annualImpact).toBe(7200);
    expect(Math.round(j.presentValue * 100) / 100).toBe(18265.8);
    expect(Math.round(j.paybackMonths * 10) / 10).toBe(16.7);
  });
  test("the same assessment as a workbook, live and portable, gives the same figures and reads the units and evidence back", async () => {
    const a: Assessment = {
      ...referenceCase,
      outcomes: [{ ...referenceCase.outcomes[0], proxyValue: 100, proxyUnits: 12, proxyUnit: "per month", proxyPriceYear: 2025, valuationMethod: "value game" }],
    };
    for (const portable of [true, false]) {
      const name = `monthly-${portable ? "portable" : "live"}.xlsx`;
      writeFileSync(join(dir, name), await writeXlsx(buildLayout({ ...a, settings: { ...a.settings, portable } })));
      const r = sroi(["compute", name, "--json"], { cwd: dir });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).annualImpact).toBe(7200);
    }
    const json = sroi(["convert", "monthly-portable.xlsx", "--out", "monthly-back.json"], { cwd: dir });
    expect(json.code).toBe(0);
    const back = JSON.parse(readFileSync(join(dir, "monthly-back.json"), "utf8"));
    expect(back.outcomes[0]).toMatchObject({ proxyValue: 100, proxyUnits: 12, proxyUnit: "per month", proxyPriceYear: 2025, valuationMethod: "value game" });
  });
  test("negative units: exit 1, at /outcomes/0/proxyUnits", () => {
    writeFileSync(join(dir, "negative-units.json"), JSON.stringify({ ...monthly, outcomes: [{ ...monthly.outcomes[0], proxyUnits: -12 }] }));
    const r = sroi(["compute", "negative-units.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/outcomes\/0\/proxyUnits: Units per person: -12 is negative/);
  });
});

describe("compute: a proxy in another currency (issue #12)", () => {
  const foreign = { ...REFERENCE, outcomes: [{ ...REFERENCE.outcomes[0], proxyCurrency: "GBP" }] };
  test("JSON: a GBP proxy in a EUR assessment without a rate: exit 1, at /outcomes/0/exchangeRate", () => {
    writeFileSync(join(dir, "gbp-no-rate.json"), JSON.stringify(foreign));
    const r = sroi(["compute", "gbp-no-rate.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/outcomes\/0\/exchangeRate: Exchange rate: the proxy is in GBP but the assessment is in EUR, and no exchange rate is recorded/);
  });
  test("workbook: the same refusal names the Exchange rate cell; with the rate recorded it computes the method's PV", async () => {
    const a: Assessment = { ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], proxyCurrency: "GBP" }] };
    writeFileSync(join(dir, "gbp-no-rate.xlsx"), await writeXlsx(buildLayout(a)));
    const r = sroi(["compute", "gbp-no-rate.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`'Impact map'!${cellOf(OUTCOMES, "exchangeRate", 0)}: Exchange rate: the proxy is in GBP`);
    const rated: Assessment = { ...referenceCase, outcomes: [{ ...a.outcomes[0], exchangeRate: 1.17, exchangeRateSource: "ECB, 2025-06-30" }] };
    writeFileSync(join(dir, "gbp-rate.xlsx"), await writeXlsx(buildLayout(rated)));
    const ok = sroi(["compute", "gbp-rate.xlsx", "--json"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(Math.round(JSON.parse(ok.stdout).presentValue * 100) / 100).toBe(15221.5);
  });
});

describe("template and example", () => {
  test("template writes an empty workbook that computes (no inputs: no ratio), exit 0", () => {
    expect(sroi(["template", "--out", "t.xlsx"], { cwd: dir }).code).toBe(0);
    const r = sroi(["compute", "t.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SROI ratio +none \(the inputs total 0\)/);
  });
  test("template --lang fr writes French sheets", async () => {
    expect(sroi(["template", "--lang", "fr", "--out", "t-fr.xlsx"], { cwd: dir }).code).toBe(0);
    const wb = await openWithExcelJs(join(dir, "t-fr.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Paramètres SROI", "Carte des impacts", "Résultats"]));
  });
  test("template --out FILE.json writes the JSON form", () => {
    expect(sroi(["template", "--out", "t.json"], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "t.json"), "utf8"))).toMatchObject({ schema: "sroi-assessment/1", settings: { portable: true } });
  });
  test("without --out, example writes sroi-example.xlsx in the current folder", () => {
    const here = join(dir, "here");
    mkdirSync(here);
    expect(sroi(["example"], { cwd: here }).code).toBe(0);
    expect(existsSync(join(here, "sroi-example.xlsx"))).toBe(true);
  });
  test("example --json prints the example assessment", () => {
    const j = JSON.parse(sroi(["example", "--json"]).stdout);
    expect(j.schema).toBe("sroi-assessment/1");
    expect(j.inputs.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(["cash", "inKind", "time"]));
  });
  test("--json with --out FILE.xlsx is refused (JSON goes to the screen or a .json file)", () =>
    expect(sroi(["example", "--json", "--out", "x.xlsx"], { cwd: dir }).code).toBe(1));

  test("the example workbook and its JSON give the same result; outcomes 1 and 2 by hand", () => {
    expect(sroi(["example", "--out", "example.xlsx"], { cwd: dir }).code).toBe(0);
    expect(sroi(["example", "--out", "example.json"], { cwd: dir }).code).toBe(0);
    const x = JSON.parse(sroi(["compute", "example.xlsx", "--json"], { cwd: dir }).stdout);
    const j = JSON.parse(sroi(["compute", "example.json", "--json"], { cwd: dir }).stdout);
    expect({ ...x, file: "" }).toEqual({ ...j, file: "" });
    // outcome 1: 24 people × 3,304.14 € × (1 − 10 %) × (1 − 0) × (1 − 10 %), one year, discounted once
    const i1 = 24 * 3304.14 * 0.9 * 0.9;
    expect(x.outcomes[0].netImpact).toBeCloseTo(i1, 6);
    expect(x.outcomes[0].presentValue).toBeCloseTo(i1 / 1.035, 6);
    // outcome 2: 9 × 9,357.36 € × 0.75 × 0.9 × 0.8, from year 2 for 3 years, 30 % drop-off
    const i2 = 9 * 9357.36 * 0.75 * 0.9 * 0.8;
    expect(x.outcomes[1].presentValue).toBeCloseTo(i2 / 1.035 ** 2 + (0.7 * i2) / 1.035 ** 3 + (0.49 * i2) / 1.035 ** 4, 6);
    // inputs: 150,000 + 30,000 + 12,000 cash and in kind, 600 h × (11.88 € × 1.4) of volunteer time
    expect(x.inputs).toBeCloseTo(150000 + 30000 + 12000 + 600 * 16.63, 6);
    expect(x.ratio).toBeGreaterThan(1);
    expect(x.byStakeholder.map((b: { stakeholder: string }) => b.stakeholder).slice(0, 3)).toEqual([
      "Employees in integration",
      "Public purse (Département)",
      "Local employers",
    ]);
  });
});

describe("compute: stages 1–2 (type, scope, what was left out)", () => {
  /** An assessment with a type, a scope and two exclusions, the second without a reason. */
  const scoped = (lang: "en" | "fr") => ({
    schema: "sroi-assessment/1",
    settings: { currency: "EUR", discountRate: 0.035, language: lang, assessmentType: "evaluative", scope: "Programme 2025", purpose: "Report" },
    outcomes: [{ stakeholder: "P", description: "Job", quantity: 10, duration: 3, proxyValue: 1000, deadweight: 0.2, attribution: 0.25, dropOff: 0.1, source: "R", proxySource: "H" }],
    exclusions: [{ item: "Families", reason: "Not material" }, { item: "Health" }],
  });

  test.each([
    ["en", ["  Assessment type          evaluative", "  Scope                    Programme 2025", "  Left out of the analysis (2):", "    Families — Not material", "    Health"]],
    ["fr", ["  Type d'évaluation            évaluative", "  Périmètre                    Programme 2025", "  Exclu de l'analyse (2)\u00a0:", "    Families — Not material", "    Health"]],
  ] as const)("text (%s): the type and the scope with the figures, the exclusions after the value by stakeholder", (lang, expected) => {
    writeFileSync(join(dir, `scoped-${lang}.json`), JSON.stringify(scoped(lang)));
    const out = sroi(["compute", `scoped-${lang}.json`, "--lang", lang], { cwd: dir });
    expect(out.code).toBe(0);
    const lines = out.stdout.split("\n");
    for (const line of expected) expect(lines).toContain(line);
    const at = (line: string) => lines.indexOf(line);
    expect(at(expected[0])).toBe(1);
    expect(at(expected[2])).toBeGreaterThan(lines.findIndex((l) => /Value by stakeholder|Valeur par partie prenante/.test(l)));
  });

  test("--json: the type, scope, purpose, audience and exclusions; a file without them: forecast, blanks, []", () => {
    writeFileSync(join(dir, "scoped.json"), JSON.stringify(scoped("en")));
    const j = JSON.parse(sroi(["compute", "scoped.json", "--json"], { cwd: dir }).stdout);
    expect(j).toMatchObject({ assessmentType: "evaluative", scope: "Programme 2025", purpose: "Report", audience: "", exclusions: [{ item: "Families", reason: "Not material" }, { item: "Health", reason: "" }] });
    const { exclusions: _x, ...older } = scoped("en");
    writeFileSync(join(dir, "older.json"), JSON.stringify({ ...older, settings: { currency: "EUR", discountRate: 0.035 } }));
    const o = JSON.parse(sroi(["compute", "older.json", "--json"], { cwd: dir }).stdout);
    expect(o).toMatchObject({ assessmentType: "forecast", scope: "", purpose: "", audience: "", exclusions: [] });
    expect(sroi(["compute", "older.json"], { cwd: dir }).stdout).not.toMatch(/Left out|Scope/);
  });
});

describe("bad input is refused with the place of each problem", () => {
  test("random bytes named .xlsx: not a readable workbook, exit 1", () => {
    writeFileSync(join(dir, "noise.xlsx"), noise(4096));
    const r = sroi(["compute", "noise.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/noise\.xlsx: this is not a readable \.xlsx workbook/);
  });
  test("a truncated workbook: not readable, exit 1", () => {
    sroi(["example", "--out", "whole.xlsx"], { cwd: dir });
    writeFileSync(join(dir, "truncated.xlsx"), readFileSync(join(dir, "whole.xlsx")).subarray(0, 3000));
    const r = sroi(["compute", "truncated.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/truncated\.xlsx: this is not a readable \.xlsx workbook/);
  });
  test("tables converted to ranges (no table definitions left) are found by their headers: same result", async () => {
    sroi(["example", "--out", "ranges.xlsx"], { cwd: dir });
    // what "Convert to Range" leaves: the cells, without the table parts and their references
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "ranges.xlsx")));
    for (const name of Object.keys(zip.files)) {
      if (/^xl\/tables\//.test(name)) zip.remove(name);
      else if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) zip.file(name, (await zip.file(name)!.async("string")).replace(/<tableParts[\s\S]*?<\/tableParts>/, ""));
      else if (/^xl\/worksheets\/_rels\/.+\.rels$/.test(name)) zip.file(name, (await zip.file(name)!.async("string")).replace(/<Relationship [^>]*Target="\.\.\/tables\/[^"]*"\/>/g, ""));
      else if (name === "[Content_Types].xml") zip.file(name, (await zip.file(name)!.async("string")).replace(/<Override [^>]*PartName="\/xl\/tables\/[^"]*"[^>]*\/>/g, ""));
    }
    writeFileSync(join(dir, "ranges.xlsx"), await zip.generateAsync({ type: "uint8array" }));
    expect(Object.keys((await JSZip.loadAsync(readFileSync(join(dir, "ranges.xlsx")))).files).filter((f) => f.includes("tables/"))).toEqual([]);
    const ranges = sroi(["compute", "ranges.xlsx", "--json"], { cwd: dir });
    expect(ranges.stderr).toBe("");
    sroi(["example", "--out", "with-tables.xlsx"], { cwd: dir });
    const tables = JSON.parse(sroi(["compute", "with-tables.xlsx", "--json"], { cwd: dir }).stdout);
    expect({ ...JSON.parse(ranges.stdout), file: "" }).toEqual({ ...tables, file: "" });
  });

  test("a workbook without the SROI tables names the missing tables", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "Hello";
    await wb.xlsx.writeFile(join(dir, "other.xlsx"));
    const r = sroi(["compute", "other.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/other\.xlsx: the table SroiOutcomes is missing/);
  });

  /** The example workbook, edited as a person would in Excel (cells typed over). */
  async function edited(name: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    sroi(["example", "--out", name], { cwd: dir });
    const wb = await openWithExcelJs(join(dir, name));
    const ws = wb.getWorksheet("Impact map")!;
    // the layout contract: the impact map's columns where the schema declares them (data row -1: the header row)
    expect([ws.getCell(at("quantity", -1)).value, ws.getCell(at("deadweight", -1)).value]).toEqual(["Quantity", "Deadweight"]);
    edit(ws);
    await wb.xlsx.writeFile(join(dir, name));
    return name;
  }

  test.each([
    ["text in Quantity", (ws: ExcelJS.Worksheet) => (ws.getCell(at("quantity", 0)).value = "twelve"), `'Impact map'!${at("quantity", 0)}: Quantity: "twelve" is not a number.`],
    ["25 in Deadweight", (ws: ExcelJS.Worksheet) => (ws.getCell(at("deadweight", 1)).value = 25), `'Impact map'!${at("deadweight", 1)}: Deadweight: 25 looks like 25 %: enter 25% or 0.25.`],
    ["a blank Duration", (ws: ExcelJS.Worksheet) => (ws.getCell(at("duration", 2)).value = null), `'Impact map'!${at("duration", 2)} (Duration (years)): Duration: a value is needed here.`],
    ["3 in Starts in year", (ws: ExcelJS.Worksheet) => (ws.getCell(at("start", 0)).value = 3), `'Impact map'!${at("start", 0)} (Starts in year): Outcome starts: 3 is not a start year`],
  ])("hand-edited workbook, %s: exit 1, the cell and its header named", async (_why, edit, message) => {
    const file = await edited(`edited-${_why.replace(/\W+/g, "-")}.xlsx`, edit);
    const r = sroi(["compute", file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toMatch(/invalid \(1 problem\)/);
  });

  test("several edits at once: every problem is reported, in French with --lang fr", async () => {
    const file = await edited("edited-fr.xlsx", (ws) => {
      ws.getCell(at("quantity", 0)).value = "douze";
      ws.getCell(at("deadweight", 1)).value = 25;
    });
    const r = sroi(["compute", file, "--lang", "fr"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`'Impact map'!${at("quantity", 0)} (Quantity): Quantité\u00A0: «\u00A0douze\u00A0» n'est pas un nombre.`);
    expect(r.stderr).toContain(`'Impact map'!${at("deadweight", 1)} (Deadweight): Point mort\u00A0: 25 ressemble à 25\u202F%`);
    expect(r.stdout).toMatch(/invalide \(2 problèmes\)/);
  });

  test("a deleted column: exit 1, the sheet and the missing header named", async () => {
    // what Excel saves after "Delete table column" on Drop-off: the table without that column
    const layout = buildLayout(exampleAssessment("en"));
    for (const sheet of layout.sheets)
      for (const part of sheet.parts) {
        if (part.kind !== "table" || part.name !== "SroiOutcomes") continue;
        const k = part.columns.findIndex((c) => c.key === "dropOff");
        part.columns.splice(k, 1);
        for (const row of part.rows) row.splice(k, 1);
      }
    writeFileSync(join(dir, "no-dropoff.xlsx"), await writeXlsx(layout));
    const r = sroi(["compute", "no-dropoff.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-dropoff\.xlsx: 'Impact map' \(Drop-off\): the column "Drop-off" is missing from the table SroiOutcomes/);
  });

  test.each([
    ["25 typed for 25 %", { deadweight: 25 }, /\/outcomes\/0\/deadweight: Deadweight: 25 looks like 25 %/],
    ["text for a number", { quantity: "ten" }, /\/outcomes\/0\/quantity: "ten" should be a number or null\./],
    ["a misspelt property", { deadwieght: 0.2 }, /\/outcomes\/0\/deadwieght: unknown property \(a typo\?\)/],
    ["a start of 3", { start: 3 }, /\/outcomes\/0\/start: Outcome starts: 3 is not a start year/],
  ])("JSON with %s: exit 1, the JSON Pointer named", (_why, change, message) => {
    const doc = { ...REFERENCE, outcomes: [{ ...REFERENCE.outcomes[0], ...change }] };
    const name = `bad-${_why.replace(/\W+/g, "-")}.json`;
    writeFileSync(join(dir, name), JSON.stringify(doc));
    const r = sroi(["compute", name], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  test("a file that is not JSON at all: said once, with no place", () => {
    writeFileSync(join(dir, "broken.json"), '{ "schema": ');
    const r = sroi(["compute", "broken.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^broken\.json: this file is not valid JSON: /);
  });

  test("--json for an invalid file: valid false and the problems with their places", () => {
    writeFileSync(join(dir, "bad-json.json"), JSON.stringify({ ...REFERENCE, outcomes: [{ ...REFERENCE.outcomes[0], deadweight: 25 }] }));
    const r = sroi(["compute", "bad-json.json", "--json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      schema: "sroi-result/1",
      file: "bad-json.json",
      valid: false,
      problems: [{ code: "percentLooksWhole", pointer: "/outcomes/0/deadweight", message: "Deadweight: 25 looks like 25 %: enter 25% or 0.25." }],
      formulaCells: [],
    });
  });
});

describe("compute over a folder", () => {
  let folder: string;
  beforeAll(() => {
    folder = join(dir, "network");
    mkdirSync(folder);
    writeFileSync(join(folder, "a-reference.json"), JSON.stringify(REFERENCE));
    sroi(["example", "--out", join(folder, "b-example.xlsx")], { cwd: dir });
    writeFileSync(join(folder, "c-noise.xlsx"), noise(2048, 99));
    writeFileSync(join(folder, "d-reference-bis.json"), JSON.stringify(REFERENCE));
    writeFileSync(join(folder, "notes.txt"), "not an assessment");
    writeFileSync(join(folder, "~$b-example.xlsx"), noise(165));
  });

  test("one line per assessment file, a total per currency, keeps going past the bad file, exit 1", () => {
    const r = sroi(["compute", "network"], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^network\/a-reference\.json: +PV €15,221\.50 +inputs €10,000\.00 +NPV €5,221\.50 +ratio 1\.52 : 1$/);
    expect(lines[1]).toMatch(/^network\/b-example\.xlsx: +PV €/);
    expect(lines[2]).toBe("network/c-noise.xlsx: invalid (1 problem)");
    expect(lines[3]).toMatch(/^network\/d-reference-bis\.json: +PV €15,221\.50/);
    expect(lines[4]).toMatch(/^Total EUR \(3 of 4 assessments\): +PV €/);
    expect(r.stderr).toMatch(/network\/c-noise\.xlsx: this is not a readable \.xlsx workbook/);
  });

  test("--json: every file, the invalid count, totals that add the valid files up", () => {
    const j = JSON.parse(sroi(["compute", "network", "--json"], { cwd: dir }).stdout);
    expect(j.schema).toBe("sroi-result/1");
    expect(j.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([
      ["network/a-reference.json", true],
      ["network/b-example.xlsx", true],
      ["network/c-noise.xlsx", false],
      ["network/d-reference-bis.json", true],
    ]);
    expect(j.invalid).toBe(1);
    const valid = j.files.filter((f: { valid: boolean }) => f.valid);
    const pv = valid.reduce((s: number, f: { presentValue: number }) => s + f.presentValue, 0);
    const inputs = valid.reduce((s: number, f: { inputs: number }) => s + f.inputs, 0);
    expect(j.totals).toHaveLength(1);
    expect(j.totals[0].currency).toBe("EUR");
    expect(j.totals[0].assessments).toBe(3);
    expect(j.totals[0].presentValue).toBeCloseTo(pv, 6);
    expect(j.totals[0].inputs).toBeCloseTo(inputs, 6);
    expect(j.totals[0].ratio).toBeCloseTo(pv / inputs, 9);
  });

  test("a workbook holding two assessments (tables SroiSettings and SroiSettings2): one line each and their total", async () => {
    const first = buildLayout(referenceAssessment());
    const second = buildLayout(exampleAssessment("fr"), { suffix: "2", sheetNames: { settings: "Paramètres 2", stakeholders: "Parties 2", inputs: "Contributions 2", impactMap: "Carte 2", projection: "Projection 2", results: "Résultats 2", summary: "Synthèse 2", sensitivity: "Sensibilité 2" } });
    writeFileSync(join(dir, "two.xlsx"), await writeXlsx({ ...first, sheets: [...first.sheets, ...second.sheets] }));
    const r = sroi(["compute", "two.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^two\.xlsx: +PV €15,221\.50 /);
    expect(lines[1]).toMatch(/^two\.xlsx#2: +PV €/);
    expect(lines[2]).toMatch(/^Total EUR \(2 of 2 assessments\)/);
    const j = JSON.parse(sroi(["compute", "two.xlsx", "--json"], { cwd: dir }).stdout);
    expect(j).toMatchObject({ schema: "sroi-result/1", file: "two.xlsx", invalid: 0 });
    expect(j.files.map((f: { assessmentNumber?: number; title: string }) => [f.assessmentNumber, f.title])).toEqual([
      [undefined, "Method §8"],
      [2, "SROI évaluatif du programme d'insertion"],
    ]);
  });

  test("the add-in's portable copy of an assessment in the same workbook is shown but not counted twice", async () => {
    const sheetNames = { settings: "S2", stakeholders: "K2", inputs: "I2", impactMap: "M2", projection: "P2", results: "R2", summary: "Y2", sensitivity: "V2" };
    const original = buildLayout(referenceAssessment(false));
    const copy = buildLayout(referenceAssessment(true), { suffix: "2", sheetNames });
    writeFileSync(join(dir, "with-copy.xlsx"), await writeXlsx({ ...original, sheets: [...original.sheets, ...copy.sheets] }));
    const lines = sroi(["compute", "with-copy.xlsx"], { cwd: dir }).stdout.trim().split("\n");
    expect(lines[1]).toMatch(/^with-copy\.xlsx#2: +\(a portable copy of with-copy\.xlsx: not in the total\) +PV €15,221\.50/);
    expect(lines[2]).toMatch(/^Total EUR \(1 of 2 assessments\): +PV €15,221\.50 /);
    const j = JSON.parse(sroi(["compute", "with-copy.xlsx", "--json"], { cwd: dir }).stdout);
    expect(j.files[1]).toMatchObject({ assessmentNumber: 2, copyOf: "with-copy.xlsx", valid: true });
    expect(Math.round(j.totals[0].presentValue * 100) / 100).toBe(15221.5);
  });

  test("a folder with no assessment file: exit 1", () => {
    const empty = join(dir, "empty");
    mkdirSync(empty);
    writeFileSync(join(empty, "readme.txt"), "");
    const r = sroi(["compute", "empty"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty: the folder holds no \.xlsx or \.json file/);
  });
});
