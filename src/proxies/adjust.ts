/**
 * A proxy made ready for an assessment (issue #12, items 2 and 3): converted into the assessment's
 * currency at a rate the user gives (with its date and source), then revalued to the assessment's
 * price year with its consumer-price index. Each step keeps its figures, so that the pane can say
 * how the value was made and the row can record it; nothing is estimated: a currency with no rate
 * is not written, a year the index lacks is said and the value left in its own year's prices.
 */
import { type Decimal, type Issue, dec } from "../sroi";
import { type PriceIndexFigure, priceIndexFigure, rebase } from "./cpi";
import type { Proxy } from "./types";

/** What the proxy is adjusted to: the assessment's currency, price year and price index. */
export interface ProxyTarget {
  currency: string;
  /** null: the assessment names no price year (its period has no year and none is set) */
  priceYear: number | null;
  priceIndex: string;
}

/** A rate the user gives: units of the assessment's currency for one unit of the proxy's. */
export interface GivenRate {
  rate: number;
  /** where it comes from and its date, as the user writes them */
  source: string;
}

export interface ConversionStep {
  from: string;
  to: string;
  rate: Decimal;
  source: string;
  before: Decimal;
  /** rounded to the cent: the next step and the cell start from what the note shows */
  after: Decimal;
}

export interface RebaseStep {
  fromYear: number;
  toYear: number;
  index: string;
  fromFigure: PriceIndexFigure;
  toFigure: PriceIndexFigure;
  before: Decimal;
  /** rounded to the cent */
  after: Decimal;
}

/** Why the value stays in its own year's prices. */
export type NotRebased =
  | { reason: "noProxyYear" }
  | { reason: "noAssessmentYear" }
  /** the index has no figure for a year (or no such index): the core's issue, with what it has */
  | { reason: "index"; issue: Issue };

export type ProxyAdjustment =
  /** a proxy in another currency with no rate given: it is not to be written as is */
  | { status: "needsRate"; from: string; to: string }
  | {
      status: "ready";
      /** the value to write (one unit of the proxy), in the assessment's currency */
      value: number;
      /** the year whose prices `value` is in */
      priceYear: number | null;
      conversion?: ConversionStep;
      rebase?: RebaseStep;
      notRebased?: NotRebased;
    };

const code = (c: string) => c.trim().toUpperCase();
const cents = (d: Decimal) => d.toDecimalPlaces(2);

/** Is the proxy in another currency than the assessment's? (a blank one is taken as the assessment's) */
export function foreignCurrency(p: Pick<Proxy, "currency">, currency: string): boolean {
  return code(p.currency) !== "" && code(currency) !== "" && code(p.currency) !== code(currency);
}

/** The proxy's value as the assessment needs it, with each step's figures. */
export function adjustProxy(p: Proxy, target: ProxyTarget, given?: GivenRate): ProxyAdjustment {
  if (p.value === null) throw new Error(`proxy ${p.id} has no value: it points to a source to consult`);
  let value = dec(p.value);
  let conversion: ConversionStep | undefined;
  if (foreignCurrency(p, target.currency)) {
    if (!given || !(given.rate > 0)) return { status: "needsRate", from: code(p.currency), to: code(target.currency) };
    const after = cents(value.times(given.rate));
    conversion = { from: code(p.currency), to: code(target.currency), rate: dec(given.rate), source: given.source.trim(), before: value, after };
    value = after;
  }

  const toYear = target.priceYear;
  const fromYear = p.priceYear;
  let step: RebaseStep | undefined;
  let notRebased: NotRebased | undefined;
  if (fromYear === null) notRebased = { reason: "noProxyYear" };
  else if (toYear === null) notRebased = { reason: "noAssessmentYear" };
  else if (fromYear !== toYear) {
    const r = rebase(value, fromYear, toYear, target.priceIndex);
    if (!r.ok) notRebased = { reason: "index", issue: r.issue };
    else {
      const index = code(target.priceIndex);
      step = {
        fromYear,
        toYear,
        index,
        fromFigure: priceIndexFigure(index, fromYear)!,
        toFigure: priceIndexFigure(index, toYear)!,
        before: value,
        after: cents(r.value),
      };
      value = step.after;
    }
  }
  return {
    status: "ready",
    value: value.toNumber(),
    priceYear: step ? step.toYear : fromYear,
    ...(conversion && { conversion }),
    ...(step && { rebase: step }),
    ...(notRebased && { notRebased }),
  };
}
