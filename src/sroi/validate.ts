/**
 * The boundary: raw values as a spreadsheet cell or a form field holds them become checked domain
 * values, once. Everything after this point works on Decimals that are known to be valid.
 * The same rules serve the custom functions, the task pane and the command-line tool.
 */
import { Decimal, dec } from "./decimal";
import { Field, Place, Result, fail, ok } from "./issues";

/** What a cell can hold, as Excel's platforms send it to a custom function. */
export type Raw = number | string | boolean | null | undefined;

/**
 * The longest outcome life and projection grid the core accepts, in years: a legal maximum of a
 * century, longer than any outcome an SROI could evidence. Above it a duration is almost surely a
 * typing slip (a year such as 2030, a count of months), which gets a clear error rather than a
 * plausible-looking figure.
 */
export const MAX_YEARS = 100;

/** Excel sends a blank cell as null (web), "" or 0 (desktop); a text of spaces is blank too. */
export function isBlank(raw: Raw): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** A number, or null for a blank. Text, booleans and non-finite numbers are refused. */
export function readNumber(raw: Raw, field: Field, at: Place = {}): Result<Decimal | null> {
  if (typeof raw === "object" && raw !== null) raw = plainRaw(raw);
  if (isBlank(raw)) return ok(null);
  if (typeof raw !== "number" || !Number.isFinite(raw)) {
    return fail({ code: "notANumber", field, value: raw ?? null, ...at });
  }
  return ok(dec(raw));
}

/**
 * Excel's data types arrive in a custom function as objects (a formatted number, a linked entity
 * such as a stock or a place, an error): their basic value is what the cell shows, else their text;
 * anything else reads as "[its type]" so that messages can name it instead of failing.
 */
export function plainRaw(v: unknown): Raw {
  if (v === null || v === undefined || typeof v !== "object") return v as Raw;
  const o = v as { basicValue?: unknown; text?: unknown; type?: unknown };
  if (typeof o.basicValue === "number" || typeof o.basicValue === "string" || typeof o.basicValue === "boolean") return o.basicValue;
  if (typeof o.text === "string") return o.text;
  return `[${typeof o.type === "string" ? o.type : "object"}]`;
}

/** A number that must be present. */
export function readRequiredNumber(raw: Raw, field: Field, at: Place = {}): Result<Decimal> {
  const r = readNumber(raw, field, at);
  if (!r.ok) return r;
  if (r.value === null) return fail({ code: "required", field, ...at });
  return ok(r.value);
}

/**
 * A share between 0 and 1 (a cell showing 25 % holds 0.25). A blank counts as 0, as the SROI guide
 * leaves a deduction out when nothing is known. A whole number up to 100 is almost always a
 * percentage typed without the % sign: refuse it with a hint rather than compute a nonsense.
 */
export function readPercent(raw: Raw, field: Field, at: Place = {}): Result<Decimal> {
  const r = readNumber(raw, field, at);
  if (!r.ok) return r;
  const v = r.value;
  if (v === null) return ok(dec(0));
  if (v.isNegative() && !v.isZero()) return fail({ code: "percentOutOfRange", field, value: raw ?? null, ...at });
  if (v.lte(1)) return ok(v);
  if (v.lte(100)) return fail({ code: "percentLooksWhole", field, value: raw ?? null, ...at });
  return fail({ code: "percentOutOfRange", field, value: raw ?? null, ...at });
}

/** Quantity: how many stakeholders changed; zero or more, fractions allowed (averages, FTEs). */
export function readQuantity(raw: Raw, at: Place = {}): Result<Decimal> {
  const r = readRequiredNumber(raw, "quantity", at);
  if (!r.ok) return r;
  if (r.value.isNegative() && !r.value.isZero()) {
    return fail({ code: "negative", field: "quantity", value: raw ?? null, ...at });
  }
  return r;
}

/** Proxy: money value of one unit of change; a negative proxy records a negative outcome. */
export function readProxy(raw: Raw, at: Place = {}): Result<Decimal> {
  return readRequiredNumber(raw, "proxy", at);
}

/**
 * Units per person: how many units of the proxy one person's change is worth (8 for a monthly
 * proxy over an 8-month contract); zero or more, fractions allowed. Blank is 1, so that a row
 * written before the column existed keeps its value.
 */
export function readUnits(raw: Raw, at: Place = {}): Result<Decimal> {
  const r = readNumber(raw, "units", at);
  if (!r.ok) return r;
  if (r.value === null) return ok(dec(1));
  if (r.value.isNegative() && !r.value.isZero()) return fail({ code: "negative", field: "units", value: raw ?? null, ...at });
  return ok(r.value);
}

