/**
 * Proxies in and out of CSV files and pasted ranges. Import never writes anything: it returns the
 * rows it accepts and, for each row it refuses, every reason with the row and the column, so the
 * task pane can show the report and write all or nothing, as the user chooses.
 *
 * Export choice for spreadsheet safety (OWASP, CSV injection): a spreadsheet runs a cell that
 * starts with = + - @, a tab or a carriage return. A text is written with an apostrophe before each
 * such character that starts the text or follows a separator character (, ; tab, a line break or
 * a quote): a file opened with another separator than it was written with, or split at a line
 * break, then shows '=HYPERLINK(…) as text instead of running it. Import removes exactly those
 * apostrophes again (one more is added where some were already there), so a file exported here
 * reads back to the same proxies.
 */
import Papa from "papaparse";
import type { FileProblem, ImportProblem } from "./problems";
import { METHOD_ALIASES, METHOD_LABELS, THEME_LABELS } from "./vocabulary";
import { type DecimalMark, parseNumberText, plainRaw } from "../sroi";
import { formatPlainNumber } from "./numbers";
import { fold, foldKey, looksLikeFormula } from "./text";
import { PROXY_COLUMNS, Proxy, ProxyColumnKey, ProxyKind, ProxyOrigin, VALUATION_METHODS, ValuationMethod, idKey, proxyCells } from "./types";

/** A cell as a pasted range (Excel's values) or a parsed file gives it. */
export type CellInput = string | number | boolean | null | undefined;

export type Separator = "," | ";" | "\t";
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface ImportOptions {
  /** the CSV separator; found from the header line when omitted */
  separator?: Separator;
  /** where the imported proxies will live (default: the workbook's Proxies table) */
  origin?: ProxyOrigin;
  /** the number the header row has for the user (a range starting on sheet row 4: 4); default 1 */
  firstRow?: number;
  /**
   * The decimal mark of numbers written as text. Default: a file's separator decides (";" is French
   * Excel's, with decimal commas; "," goes with decimal points); a tab-separated file or a pasted
   * range uses this option (the user's language), else ".".
   */
  decimal?: DecimalMark;
}

export interface KeptAsText {
  row: number;
  column: ProxyColumnKey;
  text: string;
}

export interface ImportResult {
  accepted: { row: number; proxy: Proxy }[];
  rejected: { row: number; id: string; problems: ImportProblem[] }[];
  /** accepted text cells that look like formulas: writers must keep them text */
  keptAsText: KeptAsText[];
  /** problems with the whole file (no header, a required column missing): nothing is accepted */
  fileProblems: FileProblem[];
  /** headers that match no proxy column, as written */
  ignoredColumns: string[];
  separator?: Separator;
  encoding?: TextEncodingName;
}

// ---------------------------------------------------------------------------------------------
// Bytes to text

/**
 * Excel on Windows saves "CSV" in the ANSI code page (Windows-1252 in France, Belgium and the UK),
 * "CSV UTF-8" with a byte-order mark, and "Unicode text" as UTF-16 with tabs. Without a BOM, text
 * that is not valid UTF-8 is read as Windows-1252.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: fromWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Windows-1252's characters at 0x80–0x9F (€, ’, œ...); the other bytes are Latin-1's. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

/**
 * Node's TextDecoder("windows-1252") decodes as Latin-1 (0x80 becomes U+0080, not €), browsers'
 * do not; mapping the bytes here gives the same text everywhere.
 */
function fromWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return text;
}

/** The separator of the header line: the most frequent of tab, ";" and "," outside quotes. */
export function detectSeparator(text: string): Separator {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== "") ?? "";
  const counts: Record<Separator, number> = { "\t": 0, ";": 0, ",": 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as Separator]++;
  }
  // on a tie, a French file's ";" beats "," (a "," may be a decimal comma)
  const order: Separator[] = ["\t", ";", ","];
  return order.reduce((best, s) => (counts[s] > counts[best] ? s : best), ",");
}

// ---------------------------------------------------------------------------------------------
// Header row

