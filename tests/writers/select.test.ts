/**
 * Selecting the cell a check is about (the Review screen), against the in-memory workbook double:
 * the outcome's row of the impact map × the field's column, found by header, with blank rows
 * skipped as the reader skips them; the settings' value cell for the rate; clear refusals.
 */
import { installFakeOffice } from "../doubles/excel/install";
import type { WorkbookState } from "../doubles/excel/state";
import { OUTCOMES, SETTINGS, SETTINGS_ROWS, cellOf, columnIndex } from "../../src/layout/columns";
import { findAssessments, scaffoldAssessment, selectAssessmentCell } from "../../src/writers/office";
import { cellAddress } from "../../src/layout/a1";
import { referenceCase } from "../fixtures/referenceCase";
import type { Assessment } from "../../src/sroi";

let wb: WorkbookState;
beforeEach(() => {
  wb = installFakeOffice(globalThis as unknown as Record<string, unknown>);
});

const selected = () => ({ sheet: wb.selection!.sheet.name, address: cellAddress(wb.selection!.box.row, wb.selection!.box.column), rows: wb.selection!.box.rows });

const three: Assessment = {
  ...referenceCase,
  outcomes: [1, 2, 3].map((k) => ({ ...referenceCase.outcomes[0], description: `Outcome ${k}`, quantity: k })),
};

test("an outcome's field: its row of the impact map × the field's column, the sheet shown, in 2 round trips", async () => {
  const made = await scaffoldAssessment(three);
  const before = wb.syncs;
  const where = await selectAssessmentCell(made.found, { kind: "outcome", outcome: 2, field: "deadweight" });
  expect(wb.syncs - before).toBe(2);
  // the second data row of the table (dataRow 1), in the Deadweight column
  expect(where).toEqual({ sheet: "Impact map", address: cellOf(OUTCOMES, "deadweight", 1) });
  expect(selected()).toEqual({ sheet: "Impact map", address: cellOf(OUTCOMES, "deadweight", 1), rows: 1 });
  expect(wb.activeSheet!.name).toBe("Impact map");
});

test("blank rows between outcomes are skipped as the reader skips them: outcome 2 is the next filled row", async () => {
  const made = await scaffoldAssessment(three);
  // clear the second row's inputs by hand (stakeholder, description, quantity, proxy value): the reader skips it
  const sheet = wb.sheet("Impact map");
  for (const key of ["stakeholder", "description", "quantity", "proxyValue"] as const) {
    sheet.cells.delete(`${OUTCOMES.row + 2},${OUTCOMES.column + columnIndex(OUTCOMES, key)}`);
  }
  const found = (await findAssessments())[0];
  expect(found.assessment.outcomes.map((o) => o.description)).toEqual(["Outcome 1", "Outcome 3"]);
  await selectAssessmentCell(made.found, { kind: "outcome", outcome: 2, field: "proxySource" });
  expect(selected().address).toBe(cellOf(OUTCOMES, "proxySource", 2));
});

test("a check about the whole map selects the column's body; the rate selects the settings' value cell", async () => {
  const made = await scaffoldAssessment(three);
  await selectAssessmentCell(made.found, { kind: "column", field: "deadweight" });
  expect(selected()).toEqual({ sheet: "Impact map", address: cellOf(OUTCOMES, "deadweight", 0), rows: 3 });
  const where = await selectAssessmentCell(made.found, { kind: "setting", key: "discountRate" });
  const rateRow = SETTINGS_ROWS.findIndex((r) => r.key === "discountRate");
  expect(where).toEqual({ sheet: "SROI settings", address: cellOf(SETTINGS, "value", rateRow) });
  expect(selected().address).toBe(cellOf(SETTINGS, "value", rateRow));
});

test("a French workbook: columns found by their French headers", async () => {
  const made = await scaffoldAssessment({ ...three, settings: { ...three.settings, language: "fr" } });
  const where = await selectAssessmentCell(made.found, { kind: "outcome", outcome: 3, field: "attribution" });
  expect(where).toEqual({ sheet: "Carte des impacts", address: cellOf(OUTCOMES, "attribution", 2) });
});

test("refusals say what is missing and where; nothing is selected", async () => {
  const made = await scaffoldAssessment(three);
  wb.selection = null;
  await expect(selectAssessmentCell(made.found, { kind: "outcome", outcome: 7, field: "quantity" })).rejects.toThrow(
    "the sheet 'Impact map' has 3 outcome(s), no outcome 7: rows changed since it was read.",
  );
  await expect(selectAssessmentCell({ ...made.found, suffix: "9" }, { kind: "outcome", outcome: 1, field: "quantity" })).rejects.toThrow(
    "the table SroiOutcomes9 is no longer in the workbook",
  );
  // a header renamed by the user
  const header = wb.sheet("Impact map").cell(OUTCOMES.row, OUTCOMES.column + columnIndex(OUTCOMES, "dropOff"))!;
  header.value = "Fading";
  await expect(selectAssessmentCell(made.found, { kind: "outcome", outcome: 1, field: "dropOff" })).rejects.toThrow(
    `the table SroiOutcomes (sheet 'Impact map') has no column "Drop-off" any more`,
  );
  expect(wb.selection).toBeNull();
});
