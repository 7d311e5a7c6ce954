/**
 * From an assessment to its workbook layout: pure data, no Office call. Formulas use structured
 * references in the form Excel stores in files (Table[[#This Row],[Column]]) and language-independent
 * table and defined names, so they survive renaming sheets and adding rows to tables.
 * Portable assessments use native functions only (the closed form of the method, §5); the others use
 * the SROI.* custom functions, which check their input and explain errors.
 */
import { emptyOutcome } from "../sroi/assessment";
import type { Assessment, Lang, Outcome } from "../sroi/assessment";
import { MAX_YEARS } from "../sroi/validate";
import { cellAddress } from "./a1";
import { DEFAULT_SHEET_NAMES, LayoutNames, layoutNames } from "./names";
import {
  INPUT_HEADERS,
  INPUT_KINDS,
  OUTCOME_HEADERS,
  OutcomeKey,
  PROJECTION_HEADERS,
  RESULT_LABELS,
  SETTINGS_HEADERS,
  SETTING_LABELS,
  SETTING_NOTES,
  STAKEHOLDER_HEADERS,
  SettingRow,
  TEXT,
  VALUE_HEADERS,
} from "./labels";
import type { Block, Cell, Column, Field, Format, Sheet, SheetKey, Table, Validation, WorkbookLayout } from "./types";

/** Bumped when the layout changes in a way readers must know about. */
export const LAYOUT_VERSION = 1;

export interface LayoutOptions {
  /** "" for the first assessment of a workbook, "2", "3"… for the next ones */
  suffix?: string;
  /** the sheet names to use (the writer picks free ones); defaults by language */
  sheetNames?: Partial<Record<SheetKey, string>>;
}

const f = (formula: string): Cell => ({ formula });
const thisRow = (table: string, header: string) => `${table}[[#This Row],[${header}]]`;
const wholeColumn = (table: string, header: string) => `${table}[${header}]`;

function validations(lang: Lang) {
  const t = TEXT[lang];
  return {
    percent: { kind: "decimal", min: 0, max: 1, message: t.percentMessage } as Validation,
    quantity: { kind: "decimal", min: 0, message: t.quantityMessage } as Validation,
    duration: { kind: "whole", min: 0, max: MAX_YEARS, message: t.durationMessage } as Validation,
    start: { kind: "whole", min: 1, max: 2, message: t.startMessage } as Validation,
    number: { kind: "decimal", message: t.numberMessage } as Validation,
    positive: { kind: "decimal", min: 0, message: t.numberMessage } as Validation,
    rate: { kind: "decimal", min: -0.9999, max: 1, message: t.rateMessage } as Validation,
    years: { kind: "whole", min: 1, max: MAX_YEARS, message: t.yearsMessage } as Validation,
  };
}

/** The projection grid's width: the years shown, kept within what the core accepts. */
function gridYears(a: Assessment): number {
  const y = a.settings.yearsShown;
  return Number.isInteger(y) && y >= 1 && y <= MAX_YEARS ? y : 5;
}

function settingsSheet(a: Assessment, n: LayoutNames, name: string): Sheet {
  const lang = a.settings.language;
  const h = SETTINGS_HEADERS[lang];
  const v = validations(lang);
  const s = a.settings;
  const rows: { key: SettingRow; value: Cell; format: Format; validation?: Validation }[] = [
    { key: "organisation", value: s.organisation, format: "text" },
    { key: "title", value: s.title, format: "text" },
    { key: "period", value: s.period, format: "text" },
    { key: "currency", value: s.currency, format: "text" },
    { key: "discountRate", value: s.discountRate, format: "percent", validation: v.rate },
    // No list validation on TRUE/FALSE: a list holds text, and French Excel shows and takes VRAI/FAUX.
    { key: "discountYear1", value: s.discountYear1, format: "general" },
    { key: "yearsShown", value: gridYears(a), format: "integer", validation: v.years },
    { key: "language", value: lang, format: "text" },
    { key: "portable", value: s.portable, format: "general" },
    { key: "layoutVersion", value: LAYOUT_VERSION, format: "integer" },
  ];
  const notes = SETTING_NOTES[lang] as Partial<Record<SettingRow, string>>;
  const tableRow = 2;
  const table: Table = {
    kind: "table",
    name: n.tables.settings,
    row: tableRow,
    column: 0,
    columns: [
      { key: "key", header: h.key, format: "text", width: 16 },
      { key: "setting", header: h.setting, format: "text", width: 36 },
      { key: "value", header: h.value, format: "general", width: 24 },
      { key: "note", header: h.note, format: "text", width: 70 },
    ],
    rows: rows.map((r) => [r.key, SETTING_LABELS[lang][r.key], r.value, notes[r.key] ?? null]),
    cellFormats: rows.map((r, i) => ({ row: i, column: "value", format: r.format })),
    cellValidations: rows.flatMap((r, i) => (r.validation ? [{ row: i, column: "value", validation: r.validation }] : [])),
  };
  const at = (key: SettingRow) => tableRow + 1 + rows.findIndex((r) => r.key === key);
  return {
    key: "settings",
    name,
    freeze: { rows: tableRow + 1, columns: 0 },
    parts: [title(TEXT[lang].settingsTitle), table],
    names: [
      { name: n.names.rate, row: at("discountRate"), column: 2 },
      { name: n.names.discountYear1, row: at("discountYear1"), column: 2 },
      { name: n.names.currency, row: at("currency"), column: 2 },
      { name: n.names.years, row: at("yearsShown"), column: 2 },
    ],
  };
}

