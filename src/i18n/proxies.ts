/**
 * Everything a user reads about proxies, in English and French: warnings on a proxy and the import
 * report. The proxies' own bilingual vocabulary (methods, themes, countries) lives with them in
 * src/proxies/vocabulary.ts, because the importer reads those words back.
 */
import type { FileProblem, ImportProblem, ImportProblemCode, ProxyWarning } from "../proxies/problems";
import type { ProxyColumnKey } from "../proxies/types";
import { columnLabel } from "../proxies/vocabulary";
import type { Decimal, Lang } from "../sroi";
import type { ConversionStep, NotRebased, ProxyAdjustment, RebaseStep } from "../proxies/adjust";
import { plainNumber } from "./messages";
import { formatNumber } from "./numbers";

export { COUNTRY_LABELS, KIND_LABELS, METHOD_LABELS, ORIGIN_LABELS, THEME_LABELS, columnLabel, countryLabel, methodLabel, themeLabel } from "../proxies/vocabulary";
export type { FileProblem, ImportProblem, ImportProblemCode, FileProblemCode, ProxyWarning } from "../proxies/problems";

// ---------------------------------------------------------------------------------------------
// Warnings shown next to a proxy in the task pane

const WARNINGS: Record<Lang, { [C in ProxyWarning["code"]]: (w: Extract<ProxyWarning, { code: C }>) => string }> = {
  en: {
    referenceOnly: (w) => `This entry is a source to consult, not a value: look the value up at ${w.url || "its source"}.`,
    oldPriceYear: (w) => `Prices of ${w.priceYear}, ${w.age} years ago: adjust for inflation or look for a newer figure.`,
    noPriceYear: () => "No price year: the age of this value is unknown.",
    currencyDiffers: (w) => `In ${w.currency}, but the assessment is in ${w.assessmentCurrency}: convert it before use.`,
    noSource: () => "No source or link: say where this value comes from.",
  },
  fr: {
    referenceOnly: (w) => `Cette entrée indique une source à consulter, pas une valeur : cherchez la valeur sur ${w.url || "sa source"}.`,
    oldPriceYear: (w) => `Prix de ${w.priceYear}, il y a ${w.age} ans : revalorisez-les selon l'inflation ou cherchez un chiffre plus récent.`,
    noPriceYear: () => "Pas d'année des prix : l'âge de cette valeur est inconnu.",
    currencyDiffers: (w) => `En ${w.currency}, alors que l'évaluation est en ${w.assessmentCurrency} : convertissez-la avant usage.`,
    noSource: () => "Ni source ni lien : indiquez d'où vient cette valeur.",
  },
};

export function describeProxyWarning(w: ProxyWarning, lang: Lang): string {
  return (WARNINGS[lang][w.code] as (w: ProxyWarning) => string)(w);
}

// ---------------------------------------------------------------------------------------------
// Import report

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
    missingValue: () => "la valeur manque (ne la laissez vide que pour une entrée « référence »).",
    notANumber: (_p, v) => `${v} n'est pas un nombre.`,
    notAYear: (_p, v) => `${v} n'est pas une année (comme 2025).`,
    unknownMethod: (_p, v) =>
      `${v} n'est pas une méthode de valorisation ; utilisez revenu supplémentaire, coût évité, équivalent marché, jeu de la valeur ou valorisation du bien-être.`,
    missingCurrency: () => "la devise manque (un code ISO comme EUR ou GBP).",
    invalidCurrency: (_p, v) => `${v} n'est pas un code de devise (trois lettres comme EUR ou GBP).`,
    unknownKind: (_p, v) => `${v} n'est ni « valeur » ni « référence ».`,
    referenceWithValue: () =>
      "une entrée « référence » renvoie à une source et n'a pas de valeur ; retirez la valeur ou faites-en une entrée « valeur ».",
    referenceWithoutLink: () => "une entrée « référence » doit avoir un lien ou une source qui dit où chercher.",
    duplicateId: (p, v) => `l'identifiant ${v} est déjà utilisé à la ligne ${p.firstRow}.`,
    malformedRow: () => "la ligne est illisible (un guillemet n'est pas fermé, ou il y a plus de cellules que d'en-têtes).",
  },
};

function quoted(value: ImportProblem["value"], lang: Lang): string {
  if (value === null || value === undefined || value === "") return lang === "fr" ? "(vide)" : "(blank)";
  if (typeof value === "number") return plainNumber(value, lang);
  if (typeof value === "boolean") return lang === "fr" ? (value ? "VRAI" : "FAUX") : value ? "TRUE" : "FALSE";
  return lang === "fr" ? `« ${value} »` : `"${value}"`;
}

/** "Row 5, Value: "abc" is not a number." / "Ligne 5, Valeur : « abc » n'est pas un nombre." */
export function describeImportProblem(p: ImportProblem, lang: Lang): string {
  const at = [`${lang === "fr" ? "Ligne" : "Row"} ${p.row}`];
  if (p.column) at.push(p.header || columnLabel(p.column, lang));
  const colon = lang === "fr" ? " : " : ": ";
  return at.join(", ") + colon + PROBLEMS[lang][p.code](p, quoted(p.value, lang));
}

export function describeFileProblem(p: FileProblem, lang: Lang): string {
  if (p.code === "empty") {
    return lang === "fr" ? "Le fichier ne contient ni en-têtes ni lignes de proxys." : "The file has no header row or no proxy rows.";
  }
  const column = columnLabel(p.column!, lang);
  const key = p.column === "name_en" ? "name_en / name_fr" : p.column;
  return lang === "fr"
    ? `Colonne « ${column} » (${key}) introuvable dans la ligne d'en-têtes : aucune ligne n'est importée.`
    : `No "${column}" column (${key}) in the header row: no row is imported.`;
}

