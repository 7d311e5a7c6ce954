/**
 * From an assessment to its workbook layout: pure data, no Office call. Every table comes from its
 * declaration in ./columns.ts; this file only places them on sheets with their titles and notes.
 * Formulas use structured references in the form Excel stores in files (Table[[#This Row],[Column]])
 * and language-independent table and defined names, so they survive renaming sheets and adding rows.
 * Portable assessments use native functions only (the closed form of the method, §5); the others use
 * the SROI.* custom functions, which check their input and explain errors.
 */
import { emptyOutcome } from "../sroi";
import type { Assessment, Outcome } from "../sroi";
import { cellAddress } from "./a1";
import {
  type ColumnSpec,
  type Context,
  EXCLUSIONS,
  INPUTS,
  INPUTS_BY_KIND,
  INPUTS_BY_STAKEHOLDER,
  INPUT_KINDS,
  OUTCOMES,
  OUTCOME_METHODS,
  PROJECTION,
  RESULTS_AT,
  RESULT_FIELDS,
  SETTINGS,
  SETTINGS_ROWS,
  STAKEHOLDERS,
  type Stage,
  type TableSchema,
  VALUE_BY_STAKEHOLDER,
  columnRef,
  inputStakeholders,
  valueStakeholders,
  gridYears,
  yearColumns,
  yearHeader,
} from "./columns";
import { DEFAULT_SHEET_NAMES, LayoutNames, layoutNames } from "./names";
import { TEXT } from "./labels";
import { helpPrompt } from "./help";
import { type CheckText, summarySheet } from "./summary";
import { pageSetup, wrappedLines } from "./print";
import { RANGE_AT, type SensitivityFigures, computeSensitivityFigures, rangeFields, rangeParts, sensitivitySheet } from "./sensitivity";
import type { Block, Cell, Column, Field, PageSetup, Sheet, SheetKey, Span, Table, WorkbookLayout } from "./types";

export { LAYOUT_VERSION, outcomeFormulas, projectionYearFormula } from "./columns";

export interface LayoutOptions {
  /** "" for the first assessment of a workbook, "2", "3"… for the next ones */
  suffix?: string;
  /** the sheet names to use (the writer picks free ones); defaults by language */
  sheetNames?: Partial<Record<SheetKey, string>>;
  /**
   * The core's sensitivity figures for the Sensitivity sheet and the ratio's range (values, not
   * formulas); default: computed now from the assessment (./sensitivity.ts).
   */
  sensitivity?: SensitivityFigures;
  /** the checks' sentences for the Summary sheet (the i18n layer's checkMessage); without it, their number */
  checkText?: CheckText;
}

const f = (formula: string): Cell => ({ formula });

export const contextOf = (a: Assessment, names: LayoutNames): Context => ({ lang: a.settings.language, names, portable: a.settings.portable });

/** A declared column as the writers take it, in the sheet's language, formulas resolved. */
export function columnFor<K extends string>(spec: ColumnSpec<K>, c: Context): Column {
  const base = { key: spec.key, header: spec.header[c.lang], format: spec.format, width: spec.width, note: spec.note?.[c.lang], ...(spec.wrap ? { wrap: true } : {}) };
  if (spec.kind === "calculated") return { ...base, formula: spec.formula(c) };
  const validation = spec.validation?.(c);
  // the estimates' help, as the input message Excel shows when the cell is selected
  const prompt = validation && spec.value === "estimate" ? helpPrompt(spec.key, c.lang) : undefined;
  return { ...base, validation: validation && prompt ? { ...validation, prompt } : validation };
}

/**
 * One data row of a table: the model's property for each data column (input kinds in the sheet's
 * language), the column's formula for each calculated one. A null item is the blank row a table needs.
 */
export function rowFor<K extends string>(columns: readonly ColumnSpec<K>[], c: Context, item: Partial<Record<K, unknown>> | null): Cell[] {
  return columns.map((col): Cell => {
    if (col.kind === "calculated") return f(col.formula(c));
    const v = item?.[col.key];
    if (col.value === "inputKind" && typeof v === "string") return INPUT_KINDS[c.lang][v as keyof (typeof INPUT_KINDS)["en"]] ?? v;
    if (col.value === "method" && typeof v === "string") return Object.prototype.hasOwnProperty.call(OUTCOME_METHODS[c.lang], v) ? OUTCOME_METHODS[c.lang][v as keyof (typeof OUTCOME_METHODS)["en"]] : v;
    if (col.value === "choice" && col.choices && typeof v === "string") return col.choices.keys.includes(v) ? col.choices.labels[c.lang][v] : v;
    return v === undefined ? null : (v as Cell);
  });
}

