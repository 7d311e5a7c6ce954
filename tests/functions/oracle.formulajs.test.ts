/**
 * Oracle: formulajs's NPV (Excel's NPV: Σ values_j / (1 + rate)^j, j from 1) on the yearly streams
 * V(1..n) written out from the method's formula, against SROI.PV called as Excel calls it, and
 * against the core. Agreement to 1e-9 relative.
 */
import fc from "fast-check";
import * as formulajs from "@formulajs/formulajs";
import { dec, presentValue } from "../../src/sroi";
import { relativeError } from "../sroi/close";
import { Excel, col, excel } from "./harness";

let xl: Excel;
beforeAll(async () => {
  xl = await excel();
});

interface Outcome {
  impact: number;
  duration: number;
  dropOff: number;
  start: 1 | 2;
}

/** V(t) = I × (1 − d)^(t − s) for s ≤ t ≤ s + D − 1, else 0; years 1..s + D − 1 (method §4). */
function stream(o: Outcome): number[] {
  const last = o.duration === 0 ? 0 : o.start + o.duration - 1;
  return Array.from({ length: last }, (_, i) => {
    const t = i + 1;
    return t < o.start ? 0 : o.impact * (1 - o.dropOff) ** (t - o.start);
  });
}

/** Excel's NPV of the summed streams; year 1 undiscounted is the same NPV × (1 + r). */
function oracle(rate: number, outcomes: Outcome[], discountYear1: boolean): number {
  const years = Math.max(0, ...outcomes.map((o) => stream(o).length));
  const total = Array.from({ length: years }, (_, i) => outcomes.reduce((s, o) => s + (stream(o)[i] ?? 0), 0));
  if (years === 0) return 0;
  const npv = formulajs.NPV(rate, total) as unknown;
  if (typeof npv !== "number") throw new Error(`formulajs NPV refused the stream: ${String(npv)}`);
  return discountYear1 ? npv : npv * (1 + rate);
}

const outcome = fc.record({
  impact: fc.integer({ min: -1_000_000, max: 10_000_000 }).map((c) => c / 100),
  duration: fc.integer({ min: 0, max: 40 }),
  dropOff: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  start: fc.constantFrom<1 | 2>(1, 2),
});
const rate = fc.integer({ min: 0, max: 1500 }).map((bp) => bp / 10_000);

const agree = (ours: unknown, theirs: number, scale: number) =>
  typeof ours === "number" && Math.abs(ours - theirs) <= 1e-9 * Math.max(Math.abs(theirs), scale);

test.each<[string, number, Outcome[], boolean]>([
  ["reference case", 0.035, [{ impact: 6000, duration: 3, dropOff: 0.1, start: 1 }], true],
  ["reference case, year 1 undiscounted", 0.035, [{ impact: 6000, duration: 3, dropOff: 0.1, start: 1 }], false],
  ["start 2", 0.035, [{ impact: 6000, duration: 3, dropOff: 0.1, start: 2 }], true],
  ["two outcomes of different lives", 0.032, [{ impact: 6000, duration: 3, dropOff: 0.1, start: 1 }, { impact: 2500, duration: 8, dropOff: 0.25, start: 2 }], true],
  ["ten years, France Stratégie 3.2 %", 0.032, [{ impact: 1234.56, duration: 10, dropOff: 0.15, start: 1 }], true],
])("%s: SROI.PV = formulajs NPV", (_reason, r, outcomes, dy1) => {
  const pv = xl.call("PV", r, col(...outcomes.map((o) => o.impact)), col(...outcomes.map((o) => o.duration)), col(...outcomes.map((o) => o.dropOff)), col(...outcomes.map((o) => o.start)), dy1);
  expect(relativeError(pv as number, oracle(r, outcomes, dy1))).toBeLessThanOrEqual(1e-9);
});

test("SROI.PV of generated impact maps = formulajs NPV of their yearly streams", () => {
  fc.assert(
    fc.property(rate, fc.array(outcome, { minLength: 1, maxLength: 6 }), fc.boolean(), (r, outcomes, dy1) => {
      const pv = xl.call(
        "PV",
        r,
        col(...outcomes.map((o) => o.impact)),
        col(...outcomes.map((o) => o.duration)),
        col(...outcomes.map((o) => o.dropOff)),
        col(...outcomes.map((o) => o.start)),
        dy1,
      );
      // Positive and negative outcomes can cancel: compare against the size of the flows, not only the total.
      const scale = outcomes.reduce((s, o) => s + Math.abs(o.impact) * o.duration, 0);
      return agree(pv, oracle(r, outcomes, dy1), scale);
    }),
    { numRuns: 300 },
  );
});

test("the core's present value = formulajs NPV, one outcome at a time", () => {
  fc.assert(
    fc.property(rate, outcome, (r, o) => {
      const ours = presentValue(dec(r), dec(o.impact), { duration: o.duration, dropOff: dec(o.dropOff), start: o.start }).toNumber();
      return agree(ours, oracle(r, [o], true), Math.abs(o.impact) * o.duration);
    }),
    { numRuns: 300 },
  );
});

test("SROI.PROJECT shows the same yearly stream the oracle discounts", () => {
  fc.assert(
    fc.property(outcome, (o) => {
      const years = o.start + o.duration + 1;
      const shown = xl.call("PROJECT", o.impact, o.duration, o.dropOff, o.start, years) as number[][];
      const expected = stream(o);
      return shown[0].every((v, i) => relativeError(v, expected[i] ?? 0) <= 1e-12);
    }),
    { numRuns: 200 },
  );
});
