import { FormulaLocale, fromLocal, localNumber } from "./locale";

/**
 * An in-memory workbook that keeps Excel's real rules, for the writer's tests and the browser
 * end-to-end test: sheet, table and defined names are checked as Excel checks them, value matrices
 * must match their range's dimensions, structured references must name existing tables and
 * columns, and text assigned through values/formulas that starts with "=" becomes a formula while a
 * leading apostrophe keeps it text — exactly the traps the writer has to handle. Formulas are stored
 * language-independently (what `formulas` reads); `formulasLocal` renders and parses the display
 * language's form (locale.ts), and custom functions answer only to the names Excel registered for
 * that language (an unregistered name is stored, and evaluates to #NAME?).
 * It does not calculate formulas by itself: a cell keeps the formula text it was given.
 */

export class ExcelError extends Error {
  constructor(
    public code: "InvalidArgument" | "ItemNotFound" | "ItemAlreadyExists" | "InvalidReference" | "PropertyNotLoaded" | "InvalidOperation" | "AccessDenied",
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export type Scalar = string | number | boolean;

export interface CellState {
  /** the value Excel would show; a formula cell keeps "" (the double does not calculate) */
  value: Scalar;
  /** the formula text, when the cell holds one */
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  /** RangeFormat.wrapText */
  wrapText?: boolean;
}

/** Excel.PageLayout (ExcelApi 1.9) of a sheet: https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout */
export type HeaderFooterSection = "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter";
export interface PageLayoutState {
  orientation: "Portrait" | "Landscape";
  paperSize: string;
  /** PageLayoutZoomOptions as last set (a whole object: its parts cannot be set one by one) */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** in points */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** rows repeated at the top of each page, 0-based, or null */
  printTitleRows: { first: number; last: number } | null;
  printArea: Box | null;
  /** headersFooters.defaultForAllPages */
  headersFooters: Record<HeaderFooterSection, string>;
}

/** A new sheet's page layout: Excel's defaults (Letter in an en-US Excel, "Normal" margins: 0.7", 0.75", 0.3"). */
export const defaultPageLayout = (): PageLayoutState => ({
  orientation: "Portrait",
  paperSize: "Letter",
  zoom: { scale: 100 },
  margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
  printTitleRows: null,
  printArea: null,
  headersFooters: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
});

/** Excel keeps a header (or footer) as one string of its sections after &L &C &R, 255 characters at most (MS-XLSB 2.5.73). */
export const HEADER_FOOTER_LIMIT = 255;
export function headerFooterString(h: PageLayoutState["headersFooters"], which: "Header" | "Footer"): string {
  return (["left", "center", "right"] as const)
    .map((side) => [side, h[`${side}${which}`]] as const)
    .filter(([, text]) => text !== "")
    .map(([side, text]) => `&${side[0].toUpperCase()}${text}`)
    .join("");
}

/**
 * What Excel prints for a header section: its codes replaced (&P page, &N pages, &A sheet name,
 * &D date, &T time, &F file name, && one &; &P+n and &N-n add; font codes &B &I &U &E &S &X &Y,
 * &K colour, &"font", &size print nothing). The grammar of MS-XLSB 2.5.73 HeaderFooterString.
 */
export function printedHeaderFooter(section: string, page: { page: number; pages: number; sheet: string; file?: string; date?: string; time?: string }): string {
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch !== "&") {
      out += ch;
      continue;
    }
    const code = section[i + 1];
    if (code === undefined) break; // a lone & at the end prints nothing
    i++;
    const number = (n: number) => {
      const m = /^([+-])(\d+)/.exec(section.slice(i + 1));
      if (!m) return String(n);
      i += m[0].length;
      return String(m[1] === "+" ? n + Number(m[2]) : n - Number(m[2]));
    };
    switch (code.toUpperCase()) {
      case "&":
        out += "&";
        break;
      case "P":
        out += number(page.page);
        break;
      case "N":
        out += number(page.pages);
        break;
      case "A":
        out += page.sheet;
        break;
      case "F":
        out += page.file ?? "Book1";
        break;
      case "D":
        out += page.date ?? "01/01/2025";
        break;
      case "T":
        out += page.time ?? "12:00";
        break;
      case "K":
        i += 6; // RRGGBB (or a theme colour of the same length)
        break;
      case '"': {
        const end = section.indexOf('"', i + 1);
        i = end < 0 ? section.length : end;
        break;
      }
      default:
        if (/\d/.test(code)) {
          while (/\d/.test(section[i + 1] ?? "")) i++;
        }
        // B I U E S X Y L C R Z G: formatting, sections, path and picture print no text here
        break;
    }
  }
  return out;
}

