/**
 * The Sensitivity sheet (issue #11 item 3) and the ratio's range on Results, declared once: the
 * table of switching values and one-way ratios, the fields that say when the non-linear figures were
 * computed and whether they are stale, and the Monte Carlo block of Results.
 *
 * What is live and what is a value:
 * - LIVE formulas (native functions only, so the same formula serves live and portable workbooks):
 *   each row's current value, and the break-even value of the five linear estimates — quantity,
 *   proxy value, deadweight, displacement, attribution — and the break-even's distance from the
 *   current value.
 * - VALUES computed by the core (src/sroi/sensitivity.ts) when the sheet is made or recomputed
 *   (writers/office recomputeSensitivity): the break-even of drop-off, duration and the discount
 *   rate (bracketed solves), the one-way ratios at −25 % and +25 %, the swing (which orders the rows,
 *   a tornado) and the Monte Carlo range. A status formula compares the total present value and the
 *   inputs stored with them against the live ones and says "stale" when they differ.
 *
 * The closed forms of the linear estimates (method §10). For outcome k, PVₖ is its present value,
 * T the map's total and C the inputs; the ratio is 1 when PVₖ becomes PVₖ* = C − (T − PVₖ). The
 * present value is proportional to the quantity and to the proxy value, and to (1 − x) for each
 * share x (net impact = Q × P × (1 − DW) × (1 − DS) × (1 − AT), then discounted), so with
 * M = PVₖ* / PVₖ = (C − T + PVₖ) / PVₖ:
 *   quantity*  = Q × M          (kept ≥ 0: a negative one is no legal quantity, shown as "none")
 *   proxy*     = P × M          (any real number)
 *   1 − x*     = (1 − x) × M, so x* = 1 − (1 − x) × M   (kept within 0–1, else "none")
 * Reference case (method §8): C = 10,000, T = PVₖ = 15,221.50 (one outcome), P = 1,000, so
 * proxy* = 1,000 × 10,000 / 15,221.50 = 656.97; deadweight 20 %: x* = 1 − 0.8 × 0.65697 = 47.44 %.
 * M is undefined when PVₖ = 0 (the outcome carries no value now, e.g. a duration of 0): the cell is
 * left blank there, and when the inputs are not positive (no ratio to move).
 * SROI.BREAKEVEN computes the same M, but it reads a total of 0 as "present_value is the whole map",
 * which is wrong when positive and negative outcomes cancel out; the closed form is exact, so the
 * live workbook uses it too.
 */
import type { Assessment, OneWayRow, Sensitivity, SensitivityField, SwitchingValue } from "../sroi";
import { DEFAULT_DRAWS, DEFAULT_VARIATION, computeAssessment, sensitivity as sensitivityOf } from "../sroi";
import { type ColumnSpec, type Context, type DataColumn, OUTCOMES, type OutcomeKey, RESULTS_AT, SETTINGS_ROWS, type TableSchema, type Words, header, rowOf, thisRowRef, wholeOf } from "./columns";
import type { Block, Cell, Chart, Field, FieldList, Format, Sheet, Table } from "./types";
import { TORNADO_CHART } from "./names";

const f = (formula: string): Cell => ({ formula });
/** A text inside a formula: quotes doubled. */
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** ±25 % as the headers show it: "−25 %" / "−25 %" (narrow no-break space in French). */
const pct = (lang: "en" | "fr", sign: "−" | "+") => `${sign}${Math.round(DEFAULT_VARIATION * 100)}${lang === "fr" ? "\u202f" : " "}%`;

