/**
 * The Sensitivity sheet and the ratio's range on Results, as the layout describes them (issue #11
 * item 3). The figures themselves are checked where they are computed: by Excel's formulas in
 * tests/writers/sensitivity.test.ts (the Office double) and by LibreOffice in
 * tests/interop/libreoffice.test.ts; here, what is written where, in which language, and which cells
 * are live formulas.
 */
import { buildLayout } from "../../src/layout/build";
import { layoutNames } from "../../src/layout/names";
import {
  SENSITIVITY,
  SENSITIVITY_TEXT,
  computeSensitivityFigures,
  sensitivityFormulas,
  shownTime,
  workbookDraws,
} from "../../src/layout/sensitivity";
import type { Block, Chart, FieldList, Sheet, Table } from "../../src/layout/types";
import { isFormula } from "../../src/layout/types";
import type { Assessment } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

const fr: Assessment = { ...referenceCase, settings: { ...referenceCase.settings, language: "fr" } };
const AT = "2026-12-03T09:15:42.000Z";
const layoutOf = (a: Assessment, suffix = "") => buildLayout(a, { suffix, sensitivity: computeSensitivityFigures(a, AT) });
const sheet = (a: Assessment, key: Sheet["key"], suffix = "") => layoutOf(a, suffix).sheets.find((s) => s.key === key)!;
const tableOf = (s: Sheet) => s.parts.find((p): p is Table => p.kind === "table")!;
const fieldsOf = (s: Sheet) => s.parts.filter((p): p is FieldList => p.kind === "fields");

