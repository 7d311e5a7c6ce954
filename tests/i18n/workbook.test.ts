/** The one renderer of the workbook reader's problems, and the one sheet-name quoter it uses. */
import { quoteSheet } from "../../src/layout/a1";
import { describeReadProblem, readProblemMessage, readProblemPlace } from "../../src/i18n/workbook";
import type { ReadProblem } from "../../src/layout/read";

test.each([
  ["Results", "Results", "a plain name stays bare"],
  ["Impact map", "'Impact map'", "a space needs quotes"],
  ["O'Brien map", "'O''Brien map'", "an apostrophe is doubled inside the quotes (Excel's rule)"],
  ["Résultats", "'Résultats'", "accents: quoted, which Excel always accepts"],
  ["A1", "'A1'", "a name Excel would take for a cell"],
  ["R2C3", "'R2C3'", "a name Excel would take for an R1C1 cell"],
  ["TRUE", "'TRUE'", "a boolean"],
  ["2025", "'2025'", "a name starting with a digit"],
])("quoteSheet(%j) is %s: %s", (name, expected) => expect(quoteSheet(name)).toBe(expected));

const badCell: ReadProblem = { code: "badCell", sheet: "O'Brien map", cell: "E5", header: "Quantity", issue: { code: "notANumber", field: "quantity", value: "ten" } };

test("a bad cell: the quoted sheet, the cell, the header, then the core's message", () => {
  expect(describeReadProblem(badCell, "en")).toBe(`'O''Brien map'!E5 (Quantity): Quantity: "ten" is not a number.`);
  expect(describeReadProblem(badCell, "fr")).toBe(`'O''Brien map'!E5 (Quantity)\u00A0: Quantité\u00A0: «\u00A0ten\u00A0» n'est pas un nombre.`);
});

test("a missing column names the sheet and the header; a missing table has no place", () => {
  const missing: ReadProblem = { code: "missingColumn", table: "SroiOutcomes", sheet: "Impact map", header: "Drop-off" };
  expect(readProblemPlace(missing)).toBe("'Impact map'");
  expect(readProblemMessage(missing, "en")).toBe('the column "Drop-off" is missing from the table SroiOutcomes (deleted or renamed?).');
  expect(describeReadProblem({ code: "missingTable", table: "SroiInputs" }, "fr")).toMatch(/^le tableau SroiInputs est introuvable/);
});
