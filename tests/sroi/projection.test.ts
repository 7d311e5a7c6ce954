/**
 * Projection (method §4): V(t) = I × (1 − d)^(t − s) for s ≤ t ≤ s + D − 1, else 0. Drop-off is
 * geometric and starts after the outcome's first year.
 */
import { dec, lastYear, projectOutcome, valueInYear } from "../../src/sroi";

const project = (impact: number, duration: number, dropOff: number, start: 1 | 2, years: number) =>
  projectOutcome(dec(impact), { duration, dropOff: dec(dropOff), start }, years).map((v) => v.toNumber());

test.each([
  // reason                                                   I     D  d    s  years expected (hand)
  ["reference case: 6,000 / 5,400 / 4,860 then nothing",      6000, 3, 0.1, 1, 5,  [6000, 5400, 4860, 0, 0]],
  ["start 2 shifts every year by one",                        6000, 3, 0.1, 2, 5,  [0, 6000, 5400, 4860, 0]],
  ["duration 0 carries no value",                             6000, 0, 0.1, 1, 5,  [0, 0, 0, 0, 0]],
  ["duration 0 with start 2 carries no value either",         6000, 0, 0,   2, 3,  [0, 0, 0]],
  ["no drop-off: a flat line for the duration",               1000, 5, 0,   1, 5,  [1000, 1000, 1000, 1000, 1000]],
  ["drop-off is not applied to the first year",               1000, 2, 0.4, 1, 3,  [1000, 600, 0]],
  ["drop-off 100 %: only the first year",                     1000, 3, 1,   1, 4,  [1000, 0, 0, 0]],
  ["drop-off is geometric (on what remains), not linear",     800,  7, 0.5, 2, 10, [0, 800, 400, 200, 100, 50, 25, 12.5, 0, 0]],
  ["a duration longer than the grid is cut at the grid",      100,  10, 0.1, 1, 3, [100, 90, 81]],
  ["a negative outcome declines towards 0",                   -1000, 2, 0.2, 1, 3, [-1000, -800, 0]],
  ["a grid longer than 5 years",                              10,   8, 0,   1, 9,  [10, 10, 10, 10, 10, 10, 10, 10, 0]],
  ["decimal arithmetic: 0.1 × 0.9 = 0.09 exactly",            0.1,  2, 0.1, 1, 2,  [0.1, 0.09]],
] as const)("%s", (_reason, impact, duration, dropOff, start, years, expected) => {
  expect(project(impact, duration, dropOff, start, years)).toEqual(expected);
});

test.each([
  [{ duration: 3, start: 1 }, 3],
  [{ duration: 3, start: 2 }, 4],
  [{ duration: 0, start: 2 }, 0],
  [{ duration: 1, start: 1 }, 1],
] as const)("last year of %o is %p", (life, expected) => {
  expect(lastYear({ ...life, dropOff: dec(0) })).toBe(expected);
});

test("year 0 and years before the start carry nothing", () => {
  const life = { duration: 3, dropOff: dec(0), start: 2 as const };
  expect(valueInYear(dec(100), life, 0).toNumber()).toBe(0);
  expect(valueInYear(dec(100), life, 1).toNumber()).toBe(0);
  expect(valueInYear(dec(100), life, 2).toNumber()).toBe(100);
});
