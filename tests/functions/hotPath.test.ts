/**
 * The custom functions on their float64 hot path, called the way Excel calls them: they agree with
 * the exact Decimal core cell by cell, results beyond Excel's numbers are #NUM! with a message
 * (never Infinity or NaN in a cell), and the legal maximum of 100 years holds.
 */
import fc from "fast-check";
import { dec, netImpact, presentValue, projectOutcome } from "../../src/sroi";
import { relativeError } from "../sroi/close";
import { Excel, OMIT, col, excel, inLanguage } from "./harness";

let xl: Excel;
beforeAll(async () => {
  xl = await excel();
});

const NUM = "The result is beyond the largest number Excel can hold (check the quantities and proxies).";
const NUM_FR = "Le résultat dépasse le plus grand nombre qu'Excel peut contenir (vérifiez les quantités et les proxys).";

describe("non-finite results are #NUM! with a message", () => {
  test.each<[string, string, unknown[]]>([
    ["a rate near −100 % over 100 years: (1/1e-6)^100", "PV", [-0.999999, 1e6, 100]],
    ["outcomes whose PVs are each beyond the doubles", "PV", [-0.99, col(1e200, 1e200), 100]],
    ["a net impact beyond the doubles", "NETIMPACT", [1e200, 1e200, 0.5]],
  ])("%s (%s)", (_why, id, args) => {
    const shown = xl.call(id, ...args);
    const cell = Array.isArray(shown) ? shown[0][0] : shown;
    expect(cell).toEqual({ error: "#NUM!", message: NUM });
    const fr = inLanguage("fr-FR", () => xl.call(id, ...args));
    expect(Array.isArray(fr) ? fr[0][0] : fr).toEqual({ error: "#NUM!", message: NUM_FR });
  });

  test("a column whose running sum passes the largest double while its total does not: 1e308", () =>
    expect(xl.call("PV", 0, col(1e308, 1e308, -1e308), 1)).toBe(1e308));
});

describe("the legal maximum of 100 years", () => {
  test.each<[string, string, unknown[], unknown]>([
    ["100 years of 1 at rate 0 is 100", "PV", [0, 1, 100], 100],
    ["101 years is refused", "PV", [0, 1, 101], { error: "#VALUE!", message: "duration: 101 is more than 100." }],
    ["in French", "PV", [0, 1, 101], { error: "#VALUE!", message: "duree : 101 dépasse 100." }],
    ["a grid of 101 years is refused", "PROJECT", [1, 1, OMIT, OMIT, 101], { error: "#VALUE!", message: "years: 101 is more than 100." }],
  ])("%s", (why, id, args, expected) => {
    const shown = why === "in French" ? inLanguage("fr-FR", () => xl.call(id, ...args)) : xl.call(id, ...args);
    expect(shown).toEqual(expected);
  });

  test("a grid of 100 years spills 100 cells", () => expect((xl.call("PROJECT", 1, 100, 0, 1, 100) as number[][])[0]).toEqual(new Array(100).fill(1)));
});

describe("the order in which problems are reported is unchanged", () => {
  test.each<[string, unknown[], unknown]>([
    ["a bad rate with only empty rows is never read: 0", [3.5, col(null, null), col(null, null)], 0],
    ["a row's own problem comes before a bad rate", [3.5, col("x", 100), col(3, 3)], { error: "#VALUE!", message: 'net_impact, row 1: "x" is not a number.' }],
    ["a bad rate comes at the first row that needs it", [3.5, col(null, 100), col(null, 3)], { error: "#VALUE!", message: "rate: 3.5 looks like 3.5 %: enter 3.5% or 0.035." }],
    ["a bad rate in a range is placed at its row", [col(0.035, 3.5), col(100, 100), 3], { error: "#VALUE!", message: "rate, row 2: 3.5 looks like 3.5 %: enter 3.5% or 0.035." }],
  ])("%s", (_why, args, expected) => expect(xl.call("PV", ...args)).toEqual(expected));
});

describe("cell by cell, the Decimal core's values to 1e-12", () => {
  const outcome = fc.record({
    quantity: fc.integer({ min: 0, max: 10_000 }),
    proxy: fc.integer({ min: -10_000_000, max: 100_000_000 }).map((c) => c / 100),
    deadweight: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
    attribution: fc.oneof(fc.constantFrom(1 - 1e-12, 0.999999, 1e-12), fc.integer({ min: 0, max: 100 }).map((p) => p / 100)),
    duration: fc.integer({ min: 0, max: 100 }),
    dropOff: fc.oneof(fc.constantFrom(0, 1e-12, 1 - 1e-12, 1), fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 10_000)),
    start: fc.constantFrom<1 | 2>(1, 2),
  });
  const rate = fc.oneof(fc.constantFrom(0, 1e-12, 1e-6, -0.5, 0.99, 0.035), fc.integer({ min: -5_000, max: 10_000 }).map((bp) => bp / 10_000));

  test("SROI.NETIMPACT, SROI.PROJECT and SROI.PV on generated columns", () => {
    fc.assert(
      fc.property(rate, fc.array(outcome, { minLength: 1, maxLength: 8 }), fc.boolean(), (r, os, dy1) => {
        const impacts = xl.call("NETIMPACT", col(...os.map((o) => o.quantity)), col(...os.map((o) => o.proxy)), col(...os.map((o) => o.deadweight)), OMIT, col(...os.map((o) => o.attribution))) as number[][];
        const exactImpacts = os.map((o) => netImpact({ quantity: dec(o.quantity), proxy: dec(o.proxy), deadweight: dec(o.deadweight), displacement: dec(0), attribution: dec(o.attribution) }));
        exactImpacts.forEach((e, k) => expect(relativeError(impacts[k][0], e.toNumber())).toBeLessThanOrEqual(1e-12));

        const years = 1 + Math.max(...os.map((o) => o.start + o.duration));
        const grid = xl.call("PROJECT", impacts, col(...os.map((o) => o.duration)), col(...os.map((o) => o.dropOff)), col(...os.map((o) => o.start)), Math.min(years, 100)) as number[][];
        os.forEach((o, k) => {
          const exact = projectOutcome(dec(impacts[k][0]), { duration: o.duration, dropOff: dec(o.dropOff), start: o.start }, Math.min(years, 100));
          exact.forEach((e, t) => expect({ row: k, year: t + 1, ok: relativeError(grid[k][t], e.toNumber()) <= 1e-12 || Math.abs(e.toNumber()) < 2 ** -1022 }).toEqual({ row: k, year: t + 1, ok: true }));
        });

        const pv = xl.call("PV", r, impacts, col(...os.map((o) => o.duration)), col(...os.map((o) => o.dropOff)), col(...os.map((o) => o.start)), dy1) as number;
        const each = os.map((o, k) => presentValue(dec(r), dec(impacts[k][0]), { duration: o.duration, dropOff: dec(o.dropOff), start: o.start }, { discountYear1: dy1 }));
        const exact = each.reduce((s, v) => s.plus(v), dec(0)).toNumber();
        // Positive and negative outcomes can cancel: 1e-12 of the largest outcome's PV, not only of the total.
        const scale = Math.max(Math.abs(exact), ...each.map((v) => Math.abs(v.toNumber())));
        if (!Number.isFinite(scale)) return typeof pv === "object"; // beyond Excel's numbers: #NUM!
        return Math.abs(pv - exact) <= 1e-12 * scale;
      }),
      { numRuns: 100 },
    );
  });
});
