/**
 * Numbers in the task pane: what people type ("0,25", "25 %", "1 234,50", "1,234.50", "−3"), read by
 * the core's one number reader (src/sroi/numberText.ts) in the user's language; and numbers shown in
 * the user's language. Whether a number is acceptable (a share between 0 and 1, a whole number of
 * years...) is decided by the core's readers, so the pane and the custom functions agree.
 */
import { Decimal, type Lang, decimalMarkOf, parseNumberText } from "../sroi";

/**
 * What a typed text becomes: a number, null for a blank, or the text itself when it is not a number
 * (the core's readers then refuse it with their "is not a number" message, naming the field).
 */
export type Typed = number | null | string;

/** Reads a typed number in the user's language (the core's one reader); "25 %" gives 0.25. */
export function parseTyped(text: string, lang: Lang): Typed {
  const read = parseNumberText(text, decimalMarkOf(lang), { percent: true });
  return read.ok ? read.value : text.trim();
}

const LOCALE: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };

/** A number for display in the user's language, e.g. 1 234,5 / 1,234.5; `fixed` keeps trailing zeros. */
export function formatNumber(n: number, lang: Lang, digits = 2, fixed = false): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(n);
}

/** A moment for display in the user's language and time zone, e.g. 3 Dec 2026, 09:15 / 3 déc. 2026, 09:15. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/**
 * A money amount with its currency, e.g. 15 221,50 € / €15,221.50. French: a narrow no-break space
 * before the symbol, as between thousands (Intl puts a wider no-break space there).
 */
export function formatMoney(n: number, currency: string, lang: Lang): string {
  try {
    const text = new Intl.NumberFormat(LOCALE[lang], { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
    return lang === "fr" ? text.replace(/\u00A0(?=\D+$)/, "\u202F") : text;
  } catch {
    // An unknown currency code: show the code rather than fail.
    return `${formatNumber(n, lang, 2)} ${currency}`;
  }
}

/** A fraction as a percentage for a form field: 0.035 → "3.5 %" / "3,5 %" (narrow no-break space in French, as Intl writes it). */
export function formatPercent(fraction: number, lang: Lang): string {
  const pct = new Decimal(fraction).times(100).toNumber();
  return `${formatNumber(pct, lang, 4)}${lang === "fr" ? "\u202F" : " "}%`;
}
