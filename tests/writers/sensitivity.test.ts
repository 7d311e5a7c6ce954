/**
 * The Sensitivity sheet in the live workbook (issue #11 item 3), through the Office double: made with
 * the other sheets, its linear break-even values computed by Excel's formulas (the double's
 * evaluator), its stale status, the tornado chart, and Recompute (recomputeSensitivity): two round
 * trips, only the Sensitivity block written, all or nothing.
 * Independent checks: the method's reference case by hand (proxy break-even 1,000 × 10,000 /
 * 15,221.50), and the ratio recomputed by the core at a written break-even value is 1 : 1.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { recalculate } from "../doubles/excel/evaluate";
import { ExcelError, WorkbookState } from "../doubles/excel/state";
import * as F from "../../src/functions/functions";
import { OUTCOMES, cellOf } from "../../src/layout/columns";
import { layoutNames } from "../../src/layout/names";
import { SENSITIVITY, SENSITIVITY_TEXT, estimateHeader } from "../../src/layout/sensitivity";
import { Assessment, Outcome, SensitivityField, computeAssessment, monteCarloRange } from "../../src/sroi";
import { appendToAssessment, findAssessments, recomputeSensitivity, scaffoldAssessment } from "../../src/writers/office";
import { referenceCase } from "../fixtures/referenceCase";

const functions = { NETIMPACT: F.netImpact, PROJECT: F.project, PV: F.pv, NPV: F.npv, RATIO: F.ratio, NETRATIO: F.netRatio, PAYBACK: F.payback } as Record<string, (...a: unknown[]) => unknown>;

let wb: WorkbookState;
const install = () => (wb = installFakeOffice(globalThis as unknown as Record<string, unknown>));
beforeEach(() => install());

const N = layoutNames().names;
const named = (name: string) => {
  const n = wb.names.find((x) => x.name === name)!;
  return n.sheet.cell(n.box.row, n.box.column)?.value;
};
const portable = (a: Assessment): Assessment => ({ ...a, settings: { ...a.settings, portable: true } });

/** The Sensitivity table's rows, by column key. */
function rows(): Record<string, unknown>[] {
  const t = wb.table("SroiSensitivity")!;
  const headers = t.headers();
  return Array.from({ length: t.box.rows - 1 }, (_, r) =>
    Object.fromEntries(SENSITIVITY.columns.map((col) => [col.key, t.sheet.cell(t.box.row + 1 + r, t.box.column + headers.indexOf(col.header.en))?.value])),
  );
}
const numberOf = (r: Record<string, unknown>) => (typeof r.number === "number" ? r.number : null);
const row = (outcome: number | null, field: SensitivityField) => rows().find((r) => numberOf(r) === outcome && r.estimate === estimateHeader(field, "en"))!;
const setOutcomeCell = (key: "dropOff" | "quantity", dataRow: number, value: unknown) => {
  const at = cellOf(OUTCOMES, key, dataRow);
  const m = /^([A-Z]+)(\d+)$/.exec(at)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  wb.sheet("Impact map").ensure(Number(m[2]) - 1, col).value = value as never;
};
const ratioWith = (a: Assessment, o: Partial<Outcome>) => {
  const c = computeAssessment({ ...a, outcomes: [{ ...a.outcomes[0], ...o }, ...a.outcomes.slice(1)] });
  if (!c.ok || !c.result.ratio) throw new Error("invalid");
  return c.result.ratio.toNumber();
};

// PV of the reference case by hand (method §8): 6,000/1.035 + 5,400/1.035² + 4,860/1.035³ = 15,221.50
const PV = 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3;

