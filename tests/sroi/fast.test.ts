/**
 * The float64 hot path (src/sroi/fast.ts) against the exact Decimal core: the year-by-year sum of
 * method §5 (presentValue), the projection of §4 and the net impact of §3, each fed the same
 * inputs as the decimals the user typed (dec(x), the core's boundary). Random inputs and the
 * extremes where a naive float formula loses every digit; within 1e-12 relative, and exactly 0
 * where the reference is 0.
 */
import fc from "fast-check";
import {
  Decimal,
  FloatTotal,
  ONE,
  complementOf,
  dec,
  netImpact,
  netImpactFloat,
  presentValue,
  presentValueFloat,
  projectOutcome,
  projectOutcomeFloat,
  seriesByClosedForm,
  seriesByDirectSum,
  toFifteenDigits,
  valueInYearFloat,
} from "../../src/sroi";
import { expectClose, relativeError } from "./close";

const TOLERANCE = 1e-12;
const MIN_NORMAL = 2 ** -1022;

/** Within 1e-12 relative of the Decimal reference; 0 exactly where it is 0; both beyond the doubles alike. */
function agrees(actual: number, reference: Decimal): boolean {
  const expected = reference.toNumber();
  if (reference.isZero()) return actual === 0;
  if (!Number.isFinite(expected)) return actual === expected; // beyond 1.8e308 both ways: #NUM! in a cell
  // Below the normal doubles a double holds fewer digits than 1e-12 asks: compare absolutely there.
  if (Math.abs(expected) < MIN_NORMAL) return Math.abs(actual - expected) <= 1e-320;
  return relativeError(actual, expected) <= TOLERANCE;
}

const sign = fc.constantFrom(1, -1);
const magnitude = fc.double({ min: 1e-6, max: 1e12, noNaN: true });
const impact = fc.oneof(
  fc.constantFrom(1e-6, 1e12, -1e-6, -1e12, 6000, 0),
  fc.tuple(sign, magnitude).map(([s, m]) => s * m),
  fc.integer({ min: -10_000_000, max: 100_000_000 }).map((c) => c / 100), // money to the cent
);
const rate = fc.oneof(
  fc.constantFrom(0, 1e-12, 1e-6, -0.5, 0.99, 0.035, 1, -1e-12, -0.99, -0.999999),
  fc.double({ min: -0.9, max: 1, noNaN: true }),
  fc.integer({ min: -9_999, max: 10_000 }).map((bp) => bp / 10_000), // basis points
);
const dropOff = fc.oneof(
  fc.constantFrom(0, 1e-12, 0.5, 1 - 1e-12, 1, 0.1, 0.999999, 1e-6),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 10_000),
);
const duration = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(0, 1, 2, 50, 51, 99, 100));
const start = fc.constantFrom<1 | 2>(1, 2);

describe("present value: the closed form in double against the Decimal year-by-year sum", () => {
  test("random and extreme inputs", () => {
    fc.assert(
      fc.property(rate, impact, duration, dropOff, start, fc.boolean(), (r, i, d, dof, s, dy1) => {
        const reference = presentValue(dec(r), dec(i), { duration: d, dropOff: dec(dof), start: s }, { discountYear1: dy1 });
        const actual = presentValueFloat(r, i, d, dof, s, dy1);
        if (agrees(actual, reference)) return true;
        throw new Error(`PV ${actual}, reference ${reference.toNumber()}, relative error ${relativeError(actual, reference.toNumber())}`);
      }),
      { numRuns: 3000 },
    );
  });

  // Every combination of the extremes the issue names, each compared one by one.
  const rates = [0, 1e-12, 1e-6, -0.5, 0.99];
  const dropOffs = [0, 1e-12, 0.5, 1 - 1e-12, 1];
  const durations = [0, 1, 2, 10, 50, 51, 100]; // 50 | 51: the direct sum | the closed form
  const grid = rates.flatMap((r) => dropOffs.flatMap((d) => durations.flatMap((n) => [1, 2].flatMap((s) => [true, false].map((dy1) => [r, d, n, s as 1 | 2, dy1] as const)))));
  test.each(grid)("rate %p, drop-off %p, %p years, start %p, year 1 discounted %p", (r, d, n, s, dy1) => {
    for (const i of [1e-6, 1e12, -1e12, 6000]) {
      const reference = presentValue(dec(r), dec(i), { duration: n, dropOff: dec(d), start: s }, { discountYear1: dy1 });
      expect({ impact: i, agrees: agrees(presentValueFloat(r, i, n, d, s, dy1), reference) }).toEqual({ impact: i, agrees: true });
    }
  });
});

