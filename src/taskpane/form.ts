/**
 * The guided setup's form state: what the user typed, kept as text so "0,2" stays "0,2" while they
 * type; and its conversion to the core's Assessment. Numbers are read by src/i18n/numbers.ts; whether
 * they are acceptable is decided by the core (checkOutcome, inputValue, readRate...), never here.
 */
import {
  type Assessment,
  type AssessmentType,
  type OutcomeIntent,
  type OutcomePolarity,
  type AssessmentSettings,
  type Input,
  type InputKind,
  type Lang,
  type Outcome,
  type Stakeholder,
  DEFAULT_SETTINGS,
  defaultPriceYear,
} from "../sroi";
import { parseTyped, formatPercent } from "../i18n/numbers";
import { Decimal } from "../sroi";

export type RatePreset = "greenBook" | "franceStrategie" | "lowRate" | "custom";

/** The presets of the method document §5, as fractions. */
export const PRESET_RATES: Record<Exclude<RatePreset, "custom">, number> = {
  greenBook: 0.035,
  franceStrategie: 0.032,
  lowRate: 0.015,
};

export interface SettingsForm {
  organisation: string;
  title: string;
  period: string;
  currency: string;
  preset: RatePreset;
  /** the rate as typed, for the custom preset */
  rate: string;
  /** added to the low rate, for the lowRate preset */
  riskPremium: string;
  discountYear1: boolean;
  yearsShown: string;
  language: Lang;
  portable: boolean;
  /** the price year as typed; "" is the period's first year */
  priceYear: string;
  /** a price index code ("FR") */
  priceIndex: string;
  /** stages 1–2: forecast or evaluative, and what the analysis covers, why and for whom */
  assessmentType: AssessmentType;
  scope: string;
  purpose: string;
  audience: string;
}

export interface StakeholderForm {
  id: string;
  name: string;
  groupSize: string;
  involvement: string;
}

export interface InputForm {
  id: string;
  stakeholderId: string;
  kind: InputKind;
  description: string;
  amount: string;
  hours: string;
  hourlyCost: string;
}

export interface OutcomeForm {
  id: string;
  stakeholderId: string;
  description: string;
  indicator: string;
  source: string;
  quantity: string;
  duration: string;
  start: "1" | "2";
  proxyName: string;
  proxyValue: string;
  /** units of the proxy per person, as typed ("" is 1) */
  proxyUnits: string;
  /** the proxy's unit, as the proxy says it ("per month"), kept as is */
  proxyUnit: string;
  proxySource: string;
  /** the year of the proxy's prices, as typed */
  proxyPriceYear: string;
  /** a valuation method's key, or "" */
  valuationMethod: string;
  /** set by the lookup for a proxy in another currency: its currency, the rate used and the rate's source and date */
  proxyCurrency: string;
  exchangeRate: string;
  exchangeRateSource: string;
  /** stages 1–2: the activity and output the change comes from; intended or not; for the better or the worse */
  activity: string;
  output: string;
  intended: OutcomeIntent;
  polarity: OutcomePolarity;
  /** the evidence behind the estimates */
  justification: string;
  deadweight: string;
  displacement: string;
  attribution: string;
  dropOff: string;
}

export interface SetupForm {
  settings: SettingsForm;
  stakeholders: StakeholderForm[];
  inputs: InputForm[];
  outcomes: OutcomeForm[];
  /** what was left out of the analysis and why (a new assessment; continue keeps the workbook's) */
  exclusions?: ExclusionForm[];
}

let counter = 0;
/** A stable key for a row of the form (React keys, links from inputs and outcomes to stakeholders). */
export const newId = (prefix: string): string => `${prefix}${++counter}`;

export function emptySettingsForm(lang: Lang): SettingsForm {
  return {
    organisation: "",
    title: "",
    period: "",
    currency: lang === "fr" ? "EUR" : DEFAULT_SETTINGS.currency,
    preset: "greenBook",
    rate: formatPercent(DEFAULT_SETTINGS.discountRate, lang),
    riskPremium: "",
    discountYear1: DEFAULT_SETTINGS.discountYear1,
    yearsShown: String(DEFAULT_SETTINGS.yearsShown),
    language: lang,
    portable: DEFAULT_SETTINGS.portable,
    priceYear: "",
    priceIndex: DEFAULT_SETTINGS.priceIndex,
    assessmentType: "forecast",
    scope: "",
    purpose: "",
    audience: "",
  };
}

export function emptySetupForm(lang: Lang): SetupForm {
  return { settings: emptySettingsForm(lang), stakeholders: [], inputs: [], outcomes: [], exclusions: [] };
}

/** Something left out of the analysis, as typed. */
export interface ExclusionForm {
  id: string;
  item: string;
  reason: string;
}

export const emptyExclusionForm = (): ExclusionForm => ({ id: newId("x"), item: "", reason: "" });

