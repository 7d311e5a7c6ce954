/**
 * A proxy published in another currency than the assessment's (issue #12, item 2): its value in the
 * map is converted, and the row records the proxy's currency, the rate and its source. An outcome
 * whose proxy currency differs with no rate is refused by the core, so `sroi compute`, the pane and
 * the workbook reader refuse it with the same issue.
 */
import { Assessment, checkOutcome, computeAssessment, readConversion } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

const inEur: Assessment = { ...referenceCase, settings: { ...referenceCase.settings, currency: "EUR" } };
const withProxy = (change: Partial<Assessment["outcomes"][0]>): Assessment => ({ ...inEur, outcomes: [{ ...inEur.outcomes[0], ...change }] });

test("a GBP proxy in a EUR assessment with no rate is refused, naming the two currencies", () => {
  const r = computeAssessment(withProxy({ proxyCurrency: "GBP" }));
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.issues).toEqual([{ code: "foreignProxyWithoutRate", field: "exchangeRate", value: "GBP", currency: "EUR", section: "outcomes", index: 1 }]);
  }
});

test("with its rate recorded, the converted value is computed as any other (the method's PV 15,221.50 for 1,000)", () => {
  // 1,000 in the proxy cell is the converted value: the rate is the record, not a second conversion
  const r = computeAssessment(withProxy({ proxyCurrency: "GBP", exchangeRate: 1.17, exchangeRateSource: "ECB, 2025-06-30" }));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.result.totalPresentValue.toFixed(2)).toBe("15221.50");
});

test.each([
  ["the assessment's own currency", { proxyCurrency: "EUR" }],
  ["the assessment's currency in lower case, with spaces", { proxyCurrency: " eur " }],
  ["no proxy currency (the assessment's)", { proxyCurrency: "" }],
])("no rate is needed for %s", (_what, change) => {
  expect(checkOutcome({ ...inEur.outcomes[0], ...change }, "EUR").issues).toEqual([]);
});

test.each([
  [0, "notPositive"],
  [-1.2, "notPositive"],
  ["about 1.2", "notANumber"],
] as const)("a rate of %p is refused (%s)", (rate, code) => {
  const r = readConversion({ proxyCurrency: "GBP", exchangeRate: rate as number }, "EUR");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.issue).toMatchObject({ code, field: "exchangeRate" });
});

test("without the assessment's currency (a custom function's single outcome), the currency is not checked", () => {
  expect(checkOutcome({ ...inEur.outcomes[0], proxyCurrency: "GBP" }).issues).toEqual([]);
});
