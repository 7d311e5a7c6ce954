/**
 * The quick tests of validate.ts (the custom functions' hot path) never decide anything the readers
 * would not: whatever a cell holds, a value a quick test accepts is accepted by its reader with the
 * same number. A cell it does not accept goes to the reader, so every issue and message comes from
 * the reader alone.
 */
import fc from "fast-check";
import {
  MAX_YEARS,
  isPlainNumber,
  isPlainQuantity,
  isPlainRate,
  isPlainShare,
  isPlainYears,
  readNumber,
  readPercent,
  readQuantity,
  readRate,
  readWholeYears,
  shareOf,
} from "../../src/sroi";
import type { Raw, Result } from "../../src/sroi";

/** What Excel can send, with the values at every edge of the rules. */
const raw: fc.Arbitrary<Raw> = fc.oneof(
  fc.double(),
  fc.integer({ min: -200, max: 200 }),
  fc.integer({ min: -200, max: 200 }).map((n) => n / 100),
  fc.constantFrom<Raw>(null, undefined, "", " ", "abc", "0.5", true, false, 0, -0, 1, 2, 100, 101, -1, 1 + 2 ** -52, 1 - 2 ** -53, MAX_YEARS, MAX_YEARS + 1, 2.5, NaN, Infinity, -Infinity, Number.MAX_VALUE, 5e-324),
);

const numberOf = (r: Result<unknown>): number | null =>
  r.ok ? (r.value === null ? null : typeof r.value === "number" ? r.value : Number(r.value)) : NaN;

test.each<[string, (x: Raw) => boolean, (x: Raw) => Result<unknown>, (x: Raw) => number]>([
  ["a number", isPlainNumber, (x) => readNumber(x, "netImpact"), (x) => x as number],
  ["a quantity", isPlainQuantity, (x) => readQuantity(x), (x) => x as number],
  ["a share (blank: 0)", isPlainShare, (x) => readPercent(x, "deadweight"), (x) => shareOf(x as number | null)],
  ["a whole number of years", isPlainYears, (x) => readWholeYears(x, "duration"), (x) => x as number],
  ["a rate", isPlainRate, (x) => readRate(x), (x) => x as number],
])("%s: what the quick test accepts, the reader accepts with the same value", (_what, quick, reader, valueOf) => {
  fc.assert(
    fc.property(raw, (x) => !quick(x) || numberOf(reader(x)) === valueOf(x)),
    { numRuns: 5000 },
  );
});

test.each<[string, (x: Raw) => boolean, Raw[]]>([
  ["a share", isPlainShare, [-0.01, 1.01, 25, "25%", " ", NaN]],
  ["a whole number of years", isPlainYears, [MAX_YEARS + 1, 2.5, -1, null, NaN]],
  ["a rate", isPlainRate, [-1, 1.01, 3.5, null, NaN]],
  ["a quantity", isPlainQuantity, [-1, Infinity, null, "3"]],
])("%s: the quick test leaves refusals and blanks that need trimming to the reader: %p", (_what, quick, values) => {
  for (const x of values) expect({ x, quick: quick(x) }).toEqual({ x, quick: false });
});
