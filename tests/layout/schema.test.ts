/**
 * Adding a column is one entry in src/layout/columns.ts: declared once, a new impact-map column is
 * written by the builder (header, stage, value), read back from a workbook (and absent from an older
 * workbook without a problem, when optional), read from and written to JSON, and addressed by key.
 */
import { buildLayout } from "../../src/layout/build";
import { type DataColumn, OUTCOMES, cellOf, columnIndex } from "../../src/layout/columns";
import { readAssessment, type TableContents } from "../../src/layout/read";
import { type Table, isFormula } from "../../src/layout/types";
import { assessmentFromJson, assessmentToJson } from "../../src/cli/assessmentJson";
import type { Assessment } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

/** A hypothetical column: the evidence behind an outcome, typed after its proxy's source. */
const EVIDENCE = {
  kind: "data",
  key: "evidence",
  header: { en: "Evidence", fr: "Preuve" },
  stage: 3,
  width: 30,
  format: "text",
  value: "text",
  optional: true,
  json: { type: "string", fallback: "" },
} as unknown as DataColumn<"stakeholder">;

const columns = OUTCOMES.columns as unknown as DataColumn[];
beforeAll(() => columns.splice(columnIndex(OUTCOMES, "proxySource") + 1, 0, EVIDENCE as DataColumn));
afterAll(() => columns.splice(columns.indexOf(EVIDENCE as DataColumn), 1));

const withEvidence: Assessment = { ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], evidence: "Exit survey 2025" } as Assessment["outcomes"][0]] };

const contentsOf = (a: Assessment): TableContents[] =>
  buildLayout(a).sheets.flatMap((s) =>
    s.parts
      .filter((p): p is Table => p.kind === "table")
      .map((t) => ({ name: t.name, sheet: s.name, row: t.row, column: t.column, headers: t.columns.map((c) => c.header), rows: t.rows.map((r) => r.map((c) => (isFormula(c) ? null : c))) })),
  );

test("the builder writes the column after the proxy source, in the sheet's language, with its value", () => {
  const map = contentsOf(withEvidence).find((t) => t.name === "SroiOutcomes")!;
  const at = map.headers.indexOf("Evidence");
  expect(at).toBe(map.headers.indexOf("Proxy source") + 1);
  expect(map.rows[0][at]).toBe("Exit survey 2025");
  const fr = contentsOf({ ...withEvidence, settings: { ...withEvidence.settings, language: "fr" } }).find((t) => t.name === "SroiOutcomes")!;
  expect(fr.headers).toContain("Preuve");
});

test("the stage headers still put stage 4 above the first deduction", () => {
  const sheet = buildLayout(withEvidence).sheets.find((s) => s.key === "impactMap")!;
  const stages = sheet.parts.find((p) => p.kind === "block" && p.style === "header")!;
  const cells = stages.kind === "block" ? stages.cells[0] : [];
  expect(cells[columnIndex(OUTCOMES, "deadweight")]).toBe("Stage 4: establishing impact");
  expect(cells[columnIndex(OUTCOMES, "evidence" as "stakeholder")]).toBeNull();
});

test("the reader reads it back under its key; an older workbook without it reads as blank, without a problem", () => {
  const read = readAssessment(contentsOf(withEvidence));
  expect(read.problems).toEqual([]);
  expect((read.assessment!.outcomes[0] as unknown as { evidence: string }).evidence).toBe("Exit survey 2025");
  const older = contentsOf(withEvidence).map((t) => {
    if (t.name !== "SroiOutcomes") return t;
    const at = t.headers.indexOf("Evidence");
    return { ...t, headers: t.headers.filter((_h, i) => i !== at), rows: t.rows.map((r) => r.filter((_c, i) => i !== at)) };
  });
  const old = readAssessment(older);
  expect(old.problems).toEqual([]);
  expect((old.assessment!.outcomes[0] as unknown as { evidence: string }).evidence).toBe("");
});

test("JSON: the property is read, refused when it has the wrong type, and written back", () => {
  const json = assessmentToJson(withEvidence) as { outcomes: Record<string, unknown>[] };
  expect(json.outcomes[0].evidence).toBe("Exit survey 2025");
  const read = assessmentFromJson(json);
  expect(read.ok && (read.assessment.outcomes[0] as unknown as { evidence: string }).evidence).toBe("Exit survey 2025");
  json.outcomes[0].evidence = 12;
  const wrong = assessmentFromJson(json);
  expect(wrong.ok ? [] : wrong.problems).toEqual([expect.objectContaining({ code: "wrongType", pointer: "/outcomes/0/evidence" })]);
});

test("cells are addressed by key: the columns after it move one to the right", () => {
  expect(cellOf(OUTCOMES, "evidence" as "stakeholder", 0)).toBe("Q5");
  // A–P: stakeholder, intended, activity, output, outcome, polarity … proxy value, units per person,
  // proxy unit, proxy source; Q the new column; then proxy currency, exchange rate, its source, price
  // year, method (R–V)
  expect(cellOf(OUTCOMES, "deadweight", 0)).toBe("W5");
});
