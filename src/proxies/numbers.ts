/**
 * Numbers as spreadsheets and French users write them in text: "646,52", "1 314,20" (with a space,
 * a no-break space or a narrow no-break space between thousands), "1.314,20", "1,314.20", "12 €".
 * One lone separator is read as the decimal mark ("1.314" and "1,314" are both 1.314): a file
 * that groups thousands with a single separator and no decimals cannot be told apart, and reading
 * it as a decimal gives a value a thousand times too small rather than silently too large.
 */

const GROUP = "[ \\u00A0\\u202F\\u2009'’]";
const PATTERNS: [RegExp, (s: string) => string][] = [
  // 1 314,20 · 1 314.20 · 1'314.20
  [new RegExp(`^\\d{1,3}(?:${GROUP}\\d{3})+(?:[.,]\\d+)?$`), (s) => s.replace(new RegExp(GROUP, "g"), "").replace(",", ".")],
  // 1.314,20 · 1.314.000,5
  [/^\d{1,3}(?:\.\d{3})+,\d+$/, (s) => s.replace(/\./g, "").replace(",", ".")],
  // 1,314.20
  [/^\d{1,3}(?:,\d{3})+\.\d+$/, (s) => s.replace(/,/g, "")],
  // 1.314.000 · 1,314,000 (two groups or more: clearly thousands)
  [/^\d{1,3}(?:\.\d{3}){2,}$/, (s) => s.replace(/\./g, "")],
  [/^\d{1,3}(?:,\d{3}){2,}$/, (s) => s.replace(/,/g, "")],
  // 646,52 · 646.52 · 15 · ,5
  [/^\d*(?:[.,]\d+)?$/, (s) => s.replace(",", ".")],
  // 1.5e-7, as JavaScript and Excel write very small or large numbers
  [/^\d*(?:[.,]\d+)?e[+-]?\d+$/i, (s) => s.replace(",", ".")],
];

const CURRENCY = /^(?:€|£|\$|EUR|GBP|USD|CHF)\s*|\s*(?:€|£|\$|EUR|GBP|USD|CHF)$/gi;

/** The number a text means, or null when it is not one. */
export function parseLocaleNumber(text: string): number | null {
  let s = text.trim().replace(CURRENCY, "").trim().replace(/^[−–]/, "-");
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s.startsWith("-")) sign = -1;
    s = s.slice(1).trim();
  }
  if (!/\d/.test(s)) return null;
  for (const [pattern, clean] of PATTERNS) {
    if (pattern.test(s)) {
      const n = Number(clean(s));
      return Number.isFinite(n) ? sign * n : null;
    }
  }
  return null;
}

/** A number written for a CSV file: plain digits, "." or "," as the decimal mark, no grouping. */
export function formatPlainNumber(n: number, decimalComma: boolean): string {
  const s = String(n);
  return decimalComma ? s.replace(".", ",") : s;
}
