/**
 * An assessment as data: the settings, stakeholders, inputs and outcomes of one SROI analysis. The
 * task pane edits it, the layout turns it into sheets, the command-line tool reads and writes it as
 * JSON (docs/assessment.schema.json). Numbers are plain JavaScript numbers so the model stays JSON;
 * computing goes through the validated Decimals of the core.
 */
import { Decimal, ZERO, dec } from "./decimal";
import { presentValueFloat } from "./fast";
import { netImpact } from "./impact";
import { Issue, Place, Result } from "./issues";
import { OutcomeLife, projectOutcome } from "./projection";
import { netRatio, netPresentValue, paybackMonths, sroiRatio } from "./ratios";
import {
  Raw,
  isBlank,
  readDuration,
  readNumber,
  readPercent,
  readProxy,
  readQuantity,
  readRate,
  readStart,
  readUnits,
  readWholeYears,
} from "./validate";

export type Lang = "en" | "fr";

/**
 * A forecast SROI estimates the value an activity is expected to create; an evaluative one measures
 * the value it has created, from outcomes that have happened (the SROI guide's two kinds).
 */
export const ASSESSMENT_TYPES = ["forecast", "evaluative"] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];

/** Whether an outcome was what the activity set out to change (the impact map's intended / unintended changes). */
export const OUTCOME_INTENTS = ["intended", "unintended"] as const;
export type OutcomeIntent = (typeof OUTCOME_INTENTS)[number];

/** Whether a change is for the better or the worse; a negative outcome has a negative proxy value. */
export const OUTCOME_POLARITIES = ["positive", "negative"] as const;
export type OutcomePolarity = (typeof OUTCOME_POLARITIES)[number];

export interface AssessmentSettings {
  organisation: string;
  title: string;
  /** the period the activity covers, as the user writes it ("2025", "Sept 2024 – Aug 2025") */
  period: string;
  /** ISO 4217 code, e.g. EUR, GBP */
  currency: string;
  /** a fraction: 0.035 is 3.5 % */
  discountRate: number;
  /** true (default): year 1 is discounted, as Excel's NPV does */
  discountYear1: boolean;
  /** years shown in the projection grid (default 5) */
  yearsShown: number;
  /** the language of the sheets' labels */
  language: Lang;
  /** true: native spreadsheet functions only, no SROI.* functions (recomputable without the add-in) */
  portable: boolean;
  /**
   * The year whose prices the assessment's money values are in (proxies are revalued to it); null:
   * the first year its period names (defaultPriceYear), or none when the period names no year.
   */
  priceYear: number | null;
  /** the consumer-price index proxies are revalued with ("FR", "UK"…); the proxies' data names them */
  priceIndex: string;
  // Stages 1–2 of the method (scope): optional in the type so that code written before them still
  // builds assessments; every reader (workbook, JSON) fills them, a missing one reads as DEFAULT_SETTINGS'.
  /** forecast (default) or evaluative */
  assessmentType?: AssessmentType;
  /** what the analysis covers: activities, sites, period, stakeholders in scope */
  scope?: string;
  /** why the analysis is made (report to funders, manage the activity, decide) */
  purpose?: string;
  /** who the analysis is for */
  audience?: string;
}

export interface Stakeholder {
  name: string;
  /** number in group */
  groupSize: number | null;
  /** how the group was involved in the analysis (interviews, survey, workshop) */
  involvement: string;
}

export type InputKind = "cash" | "inKind" | "time";

export interface Input {
  stakeholder: string;
  kind: InputKind;
  description: string;
  /** cash: the amount; in kind: the market price of buying or renting it; time: usually blank */
  amount: number | null;
  /** time only: hours given */
  hours: number | null;
  /** time only: the hourly cost of paying someone for the same work, employer charges included */
  hourlyCost: number | null;
}

