/**
 * Projecting an outcome over time (SROI guide, stage 5). Drop-off is a geometric decline applied to
 * the remaining level each year after the first year of the outcome, not to the first-year value.
 */
import { Decimal, ONE, ZERO } from "./decimal";

export interface OutcomeLife {
  /** years the outcome lasts, a whole number ≥ 0; 0 means it carries no value */
  duration: number;
  /** yearly decline, 0 ≤ dropOff ≤ 1 */
  dropOff: Decimal;
  /** 1: starts in the period of the activity; 2: in the period after */
  start: 1 | 2;
}

/** V(t) = I × (1 − d)^(t − s) for s ≤ t ≤ s + D − 1, else 0 */
export function valueInYear(impact: Decimal, life: OutcomeLife, year: number): Decimal {
  const { duration, dropOff, start } = life;
  if (year < start || year > start + duration - 1) return ZERO;
  return impact.times(ONE.minus(dropOff).pow(year - start));
}

/** The values of years 1..years, as the impact map's projection grid shows them. */
export function projectOutcome(impact: Decimal, life: OutcomeLife, years: number): Decimal[] {
  const out: Decimal[] = [];
  for (let t = 1; t <= years; t++) out.push(valueInYear(impact, life, t));
  return out;
}

/** The last year in which the outcome still carries value (0 when it carries none). */
export function lastYear(life: OutcomeLife): number {
  return life.duration === 0 ? 0 : life.start + life.duration - 1;
}
