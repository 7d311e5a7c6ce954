/**
 * The messages of the checks against over-claiming and of the sensitivity options: every code has
 * one in each language, with its figures written the user's way (5.2 % / 5,2 %), saying why it
 * matters and what to do.
 */
import { checkMessage, sensitivityIssueMessage } from "../../src/i18n/checks";
import type { CheckCode, OverClaimCheck, SensitivityIssue } from "../../src/sroi";

const EVERY_CHECK: Record<CheckCode, OverClaimCheck> = {
  noDeduction: { code: "noDeduction", severity: "warning", outcome: 2, field: "deadweight" },
  noDeductionOnMap: { code: "noDeductionOnMap", severity: "warning", outcome: null, field: null },
  deductionBelowBenchmark: { code: "deductionBelowBenchmark", severity: "warning", outcome: 3, field: "deadweight", value: 0.02, benchmark: 0.052, median: 0.2 },
  ratioAboveLimit: { code: "ratioAboveLimit", severity: "warning", outcome: null, field: null, value: 15.2215, limit: 10 },
  missingIndicatorSource: { code: "missingIndicatorSource", severity: "warning", outcome: 4, field: "source" },
  missingProxySource: { code: "missingProxySource", severity: "warning", outcome: 4, field: "proxySource" },
  longDuration: { code: "longDuration", severity: "warning", outcome: 1, field: "duration", value: 6, limit: 5 },
  noDropOff: { code: "noDropOff", severity: "warning", outcome: 1, field: "dropOff", value: 3 },
  doubleCounting: { code: "doubleCounting", severity: "warning", outcome: 2, field: "proxyName", other: 1, stakeholder: "Participants", proxyName: "Income gain" },
  stakeholderNotInvolved: { code: "stakeholderNotInvolved", severity: "warning", outcome: 1, field: "stakeholder", stakeholder: "Families" },
  discountRateOutOfRange: { code: "discountRateOutOfRange", severity: "warning", outcome: null, field: "discountRate", value: 0.12, limit: 0.1 },
  materialOutcome: { code: "materialOutcome", severity: "info", outcome: 2, field: null, share: 0.75, limit: 0.5 },
  proxyPriceYearDiffers: { code: "proxyPriceYearDiffers", severity: "info", outcome: 3, field: "proxyPriceYear", value: 2020, limit: 2022 },
  negativeOutcomeValuedPositive: { code: "negativeOutcomeValuedPositive", severity: "warning", outcome: 2, field: "proxyValue", value: 250 },
  positiveOutcomeValuedNegative: { code: "positiveOutcomeValuedNegative", severity: "info", outcome: 5, field: "polarity", value: -120.5 },
};

test.each([
  ["en", "Outcome 2 is marked negative but its proxy value (250) is positive, so a harm is added to the value created. Enter a negative proxy value, or mark the outcome positive."],
  ["fr", "L'effet 2 est indiqué négatif mais la valeur de son proxy (250) est positive\u00A0: un préjudice s'ajoute ainsi à la valeur créée. Saisissez une valeur de proxy négative, ou indiquez l'effet positif."],
] as const)("a negative outcome valued positive, in full (%s)", (lang, expected) => expect(checkMessage(EVERY_CHECK.negativeOutcomeValuedPositive, lang)).toBe(expected));

test.each([
  ["en", "Outcome 5 has a negative proxy value (-120.5)"],
  ["fr", "L'effet 5 a une valeur de proxy négative (-120,5)"],
] as const)("a positive outcome valued negative names the value the user's way (%s)", (lang, start) =>
  expect(checkMessage(EVERY_CHECK.positiveOutcomeValuedNegative, lang).startsWith(start)).toBe(true));

test.each(Object.values(EVERY_CHECK))("$code has a message in each language, different, naming its outcome", (c) => {
  const en = checkMessage(c, "en");
  const fr = checkMessage(c, "fr");
  expect(en).not.toBe(fr);
  for (const m of [en, fr]) {
    expect(m.length).toBeGreaterThan(60); // a finding, why it matters and what to do; not a bare code
    expect(m).not.toMatch(/undefined|NaN|null/);
    if (c.outcome !== null) expect(m).toContain(String(c.outcome));
  }
});

