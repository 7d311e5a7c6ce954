/**
 * The inverse of the layout: from the contents of an assessment's tables (as the live workbook or an
 * .xlsx file holds them) back to an Assessment. Columns are found by their declared headers in
 * English or French (./columns.ts), and read as each declaration says. Every problem names the
 * sheet, the cell and the column header, and uses the core's own rules.
 */
import {
  type Assessment,
  type AssessmentSettings,
  DEFAULT_SETTINGS,
  type Exclusion,
  type Input,
  type InputKind,
  type Issue,
  type Lang,
  type Outcome,
  type Raw,
  type Stakeholder,
  checkOutcome,
  inputValue,
  isBlank,
  isEmptyOutcome,
  readBoolean,
  readPriceYear,
  readRate,
  readWholeYears,
} from "../sroi";
import { priceIndices } from "../proxies/cpi";
import { readMethod } from "../proxies/csv";
import { fold } from "../proxies/text";
import { cellAddress } from "./a1";
import {
  type Choices,
  type DataColumn,
  EXCLUSIONS,
  type ExclusionKey,
  INPUTS,
  INPUT_KINDS,
  type InputKey,
  OUTCOMES,
  OUTCOME_METHODS,
  type OutcomeKey,
  SETTINGS,
  SETTINGS_ROWS,
  STAKEHOLDERS,
  type TableSchema,
  columnOfField,
  dataColumns,
  headersOf,
} from "./columns";
import { layoutNames } from "./names";
import type { CellValue } from "./types";

/** One table as read from a workbook: where its header row is, its headers and its data values. */
export interface TableContents {
  name: string;
  sheet: string;
  /** 0-based row and column of the header row's first cell */
  row: number;
  column: number;
  headers: string[];
  /** data rows (values, not formulas) */
  rows: CellValue[][];
}

export type ReadProblem =
  | { code: "missingTable"; table: string }
  | { code: "missingColumn"; table: string; sheet: string; header: string }
  | { code: "badCell"; sheet: string; cell: string; header: string; issue: Issue };

export interface ReadResult {
  assessment: Assessment | null;
  problems: ReadProblem[];
}

const norm = (s: unknown) => String(s ?? "").trim().toLowerCase();
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v));

/** A table of the workbook, read through its declaration. */
interface ReadTable<K extends string> {
  /** the data columns' values, row by row, keyed by column; a missing optional column reads as its fallback */
  rows: Record<K, CellValue>[];
  /** reports a problem on a data row's cell */
  bad(dataRow: number, key: K, issue: Issue): void;
}

/**
 * Finds every declared data column by its header in either language. A missing column is a problem,
 * unless the declaration says it is optional (a column added in a later layout: older workbooks lack it).
 */
function readTable<K extends string>(t: TableContents, schema: TableSchema<K>, problems: ReadProblem[]): ReadTable<K> | null {
  const at = new Map<K, number>();
  let ok = true;
  for (const col of dataColumns(schema)) {
    const names = headersOf(col).map(norm);
    const i = t.headers.findIndex((h) => names.includes(norm(h)));
    if (i >= 0) at.set(col.key, i);
    else if (!col.optional) {
      problems.push({ code: "missingColumn", table: t.name, sheet: t.sheet, header: col.header.en });
      ok = false;
    }
  }
  if (!ok) return null;
  const bad = (dataRow: number, key: K, issue: Issue) => {
    const col = at.get(key) ?? 0;
    problems.push({ code: "badCell", sheet: t.sheet, cell: cellAddress(t.row + 1 + dataRow, t.column + col), header: t.headers[col], issue });
  };
  const rows = t.rows.map((row) => {
    const out = {} as Record<K, CellValue>;
    for (const col of dataColumns(schema)) {
      const i = at.get(col.key);
      out[col.key] = i === undefined ? (col.json.fallback as CellValue) : (row[i] ?? null);
    }
    return out;
  });
  return { rows, bad };
}

/**
 * A row's value for the model, as its column declares: text as typed, names trimmed, estimates raw
 * for the core to judge, numbers (text refused), input kinds in either language.
 */
function valueOf<K extends string>(col: DataColumn<K>, row: Record<K, CellValue>, dataRow: number, table: ReadTable<K>, lang: Lang): unknown {
  const v = row[col.key];
  switch (col.value) {
    case "text":
      return text(v);
    case "name":
      return text(v).trim();
    case "estimate":
      return v;
    case "number":
      if (!isBlank(v as Raw) && typeof v !== "number") table.bad(dataRow, col.key, { code: "notANumber", field: col.field ?? "quantity", value: text(v) });
      return typeof v === "number" ? v : null;
    case "inputKind":
      return kindOf(v, (row as Record<string, CellValue>).hours);
    case "method": {
      const m = methodOf(v);
      if (m === null) table.bad(dataRow, col.key, { code: "notAValuationMethod", field: "valuationMethod", value: text(v) });
      return m ?? "";
    }
    case "choice": {
      const choices = col.choices!;
      const k = choiceOf(choices, v);
      if (k === null) table.bad(dataRow, col.key, notAChoice(choices, col.field ?? "quantity", v, lang));
      return k || (col.json.fallback as string);
    }
  }
}

