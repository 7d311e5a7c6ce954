/**
 * The .xlsx writer, read back two independent ways: the raw XML parts of the file (what Excel and
 * LibreOffice actually parse) and ExcelJS's own reader.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import type { Table, WorkbookLayout } from "../../src/layout/types";
import { writeXlsx } from "../../src/writers/xlsx";
import { loadableByExcelJs } from "../../src/writers/xlsx/tableParts";

/** A small layout written by hand, so each rule of the writer is checked on its own. */
function layout(currency = "EUR", rows?: Table["rows"]): WorkbookLayout {
  return {
    currency,
    language: "en",
    sheets: [
      {
        key: "impactMap",
        name: "Impact map",
        freeze: { rows: 4, columns: 1 },
        widths: { 20: 7 },
        names: [{ name: "SroiFirstQuantity", row: 4, column: 1 }],
        parts: [
          { kind: "block", row: 0, column: 0, cells: [["Impact map"]], style: "title" },
          {
            kind: "table",
            name: "SroiOutcomes",
            row: 3,
            column: 0,
            caption: "Outcomes",
            columns: [
              { key: "description", header: "Outcome", format: "text", width: 30, note: "What changes" },
              { key: "quantity", header: "Quantity", format: "number", width: 10, validation: { kind: "decimal", min: 0, message: "Zero or more" } },
              { key: "proxyValue", header: "Proxy value", format: "money", width: 13 },
              { key: "deadweight", header: "Deadweight", format: "percent", width: 11, validation: { kind: "decimal", min: 0, max: 1, message: "0 to 100 %" } },
              { key: "start", header: "Starts in year", format: "integer", width: 9, validation: { kind: "list", items: ["1", "2"], message: "1 or 2" } },
              {
                key: "impact",
                header: "Impact",
                format: "money",
                width: 14,
                formula: "=SroiOutcomes[[#This Row],[Quantity]]*SroiOutcomes[[#This Row],[Proxy value]]*(1-SroiOutcomes[[#This Row],[Deadweight]])",
              },
            ],
            rows: rows ?? [
              ["=1+1", 10, 1000, 0.2, 1, { formula: "=SroiOutcomes[[#This Row],[Quantity]]*SroiOutcomes[[#This Row],[Proxy value]]*(1-SroiOutcomes[[#This Row],[Deadweight]])" }],
              ["+33 1 23 45 67 89", 3, -250, null, 2, { formula: "=SroiOutcomes[[#This Row],[Quantity]]*SroiOutcomes[[#This Row],[Proxy value]]*(1-SroiOutcomes[[#This Row],[Deadweight]])" }],
              ["@home -5 % #N/A", 0, 0, 0, 1, { formula: "=SroiOutcomes[[#This Row],[Quantity]]*SroiOutcomes[[#This Row],[Proxy value]]*(1-SroiOutcomes[[#This Row],[Deadweight]])" }],
            ],
          },
        ],
      },
      {
        key: "results",
        name: "Results",
        freeze: { rows: 0, columns: 0 },
        parts: [
          {
            kind: "fields",
            row: 2,
            column: 0,
            fields: [
              { key: "totalPV", label: "Total impact", value: { formula: "=SUM(SroiOutcomes[Impact])" }, format: "money", name: "SroiTotalImpact" },
              { key: "rate", label: "Discount rate", value: 0.035, format: "percent", name: "SroiRate", validation: { kind: "decimal", min: -0.9999, max: 1, message: "A rate" } },
              { key: "check", label: "Check", value: { formula: '=IFNA(MATCH("IFNA(",SroiOutcomes[Outcome],0),0)' }, format: "general" },
            ],
          },
          { kind: "chart", title: "Value", table: "SroiOutcomes", categoryColumn: "description", valueColumn: "impact", row: 2, column: 4, widthColumns: 6, heightRows: 10 },
        ],
      },
    ],
  };
}

interface Opened {
  zip: JSZip;
  wb: ExcelJS.Workbook;
  xml: (path: string) => Promise<string>;
}

