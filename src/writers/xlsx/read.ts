/**
 * Reading an .xlsx workbook back: the SROI tables (by name, Sroi*) with their header and value rows,
 * which the layout's readAssessment turns into an Assessment. Formulas are not evaluated here: a
 * formula cell gives the result cached in the file, and the layout's reader ignores the calculated
 * columns, so the totals are always recomputed by the core.
 */
import ExcelJS from "exceljs";
import { cellAddress, parseCell } from "../../layout/a1";
import type { TableContents } from "../../layout/read";
import { loadableByExcelJs } from "./tableParts";
import { NotAWorkbook, OverLimit, READ_LIMITS, ReadLimits } from "./zip";
import type { CellValue } from "../../layout/types";

export type { TableContents };
export { NotAWorkbook, OverLimit, READ_LIMITS };
export type { ReadLimits };

export interface WorkbookContents {
  tables: TableContents[];
  /** the data cells of those tables that hold a formula: their values are the results cached in the file */
  formulaCells: FormulaCell[];
  /** names of the workbook's sheets, in order */
  sheets: string[];
}

/** A data cell of an SROI table that holds a formula, with its table's name and its column's header. */
export interface FormulaCell {
  table: string;
  sheet: string;
  /** A1 style, e.g. "E5" */
  cell: string;
  header: string;
}

/**
 * How to recognise a table that is not (or no longer) an Excel table — converted to a range in
 * Excel, or through an application that drops table definitions: by its header row.
 */
export interface HeaderSpec {
  /** the table name it stands for, e.g. SroiOutcomes */
  name: string;
  /** header sets, one per language: a row holding every header of one set is the header row */
  headers: string[][];
}

/** An ExcelJS cell value as the layout's reader takes it. */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return String(v.error);
    if ("text" in v) return String(v.text);
  }
  return String(v);
}

/**
 * A cell's value; for a formula, the result cached in the file (read from the cell, because
 * ExcelJS's cell.value drops a cached result of 0).
 */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.type === ExcelJS.ValueType.Formula) return plainValue(cell.result as ExcelJS.CellValue);
  return plainValue(cell.value);
}

/** A cell without creating it (ExcelJS's getCell adds every cell it is asked for). */
const findCell = (ws: ExcelJS.Worksheet, row: number, column: number): ExcelJS.Cell | undefined =>
  (ws as unknown as { findCell(r: number, c: number): ExcelJS.Cell | undefined }).findCell(row, column);

function valueAt(ws: ExcelJS.Worksheet, row: number, column: number): CellValue {
  const cell = findCell(ws, row, column);
  return cell ? cellValue(cell) : null;
}

/** LibreOffice saves a typed TRUE or FALSE as the formula TRUE() or FALSE(): a constant all the same. */
const BOOLEAN_CONSTANT = /^\s*=?\s*(TRUE|FALSE)\(\)\s*$/i;

/** Whether a cell (1-based) holds a formula, its own or a shared one. */
function isFormula(ws: ExcelJS.Worksheet, row: number, column: number): boolean {
  const cell = findCell(ws, row, column);
  if (cell?.type !== ExcelJS.ValueType.Formula) return false;
  const formula = (cell.value as { formula?: string }).formula;
  return !(formula !== undefined && BOOLEAN_CONSTANT.test(formula));
}

/** "B4:Q10" (or "B4") as 0-based position and size. */
function rangeOf(ref: string): { row: number; column: number; rows: number; columns: number } | null {
  const [first, last = first] = ref.split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  if (!a || !b) return null;
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

interface LoadedTable {
  name?: string;
  table?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean };
}

/**
 * Opens the bytes of an .xlsx file and reads its SROI tables (Sroi*); a table named in `fallback`
 * that is missing is looked for by its header row. Throws NotAWorkbook for bytes that are not one.
 */
