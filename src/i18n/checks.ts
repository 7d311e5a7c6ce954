/**
 * The messages of the checks against over-claiming (src/sroi/checks.ts) and of the sensitivity
 * options (src/sroi/sensitivity.ts), in English and French: what was found, why it matters, what to
 * do. The core returns codes and figures; only this file writes sentences.
 */
import type { OverClaimCheck, SensitivityField, SensitivityIssue } from "../sroi";
import type { Lang } from "./lang";
import { formatNumber } from "./numbers";

const ESTIMATE_LABELS: Record<Lang, Record<SensitivityField, string>> = {
  en: {
    quantity: "quantity",
    proxyValue: "proxy value",
    deadweight: "deadweight",
    displacement: "displacement",
    attribution: "attribution",
    dropOff: "drop-off",
    duration: "duration",
    discountRate: "discount rate",
  },
  fr: {
    quantity: "quantité",
    proxyValue: "valeur du proxy",
    deadweight: "point mort",
    displacement: "déplacement",
    attribution: "attribution",
    dropOff: "décroissance",
    duration: "durée",
    discountRate: "taux d'actualisation",
  },
};

/** An estimate's name in running text: "deadweight" / "point mort". */
export function estimateLabel(field: SensitivityField, lang: Lang): string {
  return ESTIMATE_LABELS[lang][field];
}

/** A fraction as a percentage in running text: 0.052 → "5.2 %" / "5,2 %" (narrow no-break space in French). */
function percent(fraction: number | undefined, lang: Lang): string {
  // to 1e-10 first, so 0.052000000000000005 × 100 shows as 5.2
  return `${formatNumber(Number(((fraction ?? 0) * 100).toPrecision(10)), lang, 2)}${lang === "fr" ? "\u202F" : " "}%`;
}
/** "2.5 : 1" / "2,5 : 1" (French: a no-break space before the colon, so the ratio never breaks). */
const ratio = (x: number | undefined, lang: Lang) => `${formatNumber(x ?? 0, lang, 2)}${lang === "fr" ? "\u00A0" : " "}: 1`;
const num = (x: number | undefined | null, lang: Lang) => (typeof x === "number" ? formatNumber(x, lang, 6) : String(x));

type Render = (c: OverClaimCheck, lang: Lang) => string;

/** French needs the article's gender: "le point mort", "l'attribution". */
function theFr(field: OverClaimCheck["field"]): string {
  const label = estimateLabel(field as SensitivityField, "fr");
  if (/^[aeéiou]/i.test(label)) return `l'${label}`;
  return field === "attribution" || field === "dropOff" ? `la ${label}` : `le ${label}`;
}