export interface Outcome {
  stakeholder: string;
  // Stages 1–2 (optional in the type, as the settings' scope; readers fill them, emptyOutcome too):
  /** intended (default) or unintended: whether the activity set out to make this change */
  intended?: OutcomeIntent;
  /** the activity the change comes from ("Market gardening on integration contracts") */
  activity?: string;
  /** the activity in numbers, the output the change comes from ("24 contracts, 31,000 hours worked") */
  output?: string;
  /** the change, as described */
  description: string;
  /** positive (default) or negative: a negative outcome has a negative proxy value */
  polarity?: OutcomePolarity;
  indicator: string;
  /** where the indicator data comes from */
  source: string;
  quantity: number | null;
  duration: number | null;
  start: number | null;
  proxyName: string;
  /** money value of one unit of the proxy (one month of a monthly proxy) */
  proxyValue: number | null;
  /** units of the proxy one person's change is worth (8 months of a monthly proxy); blank is 1 */
  proxyUnits: number | null;
  /** what one unit is, as the proxy says ("per month"): shown so that the units can be checked */
  proxyUnit: string;
  proxySource: string;
  /**
   * The currency the proxy was published in, when it is not the assessment's (ISO 4217, "GBP"); blank
   * when it is. The proxy value is then already converted, at exchangeRate.
   */
  proxyCurrency: string;
  /** units of the assessment's currency per unit of proxyCurrency (1 GBP = 1.17 EUR: 1.17) */
  exchangeRate: number | null;
  /** where the rate comes from and its date ("ECB euro reference rate, 2025-06-30") */
  exchangeRateSource: string;
  /** the year whose prices the proxy value is in; null when not recorded */
  proxyPriceYear: number | null;
  /** how the change was valued: a key of the proxies' valuation methods, "other", or "" when not recorded */
  valuationMethod: string;
  deadweight: number | null;
  displacement: number | null;
  attribution: number | null;
  dropOff: number | null;
  /** the evidence and reasoning behind the estimates (why this deadweight, this duration…) */
  justification?: string;
}

/** Something left out of the analysis (a stakeholder, an outcome) and why: "include only what is material". */
export interface Exclusion {
  /** what was left out: a stakeholder or an outcome, as the user names it */
  item: string;
  /** why it was left out (not material, no evidence, counted elsewhere…) */
  reason: string;
}

export interface Assessment {
  settings: AssessmentSettings;
  stakeholders: Stakeholder[];
  inputs: Input[];
  outcomes: Outcome[];
  /** what was left out and why; absent or [] when nothing was (readers always fill it) */
  exclusions?: Exclusion[];
}

export const DEFAULT_SETTINGS: AssessmentSettings = {
  organisation: "",
  title: "",
  period: "",
  currency: "EUR",
  discountRate: 0.035,
  discountYear1: true,
  yearsShown: 5,
  language: "en",
  portable: false,
  priceYear: null,
  priceIndex: "FR",
  assessmentType: "forecast",
  scope: "",
  purpose: "",
  audience: "",
};

/**
 * The price year an assessment's period implies: the first four-digit year it names ("Sept 2024 –
 * Aug 2025": 2024), null when it names none.
 */
