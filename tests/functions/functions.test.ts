/**
 * Every custom function called the way Excel calls it (see harness.ts), one case per line. Expected
 * values are hand calculations, written out. Blanks are sent as Excel's platforms send them: null
 * (web), "" and 0 (desktop).
 */
import { Excel, OMIT, col, excel, row } from "./harness";
import { expectClose } from "../sroi/close";

let xl: Excel;
beforeAll(async () => {
  xl = await excel();
});

/** Exact where the hand calculation is exact in binary too; otherwise to 1e-12 relative. */
function expectValue(actual: unknown, expected: unknown): void {
  if (typeof expected === "number" && typeof actual === "number" && !Number.isInteger(expected)) expectClose(actual, expected);
  else expect(actual).toEqual(expected);
}

const ref = 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3; // the reference case's PV, by hand

describe("SROI.NETIMPACT", () => {
  test.each<[string, unknown[], unknown]>([
    ["reference case", [10, 1000, 0.2, 0, 0.25], [[6000]]],
    ["optional deductions omitted", [3, 250], [[750]]],
    ["optional deductions as blank cells (null)", [3, 250, null, null, null], [[750]]],
    ["optional deductions as blank cells (\"\")", [3, 250, "", "", ""], [[750]]],
    ["optional deductions as blank cells (0)", [3, 250, 0, 0, 0], [[750]]],
    ["a column of outcomes spills one result per row", [col(10, 4), col(1000, 50), 0.2, OMIT, col(0.25, 0)], [[6000], [160]]],
    ["a blank outcome row shows blank, not 0", [col(10, null, 2), col(1000, null, 5), 0.5], [[5000], [""], [5]]],
    ["a blank row sent as \"\"", [col(10, ""), col(1000, ""), 0.5], [[5000], [""]]],
    ["a scalar deduction broadcasts over the rows", [col(1, 2, 3), 100, 0.1], [[90], [180], [270]]],
    ["a row of outcomes spills as a row", [row(1, 2), row(100, 200)], [[100, 400]]],
    ["a negative proxy gives a negative impact", [5, -200, 0.1], [[-900]]],
  ])("%s", (_reason, args, expected) => expect(xl.call("NETIMPACT", ...args)).toEqual(expected));
});

describe("SROI.PROJECT", () => {
  test.each<[string, unknown[], unknown]>([
    ["reference case, 5 years by default", [6000, 3, 0.1], [[6000, 5400, 4860, 0, 0]]],
    ["start 2 shifts the years", [6000, 3, 0.1, 2], [[0, 6000, 5400, 4860, 0]]],
    ["years 3", [6000, 3, 0.1, 1, 3], [[6000, 5400, 4860]]],
    ["years 7, past the duration", [100, 2, 0.5, OMIT, 7], [[100, 50, 0, 0, 0, 0, 0]]],
    ["duration 0 carries nothing", [6000, 0, 0.1], [[0, 0, 0, 0, 0]]],
    ["blank drop-off and start (null) are 0 % and 1", [100, 2, null, null], [[100, 100, 0, 0, 0]]],
    ["blank drop-off and start (\"\") are 0 % and 1", [100, 2, "", ""], [[100, 100, 0, 0, 0]]],
    ["blank start sent as 0 (desktop) is 1", [100, 2, 0, 0], [[100, 100, 0, 0, 0]]],
    ["one row per outcome", [col(6000, 100), col(3, 1), col(0.1, 0)], [[6000, 5400, 4860, 0, 0], [100, 0, 0, 0, 0]]],
    ["an empty outcome row is a blank row", [col(6000, null), col(3, null), 0.1], [[6000, 5400, 4860, 0, 0], ["", "", "", "", ""]]],
    ["a row of zeros (desktop blanks) projects zeros", [col(6000, 0), col(3, 0), 0.1], [[6000, 5400, 4860, 0, 0], [0, 0, 0, 0, 0]]],
    ["years as a blank cell sent as 0 (desktop) shows the default 5", [100, 1, OMIT, OMIT, 0], [[100, 0, 0, 0, 0]]],
    ["years as a blank cell (null) shows the default 5", [100, 1, OMIT, OMIT, null], [[100, 0, 0, 0, 0]]],
    ["only empty rows still spill the years asked for", [col(null, null), col(null, null), OMIT, OMIT, 3], [["", "", ""], ["", "", ""]]],
  ])("%s", (_reason, args, expected) => expect(xl.call("PROJECT", ...args)).toEqual(expected));
});

