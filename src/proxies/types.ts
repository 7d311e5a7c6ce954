/**
 * A financial proxy: the money value of one unit of a change, with where it comes from. The same
 * columns describe the built-in library (data/proxies.csv), the workbook's "Proxies" table and the
 * CSV files users import and export, so one list (PROXY_COLUMNS) drives all three.
 */

/** The four ways the SROI guide values a change, plus wellbeing valuation (HM Treasury's WELLBY). */
export const VALUATION_METHODS = [
  "additional income",
  "cost saved",
  "market equivalent",
  "value game",
  "wellbeing valuation",
] as const;
export type ValuationMethod = (typeof VALUATION_METHODS)[number];

/** Where a proxy was found: shipped with the add-in, or in the workbook's own Proxies table. */
export type ProxyOrigin = "library" | "workbook";

/**
 * "value": a number to use. "reference": a "where to look" entry pointing at a source whose values
 * cannot be bundled (licence) or are too many to copy; its value is empty and its url says where.
 */
export type ProxyKind = "value" | "reference";

export interface Proxy {
  id: string;
  nameEn: string;
  nameFr: string;
  /** money per unit; null only for a reference entry */
  value: number | null;
  /** ISO 4217 code (EUR, GBP); blank only for a reference entry */
  currency: string;
  /** what one unit is: "per month", "per day"... */
  unit: string;
  /** the year whose prices the value is in */
  priceYear: number | null;
  /** FR, BE, UK... (INT for international sources) */
  country: string;
  /** language-independent keys: employment, health... (labels in src/i18n/proxies.ts) */
  themes: string[];
  /** one of VALUATION_METHODS, or "" when unknown (reference entries) */
  method: ValuationMethod | "";
  source: string;
  url: string;
  notes: string;
  origin: ProxyOrigin;
  kind: ProxyKind;
}

/** The fields of a Proxy that a table column holds (origin is where the row was read, not a column). */
export type ProxyColumnKey =
  | "id"
  | "name_en"
  | "name_fr"
  | "value"
  | "currency"
  | "unit"
  | "price_year"
  | "country"
  | "theme"
  | "method"
  | "source"
  | "url"
  | "notes"
  | "kind";

export interface ProxyColumn {
  /** the CSV header of data/proxies.csv, and the stable key readers find the column by */
  key: ProxyColumnKey;
  /** the Proxy property it fills */
  field: Exclude<keyof Proxy, "origin">;
  /** header of the workbook's Proxies table, by the workbook's language */
  en: string;
  fr: string;
  /** how the cell is formatted: text (also for ids such as "2025-A"), a money value, a year */
  format: "text" | "number" | "year";
  /** column width in characters, for the Proxies sheet */
  width: number;
}

/**
 * Column order of data/proxies.csv, of the Proxies table and of exported CSV files. The first 13 are
 * the seed's columns; "kind" comes last so a file without it still reads (kind is then inferred).
 */
export const PROXY_COLUMNS: readonly ProxyColumn[] = [
  { key: "id", field: "id", en: "Id", fr: "Identifiant", format: "text", width: 26 },
  { key: "name_en", field: "nameEn", en: "Name (English)", fr: "Nom (anglais)", format: "text", width: 40 },
  { key: "name_fr", field: "nameFr", en: "Name (French)", fr: "Nom (français)", format: "text", width: 40 },
  { key: "value", field: "value", en: "Value", fr: "Valeur", format: "number", width: 12 },
  { key: "currency", field: "currency", en: "Currency", fr: "Devise", format: "text", width: 9 },
  { key: "unit", field: "unit", en: "Unit", fr: "Unité", format: "text", width: 18 },
  { key: "price_year", field: "priceYear", en: "Price year", fr: "Année des prix", format: "year", width: 10 },
  { key: "country", field: "country", en: "Country", fr: "Pays", format: "text", width: 8 },
  { key: "theme", field: "themes", en: "Themes", fr: "Thèmes", format: "text", width: 22 },
  { key: "method", field: "method", en: "Valuation method", fr: "Méthode de valorisation", format: "text", width: 20 },
  { key: "source", field: "source", en: "Source", fr: "Source", format: "text", width: 40 },
  { key: "url", field: "url", en: "Link", fr: "Lien", format: "text", width: 30 },
  { key: "notes", field: "notes", en: "Notes", fr: "Notes", format: "text", width: 40 },
  { key: "kind", field: "kind", en: "Kind", fr: "Type", format: "text", width: 10 },
];

/** Ids are matched without regard to case or surrounding spaces, as Excel matches text. */
export const idKey = (id: string): string => id.trim().toUpperCase();

/** The name in the user's language, falling back to the other one when it is blank. */
export function proxyName(proxy: Pick<Proxy, "nameEn" | "nameFr">, lang: "en" | "fr"): string {
  return (lang === "fr" ? proxy.nameFr || proxy.nameEn : proxy.nameEn || proxy.nameFr).trim();
}

/** One proxy as the cells of a row, in PROXY_COLUMNS order (text stays unescaped). */
export function proxyCells(p: Proxy): (string | number | null)[] {
  return PROXY_COLUMNS.map((c): string | number | null => {
    switch (c.key) {
      case "value":
        return p.value;
      case "price_year":
        return p.priceYear;
      case "theme":
        return p.themes.join(";");
      default:
        return p[c.field] as string;
    }
  });
}
