/**
 * The words the sheets show around the tables: titles, notes, stage labels, in English and French.
 * Column headers and setting labels are declared with their columns (./columns.ts).
 */
import type { Lang } from "../sroi";

type Words<K extends string> = Record<Lang, Record<K, string>>;

export const TEXT: Words<
  | "settingsTitle"
  | "stakeholdersTitle"
  | "exclusionsTitle"
  | "inputsTitle"
  | "inputsNote"
  | "impactMapTitle"
  | "impactMapNote"
  | "stage1"
  | "stage2"
  | "stage3"
  | "stage4"
  | "stage5"
  | "projectionTitle"
  | "projectionNote"
  | "discountFactor"
  | "yearTotal"
  | "yearPV"
  | "gridPV"
  | "laterPV"
  | "totalPVAsResults"
  | "inputsByKind"
  | "inputsByStakeholder"
  | "inputsChartTitle"
  | "resultsTitle"
  | "valueByStakeholder"
  | "chartTitle"
> = {
  en: {
    settingsTitle: "SROI assessment settings",
    stakeholdersTitle: "Stakeholders (stage 1)",
    exclusionsTitle: "Left out of the analysis, and why",
    inputsTitle: "Inputs (stage 2)",
    inputsNote: "Value = Amount + Hours × Hourly cost. Cash at face value, in kind at market price, time at the cost of paying someone for it.",
    impactMapTitle: "Impact map",
    impactMapNote: "Percentages are shares: 25 % is 0.25. Impact = Quantity × Proxy value × Units per person × (1 − Deadweight) × (1 − Displacement) × (1 − Attribution).",
    stage1: "Stage 1: stakeholders",
    stage2: "Stage 2: activities and outputs",
    stage3: "Stage 3: outcomes and their value",
    stage4: "Stage 4: establishing impact",
    stage5: "Stage 5",
    projectionTitle: "Projection of value over time (stage 5)",
    projectionNote: "One row per outcome of the impact map (its outcome number). Drop-off applies each year after the first year of the outcome.",
    discountFactor: "Discount factor",
    yearTotal: "Value in the year",
    yearPV: "Present value of the year",
    gridPV: "Present value of the years shown",
    laterPV: "Present value of later years (not shown; Results counts them)",
    totalPVAsResults: "Total present value, every year (as on Results)",
    resultsTitle: "SROI results",
    valueByStakeholder: "Value per stakeholder",
    chartTitle: "Present value per stakeholder",
    inputsByKind: "Inputs by kind",
    inputsByStakeholder: "Inputs by stakeholder",
    inputsChartTitle: "Inputs by kind",
  },
  fr: {
    settingsTitle: "Paramètres de l'évaluation SROI",
    stakeholdersTitle: "Parties prenantes (étape 1)",
    exclusionsTitle: "Exclu de l'analyse, et pourquoi",
    inputsTitle: "Contributions (étape 2)",
    inputsNote: "Valeur = Montant + Heures × Coût horaire. Numéraire à sa valeur, nature au prix du marché, temps au coût de le payer.",
    impactMapTitle: "Carte des impacts",
    impactMapNote: "Les pourcentages sont des parts : 25 % vaut 0,25. Impact = Quantité × Valeur du proxy × Unités par personne × (1 − Point mort) × (1 − Déplacement) × (1 − Attribution).",
    stage1: "Étape 1 : parties prenantes",
    stage2: "Étape 2\u00a0: activités et réalisations",
    stage3: "Étape 3 : effets et leur valeur",
    stage4: "Étape 4 : établir l'impact",
    stage5: "Étape 5",
    projectionTitle: "Projection de la valeur dans le temps (étape 5)",
    projectionNote: "Une ligne par effet de la carte des impacts (son numéro). La décroissance s'applique chaque année après la première année de l'effet.",
    discountFactor: "Facteur d'actualisation",
    yearTotal: "Valeur de l'année",
    yearPV: "Valeur actuelle de l'année",
    gridPV: "Valeur actuelle des années affichées",
    laterPV: "Valeur actuelle des années suivantes (non affichées\u00a0; Résultats les compte)",
    totalPVAsResults: "Valeur actuelle totale, toutes années (comme dans Résultats)",
    resultsTitle: "Résultats SROI",
    valueByStakeholder: "Valeur par partie prenante",
    chartTitle: "Valeur actuelle par partie prenante",
    inputsByKind: "Contributions par nature",
    inputsByStakeholder: "Contributions par partie prenante",
    inputsChartTitle: "Contributions par nature",
  },
};
