/**
 * The workbook's own proxies (the "Proxies" sheet, created on demand) and "use this proxy": the
 * proxy's name, value, units per person, unit, source, price year and valuation method go into the
 * selected impact-map row (the columns an older map lacks are left out), or its value into the
 * active cell elsewhere. A non-empty cell is never replaced without the user's yes (overwrite: true).
 */
import { cellAddress } from "../../layout/a1";
import { OUTCOMES, OUTCOME_METHODS, type OutcomeKey, SETTINGS, type SettingsColumnKey, headersOf } from "../../layout/columns";
import { DEFAULT_SHEET_NAMES, PROXIES_TABLE } from "../../layout/names";
import { proxiesSheet, proxyRows } from "../../layout/proxies";
import { importProxies } from "../../proxies/csv";
import { Proxy, proxyName } from "../../proxies/types";
import { unitLabel } from "../../proxies/vocabulary";
import { officeLang } from "../../i18n/lang";
import { adjustmentNote } from "../../i18n/proxies";
import { type ProxyAdjustment, foreignCurrency } from "../../proxies/adjust";
import { LAST_ROW, WriteRefused, createdBy, previousCell, removeCreated, writeOrUndo } from "./allOrNothing";
import { applyLayout, layoutDefinedNames, officeCell } from "./apply";
import { excelRun, freeSheetName } from "./run";

/** The rows of the Proxies table that read as valid proxies; [] when there is no such table. */
export async function readWorkbookProxies(): Promise<Proxy[]> {
  const { value } = await excelRun(async (context, sync) => {
    const table = context.workbook.tables.getItemOrNullObject(PROXIES_TABLE);
    table.load("name");
    await sync();
    if (table.isNullObject) return [];
    const header = table.getHeaderRowRange().load("values,rowIndex");
    const body = table.getDataBodyRange().load("values");
    await sync();
    const result = importProxies([header.values[0], ...body.values], { origin: "workbook", firstRow: header.rowIndex + 1 });
    return result.accepted.map((a) => a.proxy);
  });
  return value;
}

/** A setting's value from a loaded settings table, by its key ("" when the table or the row is not there). */
function settingValue(t: { header: Excel.Range; body: Excel.Range } | null, key: string): string {
  if (!t) return "";
  const headers = t.header.values[0].map((h) => String(h).trim().toLowerCase());
  const col = (k: SettingsColumnKey) => {
    const names = headersOf(SETTINGS.columns.find((c) => c.key === k)!).map((h) => h.toLowerCase());
    return headers.findIndex((h) => names.includes(h));
  };
  const [k, v] = [col("key"), col("value")];
  if (k < 0 || v < 0) return "";
  const row = t.body.values.find((r) => String(r[k]).trim() === key);
  return row ? String(row[v] ?? "").trim() : "";
}

const blankRow = (row: unknown[]) => row.every((v) => v === "" || v === null);

/**
 * Appends proxies to the Proxies table, creating its sheet the first time (two round trips; three
 * to append). Checked first: the workbook's structure when the sheet is to be made, the name of the
 * table, the protection of its sheet; taken back when Excel refuses part-way.
 */
