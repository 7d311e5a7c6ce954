/**
 * Sensitivity (method §6, §10) on the method's reference case (§8): switching values checked by
 * hand, the non-linear ones by recomputing the ratio independently (formulajs NPV, Excel's NPV);
 * properties on generated assessments; the one-way table and the seeded Monte Carlo range.
 */
import fc from "fast-check";
import * as formulajs from "@formulajs/formulajs";
import {
  Assessment,
  Outcome,
  computeAssessment,
  monteCarloRange,
  mulberry32,
  oneWayTable,
  percentileInc,
  sensitivity,
  switchingValues,
  triangular,
  type SwitchingValue,
} from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";
import { expectClose } from "./close";

/** Excel's NPV: Σ values_j / (1 + rate)^j, j from 1. */
function npv(rate: number, values: number[]): number {
  const v = formulajs.NPV(rate, values) as unknown;
  if (typeof v !== "number") throw new Error(`formulajs NPV refused ${values}: ${String(v)}`);
  return v;
}

// The reference case by hand: I = 10 × 1,000 × 0.8 × 1 × 0.75 = 6,000; years 6,000 / 5,400 / 4,860.
const PV = 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3; // 15,221.50 to the cent (§8)
const INPUTS = 10000;

function withOutcome(a: Assessment, change: Partial<Outcome>, k = 0): Assessment {
  return { ...a, outcomes: a.outcomes.map((o, j) => (j === k ? { ...o, ...change } : o)) };
}
function withInputs(a: Assessment, amount: number): Assessment {
  return { ...a, inputs: [{ ...a.inputs[0], amount }] };
}
function values(a: Assessment): SwitchingValue[] {
  const r = switchingValues(a);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}
const breakEven = (a: Assessment, outcome: number | null, field: string) => values(a).find((v) => v.outcome === outcome && v.field === field)!.breakEven;
function ratioOf(a: Assessment): number {
  const c = computeAssessment(a);
  if (!c.ok || c.result.ratio === null) throw new Error(JSON.stringify(c));
  return c.result.ratio.toNumber();
}

test("the hand PV is the method's 15,221.50", () => expect(PV.toFixed(2)).toBe("15221.50"));

describe("switching values of the reference case, by hand", () => {
  test.each([
    ["quantity", 10 * (INPUTS / PV)], // 10 × 10,000 / 15,221.50 = 6.5697
    ["proxyValue", 1000 * (INPUTS / PV)], // 1,000 × 10,000 / 15,221.50 = 656.97
    ["deadweight", 1 - 0.8 * (INPUTS / PV)], // 1 − 0.8 × 10,000 / 15,221.50 = 0.4744
    ["displacement", 1 - 1 * (INPUTS / PV)], // 1 − 1 × 10,000 / 15,221.50 = 0.3430
    ["attribution", 1 - 0.75 * (INPUTS / PV)], // 1 − 0.75 × 10,000 / 15,221.50 = 0.5073
  ])("%s: %d", (field, expected) => expectClose(breakEven(referenceCase, 1, field)!, expected, 1e-12));

  test("drop-off: the root of 6,000/1.035 + 6,000k/1.035² + 6,000k²/1.035³ = 10,000, k = 1 − d (quadratic formula)", () => {
    const [a, b, c] = [6000 / 1.035 ** 3, 6000 / 1.035 ** 2, 6000 / 1.035 - INPUTS];
    const k = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
    const d = breakEven(referenceCase, 1, "dropOff")!;
    expectClose(d, 1 - k, 1e-9);
    expectClose(npv(0.035, [6000, 6000 * (1 - d), 6000 * (1 - d) ** 2]) / INPUTS, 1, 1e-9);
  });

  test("discount rate: Excel's NPV of 6,000 / 5,400 / 4,860 at the break-even rate is the inputs, 10,000", () => {
    const r = breakEven(referenceCase, null, "discountRate")!;
    expect(r).toBeGreaterThan(0.035);
    expectClose(npv(r, [6000, 5400, 4860]) / INPUTS, 1, 1e-9);
  });

  test("duration: 2 years (year 1 alone 5,797.10 < 10,000; with year 2 10,838.06 ≥ 10,000)", () => {
    expect(6000 / 1.035).toBeLessThan(INPUTS);
    expect(6000 / 1.035 + 5400 / 1.035 ** 2).toBeGreaterThanOrEqual(INPUTS);
    expect(breakEven(referenceCase, 1, "duration")).toBe(2);
  });

  test("the output: one row per estimate in field order, then the rate with outcome null, current values alongside", () => {
    expect(values(referenceCase).map((v) => [v.outcome, v.field, v.value])).toEqual([
      [1, "quantity", 10],
      [1, "proxyValue", 1000],
      [1, "deadweight", 0.2],
      [1, "displacement", 0],
      [1, "attribution", 0.25],
      [1, "dropOff", 0.1],
      [1, "duration", 3],
      [null, "discountRate", 0.035],
    ]);
  });
});

