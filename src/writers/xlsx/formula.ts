/**
 * Formulas as an .xlsx file stores them: no leading "=", and functions newer than Excel 2007 under
 * their "_xlfn." file name (Excel shows #NAME? for IFNA(...) written without it; LibreOffice reads
 * both). The layout writes formulas as a person types them; the file form is this writer's business.
 */

/** Functions added after Excel 2007 that a layout might use, by their file prefix. */
const FUTURE: Record<string, string> = {
  IFNA: "_xlfn.",
  IFS: "_xlfn.",
  SWITCH: "_xlfn.",
  MAXIFS: "_xlfn.",
  MINIFS: "_xlfn.",
  CONCAT: "_xlfn.",
  TEXTJOIN: "_xlfn.",
  XLOOKUP: "_xlfn.",
  XMATCH: "_xlfn.",
  LET: "_xlfn.",
  SEQUENCE: "_xlfn.",
  UNIQUE: "_xlfn.",
  SORT: "_xlfn._xlws.",
  FILTER: "_xlfn._xlws.",
  RRI: "_xlfn.",
  PDURATION: "_xlfn.",
};

/** The file form of a formula: strips "=", prefixes newer functions, leaves string literals alone. */
export function fileFormula(formula: string): string {
  const text = formula.trim().replace(/^=/, "");
  // split on string literals ("..." with "" inside) so names inside quotes are never touched
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, k) =>
      k % 2 === 1
        ? part
        : part.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\s*\(/g, (whole, before: string, name: string) => {
            const prefix = FUTURE[name.toUpperCase()];
            return prefix ? `${before}${prefix}${name}(` : whole;
          }),
    )
    .join("");
}
