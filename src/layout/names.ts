/**
 * The names an assessment's layout uses. Table and defined names are language-independent, so the
 * formulas of an English and a French workbook reference the same things; a second assessment in
 * one workbook takes a suffix ("2", "3"…) so nothing of the first is touched.
 */
import type { Lang } from "../sroi";
import type { SheetKey } from "./types";

export const TABLE_KEYS = ["settings", "stakeholders", "inputs", "outcomes", "projection", "valueByStakeholder", "inputsByKind", "inputsByStakeholder", "sensitivity", "exclusions"] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export const NAME_KEYS = [
  "rate",
  "discountYear1",
  "currency",
  "years",
  "totalPV",
  "totalInputs",
  "npv",
  "ratio",
  "netRatio",
  "annualImpact",
  "payback",
  // the Sensitivity sheet (./sensitivity.ts) and the ratio's range on Results
  "sensitivityDate",
  "sensitivityPV",
  "sensitivityInputs",
  "sensitivityStatus",
  "ratioP10",
  "ratioMedian",
  "ratioP90",
] as const;
export type NameKey = (typeof NAME_KEYS)[number];

const TABLE_BASE: Record<TableKey, string> = {
  settings: "SroiSettings",
  stakeholders: "SroiStakeholders",
  inputs: "SroiInputs",
  outcomes: "SroiOutcomes",
  projection: "SroiProjection",
  valueByStakeholder: "SroiValueByStakeholder",
  inputsByKind: "SroiInputsByKind",
  inputsByStakeholder: "SroiInputsByStakeholder",
  sensitivity: "SroiSensitivity",
  exclusions: "SroiExclusions",
};

const NAME_BASE: Record<NameKey, string> = {
  rate: "SroiRate",
  discountYear1: "SroiDiscountYear1",
  currency: "SroiCurrency",
  years: "SroiYears",
  totalPV: "SroiTotalPV",
  totalInputs: "SroiTotalInputs",
  npv: "SroiNPV",
  ratio: "SroiRatio",
  netRatio: "SroiNetRatio",
  annualImpact: "SroiAnnualImpact",
  payback: "SroiPayback",
  sensitivityDate: "SroiSensitivityDate",
  sensitivityPV: "SroiSensitivityPV",
  sensitivityInputs: "SroiSensitivityInputs",
  sensitivityStatus: "SroiSensitivityStatus",
  ratioP10: "SroiRatioP10",
  ratioMedian: "SroiRatioMedian",
  ratioP90: "SroiRatioP90",
};

/** The name of the tornado chart on the Sensitivity sheet (charts are named per sheet). */
export const TORNADO_CHART = "SroiTornado";

/** The table holding the workbook's own proxies (one per workbook, shared by its assessments). */
export const PROXIES_TABLE = "SroiProxies";

/** The value game's tables (one game per workbook; src/layout/valueGame.ts declares them). */
export const VALUE_GAME_TABLES = {
  benefits: "SroiValueGameBenefits",
  goods: "SroiValueGameGoods",
  placements: "SroiValueGamePlacements",
} as const;
export type ValueGameTableKey = keyof typeof VALUE_GAME_TABLES;

export const VALUE_GAME_SHEET_NAME: Record<Lang, string> = { en: "Value game", fr: "Jeu de la valeur" };

export interface LayoutNames {
  suffix: string;
  tables: Record<TableKey, string>;
  names: Record<NameKey, string>;
}

export function layoutNames(suffix = ""): LayoutNames {
  const map = <K extends string>(base: Record<K, string>) =>
    Object.fromEntries(Object.entries(base).map(([k, v]) => [k, `${v}${suffix}`])) as Record<K, string>;
  return { suffix, tables: map(TABLE_BASE), names: map(NAME_BASE) };
}

/** The suffix of a settings table name: "SroiSettings2" → "2"; null for another table. */
export function suffixOfSettingsTable(tableName: string): string | null {
  const m = /^SroiSettings(\d*)$/i.exec(tableName);
  return m ? m[1] : null;
}

export const DEFAULT_SHEET_NAMES: Record<Lang, Record<SheetKey, string>> = {
  en: {
    settings: "SROI settings",
    stakeholders: "Stakeholders",
    inputs: "Inputs",
    impactMap: "Impact map",
    projection: "Projection",
    results: "Results",
    summary: "Summary",
    sensitivity: "Sensitivity",
    proxies: "Proxies",
  },
  fr: {
    settings: "Paramètres SROI",
    stakeholders: "Parties prenantes",
    inputs: "Contributions",
    impactMap: "Carte des impacts",
    projection: "Projection",
    results: "Résultats",
    summary: "Synthèse",
    sensitivity: "Sensibilité",
    proxies: "Proxies",
  },
};
