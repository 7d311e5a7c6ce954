/**
 * SROI.PROXY's logic: a proxy's value or another field, from the workbook's Proxies table first,
 * then the built-in library. The table arrives as the range Excel passes (header row first), so the
 * function depends on it and Excel recalculates when the table changes. Only the row asked for is
 * read: one bad row elsewhere in the table does not break every SROI.PROXY of the workbook.
 */
import { type Issue, type Lang, type Result, decimalMarkOf, fail, ok } from "../sroi";
import { methodLabel, themeLabel } from "./vocabulary";
import { CellInput, cellText, mapHeader, readMethod, readNumberCell, readThemes } from "./csv";
import { LIBRARY_PROXIES } from "./library.generated";
import { fold, foldKey } from "./text";
import { Proxy, ProxyColumnKey, idKey, proxyName } from "./types";

/** The fields SROI.PROXY answers, by the words a user may type in either language. */
export type LookupField = "value" | "name" | "unit" | "year" | "currency" | "source" | "url" | "country" | "method" | "theme" | "notes" | "id" | "kind" | "name_en" | "name_fr";

const FIELD_WORDS: Record<LookupField, string[]> = {
  value: ["value", "valeur", "montant", "amount"],
  name: ["name", "nom"],
  unit: ["unit", "unite"],
  year: ["year", "annee", "price year", "price_year", "annee des prix"],
  currency: ["currency", "devise", "monnaie"],
  source: ["source"],
  url: ["url", "link", "lien"],
  country: ["country", "pays"],
  method: ["method", "methode", "valuation method"],
  theme: ["theme", "themes"],
  notes: ["notes", "note"],
  id: ["id", "identifiant"],
  kind: ["kind", "type"],
  name_en: ["name_en", "name en", "english name"],
  name_fr: ["name_fr", "name fr", "nom francais", "french name"],
};
const FIELD_INDEX = new Map<string, LookupField>(
  (Object.entries(FIELD_WORDS) as [LookupField, string[]][]).flatMap(([f, words]) => words.map((w) => [foldKey(w), f] as [string, LookupField])),
);

export function readLookupField(raw: CellInput): LookupField | null {
  const text = cellText(raw);
  if (text === "") return "value";
  return FIELD_INDEX.get(foldKey(text)) ?? null;
}

const LIBRARY_BY_ID = new Map<string, Proxy>();
function libraryProxy(id: string): Proxy | undefined {
  if (LIBRARY_BY_ID.size === 0) for (const p of LIBRARY_PROXIES) LIBRARY_BY_ID.set(idKey(p.id), p);
  return LIBRARY_BY_ID.get(idKey(id));
}

/** What a field of a library proxy answers; "" for a blank (a blank-looking cell, not 0). */
function answerFromProxy(p: Proxy, field: LookupField, lang: Lang): Result<number | string> {
  switch (field) {
    case "value":
      return p.value === null ? fail({ code: "proxyIsReference", field: "proxyId", value: p.id }) : ok(p.value);
    case "name":
      return ok(proxyName(p, lang));
    case "name_en":
      return ok(p.nameEn);
    case "name_fr":
      return ok(p.nameFr);
    case "year":
      return ok(p.priceYear ?? "");
    case "method":
      return ok(methodLabel(p.method, lang));
    case "theme":
      return ok(p.themes.map((t) => themeLabel(t, lang)).join("; "));
    case "kind":
      return ok(p.kind);
    default:
      return ok(p[field]);
  }
}

const COLUMN_OF: Partial<Record<LookupField, ProxyColumnKey>> = {
  value: "value",
  unit: "unit",
  year: "price_year",
  currency: "currency",
  source: "source",
  url: "url",
  country: "country",
  method: "method",
  theme: "theme",
  notes: "notes",
  id: "id",
  kind: "kind",
  name_en: "name_en",
  name_fr: "name_fr",
};

/** The answer from a row of the workbook's table; `at` places problems in the range (1-based). */
function answerFromRow(
  cells: readonly CellInput[],
  columns: ReturnType<typeof mapHeader>["columns"],
  field: LookupField,
  lang: Lang,
  rangeRow: number,
  id: string,
): Result<number | string> {
  const cellOf = (key: ProxyColumnKey): CellInput => (columns[key] ? cells[columns[key]!.index] : undefined);
  const textOf = (key: ProxyColumnKey) => cellText(cellOf(key));
  const place = (key: ProxyColumnKey): Pick<Issue, "row" | "column"> => ({ row: rangeRow, column: (columns[key]?.index ?? 0) + 1 });

  switch (field) {
    case "name":
      return ok(proxyName({ nameEn: textOf("name_en"), nameFr: textOf("name_fr") }, lang));
    case "value": {
      const raw = cellOf("value");
      const n = readNumberCell(raw, decimalMarkOf(lang));
      if (!n.ok) return fail({ code: "notANumber", field: "proxyTable", value: typeof raw === "boolean" ? raw : cellText(raw), ...place("value") });
      if (n.value !== null) return ok(n.value);
      if (fold(textOf("kind")).startsWith("ref")) return fail({ code: "proxyIsReference", field: "proxyId", value: id });
      return fail({ code: "required", field: "proxyTable", ...place("value") });
    }
    case "year": {
      const n = readNumberCell(cellOf("price_year"), decimalMarkOf(lang));
      return ok(n.ok && n.value !== null ? n.value : textOf("price_year"));
    }
    case "method": {
      const m = readMethod(textOf("method"));
      return ok(m === null ? textOf("method") : methodLabel(m, lang));
    }
    case "theme":
      return ok(readThemes(textOf("theme")).map((t) => themeLabel(t, lang)).join("; "));
    default:
      return ok(textOf(COLUMN_OF[field]!));
  }
}

/**
 * SROI.PROXY(id, [field], [proxies]): the workbook's table (header row included) wins over the
 * library when both have the id. Without a table, only the library is searched.
 */
export function lookupProxy(rawId: CellInput, rawField: CellInput, table: readonly (readonly CellInput[])[] | null, lang: Lang): Result<number | string> {
  const id = cellText(rawId);
  if (id === "") return fail({ code: "required", field: "proxyId" });
  const field = readLookupField(rawField);
  if (field === null) return fail({ code: "unknownProxyField", field: "proxyField", value: cellText(rawField) });

  if (table && table.length > 0) {
    const headerAt = table.findIndex((r) => r.some((c) => cellText(c) !== ""));
    const columns = headerAt < 0 ? {} : mapHeader(table[headerAt]).columns;
    if (!columns.id) return fail({ code: "notAProxyTable", field: "proxyTable" });
    const key = idKey(id);
    for (let r = headerAt + 1; r < table.length; r++) {
      if (idKey(cellText(table[r][columns.id.index])) === key) return answerFromRow(table[r], columns, field, lang, r + 1, id);
    }
  }
  const p = libraryProxy(id);
  if (!p) return fail({ code: "unknownProxy", field: "proxyId", value: id });
  return answerFromProxy(p, field, lang);
}