export const emptyStakeholderForm = (): StakeholderForm => ({ id: newId("s"), name: "", groupSize: "", involvement: "" });

export const emptyInputForm = (stakeholderId: string): InputForm => ({
  id: newId("i"),
  stakeholderId,
  kind: "cash",
  description: "",
  amount: "",
  hours: "",
  hourlyCost: "",
});

export const emptyOutcomeForm = (stakeholderId: string): OutcomeForm => ({
  id: newId("o"),
  stakeholderId,
  description: "",
  indicator: "",
  source: "",
  quantity: "",
  duration: "",
  start: "1",
  proxyName: "",
  proxyValue: "",
  proxyUnits: "1",
  proxyUnit: "",
  proxySource: "",
  proxyPriceYear: "",
  valuationMethod: "",
  proxyCurrency: "",
  exchangeRate: "",
  exchangeRateSource: "",
  activity: "",
  output: "",
  intended: "intended",
  polarity: "positive",
  justification: "",
  deadweight: "",
  displacement: "",
  attribution: "",
  dropOff: "",
});

/**
 * A typed number for the core. Text that is not a number is passed through as text on purpose: the
 * core's readers refuse it with their own "is not a number" message, naming the field, exactly as
 * a custom function would for the same cell.
 */
export function raw(text: string, lang: Lang): number | null {
  return parseTyped(text, lang) as number | null;
}

/** The discount rate the settings give, as the core will read it (may be text if mistyped). */
export function settingsRate(s: SettingsForm, lang: Lang): number | null {
  if (s.preset === "greenBook" || s.preset === "franceStrategie") return PRESET_RATES[s.preset];
  if (s.preset === "lowRate") {
    const premium = parseTyped(s.riskPremium, lang);
    if (typeof premium === "string") return premium as unknown as number;
    // Through Decimal so that 1.5 % + 2 % is exactly 0.035.
    return new Decimal(PRESET_RATES.lowRate).plus(premium ?? 0).toNumber();
  }
  return raw(s.rate, lang);
}

export function toSettings(s: SettingsForm, lang: Lang): AssessmentSettings {
  return {
    organisation: s.organisation.trim(),
    title: s.title.trim(),
    period: s.period.trim(),
    currency: s.currency.trim().toUpperCase(),
    discountRate: settingsRate(s, lang) as number,
    discountYear1: s.discountYear1,
    yearsShown: raw(s.yearsShown, lang) as number,
    language: s.language,
    portable: s.portable,
    // blank: the period's first year, written out so the sheet shows it
    priceYear: s.priceYear.trim() === "" ? defaultPriceYear(s.period) : raw(s.priceYear, lang),
    priceIndex: s.priceIndex,
    assessmentType: s.assessmentType,
    scope: s.scope.trim(),
    purpose: s.purpose.trim(),
    audience: s.audience.trim(),
  };
}

export function toStakeholder(s: StakeholderForm, lang: Lang): Stakeholder {
  const size = parseTyped(s.groupSize, lang);
  return { name: s.name.trim(), groupSize: typeof size === "number" ? size : null, involvement: s.involvement.trim() };
}

/** Names by stakeholder id; `fixed` are the names already in the workbook (continue mode). */
export type StakeholderNames = Map<string, string>;

export function stakeholderNames(stakeholders: StakeholderForm[], fixed: string[] = []): StakeholderNames {
  const names: StakeholderNames = new Map(fixed.map((n, k) => [existingId(k), n]));
  for (const s of stakeholders) names.set(s.id, s.name.trim());
  return names;
}

/** The id of the k-th stakeholder already in the workbook. */
export const existingId = (k: number): string => `existing${k}`;

export function toInput(i: InputForm, names: StakeholderNames, lang: Lang): Input {
  const time = i.kind === "time";
  return {
    stakeholder: names.get(i.stakeholderId) ?? "",
    kind: i.kind,
    description: i.description.trim(),
    amount: time ? null : raw(i.amount, lang),
    hours: time ? raw(i.hours, lang) : null,
    hourlyCost: time ? raw(i.hourlyCost, lang) : null,
  };
}

export function toOutcome(o: OutcomeForm, names: StakeholderNames, lang: Lang): Outcome {
  return {
    stakeholder: names.get(o.stakeholderId) ?? "",
    description: o.description.trim(),
    indicator: o.indicator.trim(),
    source: o.source.trim(),
    quantity: raw(o.quantity, lang),
    duration: raw(o.duration, lang),
    start: Number(o.start),
    proxyName: o.proxyName.trim(),
    proxyValue: raw(o.proxyValue, lang),
    proxyUnits: raw(o.proxyUnits, lang),
    proxyUnit: o.proxyUnit.trim(),
    proxySource: o.proxySource.trim(),
    proxyPriceYear: raw(o.proxyPriceYear, lang),
    valuationMethod: o.valuationMethod,
    proxyCurrency: o.proxyCurrency.trim().toUpperCase(),
    exchangeRate: raw(o.exchangeRate, lang),
    exchangeRateSource: o.exchangeRateSource.trim(),
    activity: o.activity.trim(),
    output: o.output.trim(),
    intended: o.intended,
    polarity: o.polarity,
    justification: o.justification.trim(),
    deadweight: raw(o.deadweight, lang),
    displacement: raw(o.displacement, lang),
    attribution: raw(o.attribution, lang),
    dropOff: raw(o.dropOff, lang),
  };
}

