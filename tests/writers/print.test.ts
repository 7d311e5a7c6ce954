/**
 * The live workbook's print settings (issue #13 item 3), against the double's pageLayout (ExcelApi
 * 1.9): A4 landscape, one page wide, header rows repeated, the organisation, sheet and period in the
 * header as Excel prints them, wrapped headers fitted to their text.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { printedHeaderFooter, type WorkbookState } from "../doubles/excel/state";
import { exampleAssessment } from "../../src/cli/example";
import { scaffoldAssessment } from "../../src/writers/office";
import { referenceCase } from "../fixtures/referenceCase";
import { OUTCOMES, columnIndex } from "../../src/layout/columns";

let wb: WorkbookState;
const install = (excelApi?: number) => {
  wb = installFakeOffice(globalThis as unknown as Record<string, unknown>, { excelApi });
};

const SHEETS = ["SROI settings", "Stakeholders", "Inputs", "Impact map", "Projection", "Results", "Summary", "Sensitivity"];

describe("with ExcelApi 1.9", () => {
  beforeEach(() => install());

  test("every sheet prints A4 landscape, one page wide and as many tall as needed, in the same 2 round trips", async () => {
    const r = await scaffoldAssessment(exampleAssessment("en"));
    expect(r.syncs).toBe(2);
    for (const name of SHEETS) {
      const p = wb.sheet(name).page;
      expect({ name, orientation: p.orientation, paper: p.paperSize, zoom: p.zoom }).toEqual({
        name,
        orientation: "Landscape",
        paper: "A4",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      });
      // 0.5" left and right, 0.75" top and bottom, 0.3" header and footer: × 72 points
      const points = Object.fromEntries(Object.entries(p.margins).map(([side, x]) => [side, Math.round(x * 1000) / 1000]));
      expect(points).toEqual({ left: 36, right: 36, top: 54, bottom: 54, header: 21.6, footer: 21.6 });
    }
  });

  test("the table's header rows repeat: the impact map's stage and header rows 3:4, the projection's row 11, the settings' row 3", async () => {
    await scaffoldAssessment(exampleAssessment("en"));
    expect(wb.sheet("Impact map").page.printTitleRows).toEqual({ first: 2, last: 3 });
    expect(wb.sheet("Projection").page.printTitleRows).toEqual({ first: 10, last: 10 });
    expect(wb.sheet("SROI settings").page.printTitleRows).toEqual({ first: 2, last: 2 });
  });

  test("the settings print A1:C19, without their Key column D (title, header row 3, sixteen settings)", async () => {
    await scaffoldAssessment(exampleAssessment("en"));
    expect(wb.sheet("SROI settings").page.printArea).toEqual({ row: 0, column: 0, rows: 19, columns: 3 });
    expect(wb.sheet("SROI settings").cell(2, 3)!.value).toBe("Key");
  });

  test("page 2 of 7 of the impact map prints the organisation, the sheet's name, the period and « Page 2 sur 7 » in French", async () => {
    const a = exampleAssessment("fr");
    await scaffoldAssessment(a);
    const hf = wb.sheet("Carte des impacts").page.headersFooters;
    const at = { page: 2, pages: 7, sheet: "Carte des impacts" };
    expect(printedHeaderFooter(hf.leftHeader, at)).toBe(a.settings.organisation);
    expect(printedHeaderFooter(hf.centerHeader, at)).toBe("Carte des impacts");
    expect(printedHeaderFooter(hf.rightHeader, at)).toBe("2025");
    expect(printedHeaderFooter(hf.centerFooter, at)).toBe("Page 2 sur 7");
  });

  test("an organisation with & prints it, not a code (Smith & Sons, AT&T)", async () => {
    await scaffoldAssessment({ ...referenceCase, settings: { ...referenceCase.settings, organisation: "AT&T & Sons" } });
    const hf = wb.sheet("Results").page.headersFooters;
    expect(printedHeaderFooter(hf.leftHeader, { page: 1, pages: 1, sheet: "Results", time: "14:05" })).toBe("AT&T & Sons");
  });

  test("an organisation name of 400 characters still makes the sheets: the header is cut to Excel's 255", async () => {
    await scaffoldAssessment({ ...referenceCase, settings: { ...referenceCase.settings, organisation: "&x".repeat(200) } });
    const p = wb.sheet("Inputs").page.headersFooters;
    expect(`&L${p.leftHeader}&C${p.centerHeader}&R${p.rightHeader}`.length).toBeLessThanOrEqual(255);
    expect(printedHeaderFooter(p.leftHeader, { page: 1, pages: 1, sheet: "Inputs" })).toMatch(/^(&x)+&?…$/);
  });

  test("the headers and long-text columns wrap, and each table's rows are fitted to them", async () => {
    await scaffoldAssessment(exampleAssessment("en"));
    const map = wb.sheet("Impact map");
    // the impact map's header row is Excel's row 4 (0-based 3): every header wraps; in the rows, the
    // description (text) wraps, the quantity (a number) does not
    const description = columnIndex(OUTCOMES, "description");
    const quantity = columnIndex(OUTCOMES, "quantity");
    expect(map.cell(3, 0)!.wrapText).toBe(true);
    expect(map.cell(3, quantity)!.wrapText).toBe(true);
    expect(map.cell(4, description)!.wrapText).toBe(true);
    expect(map.cell(4, quantity)?.wrapText).toBeUndefined();
    expect(map.autofitRows).toEqual([{ row: 3, column: 0, rows: 7, columns: expect.any(Number) }]);
  });
});

describe("the double keeps Excel's rules", () => {
  beforeEach(() => install());

  test("a header of 256 characters with its section codes is refused; 255 is taken", async () => {
    const Excel = (globalThis as unknown as { Excel: { run: <T>(f: (c: Excel.RequestContext) => Promise<T>) => Promise<T> } }).Excel;
    const set = (text: string) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").pageLayout.headersFooters.defaultForAllPages.centerHeader = text;
        await context.sync();
      });
    await expect(set("x".repeat(253))).resolves.toBeUndefined(); // &C + 253 = 255
    await expect(set("x".repeat(254))).rejects.toThrow(/InvalidArgument/);
    expect(wb.sheet("Sheet1").page.headersFooters.centerHeader).toHaveLength(253);
  });
});

test("without ExcelApi 1.9 the sheets are made all the same, with Excel's own print settings", async () => {
  install(8);
  const r = await scaffoldAssessment(exampleAssessment("en"));
  expect(r.syncs).toBe(2);
  expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...SHEETS]);
  expect(wb.sheet("Impact map").page).toMatchObject({ orientation: "Portrait", paperSize: "Letter", printTitleRows: null });
});
