/**
 * Everything a user reads about proxies, in English and French: valuation methods, themes,
 * countries, warnings on a proxy, and the import report. The words users may type for a method or a
 * theme (either language, with or without accents) are read back through the same tables.
 */
import type { ProxyColumnKey, ProxyKind, ValuationMethod } from "../proxies/types";
import { PROXY_COLUMNS } from "../proxies/types";
import type { Lang } from "./lang";
import { plainNumber } from "./messages";

export const METHOD_LABELS: Record<Lang, Record<ValuationMethod, string>> = {
  en: {
    "additional income": "Additional income",
    "cost saved": "Cost saved",
    "market equivalent": "Market equivalent",
    "value game": "Value game",
    "wellbeing valuation": "Wellbeing valuation",
  },
  fr: {
    "additional income": "Revenu supplémentaire",
    "cost saved": "Coût évité",
    "market equivalent": "Équivalent marché",
    "value game": "Jeu de la valeur",
    "wellbeing valuation": "Valorisation du bien-être",
  },
};

/** Other ways people write a method (folded: lower case, no accents, single spaces). */
export const METHOD_ALIASES: Record<string, ValuationMethod> = {
  "costs saved": "cost saved",
  "cost savings": "cost saved",
  "cost saving": "cost saved",
  "avoided cost": "cost saved",
  "couts evites": "cost saved",
  "cout evite ou realloue": "cost saved",
  "economie de couts": "cost saved",
  "revenu additionnel": "additional income",
  "revenus supplementaires": "additional income",
  "extra income": "additional income",
  "equivalent de marche": "market equivalent",
  "equivalent market": "market equivalent",
  "prix de marche": "market equivalent",
  "market price": "market equivalent",
  "valorisation bien-etre": "wellbeing valuation",
  "well-being valuation": "wellbeing valuation",
  "wellby": "wellbeing valuation",
  "bien-etre": "wellbeing valuation",
};

export const THEME_LABELS: Record<Lang, Record<string, string>> = {
  en: {
    employment: "Employment",
    poverty: "Poverty",
    family: "Family",
    volunteering: "Volunteering",
    health: "Health",
    "mental health": "Mental health",
    "social care": "Social care",
    "older people": "Older people",
    education: "Education",
    wellbeing: "Wellbeing",
    disability: "Disability",
    housing: "Housing",
    crime: "Crime and justice",
  },
  fr: {
    employment: "Emploi",
    poverty: "Pauvreté",
    family: "Famille",
    volunteering: "Bénévolat",
    health: "Santé",
    "mental health": "Santé mentale",
    "social care": "Action sociale",
    "older people": "Personnes âgées",
    education: "Éducation et formation",
    wellbeing: "Bien-être",
    disability: "Handicap",
    housing: "Logement",
    crime: "Délinquance et justice",
  },
};

export const COUNTRY_LABELS: Record<Lang, Record<string, string>> = {
  en: { FR: "France", BE: "Belgium", UK: "United Kingdom", INT: "International" },
  fr: { FR: "France", BE: "Belgique", UK: "Royaume-Uni", INT: "International" },
};

export const KIND_LABELS: Record<Lang, Record<ProxyKind, string>> = {
  en: { value: "Value", reference: "Where to look" },
  fr: { value: "Valeur", reference: "Où chercher" },
};

export const ORIGIN_LABELS: Record<Lang, Record<"library" | "workbook", string>> = {
  en: { library: "Library", workbook: "This workbook" },
  fr: { library: "Bibliothèque", workbook: "Ce classeur" },
};

export const methodLabel = (m: ValuationMethod | "", lang: Lang): string => (m ? METHOD_LABELS[lang][m] : "");
export const themeLabel = (key: string, lang: Lang): string => THEME_LABELS[lang][key] ?? key;
export const countryLabel = (code: string, lang: Lang): string => COUNTRY_LABELS[lang][code] ?? code;

/** The header of a column of the Proxies table, in the workbook's language. */
export function columnLabel(key: ProxyColumnKey, lang: Lang): string {
  const c = PROXY_COLUMNS.find((col) => col.key === key)!;
  return lang === "fr" ? c.fr : c.en;
}

