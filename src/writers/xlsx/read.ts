/**
 * Reading an .xlsx workbook back: the SROI tables (by name, Sroi*) with their header and value rows,
 * which the layout's readAssessment turns into an Assessment. Formulas are not evaluated here: a
 * formula cell gives the result cached in the file, and the layout's reader ignores the calculated
 * columns, so the totals are always recomputed by the core.
 */
import ExcelJS from "exceljs";
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

function rangeOf(ref: string): { row: number; column: number; rows: number; columns: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return { row: r1, column: c1, rows: r2 - r1 + 1, columns: c2 - c1 + 1 };
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
      // ExcelJS reads a header row only from headerRowCount="1", which Excel leaves out as the default;
      // every SROI table has its header row
      const hasHeader = true;
      const hasTotals = t.table?.totalsRow === true;
      const cell = (r: number, c: number) => cellValue(ws.getCell(r + 1, c + 1));
      const headers: string[] = [];
      for (let j = 0; j < range.columns; j++) headers.push(hasHeader ? String(cell(range.row, range.column + j) ?? "") : "");
      const rows: CellValue[][] = [];
      const first = range.row + (hasHeader ? 1 : 0);
      const last = range.row + range.rows - 1 - (hasTotals ? 1 : 0);
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
