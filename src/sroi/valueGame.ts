/**
 * The value game (method: stakeholder valuation): each participant places a benefit against an everyday
 * good of known price; the median placement is the benefit's proxy, the spread says how much they agree.
 */
import { dec } from "./decimal";

export interface PlacementStats {
  participants: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (QUARTILE.INC); IQR = p75 − p25. */
  p25: number;
  p75: number;
  iqr: number;
}

/**
 * QUARTILE.INC's interpolation (as percentileInc in sensitivity.ts) in exact decimals, so the median
 * of 7.24 and 21 is 14.12 and not 14.120000000000001: money read back from the proxy as it was typed.
 */
function percentileExact(sorted: readonly number[], p: number): number {
  const h = dec(sorted.length - 1).times(p);
  const lo = h.floor().toNumber();
  if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
  const a = dec(sorted[lo]);
  return a.plus(h.minus(lo).times(dec(sorted[lo + 1]).minus(a))).toNumber();
}

/** Statistics of one benefit's placements (prices of the goods chosen); undefined when nobody placed it. */
export function placementStats(prices: readonly number[]): PlacementStats | undefined {
  if (prices.length === 0) return undefined;
  const sorted = [...prices].sort((a, b) => a - b);
  const p25 = percentileExact(sorted, 0.25);
  const p75 = percentileExact(sorted, 0.75);
  return {
    participants: prices.length,
    median: percentileExact(sorted, 0.5),
    min: Math.min(...prices),
    max: Math.max(...prices),
    p25,
    p75,
    iqr: dec(p75).minus(p25).toNumber(),
  };
}

/**
 * One participant's placement of one benefit: the price of the good they placed it against, or null
 * when they skipped that benefit.
 */
export interface Placement {
  participant: string;
  benefit: string;
  price: number | null;
}

export interface BenefitResult {
  benefit: string;
  /** undefined when nobody placed the benefit */
  stats: PlacementStats | undefined;
  /** participants who skipped it */
  skipped: number;
}

/** Names compare as a person reads them: without regard to case or surrounding spaces. */
const nameKey = (s: string) => s.trim().toLowerCase();

/**
 * The statistics of each benefit, in the order given: one placement per participant and benefit,
 * the last one recorded counting (a participant recorded again corrects their earlier answer).
 * Placements of a benefit not in the list are not counted.
 */
export function benefitResults(benefits: readonly string[], placements: readonly Placement[]): BenefitResult[] {
  const last = new Map<string, Placement>();
  for (const p of placements) last.set(`${nameKey(p.benefit)}\u0000${nameKey(p.participant)}`, p);
  return benefits.map((benefit) => {
    const mine = [...last.values()].filter((p) => nameKey(p.benefit) === nameKey(benefit));
    const prices = mine.flatMap((p) => (p.price === null ? [] : [p.price]));
    return { benefit, stats: placementStats(prices), skipped: mine.length - prices.length };
  });
}