function title(text: string, row = 0): Block {
  return { kind: "block", row, column: 0, cells: [[text]], style: "title" };
}
function note(text: string, row = 1): Block {
  return { kind: "block", row, column: 0, cells: [[text]], style: "note" };
}

const stakeholderList = (n: LayoutNames, lang: Lang): Validation => ({
  kind: "listFormula",
  source: `=INDIRECT("${wholeColumn(n.tables.stakeholders, STAKEHOLDER_HEADERS[lang].name)}")`,
  message: TEXT[lang].stakeholderMessage,
});

function stakeholdersSheet(a: Assessment, n: LayoutNames, name: string): Sheet {
  const lang = a.settings.language;
  const h = STAKEHOLDER_HEADERS[lang];
  const rows: Cell[][] = a.stakeholders.map((s) => [s.name, s.groupSize, s.involvement]);
  return {
    key: "stakeholders",
    name,
    freeze: { rows: 3, columns: 0 },
    parts: [
      title(TEXT[lang].stakeholdersTitle),
      {
        kind: "table",
        name: n.tables.stakeholders,
        row: 2,
        column: 0,
        columns: [
          { key: "name", header: h.name, format: "text", width: 30 },
          { key: "groupSize", header: h.groupSize, format: "integer", width: 16, validation: validations(lang).positive },
          { key: "involvement", header: h.involvement, format: "text", width: 50 },
        ],
        rows: rows.length ? rows : [[null, null, null]],
      },
    ],
  };
}

function inputsSheet(a: Assessment, n: LayoutNames, name: string): Sheet {
  const lang = a.settings.language;
  const h = INPUT_HEADERS[lang];
  const v = validations(lang);
  const t = n.tables.inputs;
  // Value = Amount + Hours × Hourly cost: the same rule as the core's inputValue, independent of the Kind text.
  const value = `=N(${thisRow(t, h.amount)})+N(${thisRow(t, h.hours)})*N(${thisRow(t, h.hourlyCost)})`;
  const kinds = INPUT_KINDS[lang];
  const rows: Cell[][] = a.inputs.map((i) => [i.stakeholder, kinds[i.kind], i.description, i.amount, i.hours, i.hourlyCost, f(value)]);
  return {
    key: "inputs",
    name,
    freeze: { rows: 4, columns: 0 },
    parts: [
      title(TEXT[lang].inputsTitle),
      note(TEXT[lang].inputsNote),
      {
        kind: "table",
        name: t,
        row: 3,
        column: 0,
        columns: [
          { key: "stakeholder", header: h.stakeholder, format: "text", width: 24, validation: stakeholderList(n, lang) },
          {
            key: "kind",
            header: h.kind,
            format: "text",
            width: 12,
            validation: { kind: "list", items: Object.values(kinds), message: TEXT[lang].kindMessage },
          },
          { key: "description", header: h.description, format: "text", width: 40 },
          { key: "amount", header: h.amount, format: "money", width: 14, validation: v.number },
          { key: "hours", header: h.hours, format: "number", width: 10, validation: v.positive },
          { key: "hourlyCost", header: h.hourlyCost, format: "money", width: 12, validation: v.positive },
          { key: "value", header: h.value, format: "money", width: 14, formula: value },
        ],
        rows: rows.length ? rows : [[null, null, null, null, null, null, f(value)]],
      },
    ],
  };
}