/** One of a closed list as either language writes it (or its key, or an alias): the key, "" for a blank, null when unknown. */
export function choiceOf<K extends string>(choices: Choices<K>, v: CellValue | undefined): K | "" | null {
  const typed = fold(text(v));
  if (typed === "") return "";
  for (const k of choices.keys) if ([k, choices.labels.en[k], choices.labels.fr[k]].some((w) => fold(w) === typed)) return k;
  const alias = Object.entries(choices.aliases ?? {}).find(([w]) => fold(w) === typed);
  return alias ? (alias[1] as K) : null;
}

/** The problem of a cell that is none of its choices; the choices as the workbook's language writes them. */
const notAChoice = (choices: Choices, field: Issue["field"], v: CellValue | undefined, lang: Lang): Issue => ({
  code: "notAChoice",
  field,
  value: text(v),
  available: choices.keys.map((k) => choices.labels[lang][k]).join(", "),
});

/** A valuation method as either language writes it (or its key): the key, "" for a blank, null when unknown. */
export function methodOf(v: CellValue | undefined): string | null {
  const typed = text(v).trim();
  if (typed === "") return "";
  if (["other", fold(OUTCOME_METHODS.en.other), fold(OUTCOME_METHODS.fr.other)].includes(fold(typed))) return "other";
  return readMethod(typed);
}

function readItems<K extends string, T>(t: ReadTable<K>, schema: TableSchema<K>, skip: (row: Record<K, CellValue>) => boolean, lang: Lang = "en"): { item: T; dataRow: number }[] {
  const out: { item: T; dataRow: number }[] = [];
  t.rows.forEach((row, r) => {
    if (skip(row)) return;
    const item = {} as Record<string, unknown>;
    for (const col of dataColumns(schema)) item[col.key] = valueOf(col, row, r, t, lang);
    out.push({ item: item as T, dataRow: r });
  });
  return out;
}

const allBlank = (values: CellValue[]) => values.every((v) => isBlank(v as Raw));

/** Reads the assessment whose tables carry this suffix ("" for the first one). */
export function readAssessment(tables: TableContents[], suffix = ""): ReadResult {
  const names = layoutNames(suffix).tables;
  const problems: ReadProblem[] = [];
  const find = (name: string) => tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const found = {
    settings: find(names.settings),
    stakeholders: find(names.stakeholders),
    inputs: find(names.inputs),
    outcomes: find(names.outcomes),
  };
  for (const [key, t] of Object.entries(found)) if (!t) problems.push({ code: "missingTable", table: names[key as keyof typeof found] });
  // added in a later layout: an older workbook has none, and left nothing out that it says
  const excluded = find(names.exclusions);
  if (!found.settings || !found.stakeholders || !found.inputs || !found.outcomes) return { assessment: null, problems };

  const settings = readSettings(found.settings, problems);

  const stakeholders: Stakeholder[] = [];
  const st = readTable(found.stakeholders, STAKEHOLDERS, problems);
  if (st) for (const { item } of readItems<keyof Stakeholder, Stakeholder>(st, STAKEHOLDERS, (row) => allBlank(Object.values(row)))) stakeholders.push(item);

  const inputs: Input[] = [];
  const it = readTable(found.inputs, INPUTS, problems);
  if (it) {
    // the kind alone (a drop-down left filled) does not make a row
    const skip = (row: Record<string, CellValue>) => allBlank(Object.entries(row).filter(([k]) => k !== "kind").map(([, v]) => v));
    for (const { item, dataRow } of readItems<InputKey, Input>(it, INPUTS, skip)) {
      const v = inputValue(item);
      if (!v.ok) it.bad(dataRow, "amount", v.issue);
      inputs.push(item);
    }
  }

  const outcomes: Outcome[] = [];
  const ot = readTable(found.outcomes, OUTCOMES, problems);
  if (ot) {
    for (const { item, dataRow } of readItems<OutcomeKey, Outcome>(ot, OUTCOMES, () => false, settings.language)) {
      if (isEmptyOutcome(item) && !item.description && !item.stakeholder) continue;
      if (!isEmptyOutcome(item)) {
        for (const issue of checkOutcome(item, settings.currency).issues) {
          ot.bad(dataRow, columnOfField(OUTCOMES, issue.field) ?? "stakeholder", { ...issue, row: undefined, column: undefined });
        }
      }
      outcomes.push(item);
    }
  }

  const exclusions: Exclusion[] = [];
  const et = excluded ? readTable(excluded, EXCLUSIONS, problems) : null;
  if (et) for (const { item } of readItems<ExclusionKey, Exclusion>(et, EXCLUSIONS, (row) => allBlank(Object.values(row)))) exclusions.push(item);

  return { assessment: { settings, stakeholders, inputs, outcomes, exclusions }, problems };
}