describe("the Sensitivity sheet", () => {
  test("the last sheet, named in the assessment's language, its table below the fields", () => {
    expect(sheet(referenceCase, "sensitivity").name).toBe("Sensitivity");
    expect(sheet(fr, "sensitivity").name).toBe("Sensibilité");
    const t = tableOf(sheet(referenceCase, "sensitivity"));
    expect(t).toMatchObject({ name: "SroiSensitivity", row: SENSITIVITY.row, column: 0 });
    expect(t.columns.map((c) => c.header)).toEqual([
      "Outcome number",
      "Stakeholder",
      "Estimate",
      "Current value",
      "Break-even value",
      "Break-even vs current",
      "Ratio at −25 %",
      "Ratio at +25 %",
      "Swing",
    ]);
    expect(tableOf(sheet(referenceCase, "sensitivity", "2")).name).toBe("SroiSensitivity2");
  });

  test("one row per estimate of the outcome and one for the rate: the five linear break-even values are formulas, the others values", () => {
    const t = tableOf(sheet(referenceCase, "sensitivity"));
    expect(t.rows).toHaveLength(8);
    const col = (key: string) => t.columns.findIndex((c) => c.key === key);
    const byEstimate = new Map(t.rows.map((r) => [r[col("estimate")], r]));
    expect([...byEstimate.keys()].sort()).toEqual(["Attribution", "Deadweight", "Discount rate", "Displacement", "Drop-off", "Duration (years)", "Proxy value", "Quantity"]);
    for (const e of ["Quantity", "Proxy value", "Deadweight", "Displacement", "Attribution"]) expect([e, isFormula(byEstimate.get(e)![col("breakEven")])]).toEqual([e, true]);
    for (const e of ["Drop-off", "Duration (years)", "Discount rate"]) expect([e, typeof byEstimate.get(e)![col("breakEven")]]).toEqual([e, "number"]);
    // the current value is always live; the rate's row has no outcome
    expect(t.rows.every((r) => isFormula(r[col("value")]))).toBe(true);
    expect(byEstimate.get("Discount rate")![col("number")]).toBeNull();
    expect(byEstimate.get("Discount rate")![col("value")]).toEqual({ formula: "=SroiRate" });
    // one-way ratios are values, ranked by swing
    const swings = t.rows.map((r) => r[col("swing")] as number);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
  });

  test("the proxy's break-even formula is the closed form proxy × (C − T + PVₖ) / PVₖ, blank where PVₖ = 0, the same live and portable", () => {
    const names = layoutNames();
    const live = sensitivityFormulas({ lang: "en", names, portable: false }, 1, "proxyValue");
    const portable = sensitivityFormulas({ lang: "en", names, portable: true }, 1, "proxyValue");
    expect(live).toEqual(portable);
    const pv = "INDEX(SroiOutcomes[Present value],SroiSensitivity[[#This Row],[Outcome number]])";
    expect(live.breakEven).toBe(`=IF(OR(N(${pv})=0,SroiTotalInputs<=0),"",SroiSensitivity[[#This Row],[Current value]]*((SroiTotalInputs-SroiTotalPV+${pv})/${pv}))`);
    expect(live.value).toBe("=N(INDEX(SroiOutcomes[Proxy value],SroiSensitivity[[#This Row],[Outcome number]]))");
    // shares: 1 − (1 − x) × M, "none" outside 0–1
    expect(sensitivityFormulas({ lang: "fr", names, portable: true }, 1, "deadweight").breakEven).toContain(`"aucune"`);
    // the non-linear ones have no formula
    expect(sensitivityFormulas({ lang: "en", names, portable: true }, 1, "dropOff").breakEven).toBeNull();
  });

  test("no formula of the sheet or of the range calls a custom function, even in a live workbook", () => {
    const range = fieldsOf(sheet(referenceCase, "results")).find((f) => f.fields.some((x) => x.key === "p10"))!;
    const formulas = [
      ...sheet(referenceCase, "sensitivity").parts.flatMap((p) =>
        p.kind === "table" ? p.rows.flat() : p.kind === "fields" ? p.fields.map((f) => f.value) : p.kind === "block" ? p.cells.flat() : [],
      ),
      ...range.fields.map((f) => f.value),
    ];
    const texts = formulas.filter(isFormula).map((c) => c.formula);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((x) => /SROI\./i.test(x))).toEqual([]);
  });

  test("the fields say when the figures were computed, with which totals, and a status formula compares them with the live ones", () => {
    const [fields] = fieldsOf(sheet(referenceCase, "sensitivity"));
    const v = (key: string) => fields.fields.find((f) => f.key === key)!;
    expect(v("computedAt")).toMatchObject({ value: "2026-12-03 09:15 UTC", name: "SroiSensitivityDate", format: "text" });
    expect(v("totalPV").value).toBeCloseTo(15221.5, 2);
    expect(v("totalInputs").value).toBe(10000);
    expect(v("totalPV").name).toBe("SroiSensitivityPV");
    expect(v("status").name).toBe("SroiSensitivityStatus");
    const status = (v("status").value as { formula: string }).formula;
    expect(status).toContain("ABS(SroiTotalPV-SroiSensitivityPV)");
    expect(status).toContain("ABS(SroiTotalInputs-SroiSensitivityInputs)");
    expect(status).toContain(SENSITIVITY_TEXT.en.stale);
    // general, not text: a formula in a Text cell stays text
    expect(v("status").format).toBe("general");
    // Excel refuses a text constant longer than 255 characters inside a formula
    for (const lang of ["en", "fr"] as const) {
      const [f] = fieldsOf(sheet(lang === "fr" ? fr : referenceCase, "sensitivity"));
      const literals = [...(f.fields.find((x) => x.key === "status")!.value as { formula: string }).formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]);
      expect(literals).toHaveLength(4);
      expect(literals.filter((l) => l.length > 255)).toEqual([]);
    }
  });

  test("no inputs: nothing to compute, the sheet says so and keeps one blank row", () => {
    const a = { ...referenceCase, inputs: [] };
    const s = sheet(a, "sensitivity");
    expect(tableOf(s).rows).toEqual([SENSITIVITY.columns.map(() => null)]);
    const [fields] = fieldsOf(s);
    expect(fields.fields.find((f) => f.key === "computedAt")!.value).toBe("");
    expect((fields.fields.find((f) => f.key === "status")!.value as { formula: string }).formula).toContain(SENSITIVITY_TEXT.en.notComputed);
  });

  test("the tornado chart: the estimates as categories, the two one-way ratios as series, largest swing at the top", () => {
    const chart = sheet(referenceCase, "sensitivity").parts.find((p): p is Chart => p.kind === "chart")!;
    expect(chart).toMatchObject({
      table: "SroiSensitivity",
      name: "SroiTornado",
      categoryColumn: "number",
      categoryLastColumn: "estimate",
      valueColumn: "ratioLow",
      valueLastColumn: "ratioHigh",
      reverseCategories: true,
    });
    // to the right of the table
    expect(chart.column).toBeGreaterThan(SENSITIVITY.columns.length - 1);
  });
});

