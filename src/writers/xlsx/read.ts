/**
 * Reading an .xlsx workbook back: the SROI tables (by name, Sroi*) with their header and value rows,
 * which the layout's readAssessment turns into an Assessment. Formulas are not evaluated here: a
 * formula cell gives the result cached in the file, and the layout's reader ignores the calculated
 * columns, so the totals are always recomputed by the core.
 */
import ExcelJS from "exceljs";
import { parseCell } from "../../layout/a1";
import type { TableContents } from "../../layout/read";
import { loadableByExcelJs } from "./tableParts";
import type { CellValue } from "../../layout/types";

export type { TableContents };

export interface WorkbookContents {
  tables: TableContents[];
  /** names of the workbook's sheets, in order */
  sheets: string[];
}

/** Why a file could not be opened as a workbook (not a zip, a broken zip, not a spreadsheet). */
export class NotAWorkbook extends Error {}

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

/** Opens the bytes of an .xlsx file; throws NotAWorkbook when they are not one. */
export async function readXlsx(bytes: Uint8Array): Promise<WorkbookContents> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await loadableByExcelJs(bytes)) as unknown as ArrayBuffer);
  } catch (e) {
    throw new NotAWorkbook((e as Error).message);
  }
  const tables: TableContents[] = [];
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as LoadedTable[]) {
      const name = t.table?.name ?? t.name ?? "";
      if (!/^Sroi/i.test(name)) continue;
      const range = rangeOf(t.table?.tableRef ?? t.table?.ref ?? "");
      if (!range) continue;
      const cell = (r: number, c: number) => cellValue(ws.getCell(r + 1, c + 1));
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
    }
  }
  return { tables, sheets: wb.worksheets.map((ws) => ws.name) };
}
