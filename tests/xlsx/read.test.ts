/** Reading a workbook back: the SROI tables' values, which the layout's reader turns into an assessment. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { readAssessment } from "../../src/layout/read";
import { NotAWorkbook, readXlsx, writeXlsx } from "../../src/writers/xlsx";
import { withCalculatedColumns, withoutColumnChildren } from "../../src/writers/xlsx/tableParts";

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
    formulaCells: [],
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

describe("tables as Excel saves them: calculated columns declared inside <tableColumn>", () => {
  /** An ExcelJS workbook whose table part is rewritten the way Excel writes calculated and totals columns. */
  async function excelLike(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Inputs").addTable({
      name: "SroiInputs",
      ref: "A1",
      columns: [{ name: "Amount" }, { name: "Hours" }, { name: "Value" }, { name: "Note" }],
      rows: [[100, 2, { formula: "SroiInputs[[#This Row],[Amount]]", result: 100 }, "cash"]],
    });
    const zip = await JSZip.loadAsync(await bytesOf(wb));
    const xml = (await zip.file("xl/tables/table1.xml")!.async("string")).replace(
      /<tableColumn id="3" name="Value"[^>]*\/>/,
      '<tableColumn id="3" xr3:uid="{0D6B4B4A-1B1B-4C4C-8D8D-000000000003}" name="Value" dataDxfId="2"><calculatedColumnFormula>SroiInputs[[#This Row],[Amount]]</calculatedColumnFormula><totalsRowFormula>SUM(SroiInputs[Value])</totalsRowFormula></tableColumn>',
    );
    zip.file("xl/tables/table1.xml", xml);
    return zip.generateAsync({ type: "uint8array" });
  }

  test("ExcelJS 4.4 alone cannot load such a file (exceljs issue #1240): the reason for the workaround", async () => {
    const wb = new ExcelJS.Workbook();
    await expect(wb.xlsx.load((await excelLike()) as unknown as ArrayBuffer)).rejects.toThrow();
  });

  test("readXlsx reads it: every column, the cached result of the calculated one", async () => {
    const { tables } = await readXlsx(await excelLike());
    expect(tables).toEqual([{ name: "SroiInputs", sheet: "Inputs", row: 0, column: 0, headers: ["Amount", "Hours", "Value", "Note"], rows: [[100, 2, 100, "cash"]] }]);
  });

  /** A table part as Excel writes it, around the given columns. */
  const part = (columns: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" ref="A1:C2"><tableColumns count="2">${columns}</tableColumns></table>`;

  test.each([
    ["a self-closing column stays as it is", '<tableColumn id="1" name="A/B"/>', '<tableColumn id="1" name="A/B"/>'],
    [
      "children are dropped, the attributes kept",
      '<tableColumn id="2" name="V"><calculatedColumnFormula>T[[#This Row],[A]]</calculatedColumnFormula></tableColumn><tableColumn id="3" name="W"/>',
      '<tableColumn id="2" name="V"/><tableColumn id="3" name="W"/>',
    ],
  ])("withoutColumnChildren: %s", (_why, xml, expected) => expect(withoutColumnChildren(part(xml))).toBe(part(expected)));

  test("withoutColumnChildren: a namespace prefix (x:) is kept", () => {
    const prefixed = (columns: string) =>
      `<x:table xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="T"><x:tableColumns>${columns}</x:tableColumns></x:table>`;
    expect(withoutColumnChildren(prefixed('<x:tableColumn id="1" name="A"><x:totalsRowFormula>SUM(A)</x:totalsRowFormula></x:tableColumn>'))).toBe(
      prefixed('<x:tableColumn id="1" name="A"/>'),
    );
  });

  test("withCalculatedColumns puts each formula, XML-escaped, in its column", () =>
    expect(withCalculatedColumns(part('<tableColumn id="1" name="A"/><tableColumn id="2" name="B"/>'), [undefined, 'IF(T[[#This Row],[A]]<0,"",1)'])).toBe(
      part('<tableColumn id="1" name="A"/><tableColumn id="2" name="B"><calculatedColumnFormula>IF(T[[#This Row],[A]]&lt;0,"",1)</calculatedColumnFormula></tableColumn>'),
    ));
});

describe("a table that is only a range (converted in Excel, or saved by an application that drops tables)", () => {
  async function rangeWorkbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Inputs");
    ws.getCell("A1").value = "Inputs";
    ws.getRow(3).values = [null, "Stakeholder", "Kind", "Amount"];
    ws.getRow(4).values = [null, "State", "cash", 150000];
    ws.getRow(5).values = [null, "Town", "in kind", 12000];
    ws.getRow(7).values = [null, "after a blank row", "not read", 1];
    return bytesOf(wb);
  }
  const spec = { name: "SroiInputs", headers: [["Stakeholder", "Kind", "Amount"], ["Partie prenante", "Nature", "Montant"]] };

  test("is found by its header row (any language of the spec); its rows run to the first blank row", async () => {
    expect((await readXlsx(await rangeWorkbook(), [spec])).tables).toEqual([
      {
        name: "SroiInputs",
        sheet: "Inputs",
        row: 2,
        column: 1,
        headers: ["Stakeholder", "Kind", "Amount"],
        rows: [
          ["State", "cash", 150000],
          ["Town", "in kind", 12000],
        ],
      },
    ]);
  });
  test("is not looked for without a spec, nor when a header is missing", async () => {
    expect((await readXlsx(await rangeWorkbook())).tables).toEqual([]);
    expect((await readXlsx(await rangeWorkbook(), [{ name: "SroiInputs", headers: [["Stakeholder", "Kind", "Hours"]] }])).tables).toEqual([]);
  });
  test("a real table of that name wins over a range with the same headers", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getRow(1).values = [null, "Stakeholder", "Kind", "Amount"];
    ws.getRow(2).values = [null, "Range", "cash", 1];
    ws.addTable({ name: "SroiInputs", ref: "F1", columns: [{ name: "Stakeholder" }, { name: "Kind" }, { name: "Amount" }], rows: [["Table", "cash", 2]] });
    expect((await readXlsx(await bytesOf(wb), [spec])).tables.map((t) => t.rows)).toEqual([[["Table", "cash", 2]]]);
  });
});
