/** Totals and ratios (method §5): NPV = PV − inputs; ratio = PV / inputs; net ratio = ratio − 1; payback in months. */
import { Decimal, dec, netPresentValue, netRatio, paybackMonths, sroiRatio } from "../../src/sroi";
import type { Result } from "../../src/sroi";

const value = (r: Result<Decimal>) => (r.ok ? r.value.toNumber() : r.issue);

test.each([
  ["PV above inputs", 15000, 10000, 5000],
  ["PV below inputs is negative", 8000, 10000, -2000],
  ["no inputs: NPV is the PV", 1234.5, 0, 1234.5],
])("NPV: %s (%p − %p = %p)", (_reason, pv, inputs, expected) => {
  expect(netPresentValue(dec(pv), dec(inputs)).toNumber()).toBe(expected);
});

test.each([
  ["reference case: 15,221.50 / 10,000", 15221.5, 10000, 1.52215],
  ["3.2 : 1", 32000, 10000, 3.2],
  ["below break-even", 5000, 20000, 0.25],
  ["a negative PV gives a negative ratio", -500, 1000, -0.5],
  ["decimal arithmetic: 0.3 / 0.1 is 3", 0.3, 0.1, 3],
])("ratio: %s", (_reason, pv, inputs, expected) => {
  expect(value(sroiRatio(dec(pv), dec(inputs)))).toBe(expected);
});

test.each([
  ["reference case: 5,221.50 / 10,000", 15221.5, 10000, 0.52215],
  ["break-even is 0", 10000, 10000, 0],
  ["half the inputs back: −0.5", 5000, 10000, -0.5],
])("net ratio: %s", (_reason, pv, inputs, expected) => {
  expect(value(netRatio(dec(pv), dec(inputs)))).toBe(expected);
});

test.each([
  ["reference case: 10,000 / (6,000 / 12) = 20 months", 10000, 6000, 20],
  ["12,000 / (1,000 / 12) = 144 months", 12000, 1000, 144],
  ["impact equal to inputs: one year", 5000, 5000, 12],
  ["decimal arithmetic: 1 / (3 / 12) = 4", 1, 3, 4],
])("payback: %s", (_reason, inputs, annual, expected) => {
  expect(value(paybackMonths(dec(inputs), dec(annual)))).toBe(expected);
});

test.each([
  ["ratio, inputs 0", () => sroiRatio(dec(100), dec(0)), { code: "divisionByZero", field: "inputs" }],
  ["net ratio, inputs 0", () => netRatio(dec(100), dec(0)), { code: "divisionByZero", field: "inputs" }],
  ["ratio, negative inputs", () => sroiRatio(dec(100), dec(-5)), { code: "negative", field: "inputs", value: -5 }],
  ["net ratio, negative inputs", () => netRatio(dec(100), dec(-5)), { code: "negative", field: "inputs", value: -5 }],
  ["payback, inputs 0", () => paybackMonths(dec(0), dec(6000)), { code: "divisionByZero", field: "inputs" }],
  ["payback, annual impact 0", () => paybackMonths(dec(10000), dec(0)), { code: "divisionByZero", field: "annualImpact" }],
  ["payback, negative annual impact never pays back", () => paybackMonths(dec(10000), dec(-1)), { code: "noPayback", field: "annualImpact", value: -1 }],
])("%s is refused with a typed issue", (_reason, run, issue) => {
  expect(run()).toEqual({ ok: false, issue });
});
