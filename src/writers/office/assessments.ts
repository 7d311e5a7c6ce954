/**
 * An assessment in the live workbook: create its sheets, find it again (its settings live in the
 * workbook itself, so "continue" works on another computer), add rows to it, make a portable copy.
 * Nothing existing is ever replaced: taken sheet names get a free variant, taken table and defined
 * names a suffix (a second assessment in the same workbook).
 */
import { buildLayout, outcomeRows, projectionRow } from "../../layout/build";
import { DEFAULT_SHEET_NAMES, TABLE_KEYS, TableKey, layoutNames, suffixOfSettingsTable } from "../../layout/names";
import { INPUT_TABLES } from "../../layout/columns";
import { ReadProblem, TableContents, readAssessment } from "../../layout/read";
import { NOT_COMPUTED } from "../../layout/sensitivity";
import { Cell, SheetKey, Table, WorkbookLayout, isFormula } from "../../layout/types";
import type { Assessment, Input, Outcome, Stakeholder } from "../../sroi";
import { officeLang, officeLocale } from "../../i18n/lang";
import { metadataLang } from "../../functions/catalog";
import { LAST_ROW, WriteRefused, createdBy, removeCreated, writeOrUndo } from "./allOrNothing";
import { applyLayout, layoutDefinedNames, officeCell } from "./apply";
import { LocalFunctionNames, localFunctionNames } from "./localFormulas";
import { excelRun, freeSheetName } from "./run";
import { checkMessage } from "../../i18n/checks";

export interface FoundAssessment {
  suffix: string;
  assessment: Assessment;
  sheetNames: Record<SheetKey, string>;
  /** problems met while reading it back (a value a user typed that the core refuses) */
  problems: ReadProblem[];
  /**
   * Headers of this workbook that an earlier layout wrote (« Érosion », now « Décroissance »): rows
   * added to it get formulas naming the column as the table does.
   */
  formerHeaders?: { current: string; former: string }[];
  /** the assessment's tables the workbook holds (an older layout lacks the inputs by stakeholder) */
  tables?: TableKey[];
}

export interface ScaffoldResult {
  found: FoundAssessment;
  syncs: number;
  renamed: { key: SheetKey; wanted: string; got: string }[];
}

/** The smallest suffix ("", "2", "3"…) whose table and defined names are all free. */
export function freeSuffix(takenNames: readonly string[]): string {
  const taken = new Set(takenNames.map((n) => n.toLowerCase()));
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? "" : String(k);
    const n = layoutNames(suffix);
    const all = [...Object.values(n.tables), ...Object.values(n.names)];
    if (all.every((x) => !taken.has(x.toLowerCase()))) return suffix;
  }
}

/**
 * Creates the sheets of a new assessment in two round trips whatever its size, three where Office's
 * display language has its own custom-function names (localFormulas.ts). A protected workbook
 * structure is refused before anything is written; when Excel refuses part-way, the sheets and
 * names made so far are deleted again (two more round trips, only then).
 */
export async function scaffoldAssessment(a: Assessment): Promise<ScaffoldResult> {
  // Office's display language, not the assessment's: Excel registered the functions under its names.
  const local = new LocalFunctionNames(localFunctionNames(metadataLang(officeLocale())));
  const lang = officeLang();
  const { value, syncs } = await excelRun(async (context, sync) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const tables = context.workbook.tables.load("items/name");
    const names = context.workbook.names.load("items/name");
    const structure = context.workbook.protection.load("protected");
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    await sync();
    if (structure.protected) throw new WriteRefused({ code: "workbookProtected" }, lang);
    const suffix = freeSuffix([...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);
    const taken = sheets.items.map((s) => s.name);
    const renamed: ScaffoldResult["renamed"] = [];
    const sheetNames = {} as Record<SheetKey, string>;
    for (const [key, wanted] of Object.entries(DEFAULT_SHEET_NAMES[a.settings.language]) as [SheetKey, string][]) {
      if (key === "proxies") continue;
      const got = freeSheetName(wanted, taken);
      taken.push(got);
      sheetNames[key] = got;
      if (got !== wanted) renamed.push({ key, wanted, got });
    }
    sheetNames.proxies = DEFAULT_SHEET_NAMES[a.settings.language].proxies;
    const layout = buildLayout(a, { suffix, sheetNames, checkText: checkMessage });
    const made = createdBy(layout, { sheets: sheets.items, tables: tables.items, names: names.items, active: active.name });
    await writeOrUndo(
      lang,
      made.sheets,
      async () => {
        const created = applyLayout(context, layout, local);
        created[layout.sheets.findIndex((s) => s.key === "impactMap")].activate();
        await sync();
        if (local.queueRewrite()) await sync();
      },
      () => removeCreated(context, sync, made),
    );
    return { found: { suffix, assessment: a, sheetNames, problems: [], tables: [...TABLE_KEYS] }, renamed };
  });
  return { ...value, syncs };
}

