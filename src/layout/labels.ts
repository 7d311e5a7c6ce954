/**
 * The words the sheets show, in English and French. Headers avoid [ ] # and ' so that structured
 * references to them never need escaping.
 */
import type { Lang } from "../sroi/assessment";

type Words<K extends string> = Record<Lang, Record<K, string>>;

export type OutcomeKey =
  | "stakeholder"
  | "description"
  | "indicator"
  | "source"
  | "quantity"
  | "duration"
  | "start"
  | "proxyName"
  | "proxyValue"
  | "proxySource"
  | "deadweight"
  | "displacement"
  | "attribution"
  | "dropOff"
  | "impact"
  | "presentValue";

export const OUTCOME_HEADERS: Words<OutcomeKey> = {
  en: {
    stakeholder: "Stakeholder",
    description: "Outcome (what changes)",
    indicator: "Indicator",
    source: "Indicator source",
    quantity: "Quantity",
    duration: "Duration (years)",
    start: "Starts in year",
    proxyName: "Financial proxy",
    proxyValue: "Proxy value",
    proxySource: "Proxy source",
    deadweight: "Deadweight",
    displacement: "Displacement",
    attribution: "Attribution",
    dropOff: "Drop-off",
    impact: "Impact",
    presentValue: "Present value",
  },
  fr: {
    stakeholder: "Partie prenante",
    description: "Effet (ce qui change)",
    indicator: "Indicateur",
    source: "Source (indicateur)",
    quantity: "Quantité",
    duration: "Durée (années)",
    start: "Début (année)",
    proxyName: "Proxy financier",
    proxyValue: "Valeur du proxy",
    proxySource: "Source (proxy)",
    deadweight: "Point mort",
    displacement: "Déplacement",
    attribution: "Attribution",
    dropOff: "Érosion",
    impact: "Impact",
    presentValue: "Valeur actuelle",
  },
};

export type InputKey = "stakeholder" | "kind" | "description" | "amount" | "hours" | "hourlyCost" | "value";
export const INPUT_HEADERS: Words<InputKey> = {
  en: {
    stakeholder: "Stakeholder",
    kind: "Kind",
    description: "Description",
    amount: "Amount",
    hours: "Hours",
    hourlyCost: "Hourly cost",
    value: "Value",
  },
  fr: {
    stakeholder: "Partie prenante",
    kind: "Nature",
    description: "Description",
    amount: "Montant",
    hours: "Heures",
    hourlyCost: "Coût horaire",
    value: "Valeur",
  },
};

/** Input kinds as the sheet shows them; the value formula does not depend on them. */
export const INPUT_KINDS: Record<Lang, Record<"cash" | "inKind" | "time", string>> = {
  en: { cash: "cash", inKind: "in kind", time: "time" },
  fr: { cash: "numéraire", inKind: "en nature", time: "temps" },
};

export type StakeholderKey = "name" | "groupSize" | "involvement";
export const STAKEHOLDER_HEADERS: Words<StakeholderKey> = {
  en: { name: "Stakeholder", groupSize: "Number in group", involvement: "How involved" },
  fr: { name: "Partie prenante", groupSize: "Effectif du groupe", involvement: "Implication" },
};

export type SettingsKey = "key" | "setting" | "value" | "note";
export const SETTINGS_HEADERS: Words<SettingsKey> = {
  en: { key: "Key", setting: "Setting", value: "Value", note: "Note" },
  fr: { key: "Clé", setting: "Paramètre", value: "Valeur", note: "Note" },
};

export type SettingRow =
  | "organisation"
  | "title"
  | "period"
  | "currency"
  | "discountRate"
  | "discountYear1"
  | "yearsShown"
  | "language"
  | "portable"
  | "layoutVersion";
export const SETTING_LABELS: Words<SettingRow> = {
  en: {
    organisation: "Organisation",
    title: "Assessment title",
    period: "Period",
    currency: "Currency",
    discountRate: "Discount rate",
    discountYear1: "Discount year 1",
    yearsShown: "Years shown in the projection",
    language: "Language",
    portable: "Portable formulas (no add-in needed)",
    layoutVersion: "Layout version",
  },
  fr: {
    organisation: "Organisation",
    title: "Titre de l'évaluation",
    period: "Période",
    currency: "Devise",
    discountRate: "Taux d'actualisation",
    discountYear1: "Actualiser l'année 1",
    yearsShown: "Années affichées dans la projection",
    language: "Langue",
    portable: "Formules portables (sans complément)",
    layoutVersion: "Version de la mise en page",
  },
};

