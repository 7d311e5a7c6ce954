/**
 * The Summary sheet computes what the other sheets say, through its own formulas: the settings by
 * their row, the results by their names, the Results tables row by row. Expected values: the method
 * document's reference case (§8: PV 15,221.50, inputs 10,000, ratio 1.5222) and figures typed here.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { recalculate } from "../doubles/excel/evaluate";
import type { WorkbookState } from "../doubles/excel/state";
import { buildLayout } from "../../src/layout/build";
import { scaffoldAssessment } from "../../src/writers/office";
import { referenceCase } from "../fixtures/referenceCase";
import type { Assessment } from "../../src/sroi";
import type { Block } from "../../src/layout/types";

let wb: WorkbookState;
beforeEach(() => {
  wb = installFakeOffice(globalThis as unknown as Record<string, unknown>);
});

const a: Assessment = {
  ...referenceCase,
  settings: { ...referenceCase.settings, portable: true, assessmentType: "evaluative", scope: "The 2025 programme" },
  inputs: [
    { stakeholder: "Funder", kind: "cash", description: "Grant", amount: 8000, hours: null, hourlyCost: null },
    { stakeholder: "Volunteers", kind: "time", description: "Mentoring", amount: null, hours: 100, hourlyCost: 20 },
  ],
};

/** The Summary's cells, as text, row by row (the sheet the double computed). */
function rows(): unknown[][] {
  const sheet = wb.sheet("Summary");
  return Array.from({ length: 60 }, (_, r) => Array.from({ length: 7 }, (_, c) => sheet.cell(r, c)?.value ?? null));
}
const rowOf = (label: string) => rows().find((r) => r[0] === label);

test("settings, results and the Results tables as the other sheets hold them (inputs 8,000 cash + 100 h × 20 time = 10,000)", async () => {
  await scaffoldAssessment(a);
  recalculate(wb, {});
  expect(rowOf("Organisation")![1]).toBe("Reference");
  expect(rowOf("Kind of assessment")![1]).toBe("evaluative");
  expect(rowOf("Scope")![1]).toBe("The 2025 programme");
  expect(rowOf("Purpose")![1]).toBe(""); // a blank setting is blank, not 0
  expect(rowOf("Total present value")![1]).toBeCloseTo(15221.5, 2);
  expect(rowOf("Total value of inputs")![1]).toBe(10000);
  expect(rowOf("SROI ratio")![1]).toBeCloseTo(1.5222, 4);
  expect(rowOf("Participants")!.slice(0, 3)).toEqual(["Participants", expect.closeTo(15221.5, 2), expect.closeTo(1, 12)]);
  expect(rowOf("cash")!.slice(0, 3)).toEqual(["cash", 8000, expect.closeTo(0.8, 12)]);
  expect(rowOf("time")!.slice(0, 3)).toEqual(["time", 2000, expect.closeTo(0.2, 12)]);
  expect(rowOf("in kind")!.slice(0, 3)).toEqual(["in kind", 0, 0]);
  // the key assumptions of outcome 1, from the impact map
  expect(rowOf("Get a job")!.slice(0, 7)).toEqual(["Get a job", "Income gain", "Hand", 0.2, 0.25, 0.1, 3]);
});

test("the warnings that remain open are written as given (no deduction on the map), or counted when no words are given", () => {
  const flawed: Assessment = { ...a, outcomes: [{ ...a.outcomes[0], deadweight: 0, attribution: 0 }] };
  const lastNotes = (checkText?: (c: { code: string }) => string) => {
    const summary = buildLayout(flawed, { checkText: checkText as never }).sheets.find((s) => s.key === "summary")!;
    return summary.parts.filter((p): p is Block => p.kind === "block" && p.style === "note").map((p) => p.cells[0][0]);
  };
  expect(lastNotes((c) => `open: ${c.code}`).slice(-2)).toEqual(["open: noDeductionOnMap", "open: noDeduction"]);
  expect(lastNotes().at(-1)).toBe("2 check(s) against over-claiming remain open: see the add-in's Review screen or sroi report.");
});