export async function writeWorkbookProxies(rows: Proxy[]): Promise<{ created: boolean; written: number; syncs: number }> {
  const lang = officeLang();
  const { value, syncs } = await excelRun(async (context, sync) => {
    const table = context.workbook.tables.getItemOrNullObject(PROXIES_TABLE);
    table.load("name");
    const sheets = context.workbook.worksheets.load("items/name,items/id,items/protection/protected");
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    const names = context.workbook.names.load("items/name");
    const structure = context.workbook.protection.load("protected");
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    await sync();
    if (table.isNullObject) {
      if (structure.protected) throw new WriteRefused({ code: "workbookProtected" }, lang);
      const taken = names.items.find((x) => x.name.toLowerCase() === PROXIES_TABLE.toLowerCase());
      if (taken) throw new WriteRefused({ code: "nameTaken", name: taken.name }, lang);
      const name = freeSheetName(DEFAULT_SHEET_NAMES[lang].proxies, sheets.items.map((s) => s.name));
      const layout = { sheets: [proxiesSheet(rows, lang, name)], currency: "", language: lang };
      const made = createdBy(layout, { sheets: sheets.items, tables: tables.items, names: names.items, active: active.name });
      await writeOrUndo(
        lang,
        [name],
        async () => {
          applyLayout(context, layout);
          await sync();
        },
        () => removeCreated(context, sync, made),
      );
      return { created: true, written: rows.length };
    }
    const sheetName = tables.items.find((t) => t.name.toLowerCase() === PROXIES_TABLE.toLowerCase())!.worksheet.name;
    if (sheets.items.find((s) => s.name === sheetName)?.protection.protected) throw new WriteRefused({ code: "sheetProtected", sheet: sheetName }, lang);
    const body = table.getDataBodyRange().load("values,rowIndex");
    const first = table.getDataBodyRange().getRow(0).load("formulas");
    await sync();
    const cells = proxyRows(rows).map((r) => r.map(officeCell));
    const placeholder = body.values.length === 1 && blankRow(body.values[0]) && cells.length > 0;
    const rest = placeholder ? cells.slice(1) : cells;
    if (body.rowIndex + body.values.length - 1 + rest.length > LAST_ROW) throw new WriteRefused({ code: "noRoom", sheet: sheetName, table: PROXIES_TABLE, rows: rest.length }, lang);
    await writeOrUndo(
      lang,
      [sheetName],
      async () => {
        if (placeholder) table.getDataBodyRange().getRow(0).values = [cells[0]];
        if (rest.length) table.rows.add(undefined, rest);
        await sync();
      },
      async () => {
        const t = context.workbook.tables.getItem(PROXIES_TABLE);
        const now = t.getDataBodyRange().load("rowCount");
        await sync();
        for (let r = now.rowCount - 1; r >= body.values.length; r--) t.rows.getItemAt(r).delete();
        if (placeholder) t.getDataBodyRange().getRow(0).formulas = first.formulas;
        await sync();
      },
    );
    return { created: false, written: rows.length };
  });
  return { ...value, syncs };
}

export type UseProxyResult =
  | { status: "written"; target: "impactMap" | "activeCell"; address: string }
  | { status: "needsConfirmation"; occupied: { address: string; value: string }[] };

const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;
const isFormula = (f: unknown) => typeof f === "string" && f.startsWith("=");

/**
 * What a cell holds that a write would lose, as the user should read it: its formula (even one that
 * shows "", which looks empty), else its value; null when the cell is empty or already holds `next`.
 */
function heldBy(value: unknown, formula: unknown, next: unknown): string | null {
  if (isFormula(formula)) return String(formula);
  return filled(value) && value !== next ? String(value) : null;
}

/** A proxy made ready for the assessment (adjustProxy): converted and revalued, with its figures. */
export type ReadyProxy = Extract<ProxyAdjustment, { status: "ready" }>;

/**
 * Puts a proxy where the user is: three round trips whatever the workbook holds (the second reads the
 * map's settings too: its currency, to refuse a proxy in another currency not converted). With `adjusted`,
 * the value written is the converted and revalued one, the price year the one it is in, the proxy
 * source ends with how it was made, and a conversion fills the currency, rate and rate-source
 * columns (a map without them is refused: the conversion would not be recorded). A protected sheet
 * is refused before anything is written; when Excel refuses part-way, the cells changed get their
 * previous content back (read in the second trip). Cell formats are not changed by the write, so
 * there is nothing of them to restore.
 */