export const SETTING_NOTES: Words<"discountRate" | "discountYear1" | "portable" | "layoutVersion"> = {
  en: {
    discountRate:
      "HM Treasury Green Book: 3.5 %; France Stratégie: 3.2 % (1.2 % + 2 % risk premium); a low rate near 1.5 % plus a risk premium.",
    discountYear1: "TRUE: year 1 is discounted, as Excel's NPV does. FALSE: year 1 is left undiscounted.",
    portable: "TRUE: native Excel functions only, so anyone can recompute the workbook.",
    layoutVersion: "Used by the add-in and the sroi command-line tool to read this workbook.",
  },
  fr: {
    discountRate:
      "Green Book (Trésor britannique) : 3,5 % ; France Stratégie : 3,2 % (1,2 % + 2 % de prime de risque) ; un taux bas proche de 1,5 % plus une prime de risque.",
    discountYear1: "VRAI : l'année 1 est actualisée, comme le fait VAN. FAUX : l'année 1 n'est pas actualisée.",
    portable: "VRAI : fonctions natives d'Excel uniquement, tout le monde peut recalculer le classeur.",
    layoutVersion: "Sert au complément et à l'outil en ligne de commande sroi pour lire ce classeur.",
  },
};

export type ProjectionKey = "number" | "stakeholder" | "outcome" | "year";
export const PROJECTION_HEADERS: Words<ProjectionKey> = {
  en: { number: "Outcome number", stakeholder: "Stakeholder", outcome: "Outcome", year: "Year" },
  fr: { number: "N° effet", stakeholder: "Partie prenante", outcome: "Effet", year: "Année" },
};

export type ValueKey = "stakeholder" | "presentValue" | "share";
export const VALUE_HEADERS: Words<ValueKey> = {
  en: { stakeholder: "Stakeholder", presentValue: "Present value", share: "Share" },
  fr: { stakeholder: "Partie prenante", presentValue: "Valeur actuelle", share: "Part" },
};

export type ResultKey =
  | "totalPV"
  | "totalInputs"
  | "npv"
  | "ratio"
  | "netRatio"
  | "annualImpact"
  | "payback"
  | "rate"
  | "discountYear1";
export const RESULT_LABELS: Words<ResultKey> = {
  en: {
    totalPV: "Total present value",
    totalInputs: "Total value of inputs",
    npv: "Net present value",
    ratio: "SROI ratio",
    netRatio: "Net SROI ratio",
    annualImpact: "Annual impact (year 1, undiscounted)",
    payback: "Payback period (months)",
    rate: "Discount rate",
    discountYear1: "Year 1 discounted",
  },
  fr: {
    totalPV: "Valeur actuelle totale",
    totalInputs: "Valeur totale des contributions",
    npv: "Valeur actuelle nette",
    ratio: "Ratio SROI",
    netRatio: "Ratio SROI net",
    annualImpact: "Impact annuel (année 1, non actualisé)",
    payback: "Délai de retour (mois)",
    rate: "Taux d'actualisation",
    discountYear1: "Année 1 actualisée",
  },
};

export const TEXT: Words<
  | "settingsTitle"
  | "stakeholdersTitle"
  | "inputsTitle"
  | "inputsNote"
  | "impactMapTitle"
  | "impactMapNote"
  | "stage1"
  | "stage3"
  | "stage4"
  | "stage5"
  | "projectionTitle"
  | "projectionNote"
  | "discountFactor"
  | "yearTotal"
  | "yearPV"
  | "gridPV"
  | "resultsTitle"
  | "valueByStakeholder"
  | "chartTitle"
  | "percentMessage"
  | "quantityMessage"
  | "durationMessage"
  | "startMessage"
  | "numberMessage"
  | "stakeholderMessage"
  | "kindMessage"
  | "rateMessage"
  | "yearsMessage"