describe("SROI.PV", () => {
  test.each<[string, unknown[], number]>([
    ["reference case", [0.035, 6000, 3, 0.1], ref],
    ["reference case, discount_year1 TRUE", [0.035, 6000, 3, 0.1, 1, true], ref],
    ["reference case, year 1 undiscounted (FALSE)", [0.035, 6000, 3, 0.1, 1, false], 6000 + 5400 / 1.035 + 4860 / 1.035 ** 2],
    ["year 1 undiscounted given as 0", [0.035, 6000, 3, 0.1, 1, 0], 6000 + 5400 / 1.035 + 4860 / 1.035 ** 2],
    ["start 2", [0.035, 6000, 3, 0.1, 2], ref / 1.035],
    ["rate 0: the plain sum 6,000 + 5,400 + 4,860", [0, 6000, 3, 0.1], 16260],
    ["rate 0, no drop-off: impact × duration", [0, 250, 4], 1000],
    ["duration 0 is worth nothing", [0.035, 6000, 0, 0.1], 0],
    ["rows are summed", [0.1, col(1100, 1210), col(1, 2)], 1000 + 1100 + 1000],
    ["an empty row (null) is skipped", [0.035, col(6000, null), col(3, null), col(0.1, null)], ref],
    ["an empty row (\"\") is skipped", [0.035, col(6000, ""), col(3, ""), col(0.1, "")], ref],
    ["an empty row sent as zeros is worth 0", [0.035, col(6000, 0), col(3, 0), col(0.1, 0), col(1, 0)], ref],
    ["a zero impact with a blank duration is skipped", [0.035, col(6000, 0), col(3, null), 0.1], ref],
    ["blank optional cells (null) are 0 % drop-off, start 1, year 1 discounted", [0.1, 1100, 1, null, null, null], 1000],
    ["blank optional cells (\"\") are the same", [0.1, 1100, 1, "", "", ""], 1000],
    ["a rate range matching the rows", [col(0.1, 0), col(1100, 500), col(1, 2)], 1000 + 1000],
    ["a negative outcome reduces the total", [0.1, col(2200, -1100), 1], 2000 - 1000],
  ])("%s", (_reason, args, expected) => expectValue(xl.call("PV", ...args), expected));
});

describe("SROI.NPV, SROI.RATIO, SROI.NETRATIO, SROI.PAYBACK, SROI.BREAKEVEN", () => {
  test.each<[string, string, unknown[], number]>([
    ["NPV", "reference case", [15221.5, 10000], 5221.5],
    ["NPV", "inputs as a row are summed", [15221.5, row(6000, 4000)], 5221.5],
    ["NPV", "PV as a column is summed", [col(10000, 5221.5), 10000], 5221.5],
    ["NPV", "no inputs: NPV is the PV", [1000, 0], 1000],
    ["NPV", "blank input cells count as 0", [15221.5, row(10000, null, "")], 5221.5],
    ["RATIO", "reference case", [15221.5, 10000], 1.52215],
    ["RATIO", "inputs as a block, blanks as null and \"\"", [15221.5, [[5000, null], ["", 5000]]], 1.52215],
    ["RATIO", "3.2 : 1", [32000, row(2500, 7500)], 3.2],
    ["NETRATIO", "reference case", [15221.5, 10000], 0.52215],
    ["NETRATIO", "break-even is 0", [10000, 10000], 0],
    ["PAYBACK", "reference case: 20 months", [10000, 6000], 20],
    ["PAYBACK", "inputs and impacts summed", [row(6000, 4000), col(4000, 2000)], 20],
    ["PAYBACK", "12,000 / (1,000 / 12) = 144 months", [12000, 1000], 144],
    ["BREAKEVEN", "whole map: 10,000 / 15,221.50 (the reference case's proxy break-even ÷ proxy)", [15221.5, 10000], 10000 / 15221.5],
    ["BREAKEVEN", "a ratio of exactly 1 : 1 needs no change", [10000, 10000], 1],
    ["BREAKEVEN", "one outcome of 6,000 in a map of 15,000: (10,000 − 9,000) / 6,000", [6000, 10000, 15000], 1 / 6],
    ["BREAKEVEN", "the other outcomes alone exceed the inputs: (10,000 − 12,000) / 2,000", [2000, 10000, 14000], -1],
    ["BREAKEVEN", "a blank total (null) means the whole map: 10,000 / 5,000", [5000, 10000, null], 2],
    ["BREAKEVEN", "a blank total (\"\") means the whole map", [5000, 10000, ""], 2],
    ["BREAKEVEN", "a blank total (0, desktop) means the whole map", [5000, 10000, 0], 2],
    ["BREAKEVEN", "values as ranges are summed: (10,000 − 10,000) / 5,000", [col(2000, 3000), row(6000, 4000), 15000], 0],
  ])("%s: %s", (id, _reason, args, expected) => expectValue(xl.call(id, ...args), expected));
});

test("the seven functions of the SROI method are reachable through the generated metadata", () => {
  expect(xl.metadata.functions.map((f) => f.id)).toEqual(
    expect.arrayContaining(["NETIMPACT", "PROJECT", "PV", "NPV", "RATIO", "NETRATIO", "PAYBACK"]),
  );
});
