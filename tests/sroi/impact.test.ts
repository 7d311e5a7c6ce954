/** Net impact (method §3): quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution). */
import { dec, grossValue, netImpact } from "../../src/sroi";

const impactOf = (quantity: number, proxy: number, deadweight: number, displacement: number, attribution: number) =>
  netImpact({ quantity: dec(quantity), proxy: dec(proxy), deadweight: dec(deadweight), displacement: dec(displacement), attribution: dec(attribution) }).toNumber();

test.each([
  // reason                                          q     proxy  dw    disp  attr  expected (hand)
  ["reference case: 10 × 1,000 × 0.8 × 1 × 0.75",    10,   1000,  0.2,  0,    0.25, 6000],
  ["no deductions: 3 × 250",                          3,    250,   0,    0,    0,    750],
  ["three deductions: 12 × 1,500 × 0.65 × 0.9 × 0.8", 12,   1500,  0.35, 0.1,  0.2,  8424],
  ["fractional quantity: 2.5 × 400 × 0.5³",           2.5,  400,   0.5,  0.5,  0.5,  125],
  ["negative outcome: 5 × −200 × 0.9",                5,    -200,  0.1,  0,    0,    -900],
  ["deadweight 100 % leaves nothing",                 7,    300,   1,    0,    0,    0],
  ["quantity 0 gives 0",                              0,    300,   0.1,  0,    0,    0],
  ["decimal arithmetic: 3 × 0.1 is 0.3, not 0.30000000000000004", 3, 0.1, 0, 0, 0, 0.3],
  ["decimal arithmetic: 1 × 100 × 0.7 × 0.9 × 0.9 = 56.7", 1, 100, 0.3, 0.1, 0.1, 56.7],
])("%s", (_reason, q, p, dw, disp, attr, expected) => {
  expect(impactOf(q, p, dw, disp, attr)).toBe(expected);
});

test.each([
  [10, 1000, 10000],
  [2.5, -40, -100],
])("gross value %p × %p = %p", (q, p, expected) => {
  expect(grossValue({ quantity: dec(q), proxy: dec(p) }).toNumber()).toBe(expected);
});