const CHECKS: Record<Lang, Record<OverClaimCheck["code"], Render>> = {
  en: {
    noDeduction: (c) =>
      `Outcome ${c.outcome}: no deadweight, displacement or attribution, so the whole change is credited to the activity. Estimate what would have happened anyway and what others contributed, or say in the report why each is 0 %.`,
    noDeductionOnMap: () =>
      `No outcome has a deadweight, displacement or attribution: the ratio credits every change to the activity, the first thing an assurance reviewer looks for. Estimate them for each outcome.`,
    deductionBelowBenchmark: (c, lang) =>
      c.severity === "warning"
        ? `Outcome ${c.outcome}: its ${estimateLabel(c.field as SensitivityField, lang)} of ${percent(c.value, lang)} is far below what published SROI reports use (9 in 10 use ${percent(c.benchmark, lang)} or more; median ${percent(c.median, lang)}). A low deduction raises the ratio: give the evidence for it, or use a more cautious value.`
        : `Outcome ${c.outcome}: its ${estimateLabel(c.field as SensitivityField, lang)} of ${percent(c.value, lang)} is below what 9 in 10 published SROI reports use (${percent(c.benchmark, lang)} or more; median ${percent(c.median, lang)}). Say in the report why it is this low.`,
    ratioAboveLimit: (c, lang) =>
      `The ratio is ${ratio(c.value, lang)}, above ${ratio(c.limit, lang)}: higher than 9 in 10 published SROI reports, so readers will doubt it. Check the quantities, proxies and deductions of the largest outcomes, and show the sensitivity analysis.`,
    missingIndicatorSource: (c) =>
      `Outcome ${c.outcome}: the indicator has no source, so nobody can verify the quantity. Name the records, survey or study it comes from.`,
    missingProxySource: (c) =>
      `Outcome ${c.outcome}: the financial proxy has no source, so nobody can check its value. Name where the value comes from (publication, year).`,
    longDuration: (c, lang) =>
      `Outcome ${c.outcome} lasts ${num(c.value, lang)} years, more than ${num(c.limit, lang)}. The longer an outcome is claimed to last, the stronger the evidence must be: cite a follow-up study, or shorten the duration.`,
    noDropOff: (c, lang) =>
      `Outcome ${c.outcome} lasts ${num(c.value, lang)} years with no drop-off, so its full value is claimed every year. Most outcomes fade: set a drop-off, or say why this one does not.`,
    doubleCounting: (c) =>
      `Outcome ${c.outcome} values the same proxy as outcome ${c.other} for ${c.stakeholder}${c.proxyName ? ` (${c.proxyName})` : ""}: the same change may be counted twice. Merge the two outcomes, or value what differs between them.`,
    stakeholderNotInvolved: (c) =>
      `${c.stakeholder || "A stakeholder with no name"} has outcomes (the first: outcome ${c.outcome}) but no "how involved" in Stakeholders. Outcomes should come from what stakeholders say changed for them: record how they were involved (interviews, survey, workshop).`,
    discountRateOutOfRange: (c, lang) =>
      `The discount rate of ${percent(c.value, lang)} is outside 0–10 %: ${(c.value ?? 0) < 0 ? "a negative rate makes future years worth more than today" : "such a rate all but ignores the later years"}. Published reports use 3.5 % (their median, the HM Treasury Green Book rate); use a rate you can justify.`,
    materialOutcome: (c, lang) =>
      `Outcome ${c.outcome} carries ${percent(c.share, lang)} of the total present value: the ratio stands or falls with its estimates. Check its evidence first and show its switching values.`,
    proxyPriceYearDiffers: (c) =>
      `Outcome ${c.outcome}: the proxy value is in ${c.value} prices, the assessment in ${c.limit} prices. Revalue it to ${c.limit} prices (SROI.REBASE, or Use this proxy in the lookup), or say in the report why not.`,
    negativeOutcomeValuedPositive: (c, lang) =>
      `Outcome ${c.outcome} is marked negative but its proxy value (${num(c.value, lang)}) is positive, so a harm is added to the value created. Enter a negative proxy value, or mark the outcome positive.`,
    positiveOutcomeValuedNegative: (c, lang) =>
      `Outcome ${c.outcome} has a negative proxy value (${num(c.value, lang)}), so it lowers the value created, but it is marked positive. If it is a change for the worse, mark it negative so that readers see it is one.`,
  },
  fr: {
    noDeduction: (c) =>
      `Effet ${c.outcome} : ni point mort, ni déplacement, ni attribution ; tout le changement est donc crédité à l'activité. Estimez ce qui serait arrivé de toute façon et la part des autres acteurs, ou justifiez chaque 0 % dans le rapport.`,
    noDeductionOnMap: () =>
      `Aucun effet n'a de point mort, de déplacement ni d'attribution : le ratio crédite tout changement à l'activité, ce qu'un vérificateur regarde en premier. Estimez-les pour chaque effet.`,
    deductionBelowBenchmark: (c, lang) =>
      c.severity === "warning"
        ? `Effet ${c.outcome} : ${theFr(c.field)} de ${percent(c.value, lang)} est très en dessous de ce qu'utilisent les rapports SROI publiés (9 sur 10 prennent ${percent(c.benchmark, lang)} ou plus ; médiane ${percent(c.median, lang)}). Une déduction faible gonfle le ratio : donnez-en la preuve, ou prenez une valeur plus prudente.`
        : `Effet ${c.outcome} : ${theFr(c.field)} de ${percent(c.value, lang)} est en dessous de ce qu'utilisent 9 rapports SROI publiés sur 10 (${percent(c.benchmark, lang)} ou plus ; médiane ${percent(c.median, lang)}). Expliquez dans le rapport pourquoi cette valeur est si basse.`,
    ratioAboveLimit: (c, lang) =>
      `Le ratio vaut ${ratio(c.value, lang)}, au-dessus de ${ratio(c.limit, lang)} : plus que 9 rapports SROI publiés sur 10, les lecteurs en douteront. Vérifiez les quantités, les proxys et les déductions des effets les plus importants, et montrez l'analyse de sensibilité.`,
    missingIndicatorSource: (c) =>
      `Effet ${c.outcome} : l'indicateur n'a pas de source, personne ne peut vérifier la quantité. Indiquez le registre, l'enquête ou l'étude d'où elle vient.`,
    missingProxySource: (c) =>
      `Effet ${c.outcome} : le proxy financier n'a pas de source, personne ne peut vérifier sa valeur. Indiquez d'où vient la valeur (publication, année).`,
    longDuration: (c, lang) =>
      `L'effet ${c.outcome} dure ${num(c.value, lang)} ans, plus de ${num(c.limit, lang)}. Plus un effet est censé durer, plus la preuve doit être solide : citez une étude de suivi, ou réduisez la durée.`,
    noDropOff: (c, lang) =>
      `L'effet ${c.outcome} dure ${num(c.value, lang)} ans sans décroissance : toute sa valeur est comptée chaque année. La plupart des effets s'estompent : fixez une décroissance, ou expliquez pourquoi celui-ci ne s'estompe pas.`,
    doubleCounting: (c) =>
      `L'effet ${c.outcome} valorise le même proxy que l'effet ${c.other} pour ${c.stakeholder}${c.proxyName ? ` (${c.proxyName})` : ""} : le même changement est peut-être compté deux fois. Fusionnez les deux effets, ou valorisez ce qui les distingue.`,
    stakeholderNotInvolved: (c) =>
      `${c.stakeholder || "Une partie prenante sans nom"} a des effets (le premier : effet ${c.outcome}) mais pas de « mode d'implication » dans Parties prenantes. Les effets doivent venir de ce que les parties prenantes disent avoir changé pour elles : notez comment elles ont été impliquées (entretiens, enquête, atelier).`,
    discountRateOutOfRange: (c, lang) =>
      `Le taux d'actualisation de ${percent(c.value, lang)} est hors de 0–10 % : ${(c.value ?? 0) < 0 ? "un taux négatif donne plus de valeur aux années futures qu'à aujourd'hui" : "un tel taux ignore presque les dernières années"}. Les rapports publiés prennent 3,5 % (leur médiane, le taux du Green Book du Trésor britannique) ; prenez un taux que vous pouvez justifier.`,
    materialOutcome: (c, lang) =>
      `L'effet ${c.outcome} porte ${percent(c.share, lang)} de la valeur actuelle totale : le ratio dépend surtout de ses estimations. Vérifiez d'abord ses preuves et montrez ses valeurs de basculement.`,
    proxyPriceYearDiffers: (c) =>
      `Effet ${c.outcome}\u00a0: la valeur du proxy est en prix de ${c.value}, l'évaluation en prix de ${c.limit}. Revalorisez-la en prix de ${c.limit} (SROI.REBASE, ou Utiliser ce proxy dans la recherche), ou expliquez dans le rapport pourquoi.`,
    negativeOutcomeValuedPositive: (c, lang) =>
      `L'effet ${c.outcome} est indiqué négatif mais la valeur de son proxy (${num(c.value, lang)}) est positive\u00a0: un préjudice s'ajoute ainsi à la valeur créée. Saisissez une valeur de proxy négative, ou indiquez l'effet positif.`,
    positiveOutcomeValuedNegative: (c, lang) =>
      `L'effet ${c.outcome} a une valeur de proxy négative (${num(c.value, lang)})\u00a0: il réduit la valeur créée, mais il est indiqué positif. S'il s'agit d'un changement défavorable, indiquez-le négatif pour que les lecteurs le voient.`,
  },
};