// ---------------------------------------------------------------------------------------------
// Warnings shown next to a proxy in the task pane

export type ProxyWarning =
  /** a "where to look" entry: there is no value to use */
  | { code: "referenceOnly"; url: string }
  /** prices of more than `maxAge` years ago: adjust for inflation or find a newer figure */
  | { code: "oldPriceYear"; priceYear: number; age: number }
  | { code: "noPriceYear" }
  /** the proxy is in another currency than the assessment */
  | { code: "currencyDiffers"; currency: string; assessmentCurrency: string }
  /** neither a source nor a link: the value cannot be checked */
  | { code: "noSource" };

const WARNINGS: Record<Lang, { [C in ProxyWarning["code"]]: (w: Extract<ProxyWarning, { code: C }>) => string }> = {
  en: {
    referenceOnly: (w) => `This entry is a source to consult, not a value: look the value up at ${w.url || "its source"}.`,
    oldPriceYear: (w) => `Prices of ${w.priceYear}, ${w.age} years ago: adjust for inflation or look for a newer figure.`,
    noPriceYear: () => "No price year: the age of this value is unknown.",
    currencyDiffers: (w) => `In ${w.currency}, but the assessment is in ${w.assessmentCurrency}: convert it before use.`,
    noSource: () => "No source or link: say where this value comes from.",
  },
  fr: {
    referenceOnly: (w) => `Cette entrée indique une source à consulter, pas une valeur : cherchez la valeur sur ${w.url || "sa source"}.`,
    oldPriceYear: (w) => `Prix de ${w.priceYear}, il y a ${w.age} ans : actualisez-les selon l'inflation ou cherchez un chiffre plus récent.`,
    noPriceYear: () => "Pas d'année des prix : l'âge de cette valeur est inconnu.",
    currencyDiffers: (w) => `En ${w.currency}, alors que l'évaluation est en ${w.assessmentCurrency} : convertissez-la avant usage.`,
    noSource: () => "Ni source ni lien : indiquez d'où vient cette valeur.",
  },
};

export function describeProxyWarning(w: ProxyWarning, lang: Lang): string {
  return (WARNINGS[lang][w.code] as (w: ProxyWarning) => string)(w);
}

// ---------------------------------------------------------------------------------------------
// Import report

export type ImportProblemCode =
  | "missingId"
  | "missingName"
  | "missingValue"
  | "notANumber"
  | "notAYear"
  | "unknownMethod"
  | "missingCurrency"
  | "invalidCurrency"
  | "unknownKind"
  | "referenceWithValue"
  | "referenceWithoutLink"
  | "duplicateId"
  | "malformedRow";

/** One reason a row was refused: where (row as the user counts it, column) and why. */
export interface ImportProblem {
  code: ImportProblemCode;
  /** 1-based row as the user sees it: the header is row 1 of a file (or the range's first row) */
  row: number;
  column?: ProxyColumnKey;
  /** the column's header as written in the file, for the message */
  header?: string;
  /** the offending cell, as read */
  value?: string | number | boolean | null;
  /** for duplicateId: the row where the id first appears */
  firstRow?: number;
}

export type FileProblemCode = "empty" | "missingColumn";
export interface FileProblem {
  code: FileProblemCode;
  column?: ProxyColumnKey;
}

type ProblemRender = (p: ImportProblem, v: string) => string;