/** What a header may say for each column, besides its key and its English and French labels. */
const HEADER_ALIASES: Record<ProxyColumnKey, string[]> = {
  id: ["identifier", "code", "proxy id", "identifiant du proxy"],
  name_en: ["name", "english name", "name en", "nom anglais", "nom en anglais", "proxy", "financial proxy"],
  name_fr: ["nom", "french name", "nom francais", "nom en francais", "libelle", "proxy financier"],
  value: ["amount", "montant", "proxy value", "valeur du proxy", "valeur financiere"],
  currency: ["monnaie", "ccy"],
  unit: ["unite", "units"],
  price_year: ["year", "annee", "price year", "annee de prix", "annee de reference"],
  country: ["pays"],
  theme: ["theme", "themes", "theme(s)", "thematique", "thematiques"],
  method: ["method", "methode", "valuation method", "methode de valorisation", "type de valorisation"],
  source: ["sources", "reference", "references"],
  url: ["link", "lien", "website", "site", "web"],
  notes: ["note", "comment", "comments", "commentaire", "commentaires", "remarque", "remarques"],
  kind: ["type", "entry kind", "type d'entree"],
};

const HEADER_INDEX: Map<string, ProxyColumnKey> = (() => {
  const m = new Map<string, ProxyColumnKey>();
  for (const c of PROXY_COLUMNS) {
    for (const h of [c.key, c.en, c.fr, ...HEADER_ALIASES[c.key]]) {
      const k = foldKey(h);
      if (!m.has(k)) m.set(k, c.key);
    }
  }
  return m;
})();

export interface HeaderMap {
  columns: Partial<Record<ProxyColumnKey, { index: number; header: string }>>;
  ignored: string[];
}

/** Which cell of a row holds which column; the first of two same columns wins. */
export function mapHeader(header: readonly CellInput[]): HeaderMap {
  const columns: HeaderMap["columns"] = {};
  const ignored: string[] = [];
  header.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === "") return;
    const key = HEADER_INDEX.get(foldKey(text));
    if (key && !columns[key]) columns[key] = { index, header: text };
    else ignored.push(text);
  });
  return { columns, ignored };
}

// ---------------------------------------------------------------------------------------------
// Cells

/** A cell as text: trimmed, a number in plain digits, the export's protective apostrophe removed. */
export function cellText(cell: CellInput): string {
  if (typeof cell === "object" && cell !== null) cell = plainRaw(cell);
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return unescapeFormulaText(cell.trim());
}

/**
 * The places a cell may start when the file is split at another separator or a line break: the
 * text's start, and after , ; tab CR LF or a quote. An apostrophe goes there, after any already
 * there, when what follows is = + - @ tab or CR (OWASP's list).
 */
const CELL_STARTS = /(^|[,;\t\r\n"])('*)(?=[=+\-@\t\r])/g;
const ESCAPED_CELL_STARTS = /(^|[,;\t\r\n"])'('*)(?=[=+\-@\t\r])/g;

/** Text that a spreadsheet would run as a formula, under any separator, gets apostrophes (see the file header). */
export const escapeFormulaText = (text: string): string => text.replace(CELL_STARTS, "$1'$2");

/** The inverse of escapeFormulaText: one apostrophe fewer at each of those places. */
export const unescapeFormulaText = (text: string): string => text.replace(ESCAPED_CELL_STARTS, "$1$2");

const isBlankCell = (cell: CellInput) => cellText(cell) === "";

/** A number cell: Excel's number as is, text in any of the usual notations; null when blank. */
export function readNumberCell(cell: CellInput, decimal: DecimalMark = "."): { ok: true; value: number | null } | { ok: false } {
  if (typeof cell === "object" && cell !== null) cell = plainRaw(cell);
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false };
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (typeof cell !== "string") return { ok: false };
  return parseNumberText(cellText(cell), decimal);
}

const METHOD_INDEX: Map<string, ValuationMethod> = (() => {
  const m = new Map<string, ValuationMethod>();
  for (const method of VALUATION_METHODS) {
    m.set(fold(method), method);
    m.set(fold(METHOD_LABELS.en[method]), method);
    m.set(fold(METHOD_LABELS.fr[method]), method);
  }
  for (const [alias, method] of Object.entries(METHOD_ALIASES)) m.set(alias, method);
  return m;
})();

/** A valuation method in either language; "" for a blank, null when unknown. */
export function readMethod(text: string): ValuationMethod | "" | null {
  if (text === "") return "";
  const folded = fold(text).replace(/[_]/g, " ");
  return METHOD_INDEX.get(folded) ?? METHOD_INDEX.get(folded.replace(/-/g, " ")) ?? null;
}

const THEME_INDEX: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const lang of ["en", "fr"] as const) {
    for (const [key, label] of Object.entries(THEME_LABELS[lang])) {
      m.set(fold(key), key);
      m.set(fold(label), key);
    }
  }
  return m;
})();

