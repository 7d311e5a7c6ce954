/**
 * Every table of an assessment's workbook, declared once. A column says here, and only here: its
 * stable key, its header in English and French, its stage of the SROI guide, its width, format and
 * validation (with the message a user reads), its formula in live and portable workbooks, and how
 * its cells go back into the model (from a workbook and from JSON). The layout builder, the stage
 * headers, the workbook reader, the CLI's JSON reader and pointers, and the tests' cell addresses
 * are all derived from these lists: adding a column is one entry here.
 *
 * Headers avoid [ ] # and ' so that structured references to them never need escaping.
 */
import type { Assessment, AssessmentSettings, AssessmentType, Exclusion, Field as CoreField, Input, InputKind, Lang, Outcome, OutcomeIntent, OutcomePolarity, Stakeholder } from "../sroi";
import { ASSESSMENT_TYPES, MAX_YEARS, OUTCOME_INTENTS, distinctStakeholders, OUTCOME_POLARITIES } from "../sroi";
import { METHOD_LABELS } from "../proxies/vocabulary";
import { VALUATION_METHODS } from "../proxies/types";
import { DEFAULT_PRICE_INDEX, priceIndices } from "../proxies/cpi";
import { cellAddress } from "./a1";
import type { LayoutNames, NameKey, TableKey } from "./names";
import type { Format, SheetKey, Validation } from "./types";

export type Words = Readonly<Record<Lang, string>>;

/** The stages of the SROI guide's impact map (method §7); stage 2 lives on the Inputs sheet. */
export type Stage = 1 | 2 | 3 | 4 | 5;

/** What a formula or a validation needs: the actual table and defined names, and the sheet's language. */
export interface Context {
  lang: Lang;
  names: LayoutNames;
  /** native functions only (the closed form of the method), recomputable without the add-in */
  portable: boolean;
}

/**
 * How a data cell goes back into the model.
 * - text: free text, kept as typed ("" for a blank)
 * - name: a name (stakeholder), compared trimmed
 * - estimate: a number the core's readers judge; the raw cell is kept so that text in Quantity is the
 *   core's error to name, with the core's message
 * - number: a number or a blank; text is refused here (amounts, number in group)
 * - inputKind: cash / in kind / time, as either language writes it
 * - method: a valuation method, as either language writes it (OUTCOME_METHODS); its key in the model
 * - choice: one of the column's `choices`, shown in the sheet's language, read back from either
 *   (or its key); a blank reads as the JSON fallback
 */
export type ValueKind = "text" | "name" | "estimate" | "number" | "inputKind" | "method" | "choice";

/**
 * A closed list the model holds as keys ("evaluative") and the sheet shows in its language
 * (« évaluative »). Readers take either language's label, the key, or an alias, without regard to
 * case or accents.
 */
export interface Choices<K extends string = string> {
  keys: readonly K[];
  labels: Readonly<Record<Lang, Readonly<Record<K, string>>>>;
  /** other spellings people write, read back as the key (French masculine forms: « évaluatif ») */
  aliases?: Readonly<Record<string, K>>;
}

/** Forecast or evaluative (the settings' assessment type). */
export const ASSESSMENT_TYPE_CHOICES: Choices<AssessmentType> = {
  keys: ASSESSMENT_TYPES,
  labels: { en: { forecast: "forecast", evaluative: "evaluative" }, fr: { forecast: "prévisionnelle", evaluative: "évaluative" } },
  aliases: { previsionnel: "forecast", forecasting: "forecast", evaluatif: "evaluative", evaluation: "evaluative" },
};
/** Intended or unintended (an outcome: did the activity set out to make this change?). */
export const INTENT_CHOICES: Choices<OutcomeIntent> = {
  keys: OUTCOME_INTENTS,
  labels: { en: { intended: "intended", unintended: "unintended" }, fr: { intended: "attendu", unintended: "inattendu" } },
  aliases: { attendue: "intended", inattendue: "unintended", voulu: "intended", "non voulu": "unintended", prevu: "intended", imprevu: "unintended" },
};
/** Positive or negative (an outcome: a change for the better or the worse). */
export const POLARITY_CHOICES: Choices<OutcomePolarity> = {
  keys: OUTCOME_POLARITIES,
  // (the French feminine « positive », « négative » fold to the English labels)
  labels: { en: { positive: "positive", negative: "negative" }, fr: { positive: "positif", negative: "négatif" } },
};

/** JSON: the property's type (docs/assessment.schema.json) and the value used when it is left out. */
export interface JsonProperty {
  type: "string" | "numberOrNull" | "number" | "boolean" | "integer";
  required?: boolean;
  fallback: unknown;
  oneOf?: readonly (string | number)[];
}

interface ColumnBase<K extends string> {
  key: K;
  header: Words;
  stage?: Stage;
  /** width in characters */
  width: number;
  format: Format;
  /** a hint shown with the header where the writer can (a note) */
  note?: Words;
  /** long free text: the cells wrap within the column instead of running over the next one */
  wrap?: boolean;
  /**
   * Headers an earlier layout wrote for this column (« Érosion » before « Décroissance »): the
   * readers still find the column by them in existing workbooks; new sheets get `header`.
   */
  formerHeaders?: readonly string[];
}

/** A column a person types into; its key is the model's property of the same name. */
export interface DataColumn<K extends string = string> extends ColumnBase<K> {
  kind: "data";
  value: ValueKind;
  json: JsonProperty;
  /** the core's Field whose problems belong in this column (the core names fields, not columns) */
  field?: CoreField;
  /**
   * Readers do without it: a column added by a later layout (older workbooks lack it, and read as its
   * JSON fallback), or one only people read (a setting's label).
   */
  optional?: boolean;
  validation?: (c: Context) => Validation;
  /** value "choice": the list the cell takes */
  choices?: Choices;
}

/** A calculated column: the same formula on every row (table-relative structured references). */
export interface CalculatedColumn<K extends string = string> extends ColumnBase<K> {
  kind: "calculated";
  formula: (c: Context) => string;
}

export type ColumnSpec<K extends string = string> = DataColumn<K> | CalculatedColumn<K>;

