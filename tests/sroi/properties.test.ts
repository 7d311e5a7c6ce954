/**
 * Properties the method implies, checked on many generated outcomes (fast-check). Each one is a
 * consequence of the method document (§4–5), not of the code, and each fails for a plausible bug:
 * an estimate ignored or applied the wrong way, a year too many or too few, the start year or the
 * rate ignored, the closed form drifting from the year-by-year sum at the edges, an outcome counted
 * twice or left out of a total.
 */
import fc from "fast-check";
import { Decimal, computeAssessment, dec, netImpact, presentValue, presentValueClosedForm } from "../../src/sroi";
import type { Assessment, Outcome } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

/** Money to the cent, shares to the percent, rates to the basis point: how a user types them. */
const money = fc.integer({ min: 1, max: 100_000_000 }).map((c) => dec(c).div(100));
const share = fc.integer({ min: 0, max: 100 }).map((p) => dec(p).div(100));
const shareBelow1 = fc.integer({ min: 0, max: 99 }).map((p) => dec(p).div(100));
const rate = fc.integer({ min: 0, max: 2500 }).map((bp) => dec(bp).div(10_000));
const anyRate = fc.integer({ min: -9900, max: 2500 }).map((bp) => dec(bp).div(10_000)); // above −100 %
const duration = fc.integer({ min: 0, max: 60 });
const start = fc.constantFrom<1 | 2>(1, 2);
const discountYear1 = fc.boolean();

/** The edges of each input, mixed with ordinary values: where a closed form and a loop part ways. */
const edgeRate = fc.oneof(anyRate, fc.constantFrom("0", "1e-15", "-1e-15", "1e-12", "-1e-12", "1e-9", "1e-6", "-0.9", "-0.99", "0.25").map(dec));
const edgeDropOff = fc.oneof(share, fc.constantFrom("0", "1", "1e-12", "0.999999").map(dec));
const edgeDuration = fc.oneof(duration, fc.constantFrom(0, 1, 2, 99, 100));

/**
 * Equal to 30 significant digits by default: the core keeps 40. Near q = (1 − d)/(1 + r) = 1 the
 * closed form divides 1 − q^D by 1 − q, both about 1e-15 for a rate of 1e-15: it keeps about 25 of
 * its 40 digits there, so the edge cases are held to 1e-20 (still 10,000 times double precision).
 */
function near(a: Decimal, b: Decimal, relative = "1e-30"): boolean {
  const scale = Decimal.max(a.abs(), b.abs());
  return scale.isZero() || a.minus(b).abs().div(scale).lte(relative);
}

const params = { numRuns: 300 };

// ---- one outcome, through the whole core, as a user types it ------------------------------------

/** An outcome as typed: plain numbers, shares as fractions. */
const typedOutcome = fc.record({
  quantity: fc.integer({ min: 1, max: 10_000 }),
  proxyValue: fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((c) => c !== 0).map((c) => c / 100),
  deadweight: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  displacement: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  attribution: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  dropOff: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  duration: fc.integer({ min: 0, max: 40 }),
  start: fc.constantFrom(1, 2),
});
type Typed = Omit<Outcome, "stakeholder" | "description" | "indicator" | "source" | "proxyName" | "proxySource" | "proxyUnits" | "proxyUnit" | "proxyPriceYear" | "valuationMethod" | "proxyCurrency" | "exchangeRate" | "exchangeRateSource">;
const settings = fc.record({ discountRate: fc.integer({ min: -9000, max: 2500 }).map((bp) => bp / 10_000), discountYear1: fc.boolean() });
type Settings = { discountRate: number; discountYear1: boolean };