/**
 * The lines each row of a table needs: its headers wrapped (bold), and in each data row the text of
 * its wrapped columns (`shown` gives the text a calculated column will show, when the layout knows it).
 */
export function tableLines(columns: readonly Column[], rows: readonly Cell[][], shown: (row: number, column: number) => string | null = () => null): Table["lines"] {
  const most = (xs: number[]) => Math.max(1, ...xs);
  return {
    header: most(columns.map((col) => wrappedLines(col.header, col.width, true))),
    rows: rows.map((row, i) =>
      most(
        columns.flatMap((col, j) => {
          if (!col.wrap) return [];
          const v = row[j];
          const text = typeof v === "string" ? v : shown(i, j);
          return text ? [wrappedLines(text, col.width)] : [];
        }),
      ),
    ),
  };
}

function tableFor<K extends string>(schema: TableSchema<K>, c: Context, items: readonly (Partial<Record<K, unknown>> | null)[], columns = schema.columns): Table {
  const cols = columns.map((col) => columnFor(col, c));
  const rows = (items.length ? items : [null]).map((item) => rowFor(columns, c, item));
  return { kind: "table", name: c.names.tables[schema.table], row: schema.row, column: schema.column, columns: cols, rows, lines: tableLines(cols, rows) };
}

function title(text: string, row = 0): Block {
  return { kind: "block", row, column: 0, cells: [[text]], style: "title" };
}
function note(text: string, row = 1): Block {
  return { kind: "block", row, column: 0, cells: [[text]], style: "note" };
}

function settingsSheet(a: Assessment, c: Context, name: string): Sheet {
  const lang = c.lang;
  const rows = SETTINGS_ROWS.map((s) => ({
    key: s.key,
    setting: s.label[lang],
    value: s.value ? s.value(a) : (a.settings[s.key as keyof Assessment["settings"]] as Cell),
    note: s.note?.[lang] ?? null,
  }));
  const table: Table = {
    ...tableFor(SETTINGS, c, rows),
    cellFormats: SETTINGS_ROWS.map((s, i) => ({ row: i, column: "value", format: s.format })),
    cellValidations: SETTINGS_ROWS.flatMap((s, i) => (s.validation ? [{ row: i, column: "value", validation: s.validation(c) }] : [])),
  };
  const valueColumn = SETTINGS.column + SETTINGS.columns.findIndex((x) => x.key === "value");
  return {
    key: "settings",
    name,
    freeze: { rows: SETTINGS.row + 1, columns: 0 },
    parts: [title(TEXT[lang].settingsTitle), table],
    names: SETTINGS_ROWS.flatMap((s, i) => (s.name ? [{ name: c.names.names[s.name], row: SETTINGS.row + 1 + i, column: valueColumn }] : [])),
  };
}

/**
 * Stakeholders, and right of them what was left out of the analysis and why: the scoping decisions
 * of stage 1 side by side, each table growing downwards without meeting the other.
 */
function stakeholdersSheet(a: Assessment, c: Context, name: string): Sheet {
  const exclusions: Block = { kind: "block", row: EXCLUSIONS.row - 1, column: EXCLUSIONS.column, cells: [[TEXT[c.lang].exclusionsTitle]], style: "header" };
  return {
    key: "stakeholders",
    name,
    freeze: { rows: STAKEHOLDERS.row + 1, columns: 0 },
    parts: [title(TEXT[c.lang].stakeholdersTitle), tableFor(STAKEHOLDERS, c, a.stakeholders), exclusions, tableFor(EXCLUSIONS, c, a.exclusions ?? [])],
  };
}

function inputsSheet(a: Assessment, c: Context, name: string): Sheet {
  return {
    key: "inputs",
    name,
    freeze: { rows: INPUTS.row + 1, columns: 0 },
    parts: [title(TEXT[c.lang].inputsTitle), note(TEXT[c.lang].inputsNote), tableFor(INPUTS, c, a.inputs)],
  };
}

/** Makes the data rows of the outcomes table (the writer's "append" uses it too). */
export function outcomeRows(a: Assessment, outcomes: Outcome[], names: LayoutNames): Cell[][] {
  return outcomes.map((o) => rowFor(OUTCOMES.columns, contextOf(a, names), o));
}

const STAGE_LABEL: Record<Stage, keyof (typeof TEXT)["en"] | null> = { 1: "stage1", 2: "stage2", 3: "stage3", 4: "stage4", 5: "stage5" };

/** The stage headers above the impact map: each stage's label above its first column. */
export function stageHeaders(schema: TableSchema, lang: Assessment["settings"]["language"]): Cell[] {
  return schema.columns.map((col, i) => {
    const label = col.stage && col.stage !== schema.columns[i - 1]?.stage ? STAGE_LABEL[col.stage] : null;
    return label ? TEXT[lang][label] : null;
  });
}