describe("null where no legal value reaches 1 : 1 (inputs 30,000: ratio 0.51)", () => {
  const poor = withInputs(referenceCase, 30000);
  test.each([
    ["deadweight", "even 0 % gives 15,221.50 / 0.8 = 19,026.88 < 30,000"],
    ["displacement", "already 0 %"],
    ["attribution", "even 0 % gives 15,221.50 / 0.75 = 20,295.33 < 30,000"],
    ["dropOff", "even 0 % gives 6,000 × (1/1.035 + 1/1.035² + 1/1.035³) = 16,809.75 < 30,000"],
  ])("%s: null (%s)", (field) => expect(breakEven(poor, 1, field)).toBeNull());
  test("the rate: null (even 0 % gives 6,000 + 5,400 + 4,860 = 16,260 < 30,000)", () => expect(breakEven(poor, null, "discountRate")).toBeNull());
  test("quantity still has one: 10 × 30,000 / 15,221.50 = 19.709", () => expectClose(breakEven(poor, 1, "quantity")!, (10 * 30000) / PV, 1e-12));
  test("duration: 9 years (closed form of §5, q = 0.9/1.035: 8 years fall short, 9 reach 30,000)", () => {
    const q = 0.9 / 1.035;
    const pvOf = (years: number) => (6000 / 1.035) * ((1 - q ** years) / (1 - q));
    expect(pvOf(8)).toBeLessThan(30000);
    expect(pvOf(9)).toBeGreaterThanOrEqual(30000);
    expect(breakEven(poor, 1, "duration")).toBe(9);
  });
  test("duration: null when even 100 years fall short (the sum tends to 6,000/1.035 / (1 − q) = 44,444 < 50,000)", () =>
    expect(breakEven(withInputs(referenceCase, 50000), 1, "duration")).toBeNull());
});

test("quantity: null when the other outcomes alone pass 1 : 1 (a second outcome worth 2 × the inputs)", () => {
  const rich: Assessment = { ...referenceCase, outcomes: [referenceCase.outcomes[0], { ...referenceCase.outcomes[0], proxyValue: 2000, proxyName: "Other" }] };
  expect(breakEven(rich, 1, "quantity")).toBeNull();
  expect(breakEven(rich, 1, "duration")).toBe(0);
});

test("a negative outcome: its proxy break-even is found; its duration can only be 0 or none", () => {
  const neg: Assessment = {
    ...referenceCase,
    outcomes: [referenceCase.outcomes[0], { ...referenceCase.outcomes[0], proxyValue: -200, proxyName: "Cost", duration: 1 }],
  };
  expectClose(ratioOf(withOutcome(neg, { proxyValue: breakEven(neg, 2, "proxyValue")! }, 1)), 1, 1e-9);
  expect(breakEven(neg, 2, "duration")).toBe(0);
});

test("an invalid assessment is refused with its issues; no inputs is refused too", () => {
  const bad = switchingValues(withOutcome(referenceCase, { deadweight: 20 }));
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.issues).toEqual([expect.objectContaining({ code: "percentLooksWhole", field: "deadweight", section: "outcomes", index: 1 })]);
  const none = switchingValues(withInputs(referenceCase, 0));
  expect(none.ok).toBe(false);
  if (!none.ok) expect(none.issues).toEqual([expect.objectContaining({ code: "divisionByZero", field: "inputs" })]);
});

