/** Value game statistics; expected values by hand, as Excel's MEDIAN / QUARTILE.INC give them. */
import { percentileInc, placementStats } from "../../src/sroi";

test.each([
  ["odd count: middle value", [30, 10, 20], 0.5, 20],
  ["even count: mean of the two middle", [10, 20, 30, 40], 0.5, 25],
  ["P25 of 10,20,30,40: 10 + 0.75 × 10", [10, 20, 30, 40], 0.25, 17.5],
  ["P75 of 10,20,30,40: 30 + 0.25 × 10", [10, 20, 30, 40], 0.75, 32.5],
  ["one value is every percentile", [7], 0.25, 7],
])("percentile: %s", (_reason, values, p, expected) => {
  expect(percentileInc([...values].sort((a, b) => a - b), p)).toBeCloseTo(expected, 12);
});

test("five participants: 5, 12, 12, 40, 90 → median 12, P25 12, P75 40, range 5–90", () => {
  expect(placementStats([40, 5, 12, 90, 12])).toEqual({ participants: 5, median: 12, min: 5, max: 90, p25: 12, p75: 40, iqr: 28 });
});

test("a benefit nobody placed has no statistics", () => {
  expect(placementStats([])).toBeUndefined();
});