function impactMapSheet(a: Assessment, c: Context, name: string): Sheet {
  const t = TEXT[c.lang];
  const stages: Block = { kind: "block", row: OUTCOMES.row - 1, column: OUTCOMES.column, style: "header", cells: [stageHeaders(OUTCOMES, c.lang)] };
  // The blank row a table needs when there is nothing yet: start blank too, so it reads as empty.
  const items = a.outcomes.length ? a.outcomes : [{ ...emptyOutcome(), start: null, proxyUnits: null, intended: undefined, polarity: undefined }];
  return {
    key: "impactMap",
    name,
    freeze: { rows: OUTCOMES.row + 1, columns: 1 },
    parts: [title(t.impactMapTitle), note(t.impactMapNote), stages, tableFor(OUTCOMES, c, items)],
  };
}

/** The projection row of the impact map's outcome number k. */
export function projectionRow(names: LayoutNames, a: Assessment, outcomeNumber: number): Cell[] {
  const c = contextOf(a, names);
  return rowFor([...PROJECTION.columns, ...yearColumns(gridYears(a.settings.yearsShown))], c, { number: outcomeNumber });
}

function projectionSheet(a: Assessment, c: Context, name: string): Sheet {
  const t = TEXT[c.lang];
  const years = gridYears(a.settings.yearsShown);
  const columns = [...PROJECTION.columns, ...yearColumns(years)];
  const firstYearColumn = PROJECTION.column + PROJECTION.columns.length;
  const items = Array.from({ length: Math.max(1, a.outcomes.length) }, (_, i) => ({ number: i + 1 }));
  const yearCells = (make: (y: number, col: number) => Cell) => Array.from({ length: years }, (_, i) => make(i + 1, firstYearColumn + i));
  // Discounting rows above the table, so the table can grow downwards.
  const factorRow = 3;
  const totalRow = factorRow + 1;
  const pvRow = factorRow + 2;
  const N = c.names.names;
  // One block per row so each carries its own format: factors as %, amounts as money (not 0.9661835749).
  const row = (at: number, format: Block["format"], cells: Cell[]): Block => ({ kind: "block", row: at, column: firstYearColumn - 1, format, cells: [cells] });
  const blocks: Block[] = [
    row(factorRow, "percent", [t.discountFactor, ...yearCells((y) => f(`=1/(1+${N.rate})^(${y}-IF(${N.discountYear1},0,1))`))]),
    row(totalRow, "money", [t.yearTotal, ...yearCells((y) => f(`=SUM(${columnRef(c.names.tables.projection, yearHeader(c.lang, y))})`))]),
    row(pvRow, "money", [t.yearPV, ...yearCells((_y, col) => f(`=${cellAddress(totalRow, col)}*${cellAddress(factorRow, col)}`))]),
    row(pvRow + 1, "money", [t.gridPV, f(`=SUM(${cellAddress(pvRow, firstYearColumn)}:${cellAddress(pvRow, firstYearColumn + years - 1)})`)]),
    // An outcome may last longer than the years shown: what the grid leaves out, said, so the grid
    // and Results never disagree without a word (Results counts every year).
    row(pvRow + 2, "money", [t.laterPV, f(`=${N.totalPV}-${cellAddress(pvRow + 1, firstYearColumn)}`)]),
    row(pvRow + 3, "money", [t.totalPVAsResults, f(`=${N.totalPV}`)]),
  ];
  const table = tableFor(PROJECTION, c, items, columns);
  // the stakeholder and outcome a row's formulas show: the impact map's, row for row
  const shows: Partial<Record<string, (o: Outcome) => string>> = { stakeholder: (o) => o.stakeholder, outcome: (o) => o.description };
  const lines = tableLines(table.columns, table.rows, (i, j) => {
    const o = a.outcomes[i];
    const show = shows[table.columns[j].key];
    return o && show ? show(o) : null;
  });
  return {
    key: "projection",
    name,
    freeze: { rows: PROJECTION.row + 1, columns: firstYearColumn },
    parts: [title(t.projectionTitle), note(t.projectionNote), ...blocks, { ...table, lines }],
  };
}

/** Where the Results sheet's charts sit: right of its tables, the value per stakeholder above the inputs by kind. */
export const RESULTS_CHARTS_AT = { column: 8, valueRow: 1, inputsRow: 20 };