export function defaultPriceYear(period: string): number | null {
  const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(period);
  return m ? Number(m[1]) : null;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A price year: blank (none), or a whole year from 1900 to 2100. */
export function readPriceYear(raw: Raw, field: "priceYear" = "priceYear"): Result<number | null> {
  const n = readNumber(raw, field);
  if (!n.ok) return n;
  if (n.value === null) return { ok: true, value: null };
  if (!n.value.isInteger() || n.value.lessThan(MIN_YEAR) || n.value.greaterThan(MAX_YEAR)) {
    return { ok: false, issue: { code: "notAYear", field, value: raw as number } };
  }
  return { ok: true, value: n.value.toNumber() };
}

/** The price year of an assessment: its own, or the one its period implies. */
export const assessmentPriceYear = (s: Pick<AssessmentSettings, "priceYear" | "period">): number | null => s.priceYear ?? defaultPriceYear(s.period);

export function emptyOutcome(stakeholder = ""): Outcome {
  return {
    stakeholder,
    intended: "intended",
    activity: "",
    justification: "",
    output: "",
    description: "",
    polarity: "positive",
    indicator: "",
    source: "",
    quantity: null,
    duration: null,
    start: 1,
    proxyName: "",
    proxyValue: null,
    proxyUnits: 1,
    proxyUnit: "",
    proxySource: "",
    proxyCurrency: "",
    exchangeRate: null,
    exchangeRateSource: "",
    proxyPriceYear: null,
    valuationMethod: "",
    deadweight: null,
    displacement: null,
    attribution: null,
    dropOff: null,
  };
}

/** Where in the assessment a problem sits. */
export interface AssessmentIssue extends Issue {
  /** which list: settings, inputs or outcomes */
  section: "settings" | "inputs" | "outcomes";
  /** 1-based position in that list */
  index?: number;
}

export interface CheckedOutcome {
  stakeholder: string;
  netImpact: Decimal;
  life: OutcomeLife;
}

/** Is an outcome row empty (nothing that carries a value typed)? Empty rows are skipped. */
export function isEmptyOutcome(o: Outcome): boolean {
  return isBlank(o.quantity) && isBlank(o.proxyValue);
}

/**
 * Checks one outcome with the same rules as the custom functions; returns every problem found. With
 * the assessment's currency, a proxy recorded in another currency needs its exchange rate.
 */
export function checkOutcome(o: Outcome, currency?: string): { value?: CheckedOutcome; issues: Issue[] } {
  const issues: Issue[] = [];
  const take = <T>(r: Result<T>): T | undefined => {
    if (r.ok) return r.value;
    issues.push(r.issue);
    return undefined;
  };
  const quantity = take(readQuantity(o.quantity));
  const proxy = take(readProxy(o.proxyValue));
  const units = take(readUnits(o.proxyUnits));
  const deadweight = take(readPercent(o.deadweight, "deadweight"));
  const displacement = take(readPercent(o.displacement, "displacement"));
  const attribution = take(readPercent(o.attribution, "attribution"));
  const dropOff = take(readPercent(o.dropOff, "dropOff"));
  const duration = take(readDuration(o.duration));
  const start = take(readStart(o.start));
  if (currency !== undefined) take(readConversion(o, currency));
  if (issues.length > 0) return { issues };
  const impact = netImpact({
    quantity: quantity!,
    proxy: proxy!,
    units: units!,
    deadweight: deadweight!,
    displacement: displacement!,
    attribution: attribution!,
  });
  return {
    value: { stakeholder: o.stakeholder, netImpact: impact, life: { duration: duration!, dropOff: dropOff!, start: start! } },
    issues,
  };
}

/**
 * The exchange rate of an outcome whose proxy is in another currency than the assessment's: required,
 * above zero. The proxy value is taken as converted already; the rate is the record of how.
 */
export function readConversion(o: Pick<Outcome, "proxyCurrency" | "exchangeRate">, currency: string): Result<Decimal | null> {
  const from = (o.proxyCurrency ?? "").trim().toUpperCase();
  const rate = readNumber(o.exchangeRate, "exchangeRate");
  if (!rate.ok) return rate;
  if (from === "" || from === currency.trim().toUpperCase()) return { ok: true, value: rate.value };
  if (rate.value === null) return { ok: false, issue: { code: "foreignProxyWithoutRate", field: "exchangeRate", value: from, currency: currency.trim().toUpperCase() } };
  if (!rate.value.greaterThan(0)) return { ok: false, issue: { code: "notPositive", field: "exchangeRate", value: o.exchangeRate } };
  return { ok: true, value: rate.value };
}

/**
 * The value of one input: amount + hours × hourly cost, blanks counting as 0. Cash and in-kind rows
 * fill the amount, time rows the hours and hourly cost; the workbook computes the same sum, so the
 * value never depends on the Kind label.
 */
export function inputValue(i: Input, at: Place = {}): Result<Decimal> {
  const amount = readNumber(i.amount, "inputs", at);
  if (!amount.ok) return amount;
  const hours = readNumber(i.hours, "inputs", at);
  if (!hours.ok) return hours;
  const cost = readNumber(i.hourlyCost, "inputs", at);
  if (!cost.ok) return cost;
  return { ok: true, value: (amount.value ?? ZERO).plus((hours.value ?? ZERO).times(cost.value ?? ZERO)) };
}

export interface OutcomeResult {
  /** 1-based position in the assessment's outcome list */
  index: number;
  stakeholder: string;
  netImpact: Decimal;
  presentValue: Decimal;
  /** years 1..yearsShown */
  projection: Decimal[];
}

export interface StakeholderValue {
  stakeholder: string;
  presentValue: Decimal;
  /** share of the total present value, a fraction; null when the total is 0 */
  share: Decimal | null;
}

export interface AssessmentResult {
  outcomes: OutcomeResult[];
  totalPresentValue: Decimal;
  totalInputs: Decimal;
  netPresentValue: Decimal;
  /** null when the inputs total 0 */
  ratio: Decimal | null;
  netRatio: Decimal | null;
  /** first-year net impact summed over outcomes */
  annualImpact: Decimal;
  /** null when there is no payback (inputs 0, or impact 0 or negative) */
  paybackMonths: Decimal | null;
  byStakeholder: StakeholderValue[];
}

export type Computed = { ok: true; result: AssessmentResult } | { ok: false; issues: AssessmentIssue[] };

/** Stakeholders are one when their names match as Excel's = compares text: trimmed, without regard to case. */
export const stakeholderKey = (name: string): string => name.trim().toLowerCase();

/** The names once each, as stakeholderKey matches them, in the order and spelling first met. */
export function distinctStakeholders(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(stakeholderKey(n)) && seen.add(stakeholderKey(n)) !== undefined);
}

