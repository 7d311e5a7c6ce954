/**
 * The proxies' own words in English and French: valuation methods, themes, countries, kinds. The
 * importer reads them back (a method typed in either language, with or without accents), and the
 * pane shows them; they belong to the proxy domain, not to the messages.
 */
import type { Lang } from "../sroi";
import type { ProxyColumnKey, ProxyKind, ValuationMethod } from "./types";
import { PROXY_COLUMNS } from "./types";

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


/**
 * The units a library proxy is published in (data/proxies.csv writes them in English), with the
 * French label and how many of them one person's year holds by default. The impact map values one
 * stakeholder's change over a year (method §11), so the pane asks for "units per person" and offers
 * perYear as the answer; null where no count is implied (days in hospital, hours volunteered,
 * sessions attended depend on the person). A unit typed in a workbook's own Proxies sheet or an
 * imported CSV need not be one of these: it is kept and shown as typed.
 */
export interface ProxyUnit {
  fr: string;
  perYear: number | null;
}

export const PROXY_UNITS: Readonly<Record<string, ProxyUnit>> = {
  "per year": { fr: "par an", perYear: 1 },
  "per person per year": { fr: "par personne et par an", perYear: 1 },
  "per month": { fr: "par mois", perYear: 12 },
  "per week": { fr: "par semaine", perYear: 52 },
  "per day": { fr: "par jour", perYear: null },
  "per hour": { fr: "par heure", perYear: null },
  "per training hour": { fr: "par heure de formation", perYear: null },
  "per session": { fr: "par séance", perYear: null },
  "per contact": { fr: "par contact", perYear: null },
  "per appointment": { fr: "par consultation", perYear: null },
  "per meal": { fr: "par repas", perYear: null },
  // once per person: a single payment or saving counts one unit, whatever the period
  "one-off": { fr: "ponctuel", perYear: 1 },
  "per person": { fr: "par personne", perYear: 1 },
  // "where to look" entries: each value of the source has its own unit
  varies: { fr: "selon la source", perYear: null },
};

/** The library's unit, matched as Excel matches text (case and surrounding spaces ignored). */
export function knownUnit(unit: string): ProxyUnit | undefined {
  const key = unit.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(PROXY_UNITS, key) ? PROXY_UNITS[key] : undefined;
}

/** A unit in the user's language; a unit the library does not know is shown as typed. */
export function unitLabel(unit: string, lang: Lang): string {
  return lang === "fr" ? knownUnit(unit)?.fr ?? unit : unit;
}

/** How many units one person's year holds by default (per month: 12), or null when the user must say. */
export function unitsPerYear(unit: string): number | null {
  return knownUnit(unit)?.perYear ?? null;
}