test.each([
  ["en", "Outcome 3: its deadweight of 2 % is far below what published SROI reports use (9 in 10 use 5.2 % or more; median 20 %). A low deduction raises the ratio: give the evidence for it, or use a more cautious value."],
  ["fr", "Effet 3\u00A0: le point mort de 2\u202F% est très en dessous de ce qu'utilisent les rapports SROI publiés (9 sur 10 prennent 5,2\u202F% ou plus\u00A0; médiane 20\u202F%). Une déduction faible gonfle le ratio\u00A0: donnez-en la preuve, ou prenez une valeur plus prudente."],
] as const)("a deduction far below the benchmarks, in full (%s)", (lang, expected) =>
  expect(checkMessage(EVERY_CHECK.deductionBelowBenchmark, lang)).toBe(expected));

test.each([
  ["en", /^Outcome 3: its attribution of 8 % is below what 9 in 10 published SROI reports use \(10 % or more; median 25\.5 %\)/],
  ["fr", /^Effet 3\u00A0: l'attribution de 8\u202F% est en dessous de ce qu'utilisent 9 rapports SROI publiés sur 10 \(10\u202F% ou plus\u00A0; médiane 25,5\u202F%\)/],
] as const)("the info below the benchmarks names the estimate with its article (%s)", (lang, expected) =>
  expect(checkMessage({ code: "deductionBelowBenchmark", severity: "info", outcome: 3, field: "attribution", value: 0.08, benchmark: 0.1, median: 0.255 }, lang)).toMatch(expected));

test.each([
  ["en", "The ratio is 15.22 : 1, above 10 : 1"],
  ["fr", "Le ratio vaut 15,22\u00A0: 1, au-dessus de 10\u00A0: 1"],
] as const)("the ratio is written in the user's language (%s)", (lang, start) => expect(checkMessage(EVERY_CHECK.ratioAboveLimit, lang)).toMatch(new RegExp(`^${start}`)));

test.each([
  ["en", "Outcome 2 carries 75 % of the total present value"],
  ["fr", "L'effet 2 porte 75\u202F% de la valeur actuelle totale"],
] as const)("materiality shows the share (%s)", (lang, start) => expect(checkMessage(EVERY_CHECK.materialOutcome, lang)).toMatch(new RegExp(`^${start}`)));

test.each([
  ["en", "The discount rate of 12 % is outside 0–10 %"],
  ["fr", "Le taux d'actualisation de 12\u202F% est hors de 0–10\u202F%"],
] as const)("the rate out of range (%s)", (lang, start) => expect(checkMessage(EVERY_CHECK.discountRateOutOfRange, lang)).toMatch(new RegExp(`^${start}`)));

const ISSUES: [SensitivityIssue, string, string][] = [
  [
    { code: "optionInvalid", field: "variation", outcome: null, value: 1.5, lowest: 0, highest: 1 },
    "The variation must be between 0 % and 100 % (a whole number for draws and the seed); got 1.5.",
    "La variation doit être comprise entre 0\u202F% et 100\u202F% (nombre entier pour les tirages et la graine)\u00A0; reçu\u00A0: 1,5.",
  ],
  [
    { code: "rangeInvalid", field: "deadweight", outcome: 1, min: 0.3, mode: 0.2, max: 0.4, lowest: 0, highest: 1 },
    "The range of deadweight of outcome 1 (min 0.3, most likely 0.2, max 0.4) needs min ≤ most likely ≤ max, within 0–1.",
    "Plage de point mort de l'effet 1 (min 0,3, plus probable 0,2, max 0,4)\u00A0: il faut min ≤ plus probable ≤ max, dans 0–1.",
  ],
  [
    { code: "rangeInvalid", field: "ranges", outcome: 2, value: "quantity" },
    'Range of outcome 2: "quantity" is not an estimate of that outcome (or there is no such outcome); use quantity, proxyValue, deadweight, displacement, attribution, dropOff, duration, or discountRate with no outcome.',
    "Plage de l'effet 2\u00A0: «\u00A0quantity\u00A0» n'est pas une estimation de cet effet (ou l'effet n'existe pas)\u00A0; utilisez quantity, proxyValue, deadweight, displacement, attribution, dropOff, duration, ou discountRate sans effet.",
  ],
];

test.each(ISSUES)("sensitivity option problem %j, in both languages", (issue, en, fr) => {
  expect(sensitivityIssueMessage(issue, "en")).toBe(en);
  expect(sensitivityIssueMessage(issue, "fr")).toBe(fr);
});
