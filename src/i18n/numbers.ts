/**
 * Numbers as people type them into the task pane: "0,25", "25 %", "1 234,50", "1,234.50", "−3".
 * This only turns text into a number; whether the number is acceptable (a percentage between 0 and
 * 1, a whole number of years...) is decided by the core's readers, so the pane and the custom
 * functions give the same answer and the same message.
 */
import { Decimal } from "../sroi/decimal";
import type { Lang } from "./lang";

/**
 * What a typed text becomes: a number, null for a blank, or the text itself when it is not a number
 * (the core's readers then refuse it with their "is not a number" message, naming the field).
 */
export type Typed = number | null | string;

// Spaces used as thousands separators: space, no-break space, narrow no-break space (French
// typography, and what Intl writes), thin space; the apostrophe of Swiss usage.
const GROUPING = /[\s\u00a0\u202f\u2009'’]/g;
// Currency marks people paste with amounts; the currency itself is a setting of the assessment.
const CURRENCY = /^(?:€|£|\$|EUR|GBP|USD|CHF)|(?:€|£|\$|EUR|GBP|USD|CHF)$/i;

/** Reads a typed number in the user's language; "25 %" gives 0.25. */
export function parseTyped(text: string, lang: Lang): Typed {
  let s = text.trim();
  if (s === "") return null;
  s = s.replace(GROUPING, "").replace(/[\u2212\u2013]/g, "-");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(CURRENCY, "");
  const normalised = normaliseSeparators(s, lang);
  if (normalised === null || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return text.trim();
  // Through Decimal so that "3.5 %" is exactly 0.035, not 3.5 / 100 in binary.
  const value = new Decimal(normalised);
  return (percent ? value.div(100) : value).toNumber();
}

/** Leaves "." as the only decimal mark and no grouping; null when the marks make no sense. */
function normaliseSeparators(s: string, lang: Lang): string | null {
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // Both marks: the last one is the decimal mark ("1.234,50" or "1,234.50").
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const group = decimal === "," ? "." : ",";
    if ((decimal === "," ? commas : dots) > 1) return null;
    return s.split(group).join("").replace(",", ".");
  }
  if (commas > 0) {
    // English groups thousands with commas ("1,234,567"); a single comma before anything but a
    // group of three digits is a decimal comma typed by habit ("0,25").
    if (lang === "en" && /^[+-]?\d{1,3}(,\d{3})+$/.test(s)) return s.replace(/,/g, "");
    return commas === 1 ? s.replace(",", ".") : null;
  }
  if (dots > 1) {
    // "1.234.567": dots as thousands (Belgian and German usage).
    return /^[+-]?\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, "") : null;
  }
  return s;
}

const LOCALE: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };

/** A number for display in the user's language, e.g. 1 234,5 / 1,234.5; `fixed` keeps trailing zeros. */
export function formatNumber(n: number, lang: Lang, digits = 2, fixed = false): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(n);
}

/** A money amount with its currency, e.g. 15 221,50 € / €15,221.50. */
export function formatMoney(n: number, currency: string, lang: Lang): string {
  try {
    return new Intl.NumberFormat(LOCALE[lang], { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  } catch {
    // An unknown currency code: show the code rather than fail.
    return `${formatNumber(n, lang, 2)} ${currency}`;
  }
}

/** A fraction as a percentage for a form field: 0.035 → "3.5 %" / "3,5 %". */
export function formatPercent(fraction: number, lang: Lang): string {
  const pct = new Decimal(fraction).times(100).toNumber();
  return `${formatNumber(pct, lang, 4)} %`;
}
