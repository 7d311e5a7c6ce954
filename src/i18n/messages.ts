/**
 * Every message the core's issues turn into, in English and French, gathered in one place: the one
 * renderer of the core's problems, for the custom functions, the task pane and the command-line tool.
 */
import { Decimal } from "../sroi";
import type { Field, Issue } from "../sroi";
import type { Lang } from "./lang";

/**
 * How a message names the value: "label", as a person reads it in the pane or the CLI (Net impact,
 * Point mort); or a function giving the name Excel shows (the custom functions pass their
 * arguments' names from their one declaration, src/functions/catalog.json: net_impact, point_mort).
 */
export type Naming = "label" | ((field: Field) => string);

const LABELS: Record<Lang, Record<Field, string>> = {
  en: {
    quantity: "Quantity",
    proxy: "Proxy value",
    units: "Units per person",
    deadweight: "Deadweight",
    displacement: "Displacement",
    attribution: "Attribution",
    dropOff: "Drop-off",
    duration: "Duration",
    start: "Outcome starts",
    rate: "Discount rate",
    discountYear1: "Discount year 1",
    years: "Years shown",
    netImpact: "Net impact",
    presentValue: "Present value",
    inputs: "Value of inputs",
    totalValue: "Total present value",
    annualImpact: "Annual impact",
    proxyId: "Proxy id",
    proxyField: "Proxy field",
    proxyTable: "Proxies table",
    amount: "Value to rebase",
    fromYear: "Price year of the value",
    toYear: "Price year wanted",
    priceIndex: "Price index",
    valuationMethod: "Valuation method",
    exchangeRate: "Exchange rate",
    priceYear: "Price year",
    assessmentType: "Assessment type",
    intended: "Intended or unintended",
    polarity: "Positive or negative",
  },
  fr: {
    quantity: "Quantité",
    proxy: "Valeur du proxy",
    units: "Unités par personne",
    deadweight: "Point mort",
    displacement: "Déplacement",
    attribution: "Attribution",
    dropOff: "Décroissance",
    duration: "Durée",
    start: "Début de l'effet",
    rate: "Taux d'actualisation",
    discountYear1: "Actualiser l'année 1",
    years: "Années affichées",
    netImpact: "Impact net",
    presentValue: "Valeur actuelle",
    inputs: "Valeur des contributions",
    totalValue: "Valeur actuelle totale",
    annualImpact: "Impact annuel",
    proxyId: "Identifiant du proxy",
    proxyField: "Champ du proxy",
    proxyTable: "Tableau des proxys",
    amount: "Valeur à revaloriser",
    fromYear: "Année des prix de la valeur",
    toYear: "Année des prix visée",
    priceIndex: "Indice des prix",
    valuationMethod: "Méthode de valorisation",
    exchangeRate: "Taux de change",
    priceYear: "Année de prix",
    assessmentType: "Type d'évaluation",
    intended: "Attendu ou inattendu",
    polarity: "Positif ou négatif",
  },
};

export function fieldName(field: Field, lang: Lang, naming: Naming = "label"): string {
  return naming === "label" ? LABELS[lang][field] : naming(field);
}

/** A number as the user's language writes it, without grouping: 0.25 / 0,25. */
export function plainNumber(n: number, lang: Lang): string {
  const s = String(n);
  return lang === "fr" ? s.replace(".", ",") : s;
}

/** The share a whole-number percentage stands for, in decimal so 4.1 gives 0.041, not 0.040999999999999995. */
function hundredth(value: Issue["value"]): number {
  return new Decimal(Number(value)).div(100).toNumber();
}

function shown(value: Issue["value"], lang: Lang): string {
  if (value === null || value === undefined) return lang === "fr" ? "(vide)" : "(blank)";
  if (typeof value === "number") return plainNumber(value, lang);
  if (typeof value === "boolean") return lang === "fr" ? (value ? "VRAI" : "FAUX") : value ? "TRUE" : "FALSE";
  return lang === "fr" ? `«\u00A0${value}\u00A0»` : `"${value}"`;
}

/** "quantity, row 3" / "quantite, ligne 3" (and the column when the range has several). */
export function where(issue: Issue, lang: Lang, naming: Naming): string {
  const name = fieldName(issue.field, lang, naming);
  const parts = [name];
  if (issue.row !== undefined) parts.push(`${lang === "fr" ? "ligne" : "row"} ${issue.row}`);
  if (issue.column !== undefined) parts.push(`${lang === "fr" ? "colonne" : "column"} ${issue.column}`);
  return parts.join(", ");
}

