/**
 * The workbook layout, described as data: what sheets, tables, formulas, formats and validations an
 * assessment becomes. No Office.js type appears here, so the same description feeds the live
 * workbook writer (src/writers/office) and the .xlsx file writer (src/writers/xlsx).
 * Positions are 0-based (row 0 = spreadsheet row 1, column 0 = column A).
 */

/**
 * What a cell holds. A string is ALWAYS text typed by a person: writers must keep it text even when
 * it starts with = + - @. A formula is only ever a Formula object, made by the layout builder.
 */
export type CellValue = string | number | boolean | null;
export interface Formula {
  formula: string;
}
export type Cell = CellValue | Formula;

export const isFormula = (c: Cell): c is Formula => typeof c === "object" && c !== null && "formula" in c;

/** Number formats by meaning; each writer maps them to a format code (currency symbol from the settings). */
export type Format = "text" | "integer" | "number" | "money" | "percent" | "ratio" | "months" | "year" | "general";

/** Data validation on input cells; messages are in the assessment's language. */
/** The input message Excel shows when the cell is selected (title ≤ 32 characters, message ≤ 255). */
export interface Prompt {
  title: string;
  message: string;
}

export type Validation = (
  | { kind: "decimal"; min?: number; max?: number; message: string }
  | { kind: "whole"; min?: number; max?: number; message: string }
  /** a list from a formula, e.g. =INDIRECT("SroiStakeholders[Stakeholder]") */
  | { kind: "listFormula"; source: string; message: string }
  /** a fixed list of choices */
  | { kind: "list"; items: string[]; message: string }
) & { prompt?: Prompt };

export interface Column {
  /** stable key, language-independent (e.g. "quantity"); readers find columns by it */
  key: string;
  /** header as shown (language of the assessment); structured references use it */
  header: string;
  format: Format;
  /** width in characters */
  width: number;
  /** a calculated column: the same formula on every row (table-relative structured references) */
  formula?: string;
  validation?: Validation;
  /** a one-line hint for the header (shown as a note/comment where the writer can) */
  note?: string;
  /** long free text: its cells wrap within the column (rows grow to fit) instead of running over */
  wrap?: boolean;
}

export interface Table {
  kind: "table";
  /** workbook-unique table name (language-independent, e.g. SroiOutcomes) */
  name: string;
  /** top-left cell of the header row */
  row: number;
  column: number;
  columns: Column[];
  /** data rows: one Cell per column; calculated columns hold their Formula on every row */
  rows: Cell[][];
  /** a caption written in the row above the table */
  caption?: string;
  /** formats of single cells that differ from their column's (a settings table mixes kinds) */
  cellFormats?: { row: number; column: string; format: Format }[];
  /** validations of single cells, by data row index and column key */
  cellValidations?: { row: number; column: string; validation: Validation }[];
  /**
   * Lines of text the header row and each data row need once their wrapped cells wrap (./print.ts
   * estimates them from the text and the widths): a writer that cannot fit a row to its text, as an
   * application does on screen, gives it that height.
   */
  lines?: { header: number; rows: number[] };
}

/** A label / value list, such as the results summary; each value may carry a defined name. */
export interface Field {
  key: string;
  label: string;
  value: Cell;
  format: Format;
  /** workbook-scoped defined name pointing at the value cell */
  name?: string;
  validation?: Validation;
  note?: string;
}
export interface FieldList {
  kind: "fields";
  row: number;
  column: number;
  fields: Field[];
  caption?: string;
}

/** A free block of cells (titles, notes). */
export interface Block {
  kind: "block";
  row: number;
  column: number;
  cells: Cell[][];
  format?: Format;
  style?: "title" | "note" | "header";
}

/**
 * A clustered bar chart of one table's columns (categories × values). Categories may span several
 * adjacent columns (Excel shows them as levels) and values several adjacent columns (one series each).
 */
export interface Chart {
  kind: "chart";
  title: string;
  table: string;
  categoryColumn: string;
  /** the last category column, when the categories span several adjacent columns */
  categoryLastColumn?: string;
  valueColumn: string;
  /** the last value column, when there are several adjacent series */
  valueLastColumn?: string;
  /** the first row at the top (Excel draws a bar chart's first category at the bottom) */
  reverseCategories?: boolean;
  /** the chart's name in the workbook (a writer finds it again by it) */
  name?: string;
  /** where to put it, in cells */
  row: number;
  column: number;
  widthColumns: number;
  heightRows: number;
}

export type Part = Table | FieldList | Block | Chart;

export type SheetKey = "settings" | "stakeholders" | "inputs" | "impactMap" | "projection" | "results" | "summary" | "sensitivity" | "proxies";

/** Sheets outside an assessment's set, made on their own (the value game's). */
export type OwnSheetKey = "valueGame";

/** A range of rows or columns, 0-based and inclusive. */
export interface Span {
  first: number;
  last: number;
}

/**
 * Header or footer of a printed page, in Excel's header codes (&P page, &N pages, &A sheet name; a
 * literal & written &&), one string per section. A writer passes the strings on as they are; Excel
 * allows 255 characters for a header or footer, its three sections and their &L &C &R codes together
 * (MS-XLSB 2.5.73 HeaderFooterString; MS-OI29500 2.1.651), which ./print.ts keeps.
 */
export interface HeaderFooter {
  left?: string;
  center?: string;
  right?: string;
}

/** How a sheet prints (./print.ts makes it). */
export interface PageSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** scaled to this many pages wide; tall: 0 = as many pages as the rows need */
  fitTo: { wide: number; tall: number };
  /** rows repeated at the top of every printed page: the table's header rows */
  titleRows?: Span;
  /** only this part of the sheet prints (the settings' internal keys are left out) */
  printArea?: { rows: Span; columns: Span };
  /** in inches, as the file format stores them (Office.js takes points: × 72) */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  header: HeaderFooter;
  footer: HeaderFooter;
}

export interface Sheet {
  key: SheetKey | OwnSheetKey;
  /** sheet name as created (unique in the workbook, ≤ 31 characters, Excel's naming rules) */
  name: string;
  parts: Part[];
  /** rows and columns frozen at the top-left (headers) */
  freeze: { rows: number; columns: number };
  /** widths of columns not covered by a table, in characters, by 0-based column index */
  widths?: Record<number, number>;
  /** workbook-scoped defined names pointing at single cells of this sheet */
  names?: { name: string; row: number; column: number }[];
  /** how the sheet prints; none: the application's defaults */
  page?: PageSetup;
}

export interface WorkbookLayout {
  sheets: Sheet[];
  /** the currency code for money formats (EUR, GBP...) */
  currency: string;
  language: "en" | "fr";
}