export async function useProxy(p: Proxy, opts: { overwrite: boolean; units?: number; adjusted?: ReadyProxy }): Promise<UseProxyResult> {
  if (p.value === null) throw new Error(`proxy ${p.id} has no value: it points to a source to consult`);
  const lang = officeLang();
  const { value } = await excelRun(async (context, sync): Promise<UseProxyResult> => {
    const selected = context.workbook.getSelectedRange().load("rowIndex,columnIndex");
    const sheet = selected.worksheet.load("name");
    const protection = selected.worksheet.protection.load("protected");
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    await sync();
    if (protection.protected) throw new WriteRefused({ code: "sheetProtected", sheet: sheet.name }, lang);
    const maps = tables.items.filter((t) => /^SroiOutcomes\d*$/i.test(t.name) && t.worksheet.name === sheet.name);
    const loaded = maps.map((t) => ({
      name: t.name,
      header: t.getHeaderRowRange().load("values,rowIndex,columnIndex,columnCount"),
      body: t.getDataBodyRange().load("values,formulas,rowCount"),
    }));
    const active = selected.getCell(0, 0).load("values,formulas,address");
    // each map's settings (SroiOutcomes2 → SroiSettings2), read in the same trip: the assessment's
    // currency, to refuse a proxy in another currency that was not converted
    const settings = maps.map((t) => {
      const name = t.name.replace(/^SroiOutcomes/i, "SroiSettings").toLowerCase();
      const found = tables.items.find((x) => x.name.toLowerCase() === name);
      return found ? { header: found.getHeaderRowRange().load("values"), body: found.getDataBodyRange().load("values") } : null;
    });
    await sync();

    const row = selected.rowIndex;
    const hit = loaded.find(({ header, body }) => row > header.rowIndex && row <= header.rowIndex + body.rowCount);
    if (hit) {
      const headers = hit.header.values[0].map((h) => String(h).trim().toLowerCase());
      const declared = (key: OutcomeKey) => OUTCOMES.columns.find((c) => c.key === key)!.header;
      const col = (key: OutcomeKey) => headers.findIndex((h) => h === declared(key).en.toLowerCase() || h === declared(key).fr.toLowerCase());
      // the words written (unit, method) in the map's own language, which its list validation holds
      const sheetLang = headers.includes(declared("proxyValue").fr.toLowerCase()) ? "fr" : headers.includes(declared("proxyValue").en.toLowerCase()) ? "en" : lang;
      const dataRow = row - hit.header.rowIndex - 1;
      const adj = opts.adjusted;
      const note = adj ? adjustmentNote(adj, sheetLang) : "";
      const source = [p.source, p.priceYear ? String(p.priceYear) : "", p.url, note].filter(Boolean).join(" — ");
      const priceYear = adj ? adj.priceYear : p.priceYear;
      const conversion = adj?.conversion;
      const mapCurrency = settingValue(settings[loaded.indexOf(hit)], "currency");
      if (!conversion && foreignCurrency(p, mapCurrency)) {
        throw new WriteRefused({ code: "foreignProxyCurrency", proxy: p.currency.toUpperCase(), currency: mapCurrency.toUpperCase() }, lang);
      }
      if (conversion && (["proxyCurrency", "exchangeRate", "exchangeRateSource"] as const).some((k) => col(k) < 0)) {
        throw new WriteRefused({ code: "noConversionColumns", table: hit.name }, lang);
      }
      const writes = [
        { column: col("proxyName"), value: proxyName(p, lang) as string | number },
        { column: col("proxyValue"), value: adj ? adj.value : p.value },
        ...(opts.units === undefined ? [] : [{ column: col("proxyUnits"), value: opts.units }]),
        ...(p.unit ? [{ column: col("proxyUnit"), value: unitLabel(p.unit, sheetLang) }] : []),
        { column: col("proxySource"), value: source },
        ...(conversion
          ? [
              { column: col("proxyCurrency"), value: conversion.from },
              { column: col("exchangeRate"), value: conversion.rate.toNumber() },
              { column: col("exchangeRateSource"), value: conversion.source },
            ]
          : []),
        ...(priceYear === null ? [] : [{ column: col("proxyPriceYear"), value: priceYear }]),
        ...(p.method ? [{ column: col("valuationMethod"), value: OUTCOME_METHODS[sheetLang][p.method] }] : []),
      ].filter((w) => w.column >= 0);
      const at = (column: number) => context.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(row, hit.header.columnIndex + column, 1, 1);
      const occupied = writes.flatMap((w) => {
        const held = heldBy(hit.body.values[dataRow][w.column], hit.body.formulas[dataRow][w.column], w.value);
        return held === null ? [] : [{ address: cellAddress(row, hit.header.columnIndex + w.column), value: held }];
      });
      if (occupied.length && !opts.overwrite) return { status: "needsConfirmation", occupied };
      const before = (column: number) => previousCell(hit.body.values[dataRow][column], hit.body.formulas[dataRow][column]);
      await writeOrUndo(
        lang,
        [sheet.name],
        async () => {
          for (const w of writes) at(w.column).values = [[officeCell(w.value)]];
          await sync();
        },
        async () => {
          for (const w of writes) at(w.column).formulas = [[before(w.column)]];
          await sync();
        },
      );
      return { status: "written", target: "impactMap", address: cellAddress(row, hit.header.columnIndex + writes[0].column) };
    }
    const current = active.values[0][0];
    const held = heldBy(current, active.formulas[0][0], p.value);
    if (held !== null && !opts.overwrite) return { status: "needsConfirmation", occupied: [{ address: active.address, value: held }] };
    const was = previousCell(current, active.formulas[0][0]);
    await writeOrUndo(
      lang,
      [sheet.name],
      async () => {
        active.values = [[p.value]];
        await sync();
      },
      async () => {
        context.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(selected.rowIndex, selected.columnIndex, 1, 1).formulas = [[was]];
        await sync();
      },
    );
    return { status: "written", target: "activeCell", address: active.address };
  });
  return value;
}