describe("the ratio's range on Results", () => {
  test("P10, median and P90 of the Monte Carlo run, with draws, seed and the time, left of the chart of value per stakeholder", () => {
    const results = sheet(referenceCase, "results");
    const range = fieldsOf(results).find((f) => f.fields.some((x) => x.key === "p10"))!;
    const v = (key: string) => range.fields.find((f) => f.key === key)!;
    expect([v("p10").name, v("median").name, v("p90").name]).toEqual(["SroiRatioP10", "SroiRatioMedian", "SroiRatioP90"]);
    expect(v("p10").value as number).toBeLessThan(v("median").value as number);
    expect(v("median").value as number).toBeLessThan(v("p90").value as number);
    expect(v("draws").value).toBe(10000);
    expect(v("seed").value).toBe(20261202);
    expect(v("computedAt").value).toEqual({ formula: '=SroiSensitivityDate&""' });
    const header = results.parts.find((p): p is Block => p.kind === "block" && p.cells[0][0] === SENSITIVITY_TEXT.en.rangeHeader)!;
    expect(header.row).toBe(range.row - 1);
    const chart = results.parts.find((p): p is Chart => p.kind === "chart")!;
    // the chart stands right of the range's label and value columns, never over them
    expect(chart.column).toBeGreaterThan(range.column + 1);
    // the value-per-stakeholder chart keeps its one range: stakeholder and present value side by side
    expect(chart).toMatchObject({ categoryColumn: "stakeholder", valueColumn: "presentValue" });
  });

  test("the draws of a sheet made without asking: the core's 10,000 up to 20 outcomes, a budget of 200,000 outcome-draws beyond, at least 100", () => {
    expect([1, 20, 21, 100, 1000, 5000].map(workbookDraws)).toEqual([10000, 10000, 9523, 2000, 200, 100]);
  });
});

describe("French", () => {
  test("headers, labels and texts in French, with French typography (no-break space before : ; ? !, narrow no-break space before %)", () => {
    const s = sheet(fr, "sensitivity");
    const r = sheet(fr, "results");
    const texts = [
      ...tableOf(s).columns.flatMap((c) => [c.header, c.note ?? ""]),
      ...[...fieldsOf(s), ...fieldsOf(r)].flatMap((f) => f.fields.map((x) => x.label)),
      ...Object.values(SENSITIVITY_TEXT.fr),
    ];
    expect(tableOf(s).columns.map((c) => c.header)).toContain("Valeur d’équilibre");
    expect(texts.filter((t) => / [:;?!%€]/.test(t))).toEqual([]);
    expect(texts.some((t) => t.includes("\u202f%"))).toBe(true);
    // headers never need escaping in a structured reference
    expect(tableOf(s).columns.filter((c) => /[[\]#']/.test(c.header))).toEqual([]);
  });

  test("the time as the sheet shows it", () => expect(shownTime(AT)).toBe("2026-12-03 09:15 UTC"));
});