describe.each([
  ["live (SROI.* functions)", false],
  ["portable (native functions only)", true],
])("the Sensitivity sheet, %s", (_label, isPortable) => {
  const a = isPortable ? portable(referenceCase) : referenceCase;

  test("made with the others: one row per estimate and one for the rate, the reference case's linear break-even values by hand", async () => {
    await scaffoldAssessment(a);
    recalculate(wb, functions);
    expect(rows()).toHaveLength(7 + 1);
    const M = 10000 / PV; // the outcome's PV must fall to the inputs, 10,000
    expect(row(1, "proxyValue").breakEven).toBeCloseTo((1000 * 10000) / PV, 9); // 656.97
    expect(row(1, "quantity").breakEven).toBeCloseTo(10 * M, 9);
    expect(row(1, "deadweight").breakEven).toBeCloseTo(1 - 0.8 * M, 9);
    expect(row(1, "displacement").breakEven).toBeCloseTo(1 - M, 9);
    expect(row(1, "attribution").breakEven).toBeCloseTo(1 - 0.75 * M, 9);
    expect(row(1, "proxyValue").change).toBeCloseTo(M, 9);
    expect(row(1, "proxyValue").stakeholder).toBe("Participants");
    expect(row(null, "discountRate").value).toBe(0.035);
    // the rows are ranked by swing, largest first
    const swings = rows().map((r) => r.swing as number);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    expect(named(N.sensitivityStatus)).toBe(SENSITIVITY_TEXT.en.upToDate);
    // the non-linear break-even values are the core's, and the ratio is 1 : 1 there
    const d = row(1, "dropOff").breakEven as number;
    expect(ratioWith(a, { dropOff: d })).toBeCloseTo(1, 9);
    // the ratio's range on Results: P10 ≤ median ≤ P90 around the ratio 1.5222
    const [p10, median, p90] = [named(N.ratioP10), named(N.ratioMedian), named(N.ratioP90)] as number[];
    expect(p10).toBeLessThan(median);
    expect(median).toBeLessThan(p90);
    expect(p10).toBeLessThan(15221.5 / 10000);
    expect(p90).toBeGreaterThan(15221.5 / 10000);
  });

  test("an edit of the impact map makes the values stale; Recompute rewrites them in two round trips and they are up to date again", async () => {
    await scaffoldAssessment(a);
    setOutcomeCell("dropOff", 0, 0.3);
    recalculate(wb, functions);
    expect(named(N.sensitivityStatus)).toBe(SENSITIVITY_TEXT.en.stale);
    // the live break-even follows the edit at once: drop-off 30 % gives PV 6,000/1.035 × (1 + q + q²), q = 0.7/1.035
    const q = 0.7 / 1.035;
    const pv30 = (6000 / 1.035) * (1 + q + q * q);
    expect(row(1, "proxyValue").breakEven).toBeCloseTo((1000 * 10000) / pv30, 9);
    const before = wb.syncs;
    const r = await recomputeSensitivity({ suffix: "" }, { now: () => new Date("2026-12-03T09:15:00Z"), draws: 2000 });
    expect(r).toEqual({ computedAt: "2026-12-03T09:15:00.000Z", syncs: 2 });
    expect(wb.syncs - before).toBe(2);
    recalculate(wb, functions);
    expect(named(N.sensitivityDate)).toBe("2026-12-03 09:15 UTC");
    expect(named(N.sensitivityStatus)).toBe(SENSITIVITY_TEXT.en.upToDate);
    const edited = { ...a, outcomes: [{ ...a.outcomes[0], dropOff: 0.3 }] };
    // drop-off's break-even recomputed: with it, the ratio is 1 : 1
    expect(ratioWith(edited, { dropOff: row(1, "dropOff").breakEven as number })).toBeCloseTo(1, 9);
    const range = monteCarloRange(edited, { draws: 2000 });
    if (!range.ok) throw new Error("invalid");
    expect([named(N.ratioP10), named(N.ratioMedian), named(N.ratioP90)]).toEqual([range.value.p10, range.value.median, range.value.p90]);
    const results = wb.sheet("Results");
    const drawsCell = [...results.cells.values()].some((c) => c.value === 2000);
    expect(drawsCell).toBe(true);
  });
});