export interface TableSchema<K extends string = string> {
  table: TableKey;
  sheet: SheetKey;
  /** top-left cell of the header row, 0-based */
  row: number;
  column: number;
  columns: readonly ColumnSpec<K>[];
}

// ---- references, as Excel stores them in files (Table[[#This Row],[Column]]) ----------------------

export const thisRowRef = (table: string, header: string): string => `${table}[[#This Row],[${header}]]`;
export const columnRef = (table: string, header: string): string => `${table}[${header}]`;

/** The header of a column of a table, in a language. */
export function header<K extends string>(schema: TableSchema<K>, key: K, lang: Lang): string {
  const c = schema.columns.find((x) => x.key === key);
  if (!c) throw new Error(`table ${schema.table} has no column ${key}`);
  return c.header[lang];
}

/** `Table[[#This Row],[Header]]` for a column of this schema. */
export const rowOf = <K extends string>(schema: TableSchema<K>, c: Context, key: K): string =>
  thisRowRef(c.names.tables[schema.table], header(schema, key, c.lang));
/** `Table[Header]`: the whole column. */
export const wholeOf = <K extends string>(schema: TableSchema<K>, c: Context, key: K): string =>
  columnRef(c.names.tables[schema.table], header(schema, key, c.lang));

/** The price years a proxy's price-year cell accepts. */
export const MIN_PRICE_YEAR = 1900;
export const MAX_PRICE_YEAR = 2100;

// ---- validations: kinds of input, with the message a person reads when a value is refused ---------

const MESSAGES = {
  percent: { en: "Enter a share between 0 % and 100 % (25 % or 0.25).", fr: "Saisissez une part entre 0 % et 100 % (25 % ou 0,25)." },
  quantity: { en: "Enter a number of people or units, zero or more.", fr: "Saisissez un nombre de personnes ou d'unités, positif ou nul." },
  duration: { en: `Enter a whole number of years (0 to ${MAX_YEARS}).`, fr: `Saisissez un nombre entier d'années (0 à ${MAX_YEARS}).` },
  start: { en: "Enter 1 (starts during the activity) or 2 (starts the period after).", fr: "Saisissez 1 (pendant l'activité) ou 2 (la période suivante)." },
  number: { en: "Enter a number.", fr: "Saisissez un nombre." },
  stakeholder: { en: "Choose a stakeholder from the Stakeholders sheet.", fr: "Choisissez une partie prenante de la feuille Parties prenantes." },
  kind: { en: "Choose cash, in kind or time.", fr: "Choisissez numéraire, en nature ou temps." },
  rate: { en: "Enter a rate above −100 % and up to 100 % (3.5 % or 0.035).", fr: "Saisissez un taux supérieur à −100 % et jusqu'à 100 % (3,5 % ou 0,035)." },
  years: { en: `Enter a whole number of years from 1 to ${MAX_YEARS}.`, fr: `Saisissez un nombre entier d'années de 1 à ${MAX_YEARS}.` },
  units: {
    en: "Enter how many units of the proxy one person's change is worth, zero or more (8 for a monthly proxy over 8 months); blank is 1.",
    fr: "Saisissez combien d'unités du proxy vaut le changement d'une personne, positif ou nul (8 pour un proxy mensuel sur 8 mois)\u00a0; vide vaut 1.",
  },
  priceYear: {
    en: `Enter the year whose prices the proxy value is in (${MIN_PRICE_YEAR} to ${MAX_PRICE_YEAR}).`,
    fr: `Saisissez l'année dont les prix sont ceux de la valeur du proxy (${MIN_PRICE_YEAR} à ${MAX_PRICE_YEAR}).`,
  },
  priceIndex: {
    en: `Choose the consumer-price index proxies are revalued with: ${priceIndices().join(", ")}.`,
    fr: `Choisissez l'indice des prix à la consommation qui revalorise les proxys\u00a0: ${priceIndices().join(", ")}.`,
  },
  exchangeRate: {
    en: "Enter the exchange rate used: units of the assessment's currency for one unit of the proxy's currency (1.17 for 1 GBP = 1.17 EUR).",
    fr: "Saisissez le taux de change utilisé\u00a0: unités de la devise de l'évaluation pour une unité de la devise du proxy (1,17 pour 1\u00a0GBP = 1,17\u00a0EUR).",
  },
  method: {
    en: "Choose additional income, cost saved, market equivalent, value game, wellbeing valuation or other.",
    fr: "Choisissez revenu supplémentaire, coût évité, équivalent marché, jeu de la valeur, valorisation du bien-être ou autre.",
  },
} as const satisfies Record<string, Words>;