export interface ValidationState {
  address: string;
  rule: unknown;
  errorAlert?: unknown;
  /** the input message shown when the cell is selected */
  prompt?: { title?: string; message?: string; showPrompt?: boolean };
}

export interface ChartState {
  type: string;
  source: string;
  name?: string;
  /** the category range of each series set apart from the source (setXAxisValues) */
  categories?: string[];
  reversePlotOrder?: boolean;
  title?: string;
  topLeft?: string;
  bottomRight?: string;
}

/**
 * worksheet.protection.protect(options) (ExcelApi 1.2,
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection): the options the
 * writers meet. Every cell is locked, Excel's default (format.protection.locked); the writers never
 * unlock cells, so the double does not model per-cell locking.
 */
export interface ProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertRows?: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export class SheetState {
  cells = new Map<string, CellState>();
  columnWidths = new Map<number, number>();
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  validations: ValidationState[] = [];
  charts: ChartState[] = [];
  /** null: not protected */
  protection: ProtectionOptions | null = null;
  /** Excel.SheetVisibility (ExcelApi 1.1): a hidden sheet still takes writes, the user just cannot see it */
  visibility: Visibility = "Visible";
  page: PageLayoutState = defaultPageLayout();
  /** the ranges whose rows were fitted to their text (RangeFormat.autofitRows), in order */
  autofitRows: Box[] = [];
  constructor(
    public name: string,
    public id: string,
  ) {}