/** "emploi; Santé" → ["employment", "health"]; a theme we do not know is kept as written (lower case). */
export function readThemes(text: string): string[] {
  const themes = text
    .split(/[;,|]/)
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t) => THEME_INDEX.get(fold(t)) ?? fold(t));
  return [...new Set(themes)];
}

const CURRENCY_SYMBOLS: Record<string, string> = { "€": "EUR", "£": "GBP", $: "USD" };

function readKind(text: string): ProxyKind | null {
  const k = fold(text);
  if (k === "" || k === "value" || k === "valeur") return "value";
  if (["reference", "where to look", "ou chercher", "ref"].includes(k)) return "reference";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rows

interface RowOutcome {
  proxy?: Proxy;
  problems: ImportProblem[];
  keptAsText: KeptAsText[];
}

const TEXT_COLUMNS: ProxyColumnKey[] = ["id", "name_en", "name_fr", "unit", "country", "source", "url", "notes"];

function readRow(cells: readonly CellInput[], map: HeaderMap, row: number, origin: ProxyOrigin, decimal: DecimalMark): RowOutcome {
  const problems: ImportProblem[] = [];
  const keptAsText: KeptAsText[] = [];
  const at = (column: ProxyColumnKey) => map.columns[column];
  const raw = (column: ProxyColumnKey): CellInput => {
    const c = at(column);
    return c ? cells[c.index] : undefined;
  };
  const text = (column: ProxyColumnKey) => cellText(raw(column));
  const problem = (code: ImportProblem["code"], column?: ProxyColumnKey, extra: Partial<ImportProblem> = {}) =>
    problems.push({ code, row, ...(column ? { column, header: at(column)?.header } : {}), ...extra });

  for (const column of TEXT_COLUMNS) {
    const t = text(column);
    if (looksLikeFormula(t)) keptAsText.push({ row, column, text: t });
  }

  const id = text("id");
  if (id === "") problem("missingId", "id");
  const nameEn = text("name_en");
  const nameFr = text("name_fr");
  if (nameEn === "" && nameFr === "") problem("missingName", at("name_en") ? "name_en" : "name_fr");

  const kind = readKind(text("kind"));
  if (kind === null) problem("unknownKind", "kind", { value: text("kind") });

  const valueCell = raw("value");
  const value = readNumberCell(valueCell, decimal);
  if (!value.ok) problem("notANumber", "value", { value: typeof valueCell === "string" ? valueCell.trim() : (valueCell ?? null) });
  else if (kind === "value" && value.value === null) problem("missingValue", "value");
  else if (kind === "reference" && value.value !== null) problem("referenceWithValue", "value", { value: value.value });

  const url = text("url");
  const source = text("source");
  if (kind === "reference" && url === "" && source === "") problem("referenceWithoutLink", at("url") ? "url" : "source");

  let currency = text("currency");
  currency = (CURRENCY_SYMBOLS[currency] ?? currency).toUpperCase();
  if (currency !== "" && !/^[A-Z]{3}$/.test(currency)) problem("invalidCurrency", "currency", { value: text("currency") });
  else if (currency === "" && kind === "value") problem("missingCurrency", "currency");

  const yearCell = raw("price_year");
  const year = readNumberCell(yearCell, decimal);
  const priceYear = year.ok ? year.value : null;
  if (!year.ok || (priceYear !== null && (!Number.isInteger(priceYear) || priceYear < 1900 || priceYear > 2100))) {
    problem("notAYear", "price_year", { value: typeof yearCell === "string" ? yearCell.trim() : (yearCell ?? null) });
  }

  const method = readMethod(text("method"));
  if (method === null) problem("unknownMethod", "method", { value: text("method") });

  if (problems.length) return { problems, keptAsText: [] };
  return {
    problems,
    keptAsText,
    proxy: {
      id,
      nameEn,
      nameFr,
      value: value.ok ? value.value : null,
      currency,
      unit: text("unit"),
      priceYear,
      country: text("country").toUpperCase(),
      themes: readThemes(text("theme")),
      method: method ?? "",
      source,
      url,
      notes: text("notes"),
      origin,
      kind: kind ?? "value",
    },
  };
}

/** Proxies from rows of cells whose first non-blank row is the header (a pasted range, a parsed file). */
export function importRows(
  rows: readonly (readonly CellInput[])[],
  options: ImportOptions = {},
  malformed: ReadonlySet<number> = new Set(),
): ImportResult {
  const origin = options.origin ?? "workbook";
  const firstRow = options.firstRow ?? 1;
  const result: ImportResult = { accepted: [], rejected: [], keptAsText: [], fileProblems: [], ignoredColumns: [] };

  const headerAt = rows.findIndex((r) => r.some((c) => !isBlankCell(c)));
  if (headerAt < 0 || !rows.slice(headerAt + 1).some((r) => r.some((c) => !isBlankCell(c)))) {
    result.fileProblems.push({ code: "empty" });
    return result;
  }
  const map = mapHeader(rows[headerAt]);
  result.ignoredColumns = map.ignored;
  for (const required of ["id", "value"] as const) {
    if (!map.columns[required]) result.fileProblems.push({ code: "missingColumn", column: required });
  }
  if (!map.columns.name_en && !map.columns.name_fr) result.fileProblems.push({ code: "missingColumn", column: "name_en" });
  if (result.fileProblems.length) return result;

  const headerWidth = rows[headerAt].length;
  const firstSeen = new Map<string, number>();
  for (let i = headerAt + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.every(isBlankCell)) continue;
    const row = firstRow + i;
    const outcome = readRow(cells, map, row, origin, options.decimal ?? ".");
    // an unclosed quote, or cells beyond the last header: the columns cannot be trusted, so
    // whatever else seems wrong with the row is noise
    if (malformed.has(i) || cells.slice(headerWidth).some((c) => !isBlankCell(c))) {
      outcome.problems = [{ code: "malformedRow", row }];
      delete outcome.proxy;
    }

    const id = cellText(map.columns.id ? cells[map.columns.id.index] : undefined);
    if (id !== "") {
      const seen = firstSeen.get(idKey(id));
      if (seen === undefined) firstSeen.set(idKey(id), row);
      else outcome.problems.push({ code: "duplicateId", row, column: "id", header: map.columns.id!.header, value: id, firstRow: seen });
    }

    if (outcome.problems.length || !outcome.proxy) result.rejected.push({ row, id, problems: outcome.problems });
    else {
      result.accepted.push({ row, proxy: outcome.proxy });
      result.keptAsText.push(...outcome.keptAsText);
    }
  }
  return result;
}

