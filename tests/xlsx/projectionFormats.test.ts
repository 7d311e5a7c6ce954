/** The Projection's discounting rows read as numbers people use: factors as %, amounts as money (issue #13 item 3). */
import ExcelJS from "exceljs";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { writeXlsx } from "../../src/writers/xlsx";
import { loadableByExcelJs } from "../../src/writers/xlsx/tableParts";

let projection: ExcelJS.Worksheet;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  // ExcelJS cannot load its own tables once they declare calculated columns (exceljs #1240)
  await wb.xlsx.load((await loadableByExcelJs(await writeXlsx(buildLayout(exampleAssessment("en"))))) as unknown as ArrayBuffer);
  projection = wb.getWorksheet("Projection")!;
});

// Codes written by hand from Excel's format syntax; the example's currency is EUR.
test.each([
  ["D4", "discount factor, year 1", "0.0%"],
  ["E4", "discount factor, year 2", "0.0%"],
  ["D5", "total of year 1", '#,##0.00 "€"'],
  ["D6", "present value of year 1", '#,##0.00 "€"'],
  ["D7", "present value of the years shown", '#,##0.00 "€"'],
])("Projection %s (%s) has the format %s", (ref, _what, code) => expect(projection.getCell(ref).numFmt).toBe(code));