  cell(row: number, column: number): CellState | undefined {
    return this.cells.get(`${row},${column}`);
  }
  ensure(row: number, column: number): CellState {
    const key = `${row},${column}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: "" };
      this.cells.set(key, c);
    }
    return c;
  }
  /** the smallest range holding every non-empty cell, or null */
  used(): Box | null {
    let box: Box | null = null;
    for (const [key, c] of this.cells) {
      if (c.value === "" && !c.formula) continue;
      const [r, k] = key.split(",").map(Number);
      box = box
        ? { row: Math.min(box.row, r), column: Math.min(box.column, k), rows: 0, columns: 0, lastRow: Math.max(box.lastRow!, r), lastColumn: Math.max(box.lastColumn!, k) }
        : { row: r, column: k, rows: 0, columns: 0, lastRow: r, lastColumn: k };
    }
    if (!box) return null;
    return { row: box.row, column: box.column, rows: box.lastRow! - box.row + 1, columns: box.lastColumn! - box.column + 1 };
  }
}

export interface Box {
  row: number;
  column: number;
  rows: number;
  columns: number;
  lastRow?: number;
  lastColumn?: number;
}

export class TableState {
  constructor(
    public name: string,
    public sheet: SheetState,
    /** header row position and size, data rows below it */
    public box: Box,
    public id: string,
  ) {}
  headers(): string[] {
    return Array.from({ length: this.box.columns }, (_, c) => String(this.sheet.cell(this.box.row, this.box.column + c)?.value ?? ""));
  }
}

export interface NameState {
  name: string;
  sheet: SheetState;
  box: Box;
  /** its sheet was deleted: Excel keeps the name, which now refers to =#REF! */
  broken?: boolean;
}

/** Excel's rules for names and protection, in one place. */
export const rules = {
  /**
   * A protected sheet refuses edits to its (locked) cells, table changes and, unless the options
   * allow them, formatting: Excel answers AccessDenied
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection,
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes).
   */
  editable(sheet: SheetState, what: "cells" | "table" | "formatCells" | "formatColumns" | "formatRows"): void {
    const p = sheet.protection;
    if (!p) return;
    if (what === "formatCells" && p.allowFormatCells) return;
    if (what === "formatColumns" && p.allowFormatColumns) return;
    if (what === "formatRows" && p.allowFormatRows) return;
    throw new ExcelError("AccessDenied", `the sheet "${sheet.name}" is protected (${what})`);
  },
  /** Workbook structure protection (ExcelApi 1.7, https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbookprotection) refuses adding, deleting, renaming and hiding sheets. */
  structure(state: WorkbookState): void {
    if (state.structureProtected) throw new ExcelError("AccessDenied", "the workbook's structure is protected");
  },
  sheetName(name: string, existing: SheetState[]): void {
    if (name.trim() === "") throw new ExcelError("InvalidArgument", "a sheet name cannot be blank");
    if (name.length > 31) throw new ExcelError("InvalidArgument", `sheet name "${name}" is longer than 31 characters`);
    if (/[\\/?*[\]:]/.test(name)) throw new ExcelError("InvalidArgument", `sheet name "${name}" contains one of \\ / ? * [ ] :`);
    if (name.startsWith("'") || name.endsWith("'")) throw new ExcelError("InvalidArgument", `sheet name "${name}" starts or ends with an apostrophe`);
    if (name.toLowerCase() === "history") throw new ExcelError("InvalidArgument", `"History" is reserved`);
    if (existing.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new ExcelError("ItemAlreadyExists", `a sheet named "${name}" exists`);
  },
  /** table and defined names share one namespace in Excel */
  tableOrDefinedName(name: string, tables: TableState[], names: NameState[]): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) throw new ExcelError("InvalidArgument", `"${name}" is not a valid name (start with a letter or _, no spaces)`);
    if (name.length > 255) throw new ExcelError("InvalidArgument", `"${name}" is too long`);
    if (/^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name) || /^[RrCc]$/.test(name)) {
      throw new ExcelError("InvalidArgument", `"${name}" looks like a cell reference`);
    }
    const lower = name.toLowerCase();
    if (tables.some((t) => t.name.toLowerCase() === lower) || names.some((n) => n.name.toLowerCase() === lower)) {
      throw new ExcelError("ItemAlreadyExists", `the name "${name}" is already used by a table or a defined name`);
    }
  },
};

/** A1 helpers (the double keeps its own, independent of the code under test). */
export function letters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function columnOf(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** Parses "A1", "$A$1:B2", "A:A", "3:5" into a box (Excel's maximum sheet size for whole columns/rows). */
export function parseBox(address: string): Box {
  const a = address.replace(/\$/g, "").trim();
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnOf(m[1]);
    const r2 = m[3] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnOf(m[3]) : c1;
    if (r1 < 0 || r2 < 0) throw new ExcelError("InvalidArgument", `bad address ${address}`);
    return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c1 = columnOf(m[1]);
    const c2 = columnOf(m[2]);
    return { row: 0, column: Math.min(c1, c2), rows: 1048576, columns: Math.abs(c2 - c1) + 1 };
  }
  throw new ExcelError("InvalidArgument", `"${address}" is not an A1 address`);
}

export function boxAddress(b: Box): string {
  const first = `${letters(b.column)}${b.row + 1}`;
  if (b.rows === 1 && b.columns === 1) return first;
  return `${first}:${letters(b.column + b.columns - 1)}${b.row + b.rows}`;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;
}

export class WorkbookState {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  names: NameState[] = [];
  activeSheet: SheetState | null = null;
  selection: { sheet: SheetState; box: Box } | null = null;
  syncs = 0;
  /** workbook.protection.protected (ExcelApi 1.7): the structure is protected */
  structureProtected = false;
  /** commands run by every sync so far (each queued call is one command) */
  commands = 0;
  /** Test hooks: the command that fails (its number in `commands`, see failCommand), and a function run before each sync runs its batch. */
  failAt: { command: number; error: ExcelError } | null = null;
  beforeSync: ((sync: number) => void) | null = null;

  /**
   * Makes the n-th command run from now fail (1 = the next one), once, as Excel refuses a command
   * part-way through a batch: the commands before it stay done (Excel has no transactions).
   */
  failCommand(n: number, error = new ExcelError("AccessDenied", "refused by the test")): void {
    this.failAt = { command: this.commands + n, error };
  }

  /** Everything a user could see or a formula could refer to, as plain data to compare before and after. */
  dump(): unknown {
    const blank = (c: CellState) => Object.keys(c).length === 1 && c.value === "";
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        visibility: s.visibility,
        protection: s.protection,
        cells: [...s.cells].filter(([, c]) => !blank(c)).sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, { ...c }]),
        columnWidths: [...s.columnWidths].sort(([a], [b]) => a - b),
        freeze: { ...s.freeze },
        validations: s.validations.map((v) => ({ ...v })),
        charts: s.charts.map((c) => ({ ...c })),
      })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, box: { ...t.box } })),
      names: this.names.map((n) => ({ name: n.name, sheet: n.sheet.name, box: { ...n.box }, broken: !!n.broken })),
      activeSheet: this.activeSheet?.name ?? null,
      structureProtected: this.structureProtected,
    };
  }
  /** the display language's formula form (formulasLocal); null: the same as `formulas` (English) */
  locale: FormulaLocale | null = null;
  /** "SROI.<registered name>" (upper case) → function id, as Excel registered them from the metadata */
  customFunctionNames = new Map<string, string>();
  private ids = 0;
  nextId(): string {
    return `{${++this.ids}}`;
  }

  addSheet(name: string): SheetState {
    rules.structure(this);
    rules.sheetName(name, this.sheets);
    const s = new SheetState(name, this.nextId());
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }
  /** Excel deletes the sheet's tables and charts with it; a defined name on it stays, as =#REF!. */
  deleteSheet(s: SheetState): void {
    rules.structure(this);
    if (!this.sheets.some((x) => x !== s && x.visibility === "Visible")) throw new ExcelError("InvalidOperation", "a workbook must keep at least one visible sheet");
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    for (const n of this.names) if (n.sheet === s) n.broken = true;
    if (this.activeSheet === s) this.activeSheet = this.sheets.find((x) => x.visibility === "Visible") ?? null;
    if (this.selection?.sheet === s) this.selection = null;
  }
  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new ExcelError("ItemNotFound", `no sheet named "${name}"`);
    return s;
  }
  table(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
  tableAt(sheet: SheetState, row: number, column: number): TableState | undefined {
    return this.tables.find((t) => t.sheet === sheet && overlaps(t.box, { row, column, rows: 1, columns: 1 }));
  }

  /** Structured references must name an existing table and, when given, one of its columns. */
  checkFormula(formula: string): void {
    const re = /([A-Za-z_\\][A-Za-z0-9_.\\]*)\[((?:[^[\]]|\[[^\]]*\])*)\]/g;
    for (const m of formula.matchAll(re)) {
      const t = this.table(m[1]);
      if (!t) throw new ExcelError("InvalidArgument", `the formula ${formula} refers to a table "${m[1]}" that does not exist`);
      const headers = t.headers().map((h) => h.toLowerCase());
      const inner = m[2];
      const columns = inner.includes("[") ? [...inner.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]) : [inner];
      for (const c of columns) {
        if (c.startsWith("#")) continue;
        const name = c.replace(/'(.)/g, "$1");
        if (!headers.includes(name.toLowerCase())) {
          throw new ExcelError("InvalidArgument", `the formula ${formula} refers to a column "${name}" that table ${t.name} does not have`);
        }
      }
    }
  }

  /** The id of the custom function a formula calls by this name, if Excel registered the name. */
  customFunctionId(name: string): string | undefined {
    return this.customFunctionNames.get(name.toUpperCase());
  }

  /** Excel's reading of a value assigned through values, formulas or formulasLocal. */
  assign(cell: CellState, v: unknown, via: "values" | "formulas" | "formulasLocal"): void {
    // null in a 2-D array leaves the cell unchanged (Microsoft: "Blank and null values in Excel add-ins")
    if (v === null || v === undefined) return;
    if (typeof v === "string" && via === "formulasLocal" && this.locale) {
      if (v.startsWith("=") && v.length > 1) v = fromLocal(v, this.locale);
      else {
        const n = localNumber(v as string, this.locale);
        if (n !== null) v = n;
      }
    }
    if (typeof v === "string") {
      if (v.startsWith("'")) {
        cell.value = v.slice(1); // the apostrophe prefix keeps text as text and is not part of the value
        delete cell.formula;
        return;
      }
      if (v.startsWith("=") && v.length > 1) {
        this.checkFormula(v);
        cell.formula = v;
        cell.value = "";
        return;
      }
      if (/^[+\-@]/.test(v) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.trim())) {
        // Excel reads text typed with a leading + - @ as a formula too: only the apostrophe keeps it text.
        cell.formula = v.startsWith("@") ? `=${v.slice(1)}` : `=${v}`;
        cell.value = "";
        return;
      }
      const n = Number(v);
      cell.value = v.trim() !== "" && Number.isFinite(n) && /^[+-]?[\d.]+(e[+-]?\d+)?$/i.test(v.trim()) ? n : v;
      delete cell.formula;
      return;
    }
    if (typeof v === "number" || typeof v === "boolean") {
      cell.value = v;
      delete cell.formula;
      return;
    }
    throw new ExcelError("InvalidArgument", `cannot assign ${typeof v} to a cell`);
  }
}
