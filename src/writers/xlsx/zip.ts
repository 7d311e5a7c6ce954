/**
 * Opening an .xlsx (a zip archive) within limits. A file from someone else may be a zip bomb (a few
 * MB that inflate to GBs) or a sheet of a million rows that ExcelJS would hold in memory: the sizes
 * the zip's central directory declares are checked before anything is inflated, each entry is then
 * inflated into a buffer of exactly its declared size (a lying entry cannot grow past it), and the
 * rows and cells of each sheet are counted in its XML before ExcelJS builds a cell object for each.
 * fflate reads the central directory without inflating (its `filter`); it runs in Node and browsers.
 */
import { unzipSync, zipSync, type Unzipped } from "fflate";

export interface ReadLimits {
  /** inflated size of one zip entry (a sheet's XML, the shared strings…), in bytes */
  entryBytes: number;
  /** inflated size of all entries together, in bytes */
  totalBytes: number;
  /** entries in the zip */
  entries: number;
  /** inflated size of one table part (xl/tables/*.xml), parsed as a whole: a table of 100 columns takes 10 KB */
  tablePartBytes: number;
  /** cells (<c> elements) in all sheets together */
  cells: number;
  /** rows (<row> elements) in one sheet */
  sheetRows: number;
  /** data rows in one table */
  tableRows: number;
}

/**
 * Far above any assessment (a network's largest have a few hundred outcomes), far below what
 * exhausts Node's default heap: a workbook at these limits reads in well under 1 GB.
 */
export const READ_LIMITS: ReadLimits = {
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 160 * 1024 * 1024,
  entries: 10_000,
  tablePartBytes: 512 * 1024,
  cells: 500_000,
  sheetRows: 100_000,
  tableRows: 10_000,
};

/** A workbook over one of the limits: `found` is what the file holds (or declares), `limit` the limit. */
export class OverLimit extends Error {
  constructor(
    readonly limit: keyof ReadLimits,
    readonly found: number,
    readonly max: number,
    /** the zip entry, sheet or table concerned */
    readonly where?: string,
  ) {
    super(`${limit}: ${found} > ${max}${where ? ` (${where})` : ""}`);
  }
}

/** Why a file could not be opened as a workbook (not a zip, a broken zip, not a spreadsheet). */
export class NotAWorkbook extends Error {}

/** The zip's entries, inflated, after checking their declared sizes against the limits. */
export function unzipWithinLimits(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): Unzipped {
  let count = 0;
  let total = 0;
  const check = (file: { name: string; originalSize: number }): false => {
    count += 1;
    total += file.originalSize;
    if (count > limits.entries) throw new OverLimit("entries", count, limits.entries);
    if (file.originalSize > limits.entryBytes) throw new OverLimit("entryBytes", file.originalSize, limits.entryBytes, file.name);
    if (total > limits.totalBytes) throw new OverLimit("totalBytes", total, limits.totalBytes);
    return false;
  };
  try {
    // first pass: the central directory only, nothing inflated
    unzipSync(bytes, { filter: check });
    return unzipSync(bytes);
  } catch (e) {
    if (e instanceof OverLimit) throw e;
    throw new NotAWorkbook(e instanceof Error ? e.message : String(e));
  }
}

/** The entries as a zip again; `store` leaves them uncompressed (for a reader in the same process). */
export function zipEntries(files: Unzipped, store: boolean): Uint8Array<ArrayBuffer> {
  return zipSync(files, { level: store ? 0 : 6 }) as Uint8Array<ArrayBuffer>;
}

const LT = 0x3c;
const isNameEnd = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f;

/**
 * The <row> and <c> elements of a sheet's XML, in one pass over its bytes (no regular expression,
 * no decoding: linear in the size). Prefixed names (x:row) count too.
 */
export function countRowsAndCells(xml: Uint8Array): { rows: number; cells: number } {
  let rows = 0;
  let cells = 0;
  for (let i = xml.indexOf(LT); i >= 0 && i < xml.length; i = xml.indexOf(LT, i + 1)) {
    let start = i + 1;
    let end = start;
    while (end < xml.length && !isNameEnd(xml[end]) && end - start < 64) {
      if (xml[end] === 0x3a) start = end + 1; // the local name after a prefix
      end++;
    }
    const length = end - start;
    if (length === 1 && xml[start] === 0x63) cells++; // c
    else if (length === 3 && xml[start] === 0x72 && xml[start + 1] === 0x6f && xml[start + 2] === 0x77) rows++; // row
  }
  return { rows, cells };
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Refuses a workbook whose sheets hold more rows or cells than the limits, before ExcelJS reads them. */
export function checkSheetSizes(files: Unzipped, limits: ReadLimits = READ_LIMITS): void {
  let cells = 0;
  for (const [name, xml] of Object.entries(files)) {
    if (!WORKSHEET.test(name)) continue;
    const counted = countRowsAndCells(xml);
    if (counted.rows > limits.sheetRows) throw new OverLimit("sheetRows", counted.rows, limits.sheetRows, name);
    cells += counted.cells;
    if (cells > limits.cells) throw new OverLimit("cells", cells, limits.cells);
  }
}
