/** A1 addresses, as Excel writes them. Positions are 0-based; rows print 1-based. */

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetter(column: number): string {
  let n = column + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(column)}${d}${row + 1}`;
}

export function rangeAddress(row: number, column: number, rows: number, columns: number, absolute = false): string {
  const first = cellAddress(row, column, absolute);
  if (rows === 1 && columns === 1) return first;
  return `${first}:${cellAddress(row + rows - 1, column + columns - 1, absolute)}`;
}

/**
 * A sheet name as a formula writes it: bare only when it is a plain name that Excel cannot take for
 * a cell (A1, R1C1) or a boolean; otherwise quoted, with its apostrophes doubled ('O''Brien map').
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "B7" or "$B$7" into 0-based row and column; null when it is not a cell address. */
export function parseCell(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}