> = {
  en: {
    settingsTitle: "SROI assessment settings",
    stakeholdersTitle: "Stakeholders (stage 1)",
    inputsTitle: "Inputs (stage 2)",
    inputsNote: "Value = Amount + Hours × Hourly cost. Cash at face value, in kind at market price, time at the cost of paying someone for it.",
    impactMapTitle: "Impact map",
    impactMapNote: "Percentages are shares: 25 % is 0.25. Impact = Quantity × Proxy value × (1 − Deadweight) × (1 − Displacement) × (1 − Attribution).",
    stage1: "Stage 1: stakeholders",
    stage3: "Stage 3: outcomes and their value",
    stage4: "Stage 4: establishing impact",
    stage5: "Stage 5",
    projectionTitle: "Projection of value over time (stage 5)",
    projectionNote: "One row per outcome of the impact map (its outcome number). Drop-off applies each year after the first year of the outcome.",
    discountFactor: "Discount factor",
    yearTotal: "Value in the year",
    yearPV: "Present value of the year",
    gridPV: "Present value of the years shown",
    resultsTitle: "SROI results",
    valueByStakeholder: "Value per stakeholder",
    chartTitle: "Present value per stakeholder",
    percentMessage: "Enter a share between 0 % and 100 % (25 % or 0.25).",
    quantityMessage: "Enter a number of people or units, zero or more.",
    durationMessage: "Enter a whole number of years (0 to 100).",
    startMessage: "Enter 1 (starts during the activity) or 2 (starts the period after).",
    numberMessage: "Enter a number.",
    stakeholderMessage: "Choose a stakeholder from the Stakeholders sheet.",
    kindMessage: "Choose cash, in kind or time.",
    rateMessage: "Enter a rate above −100 % and up to 100 % (3.5 % or 0.035).",
    yearsMessage: "Enter a whole number of years from 1 to 100.",
  },
  fr: {
    settingsTitle: "Paramètres de l'évaluation SROI",
    stakeholdersTitle: "Parties prenantes (étape 1)",
    inputsTitle: "Contributions (étape 2)",
    inputsNote: "Valeur = Montant + Heures × Coût horaire. Numéraire à sa valeur, nature au prix du marché, temps au coût de le payer.",
    impactMapTitle: "Carte des impacts",
    impactMapNote: "Les pourcentages sont des parts : 25 % vaut 0,25. Impact = Quantité × Valeur du proxy × (1 − Point mort) × (1 − Déplacement) × (1 − Attribution).",
    stage1: "Étape 1 : parties prenantes",
    stage3: "Étape 3 : effets et leur valeur",
    stage4: "Étape 4 : établir l'impact",
    stage5: "Étape 5",
    projectionTitle: "Projection de la valeur dans le temps (étape 5)",
    projectionNote: "Une ligne par effet de la carte des impacts (son numéro). L'érosion s'applique chaque année après la première année de l'effet.",
    discountFactor: "Facteur d'actualisation",
    yearTotal: "Valeur de l'année",
    yearPV: "Valeur actuelle de l'année",
    gridPV: "Valeur actuelle des années affichées",
    resultsTitle: "Résultats SROI",
    valueByStakeholder: "Valeur par partie prenante",
    chartTitle: "Valeur actuelle par partie prenante",
    percentMessage: "Saisissez une part entre 0 % et 100 % (25 % ou 0,25).",
    quantityMessage: "Saisissez un nombre de personnes ou d'unités, positif ou nul.",
    durationMessage: "Saisissez un nombre entier d'années (0 à 100).",
    startMessage: "Saisissez 1 (pendant l'activité) ou 2 (la période suivante).",
    numberMessage: "Saisissez un nombre.",
    stakeholderMessage: "Choisissez une partie prenante de la feuille Parties prenantes.",
    kindMessage: "Choisissez numéraire, en nature ou temps.",
    rateMessage: "Saisissez un taux supérieur à −100 % et jusqu'à 100 % (3,5 % ou 0,035).",
    yearsMessage: "Saisissez un nombre entier d'années de 1 à 100.",
  },
};