const PROBLEMS: Record<Lang, Record<ImportProblemCode, ProblemRender>> = {
  en: {
    missingId: () => "the id is missing.",
    missingName: () => "the name is missing (give it in English or in French).",
    missingValue: () => "the value is missing (leave it blank only for a \"reference\" entry).",
    notANumber: (_p, v) => `${v} is not a number.`,
    notAYear: (_p, v) => `${v} is not a year (such as 2025).`,
    unknownMethod: (_p, v) =>
      `${v} is not a valuation method; use additional income, cost saved, market equivalent, value game or wellbeing valuation.`,
    missingCurrency: () => "the currency is missing (an ISO code such as EUR or GBP).",
    invalidCurrency: (_p, v) => `${v} is not a currency code (three letters such as EUR or GBP).`,
    unknownKind: (_p, v) => `${v} is neither "value" nor "reference".`,
    referenceWithValue: () => "a \"reference\" entry points to a source and has no value; remove the value or make it a \"value\" entry.",
    referenceWithoutLink: () => "a \"reference\" entry needs a link or a source saying where to look.",
    duplicateId: (p, v) => `the id ${v} is already used on row ${p.firstRow}.`,
    malformedRow: () => "the row cannot be read (a quote is not closed, or there are more cells than headers).",
  },
  fr: {
    missingId: () => "l'identifiant manque.",
    missingName: () => "le nom manque (en français ou en anglais).",
    missingValue: () => "la valeur manque (ne la laissez vide que pour une entrée « référence »).",
    notANumber: (_p, v) => `${v} n'est pas un nombre.`,
    notAYear: (_p, v) => `${v} n'est pas une année (comme 2025).`,
    unknownMethod: (_p, v) =>
      `${v} n'est pas une méthode de valorisation ; utilisez revenu supplémentaire, coût évité, équivalent marché, jeu de la valeur ou valorisation du bien-être.`,
    missingCurrency: () => "la devise manque (un code ISO comme EUR ou GBP).",
    invalidCurrency: (_p, v) => `${v} n'est pas un code de devise (trois lettres comme EUR ou GBP).`,
    unknownKind: (_p, v) => `${v} n'est ni « valeur » ni « référence ».`,
    referenceWithValue: () =>
      "une entrée « référence » renvoie à une source et n'a pas de valeur ; retirez la valeur ou faites-en une entrée « valeur ».",
    referenceWithoutLink: () => "une entrée « référence » doit avoir un lien ou une source qui dit où chercher.",
    duplicateId: (p, v) => `l'identifiant ${v} est déjà utilisé à la ligne ${p.firstRow}.`,
    malformedRow: () => "la ligne est illisible (un guillemet n'est pas fermé, ou il y a plus de cellules que d'en-têtes).",
  },
};

function quoted(value: ImportProblem["value"], lang: Lang): string {
  if (value === null || value === undefined || value === "") return lang === "fr" ? "(vide)" : "(blank)";
  if (typeof value === "number") return plainNumber(value, lang);
  if (typeof value === "boolean") return lang === "fr" ? (value ? "VRAI" : "FAUX") : value ? "TRUE" : "FALSE";
  return lang === "fr" ? `« ${value} »` : `"${value}"`;
}

/** "Row 5, Value: "abc" is not a number." / "Ligne 5, Valeur : « abc » n'est pas un nombre." */
export function describeImportProblem(p: ImportProblem, lang: Lang): string {
  const at = [`${lang === "fr" ? "Ligne" : "Row"} ${p.row}`];
  if (p.column) at.push(p.header || columnLabel(p.column, lang));
  const colon = lang === "fr" ? " : " : ": ";
  return at.join(", ") + colon + PROBLEMS[lang][p.code](p, quoted(p.value, lang));
}

export function describeFileProblem(p: FileProblem, lang: Lang): string {
  if (p.code === "empty") {
    return lang === "fr" ? "Le fichier ne contient ni en-têtes ni lignes de proxies." : "The file has no header row or no proxy rows.";
  }
  const column = columnLabel(p.column!, lang);
  const key = p.column === "name_en" ? "name_en / name_fr" : p.column;
  return lang === "fr"
    ? `Colonne « ${column} » (${key}) introuvable dans la ligne d'en-têtes : aucune ligne n'est importée.`
    : `No "${column}" column (${key}) in the header row: no row is imported.`;
}

/** A text that Excel would take for a formula: it is kept as text, and the writer must keep it so. */
export function describeKeptAsText(p: { row: number; column: ProxyColumnKey; text: string }, lang: Lang): string {
  const column = columnLabel(p.column, lang);
  return lang === "fr"
    ? `Ligne ${p.row}, ${column} : « ${p.text} » commence comme une formule ; elle est gardée comme texte.`
    : `Row ${p.row}, ${column}: "${p.text}" starts like a formula; it is kept as text.`;
}