export const SENSITIVITY_TEXT = {
  en: {
    title: "Sensitivity of the SROI ratio",
    note:
      "Break-even: the value of one estimate, all else unchanged, at which the ratio is 1 : 1. Quantity, proxy value, deadweight, displacement and attribution are live formulas. Drop-off, duration, the discount rate and the ratios at −25 % and +25 % are values computed by the add-in: press Recompute in the SROI pane when the status says they are stale.",
    tableHeader: "Break-even values and one-way sensitivity, ranked by swing (a tornado)",
    none: "none",
    notComputed: "Not computed: the assessment has no ratio to move yet (inputs total 0, or a value is refused). Fix it, then press Recompute in the SROI pane.",
    stale: "Stale: the impact map or the inputs changed since these values were computed. Press Recompute in the SROI pane.",
    upToDate: "Up to date",
    chartTitle: "Tornado: the SROI ratio with each estimate at −25 % and +25 %",
    rangeHeader: "Range of the ratio (Monte Carlo)",
  },
  fr: {
    title: "Sensibilité du ratio SROI",
    note:
      "Équilibre\u00a0: la valeur d'une estimation, le reste inchangé, pour laquelle le ratio vaut 1\u00a0: 1. Quantité, valeur du proxy, point mort, déplacement et attribution sont des formules vivantes. L'érosion, la durée, le taux d'actualisation et les ratios à −25\u202f% et +25\u202f% sont des valeurs calculées par le complément\u00a0: cliquez sur Recalculer dans le volet SROI quand l'état les dit périmées.",
    tableHeader: "Valeurs d'équilibre et sensibilité une à une, classées par amplitude (une tornade)",
    none: "aucune",
    notComputed:
      "Non calculé\u00a0: l'évaluation n'a pas encore de ratio à faire varier (contributions nulles, ou une valeur refusée). Corrigez-la puis, dans le volet SROI, cliquez sur Recalculer.",
    stale: "Périmé\u00a0: la carte des impacts ou les contributions ont changé depuis le calcul de ces valeurs. Dans le volet SROI, cliquez sur Recalculer.",
    upToDate: "À jour",
    chartTitle: "Tornade\u00a0: le ratio SROI avec chaque estimation à −25\u202f% et +25\u202f%",
    rangeHeader: "Fourchette du ratio (Monte-Carlo)",
  },
} as const satisfies Record<"en" | "fr", Record<string, string>>;

export type SensitivityKey = "number" | "stakeholder" | "estimate" | "value" | "breakEven" | "change" | "ratioLow" | "ratioHigh" | "swing";

const out = (key: SensitivityKey, header: Words, width: number, format: Format, note?: Words): DataColumn<SensitivityKey> => ({
  kind: "data",
  key,
  header,
  width,
  format,
  value: format === "text" ? "text" : "number",
  json: { type: "numberOrNull", fallback: null },
  note,
});

/**
 * One row per estimate of every outcome and one for the discount rate, in the order of the core's
 * one-way table (largest swing first). Written, never read back: the core recomputes from the
 * impact map. Cells differ by row (a quantity's break-even is not a drop-off's), so no column is a
 * calculated column; the writers take each row's cells as they are.
 */
export const SENSITIVITY: TableSchema<SensitivityKey> = {
  table: "sensitivity",
  sheet: "sensitivity",
  row: 11,
  column: 0,
  columns: [
    out("number", { en: "Outcome number", fr: "N° effet" }, 10, "integer"),
    // general, not text: the cells hold formulas, which a Text cell would keep as text
    out("stakeholder", { en: "Stakeholder", fr: "Partie prenante" }, 30, "general"),
    out("estimate", { en: "Estimate", fr: "Estimation" }, 24, "text"),
    out("value", { en: "Current value", fr: "Valeur saisie" }, 14, "general"),
    out("breakEven", { en: "Break-even value", fr: "Valeur d’équilibre" }, 16, "general", {
      en: "The value of this estimate, all else unchanged, at which the ratio is 1 : 1; none: no legal value gets there.",
      fr: "La valeur de cette estimation, le reste inchangé, pour laquelle le ratio vaut 1\u00a0: 1\u00a0; aucune\u00a0: aucune valeur permise n'y parvient.",
    }),
    out("change", { en: "Break-even vs current", fr: "Écart à l’équilibre" }, 18, "general", {
      en: "Quantity and proxy value: break-even ÷ current (0.66 = may fall by 34 %). Shares, rate: break-even − current. Duration: years more or fewer.",
      fr: "Quantité et valeur du proxy\u00a0: équilibre ÷ actuel (0,66 = peut baisser de 34\u202f%). Parts, taux\u00a0: équilibre − actuel. Durée\u00a0: années de plus ou de moins.",
    }),
    out("ratioLow", { en: `Ratio at ${pct("en", "−")}`, fr: `Ratio à ${pct("fr", "−")}` }, 13, "ratio", {
      en: "The ratio with this estimate at its lower end (25 % lower; for a negative amount, 25 % further below zero), all else unchanged; shares stay within 0–100 %, durations in whole years.",
      fr: "Le ratio avec cette estimation à son bas (25\u202f% plus bas\u00a0; pour un montant négatif, 25\u202f% plus loin sous zéro), le reste inchangé\u00a0; les parts restent entre 0 et 100\u202f%, les durées en années entières.",
    }),
    out("ratioHigh", { en: `Ratio at ${pct("en", "+")}`, fr: `Ratio à ${pct("fr", "+")}` }, 13, "ratio", {
      en: "The ratio with this estimate at its upper end (25 % higher; for a negative amount, 25 % closer to zero), all else unchanged.",
      fr: "Le ratio avec cette estimation à son haut (25\u202f% plus haut\u00a0; pour un montant négatif, 25\u202f% plus près de zéro), le reste inchangé.",
    }),
    out("swing", { en: "Swing", fr: "Amplitude" }, 10, "number"),
  ] as ColumnSpec<SensitivityKey>[],
};

