/**
 * The hot path of the core: the same method (net impact, projection, present value) in IEEE double,
 * the arithmetic Excel itself computes in. The Decimal functions (impact.ts, projection.ts,
 * presentValue.ts) stay the exact reference; these agree with them to 1e-12 relative (tests/sroi/
 * fast.test.ts) and are what the custom functions run on whole columns.
 *
 * Inputs are plain numbers already checked by the readers of validate.ts.
 */
import { ONE, dec } from "./decimal";

/** 10^k for k = 0…22, the powers of ten that are exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * 1 − x, for x as the decimal the user typed. The double nearest 0.999999999999 lies 2.2e-17 above
 * it, which is 2.2e-5 of the 1e-12 that remains: close to 100 % (a deduction or drop-off), or a rate
 * close to −100 % (1 + r = 1 − (−r)), the subtraction is exact but the input is not. There the
 * difference is rebuilt from the shortest decimal text of x, which is what the Decimal core reads.
 */
export function complementOf(x: number): number {
  const c = 1 - x;
  if (!(c > 0 && c < 0.0625)) return c; // far from 1 the input's own error is below 1e-15 of c
  const text = String(x); // x in (0.9375, 1): plain notation, "0.99…"
  const decimals = text.length - text.indexOf(".") - 1;
  if (decimals <= 15) {
    // c × 10^k is within 0.06 of the whole number 10^k × (1 − x as typed), so rounding recovers it.
    const scale = POWERS_OF_TEN[decimals];
    return Math.round(c * scale) / scale;
  }
  // 16 or 17 decimals, beyond the trick (Excel keeps 15 digits of a typed number): exact decimals.
  return ONE.minus(dec(x)).toNumber();
}

/** ln(1 − d) for a drop-off 0 ≤ d ≤ 1 (−Infinity at d = 1), accurate near 0 and near 1. */
function logKeep(d: number): number {
  return d > 0.9375 ? Math.log(complementOf(d)) : Math.log1p(-d);
}

/** ln(1 + r) for a rate r > −1, accurate near 0 and near −1. */
function logGrowth(r: number): number {
  return r < -0.9375 ? Math.log(complementOf(-r)) : Math.log1p(r);
}

/** I = quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution) (method §3). */
export function netImpactFloat(quantity: number, proxy: number, deadweight: number, displacement: number, attribution: number): number {
  return quantity * proxy * complementOf(deadweight) * complementOf(displacement) * complementOf(attribution);
}

/**
 * I × keep^k. Where keep^k leaves the normal doubles (drop-off near 100 % over many years) it loses
 * digits before I brings it back, so the product is then taken in logarithms.
 */
function declined(impact: number, keep: number, k: number): number {
  const factor = Math.pow(keep, k);
  if (factor >= MIN_NORMAL || keep === 0) return impact * factor;
  return Math.sign(impact) * Math.exp(Math.log(Math.abs(impact)) + k * Math.log(keep));
}

const MIN_NORMAL = 2 ** -1022;

/** V(t) = I × (1 − d)^(t − s) for s ≤ t ≤ s + D − 1, else 0 (method §4). */
export function valueInYearFloat(impact: number, duration: number, dropOff: number, start: 1 | 2, year: number): number {
  if (year < start || year > start + duration - 1) return 0;
  return year === start ? impact : declined(impact, complementOf(dropOff), year - start);
}

/** The values of years 1..years, as SROI.PROJECT and the projection grid show them. */
export function projectOutcomeFloat(impact: number, duration: number, dropOff: number, start: 1 | 2, years: number): number[] {
  const out = new Array<number>(years);
  const keep = complementOf(dropOff);
  const last = start + duration - 1;
  for (let t = 1; t <= years; t++) {
    // Math.pow rather than a running product: one rounding per year, not one per year elapsed.
    out[t - 1] = t < start || t > last ? 0 : t === start ? impact : declined(impact, keep, t - start);
  }
  return out;
}