// ---------------------------------------------------------------- properties

const pct = fc.integer({ min: 0, max: 95 }).map((p) => p / 100);
const outcomeArb = fc.record({
  quantity: fc.integer({ min: 0, max: 200 }),
  proxyValue: fc.integer({ min: -50_000, max: 500_000 }).map((c) => c / 100),
  deadweight: pct,
  displacement: pct,
  attribution: pct,
  dropOff: pct,
  duration: fc.integer({ min: 0, max: 12 }),
  start: fc.constantFrom(1, 2),
});
const assessmentArb = fc
  .record({
    outcomes: fc.array(outcomeArb, { minLength: 1, maxLength: 3 }),
    inputs: fc.integer({ min: 1_000, max: 2_000_000 }).map((c) => c / 100),
    rate: fc.integer({ min: 0, max: 1000 }).map((bp) => bp / 10_000),
    discountYear1: fc.boolean(),
  })
  .map(
    ({ outcomes, inputs, rate, discountYear1 }): Assessment => ({
      ...referenceCase,
      settings: { ...referenceCase.settings, discountRate: rate, discountYear1 },
      inputs: [{ ...referenceCase.inputs[0], amount: inputs }],
      outcomes: outcomes.map((o, k) => ({ ...referenceCase.outcomes[0], ...o, proxyName: `P${k}` })),
    }),
  );

/** The assessment with one estimate set to x, as a user would type it. */
function setTo(a: Assessment, v: Pick<SwitchingValue, "outcome" | "field">, x: number): Assessment {
  if (v.outcome === null) return { ...a, settings: { ...a.settings, discountRate: x } };
  return withOutcome(a, { [v.field]: x } as Partial<Outcome>, v.outcome - 1);
}

/** The legal ends each estimate can take (quantity and proxy: far ends standing for the unbounded side). */
const ENDS: Record<string, [number, number]> = {
  quantity: [0, 1e9],
  proxyValue: [-1e9, 1e9],
  deadweight: [0, 1],
  displacement: [0, 1],
  attribution: [0, 1],
  dropOff: [0, 1],
  discountRate: [0, 1],
};

test("property: the ratio recomputed by the core at every switching value is 1 to 1e-9 (duration: the first whole year at or above 1)", () => {
  fc.assert(
    fc.property(assessmentArb, (a) => {
      for (const v of values(a)) {
        if (v.breakEven === null) continue;
        if (v.field === "duration") {
          expect(ratioOf(setTo(a, v, v.breakEven))).toBeGreaterThanOrEqual(1 - 1e-12);
          if (v.breakEven > 0) expect(ratioOf(setTo(a, v, v.breakEven - 1))).toBeLessThan(1);
        } else {
          expect(Math.abs(ratioOf(setTo(a, v, v.breakEven)) - 1)).toBeLessThanOrEqual(1e-9);
        }
      }
    }),
    { numRuns: 40 },
  );
});

test("property: null only when no legal value reaches 1 : 1 (both legal ends on the same side of 1; duration: below 1 up to 100 years)", () => {
  fc.assert(
    fc.property(assessmentArb, (a) => {
      for (const v of values(a)) {
        if (v.breakEven !== null) continue;
        if (v.field === "duration") {
          for (const years of [0, 1, 2, 5, 10, 50, 100]) expect(ratioOf(setTo(a, v, years))).toBeLessThan(1);
          continue;
        }
        const [lo, hi] = ENDS[v.field].map((x) => ratioOf(setTo(a, v, x)) - 1);
        expect(lo * hi).toBeGreaterThan(0);
      }
    }),
    { numRuns: 40 },
  );
});

