/**
 * The .xlsx writer: a WorkbookLayout becomes a real workbook (sheets, Excel tables, formulas, number
 * formats, validations, frozen panes, widths, defined names) through ExcelJS. Returns the bytes and
 * touches no file or Node API, so the task pane can offer the same workbook as a download.
 * Charts are left out (value per stakeholder, the tornado of the Sensitivity sheet): ExcelJS cannot
 * write them (docs/cli.md).
 */
import ExcelJS from "exceljs";
import { Block, Cell, Column, Field, FieldList, Format, PageSetup, Sheet, Table, Validation, WorkbookLayout, isFormula } from "../../layout/types";
import { cellAddress, quoteSheet } from "../../layout/a1";
import { LINE_POINTS, headerFooterCode } from "../../layout/print";
import { columnFormatCode, formatCode } from "../../layout/formats";
import { fileFormula } from "./formula";
import { declareCalculatedColumns } from "./tableParts";

type Ws = ExcelJS.Worksheet;

/** What a layout cell becomes; a string stays text whatever it starts with (=, +, -, @). */
function excelValue(c: Cell): ExcelJS.CellValue {
  if (isFormula(c)) return { formula: fileFormula(c.formula) } as ExcelJS.CellFormulaValue;
  return c;
}

/**
 * ExcelJS leaves out a width of exactly 9, taking it for its own default, and Excel then shows its
 * real default (8.43): nudge it so it is written.
 */
function setWidth(ws: Ws, column: number, width: number) {
  ws.getColumn(column + 1).width = width === 9 ? 9.0001 : width;
}

/** A list item inside a validation's quoted list: quotes doubled, as in any formula string. */
const listSource = (items: string[]): string => `"${items.map((i) => i.replace(/"/g, '""')).join(",")}"`;

/** Excel refuses (and "repairs" away) a validation message longer than 255 characters. */
const MESSAGE_LIMIT = 255;

function dataValidation(v: Validation): ExcelJS.DataValidation {
  const error = v.message.length > MESSAGE_LIMIT ? `${v.message.slice(0, MESSAGE_LIMIT - 1)}…` : v.message;
  const prompt = v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {};
  const common = { allowBlank: true, showErrorMessage: true, error, errorStyle: "stop", ...prompt };
  switch (v.kind) {
    case "decimal":
    case "whole": {
      const { min, max } = v;
      if (min !== undefined && max !== undefined) return { ...common, type: v.kind, operator: "between", formulae: [min, max] };
      if (min !== undefined) return { ...common, type: v.kind, operator: "greaterThanOrEqual", formulae: [min] };
      if (max !== undefined) return { ...common, type: v.kind, operator: "lessThanOrEqual", formulae: [max] };
      // no bound: only the kind of number is checked
      return { ...common, type: v.kind, operator: "between", formulae: [-1e307, 1e307] };
    }
    case "listFormula":
      return { ...common, type: "list", formulae: [fileFormula(v.source)] };
    case "list":
      return { ...common, type: "list", formulae: [listSource(v.items)] };
  }
}

/** Wrapped text: the row grows to its lines. */
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true };

/** ExcelJS's code for A4 (the file format's paperSize 9). */
const PAPER_SIZE: Record<PageSetup["paper"], number> = { A4: 9 };

/** The layout's page setup in ExcelJS's terms (its pageSetup and headerFooter). */
export function xlsxPageSetup(p: PageSetup): { pageSetup: Partial<ExcelJS.PageSetup>; headerFooter: Partial<ExcelJS.HeaderFooter> } {
  const rows = (s: { first: number; last: number }) => `${s.first + 1}:${s.last + 1}`;
  return {
    pageSetup: {
      orientation: p.orientation,
      paperSize: PAPER_SIZE[p.paper],
      fitToPage: true,
      fitToWidth: p.fitTo.wide,
      fitToHeight: p.fitTo.tall,
      margins: { ...p.margins },
      ...(p.titleRows ? { printTitlesRow: rows(p.titleRows) } : {}),
      ...(p.printArea
        ? // ExcelJS puts a $ before each part: "A$1:C$13" becomes the absolute $A$1:$C$13 Excel writes
          { printArea: `${cellAddress(p.printArea.rows.first, p.printArea.columns.first, true).slice(1)}:${cellAddress(p.printArea.rows.last, p.printArea.columns.last, true).slice(1)}` }
        : {}),
    },
    headerFooter: { oddHeader: headerFooterCode(p.header), oddFooter: headerFooterCode(p.footer) },
  };
}

