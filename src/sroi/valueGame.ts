/**
 * The value game (method: stakeholder valuation): each participant places a benefit against an everyday
 * good of known price; the median placement is the benefit's proxy, the spread says how much they agree.
 */
import { percentileInc } from "./sensitivity";

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
  const sorted = [...prices].sort((a, b) => a - b);
  const p25 = percentileInc(sorted, 0.25);
  const p75 = percentileInc(sorted, 0.75);
  return {
    participants: prices.length,
    median: percentileInc(sorted, 0.5),
    min: Math.min(...prices),
    max: Math.max(...prices),
    p25,
    p75,
    iqr: p75 - p25,
  };
}
