/**
 * The workbook the add-in writes computes the method's reference case (§8): quantity 10, proxy
 * 1,000, deadweight 20 %, attribution 25 %, drop-off 10 %, duration 3, rate 3.5 %, inputs 10,000 →
 * net impact 6,000; years 6,000 / 5,400 / 4,860; PV 15,221.50; NPV 5,221.50; ratio 1.5222;
 * net ratio 0.5222; payback 20.0 months (figures from the method document, not from our code).
 * Formulas are evaluated by the double's evaluator with the real custom functions.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { recalculate } from "../doubles/excel/evaluate";
import type { WorkbookState } from "../doubles/excel/state";
import * as F from "../../src/functions/functions";
import { scaffoldAssessment, findAssessments, appendToAssessment } from "../../src/writers/office";
import { referenceCase } from "../fixtures/referenceCase";
import { OUTCOMES, columnIndex } from "../../src/layout/columns";

/** The impact map's calculated columns, wherever the declaration puts them. */
const IMPACT = columnIndex(OUTCOMES, "impact");
const PV_COLUMN = columnIndex(OUTCOMES, "presentValue");
import type { Assessment } from "../../src/sroi";

const functions = { NETIMPACT: F.netImpact, PROJECT: F.project, PV: F.pv, NPV: F.npv, RATIO: F.ratio, NETRATIO: F.netRatio, PAYBACK: F.payback } as Record<string, (...a: unknown[]) => unknown>;

let wb: WorkbookState;
beforeEach(() => {
  wb = installFakeOffice(globalThis as unknown as Record<string, unknown>);
});

const named = (name: string) => {
  const n = wb.names.find((x) => x.name === name)!;
  return n.sheet.cell(n.box.row, n.box.column)!.value;
};
const at = (sheet: string, row: number, column: number) => wb.sheet(sheet).cell(row, column)?.value;

describe.each([
  ["with the SROI.* functions", false],
  ["with native functions only (portable)", true],
])("reference case %s", (_label, portable) => {
  const a: Assessment = { ...referenceCase, settings: { ...referenceCase.settings, portable } };

  test("results: PV 15,221.50, NPV 5,221.50, ratio 1.5222, net ratio 0.5222, payback 20.0", async () => {
    await scaffoldAssessment(a);
    recalculate(wb, functions);
    expect(named("SroiTotalPV")).toBeCloseTo(15221.5, 2);
    expect(named("SroiTotalInputs")).toBe(10000);
    expect(named("SroiNPV")).toBeCloseTo(5221.5, 2);
    expect(named("SroiRatio")).toBeCloseTo(1.5222, 4);
    expect(named("SroiNetRatio")).toBeCloseTo(0.5222, 4);
    expect(named("SroiAnnualImpact")).toBe(6000);
    expect(named("SroiPayback")).toBeCloseTo(20, 10);
  });

  test("impact map row: impact 6,000 and present value 15,221.50", async () => {
    await scaffoldAssessment(a);
    recalculate(wb, functions);
    expect(at("Impact map", 4, IMPACT)).toBeCloseTo(6000, 9);
    expect(at("Impact map", 4, PV_COLUMN)).toBeCloseTo(15221.5, 2);
  });

  test("projection: 6,000 / 5,400 / 4,860 / 0 / 0, and the grid's PV equals the total PV", async () => {
    await scaffoldAssessment(a);
    recalculate(wb, functions);
    expect([3, 4, 5, 6, 7].map((c) => at("Projection", 11, c))).toEqual([6000, 5400, 4860, 0, 0].map((x) => expect.closeTo(x, 9)));
    expect(at("Projection", 6, 3)).toBeCloseTo(15221.5, 2);
    expect(at("Projection", 7, 3)).toBeCloseTo(0, 9); // nothing after the years shown
    expect(at("Projection", 8, 3)).toBeCloseTo(15221.5, 2);
    expect(at("Results", 14, 1)).toBeCloseTo(15221.5, 2); // value of the stakeholder "Participants"
    expect(at("Results", 14, 2)).toBeCloseTo(1, 12); // its share
  });

  test("a duration of 8 years with 5 shown: the grid says what it leaves out, and its total is Results' (hand: Σ 6,000 × 0.9^(t−1) ÷ 1.035^t)", async () => {
    await scaffoldAssessment({ ...a, outcomes: [{ ...a.outcomes[0], duration: 8 }] });
    recalculate(wb, functions);
    expect(at("Projection", 6, 3)).toBeCloseTo(22347.7007, 3); // years 1–5
    expect(at("Projection", 7, 3)).toBeCloseTo(7567.7761, 3); // years 6–8, not shown
    expect(at("Projection", 8, 3)).toBeCloseTo(29915.4767, 3); // every year
    expect(named("SroiTotalPV")).toBeCloseTo(29915.4767, 3);
  });

  test("year 1 undiscounted gives 15,754.25", async () => {
    await scaffoldAssessment({ ...a, settings: { ...a.settings, discountYear1: false } });
    recalculate(wb, functions);
    expect(named("SroiTotalPV")).toBeCloseTo(15754.25, 2);
    expect(at("Projection", 6, 3)).toBeCloseTo(15754.25, 2);
  });

  test("editing a quantity in the impact map changes the ratio (20 people: 3.0443)", async () => {
    await scaffoldAssessment(a);
    wb.sheet("Impact map").cell(OUTCOMES.row + 1, columnIndex(OUTCOMES, "quantity"))!.value = 20;
    recalculate(wb, functions);
    expect(named("SroiRatio")).toBeCloseTo(3.0443, 4); // 2 × 15,221.50 / 10,000
  });

  test("an outcome added later joins the totals", async () => {
    await scaffoldAssessment(a);
    const [found] = await findAssessments();
    await appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [{ ...referenceCase.outcomes[0], quantity: 5 }] });
    recalculate(wb, functions);
    expect(named("SroiTotalPV")).toBeCloseTo(15221.5 * 1.5, 2);
    expect(at("Projection", 12, 3)).toBeCloseTo(3000, 9);
  });
});

test("a blank duration on a row with an impact is an error the user sees, not a silent zero", async () => {
  await scaffoldAssessment({ ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], duration: null }] });
  recalculate(wb, functions);
  const pv = wb.sheet("Impact map").cell(4, PV_COLUMN) as { value: unknown; error?: string };
  expect(pv.value).toBe("#VALUE!");
  expect(pv.error).toMatch(/duration.*a value is needed/);
});