async function open(l: WorkbookLayout): Promise<Opened> {
  const bytes = await writeXlsx(l);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(bytes);
  const wb = new ExcelJS.Workbook();
  // ExcelJS cannot load its own tables once they declare calculated columns (exceljs #1240)
  await wb.xlsx.load((await loadableByExcelJs(bytes)) as unknown as ArrayBuffer);
  return { zip, wb, xml: async (path) => (await zip.file(path)?.async("string")) ?? "" };
}

/** The <c> element of a cell in a sheet's XML. */
const cellXml = (sheet: string, ref: string): string => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet)?.[0] ?? "";

let o: Opened;
beforeAll(async () => {
  o = await open(layout());
});

test("sheets in the layout's order, with its names", () => expect(o.wb.worksheets.map((w) => w.name)).toEqual(["Impact map", "Results"]));

test("a real Excel table: name, range from the header row, the layout's headers", async () => {
  const table = await o.xml("xl/tables/table1.xml");
  expect(table).toMatch(/<table [^>]*name="SroiOutcomes" displayName="SroiOutcomes" ref="A4:F7"/);
  expect([...table.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(["Outcome", "Quantity", "Proxy value", "Deadweight", "Starts in year", "Impact"]);
});

test("calculated column: the formula in file form (no '=', [#This Row], never the [@…] shorthand)", async () => {
  const sheet = await o.xml("xl/worksheets/sheet1.xml");
  for (const ref of ["F5", "F6", "F7"]) {
    expect(cellXml(sheet, ref)).toContain(
      "<f>SroiOutcomes[[#This Row],[Quantity]]*SroiOutcomes[[#This Row],[Proxy value]]*(1-SroiOutcomes[[#This Row],[Deadweight]])</f>",
    );
  }
});

test("the calculated column is declared in the table, so Excel fills it into rows added later", async () => {
  const table = await o.xml("xl/tables/table1.xml");
  const declared = [...table.matchAll(/<tableColumn [^>]*name="([^"]*)"[^>]*?(?:\/>|>(.*?)<\/tableColumn>)/g)].map((m) => [m[1], m[2] ?? null]);
  expect(declared).toEqual([
    ["Outcome", null],
    ["Quantity", null],
    ["Proxy value", null],
    ["Deadweight", null],
    ["Starts in year", null],
    [
      "Impact",
      "<calculatedColumnFormula>SroiOutcomes[[#This Row],[Quantity]]*SroiOutcomes[[#This Row],[Proxy value]]*(1-SroiOutcomes[[#This Row],[Deadweight]])</calculatedColumnFormula>",
    ],
  ]);
});

test.each([
  ["A5", "=1+1"],
  ["A6", "+33 1 23 45 67 89"],
  ["A7", "@home -5 % #N/A"],
])("user text %s stays text even when it looks like a formula: %s", async (ref, text) => {
  const sheet = await o.xml("xl/worksheets/sheet1.xml");
  const c = cellXml(sheet, ref);
  expect(c).toMatch(/t="s"/);
  expect(c).not.toMatch(/<f>/);
  expect(o.wb.getWorksheet("Impact map")!.getCell(ref).value).toBe(text);
});

test("newer functions get their _xlfn. file name; the same letters inside a string do not", async () => {
  const sheet = await o.xml("xl/worksheets/sheet2.xml");
  expect(cellXml(sheet, "B5")).toContain("<f>_xlfn.IFNA(MATCH(&quot;IFNA(&quot;,SroiOutcomes[Outcome],0),0)</f>");
});

test.each([
  ["EUR", '#,##0.00 "€"'],
  ["GBP", '"£"#,##0.00'],
  ["CHF", '#,##0.00 "CHF"'],
])("money in %s uses the format %s", async (currency, code) => {
  const w = (await open(layout(currency))).wb.getWorksheet("Impact map")!;
  expect(w.getCell("C5").numFmt).toBe(code);
  expect(w.getCell("F7").numFmt).toBe(code);
});

test.each([
  ["B5", "Quantity", "#,##0.00"],
  ["D5", "Deadweight", "0.0%"],
  ["E5", "Starts in year", "0"],
])("number format of %s (%s) is %s", (ref, _header, code) => expect(o.wb.getWorksheet("Impact map")!.getCell(ref).numFmt).toBe(code));

test("data validations: bounds, messages, lists, on every data row", () => {
  const w = o.wb.getWorksheet("Impact map")!;
  for (const ref of ["D5", "D6", "D7"]) {
    expect(w.getCell(ref).dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1], error: "0 to 100 %", showErrorMessage: true, allowBlank: true });
  }
  expect(w.getCell("B6").dataValidation).toMatchObject({ type: "decimal", operator: "greaterThanOrEqual", formulae: [0] });
  expect(w.getCell("E7").dataValidation).toMatchObject({ type: "list", formulae: ['"1,2"'] });
  expect(o.wb.getWorksheet("Results")!.getCell("B4").dataValidation).toMatchObject({ type: "decimal", formulae: [-0.9999, 1] });
});

