/**
 * Present value (method §5): PV = Σ_t V(t) / (1 + r)^t, year 1 discounted as Excel's NPV does; the
 * option "year 1 undiscounted" divides by (1 + r)^(t − 1). Every case runs through both the
 * year-by-year sum and the closed form. Expected values are the hand sums, written out.
 */
import { dec, presentValue, presentValueClosedForm } from "../../src/sroi";
import { expectClose } from "./close";

const implementations = [
  ["year by year", presentValue],
  ["closed form", presentValueClosedForm],
] as const;

type Case = [reason: string, rate: number, impact: number, duration: number, dropOff: number, start: 1 | 2, discountYear1: boolean, expected: number];

const cases: Case[] = [
  ["reference case at 3.5 %", 0.035, 6000, 3, 0.1, 1, true, 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3],
  ["reference case, year 1 undiscounted", 0.035, 6000, 3, 0.1, 1, false, 6000 + 5400 / 1.035 + 4860 / 1.035 ** 2],
  ["rate 0 and no drop-off: impact × duration", 0, 1000, 4, 0, 1, true, 4000],
  ["rate 0: the plain sum 1,000 + 500 + 250", 0, 1000, 3, 0.5, 1, true, 1750],
  ["one year at 10 %: 1,100 / 1.1", 0.1, 1100, 1, 0, 1, true, 1000],
  ["two years at 10 %: 1,210 / 1.1 + 1,210 / 1.21", 0.1, 1210, 2, 0, 1, true, 2100],
  ["start 2 is discounted one more year: 1,210 / 1.21", 0.1, 1210, 1, 0, 2, true, 1000],
  ["start 2, year 1 undiscounted: 1,100 / 1.1", 0.1, 1100, 1, 0, 2, false, 1000],
  ["year 1 undiscounted: 1,000 + 1,000 / 1.1", 0.1, 1000, 2, 0, 1, false, 1000 + 1000 / 1.1],
  ["start 2 with drop-off", 0.035, 6000, 3, 0.1, 2, true, 6000 / 1.035 ** 2 + 5400 / 1.035 ** 3 + 4860 / 1.035 ** 4],
  ["duration 0 is worth nothing", 0.035, 6000, 0, 0.1, 1, true, 0],
  ["drop-off 100 %: only year 1 counts", 0.1, 1100, 5, 1, 1, true, 1000],
  ["a negative rate grows the future: 100 / 0.5 + 100 / 0.25", -0.5, 100, 2, 0, 1, true, 600],
  ["drop-off equal to the rate (q ≠ 1 still)", 0.1, 1000, 3, 0.1, 1, true, 1000 / 1.1 + 900 / 1.21 + 810 / 1.331],
  ["a negative outcome has a negative PV", 0.1, -1100, 1, 0, 1, true, -1000],
  ["ten years at Green Book 3.5 %", 0.035, 500, 10, 0.2, 1, true,
    Array.from({ length: 10 }, (_, i) => (500 * 0.8 ** i) / 1.035 ** (i + 1)).reduce((a, b) => a + b, 0)],
];

describe.each(implementations)("%s", (_name, pvOf) => {
  test.each(cases)("%s", (_reason, rate, impact, duration, dropOff, start, discountYear1, expected) => {
    const actual = pvOf(dec(rate), dec(impact), { duration, dropOff: dec(dropOff), start }, { discountYear1 }).toNumber();
    expectClose(actual, expected, 1e-12);
  });

  test("reference case to the cent: 15,221.50 and, year 1 undiscounted, 15,754.25 (method §8)", () => {
    const life = { duration: 3, dropOff: dec(0.1), start: 1 as const };
    expect(pvOf(dec(0.035), dec(6000), life).toDecimalPlaces(2).toNumber()).toBe(15221.5);
    expect(pvOf(dec(0.035), dec(6000), life, { discountYear1: false }).toDecimalPlaces(2).toNumber()).toBe(15754.25);
  });

  test("discounting year 1 is the default", () => {
    const life = { duration: 1, dropOff: dec(0), start: 1 as const };
    expect(pvOf(dec(0.1), dec(1100), life).toNumber()).toBe(1000);
  });
});
