/**
 * Properties the method implies, checked on many generated outcomes (fast-check). Each one is a
 * consequence of the formulas in the method document, not of the code.
 */
import fc from "fast-check";
import { Decimal, dec, netImpact, presentValue, presentValueClosedForm, sroiRatio } from "../../src/sroi";

/** Money to the cent, shares to the percent, rates to the basis point: how a user types them. */
const money = fc.integer({ min: 1, max: 100_000_000 }).map((c) => dec(c).div(100));
const share = fc.integer({ min: 0, max: 100 }).map((p) => dec(p).div(100));
const shareBelow1 = fc.integer({ min: 0, max: 99 }).map((p) => dec(p).div(100));
const rate = fc.integer({ min: 0, max: 2500 }).map((bp) => dec(bp).div(10_000));
const anyRate = fc.integer({ min: -9900, max: 2500 }).map((bp) => dec(bp).div(10_000)); // above −100 %
const duration = fc.integer({ min: 0, max: 60 });
const start = fc.constantFrom<1 | 2>(1, 2);
const discountYear1 = fc.boolean();

/** Equal to 30 significant digits: the core keeps 40. */
function near(a: Decimal, b: Decimal): boolean {
  const scale = Decimal.max(a.abs(), b.abs());
  return scale.isZero() || a.minus(b).abs().div(scale).lte("1e-30");
}

const params = { numRuns: 300 };

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

test("ratio × inputs = PV", () => {
  fc.assert(
    fc.property(money, money, (pv, inputs) => {
      const r = sroiRatio(pv, inputs);
      return r.ok && near(r.value.times(inputs), pv);
    }),
    params,
  );
});

test("rate 0 and drop-off 0 give impact × duration, whatever the start", () => {
  fc.assert(
    fc.property(money, duration, start, (impact, d, s) =>
      presentValue(dec(0), impact, { duration: d, dropOff: dec(0), start: s }).eq(impact.times(d)),
    ),
    params,
  );
});

test("the closed form equals the year-by-year sum", () => {
  fc.assert(
    fc.property(anyRate, money, duration, share, start, discountYear1, (r, impact, d, dropOff, s, dy1) => {
      const life = { duration: d, dropOff, start: s };
      const options = { discountYear1: dy1 };
      return near(presentValueClosedForm(r, impact, life, options), presentValue(r, impact, life, options));
    }),
    params,
  );
});

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
      ].every(([deadweight, displacement, attribution]) =>
        netImpact({ quantity, proxy, deadweight, displacement, attribution }).eq(first),
      );
    }),
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