test("both ways of summing the series Σ q^k agree with the Decimal sum for every life of 0 to 100 years", () => {
  fc.assert(
    fc.property(rate, dropOff, duration, (r, d, n) => {
      // PV of an impact of 1 starting in year 1, year 1 undiscounted, is the series itself.
      const reference = presentValue(dec(r), dec(1), { duration: n, dropOff: dec(d), start: 1 }, { discountYear1: false });
      return agrees(seriesByDirectSum(r, d, n), reference) && agrees(seriesByClosedForm(r, d, n), reference);
    }),
    { numRuns: 2000 },
  );
});

describe("present value: hand calculations", () => {
  test.each<[string, number, number, number, number, 1 | 2, boolean, number]>([
    ["reference case (method §8)", 0.035, 6000, 3, 0.1, 1, true, 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3],
    ["rate 0, no drop-off, 100 years: impact × 100", 0, 250, 100, 0, 1, true, 25_000],
    ["q = 1 (a rate of −10 % against a drop-off of 10 %): I × D / (1 + r)", -0.1, 900, 40, 0.1, 1, true, 40_000],
    ["drop-off 100 %: only year 1, 50 years or not", 0.1, 1100, 50, 1, 1, true, 1000],
    ["50 years at 10 %, no drop-off: the annuity factor (1 − 1.1^−50) / 0.1", 0.1, 1000, 50, 0, 1, true, (1000 * (1 - 1.1 ** -50)) / 0.1],
    ["40 years, rate 0, drop-off 50 %: 2 × I × (1 − 2^−40)", 0, 1000, 40, 0.5, 1, true, 2000 * (1 - 2 ** -40)],
    ["a rate of 1e-12 over 100 years: I × 100 less about 5,050e-12 of it", 1e-12, 1, 100, 0, 1, false, 100 - 4950e-12],
  ])("%s", (_why, r, i, d, dof, s, dy1, expected) => expectClose(presentValueFloat(r, i, d, dof, s, dy1), expected, TOLERANCE));
});

describe("projection (SROI.PROJECT) in double against the Decimal projection", () => {
  test("random and extreme inputs, every year shown", () => {
    fc.assert(
      fc.property(impact, duration, dropOff, start, fc.integer({ min: 1, max: 100 }), (i, d, dof, s, years) => {
        const reference = projectOutcome(dec(i), { duration: d, dropOff: dec(dof), start: s }, years);
        const actual = projectOutcomeFloat(i, d, dof, s, years);
        return actual.length === years && actual.every((v, t) => agrees(v, reference[t]) && v === valueInYearFloat(i, d, dof, s, t + 1));
      }),
      { numRuns: 1000 },
    );
  });

  test("a drop-off 1e-12 short of 100 %: year 2 is 1e-12 of year 1, as typed (not 0.99997…e-12)", () =>
    expect(projectOutcomeFloat(1e12, 3, 1 - 1e-12, 1, 3)).toEqual([1e12, 1, 1e-12]));
});