function resultsSheet(a: Assessment, c: Context, name: string, figures: SensitivityFigures): Sheet {
  const t = TEXT[c.lang];
  const fields: Field[] = RESULT_FIELDS.map((r) => ({
    key: r.key,
    label: r.label[c.lang],
    value: f(r.formula(c)),
    format: r.format,
    name: r.name ? c.names.names[r.name] : undefined,
  }));
  const values = VALUE_BY_STAKEHOLDER;
  const widths = (schema: TableSchema) => Object.fromEntries(schema.columns.map((col, i) => [schema.column + i, col.width]));
  const caption = (schema: TableSchema, text: string): Block => ({ kind: "block", row: schema.row - 1, column: schema.column, cells: [[text]], style: "header" });
  return {
    key: "results",
    name,
    freeze: { rows: 0, columns: 0 },
    widths: { ...widths(values), ...widths(INPUTS_BY_KIND), [RANGE_AT.column]: 32, [RANGE_AT.column + 1]: 16 },
    parts: [
      title(t.resultsTitle),
      { kind: "fields", row: RESULTS_AT.row, column: RESULTS_AT.column, fields },
      caption(values, t.valueByStakeholder),
      tableFor(values, c, valueStakeholders(a).map((stakeholder) => ({ stakeholder }))),
      // the ratio's range (Monte Carlo), values computed by the add-in
      ...rangeParts(c, figures),
      caption(INPUTS_BY_KIND, t.inputsByKind),
      tableFor(INPUTS_BY_KIND, c, (["cash", "inKind", "time"] as const).map((kind) => ({ kind }))),
      caption(INPUTS_BY_STAKEHOLDER, t.inputsByStakeholder),
      tableFor(INPUTS_BY_STAKEHOLDER, c, inputStakeholders(a).map((stakeholder) => ({ stakeholder }))),
      {
        kind: "chart",
        title: t.chartTitle,
        table: c.names.tables.valueByStakeholder,
        categoryColumn: "stakeholder",
        valueColumn: "presentValue",
        row: RESULTS_CHARTS_AT.valueRow,
        column: RESULTS_CHARTS_AT.column,
        widthColumns: 8,
        heightRows: 17,
      },
      {
        kind: "chart",
        title: t.inputsChartTitle,
        table: c.names.tables.inputsByKind,
        categoryColumn: "kind",
        valueColumn: "value",
        row: RESULTS_CHARTS_AT.inputsRow,
        column: RESULTS_CHARTS_AT.column,
        widthColumns: 8,
        heightRows: 14,
      },
    ],
  };
}

/**
 * The rows a printed page repeats: the sheet's first table's header row, with the header row right
 * above it when there is one (the impact map's stages, the caption of the value per stakeholder).
 */
export function titleRowsOf(sheet: Sheet): Span | undefined {
  const table = sheet.parts.find((p): p is Table => p.kind === "table");
  if (!table) return undefined;
  const above = sheet.parts.some((p) => p.kind === "block" && p.style === "header" && p.row + p.cells.length === table.row);
  return { first: above ? table.row - 1 : table.row, last: table.row };
}

/** The settings print without their internal keys: every column of the sheet but the Key column. */
function settingsPrintArea(sheet: Sheet): PageSetup["printArea"] {
  const table = sheet.parts.find((p): p is Table => p.kind === "table")!;
  const key = table.columns.findIndex((c) => c.key === "key");
  const last = table.columns.length - 1;
  if (key !== last) throw new Error("the settings' Key column must be their last one, to print without it");
  return { rows: { first: 0, last: table.row + table.rows.length }, columns: { first: 0, last: table.column + last - 1 } };
}

/** The whole layout of an assessment. */
export function buildLayout(a: Assessment, options: LayoutOptions = {}): WorkbookLayout {
  const lang = a.settings.language;
  const c = contextOf(a, layoutNames(options.suffix ?? ""));
  const sheetName = (key: SheetKey) => options.sheetNames?.[key] ?? DEFAULT_SHEET_NAMES[lang][key];
  const figures = options.sensitivity ?? computeSensitivityFigures(a);
  const sheets = [
    settingsSheet(a, c, sheetName("settings")),
    stakeholdersSheet(a, c, sheetName("stakeholders")),
    inputsSheet(a, c, sheetName("inputs")),
    impactMapSheet(a, c, sheetName("impactMap")),
    projectionSheet(a, c, sheetName("projection")),
    resultsSheet(a, c, sheetName("results"), figures),
    summarySheet(a, c, sheetName("summary"), figures, options.checkText),
    sensitivitySheet(c, sheetName("sensitivity"), figures),
  ];
  const { organisation, period } = a.settings;
  return {
    currency: a.settings.currency,
    language: lang,
    sheets: sheets.map((s) => ({
      ...s,
      parts: s.parts.map((p) => (p.kind === "table" && !p.lines ? { ...p, lines: tableLines(p.columns, p.rows) } : p)),
      page: pageSetup({ lang, organisation, period, titleRows: titleRowsOf(s), printArea: s.key === "settings" ? settingsPrintArea(s) : undefined }),
    })),
  };
}