/** The linear estimates: their break-even is a live formula (closed form above). */
export const LIVE_BREAK_EVEN: readonly SensitivityField[] = ["quantity", "proxyValue", "deadweight", "displacement", "attribution"];

/** The estimate's label: the impact map's header (the rate: its setting's label). */
export function estimateHeader(field: SensitivityField, lang: "en" | "fr"): string {
  if (field === "discountRate") return SETTINGS_ROWS.find((s) => s.key === "discountRate")!.label[lang];
  return header(OUTCOMES, field as OutcomeKey, lang);
}

const VALUE_FORMAT: Record<SensitivityField, Format> = {
  quantity: "number",
  proxyValue: "money",
  deadweight: "percent",
  displacement: "percent",
  attribution: "percent",
  dropOff: "percent",
  duration: "integer",
  discountRate: "percent",
};
/** The distance to break-even: a multiple for quantity and proxy, a difference for the others. */
const CHANGE_FORMAT: Record<SensitivityField, Format> = { ...VALUE_FORMAT, quantity: "number", proxyValue: "number" };
const isMultiple = (field: SensitivityField) => field === "quantity" || field === "proxyValue";

/** The formulas of one row that Excel computes (the current value, a linear break-even, the distance). */
export function sensitivityFormulas(c: Context, outcome: number | null, field: SensitivityField): { value: string; breakEven: string | null; change: string } {
  const me = (k: SensitivityKey) => thisRowRef(c.names.tables.sensitivity, header(SENSITIVITY, k, c.lang));
  const N = c.names.names;
  const value = outcome === null ? `=${N.rate}` : `=N(INDEX(${wholeOf(OUTCOMES, c, field as OutcomeKey)},${me("number")}))`;
  const be = me("breakEven");
  const cur = me("value");
  const change = isMultiple(field) ? `=IF(ISNUMBER(${be}),IF(${cur}=0,"",${be}/${cur}),"")` : `=IF(ISNUMBER(${be}),${be}-${cur},"")`;
  if (outcome === null || !LIVE_BREAK_EVEN.includes(field)) return { value, breakEven: null, change };
  const pv = `INDEX(${wholeOf(OUTCOMES, c, "presentValue")},${me("number")})`;
  const M = `((${N.totalInputs}-${N.totalPV}+${pv})/${pv})`;
  const none = str(SENSITIVITY_TEXT[c.lang].none);
  const guard = (body: string) => `=IF(OR(N(${pv})=0,${N.totalInputs}<=0),"",${body})`;
  let breakEven: string;
  if (field === "quantity") {
    const v = `${cur}*${M}`;
    breakEven = guard(`IF(${v}<-1E-12,${none},IF(${v}<0,0,${v}))`);
  } else if (field === "proxyValue") {
    breakEven = guard(`${cur}*${M}`);
  } else {
    const v = `(1-(1-${cur})*${M})`;
    breakEven = guard(`IF(OR(${v}<-1E-12,${v}>1+1E-12),${none},IF(${v}<0,0,IF(${v}>1,1,${v})))`);
  }
  return { value, breakEven, change };
}

/** What the core computed for the sheet, with when; null figures where it could not (see notComputed). */
export interface SensitivityFigures {
  /** ISO 8601 time of the computation */
  computedAt: string;
  /** null when the core refused (no inputs, a refused value) */
  result: Sensitivity | null;
  /** the total PV and inputs the figures were computed with (for the stale check) */
  totalPV: number | null;
  totalInputs: number | null;
}

/**
 * How many Monte Carlo draws a sheet made without asking gets: the core's 10,000 up to 20 outcomes,
 * fewer beyond (a budget of 200,000 outcome-draws, at least 100 draws), so that creating the sheets
 * of a large map stays quick. The sheet shows the number of draws; Recompute in the pane runs the
 * full 10,000.
 */
