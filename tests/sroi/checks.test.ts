/**
 * Checks against over-claiming: each fires on its classic flaw, and a sound assessment (the method's
 * reference case, the example in both languages) gets no warning. Thresholds come from the method
 * (§9) and the published benchmarks (src/sroi/benchmarks.ts: deadweight p10 5.2 %, attribution
 * p10 10 %, drop-off p10 10 %; ratio p90 10.22 : 1).
 */
import { Assessment, Outcome, OverClaimCheck, checkAssessment } from "../../src/sroi";
import { exampleAssessment } from "../../src/cli/example";
import { referenceCase } from "../fixtures/referenceCase";

function checks(a: Assessment): OverClaimCheck[] {
  const r = checkAssessment(a);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.checks;
}
const codes = (a: Assessment) => checks(a).map((c) => [c.code, c.severity, c.outcome, c.field]);
const outcome = (change: Partial<Outcome>): Outcome => ({ ...referenceCase.outcomes[0], ...change });
const withOutcomes = (...outcomes: Outcome[]): Assessment => ({ ...referenceCase, outcomes });
const withOutcome = (change: Partial<Outcome>) => withOutcomes(outcome(change));

test("the reference case (§8) gets no check at all", () => expect(checks(referenceCase)).toEqual([]));

test.each(["en", "fr"] as const)("the example (%s) gets no warning; only an info: its 5 %% deadweight on skills is under the published p10 of 5.2 %%", (lang) => {
  expect(checks(exampleAssessment(lang))).toEqual([
    { code: "deductionBelowBenchmark", severity: "info", outcome: 3, field: "deadweight", value: 0.05, benchmark: 0.052, median: 0.2 },
  ]);
});