const asOutcome = (o: Partial<Typed>, stakeholder = "Participants"): Outcome => ({ ...referenceCase.outcomes[0], stakeholder, ...o });
function assess(s: Settings, outcomes: Outcome[]) {
  const a: Assessment = { ...referenceCase, settings: { ...referenceCase.settings, ...s }, stakeholders: [], outcomes };
  const c = computeAssessment(a);
  if (!c.ok) throw new Error(`generated an invalid case: ${JSON.stringify(c.issues)}`);
  return c.result;
}
const pvOf = (s: Settings, o: Partial<Typed>): Decimal => assess(s, [asOutcome(o)]).totalPresentValue;

/** Two values of one share, the lower first. */
const twoShares = fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).filter(([a, b]) => a !== b).map(([a, b]) => (a < b ? [a / 100, b / 100] : [b / 100, a / 100]));

describe("monotonicity: each estimate moves the present value one way only", () => {
  // A higher deduction leaves less of the change to the activity; a higher drop-off less of it in later years.
  test.each(["deadweight", "displacement", "attribution", "dropOff"] as const)(
    "a higher %s never raises the PV of a positive outcome nor lowers that of a negative one, and moves any PV it touches",
    (estimate) => {
      fc.assert(
        fc.property(typedOutcome, settings, twoShares, (o, s, [low, high]) => {
          const pvLow = pvOf(s, { ...o, [estimate]: low });
          const pvHigh = pvOf(s, { ...o, [estimate]: high });
          const positive = o.proxyValue > 0;
          if (positive ? pvHigh.gt(pvLow) : pvHigh.lt(pvLow)) return false;
          // drop-off only touches years after the first
          const touches = !pvLow.isZero() && (estimate !== "dropOff" || o.duration >= 2);
          return !touches || !pvHigh.eq(pvLow);
        }),
        params,
      );
    },
  );

  test("a longer duration never lowers the PV of a positive outcome, and raises it while anything is left (drop-off below 100 %)", () => {
    fc.assert(
      fc.property(typedOutcome, settings, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 40 }), (o, s, d, more) => {
        const positive = { ...o, proxyValue: Math.abs(o.proxyValue) };
        const shorter = pvOf(s, { ...positive, duration: d });
        const longer = pvOf(s, { ...positive, duration: d + more });
        // the hot path sums short lives directly and long ones by the closed form: equal within its 1e-12
        if (longer.lt(shorter) && !near(longer, shorter, "1e-12")) return false;
        // Each added year carries I × (1 − d)^(t − s), more than 0 while I > 0 and d < 100 %. An
        // assessment's PVs come from the float64 hot path, rounded to Excel's 15 digits, so a year worth
        // under 1e-13 of the first (73 % drop-off after 28 years) is below what it can show.
        const addedToFirstYear = ((1 - positive.dropOff) / (1 + s.discountRate)) ** d;
        const addsValue = !netImpactIsZero(positive) && (d === 0 || addedToFirstYear > 1e-13);
        return !addsValue || longer.gt(shorter);
      }),
      params,
    );
  });

  test("starting in year 2 never raises the PV of a positive outcome at a rate of 0 or more, and lowers it at a positive rate", () => {
    fc.assert(
      fc.property(typedOutcome, settings, (o, s) => {
        const positive = { ...o, proxyValue: Math.abs(o.proxyValue) };
        const rateAtLeast0 = { ...s, discountRate: Math.abs(s.discountRate) };
        const pv1 = pvOf(rateAtLeast0, { ...positive, start: 1 });
        const pv2 = pvOf(rateAtLeast0, { ...positive, start: 2 });
        if (pv2.gt(pv1)) return false;
        return rateAtLeast0.discountRate === 0 || pv1.isZero() || pv2.lt(pv1);
      }),
      params,
    );
  });

  test("PV falls as the rate rises (positive impact, drop-off below 100 %, some duration)", () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 60 }), shareBelow1, start, rate, rate, discountYear1, (impact, d, dropOff, s, r1, r2, dy1) => {
        fc.pre(!r1.eq(r2));
        const [low, high] = r1.lt(r2) ? [r1, r2] : [r2, r1];
        const life = { duration: d, dropOff, start: s };
        // With year 1 undiscounted and a one-year outcome starting in year 1 there is nothing to discount.
        fc.pre(dy1 || d > 1 || s === 2);
        return presentValue(low, impact, life, { discountYear1: dy1 }).gt(presentValue(high, impact, life, { discountYear1: dy1 }));
      }),
      params,
    );
  });
});