class SheetWriter {
  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly ws: Ws,
    private readonly layout: WorkbookLayout,
  ) {}

  private code(format: Format): string {
    return formatCode(format, this.layout.currency);
  }

  private cell(row: number, column: number): ExcelJS.Cell {
    return this.ws.getCell(row + 1, column + 1);
  }

  private caption(row: number, column: number, text: string | undefined) {
    if (text === undefined || row < 1) return;
    const c = this.cell(row - 1, column);
    c.value = text;
    c.font = { bold: true, size: 12 };
  }

  table(t: Table) {
    this.caption(t.row, t.column, t.caption);
    // Excel needs a data row under the header; an empty table gets one blank row (with its formulas)
    const rows: Cell[][] = t.rows.length > 0 ? t.rows : [t.columns.map((c) => (c.formula ? { formula: c.formula } : null))];
    this.ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: cellAddress(t.row, t.column),
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: rows.map((r) => r.map(excelValue)),
    });
    t.columns.forEach((col, j) => this.column(t, col, j, rows.length));
    // rows whose wrapped text needs more than one line get the height the layout estimates
    const height = (row: number, lines: number | undefined) => {
      if (lines !== undefined && lines > 1) this.ws.getRow(row + 1).height = lines * LINE_POINTS;
    };
    height(t.row, t.lines?.header);
    t.lines?.rows.forEach((lines, i) => height(t.row + 1 + i, lines));
    for (const f of t.cellFormats ?? []) {
      const j = t.columns.findIndex((c) => c.key === f.column);
      if (j >= 0) this.cell(t.row + 1 + f.row, t.column + j).numFmt = this.code(f.format);
    }
    for (const v of t.cellValidations ?? []) {
      const j = t.columns.findIndex((c) => c.key === v.column);
      if (j >= 0) this.cell(t.row + 1 + v.row, t.column + j).dataValidation = dataValidation(v.validation);
    }
  }

  private column(t: Table, col: Column, j: number, rows: number) {
    const x = t.column + j;
    setWidth(this.ws, x, col.width);
    const header = this.cell(t.row, x);
    // a header longer than its column wraps; the row has no stored height, so Excel and LibreOffice fit it
    header.alignment = WRAP;
    if (col.note) header.note = col.note;
    const numFmt = columnFormatCode(col, this.layout.currency);
    const validation = col.validation ? dataValidation(col.validation) : undefined;
    for (let i = 0; i < rows; i++) {
      const c = this.cell(t.row + 1 + i, x);
      c.numFmt = numFmt;
      if (validation) c.dataValidation = validation;
      if (col.wrap) c.alignment = WRAP;
    }
  }

  fields(list: FieldList, sheet: Sheet) {
    this.caption(list.row, list.column, list.caption);
    list.fields.forEach((f: Field, k) => {
      const label = this.cell(list.row + k, list.column);
      label.value = f.label;
      label.font = { bold: true };
      if (f.note) label.note = f.note;
      const value = this.cell(list.row + k, list.column + 1);
      value.value = excelValue(f.value);
      value.numFmt = this.code(f.format);
      if (f.validation) value.dataValidation = dataValidation(f.validation);
      if (f.name) this.name(f.name, sheet, list.row + k, list.column + 1);
    });
  }

  block(b: Block) {
    b.cells.forEach((line, i) =>
      line.forEach((v, j) => {
        const c = this.cell(b.row + i, b.column + j);
        c.value = excelValue(v);
        if (b.format) c.numFmt = this.code(b.format);
        if (b.style === "title") c.font = { bold: true, size: 14 };
        else if (b.style === "header") c.font = { bold: true };
        else if (b.style === "note") c.font = { italic: true, color: { argb: "FF595959" } };
      }),
    );
  }

  name(name: string, sheet: Sheet, row: number, column: number) {
    this.wb.definedNames.add(`${quoteSheet(sheet.name)}!${cellAddress(row, column, true)}`, name);
  }
}

/** Writes the layout as an .xlsx workbook; the bytes can be saved or downloaded as they are. */
export async function writeXlsx(layout: WorkbookLayout): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SROI for Excel";
  // no cached results are written: every application must compute on opening
  wb.calcProperties.fullCalcOnLoad = true;
  const formulasByTable = new Map<string, (string | undefined)[]>();
  for (const sheet of layout.sheets) {
    const views: Partial<ExcelJS.WorksheetView>[] =
      sheet.freeze.rows > 0 || sheet.freeze.columns > 0
        ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
        : [];
    const ws = wb.addWorksheet(sheet.name, { views, ...(sheet.page ? xlsxPageSetup(sheet.page) : {}) });
    const writer = new SheetWriter(wb, ws, layout);
    for (const [column, width] of Object.entries(sheet.widths ?? {})) setWidth(ws, Number(column), width);
    for (const part of sheet.parts) {
      switch (part.kind) {
        case "table":
          writer.table(part);
          formulasByTable.set(part.name, part.columns.map((c) => (c.formula ? fileFormula(c.formula) : undefined)));
          break;
        case "fields":
          writer.fields(part, sheet);
          break;
        case "block":
          writer.block(part);
          break;
        case "chart":
          break; // ExcelJS 4 cannot write charts; the add-in draws them in Excel
      }
    }
    for (const n of sheet.names ?? []) writer.name(n.name, sheet, n.row, n.column);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return declareCalculatedColumns(new Uint8Array(buffer as ArrayBuffer), formulasByTable);
}