test("a validation message longer than Excel's 255 characters is cut, not left to break the file", async () => {
  const l = layout();
  const table = l.sheets[0].parts[1] as Table;
  table.columns[1].validation = { kind: "decimal", min: 0, message: "x".repeat(300) };
  const error = (await open(l)).wb.getWorksheet("Impact map")!.getCell("B5").dataValidation.error!;
  expect([error.length, error.endsWith("…")]).toEqual([255, true]);
});

test("frozen panes and column widths from the layout", () => {
  const w = o.wb.getWorksheet("Impact map")!;
  expect(w.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 4 });
  // ExcelJS would drop a width of exactly 9 (its own default): the writer keeps it, as 9.0001
  expect([1, 2, 3, 4, 5, 6, 21].map((c) => Math.round(w.getColumn(c).width! * 100) / 100)).toEqual([30, 10, 13, 11, 9, 14, 7]);
  expect(o.wb.getWorksheet("Results")!.views ?? []).toEqual([]);
});

test("defined names point at the field values and the sheet's named cells", async () => {
  const workbook = await o.xml("xl/workbook.xml");
  const names = Object.fromEntries(
    [...workbook.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]+)<\/definedName>/g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]),
  );
  expect(names).toEqual({
    SroiFirstQuantity: "'Impact map'!$B$5",
    SroiTotalImpact: "Results!$B$3",
    SroiRate: "Results!$B$4",
  });
});

test("the workbook asks to be fully recalculated on opening (no cached results are written)", async () => {
  expect(await o.xml("xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  expect(await o.xml("xl/worksheets/sheet1.xml")).not.toMatch(/<f>[^<]*<\/f><v>/);
});

test("captions above tables, titles in bold, header notes as comments", () => {
  const w = o.wb.getWorksheet("Impact map")!;
  expect(w.getCell("A3").value).toBe("Outcomes");
  expect(w.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
  expect(w.getCell("A4").note).toBe("What changes");
});

test("charts are left out (ExcelJS cannot write them): no drawing part in the file", () =>
  expect(Object.keys(o.zip.files).filter((f) => /chart|drawing\d/.test(f))).toEqual([]));

test("an empty table gets one blank data row, with its calculated formula (Excel needs a data row)", async () => {
  const e = await open(layout("EUR", []));
  expect(await e.xml("xl/tables/table1.xml")).toMatch(/ref="A4:F5"/);
  expect(e.wb.getWorksheet("Impact map")!.getCell("A5").value).toBeNull();
  expect(e.wb.getWorksheet("Impact map")!.getCell("F5").formula).toMatch(/^SroiOutcomes\[\[#This Row\],\[Quantity\]\]/);
});

test("the real layout of the example: every table of the layout is in the file, with its headers", async () => {
  const l = buildLayout(exampleAssessment("fr"));
  const e = await open(l);
  const expected = l.sheets.flatMap((s) => s.parts.filter((p): p is Table => p.kind === "table").map((t) => [t.name, t.columns.map((c) => c.header)]));
  const tables = await Promise.all(
    Object.keys(e.zip.files)
      .filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))
      .map(async (f) => {
        const x = await e.xml(f);
        return [/ name="([^"]+)"/.exec(x)![1], [...x.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((m) => m[1])];
      }),
  );
  expect(tables.sort()).toEqual(expected.sort());
});