test.each<[string, Assessment, unknown[][]]>([
  ["no deduction on the only outcome: the outcome and the whole map", withOutcome({ deadweight: 0, displacement: null, attribution: 0 }), [
    ["noDeductionOnMap", "warning", null, null],
    ["noDeduction", "warning", 1, "deadweight"],
  ]],
  // 6 × 1,000 with no deduction = 10 × 1,000 × 0.8 × 0.75: the two weigh the same (neither is material)
  ["no deduction on one outcome of two: that outcome only", withOutcomes(outcome({}), outcome({ proxyName: "Other", proxySource: "Survey", quantity: 6, deadweight: 0, attribution: 0 })), [["noDeduction", "warning", 2, "deadweight"]]],
  // (the positive outcome then carries all the positive value: material)
  ["a negative outcome without deductions is cautious, not over-claiming", withOutcomes(outcome({}), outcome({ proxyName: "Cost", proxyValue: -100, polarity: "negative", deadweight: 0, attribution: 0 })), [["materialOutcome", "info", 1, null]]],
  // polarity and the sign of the proxy value (a negative outcome is a negative proxy, method §3)
  ["an outcome marked negative with a positive proxy value: a harm counted as value", withOutcome({ polarity: "negative" }), [["negativeOutcomeValuedPositive", "warning", 1, "proxyValue"]]],
  ["an outcome marked positive with a negative proxy value: cautious, but said", withOutcomes(outcome({}), outcome({ proxyName: "Cost", proxyValue: -100, polarity: "positive" })), [
    ["positiveOutcomeValuedNegative", "info", 2, "polarity"],
    ["materialOutcome", "info", 1, null],
  ]],
  ["an outcome with no polarity (an older model) and a negative proxy value reads as positive", withOutcomes(outcome({}), outcome({ proxyName: "Cost", proxyValue: -100, polarity: undefined })), [
    ["positiveOutcomeValuedNegative", "info", 2, "polarity"],
    ["materialOutcome", "info", 1, null],
  ]],
  ["an outcome marked negative with a proxy value of 0: nothing to disagree", withOutcome({ polarity: "negative", proxyValue: 0 }), []],
  ["an unintended positive outcome: no check of its own", withOutcome({ intended: "unintended" }), []],
  ["deadweight 2 %: far below (under half of 5.2 %)", withOutcome({ deadweight: 0.02 }), [["deductionBelowBenchmark", "warning", 1, "deadweight"]]],
  ["deadweight 4 %: below 5.2 %, not far below", withOutcome({ deadweight: 0.04 }), [["deductionBelowBenchmark", "info", 1, "deadweight"]]],
  ["deadweight 6 %: within what published reports use", withOutcome({ deadweight: 0.06 }), []],
  ["deadweight 0 % with an attribution: far below", withOutcome({ deadweight: 0 }), [["deductionBelowBenchmark", "warning", 1, "deadweight"]]],
  ["attribution 4 %: far below (under half of 10 %)", withOutcome({ attribution: 0.04 }), [["deductionBelowBenchmark", "warning", 1, "attribution"]]],
  ["attribution 8 %: below 10 %", withOutcome({ attribution: 0.08 }), [["deductionBelowBenchmark", "info", 1, "attribution"]]],
  ["drop-off 4 % over 3 years: far below (under half of 10 %)", withOutcome({ dropOff: 0.04 }), [["deductionBelowBenchmark", "warning", 1, "dropOff"]]],
  ["drop-off 7 % over 3 years: below 10 %", withOutcome({ dropOff: 0.07 }), [["deductionBelowBenchmark", "info", 1, "dropOff"]]],
  ["drop-off 4 % on a one-year outcome: drop-off plays no part", withOutcome({ dropOff: 0.04, duration: 1 }), []],
  ["no drop-off over 3 years", withOutcome({ dropOff: 0 }), [["noDropOff", "warning", 1, "dropOff"]]],
  ["no drop-off on a one-year outcome: fine", withOutcome({ dropOff: 0, duration: 1 }), []],
  ["a duration of 6 years", withOutcome({ duration: 6, quantity: 2 }), [["longDuration", "warning", 1, "duration"]]],
  ["a duration of 5 years: fine", withOutcome({ duration: 5, quantity: 2 }), []],
  ["inputs 1,000: ratio 15.22 : 1", { ...referenceCase, inputs: [{ ...referenceCase.inputs[0], amount: 1000 }] }, [["ratioAboveLimit", "warning", null, null]]],
  ["no indicator source", withOutcome({ source: "" }), [["missingIndicatorSource", "warning", 1, "source"]]],
  ["no proxy source (spaces only)", withOutcome({ proxySource: "  " }), [["missingProxySource", "warning", 1, "proxySource"]]],
  ["the same proxy twice for one stakeholder", withOutcomes(outcome({}), outcome({ description: "Keeps the job", proxyName: " income  GAIN" })), [["doubleCounting", "warning", 2, "proxyName"]]],
  ["the same value from the same source under another name", withOutcomes(outcome({}), outcome({ proxyName: "Earnings" })), [["doubleCounting", "warning", 2, "proxyName"]]],
  ["the same proxy for two stakeholders: not double counting", withOutcomes(outcome({}), outcome({ stakeholder: "Families" })), [["stakeholderNotInvolved", "warning", 2, "stakeholder"]]],
  ["a stakeholder listed with no 'how involved'", { ...referenceCase, stakeholders: [{ name: "Participants", groupSize: 10, involvement: " " }] }, [["stakeholderNotInvolved", "warning", 1, "stakeholder"]]],
  ["a discount rate of 12 %", { ...referenceCase, settings: { ...referenceCase.settings, discountRate: 0.12 } }, [["discountRateOutOfRange", "warning", null, "discountRate"]]],
  ["a discount rate of −1 %", { ...referenceCase, settings: { ...referenceCase.settings, discountRate: -0.01 } }, [["discountRateOutOfRange", "warning", null, "discountRate"]]],
  ["a discount rate of 0 %: inside 0–10 %", { ...referenceCase, settings: { ...referenceCase.settings, discountRate: 0 } }, []],
  ["a discount rate of 10 %: inside 0–10 %", { ...referenceCase, settings: { ...referenceCase.settings, discountRate: 0.1 } }, []],
  ["one outcome of two carrying 30/40 of the value", withOutcomes(outcome({ quantity: 30 }), outcome({ proxyName: "Other", proxySource: "Survey" })), [["materialOutcome", "info", 1, null]]],
  ["two outcomes of equal value: neither carries most", withOutcomes(outcome({}), outcome({ proxyName: "Other", proxySource: "Survey" })), []],
  // the reference case's period is "2025": its price year when none is set
  ["a proxy in 2020 prices in an assessment of 2025", withOutcome({ proxyPriceYear: 2020 }), [["proxyPriceYearDiffers", "info", 1, "proxyPriceYear"]]],
  ["a proxy in 2025 prices: the assessment's", withOutcome({ proxyPriceYear: 2025 }), []],
  ["a proxy in 2022 prices, the assessment's price year set to 2022", { ...withOutcome({ proxyPriceYear: 2022 }), settings: { ...referenceCase.settings, priceYear: 2022 } }, []],
  ["a proxy with a price year, an assessment whose period names no year", { ...withOutcome({ proxyPriceYear: 2020 }), settings: { ...referenceCase.settings, period: "first season" } }, []],
])("%s", (_flaw, a, expected) => expect(codes(a)).toEqual(expected));

test("the figures travel with the check, for the message and the JSON", () => {
  expect(checks(withOutcome({ duration: 6, quantity: 2 }))).toEqual([{ code: "longDuration", severity: "warning", outcome: 1, field: "duration", value: 6, limit: 5 }]);
  const [ratio] = checks({ ...referenceCase, inputs: [{ ...referenceCase.inputs[0], amount: 1000 }] });
  expect(ratio.value).toBeCloseTo(15.2215, 4); // PV 15,221.50 / 1,000
  expect(checks(withOutcomes(outcome({}), outcome({ proxyName: "income gain" })))[0]).toMatchObject({ other: 1, stakeholder: "Participants", proxyName: "income gain" });
  expect(checks(withOutcomes(outcome({ quantity: 30 }), outcome({ proxyName: "Other", proxySource: "Survey" })))[0].share).toBeCloseTo(0.75, 12);
});

test("a price-year check says both years", () => {
  expect(checks(withOutcome({ proxyPriceYear: 2020 }))).toEqual([
    { code: "proxyPriceYearDiffers", severity: "info", outcome: 1, field: "proxyPriceYear", value: 2020, limit: 2025 },
  ]);
});

test("an invalid assessment is refused with its issues", () => {
  const r = checkAssessment(withOutcome({ quantity: -1 }));
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ code: "negative", field: "quantity", index: 1 })]);
});