export const MONTE_CARLO_BUDGET = 200_000;
export function workbookDraws(outcomes: number): number {
  return Math.min(DEFAULT_DRAWS, Math.max(100, Math.floor(MONTE_CARLO_BUDGET / Math.max(1, outcomes))));
}

/** The core's sensitivity of an assessment, stamped with the time given (default: now). */
export function computeSensitivityFigures(a: Assessment, computedAt: string = new Date().toISOString(), draws = workbookDraws(a.outcomes.length)): SensitivityFigures {
  const s = sensitivityOf(a, { draws });
  const totals = computeAssessment(a);
  if (!s.ok || !totals.ok) return { computedAt, result: null, totalPV: null, totalInputs: null };
  return { computedAt, result: s.value, totalPV: totals.result.totalPresentValue.toNumber(), totalInputs: totals.result.totalInputs.toNumber() };
}

/** No figures: the sheet says "not computed" (and a layout made only for its rows skips the core's work). */
export const NOT_COMPUTED: SensitivityFigures = { computedAt: "", result: null, totalPV: null, totalInputs: null };

/** "2026-12-03 09:15 UTC": how the sheet shows the time of the computation. */
export const shownTime = (iso: string): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : "");

/** The data rows of the Sensitivity table, in the one-way table's order (largest swing first). */
export function sensitivityRows(c: Context, figures: SensitivityFigures): Cell[][] {
  const s = figures.result;
  if (!s || s.oneWay.length === 0) return [SENSITIVITY.columns.map(() => null)];
  const key = (o: number | null, field: SensitivityField) => `${o}:${field}`;
  const switching = new Map<string, SwitchingValue>(s.switchingValues.map((v) => [key(v.outcome, v.field), v]));
  const none = SENSITIVITY_TEXT[c.lang].none;
  return s.oneWay.map((r: OneWayRow) => {
    const formulas = sensitivityFormulas(c, r.outcome, r.field);
    const sv = switching.get(key(r.outcome, r.field));
    const stored: Cell = sv?.breakEven ?? none;
    const cells: Record<SensitivityKey, Cell> = {
      number: r.outcome,
      stakeholder: r.outcome === null ? null : f(`=INDEX(${wholeOf(OUTCOMES, c, "stakeholder")},${thisRowRef(c.names.tables.sensitivity, header(SENSITIVITY, "number", c.lang))})&""`),
      estimate: estimateHeader(r.field, c.lang),
      value: f(formulas.value),
      breakEven: formulas.breakEven ? f(formulas.breakEven) : stored,
      change: f(formulas.change),
      ratioLow: r.ratioLow,
      ratioHigh: r.ratioHigh,
      swing: r.swing,
    };
    return SENSITIVITY.columns.map((col) => cells[col.key]);
  });
}

/** The per-row formats of the table: each row's value, break-even and distance as its estimate is. */
export function sensitivityCellFormats(figures: SensitivityFigures): Table["cellFormats"] {
  const rows = figures.result?.oneWay ?? [];
  return rows.flatMap((r, i) => [
    { row: i, column: "value", format: VALUE_FORMAT[r.field] },
    { row: i, column: "breakEven", format: VALUE_FORMAT[r.field] },
    { row: i, column: "change", format: CHANGE_FORMAT[r.field] },
  ]);
}

export const SENSITIVITY_FIELDS_AT = { row: 3, column: 1 };

/** The fields above the table: when the values were computed, with what, and whether they are stale. */
export function sensitivityFields(c: Context, figures: SensitivityFigures): Field[] {
  const N = c.names.names;
  const t = SENSITIVITY_TEXT[c.lang];
  const computed = figures.result !== null;
  const tolerance = (name: string) => `1E-9*(1+ABS(${name}))`;
  const status =
    `=IF(${N.sensitivityDate}="",${str(t.notComputed)},IF(OR(ABS(${N.totalPV}-${N.sensitivityPV})>${tolerance(N.sensitivityPV)},` +
    `ABS(${N.totalInputs}-${N.sensitivityInputs})>${tolerance(N.sensitivityInputs)}),${str(t.stale)},${str(t.upToDate)}))`;
  const fr = c.lang === "fr";
  return [
    { key: "computedAt", label: fr ? "Calculé le" : "Computed on", value: computed ? shownTime(figures.computedAt) : "", format: "text", name: N.sensitivityDate },
    { key: "totalPV", label: fr ? "Valeur actuelle totale alors" : "Total present value then", value: figures.totalPV, format: "money", name: N.sensitivityPV },
    { key: "totalInputs", label: fr ? "Contributions alors" : "Value of inputs then", value: figures.totalInputs, format: "money", name: N.sensitivityInputs },
    { key: "ratio", label: fr ? "Ratio SROI alors" : "SROI ratio then", value: figures.result?.ratio ?? null, format: "ratio" },
    { key: "variation", label: fr ? "Variation des estimations" : "Each estimate moved by", value: figures.result ? figures.result.range.variation : null, format: "percent" },
    { key: "status", label: fr ? "État" : "Status", value: f(status), format: "general", name: N.sensitivityStatus },
  ];
}