/** Is an input row untouched (nothing typed)? Such rows are left out of the workbook. */
export const isEmptyInput = (i: InputForm): boolean =>
  [i.description, i.amount, i.hours, i.hourlyCost].every((v) => v.trim() === "");

export const isEmptyOutcomeForm = (o: OutcomeForm): boolean =>
  [o.description, o.indicator, o.source, o.quantity, o.duration, o.proxyName, o.proxyValue, o.proxySource, o.deadweight, o.displacement, o.attribution, o.dropOff].every(
    (v) => v.trim() === "",
  );

export function toAssessment(form: SetupForm, lang: Lang): Assessment {
  const names = stakeholderNames(form.stakeholders);
  return {
    settings: toSettings(form.settings, lang),
    stakeholders: form.stakeholders.filter((s) => s.name.trim() !== "").map((s) => toStakeholder(s, lang)),
    inputs: form.inputs.filter((i) => !isEmptyInput(i)).map((i) => toInput(i, names, lang)),
    outcomes: form.outcomes.filter((o) => !isEmptyOutcomeForm(o)).map((o) => toOutcome(o, names, lang)),
    exclusions: (form.exclusions ?? []).map((x) => ({ item: x.item.trim(), reason: x.reason.trim() })).filter((x) => x.item !== "" || x.reason !== ""),
  };
}

/** The part of the form a stakeholder's removal touches: the stakeholder and the rows entered for it. */
export type StakeholderRows = Pick<SetupForm, "stakeholders" | "inputs" | "outcomes">;

/** What removing a stakeholder took away, each row with its place in its list, so Undo puts it all back. */
export interface RemovedStakeholder {
  stakeholder: { row: StakeholderForm; at: number };
  inputs: { row: InputForm; at: number }[];
  outcomes: { row: OutcomeForm; at: number }[];
}

/** How many inputs and outcomes with something typed in them belong to a stakeholder (untouched cards do not count). */
export function attachedTo(rows: StakeholderRows, stakeholderId: string): { inputs: number; outcomes: number } {
  return {
    inputs: rows.inputs.filter((i) => i.stakeholderId === stakeholderId && !isEmptyInput(i)).length,
    outcomes: rows.outcomes.filter((o) => o.stakeholderId === stakeholderId && !isEmptyOutcomeForm(o)).length,
  };
}

/** Removes a stakeholder with its inputs and outcomes (nothing is left orphaned), and says what went where. */
export function removeStakeholder(rows: StakeholderRows, stakeholderId: string): { rows: StakeholderRows; removed: RemovedStakeholder | null } {
  const at = rows.stakeholders.findIndex((s) => s.id === stakeholderId);
  if (at < 0) return { rows, removed: null };
  const placed = <T>(list: T[], mine: (x: T) => boolean) => list.flatMap((row, k) => (mine(row) ? [{ row, at: k }] : []));
  const removed: RemovedStakeholder = {
    stakeholder: { row: rows.stakeholders[at], at },
    inputs: placed(rows.inputs, (i) => i.stakeholderId === stakeholderId),
    outcomes: placed(rows.outcomes, (o) => o.stakeholderId === stakeholderId),
  };
  return {
    rows: {
      stakeholders: rows.stakeholders.filter((s) => s.id !== stakeholderId),
      inputs: rows.inputs.filter((i) => i.stakeholderId !== stakeholderId),
      outcomes: rows.outcomes.filter((o) => o.stakeholderId !== stakeholderId),
    },
    removed,
  };
}

/** Puts back what removeStakeholder took, each row at its former place (or at the end, if the list got shorter since). */
export function restoreStakeholder(rows: StakeholderRows, removed: RemovedStakeholder): StakeholderRows {
  // Ascending places: each row goes back in front of the rows that were after it.
  const put = <T>(list: T[], back: { row: T; at: number }[]) => {
    const out = [...list];
    for (const { row, at } of back) out.splice(Math.min(at, out.length), 0, row);
    return out;
  };
  return {
    stakeholders: put(rows.stakeholders, [removed.stakeholder]),
    inputs: put(rows.inputs, removed.inputs),
    outcomes: put(rows.outcomes, removed.outcomes),
  };
}