/** A text that Excel would take for a formula: it is kept as text, and the writer must keep it so. */
export function describeKeptAsText(p: { row: number; column: ProxyColumnKey; text: string }, lang: Lang): string {
  const column = columnLabel(p.column, lang);
  return lang === "fr"
    ? `Ligne ${p.row}, ${column} : « ${p.text} » commence comme une formule ; elle est gardée comme texte.`
    : `Row ${p.row}, ${column}: "${p.text}" starts like a formula; it is kept as text.`;
}

// ---------------------------------------------------------------------------------------------
// How a proxy's value was made ready for an assessment: the note written with it

/** The price indices by their publisher's name, for notes; an index not listed shows its code. */
const INDEX_NAMES: Record<Lang, Record<string, string>> = {
  en: { FR: "INSEE CPI, France", UK: "ONS CPI, United Kingdom", BE: "Statbel CPI, Belgium", EA: "Eurostat HICP, euro area" },
  fr: { FR: "IPC de l'INSEE, France", UK: "IPC de l'ONS, Royaume-Uni", BE: "IPC de Statbel, Belgique", EA: "IPCH d'Eurostat, zone euro" },
};

export const priceIndexName = (index: string, lang: Lang): string => INDEX_NAMES[lang][index] ?? index;

const amount = (d: Decimal, lang: Lang) => formatNumber(d.toNumber(), lang, 2, true);
const figure = (value: string, lang: Lang) => formatNumber(Number(value), lang, 6);

/**
 * One sentence per step: "13,000.00 GBP × 1.17 EUR per GBP (ECB, 2025-06-30) = 15,210.00 EUR" and
 * "646.52 in 2020 prices × 112.01 ÷ 104.73 (INSEE CPI, France, 2015=100) = 691.44 in 2022 prices".
 */
export function describeConversion(c: ConversionStep, lang: Lang): string {
  const rate = formatNumber(c.rate.toNumber(), lang, 6);
  const source = c.source ? ` (${c.source})` : "";
  return lang === "fr"
    ? `${amount(c.before, lang)}\u00a0${c.from} × ${rate}\u00a0${c.to} pour 1\u00a0${c.from}${source} = ${amount(c.after, lang)}\u00a0${c.to}`
    : `${amount(c.before, lang)} ${c.from} × ${rate} ${c.to} per ${c.from}${source} = ${amount(c.after, lang)} ${c.to}`;
}

export function describeRebase(r: RebaseStep, lang: Lang): string {
  const index = `${priceIndexName(r.index, lang)}, ${r.fromFigure.base}`;
  return lang === "fr"
    ? `${amount(r.before, lang)} en prix de ${r.fromYear} × ${figure(r.toFigure.value, lang)} ÷ ${figure(r.fromFigure.value, lang)} (${index}) = ${amount(r.after, lang)} en prix de ${r.toYear}`
    : `${amount(r.before, lang)} in ${r.fromYear} prices × ${figure(r.toFigure.value, lang)} ÷ ${figure(r.fromFigure.value, lang)} (${index}) = ${amount(r.after, lang)} in ${r.toYear} prices`;
}

/** Why a value stays in its own year's prices, for the pane. */
export function describeNotRebased(n: NotRebased, proxyYear: number | null, lang: Lang): string {
  switch (n.reason) {
    case "noProxyYear":
      return lang === "fr"
        ? "Ce proxy n'a pas d'année de prix\u00a0: il ne peut pas être revalorisé. Vérifiez l'année de sa source."
        : "This proxy has no price year, so it cannot be revalued: check its source's year.";
    case "noAssessmentYear":
      return lang === "fr"
        ? "L'évaluation n'a pas d'année de prix (sa période n'en nomme aucune)\u00a0: indiquez-la à l'étape Évaluation pour revaloriser les proxys."
        : "The assessment has no price year (its period names none): set it in the Assessment step to revalue proxies.";
    case "index": {
      const i = n.issue;
      if (i.code === "unknownPriceIndex") {
        return lang === "fr"
          ? `Impossible de revaloriser\u00a0: le complément n'a pas l'indice des prix ${String(i.value)} (il a ${i.available}). La valeur reste en prix de ${proxyYear}.`
          : `Cannot revalue: the add-in has no ${String(i.value)} price index (it has ${i.available}). The value stays in ${proxyYear} prices.`;
      }
      const name = priceIndexName(i.priceIndex ?? "", lang);
      return lang === "fr"
        ? `Impossible de revaloriser\u00a0: l'indice (${name}) n'a pas de valeur publiée pour ${String(i.value)} dans les données du complément (il a ${i.available}). La valeur reste en prix de ${proxyYear}\u00a0; revalorisez-la à la main avec l'indice publié, ou cherchez un chiffre de la bonne année.`
        : `Cannot revalue: the index (${name}) has no published figure for ${String(i.value)} in the add-in's data (it has ${i.available}). The value stays in ${proxyYear} prices: revalue it by hand from the published index, or find a figure of the right year.`;
    }
  }
}

/** The note written after the proxy's source: every step, in order; "" when the value is the proxy's own. */
export function adjustmentNote(a: Extract<ProxyAdjustment, { status: "ready" }>, lang: Lang): string {
  return [a.conversion && describeConversion(a.conversion, lang), a.rebase && describeRebase(a.rebase, lang)].filter(Boolean).join(lang === "fr" ? "\u00a0; " : "; ");
}