/** The impact and present-value formulas of an outcome row. */
export function outcomeFormulas(table: string, lang: Lang, names: LayoutNames, portable: boolean): { impact: string; presentValue: string } {
  const h = OUTCOME_HEADERS[lang];
  const c = (k: OutcomeKey) => thisRow(table, h[k]);
  const rate = names.names.rate;
  const y1 = names.names.discountYear1;
  if (!portable) {
    return {
      impact: `=SROI.NETIMPACT(${c("quantity")},${c("proxyValue")},${c("deadweight")},${c("displacement")},${c("attribution")})`,
      presentValue: `=SROI.PV(${rate},${c("impact")},${c("duration")},${c("dropOff")},${c("start")},${y1})`,
    };
  }
  // Closed form of the method (§5): I/(1+r)^e × (1 − q^D)/(1 − q), q = (1 − d)/(1 + r); I × D/(1+r)^e when q = 1.
  const I = `N(${c("impact")})`;
  const D = `N(${c("duration")})`;
  const q = `((1-N(${c("dropOff")}))/(1+${rate}))`;
  const e = `(IF(${c("start")}=2,2,1)-IF(${y1},0,1))`;
  return {
    impact: `=IF(COUNT(${c("quantity")},${c("proxyValue")})=0,"",N(${c("quantity")})*N(${c("proxyValue")})*(1-N(${c("deadweight")}))*(1-N(${c("displacement")}))*(1-N(${c("attribution")})))`,
    presentValue: `=IF(OR(${I}=0,${D}<=0),0,${I}/(1+${rate})^${e}*IF(ABS(1-${q})<1E-12,${D},(1-${q}^${D})/(1-${q})))`,
  };
}

function outcomeRow(o: Outcome, formulas: { impact: string; presentValue: string }): Cell[] {
  return [
    o.stakeholder,
    o.description,
    o.indicator,
    o.source,
    o.quantity,
    o.duration,
    o.start,
    o.proxyName,
    o.proxyValue,
    o.proxySource,
    o.deadweight,
    o.displacement,
    o.attribution,
    o.dropOff,
    f(formulas.impact),
    f(formulas.presentValue),
  ];
}

export const OUTCOME_KEYS: OutcomeKey[] = [
  "stakeholder",
  "description",
  "indicator",
  "source",
  "quantity",
  "duration",
  "start",
  "proxyName",
  "proxyValue",
  "proxySource",
  "deadweight",
  "displacement",
  "attribution",
  "dropOff",
  "impact",
  "presentValue",
];

/** Makes the data rows of the outcomes table (the writer's "append" uses it too). */
export function outcomeRows(a: Assessment, outcomes: Outcome[], names: LayoutNames): Cell[][] {
  const formulas = outcomeFormulas(names.tables.outcomes, a.settings.language, names, a.settings.portable);
  return outcomes.map((o) => outcomeRow(o, formulas));
}

function impactMapSheet(a: Assessment, n: LayoutNames, name: string): Sheet {
  const lang = a.settings.language;
  const h = OUTCOME_HEADERS[lang];
  const v = validations(lang);
  const formulas = outcomeFormulas(n.tables.outcomes, lang, n, a.settings.portable);
  const spec: Record<OutcomeKey, Omit<Column, "key" | "header">> = {
    stakeholder: { format: "text", width: 20, validation: stakeholderList(n, lang) },
    description: { format: "text", width: 34 },
    indicator: { format: "text", width: 26 },
    source: { format: "text", width: 20 },
    quantity: { format: "number", width: 10, validation: v.quantity },
    duration: { format: "integer", width: 10, validation: v.duration },
    start: { format: "integer", width: 9, validation: v.start },
    proxyName: { format: "text", width: 28 },
    proxyValue: { format: "money", width: 13, validation: v.number },
    proxySource: { format: "text", width: 28 },
    deadweight: { format: "percent", width: 11, validation: v.percent },
    displacement: { format: "percent", width: 12, validation: v.percent },
    attribution: { format: "percent", width: 11, validation: v.percent },
    dropOff: { format: "percent", width: 10, validation: v.percent },
    impact: { format: "money", width: 14, formula: formulas.impact },
    presentValue: { format: "money", width: 15, formula: formulas.presentValue },
  };
  const columns: Column[] = OUTCOME_KEYS.map((key) => ({ key, header: h[key], ...spec[key] }));
  const rows = outcomeRows(a, a.outcomes.length ? a.outcomes : [emptyRow()], n);
  const t = TEXT[lang];
  const stages: Block = {
    kind: "block",
    row: 2,
    column: 0,
    style: "header",
    // stage headers above their columns: A stage 1, B–J stage 3, K–O stage 4, P stage 5
    cells: [[t.stage1, t.stage3, null, null, null, null, null, null, null, null, t.stage4, null, null, null, null, t.stage5]],
  };
  return {
    key: "impactMap",
    name,
    freeze: { rows: 4, columns: 1 },
    parts: [title(t.impactMapTitle), note(t.impactMapNote), stages, { kind: "table", name: n.tables.outcomes, row: 3, column: 0, columns, rows }],
  };
}

