/** The workbook's own "Proxies" sheet: one table with the library's columns (src/proxies/types.ts). */
import { PROXY_COLUMNS, Proxy, proxyCells } from "../proxies/types";
import type { Lang } from "../sroi";
import { PROXIES_TABLE } from "./names";
import type { Cell, Column, Sheet, Table } from "./types";

export const PROXIES_TITLE: Record<Lang, string> = {
  en: "Our financial proxies (searched before the built-in library; an id here wins over the library's)",
  fr: "Nos proxys financiers (consultés avant la bibliothèque intégrée ; un identifiant ici l'emporte sur la bibliothèque)",
};

export function proxyColumns(lang: Lang): Column[] {
  return PROXY_COLUMNS.map((c) => ({
    key: c.key,
    header: c[lang],
    format: c.format === "number" ? "number" : c.format === "year" ? "year" : "text",
    width: c.width,
  }));
}

export function proxyRows(proxies: readonly Proxy[]): Cell[][] {
  return proxies.map((p) => proxyCells(p));
}

export function proxiesTable(proxies: readonly Proxy[], lang: Lang): Table {
  return {
    kind: "table",
    name: PROXIES_TABLE,
    row: 2,
    column: 0,
    columns: proxyColumns(lang),
    rows: proxies.length ? proxyRows(proxies) : [PROXY_COLUMNS.map(() => null)],
  };
}

export function proxiesSheet(proxies: readonly Proxy[], lang: Lang, name: string): Sheet {
  return {
    key: "proxies",
    name,
    freeze: { rows: 3, columns: 1 },
    parts: [{ kind: "block", row: 0, column: 0, cells: [[PROXIES_TITLE[lang]]], style: "title" }, proxiesTable(proxies, lang)],
  };
}