/** A deadweight, displacement or attribution of 100 % leaves no impact at all. */
function netImpactIsZero(o: Typed): boolean {
  return o.deadweight === 1 || o.displacement === 1 || o.attribution === 1;
}

// ---- the closed form and the year-by-year sum ---------------------------------------------------

/** The year-by-year sum of the method (§5) in plain floating point, written here from the formula. */
function yearByYearFloat(r: number, impact: number, d: number, dropOff: number, s: 1 | 2, dy1: boolean): number {
  let sum = 0;
  for (let t = s; t <= s + d - 1; t++) sum += (impact * (1 - dropOff) ** (t - s)) / (1 + r) ** (dy1 ? t : t - 1);
  return sum;
}

describe("the closed form equals the year-by-year sum", () => {
  test("on ordinary inputs", () => {
    fc.assert(
      fc.property(anyRate, money, duration, share, start, discountYear1, (r, impact, d, dropOff, s, dy1) => {
        const life = { duration: d, dropOff, start: s };
        const options = { discountYear1: dy1 };
        return near(presentValueClosedForm(r, impact, life, options), presentValue(r, impact, life, options));
      }),
      params,
    );
  });

  test("at the edges: rates within 1e-15 of 0 and down to −99 %, drop-off 0 and 100 %, 100-year durations", () => {
    fc.assert(
      fc.property(edgeRate, money, edgeDuration, edgeDropOff, start, discountYear1, (r, impact, d, dropOff, s, dy1) => {
        const life = { duration: d, dropOff, start: s };
        const options = { discountYear1: dy1 };
        return near(presentValueClosedForm(r, impact, life, options), presentValue(r, impact, life, options), "1e-20");
      }),
      { numRuns: 1000 },
    );
  });

  test("on every combination of the edge values", () => {
    const misses: string[] = [];
    for (const r of ["0", "1e-15", "-1e-15", "1e-12", "-1e-12", "1e-6", "-0.9", "-0.99", "0.25"])
      for (const dropOff of ["0", "1", "1e-12", "0.999999"])
        for (const d of [0, 1, 2, 99, 100])
          for (const s of [1, 2] as const)
            for (const dy1 of [true, false]) {
              const life = { duration: d, dropOff: dec(dropOff), start: s };
              const options = { discountYear1: dy1 };
              const [closed, sum] = [presentValueClosedForm(dec(r), dec("1234.56"), life, options), presentValue(dec(r), dec("1234.56"), life, options)];
              if (!near(closed, sum, "1e-20")) misses.push(`r ${r}, drop-off ${dropOff}, ${d} years, start ${s}, year 1 ${dy1 ? "discounted" : "not"}: ${closed} ≠ ${sum}`);
            }
    expect(misses).toEqual([]);
  });

  test("at the edges, the core's sum matches a floating-point loop written from the method to 1e-12", () => {
    fc.assert(
      fc.property(edgeRate, money, edgeDuration, edgeDropOff, start, discountYear1, (r, impact, d, dropOff, s, dy1) => {
        const core = presentValue(r, impact, { duration: d, dropOff, start: s }, { discountYear1: dy1 }).toNumber();
        const float = yearByYearFloat(r.toNumber(), impact.toNumber(), d, dropOff.toNumber(), s, dy1);
        const scale = Math.max(Math.abs(core), Math.abs(float));
        return scale === 0 || Math.abs(core - float) / scale <= 1e-12;
      }),
      { numRuns: 1000 },
    );
  });

  test("rate 0 and drop-off 0 give impact × duration, whatever the start", () => {
    fc.assert(
      fc.property(money, duration, start, (impact, d, s) => presentValue(dec(0), impact, { duration: d, dropOff: dec(0), start: s }).eq(impact.times(d))),
      params,
    );
  });

  test("starting in year 2 divides the start-1 PV by (1 + r) once more", () => {
    fc.assert(
      fc.property(anyRate, money, duration, share, discountYear1, (r, impact, d, dropOff, dy1) => {
        const pv1 = presentValue(r, impact, { duration: d, dropOff, start: 1 }, { discountYear1: dy1 });
        const pv2 = presentValue(r, impact, { duration: d, dropOff, start: 2 }, { discountYear1: dy1 });
        return near(pv2, pv1.div(dec(1).plus(r)));
      }),
      params,
    );
  });

  test("year 1 undiscounted is the discounted PV × (1 + r)", () => {
    fc.assert(
      fc.property(anyRate, money, duration, share, start, (r, impact, d, dropOff, s) => {
        const life = { duration: d, dropOff, start: s };
        const discounted = presentValue(r, impact, life, { discountYear1: true });
        return near(presentValue(r, impact, life, { discountYear1: false }), discounted.times(dec(1).plus(r)));
      }),
      params,
    );
  });
});

