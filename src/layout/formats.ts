/**
 * Number format codes for the layout's formats, shared by the live-workbook and .xlsx writers.
 * Codes are in Excel's invariant (en-US) syntax, which both Office.js and the file format use; Excel
 * shows them with the user's own separators.
 */
import type { Column, Format } from "./types";

const SYMBOL_BEFORE: Record<string, string> = { GBP: "£", USD: "$" };
const SYMBOL_AFTER: Record<string, string> = { EUR: "€" };

export function moneyCode(currency: string): string {
  const c = currency.trim().toUpperCase();
  if (SYMBOL_BEFORE[c]) return `"${SYMBOL_BEFORE[c]}"#,##0.00`;
  if (SYMBOL_AFTER[c]) return `#,##0.00 "${SYMBOL_AFTER[c]}"`;
  return `#,##0.00 "${c.replace(/"/g, "") || "¤"}"`;
}

export function formatCode(format: Format, currency: string): string {
  switch (format) {
    case "text":
      return "@";
    case "integer":
    case "year":
      return "0";
    case "number":
      return "#,##0.00";
    case "money":
      return moneyCode(currency);
    case "percent":
      return "0.0%";
    case "ratio":
      return '0.00 ": 1"';
    case "months":
      return '0.0';
    case "general":
      return "General";
  }
}

/**
 * The code for a table column. A calculated column never gets the Text format: Excel would keep a
 * formula typed into a Text cell as text.
 */
export function columnFormatCode(column: Column, currency: string): string {
  if (column.formula && column.format === "text") return "General";
  return formatCode(column.format, currency);
}