/** Settings: a Setting | Value | Note | Key table (any order), one row per declared setting, found by its key. */
function readSettings(t: TableContents, problems: ReadProblem[]): AssessmentSettings {
  const settings: AssessmentSettings = { ...DEFAULT_SETTINGS };
  const table = readTable(t, SETTINGS, problems);
  if (!table) return settings;
  const put = settings as unknown as Record<string, unknown>;
  // the language first: a choice's problem lists the choices as the sheet writes them
  const language = table.rows.find((row) => text(row.key).trim() === "language");
  const lang: Lang = language && norm(language.value) === "fr" ? "fr" : "en";
  table.rows.forEach((row, r) => {
    const key = text(row.key).trim();
    const spec = SETTINGS_ROWS.find((s) => s.key === key);
    if (!spec) return; // rows a user added are kept in the sheet, not in the model
    const v = row.value;
    switch (spec.read) {
      case "text":
        put[key] = text(v);
        break;
      case "currency":
        settings.currency = text(v).trim() || DEFAULT_SETTINGS.currency;
        break;
      case "language":
        settings.language = norm(v) === "fr" ? "fr" : "en";
        break;
      case "rate": {
        const rate = readRate(v as Raw);
        if (rate.ok) settings.discountRate = rate.value.toNumber();
        else table.bad(r, "value", rate.issue);
        break;
      }
      case "years": {
        const y = readWholeYears(v as Raw, "years");
        if (y.ok && y.value >= 1) settings.yearsShown = y.value;
        else table.bad(r, "value", y.ok ? { code: "required", field: "years" } : y.issue);
        break;
      }
      case "boolean": {
        const b = readBoolean(v as Raw, "discountYear1", spec.json.fallback as boolean);
        if (b.ok) put[key] = b.value;
        else table.bad(r, "value", b.issue);
        break;
      }
      case "priceYear": {
        // blank: the period's year (assessmentPriceYear)
        const y = readPriceYear(v as Raw);
        if (y.ok) settings.priceYear = y.value;
        else table.bad(r, "value", y.issue);
        break;
      }
      case "priceIndex": {
        const name = text(v).trim().toUpperCase();
        if (name === "") break;
        if (priceIndices().includes(name)) settings.priceIndex = name;
        else table.bad(r, "value", { code: "unknownPriceIndex", field: "priceIndex", value: text(v), available: priceIndices().join(", ") });
        break;
      }
      case "choice": {
        const choices = spec.choices!;
        const k = choiceOf(choices, v);
        if (k === null) table.bad(r, "value", notAChoice(choices, key as Issue["field"], v, lang));
        else if (k !== "") put[key] = k;
        break;
      }
      case "ignored":
        break;
    }
  });
  return settings;
}

function kindOf(v: CellValue | undefined, hours: CellValue | undefined): InputKind {
  const s = norm(v);
  for (const lang of ["en", "fr"] as Lang[]) {
    const kinds = INPUT_KINDS[lang];
    for (const k of Object.keys(kinds) as InputKind[]) if (norm(kinds[k]) === s) return k;
  }
  return typeof hours === "number" && hours !== 0 ? "time" : "cash";
}

/**
 * The data row (0-based, in the table's body) of each outcome as readAssessment numbers them: rows
 * with no stakeholder, description, quantity nor proxy value are skipped, so outcome 3 is the third
 * row that is not, wherever blank rows sit. Empty when the table lacks a column this needs.
 */
export function outcomeDataRows(t: Pick<TableContents, "headers" | "rows">): number[] {
  const at = (key: OutcomeKey) => {
    const col = OUTCOMES.columns.find((c) => c.key === key)!;
    const names = [col.header.en, col.header.fr].map(norm);
    return t.headers.findIndex((h) => names.includes(norm(h)));
  };
  const keys: OutcomeKey[] = ["stakeholder", "description", "quantity", "proxyValue"];
  const cols = keys.map(at);
  if (cols.some((c) => c < 0)) return [];
  const rows: number[] = [];
  t.rows.forEach((row, r) => {
    const [stakeholder, description, quantity, proxyValue] = cols.map((c) => row[c]);
    const skipped = isBlank(quantity as Raw) && isBlank(proxyValue as Raw) && !text(description) && !text(stakeholder).trim();
    if (!skipped) rows.push(r);
  });
  return rows;
}