// ---- deductions and totals ----------------------------------------------------------------------

test("the order of deadweight, displacement and attribution does not matter", () => {
  fc.assert(
    fc.property(money, money, share, share, share, (quantity, proxy, a, b, c) => {
      const first = netImpact({ quantity, proxy, deadweight: a, displacement: b, attribution: c });
      return [
        [b, c, a],
        [c, a, b],
        [a, c, b],
        [b, a, c],
        [c, b, a],
      ].every(([deadweight, displacement, attribution]) => netImpact({ quantity, proxy, deadweight, displacement, attribution }).eq(first));
    }),
    params,
  );
});

describe("additivity over outcomes", () => {
  const stakeholder = fc.constantFrom("Participants", "Families", "Employers");
  const outcomes = fc.array(fc.tuple(typedOutcome, stakeholder), { minLength: 1, maxLength: 5 }).map((xs) => xs.map(([o, who]) => asOutcome(o, who)));

  test("an assessment's total PV, annual impact and value per stakeholder are those of its parts added up", () => {
    fc.assert(
      fc.property(settings, outcomes, outcomes, (s, first, second) => {
        const whole = assess(s, [...first, ...second]);
        const a = assess(s, first);
        const b = assess(s, second);
        const of = (r: typeof whole, who: string) => r.byStakeholder.find((x) => x.stakeholder === who)?.presentValue ?? dec(0);
        const names = [...new Set([...first, ...second].map((o) => o.stakeholder))];
        return (
          near(whole.totalPresentValue, a.totalPresentValue.plus(b.totalPresentValue)) &&
          near(whole.annualImpact, a.annualImpact.plus(b.annualImpact)) &&
          names.every((who) => near(of(whole, who), of(a, who).plus(of(b, who)))) &&
          whole.outcomes.length === first.length + second.length
        );
      }),
      { numRuns: 200 },
    );
  });

  test("one row of q1 + q2 people is worth the same as two rows of q1 and q2", () => {
    fc.assert(
      fc.property(settings, typedOutcome, fc.integer({ min: 1, max: 10_000 }), (s, o, more) => {
        const together = assess(s, [asOutcome({ ...o, quantity: o.quantity + more })]);
        const apart = assess(s, [asOutcome(o), asOutcome({ ...o, quantity: more })]);
        // PVs come from the float64 hot path: the same to its contract, 1e-12 relative; impacts are exact
        return near(together.totalPresentValue, apart.totalPresentValue, "1e-12") && near(together.annualImpact, apart.annualImpact);
      }),
      params,
    );
  });
});