export async function readXlsx(bytes: Uint8Array, fallback: HeaderSpec[] = [], limits: ReadLimits = READ_LIMITS): Promise<WorkbookContents> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await loadableByExcelJs(bytes, limits)) as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof OverLimit || e instanceof NotAWorkbook) throw e;
    // whatever ExcelJS (or the XML under it) stumbles on is a file it cannot read
    throw new NotAWorkbook(e instanceof Error ? e.message : String(e));
  }
  const tables: TableContents[] = [];
  const formulaCells: FormulaCell[] = [];
  // 0-based positions, as the tables give them
  const noteFormulas = (ws: ExcelJS.Worksheet, name: string, headers: string[], row: number, column: number, rows: number) => {
    for (let r = row; r < row + rows; r++) {
      headers.forEach((header, j) => {
        if (isFormula(ws, r + 1, column + j + 1)) formulaCells.push({ table: name, sheet: ws.name, cell: cellAddress(r, column + j), header });
      });
    }
  };
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as LoadedTable[]) {
      const name = t.table?.name ?? t.name ?? "";
      if (!/^Sroi/i.test(name)) continue;
      const range = rangeOf(t.table?.tableRef ?? t.table?.ref ?? "");
      if (!range) continue;
      // the table's ref is what the file says: it may span a million rows of an empty sheet
      if (range.rows - 1 > limits.tableRows) throw new OverLimit("tableRows", range.rows - 1, limits.tableRows, name);
      if (range.rows * range.columns > limits.cells) throw new OverLimit("cells", range.rows * range.columns, limits.cells, name);
      const cell = (r: number, c: number) => valueAt(ws, r + 1, c + 1);
      // Every SROI table has a header row. (ExcelJS's own headerRow flag is false for Excel's files:
      // it reads headerRowCount="1", which Excel leaves out as the default.)
      const headers: string[] = [];
      for (let j = 0; j < range.columns; j++) headers.push(String(cell(range.row, range.column + j) ?? ""));
      const rows: CellValue[][] = [];
      const first = range.row + 1;
      const last = range.row + range.rows - 1 - (t.table?.totalsRow === true ? 1 : 0);
      for (let r = first; r <= last; r++) {
        const values: CellValue[] = [];
        for (let j = 0; j < range.columns; j++) values.push(cell(r, range.column + j));
        rows.push(values);
      }
      tables.push({ name, sheet: ws.name, row: range.row, column: range.column, headers, rows });
      noteFormulas(ws, name, headers, first, range.column, rows.length);
    }
  }
  for (const spec of fallback) {
    if (tables.some((t) => t.name.toLowerCase() === spec.name.toLowerCase())) continue;
    const found = byHeaders(wb, spec);
    if (found) {
      tables.push(found);
      noteFormulas(wb.getWorksheet(found.sheet)!, found.name, found.headers, found.row + 1, found.column, found.rows.length);
    }
  }
  return { tables, formulaCells, sheets: wb.worksheets.map((ws) => ws.name) };
}

/** Rows scanned for a header row: the layout puts its headers in the first rows of a sheet. */
const HEADER_SEARCH_ROWS = 100;

const norm = (v: CellValue): string => (v === null ? "" : String(v).trim().toLowerCase());

/** The first row of the workbook holding a whole header set; its data rows run to the first blank row. */
function byHeaders(wb: ExcelJS.Workbook, spec: HeaderSpec): TableContents | null {
  const sets = spec.headers.map((set) => set.map((h) => h.trim().toLowerCase()));
  for (const ws of wb.worksheets) {
    // ExcelJS counts a sheet's rows and columns by walking all its rows at each call: once per sheet
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    const lastRow = Math.min(rowCount, HEADER_SEARCH_ROWS);
    for (let r = 1; r <= lastRow; r++) {
      const cells: CellValue[] = [];
      for (let c = 1; c <= columnCount; c++) cells.push(valueAt(ws, r, c));
      const texts = cells.map(norm);
      const set = sets.find((x) => x.every((h) => texts.includes(h)));
      if (!set) continue;
      // the header row: from its first header of the set to the last cell before a gap (two tables
      // may share a row, one blank column apart: the stakeholders and the exclusions)
      const first = Math.min(...set.map((h) => texts.indexOf(h)));
      let last = first;
      while (last + 1 < texts.length && texts[last + 1] !== "") last++;
      const headers = cells.slice(first, last + 1).map((v) => String(v ?? ""));
      const rows: CellValue[][] = [];
      for (let d = r + 1; d <= rowCount; d++) {
        const row: CellValue[] = [];
        for (let c = first; c <= last; c++) row.push(valueAt(ws, d, c + 1));
        if (row.every((v) => norm(v) === "")) break;
        rows.push(row);
      }
      return { name: spec.name, sheet: ws.name, row: r - 1, column: first, headers, rows };
    }
  }
  return null;
}
