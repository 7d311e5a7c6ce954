/** Value game statistics; expected values by hand, as Excel's MEDIAN / QUARTILE.INC give them. */
import { benefitResults, percentileInc, placementStats } from "../../src/sroi";

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

describe("benefitResults: per benefit, from the participants' placements", () => {
  // Five participants, three benefits, prices of the goods they chose (a skip is null).
  const P = (participant: string, benefit: string, price: number | null) => ({ participant, benefit, price });
  const placements = [
    P("Ann", "Confidence", 7.24), P("Ann", "New friends", 21), P("Ann", "Less isolation", 446),
    P("Bob", "Confidence", 21), P("Bob", "New friends", null), P("Bob", "Less isolation", 1512),
    P("Cat", "Confidence", 1.56), P("Cat", "New friends", 7.24), P("Cat", "Less isolation", 21),
    P("Dan", "Confidence", 446), P("Dan", "New friends", 0.94), P("Dan", "Less isolation", 446),
    P("Eve", "Confidence", 7.24), P("Eve", "New friends", 21), P("Eve", "Less isolation", null),
  ];

  test("five participants, three benefits: counts, medians and ranges by hand", () => {
    const r = benefitResults(["Confidence", "New friends", "Less isolation"], placements);
    // Confidence: 1.56, 7.24, 7.24, 21, 446 → 5 placed, median the 3rd = 7.24, range 1.56–446
    expect(r[0]).toMatchObject({ benefit: "Confidence", skipped: 0, stats: { participants: 5, median: 7.24, min: 1.56, max: 446 } });
    // New friends: Bob skipped; 0.94, 7.24, 21, 21 → 4 placed, median (7.24 + 21) / 2 = 14.12, range 0.94–21
    expect(r[1]).toMatchObject({ benefit: "New friends", skipped: 1, stats: { participants: 4, min: 0.94, max: 21 } });
    expect(r[1].stats!.median).toBe(14.12); // exact decimals: not 14.120000000000001
    // Less isolation: Eve skipped; 21, 446, 446, 1512 → 4 placed, median (446 + 446) / 2 = 446, range 21–1512
    expect(r[2]).toMatchObject({ benefit: "Less isolation", skipped: 1, stats: { participants: 4, median: 446, min: 21, max: 1512 } });
  });

  test("a participant recorded again corrects their answer: the last placement counts", () => {
    const r = benefitResults(["Confidence"], [P("Ann", "Confidence", 1), P("Bob", "Confidence", 3), P(" ann ", "confidence", 5)]);
    // Ann's 1 is replaced by 5: prices 3, 5 → median 4
    expect(r[0].stats).toMatchObject({ participants: 2, median: 4, min: 3, max: 5 });
  });

  test("a benefit nobody placed has no statistics, only its skips; unknown benefits are not counted", () => {
    expect(benefitResults(["Pride"], [P("Ann", "Pride", null), P("Ann", "Other", 9)])).toEqual([{ benefit: "Pride", stats: undefined, skipped: 1 }]);
  });
});
