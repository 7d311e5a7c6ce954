/**
 * The value game (method: stakeholder valuation): each participant places a benefit against an everyday
 * good of known price; the median placement is the benefit's proxy, the spread says how much they agree.
 */

/** Percentile p (0..1) by linear interpolation between closest ranks: Excel's PERCENTILE.INC / QUARTILE.INC. */
export function percentileInc(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError("percentileInc: no values");
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

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

/** Statistics of one benefit's placements (prices of the goods chosen); undefined when nobody placed it. */
export function placementStats(prices: readonly number[]): PlacementStats | undefined {
  if (prices.length === 0) return undefined;
  const p25 = percentileInc(prices, 0.25);
  const p75 = percentileInc(prices, 0.75);
  return {
    participants: prices.length,
    median: percentileInc(prices, 0.5),
    min: Math.min(...prices),
    max: Math.max(...prices),
    p25,
    p75,
    iqr: p75 - p25,
  };
}