describe("net impact in double against the Decimal net impact", () => {
  const share = fc.oneof(fc.constantFrom(0, 1, 1e-12, 1 - 1e-12, 0.999999, 0.25), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }).map((p) => p / 100));
  // Subnormal doubles (below 2.2e-308) are left out: their shortest decimal is far from their value.
  const quantity = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 1e-6, max: 1e9, noNaN: true }));
  const proxy = fc.oneof(impact, fc.tuple(sign, fc.double({ min: 1e-6, max: 1e9, noNaN: true })).map(([s, m]) => s * m));
  test("random and extreme inputs", () => {
    fc.assert(
      fc.property(quantity, proxy, share, share, share, (q, p, dw, dp, at) => {
        const reference = netImpact({ quantity: dec(q), proxy: dec(p), deadweight: dec(dw), displacement: dec(dp), attribution: dec(at) });
        return agrees(netImpactFloat(q, p, dw, dp, at), reference);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("1 − x as typed", () => {
  test.each([
    [0.999999999999, 1e-12],
    [0.9999, 1e-4],
    [0.95, 0.05],
    [0.25, 0.75],
    [1, 0],
    [0, 1],
  ])("1 − %p = %p", (x, expected) => expect(complementOf(x)).toBe(expected));

  test("equals the Decimal 1 − x, rounded to a double, for every x in [0, 1]", () => {
    const nearOne = fc.integer({ min: 1, max: 15 }).chain((k) => fc.integer({ min: 1, max: 10 ** Math.min(k, 15) - 1 }).map((n) => 1 - n / 10 ** k));
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.9375, max: 1, noNaN: true }), nearOne), (x) => {
        const exact = ONE.minus(dec(x)).toNumber();
        // Far from 1 the float subtraction is what is returned: x's own rounding (2^-54 at most) is
        // then below 1e-15 of 1 − x ≥ 1/16.
        return x > 0.9375 ? complementOf(x) === exact : relativeError(complementOf(x), exact) <= 1e-15;
      }),
      { numRuns: 3000 },
    );
  });
});

describe("totals in double", () => {
  const money = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((c) => c / 100);
  // The doubles of amounts in cents are not the decimals; their own rounding (2^-53 of each) is allowed for.
  test("a long column of money sums as the Decimal sum does, to within a unit in the last place", () => {
    fc.assert(
      fc.property(fc.array(money, { maxLength: 2000 }), (values) => {
        const total = new FloatTotal();
        values.forEach((v) => total.add(v));
        const exact = values.reduce((s, v) => s.plus(dec(v)), dec(0)).toNumber();
        const scale = values.reduce((s, v) => s + Math.abs(v), 0);
        return Math.abs(total.value() - exact) <= 2 ** -52 * Math.abs(exact) + 2 ** -53 * scale;
      }),
      { numRuns: 300 },
    );
  });

  test.each<[string, number[], number]>([
    ["the rounding a naive sum loses is kept: 1 + 1e-16 + 1e-16 − 1", [1, 1e-16, 1e-16, -1], 2e-16],
    ["terms beyond 2^900 do not overflow a total that fits: 1e308 + 1e308 − 1e308", [1e308, 1e308, -1e308], 1e308],
    ["a total beyond the doubles is Infinity, hence #NUM! in a cell", [1e308, 1e308], Infinity],
    ["an infinite term stays infinite", [1, Infinity], Infinity],
  ])("%s", (_why, values, expected) => {
    const total = new FloatTotal();
    values.forEach((v) => total.add(v));
    expect(total.value()).toBe(expected);
  });
});

describe("15 significant digits, as Excel keeps", () => {
  test.each([
    [1100 / 1.1, 1000],
    [0.1 + 0.2, 0.3],
    [3 * 0.1, 0.3],
    [-(1100 / 1.1), -1000],
    [123456789012345.67, 123456789012346],
    [1.23456789012345e-200, 1.23456789012345e-200],
    [0, 0],
    [Infinity, Infinity],
    [5e-324, 5e-324],
  ])("%p → %p", (x, expected) => expect(toFifteenDigits(x)).toBe(expected));

  test("moves no value by more than 5e-15 of itself, and keeps 15-digit values as they are", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e280, max: 1e280, noNaN: true }), (x) => relativeError(toFifteenDigits(x), x) <= 5e-15),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000_000_000, max: 999_999_999_999_999 }), fc.integer({ min: -250, max: 250 }), (digits, e) => {
        const x = Number(`${digits}e${e}`);
        return toFifteenDigits(x) === x;
      }),
      { numRuns: 3000 },
    );
  });
});
