/**
 * Numbers written as text, read one way everywhere: what people type into the task pane, CSV files,
 * pasted ranges, and the text cells SROI.PROXY meets. The locale policy is explicit: the caller says
 * which mark is the decimal one ("." in English, "," in French), and the rules are the same for all:
 * - spaces (also no-break, narrow no-break and thin spaces) and the Swiss apostrophe group thousands;
 * - when both "." and "," appear, the last one is the decimal mark and the other groups thousands
 *   ("1.234,50" and "1,234.50" are both 1234.5, whatever the locale);
 * - the locale's decimal mark may appear once ("0.25" / "0,25"); several times, only as thousands
 *   in strict groups of three ("1.234.567"), which can mean nothing else;
 * - the other mark groups thousands when every group after it has exactly three digits ("1,314" and
 *   "1,234,567" in English; "1.314" and "1.234.567" in French, as Belgian usage writes them);
 *   once and before anything but three digits, it is a decimal mark typed by habit ("0,25" in an
 *   English pane, "1.5" in a French one);
 * - a leading − (U+2212), – or - is a minus sign; currency marks (€ £ $ EUR GBP USD CHF) are dropped,
 *   the currency being a setting of the assessment; a trailing % divides by 100 when asked for;
 * - JavaScript's and Excel's exponent notation is read ("1.5e-7").
 * Whether the number is acceptable (a share between 0 and 1, a whole number of years) is the
 * business of the readers in ./validate.ts, which name the field in their messages.
 */
import { Decimal } from "./decimal";

/** The decimal mark of a locale: "." (English) or "," (French). */
export type DecimalMark = "." | ",";

export interface NumberTextOptions {
  /** "25 %" is 0.25 (the task pane); off for files, where a % sign is not expected */
  percent?: boolean;
}

/** A number, null for a blank, or not a number (ok: false). */
export type NumberText = { ok: true; value: number | null } | { ok: false };

const SPACES = "\\s\\u00a0\\u202f\\u2009'’";
const GROUPING = new RegExp(`[${SPACES}]`, "g");
const HAS_SPACE = new RegExp(`[${SPACES}]`);
/** Spaces group thousands only in groups of three: "1 314,20", never "12 34" (a phone number?). */
const SPACE_GROUPED = new RegExp(`^[+-]?\\d{1,3}(?:[${SPACES}]\\d{3})+(?:[.,]\\d*)?(?:e[+-]?\\d+)?$`, "i");
const CURRENCY = /^(?:€|£|\$|EUR|GBP|USD|CHF)|(?:€|£|\$|EUR|GBP|USD|CHF)$/i;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseNumberText(text: string, decimal: DecimalMark, options: NumberTextOptions = {}): NumberText {
  let s = text.trim();
  if (s === "") return { ok: true, value: null };
  s = s.replace(/^[\u2212\u2013]/, "-").replace(CURRENCY, "").trim().replace(CURRENCY, "").trim();
  let percent = false;
  if (options.percent && s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (HAS_SPACE.test(s)) {
    if (!SPACE_GROUPED.test(s)) return { ok: false };
    s = s.replace(GROUPING, "");
  }
  const normalised = withDotDecimal(s, decimal);
  if (normalised === null || !PLAIN.test(normalised)) return { ok: false };
  // Through Decimal so that "3.5 %" is exactly 0.035, not 3.5 / 100 in binary.
  const value = new Decimal(normalised);
  const n = (percent ? value.div(100) : value).toNumber();
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}

/** Leaves "." as the only decimal mark and no grouping; null when the marks make no sense. */
function withDotDecimal(s: string, decimal: DecimalMark): string | null {
  const other: DecimalMark = decimal === "." ? "," : ".";
  const [mantissa, exponent] = splitExponent(s);
  const count = (mark: string) => mantissa.split(mark).length - 1;
  const commas = count(",");
  const dots = count(".");
  const grouped = (mark: string, t: string) => new RegExp(`^[+-]?\\d{1,3}(\\${mark}\\d{3})+$`).test(t);
  let out: string;
  if (commas > 0 && dots > 0) {
    const last = mantissa.lastIndexOf(",") > mantissa.lastIndexOf(".") ? "," : ".";
    const group = last === "," ? "." : ",";
    const [whole, fraction] = [mantissa.slice(0, mantissa.lastIndexOf(last)), mantissa.slice(mantissa.lastIndexOf(last) + 1)];
    if (fraction.includes(group) || !grouped(group, whole)) return null;
    out = `${whole.split(group).join("")}.${fraction}`;
  } else if (count(other) > 0) {
    if (grouped(other, mantissa)) out = mantissa.split(other).join("");
    else if (count(other) === 1) out = mantissa.replace(other, ".");
    else return null;
  } else if (count(decimal) > 1) {
    // the decimal mark several times can only be grouping, in strict groups of three
    if (!grouped(decimal, mantissa)) return null;
    out = mantissa.split(decimal).join("");
  } else {
    out = mantissa.replace(decimal, ".");
  }
  return exponent === null ? out : `${out}e${exponent}`;
}

function splitExponent(s: string): [string, string | null] {
  const m = /^(.*\d)[eE]([+-]?\d+)$/.exec(s);
  return m ? [m[1], m[2]] : [s, null];
}

/** The decimal mark of a language. */
export const decimalMarkOf = (lang: "en" | "fr"): DecimalMark => (lang === "fr" ? "," : ".");
