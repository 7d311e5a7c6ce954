/** Reading a workbook back: the SROI tables' values, which the layout's reader turns into an assessment. */
import ExcelJS from "exceljs";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { readAssessment } from "../../src/layout/read";
import { NotAWorkbook, readXlsx, writeXlsx } from "../../src/writers/xlsx";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test.each(["en", "fr"] as const)("the example written then read gives the same assessment back (%s)", async (lang) => {
  const a = exampleAssessment(lang);
  const { tables } = await readXlsx(await writeXlsx(buildLayout(a)));
  expect(readAssessment(tables)).toEqual({ assessment: a, problems: [] });
});

test("tables are found by name, with sheet, header position, headers and data rows", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Impact map");
  ws.addTable({ name: "SroiOutcomes", ref: "B3", columns: [{ name: "Quantity" }, { name: "Proxy value" }], rows: [[10, 1000], [null, "n/a"]] });
  ws.addTable({ name: "Budget", ref: "F3", columns: [{ name: "Line" }], rows: [["not ours"]] });
  const contents = await readXlsx(await bytesOf(wb));
  expect(contents).toEqual({
    sheets: ["Impact map"],
    tables: [{ name: "SroiOutcomes", sheet: "Impact map", row: 2, column: 1, headers: ["Quantity", "Proxy value"], rows: [[10, 1000], [null, "n/a"]] }],
  });
});

test("a formula cell gives its cached result, including a result of 0 (which ExcelJS's cell.value hides)", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").addTable({
    name: "SroiInputs",
    ref: "A1",
    columns: [{ name: "Amount" }, { name: "Value" }],
    rows: [
      [{ formula: "1+1", result: 2 }, { formula: "0*1", result: 0 }],
      [{ formula: "NA()", result: { error: "#N/A" } }, { formula: "1", result: undefined }],
    ],
  });
  const { tables } = await readXlsx(await bytesOf(wb));
  expect(tables[0].rows).toEqual([
    [2, 0],
    ["#N/A", null],
  ]);
});

test("a totals row is not a data row", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("S").addTable({
    name: "SroiStakeholders",
    ref: "A1",
    totalsRow: true,
    columns: [{ name: "Stakeholder", totalsRowLabel: "Total" }, { name: "Number in group", totalsRowFunction: "sum" }],
    rows: [["Employees", 24], ["Families", 10]],
  });
  expect((await readXlsx(await bytesOf(wb))).tables[0].rows).toEqual([
    ["Employees", 24],
    ["Families", 10],
  ]);
});

test("rich text and hyperlinks are read as their text", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.addTable({ name: "SroiOutcomes", ref: "A1", columns: [{ name: "Proxy source" }], rows: [[null], [null]] });
  ws.getCell("A2").value = { richText: [{ text: "Décret " }, { font: { bold: true }, text: "2025-293" }] };
  ws.getCell("A3").value = { text: "service-public.fr", hyperlink: "https://www.service-public.fr" };
  expect((await readXlsx(await bytesOf(wb))).tables[0].rows).toEqual([["Décret 2025-293"], ["service-public.fr"]]);
});

test.each([
  ["random bytes", new Uint8Array(512).map((_, i) => (i * 7919) % 251)],
  ["an empty file", new Uint8Array(0)],
  ["a text file", new TextEncoder().encode("Quantity;Proxy\n10;1000\n")],
])("%s is not a workbook: NotAWorkbook", async (_why, bytes) => {
  await expect(readXlsx(bytes)).rejects.toBeInstanceOf(NotAWorkbook);
});
