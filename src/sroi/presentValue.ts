/**
 * Discounting (SROI guide, stage 5). By default year 1 is discounted, as Excel's NPV does; some
 * reports leave year 1 undiscounted, which is an explicit option, never a silent switch.
 */
import { Decimal, ONE, ZERO } from "./decimal";
import { OutcomeLife, lastYear } from "./projection";

export interface DiscountOptions {
  /** true (the default): year t is divided by (1 + r)^t; false: by (1 + r)^(t − 1) */
  discountYear1: boolean;
}

export const DEFAULT_DISCOUNT: DiscountOptions = { discountYear1: true };

/** PV = Σ_t V(t) / (1 + r)^t, summed year by year. */
export function presentValue(
  rate: Decimal,
  impact: Decimal,
  life: OutcomeLife,
  options: DiscountOptions = DEFAULT_DISCOUNT,
): Decimal {
  const last = lastYear(life);
  if (last === 0 || impact.isZero()) return ZERO;
  const growth = ONE.plus(rate);
  const keep = ONE.minus(life.dropOff);
  const firstExponent = options.discountYear1 ? life.start : life.start - 1;
  let value = impact;
  let discount = growth.pow(firstExponent);
  let sum = ZERO;
  for (let t = life.start; t <= last; t++) {
    sum = sum.plus(value.div(discount));
    value = value.times(keep);
    discount = discount.times(growth);
  }
  return sum;
}

/**
 * The closed form of the same sum, with q = (1 − d)/(1 + r):
 * PV = I/(1+r)^s × (1 − q^D)/(1 − q), or I × D/(1+r)^s when q = 1.
 * This is the formula portable workbooks use with native spreadsheet functions only.
 */
export function presentValueClosedForm(
  rate: Decimal,
  impact: Decimal,
  life: OutcomeLife,
  options: DiscountOptions = DEFAULT_DISCOUNT,
): Decimal {
  if (life.duration === 0) return ZERO;
  const growth = ONE.plus(rate);
  const q = ONE.minus(life.dropOff).div(growth);
  const exponent = options.discountYear1 ? life.start : life.start - 1;
  const first = impact.div(growth.pow(exponent));
  const series = q.eq(ONE) ? new Decimal(life.duration) : ONE.minus(q.pow(life.duration)).div(ONE.minus(q));
  return first.times(series);
}
