/**
 * Help where an estimate is typed (issue #13, item 1): what it is, the question that finds it, and,
 * for the deductions, what published SROI reports use. The pane shows it under each box; the sheets
 * show the same words as the input message of the cell's data validation (Excel: a title of 32
 * characters at most, a message of 255 at most — tests/layout/help.test.ts holds every text to them).
 */
import type { Lang } from "../sroi";
import { PUBLISHED_FACTORS } from "../sroi";
import type { Words } from "./columns";

export type HelpKey = "quantity" | "duration" | "start" | "proxyValue" | "proxyUnits" | "deadweight" | "displacement" | "attribution" | "dropOff";

export interface EstimateHelp {
  /** the prompt's title: the estimate's name as the column shows it (≤ 32 characters) */
  title: Words;
  /** what it is, in one sentence */
  explain: Words;
  /** the guiding question */
  question: Words;
}

/** Excel's limits on a data validation's input message. */
export const PROMPT_TITLE_LIMIT = 32;
export const PROMPT_MESSAGE_LIMIT = 255;


export const ESTIMATE_HELP: Readonly<Record<HelpKey, EstimateHelp>> = {
  quantity: {
    title: { en: "Quantity", fr: "Quantité" },
    explain: { en: "How many people (or units) experience this change.", fr: "Combien de personnes (ou d'unités) vivent ce changement." },
    question: { en: "How many did it change for, by your records?", fr: "Pour combien a-t-il changé, d'après vos registres\u00a0?" },
  },
  duration: {
    title: { en: "Duration (years)", fr: "Durée (années)" },
    explain: { en: "How many years the change lasts after the activity.", fr: "Combien d'années le changement dure après l'activité." },
    question: { en: "How long does it last, by your follow-up or a study?", fr: "Combien de temps dure-t-il, d'après votre suivi ou une étude\u00a0?" },
  },
  start: {
    title: { en: "Starts in year", fr: "Début (année)" },
    explain: { en: "1: the change starts during the activity; 2: the period after.", fr: "1\u00a0: le changement commence pendant l'activité\u00a0; 2\u00a0: la période suivante." },
    question: { en: "When does the change begin?", fr: "Quand le changement commence-t-il\u00a0?" },
  },
  proxyValue: {
    title: { en: "Proxy value", fr: "Valeur du proxy" },
    explain: { en: "The money value of one unit of the change (a financial proxy), with its source.", fr: "La valeur monétaire d'une unité du changement (un proxy financier), avec sa source." },
    question: { en: "What would it cost to get this change otherwise, or what is it worth to them?", fr: "Combien coûterait ce changement autrement, ou que vaut-il pour eux\u00a0?" },
  },
  proxyUnits: {
    title: { en: "Units per person", fr: "Unités par personne" },
    explain: { en: "Units of the proxy one person's change is worth; blank is 1.", fr: "Unités du proxy que vaut le changement d'une personne\u00a0; vide vaut 1." },
    question: { en: "A monthly proxy over 8 months: 8.", fr: "Un proxy mensuel sur 8\u00a0mois\u00a0: 8." },
  },
  deadweight: {
    title: { en: "Deadweight", fr: "Point mort (effet d'aubaine)" },
    explain: { en: "The share of the change that would have happened anyway.", fr: "La part du changement qui serait arrivée de toute façon." },
    question: { en: "What would have changed without our action?", fr: "Qu'aurait-il changé sans notre action\u00a0?" },
  },
  displacement: {
    title: { en: "Displacement", fr: "Déplacement" },
    explain: { en: "The share of the change that only moved a problem or a benefit elsewhere.", fr: "La part du changement qui n'a fait que déplacer un problème ou un bénéfice ailleurs." },
    question: { en: "Did this change push someone else out?", fr: "Ce changement en a-t-il évincé d'autres\u00a0?" },
  },
  attribution: {
    title: { en: "Attribution", fr: "Attribution" },
    explain: { en: "The share of the change due to others (partners, family, other services).", fr: "La part du changement due à d'autres (partenaires, famille, autres services)." },
    question: { en: "Who else contributed to it, and how much?", fr: "Qui d'autre y a contribué, et dans quelle mesure\u00a0?" },
  },
  dropOff: {
    title: { en: "Drop-off", fr: "Décroissance" },
    explain: { en: "How much of the change fades each year after the first.", fr: "Ce qui s'estompe du changement chaque année après la première." },
    question: { en: "How much of it is left a year later?", fr: "Qu'en reste-t-il un an plus tard\u00a0?" },
  },
};

const pct = (x: number, lang: Lang) => `${lang === "fr" ? String(x).replace(".", ",") : x}${lang === "fr" ? "\u202f" : " "}%`;

/**
 * What published reports use for a deduction: "Published reports: median 20 %, 9 in 10 use 5.2 % or
 * more." — null for the estimates the benchmarks do not cover (displacement is not in them).
 */
export function typicalRange(key: HelpKey, lang: Lang): string | null {
  if (key !== "deadweight" && key !== "attribution" && key !== "dropOff") return null;
  const b = PUBLISHED_FACTORS[key];
  return lang === "fr"
    ? `Rapports publiés\u00a0: médiane ${pct(b.median, lang)}, 9 sur 10 prennent ${pct(b.p10, lang)} ou plus.`
    : `Published reports: median ${pct(b.median, lang)}, 9 in 10 use ${pct(b.p10, lang)} or more.`;
}

/** The whole help of an estimate, as one text: what it is, the question, the typical range. */
export function helpText(key: HelpKey, lang: Lang): string {
  const h = ESTIMATE_HELP[key];
  return [h.explain[lang], h.question[lang], typicalRange(key, lang)].filter(Boolean).join(" ");
}

/** The input message of a cell's data validation: Excel's title and message, within its limits. */
export function helpPrompt(key: string, lang: Lang): { title: string; message: string } | undefined {
  if (!(key in ESTIMATE_HELP)) return undefined;
  const k = key as HelpKey;
  return { title: ESTIMATE_HELP[k].title[lang], message: helpText(k, lang) };
}
