/**
 * Moving a money value between price years with a consumer-price index (method §11):
 * v(to) = v(from) × CPI(to) ÷ CPI(from). « Revaloriser » (inflation), not « actualiser » (discounting).
 * The figures are data (data/cpi.csv → cpi.generated.ts), each with its source; a year that could not
 * be sourced is absent, and asking for it is an issue, never an estimate.
 */
import { type Decimal, type Place, type Raw, type Result, dec, fail, isBlank, ok, readRequiredNumber } from "../sroi";
import { PRICE_INDEX_FIGURES } from "./cpi.generated";

/** One annual-average figure of a consumer-price index, as data/cpi.csv holds it. */
export interface PriceIndexFigure {
  /** FR, UK, BE, EA (euro area) */
  index: string;
  year: number;
  /** the index value as published, in text so it reads exactly ("104.73") */
  value: string;
  /** the reference period, e.g. "2015=100" */
  base: string;
  source: string;
  url: string;
  /** when the figure was taken from its source (YYYY-MM-DD) */
  taken: string;
}

/**
 * The index used when none is given: an assessment records its own (its Price index setting, read by
 * the pane and the lookup); SROI.REBASE in a cell knows no assessment, so its default is this one.
 */
export const DEFAULT_PRICE_INDEX = "FR";

const key = (index: string) => index.trim().toUpperCase();

/** The indices the add-in has, in data order. */
export function priceIndices(): string[] {
  return [...new Set(PRICE_INDEX_FIGURES.map((f) => f.index))];
}

/** The years an index has, ascending. */
export function priceIndexYears(index: string): number[] {
  return PRICE_INDEX_FIGURES.filter((f) => f.index === key(index)).map((f) => f.year).sort((a, b) => a - b);
}

export function priceIndexFigure(index: string, year: number): PriceIndexFigure | undefined {
  return PRICE_INDEX_FIGURES.find((f) => f.index === key(index) && f.year === year);
}

/** "2015, 2020–2022": runs of consecutive years shortened, for messages. */
export function yearRuns(years: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    runs.push(j === i ? `${years[i]}` : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

function figureOr(index: string, year: number, field: "fromYear" | "toYear", at: Place): Result<Decimal> {
  const f = priceIndexFigure(index, year);
  if (f) return ok(dec(f.value));
  return fail({ code: "yearNotInPriceIndex", field, value: year, ...at, priceIndex: key(index), available: yearRuns(priceIndexYears(index)) });
}

export interface RebasePlaces {
  amount?: Place;
  fromYear?: Place;
  toYear?: Place;
  priceIndex?: Place;
}

/** value × CPI(to) ÷ CPI(from), in the core's exact decimal arithmetic. */
export function rebase(value: Decimal, fromYear: number, toYear: number, index: string = DEFAULT_PRICE_INDEX, at: RebasePlaces = {}): Result<Decimal> {
  if (!priceIndices().includes(key(index))) {
    return fail({ code: "unknownPriceIndex", field: "priceIndex", value: index, ...at.priceIndex, available: priceIndices().join(", ") });
  }
  const from = figureOr(index, fromYear, "fromYear", at.fromYear ?? {});
  if (!from.ok) return from;
  const to = figureOr(index, toYear, "toYear", at.toYear ?? {});
  if (!to.ok) return to;
  return ok(value.times(to.value).div(from.value));
}

function readYear(raw: Raw, field: "fromYear" | "toYear", at: Place): Result<number> {
  const n = readRequiredNumber(raw, field, at);
  if (!n.ok) return n;
  if (!n.value.isInteger()) return fail({ code: "notWholeNumber", field, value: n.value.toNumber(), ...at });
  return ok(n.value.toNumber());
}

/**
 * One cell of SROI.REBASE from what Excel sent: a blank value gives a blank result (a row not filled
 * in yet); a blank or omitted index is DEFAULT_PRICE_INDEX.
 */
export function rebaseCell(value: Raw, fromYear: Raw, toYear: Raw, index: Raw, at: RebasePlaces = {}): Result<Decimal | null> {
  if (isBlank(value)) return ok(null);
  const v = readRequiredNumber(value, "amount", at.amount ?? {});
  if (!v.ok) return v;
  const from = readYear(fromYear, "fromYear", at.fromYear ?? {});
  if (!from.ok) return from;
  const to = readYear(toYear, "toYear", at.toYear ?? {});
  if (!to.ok) return to;
  if (typeof index === "number" || typeof index === "boolean") {
    return fail({ code: "unknownPriceIndex", field: "priceIndex", value: index, ...at.priceIndex, available: priceIndices().join(", ") });
  }
  const name = isBlank(index) ? DEFAULT_PRICE_INDEX : String(index);
  return rebase(v.value, from.value, to.value, name, at);
}