/**
 * Lives up to this many years sum the series directly; longer ones use the closed form. Every term
 * q^k is ≥ 0, so the direct sum (Horner: s ← 1 + q·s) cannot cancel and stays within 2(D − 1)
 * roundings (1.1e-14 relative at 50 years). bench/functions.mjs (part 3) measures both in one run:
 * on this project's machine the direct sum took a tenth to a third of the closed form's three
 * transcendental functions for lives of 2 to 10 years, and broke even between 40 and 60 years.
 */
const DIRECT_SUM_YEARS = 50;

/*
 * A column of outcomes mostly shares one rate, and often a drop-off: the values they need are kept
 * from the previous call (one entry each; pure functions of their inputs, so results never depend
 * on the order of calls).
 */
let lastRate = NaN;
let lastGrowth = 1;
let lastLogRate = NaN;
let lastLogGrowth = 0;
let lastDropOff = NaN;
let lastLogKeep = 0;
let lastPairDropOff = NaN;
let lastPairRate = NaN;
let lastLnQ = 0;
let lastExpm1LnQ = 0;

/** ln q = ln(1 − d) − ln(1 + r), and expm1(ln q) = q − 1, kept for the next call. */
function logRatio(rate: number, dropOff: number): void {
  if (dropOff === lastPairDropOff && rate === lastPairRate) return;
  if (rate !== lastLogRate) {
    lastLogRate = rate;
    lastLogGrowth = logGrowth(rate);
  }
  if (dropOff !== lastDropOff) {
    lastDropOff = dropOff;
    lastLogKeep = logKeep(dropOff);
  }
  lastPairDropOff = dropOff;
  lastPairRate = rate;
  lastLnQ = lastLogKeep - lastLogGrowth;
  lastExpm1LnQ = Math.expm1(lastLnQ);
}

/** 1 + r, near −100 % as typed; kept for the next call. */
function growthOf(rate: number): number {
  if (rate !== lastRate) {
    lastRate = rate;
    lastGrowth = rate < -0.9375 ? complementOf(-rate) : 1 + rate;
  }
  return lastGrowth;
}

/** Σ q^k for k = 0…D − 1, q = (1 − d)/(1 + r), summed directly: s ← 1 + q·s (Horner). */
export function seriesByDirectSum(rate: number, dropOff: number, duration: number): number {
  const q = complementOf(dropOff) / growthOf(rate);
  let series = duration > 0 ? 1 : 0;
  for (let k = 1; k < duration; k++) series = 1 + q * series;
  return series;
}

/** The same series by the closed form (1 − q^D)/(1 − q), as expm1(D·L)/expm1(L) with L = ln q; D when q = 1. */
export function seriesByClosedForm(rate: number, dropOff: number, duration: number): number {
  if (dropOff === 1) return duration > 0 ? 1 : 0; // q = 0: ln q = −Infinity
  logRatio(rate, dropOff);
  if (lastLnQ === 0) return duration;
  // q > 1 (a rate below −d): q^D may pass the largest double while the series itself does not, so
  // write it q^(D−1) × (1 − q^−D)/(1 − q^−1), whose factors stay finite whenever the series is.
  if (lastLnQ > 0) return Math.exp((duration - 1) * lastLnQ) * (Math.expm1(-duration * lastLnQ) / Math.expm1(-lastLnQ));
  return Math.expm1(duration * lastLnQ) / lastExpm1LnQ;
}

/**
 * PV of one outcome by the closed form of method §5, q = (1 − d)/(1 + r):
 *   PV = I/(1 + r)^e × (1 − q^D)/(1 − q), or I × D/(1 + r)^e when q = 1,
 * e = start, or start − 1 when year 1 is not discounted. The series (1 − q^D)/(1 − q) is written
 * with L = ln q = ln(1 − d) − ln(1 + r) as expm1(D·L)/expm1(L): 1 − q^D and 1 − q computed
 * directly lose every digit as q nears 1 (a rate and a drop-off near 0), log1p/expm1 keep them.
 * Short lives sum the same series directly (see DIRECT_SUM_YEARS).
 */