/** "Choose forecast or evaluative." / « Choisissez prévisionnelle ou évaluative. » */
function chooseMessage(choices: Choices, lang: Lang): string {
  const labels = choices.keys.map((k) => choices.labels[lang][k]);
  const list = labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} ${lang === "fr" ? "ou" : "or"} ${labels[labels.length - 1]}`;
  return `${lang === "fr" ? "Choisissez" : "Choose"} ${list}.`;
}

/** A list validation of a closed list, in the sheet's language. */
export const choiceValidation =
  (choices: Choices) =>
  (c: Context): Validation => ({ kind: "list", items: choices.keys.map((k) => choices.labels[c.lang][k]), message: chooseMessage(choices, c.lang) });

export const VALIDATIONS = {
  percent: (c: Context): Validation => ({ kind: "decimal", min: 0, max: 1, message: MESSAGES.percent[c.lang] }),
  quantity: (c: Context): Validation => ({ kind: "decimal", min: 0, message: MESSAGES.quantity[c.lang] }),
  duration: (c: Context): Validation => ({ kind: "whole", min: 0, max: MAX_YEARS, message: MESSAGES.duration[c.lang] }),
  start: (c: Context): Validation => ({ kind: "whole", min: 1, max: 2, message: MESSAGES.start[c.lang] }),
  number: (c: Context): Validation => ({ kind: "decimal", message: MESSAGES.number[c.lang] }),
  positive: (c: Context): Validation => ({ kind: "decimal", min: 0, message: MESSAGES.number[c.lang] }),
  wholePositive: (c: Context): Validation => ({ kind: "whole", min: 1, message: MESSAGES.number[c.lang] }),
  rate: (c: Context): Validation => ({ kind: "decimal", min: -0.9999, max: 1, message: MESSAGES.rate[c.lang] }),
  years: (c: Context): Validation => ({ kind: "whole", min: 1, max: MAX_YEARS, message: MESSAGES.years[c.lang] }),
  stakeholder: (c: Context): Validation => ({
    kind: "listFormula",
    source: `=INDIRECT("${wholeOf(STAKEHOLDERS, c, "name")}")`,
    message: MESSAGES.stakeholder[c.lang],
  }),
  inputKind: (c: Context): Validation => ({ kind: "list", items: Object.values(INPUT_KINDS[c.lang]), message: MESSAGES.kind[c.lang] }),
  units: (c: Context): Validation => ({ kind: "decimal", min: 0, message: MESSAGES.units[c.lang] }),
  priceYear: (c: Context): Validation => ({ kind: "whole", min: MIN_PRICE_YEAR, max: MAX_PRICE_YEAR, message: MESSAGES.priceYear[c.lang] }),
  method: (c: Context): Validation => ({ kind: "list", items: Object.values(OUTCOME_METHODS[c.lang]), message: MESSAGES.method[c.lang] }),
  priceIndex: (c: Context): Validation => ({ kind: "list", items: priceIndices(), message: MESSAGES.priceIndex[c.lang] }),
  exchangeRate: (c: Context): Validation => ({ kind: "decimal", min: 0, message: MESSAGES.exchangeRate[c.lang] }),
};

/** Input kinds as the sheet shows them; the value formula does not depend on them. */
export const INPUT_KINDS: Record<Lang, Record<InputKind, string>> = {
  en: { cash: "cash", inKind: "in kind", time: "time" },
  fr: { cash: "numéraire", inKind: "en nature", time: "temps" },
};

/**
 * How an outcome was valued (the evidence of its proxy): the proxies' own valuation methods
 * (src/proxies/vocabulary.ts, so that "Use this proxy" writes the proxy's method as it is), or
 * "other". The model and the JSON hold the key; the sheet shows the label of its language.
 */
export const OUTCOME_METHOD_KEYS = [...VALUATION_METHODS, "other"] as const;
export type OutcomeMethod = (typeof OUTCOME_METHOD_KEYS)[number];
export const OUTCOME_METHODS: Record<Lang, Record<OutcomeMethod, string>> = {
  en: { ...METHOD_LABELS.en, other: "Other" },
  fr: { ...METHOD_LABELS.fr, other: "Autre" },
};

// ---- the tables -----------------------------------------------------------------------------------

/** A free-text column: its cells wrap, so a long name or description prints whole. */
const text = (key: string, header: Words, width: number, more: Partial<DataColumn> = {}) =>
  ({ kind: "data", key, header, width, format: "text", value: "text", wrap: true, json: { type: "string", fallback: "" }, ...more }) as const;

export type StakeholderKey = keyof Stakeholder;
export const STAKEHOLDERS: TableSchema<StakeholderKey> = {
  table: "stakeholders",
  sheet: "stakeholders",
  row: 2,
  column: 0,
  columns: [
    { ...text("name", { en: "Stakeholder", fr: "Partie prenante" }, 30), value: "name", json: { type: "string", required: true, fallback: "" } },
    {
      kind: "data",
      key: "groupSize",
      header: { en: "Number in group", fr: "Effectif du groupe" },
      width: 16,
      format: "integer",
      value: "number",
      field: "quantity",
      json: { type: "numberOrNull", fallback: null },
      validation: VALIDATIONS.positive,
    },
    {
      ...text("involvement", { en: "How involved", fr: "Implication" }, 50),
      note: {
        en: "How the group was involved in the analysis: interviews, survey, workshop, who and how many.",
        fr: "Comment le groupe a été impliqué dans l'analyse\u00a0: entretiens, enquête, atelier, qui et combien.",
      },
    },
  ] as ColumnSpec<StakeholderKey>[],
};

export type ExclusionKey = keyof Exclusion;
/**
 * What was left out of the analysis and why (stages 1 and 3: "include only what is material"), on
 * the Stakeholders sheet, right of the stakeholders, so that both tables grow downwards. Added in a
 * later layout: a workbook without the table reads as no exclusions.
 */
export const EXCLUSIONS: TableSchema<ExclusionKey> = {
  table: "exclusions",
  sheet: "stakeholders",
  row: STAKEHOLDERS.row,
  column: STAKEHOLDERS.column + STAKEHOLDERS.columns.length + 1,
  columns: [
    { ...text("item", { en: "Left out (stakeholder or outcome)", fr: "Exclu (partie prenante ou effet)" }, 34), json: { type: "string", required: true, fallback: "" } },
    text("reason", { en: "Why it was left out", fr: "Pourquoi il est exclu" }, 60),
  ] as ColumnSpec<ExclusionKey>[],
};

/** A number of an input row (amount, hours, hourly cost): blank or a number, its problems under "inputs". */
const inputNumber = (key: keyof Input, header: Words, width: number, format: Format, validation: (c: Context) => Validation): DataColumn<InputKey> => ({
  kind: "data",
  key,
  header,
  width,
  format,
  value: "number",
  field: "inputs",
  json: { type: "numberOrNull", fallback: null },
  validation,
});

export type InputKey = keyof Input | "value";
export const INPUTS: TableSchema<InputKey> = {
  table: "inputs",
  sheet: "inputs",
  row: 3,
  column: 0,
  columns: [
    {
      ...text("stakeholder", { en: "Stakeholder", fr: "Partie prenante" }, 24),
      value: "name",
      json: { type: "string", required: true, fallback: "" },
      validation: VALIDATIONS.stakeholder,
    },
    {
      ...text("kind", { en: "Kind", fr: "Nature" }, 12),
      value: "inputKind",
      json: { type: "string", required: true, fallback: "cash", oneOf: ["cash", "inKind", "time"] },
      validation: VALIDATIONS.inputKind,
    },
    text("description", { en: "Description", fr: "Description" }, 40),
    inputNumber("amount", { en: "Amount", fr: "Montant" }, 14, "money", VALIDATIONS.number),
    inputNumber("hours", { en: "Hours", fr: "Heures" }, 10, "number", VALIDATIONS.positive),
    inputNumber("hourlyCost", { en: "Hourly cost", fr: "Coût horaire" }, 12, "money", VALIDATIONS.positive),
    {
      kind: "calculated",
      key: "value",
      header: { en: "Value", fr: "Valeur" },
      width: 14,
      format: "money",
      // Value = Amount + Hours × Hourly cost: the core's inputValue, independent of the Kind text.
      formula: (c) => `=N(${rowOf(INPUTS, c, "amount")})+N(${rowOf(INPUTS, c, "hours")})*N(${rowOf(INPUTS, c, "hourlyCost")})`,
    },
  ] as ColumnSpec<InputKey>[],
};

const estimate = (
  key: keyof Outcome,
  header: Words,
  stage: Stage,
  width: number,
  format: Format,
  field: CoreField,
  validation: (c: Context) => Validation,
  json: JsonProperty = { type: "numberOrNull", fallback: null },
): DataColumn<OutcomeKey> => ({ kind: "data", key, header, stage, width, format, value: "estimate", field, validation, json });

/** An optional column of a closed list (intended or unintended…), its first key the fallback. */
const choice = (key: keyof Outcome, header: Words, stage: Stage, width: number, field: CoreField, choices: Choices): DataColumn<OutcomeKey> => ({
  kind: "data",
  key,
  header,
  stage,
  width,
  format: "text",
  value: "choice",
  choices,
  field,
  optional: true,
  json: { type: "string", fallback: choices.keys[0], oneOf: choices.keys },
  validation: choiceValidation(choices),
});

export type OutcomeKey = keyof Outcome | "impact" | "presentValue";
/** The impact map, in the practitioners' column order (method §7): stage 1, 3, 4, then value. */
export const OUTCOMES: TableSchema<OutcomeKey> = {
  table: "outcomes",
  sheet: "impactMap",
  row: 3,
  column: 0,
  columns: [
    {
      ...text("stakeholder", { en: "Stakeholder", fr: "Partie prenante" }, 20),
      stage: 1,
      value: "name",
      json: { type: "string", required: true, fallback: "" },
      validation: VALIDATIONS.stakeholder,
    },
    // Stages 1–2 as the practitioners' impact map shows them (stakeholder, intended or unintended
    // change, then the activity and its output), before the outcome; added in a later layout, so
    // older workbooks read as intended, blank activity and output, positive.
    choice("intended", { en: "Intended or unintended", fr: "Attendu ou inattendu" }, 1, 13, "intended", INTENT_CHOICES),
    { ...text("activity", { en: "Activity", fr: "Activité" }, 24), stage: 2, optional: true },
    { ...text("output", { en: "Output", fr: "Réalisation" }, 22), stage: 2, optional: true },
    { ...text("description", { en: "Outcome (what changes)", fr: "Effet (ce qui change)" }, 34), stage: 3, json: { type: "string", required: true, fallback: "" } },
    choice("polarity", { en: "Positive or negative", fr: "Positif ou négatif" }, 3, 11, "polarity", POLARITY_CHOICES),
    { ...text("indicator", { en: "Indicator", fr: "Indicateur" }, 26), stage: 3 },
    { ...text("source", { en: "Indicator source", fr: "Source (indicateur)" }, 20), stage: 3 },
    estimate("quantity", { en: "Quantity", fr: "Quantité" }, 3, 10, "number", "quantity", VALIDATIONS.quantity, { type: "numberOrNull", required: true, fallback: null }),
    estimate("duration", { en: "Duration (years)", fr: "Durée (années)" }, 3, 10, "integer", "duration", VALIDATIONS.duration, { type: "numberOrNull", required: true, fallback: null }),
    // JSON: the SROI guide's default, the outcome starts in the period of the activity
    estimate("start", { en: "Starts in year", fr: "Début (année)" }, 3, 9, "integer", "start", VALIDATIONS.start, { type: "numberOrNull", fallback: 1 }),
    { ...text("proxyName", { en: "Financial proxy", fr: "Proxy financier" }, 28), stage: 3 },
    estimate("proxyValue", { en: "Proxy value", fr: "Valeur du proxy" }, 3, 13, "money", "proxy", VALIDATIONS.number, { type: "numberOrNull", required: true, fallback: null }),
    // value per person = proxy value × units (a monthly proxy over 8 months: 8); added in a later
    // layout, so an older workbook without it reads as 1, and a blank cell counts as 1
    {
      ...estimate("proxyUnits", { en: "Units per person", fr: "Unités par personne" }, 3, 11, "number", "units", VALIDATIONS.units, { type: "numberOrNull", fallback: 1 }),
      optional: true,
    },
    { ...text("proxyUnit", { en: "Proxy unit", fr: "Unité du proxy" }, 16), stage: 3, optional: true },
    { ...text("proxySource", { en: "Proxy source", fr: "Source (proxy)" }, 28), stage: 3 },
    // A proxy published in another currency: its value above is converted; these three record how.
    // Blank currency: the assessment's. `sroi compute` refuses a foreign currency without a rate.
    { ...text("proxyCurrency", { en: "Proxy currency", fr: "Devise du proxy" }, 9), stage: 3, optional: true },
    {
      kind: "data",
      key: "exchangeRate",
      header: { en: "Exchange rate", fr: "Taux de change" },
      stage: 3,
      width: 10,
      format: "number",
      value: "number",
      field: "exchangeRate",
      optional: true,
      json: { type: "numberOrNull", fallback: null },
      validation: VALIDATIONS.exchangeRate,
    },
    { ...text("exchangeRateSource", { en: "Exchange rate source", fr: "Source (taux de change)" }, 22), stage: 3, optional: true },
    {
      kind: "data",
      key: "proxyPriceYear",
      header: { en: "Proxy price year", fr: "Année de prix du proxy" },
      stage: 3,
      width: 11,
      format: "year",
      value: "number",
      field: "fromYear",
      optional: true,
      json: { type: "numberOrNull", fallback: null },
      validation: VALIDATIONS.priceYear,
    },
    {
      ...text("valuationMethod", { en: "Valuation method", fr: "Méthode de valorisation" }, 20),
      stage: 3,
      value: "method",
      optional: true,
      json: { type: "string", fallback: "", oneOf: ["", ...OUTCOME_METHOD_KEYS] },
      validation: VALIDATIONS.method,
    },
    estimate("deadweight", { en: "Deadweight", fr: "Point mort" }, 4, 11, "percent", "deadweight", VALIDATIONS.percent),
    estimate("displacement", { en: "Displacement", fr: "Déplacement" }, 4, 12, "percent", "displacement", VALIDATIONS.percent),
    estimate("attribution", { en: "Attribution", fr: "Attribution" }, 4, 11, "percent", "attribution", VALIDATIONS.percent),
    { ...estimate("dropOff", { en: "Drop-off", fr: "Décroissance" }, 4, 13, "percent", "dropOff", VALIDATIONS.percent), formerHeaders: ["Érosion"] },
    // the evidence behind the estimates of the row (issue #13: help where it is typed, and its justification)
    { ...text("justification", { en: "Evidence for the estimates", fr: "Justification des estimations" }, 30), stage: 4, optional: true },
    { kind: "calculated", key: "impact", header: { en: "Impact", fr: "Impact" }, stage: 4, width: 14, format: "money", formula: (c) => outcomeFormulas(c).impact },
    {
      kind: "calculated",
      key: "presentValue",
      header: { en: "Present value", fr: "Valeur actuelle" },
      stage: 5,
      width: 15,
      format: "money",
      formula: (c) => outcomeFormulas(c).presentValue,
    },
  ] as ColumnSpec<OutcomeKey>[],
};

/** The impact and present-value formulas of an outcome row, live (SROI.*) or portable (native only). */
export function outcomeFormulas(c: Context): { impact: string; presentValue: string } {
  const r = (k: OutcomeKey) => rowOf(OUTCOMES, c, k);
  const rate = c.names.names.rate;
  const y1 = c.names.names.discountYear1;
  // Value per person = proxy × units, a blank units cell counting as 1. Live, the proxy argument is
  // multiplied only when it is a number, so that a blank or mistyped proxy still reaches
  // SROI.NETIMPACT as it is (a blank row stays blank, text gets the function's message).
  const units = `IF(${r("proxyUnits")}="",1,${r("proxyUnits")})`;
  if (!c.portable) {
    const perPerson = `IF(COUNT(${r("proxyValue")}),${r("proxyValue")}*${units},${r("proxyValue")})`;
    return {
      impact: `=SROI.NETIMPACT(${r("quantity")},${perPerson},${r("deadweight")},${r("displacement")},${r("attribution")})`,
      presentValue: `=SROI.PV(${rate},${r("impact")},${r("duration")},${r("dropOff")},${r("start")},${y1})`,
    };
  }
  // Closed form of the method (§5): I/(1+r)^e × (1 − q^D)/(1 − q), q = (1 − d)/(1 + r); I × D/(1+r)^e when q = 1.
  const I = `N(${r("impact")})`;
  const D = `N(${r("duration")})`;
  const q = `((1-N(${r("dropOff")}))/(1+${rate}))`;
  const e = `(IF(${r("start")}=2,2,1)-IF(${y1},0,1))`;
  return {
    impact: `=IF(COUNT(${r("quantity")},${r("proxyValue")})=0,"",N(${r("quantity")})*N(${r("proxyValue")})*${units}*(1-N(${r("deadweight")}))*(1-N(${r("displacement")}))*(1-N(${r("attribution")})))`,
    presentValue: `=IF(OR(${I}=0,${D}<=0),0,${I}/(1+${rate})^${e}*IF(ABS(1-${q})<1E-12,${D},(1-${q}^${D})/(1-${q})))`,
  };
}

export type ProjectionKey = "number" | "stakeholder" | "outcome" | `year${number}`;
/** One row per outcome of the impact map, by its number; the year columns follow (yearColumns). */
export const PROJECTION: TableSchema<ProjectionKey> = {
  table: "projection",
  sheet: "projection",
  row: 10,
  column: 0,
  columns: [
    {
      kind: "data",
      key: "number",
      header: { en: "Outcome number", fr: "N° effet" },
      width: 10,
      format: "integer",
      value: "number",
      json: { type: "integer", fallback: 1 },
      validation: VALIDATIONS.wholePositive,
    },
    {
      kind: "calculated",
      key: "stakeholder",
      header: { en: "Stakeholder", fr: "Partie prenante" },
      width: 20,
      format: "text",
      wrap: true,
      formula: (c) => `=INDEX(${wholeOf(OUTCOMES, c, "stakeholder")},${rowOf(PROJECTION, c, "number")})&""`,
    },
    {
      kind: "calculated",
      key: "outcome",
      header: { en: "Outcome", fr: "Effet" },
      width: 30,
      format: "text",
      wrap: true,
      formula: (c) => `=INDEX(${wholeOf(OUTCOMES, c, "description")},${rowOf(PROJECTION, c, "number")})&""`,
    },
  ] as ColumnSpec<ProjectionKey>[],
};

const YEAR: Words = { en: "Year", fr: "Année" };
export const yearHeader = (lang: Lang, year: number): string => `${YEAR[lang]} ${year}`;

/** The formula of year t of a projection row: V(t) = I × (1 − d)^(t − s) while the outcome lasts. */
export function projectionYearFormula(c: Context, year: number): string {
  const at = (key: OutcomeKey) => `INDEX(${wholeOf(OUTCOMES, c, key)},${rowOf(PROJECTION, c, "number")})`;
  const s = `IF(${at("start")}=2,2,1)`;
  return `=IF(AND(${year}>=${s},${year}<=${s}+N(${at("duration")})-1),N(${at("impact")})*(1-N(${at("dropOff")}))^(${year}-${s}),0)`;
}

/** The year columns of the projection grid, years 1…years. */
export function yearColumns(years: number): CalculatedColumn<ProjectionKey>[] {
  return Array.from({ length: years }, (_, i) => ({
    kind: "calculated",
    key: `year${i + 1}`,
    header: { en: yearHeader("en", i + 1), fr: yearHeader("fr", i + 1) },
    width: 12,
    format: "money",
    formula: (c: Context) => projectionYearFormula(c, i + 1),
  }));
}

/**
 * A breakdown of Results: one row per label, the sum of a column of another table over its rows
 * whose matched column equals the label, and that sum's share of a total. The label is matched
 * literally (ignoring case, as Excel's = does): SUMIFS would read "<>", "A*" or ">0" as criteria;
 * SUMPRODUCT counts the text "" of blank rows as 0.
 */
function breakdownTable<L extends string, V extends string>(o: {
  table: TableKey;
  row: number;
  column: number;
  label: DataColumn<L>;
  value: { key: V; header: Words; width: number };
  /** the whole column compared with the label, and the whole column summed */
  matched: (c: Context) => string;
  summed: (c: Context) => string;
  total: NameKey;
}): TableSchema<L | V | "share"> {
  const schema: TableSchema<L | V | "share"> = {
    table: o.table,
    sheet: "results",
    row: o.row,
    column: o.column,
    columns: [
      o.label,
      {
        kind: "calculated",
        key: o.value.key,
        header: o.value.header,
        width: o.value.width,
        format: "money",
        formula: (c) => `=SUMPRODUCT(--(${o.matched(c)}=${rowOf(schema, c, o.label.key)}),${o.summed(c)})`,
      },
      {
        kind: "calculated",
        key: "share",
        header: { en: "Share", fr: "Part" },
        width: 10,
        format: "percent",
        formula: (c) => `=IF(${c.names.names[o.total]}=0,"",${rowOf(schema, c, o.value.key)}/${c.names.names[o.total]})`,
      },
    ] as ColumnSpec<L | V | "share">[],
  };
  return schema;
}

export type ValueKey = "stakeholder" | "presentValue" | "share";
/** Results: the value created for each stakeholder and its share of the total. */
export const VALUE_BY_STAKEHOLDER: TableSchema<ValueKey> = breakdownTable({
  table: "valueByStakeholder",
  row: 13,
  column: 0,
  label: { ...text("stakeholder", { en: "Stakeholder", fr: "Partie prenante" }, 38), value: "name" } as DataColumn<"stakeholder">,
  value: { key: "presentValue", header: { en: "Present value", fr: "Valeur actuelle" }, width: 18 },
  matched: (c) => wholeOf(OUTCOMES, c, "stakeholder"),
  summed: (c) => wholeOf(OUTCOMES, c, "presentValue"),
  total: "totalPV",
});

export type InputsByKindKey = "kind" | "value" | "share";
/**
 * Results: the inputs by kind (cash, in kind, time — a French RAF's « contributions volontaires en
 * nature », accounts 86/87), each with its share of all inputs: how much the activity depends on one
 * resource. Three fixed rows, the kinds as the Inputs sheet writes them in its language.
 */
export const INPUTS_BY_KIND: TableSchema<InputsByKindKey> = breakdownTable({
  table: "inputsByKind",
  // below the ratio's range (RANGE_AT, rows 3–10)
  row: 13,
  column: 4,
  label: { ...text("kind", { en: "Kind", fr: "Nature" }, 16), value: "inputKind" } as DataColumn<"kind">,
  value: { key: "value", header: { en: "Value", fr: "Valeur" }, width: 16 },
  matched: (c) => wholeOf(INPUTS, c, "kind"),
  summed: (c) => wholeOf(INPUTS, c, "value"),
  total: "totalInputs",
});

export type InputsByStakeholderKey = "stakeholder" | "value" | "share";
/** Results: the inputs each stakeholder gives, and their share of all inputs. */
export const INPUTS_BY_STAKEHOLDER: TableSchema<InputsByStakeholderKey> = breakdownTable({
  table: "inputsByStakeholder",
  row: 19,
  column: 4,
  label: { ...text("stakeholder", { en: "Stakeholder", fr: "Partie prenante" }, 16), value: "name" } as DataColumn<"stakeholder">,
  value: { key: "value", header: { en: "Value", fr: "Valeur" }, width: 16 },
  matched: (c) => wholeOf(INPUTS, c, "stakeholder"),
  summed: (c) => wholeOf(INPUTS, c, "value"),
  total: "totalInputs",
});

/**
 * The names of the value-per-stakeholder rows: the stakeholders an outcome names (one row per name as
 * the row's formula matches it, Excel's = without regard to case). A stakeholder with no outcome —
 * a funder — has no value to list: it shows among the inputs by stakeholder.
 */
export function valueStakeholders(a: Assessment): string[] {
  return distinctStakeholders(a.outcomes.map((x) => x.stakeholder).filter((s) => s.trim() !== ""));
}

/** The names of the inputs-by-stakeholder rows: every stakeholder an input names. */
export function inputStakeholders(a: Assessment): string[] {
  return distinctStakeholders(a.inputs.map((x) => x.stakeholder).filter((s) => s.trim() !== ""));
}

export type SettingsColumnKey = "key" | "setting" | "value" | "note";
/**
 * The settings table: one row per setting (SETTINGS_ROWS), found by its language-independent key. The
 * key is for readers, not people: it comes last and stays out of the printed page.
 */
export const SETTINGS: TableSchema<SettingsColumnKey> = {
  table: "settings",
  sheet: "settings",
  row: 2,
  column: 0,
  columns: [
    { ...text("setting", { en: "Setting", fr: "Paramètre" }, 36), optional: true },
    { ...text("value", { en: "Value", fr: "Valeur" }, 24), format: "general" },
    { ...text("note", { en: "Note", fr: "Note" }, 70), optional: true },
    // last, so the sheet prints without it (its print area stops before it)
    text("key", { en: "Key", fr: "Clé" }, 16),
  ] as ColumnSpec<SettingsColumnKey>[],
};

/**
 * How a setting's cell is read back: the core's readers for the rate and the years, TRUE/FALSE in
 * either language, a language code, a currency code, or text.
 */
export type SettingRead = "text" | "currency" | "language" | "rate" | "years" | "boolean" | "priceYear" | "priceIndex" | "choice" | "ignored";

export interface SettingRow {
  key: keyof AssessmentSettings | "layoutVersion";
  label: Words;
  format: Format;
  read: SettingRead;
  json: JsonProperty;
  /** the workbook-scoped defined name that points at the value cell */
  name?: NameKey;
  validation?: (c: Context) => Validation;
  note?: Words;
  /** the value written (the layout version is the builder's, not the assessment's) */
  value?: (a: Assessment) => string | number | boolean;
  /** read "choice": the list the value takes, written in the sheet's language */
  choices?: Choices;
}

/** Bumped when the layout changes in a way readers must know about. */
export const LAYOUT_VERSION = 1;

/** A setting of free text, blank by default. */
const textSetting = (key: SettingRow["key"], label: Words, note?: Words): SettingRow => ({ key, label, format: "text", read: "text", json: { type: "string", fallback: "" }, note });

export const SETTINGS_ROWS: readonly SettingRow[] = [
  { key: "organisation", label: { en: "Organisation", fr: "Organisation" }, format: "text", read: "text", json: { type: "string", fallback: "" } },
  { key: "title", label: { en: "Assessment title", fr: "Titre de l'évaluation" }, format: "text", read: "text", json: { type: "string", fallback: "" } },
  { key: "period", label: { en: "Period", fr: "Période" }, format: "text", read: "text", json: { type: "string", fallback: "" } },
  // Stage 1, the scope (added in a later layout: an older workbook reads as a forecast with no scope)
  {
    key: "assessmentType",
    label: { en: "Assessment type", fr: "Type d'évaluation" },
    format: "text",
    read: "choice",
    choices: ASSESSMENT_TYPE_CHOICES,
    validation: choiceValidation(ASSESSMENT_TYPE_CHOICES),
    json: { type: "string", fallback: "forecast", oneOf: ASSESSMENT_TYPES },
    value: (a) => ASSESSMENT_TYPE_CHOICES.labels[a.settings.language][a.settings.assessmentType ?? "forecast"] ?? String(a.settings.assessmentType),
    note: {
      en: "forecast: the value the activity is expected to create; evaluative: the value it has created, from outcomes that have happened.",
      fr: "prévisionnelle\u00a0: la valeur que l'activité devrait créer\u00a0; évaluative\u00a0: la valeur qu'elle a créée, d'après des effets constatés.",
    },
  },
  textSetting("scope", { en: "Scope", fr: "Périmètre" }, {
    en: "What the analysis covers: the activities, sites and period, and who is in it.",
    fr: "Ce que couvre l'analyse\u00a0: les activités, les sites et la période, et qui en fait partie.",
  }),
  textSetting("purpose", { en: "Purpose", fr: "Objectif" }, {
    en: "Why the analysis is made: to report to funders, to manage the activity, to decide.",
    fr: "Pourquoi l'analyse est faite\u00a0: rendre compte aux financeurs, piloter l'activité, décider.",
  }),
  textSetting("audience", { en: "Audience", fr: "Destinataires" }, {
    en: "Who the analysis is for: funders, the board, the staff, the stakeholders.",
    fr: "À qui l'analyse s'adresse\u00a0: financeurs, conseil d'administration, équipe, parties prenantes.",
  }),
  {
    key: "currency",
    label: { en: "Currency", fr: "Devise" },
    format: "text",
    read: "currency",
    name: "currency",
    json: { type: "string", required: true, fallback: "EUR" },
  },
  {
    key: "discountRate",
    label: { en: "Discount rate", fr: "Taux d'actualisation" },
    format: "percent",
    read: "rate",
    name: "rate",
    validation: VALIDATIONS.rate,
    json: { type: "number", required: true, fallback: 0.035 },
    note: {
      en: "HM Treasury Green Book: 3.5 %; France Stratégie: 3.2 % (1.2 % + 2 % risk premium); a low rate near 1.5 % plus a risk premium.",
      fr: "Green Book (Trésor britannique) : 3,5 % ; France Stratégie : 3,2 % (1,2 % + 2 % de prime de risque) ; un taux bas proche de 1,5 % plus une prime de risque.",
    },
  },
  // No list validation on TRUE/FALSE: a list holds text, and French Excel shows and takes VRAI/FAUX.
  {
    key: "discountYear1",
    label: { en: "Discount year 1", fr: "Actualiser l'année 1" },
    format: "general",
    read: "boolean",
    name: "discountYear1",
    json: { type: "boolean", fallback: true },
    note: {
      en: "TRUE: year 1 is discounted, as Excel's NPV does. FALSE: year 1 is left undiscounted.",
      fr: "VRAI : l'année 1 est actualisée, comme le fait VAN. FAUX : l'année 1 n'est pas actualisée.",
    },
  },
  {
    key: "yearsShown",
    label: { en: "Years shown in the projection", fr: "Années affichées dans la projection" },
    format: "integer",
    read: "years",
    name: "years",
    validation: VALIDATIONS.years,
    json: { type: "integer", fallback: 5 },
    value: (a) => gridYears(a.settings.yearsShown),
  },
  {
    key: "language",
    label: { en: "Language", fr: "Langue" },
    format: "text",
    read: "language",
    json: { type: "string", fallback: "en", oneOf: ["en", "fr"] },
  },
  {
    key: "portable",
    label: { en: "Portable formulas (no add-in needed)", fr: "Formules autonomes (sans complément)" },
    format: "general",
    read: "boolean",
    json: { type: "boolean", fallback: false },
    note: {
      en: "TRUE: native Excel functions only, so anyone can recompute the workbook.",
      fr: "VRAI : fonctions natives d'Excel uniquement, tout le monde peut recalculer le classeur.",
    },
  },
  {
    key: "priceYear",
    label: { en: "Price year", fr: "Année de prix" },
    format: "year",
    read: "priceYear",
    validation: VALIDATIONS.priceYear,
    json: { type: "numberOrNull", fallback: null },
    value: (a) => a.settings.priceYear ?? "",
    note: {
      en: "The year whose prices the values are in (blank: the first year of the period). Proxies of other years are revalued to it: value × index of this year ÷ index of the proxy's year.",
      fr: "L'année dont les prix sont ceux des valeurs (vide\u00a0: la première année de la période). Les proxys d'autres années y sont revalorisés\u00a0: valeur × indice de cette année ÷ indice de l'année du proxy.",
    },
  },
  {
    key: "priceIndex",
    label: { en: "Price index", fr: "Indice des prix" },
    format: "text",
    read: "priceIndex",
    validation: VALIDATIONS.priceIndex,
    json: { type: "string", fallback: DEFAULT_PRICE_INDEX },
    note: {
      en: "Consumer-price index used to revalue proxies (FR: INSEE CPI, all households). Its figures and sources: the add-in's data/cpi.csv.",
      fr: "Indice des prix à la consommation qui revalorise les proxys (FR\u00a0: IPC de l'INSEE, ensemble des ménages). Ses valeurs et sources\u00a0: data/cpi.csv du complément.",
    },
  },
  {
    key: "layoutVersion",
    label: { en: "Layout version", fr: "Version de la mise en page" },
    format: "integer",
    read: "ignored",
    json: { type: "integer", fallback: LAYOUT_VERSION },
    value: () => LAYOUT_VERSION,
    note: {
      en: "Used by the add-in and the sroi command-line tool to read this workbook.",
      fr: "Sert au complément et à l'outil en ligne de commande sroi pour lire ce classeur.",
    },
  },
];

/** The projection grid's width: the years shown, kept within what the core accepts. */
export function gridYears(yearsShown: unknown): number {
  const y = yearsShown;
  return typeof y === "number" && Number.isInteger(y) && y >= 1 && y <= MAX_YEARS ? y : 5;
}

/** A label / value of the Results sheet, with the defined name of its value cell. */
export interface ResultField {
  key: string;
  label: Words;
  format: Format;
  formula: (c: Context) => string;
  name?: NameKey;
}

export const RESULTS_AT = { row: 2, column: 0 };

export const RESULT_FIELDS: readonly ResultField[] = [
  {
    key: "totalPV",
    label: { en: "Total present value", fr: "Valeur actuelle totale" },
    format: "money",
    name: "totalPV",
    formula: (c) => `=SUM(${wholeOf(OUTCOMES, c, "presentValue")})`,
  },
  {
    key: "totalInputs",
    label: { en: "Total value of inputs", fr: "Valeur totale des contributions" },
    format: "money",
    name: "totalInputs",
    formula: (c) => `=SUM(${wholeOf(INPUTS, c, "value")})`,
  },
  {
    key: "npv",
    label: { en: "Net present value", fr: "Valeur actuelle nette" },
    format: "money",
    name: "npv",
    formula: ({ names: { names: N }, portable }) => (portable ? `=${N.totalPV}-${N.totalInputs}` : `=SROI.NPV(${N.totalPV},${N.totalInputs})`),
  },
  {
    key: "ratio",
    label: { en: "SROI ratio", fr: "Ratio SROI" },
    format: "ratio",
    name: "ratio",
    formula: ({ names: { names: N }, portable }) => (portable ? `=${N.totalPV}/${N.totalInputs}` : `=SROI.RATIO(${N.totalPV},${N.totalInputs})`),
  },
  {
    key: "netRatio",
    label: { en: "Net SROI ratio", fr: "Ratio SROI net" },
    format: "number",
    name: "netRatio",
    formula: ({ names: { names: N }, portable }) =>
      portable ? `=(${N.totalPV}-${N.totalInputs})/${N.totalInputs}` : `=SROI.NETRATIO(${N.totalPV},${N.totalInputs})`,
  },
  {
    key: "annualImpact",
    label: { en: "Annual impact (year 1, undiscounted)", fr: "Impact annuel (année 1, non actualisé)" },
    format: "money",
    name: "annualImpact",
    formula: (c) => `=SUM(${wholeOf(OUTCOMES, c, "impact")})`,
  },
  {
    key: "payback",
    label: { en: "Payback period (months)", fr: "Délai de récupération (mois)" },
    format: "months",
    name: "payback",
    // Portable: no payback when the annual impact is not positive, as SROI.PAYBACK says (never negative months).
    formula: ({ names: { names: N }, portable }) =>
      portable ? `=IF(${N.annualImpact}>0,${N.totalInputs}/(${N.annualImpact}/12),"")` : `=SROI.PAYBACK(${N.totalInputs},${N.annualImpact})`,
  },
  { key: "rate", label: { en: "Discount rate", fr: "Taux d'actualisation" }, format: "percent", formula: (c) => `=${c.names.names.rate}` },
  { key: "discountYear1", label: { en: "Year 1 discounted", fr: "Année 1 actualisée" }, format: "general", formula: (c) => `=${c.names.names.discountYear1}` },
];

// ---- derived views ----------------------------------------------------------------------------------

/** The tables an assessment's reader needs, by table key. */
export const INPUT_TABLES = { settings: SETTINGS, stakeholders: STAKEHOLDERS, inputs: INPUTS, outcomes: OUTCOMES, exclusions: EXCLUSIONS } as const;

/** Every header a column is found by: its English and French headers, then the ones it had before. */
export const headersOf = (c: ColumnSpec): string[] => [c.header.en, c.header.fr, ...(c.formerHeaders ?? [])];

export const dataColumns = <K extends string>(schema: TableSchema<K>): DataColumn<K>[] =>
  schema.columns.filter((c): c is DataColumn<K> => c.kind === "data");

/** The column a core Field's problems belong in, for an outcome (the JSON property of the same name). */
export function columnOfField<K extends string>(schema: TableSchema<K>, field: CoreField): K | undefined {
  return dataColumns(schema).find((c) => c.field === field)?.key;
}

/** Where a data cell of a table sits in a fresh layout: "E5" for the first outcome's quantity. */
export function cellOf<K extends string>(schema: TableSchema<K>, key: K, dataRow: number): string {
  const i = schema.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`table ${schema.table} has no column ${key}`);
  return cellAddress(schema.row + 1 + dataRow, schema.column + i);
}

/** The 0-based position of a column in its table. */
export function columnIndex<K extends string>(schema: TableSchema<K>, key: K): number {
  const i = schema.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`table ${schema.table} has no column ${key}`);
  return i;
}