type Render = (i: Issue, at: string, v: string, lang: Lang, naming: Naming) => string;

const TEMPLATES: Record<Lang, Record<Issue["code"], Render>> = {
  en: {
    notANumber: (_i, at, v) => `${at}: ${v} is not a number.`,
    required: (_i, at) => `${at}: a value is needed here.`,
    percentOutOfRange: (_i, at, v) => `${at}: ${v} is outside 0–100 %.`,
    percentLooksWhole: (i, at, v, lang) =>
      `${at}: ${v} looks like ${v} %: enter ${v}% or ${plainNumber(hundredth(i.value), lang)}.`,
    negative: (_i, at, v) => `${at}: ${v} is negative; it must be zero or more.`,
    notWholeNumber: (_i, at, v) => `${at}: ${v} is not a whole number of years.`,
    tooLarge: (i, at, v) => `${at}: ${v} is more than ${i.limit}.`,
    startNotOneOrTwo: (_i, at, v) =>
      `${at}: ${v} is not a start year; enter 1 (starts during the activity) or 2 (starts the period after).`,
    rateTooLow: (_i, at, v) => `${at}: ${v} is −100 % or less; a discount rate must be above −100 %.`,
    rateLooksWhole: (i, at, v, lang) =>
      `${at}: ${v} looks like ${v} %: enter ${v}% or ${plainNumber(hundredth(i.value), lang)}.`,
    notABoolean: (_i, at, v) => `${at}: ${v} is neither TRUE nor FALSE.`,
    shapeMismatch: (i, at, _v, lang, naming) =>
      `${at} has ${i.shapes?.[0]} cells but ${fieldName(i.other!, lang, naming)} has ${i.shapes?.[1]}; give ranges of the same size, or a single value.`,
    divisionByZero: (_i, at) => `${at}: the total is 0, so the ratio cannot be computed.`,
    noPayback: (_i, at) => `${at}: the annual impact is negative, so the inputs are never paid back.`,
    unknownProxy: (_i, at, v) => `${at}: no proxy has the id ${v} (neither in the Proxies sheet nor in the library).`,
    unknownProxyField: (_i, at, v) =>
      `${at}: ${v} is not a proxy field; use value, name, unit, year, currency, source, url, country or method.`,
    proxyIsReference: (_i, at, v) =>
      `${at}: ${v} is a "where to look" entry, not a value: look the value up at its source (field "url"), then add it to the Proxies sheet.`,
    notAProxyTable: (_i, at) =>
      `${at}: the range has no header row with an Id column; give the whole Proxies table with its headers, e.g. SroiProxies[#All].`,
    unknownPriceIndex: (i, at, v) => `${at}: no consumer-price index is called ${v}; the add-in has ${i.available}.`,
    notAValuationMethod: (_i, at, v) =>
      `${at}: ${v} is not a valuation method; choose additional income, cost saved, market equivalent, value game, wellbeing valuation or other.`,
    yearNotInPriceIndex: (i, at, v) =>
      `${at}: the ${i.priceIndex} price index has no figure for ${v}; it has ${i.available}. A year missing here could not be sourced: use a year it has, or rebase by hand from the published index.`,
    foreignProxyWithoutRate: (i, at) =>
      `${at}: the proxy is in ${i.value} but the assessment is in ${i.currency}, and no exchange rate is recorded. Enter the rate used (${i.currency} per ${i.value}) with its date and source, or use a proxy in ${i.currency}.`,
    notPositive: (_i, at, v) => `${at}: ${v} is zero or less; it must be more than zero.`,
    notAYear: (_i, at, v) => `${at}: ${v} is not a year; enter a whole year from 1900 to 2100, such as 2025.`,
    notAChoice: (i, at, v) => `${at}: ${v} is not one of the choices; choose ${i.available}.`,
  },
  fr: {
    notANumber: (_i, at, v) => `${at} : ${v} n'est pas un nombre.`,
    required: (_i, at) => `${at} : une valeur est nécessaire ici.`,
    percentOutOfRange: (_i, at, v) => `${at} : ${v} est hors de 0–100 %.`,
    percentLooksWhole: (i, at, v, lang) =>
      `${at} : ${v} ressemble à ${v} % : saisissez ${v} % ou ${plainNumber(hundredth(i.value), lang)}.`,
    negative: (_i, at, v) => `${at} : ${v} est négatif ; la valeur doit être positive ou nulle.`,
    notWholeNumber: (_i, at, v) => `${at} : ${v} n'est pas un nombre entier d'années.`,
    tooLarge: (i, at, v) => `${at} : ${v} dépasse ${i.limit}.`,
    startNotOneOrTwo: (_i, at, v) =>
      `${at} : ${v} n'est pas une année de début ; saisissez 1 (pendant l'activité) ou 2 (la période suivante).`,
    rateTooLow: (_i, at, v) => `${at} : ${v} vaut −100 % ou moins ; le taux d'actualisation doit dépasser −100 %.`,
    rateLooksWhole: (i, at, v, lang) =>
      `${at} : ${v} ressemble à ${v} % : saisissez ${v} % ou ${plainNumber(hundredth(i.value), lang)}.`,
    notABoolean: (_i, at, v) => `${at} : ${v} n'est ni VRAI ni FAUX.`,
    shapeMismatch: (i, at, _v, lang, naming) =>
      `${at} a ${i.shapes?.[0]} cellules mais ${fieldName(i.other!, lang, naming)} en a ${i.shapes?.[1]} ; donnez des plages de même taille, ou une valeur unique.`,
    divisionByZero: (_i, at) => `${at} : le total vaut 0, le ratio ne peut pas être calculé.`,
    noPayback: (_i, at) => `${at} : l'impact annuel est négatif, les contributions ne sont jamais remboursées.`,
    unknownProxy: (_i, at, v) => `${at} : aucun proxy n'a l'identifiant ${v} (ni dans la feuille Proxies ni dans la bibliothèque).`,
    unknownProxyField: (_i, at, v) =>
      `${at} : ${v} n'est pas un champ de proxy ; utilisez value, name, unit, year, currency, source, url, country ou method.`,
    proxyIsReference: (_i, at, v) =>
      `${at} : ${v} est une entrée « où chercher », pas une valeur : cherchez la valeur à sa source (champ « url »), puis ajoutez-la à la feuille Proxies.`,
    notAProxyTable: (_i, at) =>
      `${at} : la plage n'a pas de ligne d'en-têtes avec une colonne Identifiant ; donnez tout le tableau des proxys avec ses en-têtes, par exemple SroiProxies[#Tout].`,
    unknownPriceIndex: (i, at, v) => `${at} : aucun indice des prix à la consommation ne s'appelle ${v} ; le complément a ${i.available}.`,
    notAValuationMethod: (_i, at, v) =>
      `${at}\u00a0: ${v} n'est pas une méthode de valorisation\u00a0; choisissez revenu supplémentaire, coût évité, équivalent marché, jeu de la valeur, valorisation du bien-être ou autre.`,
    yearNotInPriceIndex: (i, at, v) =>
      `${at} : l'indice des prix ${i.priceIndex} n'a pas de valeur pour ${v} ; il a ${i.available}. Une année absente n'a pas pu être sourcée : choisissez une année présente, ou revalorisez à la main avec l'indice publié.`,
    foreignProxyWithoutRate: (i, at) =>
      `${at}\u00a0: le proxy est en ${i.value} mais l'évaluation en ${i.currency}, et aucun taux de change n'est indiqué. Saisissez le taux utilisé (${i.currency} pour 1\u00a0${i.value}) avec sa date et sa source, ou prenez un proxy en ${i.currency}.`,
    notPositive: (_i, at, v) => `${at}\u00a0: ${v} est nul ou négatif\u00a0; la valeur doit être supérieure à zéro.`,
    notAYear: (_i, at, v) => `${at}\u00a0: ${v} n'est pas une année\u00a0; saisissez une année entière de 1900 à 2100, par exemple 2025.`,
    notAChoice: (i, at, v) => `${at}\u00a0: ${v} n'est pas l'un des choix possibles\u00a0; choisissez ${i.available}.`,
  },
};

/** Every issue code the messages render (the typography test renders each). */
export const ISSUE_CODES = Object.keys(TEMPLATES.en) as Issue["code"][];

/** The message a user reads for an issue, in their language. */
export function describe(issue: Issue, lang: Lang, naming: Naming = "label"): string {
  return TEMPLATES[lang][issue.code](issue, where(issue, lang, naming), shown(issue.value, lang), lang, naming);
}