/** A whole number of years, 0 ≤ n ≤ MAX_YEARS. */
export function readWholeYears(raw: Raw, field: Field, at: Place = {}): Result<number> {
  const r = readRequiredNumber(raw, field, at);
  if (!r.ok) return r;
  const v = r.value;
  if (!v.isInteger()) return fail({ code: "notWholeNumber", field, value: raw ?? null, ...at });
  if (v.isNegative() && !v.isZero()) return fail({ code: "negative", field, value: raw ?? null, ...at });
  if (v.gt(MAX_YEARS)) return fail({ code: "tooLarge", field, value: raw ?? null, limit: MAX_YEARS, ...at });
  return ok(v.toNumber());
}

/** Duration: the years an outcome lasts; required (a blank duration is an error, not a silent zero). */
export function readDuration(raw: Raw, at: Place = {}): Result<number> {
  return readWholeYears(raw, "duration", at);
}

/** Start: 1 if the outcome starts in the period of the activity, 2 if in the period after. Blank is 1. */
export function readStart(raw: Raw, at: Place = {}): Result<1 | 2> {
  const r = readNumber(raw, "start", at);
  if (!r.ok) return r;
  if (r.value === null) return ok(1);
  if (r.value.eq(1)) return ok(1);
  if (r.value.eq(2)) return ok(2);
  return fail({ code: "startNotOneOrTwo", field: "start", value: raw ?? null, ...at });
}

/**
 * Discount rate, a fraction (3.5 % is 0.035). Must be above −100 %. A rate above 100 % and up to
 * 100 is taken for a percentage typed without its sign, as no SROI uses such a rate.
 */
export function readRate(raw: Raw, at: Place = {}): Result<Decimal> {
  const r = readRequiredNumber(raw, "rate", at);
  if (!r.ok) return r;
  const v = r.value;
  if (v.lte(-1)) return fail({ code: "rateTooLow", field: "rate", value: raw ?? null, ...at });
  if (v.gt(1) && v.lte(100)) return fail({ code: "rateLooksWhole", field: "rate", value: raw ?? null, ...at });
  if (v.gt(100)) return fail({ code: "percentOutOfRange", field: "rate", value: raw ?? null, ...at });
  return ok(v);
}

/** TRUE/FALSE as Excel writes them as text, in either language (a French workbook, a CSV); "yes" is no boolean. */
const BOOLEAN_WORDS: Record<string, boolean> = { true: true, vrai: true, false: false, faux: false };

/**
 * TRUE/FALSE, 1/0, the words TRUE/FALSE/VRAI/FAUX as text (any case), or blank for the default: the one boolean
 * reader of the custom functions, the workbook reader and the forms.
 */
export function readBoolean(raw: Raw, field: Field, fallback: boolean, at: Place = {}): Result<boolean> {
  if (isBlank(raw)) return ok(fallback);
  if (typeof raw === "boolean") return ok(raw);
  if (raw === 1 || raw === 0) return ok(raw === 1);
  if (typeof raw === "string" && raw.trim().toLowerCase() in BOOLEAN_WORDS) return ok(BOOLEAN_WORDS[raw.trim().toLowerCase()]);
  return fail({ code: "notABoolean", field, value: raw ?? null, ...at });
}

/*
 * Quick acceptance, for the hot path of the custom functions. Each test accepts only plain numbers
 * that the reader of the same name accepts unchanged (or a blank it reads as the default), so a cell
 * either passes here and keeps its value as a double, or goes through the reader, which either
 * accepts it too or gives the issue with its message and place: the rules above stay the only rules.
 * A comparison with NaN is false, so NaN and ±Infinity always go to the reader.
 */

/** A blank that readNumber reads as null without trimming (text of spaces goes to the reader). */
const isEmpty = (raw: Raw): raw is null | undefined | "" => raw === null || raw === undefined || raw === "";

/** readNumber's finite number (not a blank). */
export const isPlainNumber = (raw: Raw): raw is number => typeof raw === "number" && raw - raw === 0;

/** readQuantity's value: a finite number, zero or more. */
export const isPlainQuantity = (raw: Raw): raw is number => typeof raw === "number" && raw >= 0 && raw - raw === 0;

/** readPercent's value: a share between 0 and 1, or a blank (0). */
export const isPlainShare = (raw: Raw): raw is number | null | undefined | "" =>
  isEmpty(raw) || (typeof raw === "number" && raw >= 0 && raw <= 1);

/** The share a cell accepted by isPlainShare holds. */
export const shareOf = (raw: number | null | undefined | ""): number => (typeof raw === "number" ? raw : 0);

/** readWholeYears's value: a whole number from 0 to MAX_YEARS. */
export const isPlainYears = (raw: Raw): raw is number => typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw <= MAX_YEARS;

/** readRate's value: a fraction above −100 % and at most 100 %. */
export const isPlainRate = (raw: Raw): raw is number => typeof raw === "number" && raw > -1 && raw <= 1;