const TABLE_SHEET: Record<TableKey, SheetKey> = {
  settings: "settings",
  stakeholders: "stakeholders",
  inputs: "inputs",
  outcomes: "impactMap",
  projection: "projection",
  valueByStakeholder: "results",
  inputsByKind: "results",
  inputsByStakeholder: "results",
  sensitivity: "sensitivity",
  exclusions: "stakeholders",
};

/** Every assessment in the workbook, read back from its tables, in two round trips. */
export async function findAssessments(): Promise<FoundAssessment[]> {
  const { value } = await excelRun(async (context, sync) => {
    const tables = context.workbook.tables.load("items/name,items/worksheet/name");
    await sync();
    const suffixes = tables.items.map((t) => suffixOfSettingsTable(t.name)).filter((s): s is string => s !== null);
    const wanted = new Set(suffixes.flatMap((s) => Object.values(layoutNames(s).tables)).map((n) => n.toLowerCase()));
    const loaded = tables.items
      .filter((t) => wanted.has(t.name.toLowerCase()))
      .map((t) => ({
        name: t.name,
        sheet: t.worksheet.name,
        header: t.getHeaderRowRange().load("values,rowIndex,columnIndex"),
        body: t.getDataBodyRange().load("values"),
      }));
    await sync();
    const contents: TableContents[] = loaded.map((t) => ({
      name: t.name,
      sheet: t.sheet,
      row: t.header.rowIndex,
      column: t.header.columnIndex,
      headers: t.header.values[0].map(String),
      rows: t.body.values as TableContents["rows"],
    }));
    return suffixes.flatMap((suffix): FoundAssessment[] => {
      const read = readAssessment(contents, suffix);
      if (!read.assessment) return [];
      const names = layoutNames(suffix).tables;
      const sheetNames = { ...DEFAULT_SHEET_NAMES[read.assessment.settings.language] };
      for (const key of TABLE_KEYS) {
        const c = contents.find((t) => t.name.toLowerCase() === names[key].toLowerCase());
        if (c) sheetNames[TABLE_SHEET[key]] = c.sheet;
      }
      const tables = TABLE_KEYS.filter((key) => contents.some((t) => t.name.toLowerCase() === names[key].toLowerCase()));
      return [{ suffix, assessment: read.assessment, sheetNames, problems: read.problems, formerHeaders: formerHeadersIn(contents, suffix), tables }];
    });
  });
  return value.sort((x, y) => Number(x.suffix || 1) - Number(y.suffix || 1));
}

/** The columns whose table still has the header of an earlier layout, and that header as written. */
function formerHeadersIn(contents: TableContents[], suffix: string): { current: string; former: string }[] {
  const names = layoutNames(suffix).tables;
  const norm = (h: string) => h.trim().toLowerCase();
  return Object.values(INPUT_TABLES).flatMap((schema) => {
    const table = contents.find((t) => norm(t.name) === norm(names[schema.table]));
    if (!table) return [];
    return schema.columns.flatMap((c) => {
      const former = table.headers.find((h) => (c.formerHeaders ?? []).some((f) => norm(f) === norm(h)));
      return former === undefined ? [] : [{ current: c.header.fr, former }, { current: c.header.en, former }];
    });
  });
}

/** A formula of the current layout, naming the columns as this workbook's tables do. */
const withFormerHeaders = (found: FoundAssessment) => (cell: Cell): Cell => {
  if (!isFormula(cell) || !found.formerHeaders?.length) return cell;
  return { formula: found.formerHeaders.reduce((f, { current, former }) => f.split(`[${current}]`).join(`[${former}]`), cell.formula) };
};