/** Checks and computes a whole assessment; every problem is reported with where it is. */
export function computeAssessment(a: Assessment): Computed {
  const issues: AssessmentIssue[] = [];
  const s = a.settings;
  const rate = readRate(s.discountRate as Raw);
  if (!rate.ok) issues.push({ ...rate.issue, section: "settings" });
  const years = readWholeYears(s.yearsShown as Raw, "years");
  if (!years.ok) issues.push({ ...years.issue, section: "settings" });
  const priceYear = readPriceYear(s.priceYear as Raw);
  if (!priceYear.ok) issues.push({ ...priceYear.issue, section: "settings" });

  let totalInputs = ZERO;
  a.inputs.forEach((input, k) => {
    const v = inputValue(input);
    if (v.ok) totalInputs = totalInputs.plus(v.value);
    else issues.push({ ...v.issue, section: "inputs", index: k + 1 });
  });

  const checked: { index: number; outcome: CheckedOutcome }[] = [];
  a.outcomes.forEach((o, k) => {
    if (isEmptyOutcome(o)) return;
    const c = checkOutcome(o, s.currency);
    for (const issue of c.issues) issues.push({ ...issue, section: "outcomes", index: k + 1 });
    if (c.value) checked.push({ index: k + 1, outcome: c.value });
  });
  if (issues.length > 0 || !rate.ok || !years.ok) return { ok: false, issues };

  // Each outcome's PV on the float64 hot path (the closed form, within 1e-13 of the Decimal sum),
  // so `sroi compute` gives what SROI.PV gives in Excel; it becomes a Decimal here, at the edge,
  // and the totals, ratios and shares below stay decimal.
  const r = rate.value.toNumber();
  const outcomes: OutcomeResult[] = checked.map(({ index, outcome }) => ({
    index,
    stakeholder: outcome.stakeholder,
    netImpact: outcome.netImpact,
    presentValue: dec(
      presentValueFloat(r, outcome.netImpact.toNumber(), outcome.life.duration, outcome.life.dropOff.toNumber(), outcome.life.start, s.discountYear1),
    ),
    projection: projectOutcome(outcome.netImpact, outcome.life, years.value),
  }));
  const totalPresentValue = outcomes.reduce((sum, o) => sum.plus(o.presentValue), ZERO);
  const annualImpact = outcomes.reduce((sum, o) => sum.plus(o.netImpact), ZERO);
  const ratio = sroiRatio(totalPresentValue, totalInputs);
  const net = netRatio(totalPresentValue, totalInputs);
  const payback = paybackMonths(totalInputs, annualImpact);

  // One row per stakeholder as Excel's = matches names: without regard to case ("Funder" is
  // "funder"), under the spelling met first, so the CLI and the Results sheet agree.
  const order = distinctStakeholders([...a.stakeholders.map((x) => x.name), ...outcomes.map((o) => o.stakeholder)]);
  const byStakeholder: StakeholderValue[] = order.map((stakeholder) => {
    const pv = outcomes.filter((o) => stakeholderKey(o.stakeholder) === stakeholderKey(stakeholder)).reduce((sum, o) => sum.plus(o.presentValue), ZERO);
    return { stakeholder, presentValue: pv, share: totalPresentValue.isZero() ? null : pv.div(totalPresentValue) };
  });

  return {
    ok: true,
    result: {
      outcomes,
      totalPresentValue,
      totalInputs,
      netPresentValue: netPresentValue(totalPresentValue, totalInputs),
      ratio: ratio.ok ? ratio.value : null,
      netRatio: net.ok ? net.value : null,
      annualImpact,
      paybackMonths: payback.ok ? payback.value : null,
      byStakeholder,
    },
  };
}

