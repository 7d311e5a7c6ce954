/**
 * computeAssessment takes each outcome's PV from the float64 hot path and keeps the result Decimal:
 * the reference case (method §8) must still come out to the cent, and every outcome's PV within
 * 1e-13 of the exact Decimal year-by-year sum.
 */
import fc from "fast-check";
import { computeAssessment, dec, presentValue } from "../../src/sroi";
import type { Assessment, Outcome } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";
import { relativeError } from "./close";

const pvOf = (a: Assessment) => {
  const c = computeAssessment(a);
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  return c.result;
};

test("reference case: PV 15,221.50, NPV 5,221.50, ratio 1.5222 (method §8)", () => {
  const r = pvOf(referenceCase);
  expect(r.totalPresentValue.toDecimalPlaces(2).toNumber()).toBe(15221.5);
  expect(r.netPresentValue.toDecimalPlaces(2).toNumber()).toBe(5221.5);
  expect(r.ratio!.toDecimalPlaces(4).toNumber()).toBe(1.5222);
});

test("reference case, year 1 undiscounted: PV 15,754.25", () =>
  expect(pvOf({ ...referenceCase, settings: { ...referenceCase.settings, discountYear1: false } }).totalPresentValue.toDecimalPlaces(2).toNumber()).toBe(15754.25));

test("every outcome's PV is within 1e-13 of the Decimal year-by-year sum", () => {
  const outcome = fc.record({
    quantity: fc.integer({ min: 0, max: 1000 }),
    proxyValue: fc.integer({ min: -1_000_000, max: 10_000_000 }).map((c) => c / 100),
    duration: fc.integer({ min: 0, max: 100 }),
    dropOff: fc.oneof(fc.constantFrom(0, 1e-12, 1 - 1e-12, 1), fc.integer({ min: 0, max: 100 }).map((p) => p / 100)),
    start: fc.constantFrom(1, 2),
  });
  const rate = fc.oneof(fc.constantFrom(0, 1e-12, 0.035, -0.5, 0.99), fc.integer({ min: -5000, max: 10_000 }).map((bp) => bp / 10_000));
  fc.assert(
    fc.property(rate, fc.boolean(), fc.array(outcome, { minLength: 1, maxLength: 5 }), (discountRate, discountYear1, os) => {
      const outcomes: Outcome[] = os.map((o) => ({ ...referenceCase.outcomes[0], ...o }));
      const result = pvOf({ ...referenceCase, settings: { ...referenceCase.settings, discountRate, discountYear1 }, outcomes });
      return result.outcomes.every((o, k) => {
        const exact = presentValue(dec(discountRate), o.netImpact, { duration: os[k].duration, dropOff: dec(os[k].dropOff), start: os[k].start as 1 | 2 }, { discountYear1 });
        return exact.isZero() ? o.presentValue.isZero() : relativeError(o.presentValue.toNumber(), exact.toNumber()) <= 1e-13;
      });
    }),
    { numRuns: 200 },
  );
});