describe("Recompute", () => {
  test("an outcome added later gets its rows, the tornado is drawn again over them, and no other cell changes", async () => {
    await scaffoldAssessment(referenceCase);
    const mine = wb.sheet("Sensitivity").ensure(0, 30);
    mine.value = "my note";
    const [found] = await findAssessments();
    await appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [{ ...referenceCase.outcomes[0], stakeholder: "Families", quantity: 5 }] });
    const others = wb.sheets.filter((s) => s.name !== "Sensitivity" && s.name !== "Results").map((s) => [s.name, JSON.stringify([...s.cells])] as const);
    const resultsBefore = new Map([...wb.sheet("Results").cells].map(([k, c]) => [k, { ...c }]));
    await recomputeSensitivity(found, { draws: 500 });
    for (const [name, cells] of others) expect([name, JSON.stringify([...wb.sheet(name).cells])]).toEqual([name, cells]);
    // on Results only the range's value cells changed, in column F
    const changed = [...wb.sheet("Results").cells].filter(([k, c]) => JSON.stringify(resultsBefore.get(k)) !== JSON.stringify(c)).map(([k]) => k);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((k) => Number(k.split(",")[1]) !== 5)).toEqual([]);
    recalculate(wb, functions);
    expect(rows()).toHaveLength(2 * 7 + 1);
    expect(row(2, "proxyValue").stakeholder).toBe("Families");
    const charts = wb.sheet("Sensitivity").charts;
    expect(charts).toHaveLength(1);
    const t = wb.table("SroiSensitivity")!;
    expect(charts[0]).toMatchObject({ name: "SroiTornado", reversePlotOrder: true, categories: [`A${t.box.row + 2}:C${t.box.row + t.box.rows}`, `A${t.box.row + 2}:C${t.box.row + t.box.rows}`] });
    expect(wb.sheet("Sensitivity").cell(0, 30)?.value).toBe("my note");
  });

  test("a protected Sensitivity sheet is refused before anything is written, in one round trip", async () => {
    await scaffoldAssessment(referenceCase);
    wb.sheet("Sensitivity").protection = {};
    const dump = wb.dump();
    const before = wb.syncs;
    await expect(recomputeSensitivity({ suffix: "" })).rejects.toMatchObject({ name: "WriteRefused", problem: { code: "sheetProtected", sheet: "Sensitivity" } });
    expect(wb.syncs - before).toBe(1);
    expect(wb.dump()).toEqual(dump);
  });

  test("a value the core refuses is named with its place, in English and French, and nothing is written", async () => {
    await scaffoldAssessment(referenceCase);
    setOutcomeCell("quantity", 0, "ten");
    const dump = wb.dump();
    const error = (await recomputeSensitivity({ suffix: "" }).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ name: "WriteRefused", problem: { code: "notComputable" } });
    // A stakeholder, B intended, C activity, D output, E outcome, F polarity, G indicator, H its source, I quantity
    expect(cellOf(OUTCOMES, "quantity", 0)).toBe("I5");
    expect(error.message).toBe(`the sensitivity cannot be computed: 'Impact map'!I5 (Quantity): Quantity: "ten" is not a number. Fix it and try again; nothing was changed.`);
    expect(wb.dump()).toEqual(dump);
    wb = installFakeOffice(globalThis as unknown as Record<string, unknown>, { displayLanguage: "fr-FR" });
    await scaffoldAssessment(referenceCase);
    setOutcomeCell("quantity", 0, "ten");
    const fr = (await recomputeSensitivity({ suffix: "" }).catch((e: unknown) => e)) as Error;
    expect(fr.message).toMatch(/^la sensibilité ne peut pas être calculée\u00a0: 'Impact map'!I5 .*Quantité.*\. Corrigez puis réessayez\u00a0; rien n'a été modifié\.$/);
  });

  test("an older workbook without the Sensitivity table is told so", async () => {
    await scaffoldAssessment(referenceCase);
    wb.tables = wb.tables.filter((t) => t.name !== "SroiSensitivity");
    await expect(recomputeSensitivity({ suffix: "" })).rejects.toMatchObject({ name: "WriteRefused", problem: { code: "missingTable", table: "SroiSensitivity" } });
  });

  test.each([
    ["an estimate edited (same rows)", false],
    ["an outcome added (rows added, the tornado drawn again)", true],
  ])("when Excel refuses part-way, every failure is taken back: the workbook is as before: %s", async (_label, grow) => {
    let takenBack = 0;
    for (let k = 1; ; k++) {
      install();
      await scaffoldAssessment(referenceCase);
      setOutcomeCell("dropOff", 0, 0.3);
      if (grow) {
        const [found] = await findAssessments();
        await appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [{ ...referenceCase.outcomes[0], quantity: 5 }] });
      }
      const before = wb.dump();
      wb.failCommand(k);
      const error = await recomputeSensitivity({ suffix: "" }, { draws: 200 }).then(
        () => null,
        (e: unknown) => e,
      );
      if (error === null) break;
      expect(wb.dump()).toEqual(before);
      if ((error as Error).name === "WriteRefused") {
        expect(error).toMatchObject({ problem: { code: "refused", undone: true } });
        takenBack++;
      } else expect(error).toBeInstanceOf(ExcelError);
    }
    expect(takenBack).toBeGreaterThan(0);
  });
});