export interface Additions {
  stakeholders: Stakeholder[];
  inputs: Input[];
  outcomes: Outcome[];
}

const isBlankCell = (v: unknown) => v === "" || v === null || v === undefined;

type TableKeyWritten = "stakeholders" | "inputs" | "outcomes" | "projection" | "valueByStakeholder" | "inputsByStakeholder";

/**
 * Adds stakeholders, inputs and outcomes to an existing assessment's tables, in two round trips
 * (three, as above), hidden sheets included. A missing table, a protected sheet or a table at the
 * sheet's last row is refused before anything is written; when Excel refuses part-way, the rows
 * added are deleted and a filled placeholder row gets its formulas back.
 */
export async function appendToAssessment(found: FoundAssessment, add: Additions): Promise<{ syncs: number }> {
  const a = found.assessment;
  const local = new LocalFunctionNames(localFunctionNames(metadataLang(officeLocale())));
  const lang = officeLang();
  const n = layoutNames(found.suffix);
  // The rows the layout would write for these additions alone, formulas included.
  // (its Sensitivity sheet is not written here: no need for the core's figures)
  const layout: WorkbookLayout = buildLayout({ ...a, stakeholders: add.stakeholders, inputs: add.inputs, outcomes: add.outcomes }, { suffix: found.suffix, sensitivity: NOT_COMPUTED });
  const renamed = withFormerHeaders(found);
  const tableOf = (name: string) => layout.sheets.flatMap((s) => s.parts).find((p): p is Table => p.kind === "table" && p.name === name)!;
  const { syncs } = await excelRun(async (context, sync) => {
    // the inputs by stakeholder only where the workbook has them (a layout before them does not)
    const keys: readonly TableKeyWritten[] = [
      "stakeholders",
      "inputs",
      "outcomes",
      "projection",
      "valueByStakeholder",
      ...(found.tables?.includes("inputsByStakeholder") ? (["inputsByStakeholder"] as const) : []),
    ];
    const live = Object.fromEntries(
      keys.map((k) => {
        const t = context.workbook.tables.getItem(n.tables[k]);
        const body = t.getDataBodyRange();
        return [
          k,
          {
            table: t,
            body: body.load("values,rowIndex,columnIndex,columnCount"),
            // the first row's formulas, to put back if filling a placeholder row fails part-way
            first: body.getRow(0).load("formulas"),
            sheet: t.worksheet.load("name"),
            protection: t.worksheet.protection.load("protected"),
          },
        ];
      }),
    ) as Record<TableKeyWritten, { table: Excel.Table; body: Excel.Range; first: Excel.Range; sheet: Excel.Worksheet; protection: Excel.WorksheetProtection }>;
    try {
      await sync();
    } catch (e) {
      // Only loads were queued: nothing was written. Say which table is gone (one more trip, only then).
      if ((e as { code?: string }).code !== "ItemNotFound") throw e;
      const tables = context.workbook.tables.load("items/name");
      await sync();
      const there = new Set(tables.items.map((t) => t.name.toLowerCase()));
      const missing = keys.map((k) => n.tables[k]).find((name) => !there.has(name.toLowerCase()));
      if (missing) throw new WriteRefused({ code: "missingTable", table: missing }, lang);
      throw e;
    }

    // 1. what to write, table by table, from what was read
    interface Planned {
      key: TableKeyWritten;
      placeholder: (string | number | boolean)[] | null;
      rows: (string | number | boolean)[][];
    }
    const plan: Planned[] = [];
    /** Fills a placeholder row left blank by the layout (a table needs one data row), then appends. */
    const put = (k: TableKeyWritten, rows: Cell[][], inputColumns: number[]): boolean => {
      if (rows.length === 0) return false;
      const values = live[k].body.values;
      const placeholder = values.length === 1 && inputColumns.every((c) => isBlankCell(values[0][c]));
      const cells = rows.map((r) => r.map((x) => officeCell(renamed(x))));
      plan.push({ key: k, placeholder: placeholder ? cells[0] : null, rows: placeholder ? cells.slice(1) : cells });
      return placeholder;
    };
    const inputCols = (t: Table) => t.columns.map((c, i) => (c.formula ? -1 : i)).filter((i) => i >= 0);

    const st = tableOf(n.tables.stakeholders);
    put("stakeholders", add.stakeholders.length ? st.rows : [], inputCols(st));
    const inp = tableOf(n.tables.inputs);
    put("inputs", add.inputs.length ? inp.rows : [], inputCols(inp));
    const out = tableOf(n.tables.outcomes);
    const outcomeRowsBefore = live.outcomes.body.values.length;
    const filledPlaceholder = put("outcomes", add.outcomes.length ? outcomeRows(a, add.outcomes, n) : [], inputCols(out));
    // One projection row per outcome row: numbers continue after the rows the projection has.
    const outcomeRowsAfter = filledPlaceholder ? outcomeRowsBefore + add.outcomes.length - 1 : outcomeRowsBefore + add.outcomes.length;
    const projection: Cell[][] = [];
    for (let k = live.projection.body.values.length + 1; k <= outcomeRowsAfter; k++) {
      projection.push(projectionRow(n, a, k));
    }
    if (projection.length) plan.push({ key: "projection", placeholder: null, rows: projection.map((r) => r.map((x) => officeCell(renamed(x)))) });
    // Value per stakeholder: a row for each stakeholder not listed yet.
    const listed = new Set(live.valueByStakeholder.body.values.map((r) => String(r[0]).trim().toLowerCase()));
    const vt = tableOf(n.tables.valueByStakeholder);
    const newRows = vt.rows.filter((r) => r[0] !== null && !listed.has(String(r[0]).trim().toLowerCase()));
    put("valueByStakeholder", newRows, [0]);
    // Inputs by stakeholder: a row for each contributor not listed yet.
    if (keys.includes("inputsByStakeholder")) {
      const given = new Set(live.inputsByStakeholder.body.values.map((r) => String(r[0]).trim().toLowerCase()));
      const it = tableOf(n.tables.inputsByStakeholder);
      put("inputsByStakeholder", it.rows.filter((r) => r[0] !== null && !given.has(String(r[0]).trim().toLowerCase())), [0]);
    }

    // 2. check, before writing anything
    for (const { key, rows } of plan) {
      const { body, sheet, protection } = live[key];
      if (protection.protected) throw new WriteRefused({ code: "sheetProtected", sheet: sheet.name }, lang);
      if (body.rowIndex + body.values.length - 1 + rows.length > LAST_ROW) throw new WriteRefused({ code: "noRoom", sheet: sheet.name, table: n.tables[key], rows: rows.length }, lang);
    }

    // 3. write, or take back
    await writeOrUndo(
      lang,
      [...new Set(plan.map((p) => live[p.key].sheet.name))],
      async () => {
        for (const { key, placeholder, rows } of plan) {
          const { table, body } = live[key];
          if (placeholder) {
            const first = table.getDataBodyRange().getRow(0);
            first.formulas = [placeholder];
            local.track(first, [placeholder]);
          }
          if (rows.length) {
            // the new rows sit right below the rows the table had at the first sync
            table.rows.add(undefined, rows);
            local.track(table.worksheet.getRangeByIndexes(body.rowIndex + body.values.length, body.columnIndex, rows.length, body.columnCount), rows);
          }
        }
        await sync();
        if (local.queueRewrite()) await sync();
      },
      async () => {
        // Rows are deleted from the end down to the count read before writing: a row a user added
        // to the same table during the write could not be told from ours (Excel gives rows no id).
        const now = plan.map((p) => context.workbook.tables.getItem(n.tables[p.key]).getDataBodyRange().load("rowCount"));
        await sync();
        plan.forEach((p, i) => {
          const table = context.workbook.tables.getItem(n.tables[p.key]);
          for (let r = now[i].rowCount - 1; r >= live[p.key].body.values.length; r--) table.rows.getItemAt(r).delete();
          // a placeholder row holds only the calculated columns' formulas and blanks: writing back its
          // formulas restores it (formats were not touched: rows.add takes the table's own)
          if (p.placeholder) table.getDataBodyRange().getRow(0).formulas = live[p.key].first.formulas;
        });
        await sync();
      },
    );
  });
  return { syncs };
}

/** A copy of the assessment with native formulas only, beside the original (which stays as it is). */
export async function makePortableCopy(found: FoundAssessment): Promise<ScaffoldResult> {
  return scaffoldAssessment({ ...found.assessment, settings: { ...found.assessment.settings, portable: true } });
}