/** The blank row a table needs when there is nothing yet (start blank too, so it reads as empty). */
function emptyRow(): Outcome {
  return { ...emptyOutcome(), start: null };
}

/** The formula of year t of a projection row: V(t) = I × (1 − d)^(t − s) while the outcome lasts. */
export function projectionYearFormula(n: LayoutNames, lang: Lang, year: number): string {
  const o = OUTCOME_HEADERS[lang];
  const p = PROJECTION_HEADERS[lang];
  const k = thisRow(n.tables.projection, p.number);
  const at = (key: OutcomeKey) => `INDEX(${wholeColumn(n.tables.outcomes, o[key])},${k})`;
  const s = `IF(${at("start")}=2,2,1)`;
  return `=IF(AND(${year}>=${s},${year}<=${s}+N(${at("duration")})-1),N(${at("impact")})*(1-N(${at("dropOff")}))^(${year}-${s}),0)`;
}

export function projectionRow(n: LayoutNames, lang: Lang, years: number, outcomeNumber: number): Cell[] {
  const o = OUTCOME_HEADERS[lang];
  const p = PROJECTION_HEADERS[lang];
  const k = thisRow(n.tables.projection, p.number);
  return [
    outcomeNumber,
    f(`=INDEX(${wholeColumn(n.tables.outcomes, o.stakeholder)},${k})&""`),
    f(`=INDEX(${wholeColumn(n.tables.outcomes, o.description)},${k})&""`),
    ...Array.from({ length: years }, (_, i) => f(projectionYearFormula(n, lang, i + 1))),
  ];
}

function projectionSheet(a: Assessment, n: LayoutNames, name: string): Sheet {
  const lang = a.settings.language;
  const p = PROJECTION_HEADERS[lang];
  const t = TEXT[lang];
  const years = gridYears(a);
  const tableRow = 8;
  const firstYearColumn = 3;
  const yearHeader = (y: number) => `${p.year} ${y}`;
  const count = Math.max(1, a.outcomes.length);
  const rows = Array.from({ length: count }, (_, i) => projectionRow(n, lang, years, i + 1));
  const yearCells = (make: (y: number, col: number) => Cell) => Array.from({ length: years }, (_, i) => make(i + 1, firstYearColumn + i));
  // Discounting rows above the table, so the table can grow downwards (rows 4 to 7 of the sheet).
  const factorRow = 3;
  const totalRow = 4;
  const pvRow = 5;
  const block: Block = {
    kind: "block",
    row: factorRow,
    column: 2,
    cells: [
      [t.discountFactor, ...yearCells((y) => f(`=1/(1+${n.names.rate})^(${y}-IF(${n.names.discountYear1},0,1))`))],
      [t.yearTotal, ...yearCells((y) => f(`=SUM(${wholeColumn(n.tables.projection, yearHeader(y))})`))],
      [t.yearPV, ...yearCells((_y, col) => f(`=${cellAddress(totalRow, col)}*${cellAddress(factorRow, col)}`))],
      [t.gridPV, f(`=SUM(${cellAddress(pvRow, firstYearColumn)}:${cellAddress(pvRow, firstYearColumn + years - 1)})`)],
    ],
  };
  return {
    key: "projection",
    name,
    freeze: { rows: tableRow + 1, columns: firstYearColumn },
    parts: [
      title(t.projectionTitle),
      note(t.projectionNote),
      block,
      {
        kind: "table",
        name: n.tables.projection,
        row: tableRow,
        column: 0,
        columns: [
          { key: "number", header: p.number, format: "integer", width: 10, validation: { kind: "whole", min: 1, message: TEXT[lang].numberMessage } },
          { key: "stakeholder", header: p.stakeholder, format: "text", width: 20 },
          { key: "outcome", header: p.outcome, format: "text", width: 30 },
          ...Array.from({ length: years }, (_, i): Column => ({
            key: `year${i + 1}`,
            header: yearHeader(i + 1),
            format: "money",
            width: 12,
            formula: projectionYearFormula(n, lang, i + 1),
          })),
        ],
        rows,
      },
    ],
  };
}