test("property: for a positive proxy, a higher deadweight never raises the ratio", () => {
  fc.assert(
    fc.property(assessmentArb, pct, pct, (a, d1, d2) => {
      fc.pre((a.outcomes[0].proxyValue ?? 0) > 0);
      const [low, high] = d1 <= d2 ? [d1, d2] : [d2, d1];
      expect(ratioOf(withOutcome(a, { deadweight: high }))).toBeLessThanOrEqual(ratioOf(withOutcome(a, { deadweight: low })));
    }),
    { numRuns: 60 },
  );
});

// ---------------------------------------------------------------- one-way table

describe("one-way table of the reference case, ±25 %", () => {
  const rows = (() => {
    const r = oneWayTable(referenceCase);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value;
  })();
  const row = (field: string) => rows.find((r) => r.field === field)!;

  test.each([
    ["quantity", 7.5, 12.5, (0.75 * PV) / INPUTS, (1.25 * PV) / INPUTS],
    ["proxyValue", 750, 1250, (0.75 * PV) / INPUTS, (1.25 * PV) / INPUTS],
    ["deadweight", 0.15, 0.25, ((PV / 0.8) * 0.85) / INPUTS, ((PV / 0.8) * 0.75) / INPUTS],
    ["attribution", 0.1875, 0.3125, ((PV / 0.75) * 0.8125) / INPUTS, ((PV / 0.75) * 0.6875) / INPUTS],
    ["displacement", 0, 0, PV / INPUTS, PV / INPUTS],
    ["dropOff", 0.075, 0.125, npv(0.035, [6000, 6000 * 0.925, 6000 * 0.925 ** 2]) / INPUTS, npv(0.035, [6000, 6000 * 0.875, 6000 * 0.875 ** 2]) / INPUTS],
    // 3 × 0.75 = 2.25 → 2 years; 3 × 1.25 = 3.75 → 4 years
    ["duration", 2, 4, npv(0.035, [6000, 5400]) / INPUTS, npv(0.035, [6000, 5400, 4860, 4374]) / INPUTS],
    ["discountRate", 0.02625, 0.04375, npv(0.02625, [6000, 5400, 4860]) / INPUTS, npv(0.04375, [6000, 5400, 4860]) / INPUTS],
  ])("%s: %d → %d", (field, low, high, ratioLow, ratioHigh) => {
    const r = row(field);
    expectClose(r.low, low, 1e-12);
    expectClose(r.high, high, 1e-12);
    expectClose(r.ratioLow, ratioLow, 1e-12);
    expectClose(r.ratioHigh, ratioHigh, 1e-12);
    expectClose(r.swing, Math.abs(ratioHigh - ratioLow), 1e-9);
  });

  test("ranked by swing, largest first: duration (2 → 4 years: 1.0838 → 1.9034), then quantity and proxy (0.5 × 1.5222 = 0.7611), displacement (0 %) last", () => {
    for (let k = 1; k < rows.length; k++) expect(rows[k - 1].swing).toBeGreaterThanOrEqual(rows[k].swing);
    expect(rows.slice(0, 3).map((r) => r.field)).toEqual(["duration", "quantity", "proxyValue"]);
    expectClose(rows[1].swing, (0.5 * PV) / INPUTS, 1e-12);
    expect(rows[rows.length - 1].field).toBe("displacement");
  });

  test("shares are clamped to 0–1: a deadweight of 90 % moves to 67.5 % and 100 % (not 112.5 %)", () => {
    const r = oneWayTable(withOutcome(referenceCase, { deadweight: 0.9 }));
    if (!r.ok) throw new Error("refused");
    const dw = r.value.find((x) => x.field === "deadweight")!;
    expect([dw.low, dw.high, dw.ratioHigh]).toEqual([0.675, 1, 0]);
  });

  test("a variation outside 0–100 % is refused, naming the option", () => {
    const r = oneWayTable(referenceCase, 1.5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.sensitivityIssues).toEqual([expect.objectContaining({ code: "optionInvalid", field: "variation", value: 1.5 })]);
  });
});

// ---------------------------------------------------------------- Monte Carlo

