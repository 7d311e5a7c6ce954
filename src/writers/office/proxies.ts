/**
 * The workbook's own proxies (the "Proxies" sheet, created on demand) and "use this proxy": the
 * proxy's name, value and source go into the selected impact-map row, or its value into the active
 * cell elsewhere. A non-empty cell is never replaced without the user's yes (overwrite: true).
 */
import { cellAddress } from "../../layout/a1";
import { OUTCOMES } from "../../layout/columns";
import { DEFAULT_SHEET_NAMES, PROXIES_TABLE } from "../../layout/names";
import { proxiesSheet, proxyRows } from "../../layout/proxies";
import { importProxies } from "../../proxies/csv";
import { Proxy, proxyName } from "../../proxies/types";
import { officeLang } from "../../i18n/lang";
import { applyLayout, officeCell } from "./apply";
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

const blankRow = (row: unknown[]) => row.every((v) => v === "" || v === null);

/** Appends proxies to the Proxies table, creating its sheet the first time. */
export async function writeWorkbookProxies(rows: Proxy[]): Promise<{ created: boolean; written: number; syncs: number }> {
  const lang = officeLang();
  const { value, syncs } = await excelRun(async (context, sync) => {
    const table = context.workbook.tables.getItemOrNullObject(PROXIES_TABLE);
    table.load("name");
    const sheets = context.workbook.worksheets.load("items/name");
    await sync();
    if (table.isNullObject) {
      const name = freeSheetName(DEFAULT_SHEET_NAMES[lang].proxies, sheets.items.map((s) => s.name));
      applyLayout(context, { sheets: [proxiesSheet(rows, lang, name)], currency: "", language: lang });
      await sync();
      return { created: true, written: rows.length };
    }
    const body = table.getDataBodyRange().load("values");
    await sync();
    const cells = proxyRows(rows).map((r) => r.map(officeCell));
    let rest = cells;
    if (body.values.length === 1 && blankRow(body.values[0]) && cells.length) {
      table.getDataBodyRange().getRow(0).values = [cells[0]];
      rest = cells.slice(1);
    }
    if (rest.length) table.rows.add(undefined, rest);
    await sync();
    return { created: false, written: rows.length };
  });
  return { ...value, syncs };
}

export type UseProxyResult =
  | { status: "written"; target: "impactMap" | "activeCell"; address: string }
  | { status: "needsConfirmation"; occupied: { address: string; value: string }[] };

const filled = (v: unknown) => v !== "" && v !== null && v !== undefined;

/** Puts a proxy where the user is: three round trips whatever the workbook holds. */
export async function useProxy(p: Proxy, opts: { overwrite: boolean }): Promise<UseProxyResult> {
  if (p.value === null) throw new Error(`proxy ${p.id} has no value: it points to a source to consult`);
  const lang = officeLang();
  const { value } = await excelRun(async (context, sync): Promise<UseProxyResult> => {
    const selected = context.workbook.getSelectedRange().load("rowIndex,columnIndex");
    const sheet = selected.worksheet.load("name");
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    await sync();
    const maps = tables.items.filter((t) => /^SroiOutcomes\d*$/i.test(t.name) && t.worksheet.name === sheet.name);
    const loaded = maps.map((t) => ({
      header: t.getHeaderRowRange().load("values,rowIndex,columnIndex,columnCount"),
      body: t.getDataBodyRange().load("values,rowCount"),
    }));
    const active = selected.getCell(0, 0).load("values,address");
    await sync();

    const row = selected.rowIndex;
    const hit = loaded.find(({ header, body }) => row > header.rowIndex && row <= header.rowIndex + body.rowCount);
    if (hit) {
      const headers = hit.header.values[0].map((h) => String(h).trim().toLowerCase());
      const col = (key: "proxyName" | "proxyValue" | "proxySource") => {
        const declared = OUTCOMES.columns.find((c) => c.key === key)!.header;
        return headers.findIndex((h) => h === declared.en.toLowerCase() || h === declared.fr.toLowerCase());
      };
      const dataRow = row - hit.header.rowIndex - 1;
      const source = [p.source, p.priceYear ? String(p.priceYear) : "", p.url].filter(Boolean).join(" — ");
      const writes = [
        { column: col("proxyName"), value: proxyName(p, lang) },
        { column: col("proxyValue"), value: p.value },
        { column: col("proxySource"), value: source },
      ].filter((w) => w.column >= 0);
      const at = (column: number) => context.workbook.worksheets.getItem(sheet.name).getRangeByIndexes(row, hit.header.columnIndex + column, 1, 1);
      const occupied = writes
        .map((w) => ({ w, current: hit.body.values[dataRow][w.column] }))
        .filter(({ w, current }) => filled(current) && current !== w.value)
        .map(({ w, current }) => ({ address: cellAddress(row, hit.header.columnIndex + w.column), value: String(current) }));
      if (occupied.length && !opts.overwrite) return { status: "needsConfirmation", occupied };
      for (const w of writes) at(w.column).values = [[officeCell(w.value)]];
      await sync();
      return { status: "written", target: "impactMap", address: cellAddress(row, hit.header.columnIndex + writes[0].column) };
    }
    const current = active.values[0][0];
    if (filled(current) && current !== p.value && !opts.overwrite) return { status: "needsConfirmation", occupied: [{ address: active.address, value: String(current) }] };
    active.values = [[p.value]];
    await sync();
    return { status: "written", target: "activeCell", address: active.address };
  });
  return value;
}