/** Proxies from CSV text or the bytes of a CSV file (any of the encodings Excel saves). */
export function importCsv(input: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  let text: string;
  let encoding: TextEncodingName | undefined;
  if (typeof input === "string") text = input;
  else ({ text, encoding } = decodeCsvBytes(input));
  text = text.replace(/^\uFEFF/, "");

  const separator = options.separator ?? detectSeparator(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, header: false, skipEmptyLines: false });
  const malformed = new Set(parsed.errors.filter((e) => e.type === "Quotes" && e.row !== undefined).map((e) => e.row as number));
  const decimal = separator === ";" ? "," : separator === "," ? "." : (options.decimal ?? ".");
  const result = importRows(parsed.data, { ...options, decimal }, malformed);
  return { ...result, separator, encoding };
}

/**
 * Import from a file (text or bytes) or a pasted range (rows of cells, header first). Nothing is
 * written: the caller writes `accepted` when the user confirms, or nothing when anything is rejected.
 */
export function importProxies(input: string | Uint8Array | readonly (readonly CellInput[])[], options: ImportOptions = {}): ImportResult {
  if (typeof input === "string" || input instanceof Uint8Array) return importCsv(input, options);
  return importRows(input, options);
}

// ---------------------------------------------------------------------------------------------
// Export

export interface ExportOptions {
  /** default "," */
  separator?: Separator;
  /** write 646,52 instead of 646.52 (default: true with ";", as French Excel expects) */
  decimalComma?: boolean;
  /** the header row: the stable keys of data/proxies.csv (default), or the labels of one language */
  headers?: "keys" | "en" | "fr";
  /** start with a UTF-8 byte-order mark so Excel reads accents right when it opens the file (default true) */
  bom?: boolean;
}


/** The proxies as CSV text that importProxies reads back to the same proxies. */
export function toCsv(proxies: readonly Proxy[], options: ExportOptions = {}): string {
  const separator = options.separator ?? ",";
  const decimalComma = options.decimalComma ?? separator === ";";
  const headers = options.headers ?? "keys";
  const fields = PROXY_COLUMNS.map((c) => (headers === "keys" ? c.key : c[headers]));
  const data = proxies.map((p) =>
    proxyCells(p).map((cell) => {
      if (cell === null) return "";
      if (typeof cell === "number") return formatPlainNumber(cell, decimalComma);
      return escapeFormulaText(cell);
    }),
  );
  const csv = Papa.unparse({ fields, data }, { delimiter: separator, newline: "\r\n", quotes: false });
  return (options.bom ?? true ? "\uFEFF" : "") + csv + "\r\n";
}