describe("Monte Carlo range", () => {
  function range(a: Assessment, options: Parameters<typeof monteCarloRange>[1]) {
    const r = monteCarloRange(a, options);
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value;
  }

  test("reproducible for a seed; another seed gives another run", () => {
    const one = range(referenceCase, { draws: 400, seed: 7 });
    expect(range(referenceCase, { draws: 400, seed: 7 })).toEqual(one);
    expect(range(referenceCase, { draws: 400, seed: 8 }).median).not.toBe(one.median);
  });

  test("P10 ≤ median ≤ P90, and the point ratio is the method's 1.5222", () => {
    const r = range(referenceCase, { draws: 400, seed: 1 });
    expect(r.p10).toBeLessThanOrEqual(r.median);
    expect(r.median).toBeLessThanOrEqual(r.p90);
    expect(r.p10).toBeLessThan(r.p90);
    expectClose(r.ratio, PV / INPUTS, 1e-12);
  });

  test("narrow ranges (±0.1 %): the median is within 0.5 % of the point ratio", () => {
    const r = range(referenceCase, { draws: 300, seed: 3, variation: 0.001 });
    expect(Math.abs(r.median / (PV / INPUTS) - 1)).toBeLessThan(0.005);
  });

  test("a range the user sets: proxy fixed at 2,000 and no other variation doubles the ratio (2 × 1.5222)", () => {
    const r = range(referenceCase, { draws: 50, seed: 1, variation: 0, ranges: [{ outcome: 1, field: "proxyValue", min: 2000, mode: 2000, max: 2000 }] });
    for (const x of [r.p10, r.median, r.p90]) expectClose(x, (2 * PV) / INPUTS, 1e-12);
    expect(r.shareBelowOne).toBe(0);
  });

  test("a range out of order or outside the legal range is refused, naming the outcome and the estimate", () => {
    const r = monteCarloRange(referenceCase, {
      ranges: [
        { outcome: 1, field: "deadweight", min: 0.3, mode: 0.2, max: 0.4 },
        { outcome: 1, field: "attribution", min: 0.1, mode: 0.2, max: 1.2 },
        { outcome: 2, field: "quantity", min: 1, mode: 2, max: 3 },
      ],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.sensitivityIssues).toEqual([
        expect.objectContaining({ code: "rangeInvalid", field: "deadweight", outcome: 1 }),
        expect.objectContaining({ code: "rangeInvalid", field: "attribution", outcome: 1, lowest: 0, highest: 1 }),
        expect.objectContaining({ code: "rangeInvalid", field: "ranges", outcome: 2 }),
      ]);
  });

  test("draws and seed must be whole numbers in range", () => {
    const r = monteCarloRange(referenceCase, { draws: 0, seed: -1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.sensitivityIssues.map((i) => i.field)).toEqual(["draws", "seed"]);
  });

  test("sensitivity() gathers the three, with the same variation", () => {
    const s = sensitivity(referenceCase, { draws: 100, seed: 1 });
    if (!s.ok) throw new Error("refused");
    expect(s.value.switchingValues).toHaveLength(8);
    expect(s.value.oneWay).toHaveLength(8);
    expect(s.value.range.draws).toBe(100);
    expectClose(s.value.ratio, PV / INPUTS, 1e-12);
  });
});

describe("the Monte Carlo building blocks", () => {
  test("mulberry32: the same seed gives the same sequence, in [0, 1), with a mean near 1/2", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.01);
  });

  test.each([
    [0, 1, "u = 0: the minimum"],
    [0.25, 2, "u = (mode − min)/(max − min) = 1/4: the mode"],
    [1, 5, "u = 1: the maximum"],
    [0.0625, 1.5, "u = 1/16: 1 + √(1/16 × 4 × 1) = 1.5"],
  ])("triangular(1, 2, 5) at u = %d is %d (%s)", (u, expected) => expectClose(triangular({ min: 1, mode: 2, max: 5 }, u), expected, 1e-12));

  test.each([0, 0.1, 0.5, 0.9, 1])("percentileInc at %d agrees with Excel's PERCENTILE.INC (formulajs)", (p) => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5].sort((x, y) => x - y);
    expectClose(percentileInc(xs, p), formulajs.PERCENTILE.INC(xs, p) as number, 1e-12);
  });
});