/** The ratio's range on Results: to the right of the results, above the chart of value per stakeholder. */
export const RANGE_AT = { row: RESULTS_AT.row + 1, column: 4 };

export function rangeFields(c: Context, figures: SensitivityFigures): Field[] {
  const N = c.names.names;
  const r = figures.result?.range;
  const fr = c.lang === "fr";
  return [
    { key: "p10", label: fr ? "Ratio, 10e centile (P10)" : "Ratio, 10th percentile (P10)", value: r?.p10 ?? null, format: "ratio", name: N.ratioP10 },
    { key: "median", label: fr ? "Ratio médian" : "Median ratio", value: r?.median ?? null, format: "ratio", name: N.ratioMedian },
    { key: "p90", label: fr ? "Ratio, 90e centile (P90)" : "Ratio, 90th percentile (P90)", value: r?.p90 ?? null, format: "ratio", name: N.ratioP90 },
    { key: "shareBelowOne", label: fr ? "Part des tirages sous 1\u00a0: 1" : "Share of draws below 1 : 1", value: r?.shareBelowOne ?? null, format: "percent" },
    { key: "draws", label: fr ? "Tirages" : "Draws", value: r?.draws ?? null, format: "integer" },
    { key: "seed", label: fr ? "Graine" : "Seed", value: r?.seed ?? null, format: "integer" },
    { key: "computedAt", label: fr ? "Calculé le" : "Computed on", value: f(`=${N.sensitivityDate}&""`), format: "general" },
    { key: "status", label: fr ? "État" : "Status", value: f(`=${N.sensitivityStatus}&""`), format: "general" },
  ];
}

/** The Results sheet's block: its header and fields. */
export function rangeParts(c: Context, figures: SensitivityFigures): (Block | FieldList)[] {
  return [
    { kind: "block", row: RANGE_AT.row - 1, column: RANGE_AT.column, cells: [[SENSITIVITY_TEXT[c.lang].rangeHeader]], style: "header" },
    { kind: "fields", row: RANGE_AT.row, column: RANGE_AT.column, fields: rangeFields(c, figures) },
  ];
}

/** The Sensitivity sheet. */
export function sensitivitySheet(c: Context, name: string, figures: SensitivityFigures): Sheet {
  const t = SENSITIVITY_TEXT[c.lang];
  const rows = sensitivityRows(c, figures);
  const table: Table = {
    kind: "table",
    name: c.names.tables.sensitivity,
    row: SENSITIVITY.row,
    column: SENSITIVITY.column,
    columns: SENSITIVITY.columns.map((col) => ({ key: col.key, header: col.header[c.lang], format: col.format, width: col.width, note: col.note?.[c.lang] })),
    rows,
    cellFormats: sensitivityCellFormats(figures),
  };
  const chart: Chart = {
    kind: "chart",
    title: t.chartTitle,
    name: TORNADO_CHART,
    table: table.name,
    categoryColumn: "number",
    categoryLastColumn: "estimate",
    valueColumn: "ratioLow",
    valueLastColumn: "ratioHigh",
    reverseCategories: true,
    row: SENSITIVITY_FIELDS_AT.row - 1,
    column: SENSITIVITY.column + SENSITIVITY.columns.length + 1,
    widthColumns: 9,
    heightRows: 24,
  };
  return {
    key: "sensitivity",
    name,
    freeze: { rows: 0, columns: 0 },
    parts: [
      { kind: "block", row: 0, column: 0, cells: [[t.title]], style: "title" },
      { kind: "block", row: 1, column: 0, cells: [[t.note]], style: "note" },
      { kind: "fields", row: SENSITIVITY_FIELDS_AT.row, column: SENSITIVITY_FIELDS_AT.column, fields: sensitivityFields(c, figures) },
      { kind: "block", row: SENSITIVITY.row - 1, column: 0, cells: [[t.tableHeader]], style: "header" },
      table,
      chart,
    ],
  };
}