function resultsSheet(a: Assessment, n: LayoutNames, name: string): Sheet {
  const lang = a.settings.language;
  const L = RESULT_LABELS[lang];
  const N = n.names;
  const o = OUTCOME_HEADERS[lang];
  const portable = a.settings.portable;
  const fields: Field[] = [
    { key: "totalPV", label: L.totalPV, value: f(`=SUM(${wholeColumn(n.tables.outcomes, o.presentValue)})`), format: "money", name: N.totalPV },
    { key: "totalInputs", label: L.totalInputs, value: f(`=SUM(${wholeColumn(n.tables.inputs, INPUT_HEADERS[lang].value)})`), format: "money", name: N.totalInputs },
    { key: "npv", label: L.npv, value: f(portable ? `=${N.totalPV}-${N.totalInputs}` : `=SROI.NPV(${N.totalPV},${N.totalInputs})`), format: "money", name: N.npv },
    { key: "ratio", label: L.ratio, value: f(portable ? `=${N.totalPV}/${N.totalInputs}` : `=SROI.RATIO(${N.totalPV},${N.totalInputs})`), format: "ratio", name: N.ratio },
    {
      key: "netRatio",
      label: L.netRatio,
      value: f(portable ? `=(${N.totalPV}-${N.totalInputs})/${N.totalInputs}` : `=SROI.NETRATIO(${N.totalPV},${N.totalInputs})`),
      format: "number",
      name: N.netRatio,
    },
    { key: "annualImpact", label: L.annualImpact, value: f(`=SUM(${wholeColumn(n.tables.outcomes, o.impact)})`), format: "money", name: N.annualImpact },
    {
      key: "payback",
      label: L.payback,
      value: f(portable ? `=${N.totalInputs}/(${N.annualImpact}/12)` : `=SROI.PAYBACK(${N.totalInputs},${N.annualImpact})`),
      format: "months",
      name: N.payback,
    },
    { key: "rate", label: L.rate, value: f(`=${N.rate}`), format: "percent" },
    { key: "discountYear1", label: L.discountYear1, value: f(`=${N.discountYear1}`), format: "general" },
  ];
  const v = VALUE_HEADERS[lang];
  const t = n.tables.valueByStakeholder;
  const names = [...new Set([...a.stakeholders.map((s) => s.name), ...a.outcomes.map((x) => x.stakeholder)].filter((s) => s !== ""))];
  // Not SUMIFS: it reads a name such as "<>", "A*" or ">0" as a criterion. "=" compares text
  // literally (ignoring case, as Excel does everywhere); SUMPRODUCT counts the text "" of blank rows as 0.
  const pv = `=SUMPRODUCT(--(${wholeColumn(n.tables.outcomes, o.stakeholder)}=${thisRow(t, v.stakeholder)}),${wholeColumn(n.tables.outcomes, o.presentValue)})`;
  const share = `=IF(${N.totalPV}=0,"",${thisRow(t, v.presentValue)}/${N.totalPV})`;
  const tableRow = 13;
  return {
    key: "results",
    name,
    freeze: { rows: 0, columns: 0 },
    widths: { 0: 38, 1: 18, 2: 10 },
    parts: [
      title(TEXT[lang].resultsTitle),
      { kind: "fields", row: 2, column: 0, fields },
      { kind: "block", row: tableRow - 1, column: 0, cells: [[TEXT[lang].valueByStakeholder]], style: "header" },
      {
        kind: "table",
        name: t,
        row: tableRow,
        column: 0,
        columns: [
          { key: "stakeholder", header: v.stakeholder, format: "text", width: 38 },
          { key: "presentValue", header: v.presentValue, format: "money", width: 18, formula: pv },
          { key: "share", header: v.share, format: "percent", width: 10, formula: share },
        ],
        rows: (names.length ? names : [null]).map((s) => [s, f(pv), f(share)]),
      },
      {
        kind: "chart",
        title: TEXT[lang].chartTitle,
        table: t,
        categoryColumn: "stakeholder",
        valueColumn: "presentValue",
        row: 2,
        column: 4,
        widthColumns: 8,
        heightRows: 18,
      },
    ],
  };
}

/** The whole layout of an assessment. */
export function buildLayout(a: Assessment, options: LayoutOptions = {}): WorkbookLayout {
  const lang = a.settings.language;
  const n = layoutNames(options.suffix ?? "");
  const sheetName = (key: SheetKey) => options.sheetNames?.[key] ?? DEFAULT_SHEET_NAMES[lang][key];
  return {
    currency: a.settings.currency,
    language: lang,
    sheets: [
      settingsSheet(a, n, sheetName("settings")),
      stakeholdersSheet(a, n, sheetName("stakeholders")),
      inputsSheet(a, n, sheetName("inputs")),
      impactMapSheet(a, n, sheetName("impactMap")),
      projectionSheet(a, n, sheetName("projection")),
      resultsSheet(a, n, sheetName("results")),
    ],
  };
}