export function presentValueFloat(
  rate: number,
  impact: number,
  duration: number,
  dropOff: number,
  start: 1 | 2,
  discountYear1 = true,
): number {
  if (duration === 0 || impact === 0) return 0;
  const growth = growthOf(rate);
  const exponent = discountYear1 ? start : start - 1;
  const first = exponent === 0 ? impact : exponent === 1 ? impact / growth : impact / (growth * growth);
  // A drop-off of 100 % leaves only the first year (q = 0).
  if (duration === 1 || dropOff === 1) return first;
  const series = duration <= DIRECT_SUM_YEARS ? seriesByDirectSum(rate, dropOff, duration) : seriesByClosedForm(rate, dropOff, duration);
  if (Number.isFinite(series)) return first * series;
  // q > 1 over many years (a rate near −100 %): q^D beyond the largest double. The PV itself may
  // still be finite when I is tiny, so take it in logarithms: (q^D − 1)/(q − 1) ≈ q^D/(q − 1).
  logRatio(rate, dropOff);
  const log = Math.log(Math.abs(impact)) - exponent * lastLogGrowth + duration * lastLnQ - Math.log(lastExpm1LnQ);
  return Math.sign(impact) * Math.exp(log);
}

const HUGE = 2 ** 900;
const SCALE_DOWN = 2 ** -900;

/**
 * A running total in double with Neumaier's compensation: the rounding error of each addition is
 * kept and added back, so a long column of money amounts sums to within a few units in the last
 * place, as the Decimal sum does. Terms beyond 2^900 are summed apart, scaled down exactly by
 * 2^-900, so partial sums cannot overflow where the total itself would not (the Decimal sum cannot).
 * A non-finite term makes the total non-finite.
 */
export class FloatTotal {
  private sum = 0;
  private lost = 0;
  private huge = 0;

  add(v: number): void {
    if (Math.abs(v) >= HUGE) {
      this.huge += v * SCALE_DOWN;
      return;
    }
    const t = this.sum + v;
    this.lost += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }

  value(): number {
    const small = this.sum + this.lost;
    return this.huge === 0 ? small : (this.huge + small * SCALE_DOWN) * HUGE;
  }
}

/** Σ values (see FloatTotal). */
export function sumFloat(values: readonly number[]): number {
  const total = new FloatTotal();
  for (const v of values) total.add(v);
  return total.value();
}

/**
 * x rounded to 15 significant digits, the precision Excel keeps and shows. A double carries about
 * 1e-16 of binary noise (1100 ÷ 1.1 is 999.9999999999999); rounding it away gives back the short
 * decimal the Decimal core gives (1000) whenever the exact result has 15 digits or fewer, and moves
 * any other result by at most 5e-15 of itself. 0, ±Infinity and NaN are returned as they are.
 */
export function toFifteenDigits(x: number): number {
  const a = Math.abs(x);
  if (!(a > 0 && a < Infinity)) return x;
  // Money sits well inside 10^−7…10^21: there the powers of ten used are exact doubles, and one
  // rounding of n / 10^k or n × 10^k gives the double nearest the 15-digit decimal. Elsewhere, text.
  if (!(a >= 1e-7 && a < 1e21)) return Number(x.toPrecision(15));
  // The decimal exponent e, 10^e ≤ a < 10^(e+1), from the binary exponent: a lies in
  // [2^b, 2^(b+1)), which spans less than one power of ten, so floor(b·log10 2) is e or e − 1.
  BITS[0] = a;
  const binary = (WORDS[HIGH_WORD] >>> 20) - 1023;
  let low = Math.floor(binary * LOG10_2);
  if (a >= TENS[low + 9]) low++;
  const places = 14 - low; // decimal places that keep 15 significant digits
  const rounded = places >= 0 ? Math.round(a * POWERS_OF_TEN[places]) / POWERS_OF_TEN[places] : Math.round(a / POWERS_OF_TEN[-places]) * POWERS_OF_TEN[-places];
  return x < 0 ? -rounded : rounded;
}

/** The doubles that print as 1e-8 … 1e22 (TENS[e + 8] is 10^e). */
const TENS = Array.from({ length: 31 }, (_, k) => Number(`1e${k - 8}`));
const LOG10_2 = Math.log10(2);
/** A double's bits, to read its binary exponent: the high word holds sign, exponent and top of the mantissa. */
const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
BITS[0] = 1;
const HIGH_WORD = WORDS[1] === 0x3ff00000 ? 1 : 0; // little-endian (every platform Office runs on) or not