/** Every check code the messages render (the typography test renders each). */
export const CHECK_CODES = Object.keys(CHECKS.en) as OverClaimCheck["code"][];

/** The message a user reads for a check, in their language. */
export function checkMessage(c: OverClaimCheck, lang: Lang): string {
  return CHECKS[lang][c.code](c, lang);
}

const OPTION_LABELS: Record<Lang, Record<"variation" | "draws" | "seed", string>> = {
  en: { variation: "The variation", draws: "The number of draws", seed: "The seed" },
  fr: { variation: "La variation", draws: "Le nombre de tirages", seed: "La graine" },
};

/** The message for a sensitivity option or range that cannot be used. */
export function sensitivityIssueMessage(i: SensitivityIssue, lang: Lang): string {
  const fr = lang === "fr";
  if (i.code === "optionInvalid" && (i.field === "variation" || i.field === "draws" || i.field === "seed")) {
    const between = i.field === "variation" ? `${percent(i.lowest, lang)} ${fr ? "et" : "and"} ${percent(i.highest, lang)}` : `${num(i.lowest, lang)} ${fr ? "et" : "and"} ${num(i.highest, lang)}`;
    return fr
      ? `${OPTION_LABELS.fr[i.field]} doit être comprise entre ${between} (nombre entier pour les tirages et la graine) ; reçu : ${num(i.value as number, lang)}.`
      : `${OPTION_LABELS.en[i.field]} must be between ${between} (a whole number for draws and the seed); got ${num(i.value as number, lang)}.`;
  }
  const whose = i.outcome === null ? "" : fr ? ` de l'effet ${i.outcome}` : ` of outcome ${i.outcome}`;
  if (i.field === "ranges" || i.field === "variation" || i.field === "draws" || i.field === "seed") {
    return fr
      ? `Plage${whose} : « ${i.value} » n'est pas une estimation de cet effet (ou l'effet n'existe pas) ; utilisez quantity, proxyValue, deadweight, displacement, attribution, dropOff, duration, ou discountRate sans effet.`
      : `Range${whose}: "${i.value}" is not an estimate of that outcome (or there is no such outcome); use quantity, proxyValue, deadweight, displacement, attribution, dropOff, duration, or discountRate with no outcome.`;
  }
  const label = estimateLabel(i.field, lang);
  const bounds = `${num(i.lowest, lang)}–${num(i.highest, lang)}`;
  return fr
    ? `Plage de ${label}${whose} (min ${num(i.min, lang)}, plus probable ${num(i.mode, lang)}, max ${num(i.max, lang)}) : il faut min ≤ plus probable ≤ max, dans ${bounds}.`
    : `The range of ${label}${whose} (min ${num(i.min, lang)}, most likely ${num(i.mode, lang)}, max ${num(i.max, lang)}) needs min ≤ most likely ≤ max, within ${bounds}.`;
}
