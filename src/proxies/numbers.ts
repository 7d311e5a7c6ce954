/** Numbers written into CSV files; reading them is src/sroi/numberText.ts, one reader for every text. */
/** A number written for a CSV file: plain digits, "." or "," as the decimal mark, no grouping. */
export function formatPlainNumber(n: number, decimalComma: boolean): string {
  const s = String(n);
  return decimalComma ? s.replace(".", ",") : s;
}
