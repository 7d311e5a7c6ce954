/**
 * Puts a layout into the live workbook. Everything is queued on one request context and sent by the
 * caller's single context.sync(): the number of round trips does not grow with the number of rows.
 * Order matters inside the batch: tables exist before the names, and both before any formula that
 * refers to them (Excel refuses a structured reference to a table that does not exist yet).
 */
import { cellAddress, rangeAddress } from "../../layout/a1";
import { columnFormatCode, formatCode } from "../../layout/formats";
import { Cell, Chart, PageSetup, Sheet, Table, Validation, WorkbookLayout, isFormula } from "../../layout/types";
import type { LocalFunctionNames } from "./localFormulas";
import { supports } from "./run";

/** Excel reads text starting with = + - @ as a formula, and "0012" as a number: an apostrophe keeps it text. */
export function officeCell(c: Cell): string | number | boolean {
  if (c === null) return "";
  if (isFormula(c)) return c.formula;
  if (typeof c === "string") return /^[=+\-@']/.test(c) || (c.trim() !== "" && !Number.isNaN(Number(c))) ? `'${c}` : c;
  return c;
}

/** Column width: a character of the default font is about 6 points wide in Excel. */
const points = (chars: number) => Math.round(chars * 6 + 6);

export function validationRule(v: Validation): Excel.DataValidationRule {
  const bounds = (min?: number, max?: number) =>
    min !== undefined && max !== undefined
      ? { formula1: min, formula2: max, operator: "Between" as Excel.DataValidationOperator }
      : min !== undefined
        ? { formula1: min, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator }
        : max !== undefined
          ? { formula1: max, operator: "LessThanOrEqualTo" as Excel.DataValidationOperator }
          : { formula1: -1e300, formula2: 1e300, operator: "Between" as Excel.DataValidationOperator };
  switch (v.kind) {
    case "decimal":
      return { decimal: bounds(v.min, v.max) };
    case "whole":
      return { wholeNumber: bounds(v.min, v.max) };
    case "list":
      return { list: { inCellDropDown: true, source: v.items.join(",") } };
    case "listFormula":
      return { list: { inCellDropDown: true, source: v.source } };
  }
}

function validate(range: Excel.Range, v: Validation): void {
  range.dataValidation.rule = validationRule(v);
  range.dataValidation.errorAlert = { message: v.message, showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: "SROI" };
  if (v.prompt) range.dataValidation.prompt = { title: v.prompt.title, message: v.prompt.message, showPrompt: true };
}

interface Pending {
  sheet: Excel.Worksheet;
  spec: Sheet;
}

/** Writes the table's headers and typed values, then creates and names the table. */
export function createTable(ws: Excel.Worksheet, t: Table, currency: string): Excel.Table {
  const width = t.columns.length;
  const body = ws.getRangeByIndexes(t.row + 1, t.column, t.rows.length, width);
  // formats first: a Text column must be Text before its values arrive
  body.numberFormat = t.rows.map((_, r) =>
    t.columns.map((c) => {
      const own = t.cellFormats?.find((x) => x.row === r && x.column === c.key);
      return own ? formatCode(own.format, currency) : columnFormatCode(c, currency);
    }),
  );
  const header = ws.getRangeByIndexes(t.row, t.column, 1, width);
  header.values = [t.columns.map((c) => officeCell(c.header))];
  body.formulas = t.rows.map((row) => row.map((c) => (isFormula(c) ? "" : officeCell(c))));
  const table = ws.tables.add(rangeAddress(t.row, t.column, t.rows.length + 1, width), true);
  table.name = t.name;
  table.style = "TableStyleMedium2";
  return table;
}

/** The formulas of a table's calculated columns, once every table and name exists. */
export function writeTableFormulas(ws: Excel.Worksheet, t: Table, local?: LocalFunctionNames): void {
  t.columns.forEach((_column, i) => {
    if (!t.rows.some((row) => isFormula(row[i]))) return;
    const range = ws.getRangeByIndexes(t.row + 1, t.column + i, t.rows.length, 1);
    const formulas = t.rows.map((row) => [officeCell(row[i])]);
    range.formulas = formulas;
    local?.track(range, formulas);
  });
}

/** Validations, widths and notes of a table's columns. */
export function decorateTable(ws: Excel.Worksheet, t: Table): void {
  t.columns.forEach((c, i) => {
    const column = ws.getRangeByIndexes(t.row + 1, t.column + i, t.rows.length, 1);
    if (c.validation) validate(column, c.validation);
    ws.getRangeByIndexes(0, t.column + i, 1, 1).format.columnWidth = points(c.width);
  });
  for (const v of t.cellValidations ?? []) {
    const i = t.columns.findIndex((c) => c.key === v.column);
    validate(ws.getRangeByIndexes(t.row + 1 + v.row, t.column + i, 1, 1), v.validation);
  }
  // headers and long-text columns wrap, then Excel fits the rows to them (the widths are set above)
  ws.getRangeByIndexes(t.row, t.column, 1, t.columns.length).format.wrapText = true;
  t.columns.forEach((c, i) => {
    if (c.wrap) ws.getRangeByIndexes(t.row + 1, t.column + i, t.rows.length, 1).format.wrapText = true;
  });
  ws.getRangeByIndexes(t.row, t.column, t.rows.length + 1, t.columns.length).format.autofitRows();
}

/** Page layout and its header and footer (ExcelApi 1.9): the requirement the page setup alone needs. */
export const PAGE_LAYOUT_SET = { name: "ExcelApi", version: "1.9" } as const;

/**
 * Queues a sheet's print settings. `pageLayout.zoom` is set as one object, as Office.js asks; a
 * vertical fit of 0 pages means as many pages tall as the rows need, as in the file format.
 */
export function setUpPage(ws: Excel.Worksheet, p: PageSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = p.paper;
  layout.zoom = { horizontalFitToPages: p.fitTo.wide, verticalFitToPages: p.fitTo.tall };
  layout.setPrintMargins("Inches", { ...p.margins });
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  if (p.printArea) {
    const { rows, columns } = p.printArea;
    layout.setPrintArea(rangeAddress(rows.first, columns.first, rows.last - rows.first + 1, columns.last - columns.first + 1, true));
  }
  const hf = layout.headersFooters.defaultForAllPages;
  hf.leftHeader = p.header.left ?? "";
  hf.centerHeader = p.header.center ?? "";
  hf.rightHeader = p.header.right ?? "";
  hf.leftFooter = p.footer.left ?? "";
  hf.centerFooter = p.footer.center ?? "";
  hf.rightFooter = p.footer.right ?? "";
}

/**
 * Queues a chart of a table's columns. When the category columns sit right before the value columns
 * (value per stakeholder) the chart is made from that one range; otherwise from the value columns,
 * each series then given the category columns as its labels (ChartSeries.setXAxisValues, ExcelApi
 * 1.7). Returns null when the layout names no such table.
 */
export function addChart(sheet: Excel.Worksheet, spec: Sheet, part: Chart): Excel.Chart | null {
  const table = spec.parts.find((p): p is Table => p.kind === "table" && p.name === part.table);
  if (!table) return null;
  const at = (key: string) => table.columns.findIndex((c) => c.key === key);
  const [c0, c1] = [at(part.categoryColumn), at(part.categoryLastColumn ?? part.categoryColumn)];
  const [v0, v1] = [at(part.valueColumn), at(part.valueLastColumn ?? part.valueColumn)];
  const rows = table.rows.length;
  const adjacent = c1 + 1 === v0 || v1 + 1 === c0;
  const range = (from: number, to: number, withHeader: boolean) =>
    sheet.getRangeByIndexes(table.row + (withHeader ? 0 : 1), table.column + Math.min(from, to), rows + (withHeader ? 1 : 0), Math.abs(to - from) + 1);
  let chart: Excel.Chart;
  if (adjacent) chart = sheet.charts.add("BarClustered" as Excel.ChartType, range(Math.min(c0, v0), Math.max(c1, v1), true), "Columns" as Excel.ChartSeriesBy);
  else {
    chart = sheet.charts.add("BarClustered" as Excel.ChartType, range(v0, v1, true), "Columns" as Excel.ChartSeriesBy);
    const categories = range(c0, c1, false);
    for (let k = 0; k <= v1 - v0; k++) chart.series.getItemAt(k).setXAxisValues(categories);
  }
  if (part.name) chart.name = part.name;
  chart.title.text = part.title;
  if (part.reverseCategories) chart.axes.categoryAxis.reversePlotOrder = true;
  chart.setPosition(cellAddress(part.row, part.column), cellAddress(part.row + part.heightRows, part.column + part.widthColumns));
  return chart;
}

/** The defined names applyLayout adds (the undo of a failed setup deletes these, if they are ours). */
export function layoutDefinedNames(layout: WorkbookLayout): string[] {
  return layout.sheets.flatMap((spec) => [
    ...(spec.names ?? []).map((n) => n.name),
    ...spec.parts.flatMap((part) => (part.kind === "fields" ? part.fields.flatMap((f) => (f.name ? [f.name] : [])) : [])),
  ]);
}

/**
 * Queues the whole layout on the context; the caller syncs once. Returns the sheets created.
 * `local` collects the ranges whose custom-function calls need the display language's names.
 */
export function applyLayout(context: Excel.RequestContext, layout: WorkbookLayout, local?: LocalFunctionNames): Excel.Worksheet[] {
  const { currency } = layout;
  // an Excel without ExcelApi 1.9 still gets the sheets, with its own print settings
  const pages = supports(PAGE_LAYOUT_SET.name, PAGE_LAYOUT_SET.version);
  const pending: Pending[] = layout.sheets.map((spec) => ({ sheet: context.workbook.worksheets.add(spec.name), spec }));

  // 1. tables with their headers and typed values
  for (const { sheet, spec } of pending) {
    for (const part of spec.parts) if (part.kind === "table") createTable(sheet, part, currency);
  }
  // 2. defined names
  for (const { sheet, spec } of pending) {
    for (const n of spec.names ?? []) context.workbook.names.add(n.name, sheet.getRange(cellAddress(n.row, n.column)));
    for (const part of spec.parts) {
      if (part.kind !== "fields") continue;
      part.fields.forEach((f, i) => {
        if (f.name) context.workbook.names.add(f.name, sheet.getRange(cellAddress(part.row + i, part.column + 1)));
      });
    }
  }
  // 3. formulas and the rest
  for (const { sheet, spec } of pending) {
    for (const part of spec.parts) {
      switch (part.kind) {
        case "table":
          writeTableFormulas(sheet, part, local);
          decorateTable(sheet, part);
          break;
        case "fields": {
          const range = sheet.getRangeByIndexes(part.row, part.column, part.fields.length, 2);
          range.numberFormat = part.fields.map((f) => ["@", formatCode(f.format, currency)]);
          const formulas = part.fields.map((f) => [officeCell(f.label), officeCell(f.value)]);
          range.formulas = formulas;
          local?.track(range, formulas);
          sheet.getRangeByIndexes(part.row, part.column, part.fields.length, 1).format.font.bold = true;
          part.fields.forEach((f, i) => {
            if (f.validation) validate(sheet.getRangeByIndexes(part.row + i, part.column + 1, 1, 1), f.validation);
          });
          break;
        }
        case "block": {
          const width = Math.max(...part.cells.map((r) => r.length));
          const cells = part.cells.map((r) => [...r, ...new Array(width - r.length).fill(null)]);
          const range = sheet.getRangeByIndexes(part.row, part.column, cells.length, width);
          if (part.format) range.numberFormat = cells.map((r) => r.map(() => formatCode(part.format!, currency)));
          const formulas = cells.map((r) => r.map(officeCell));
          range.formulas = formulas;
          local?.track(range, formulas);
          if (part.style === "title") {
            range.format.font.bold = true;
            range.format.font.size = 14;
          } else if (part.style === "header") range.format.font.bold = true;
          else if (part.style === "note") {
            range.format.font.italic = true;
            range.format.font.color = "#605E5C";
          }
          break;
        }
        case "chart":
          addChart(sheet, spec, part);
          break;
      }
    }
    for (const [col, chars] of Object.entries(spec.widths ?? {})) sheet.getRangeByIndexes(0, Number(col), 1, 1).format.columnWidth = points(chars);
    if (spec.freeze.rows > 0 && spec.freeze.columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, spec.freeze.rows, spec.freeze.columns));
    else if (spec.freeze.rows > 0) sheet.freezePanes.freezeRows(spec.freeze.rows);
    else if (spec.freeze.columns > 0) sheet.freezePanes.freezeColumns(spec.freeze.columns);
    if (spec.page && pages) setUpPage(sheet, spec.page);
  }
  return pending.map((p) => p.sheet);
}
