/**
 * The Summary sheet (issue #13, item 4): one printable page for a funder — who, what period, what
 * kind of assessment and scope; the ratio with its range and the three estimates it depends on most;
 * value per stakeholder; inputs by kind; the key assumptions and their sources; what was left out;
 * the checks that remain open. Figures are live formulas on the other sheets (native functions only,
 * so a portable workbook recomputes it anywhere); the sensitivity ranking and the checks are the
 * core's, written as values with the time they were computed, as on the Sensitivity sheet.
 */
import { type Assessment, type OverClaimCheck, checkAssessment } from "../sroi";
import { type Context, INPUTS_BY_KIND, OUTCOMES, type OutcomeKey, SETTINGS, SETTINGS_ROWS, type TableSchema, VALUE_BY_STAKEHOLDER, header, valueStakeholders } from "./columns";
import { type SensitivityFigures, estimateHeader } from "./sensitivity";
import type { Block, Cell, Field, FieldList, Format, Sheet } from "./types";

/** Renders a check in the sheet's language (the i18n layer's checkMessage, given by the writers). */
export type CheckText = (c: OverClaimCheck, lang: "en" | "fr") => string;

const WORDS = {
  en: {
    title: "SROI summary",
    assessment: "The assessment",
    organisation: "Organisation",
    titleLabel: "Assessment",
    period: "Period",
    type: "Kind of assessment",
    scope: "Scope",
    purpose: "Purpose",
    audience: "Audience",
    result: "The result",
    totalPV: "Total present value",
    totalInputs: "Total value of inputs",
    npv: "Net present value",
    ratio: "SROI ratio",
    p10: "Ratio range: P10 (Monte Carlo)",
    p90: "Ratio range: P90 (Monte Carlo)",
    payback: "Payback period (months)",
    dependsOn: "The three estimates the ratio depends on most (each ±25 %)",
    estimate: "Estimate",
    low: "Ratio at −25 %",
    high: "Ratio at +25 %",
    outcome: (n: number) => `Outcome ${n}`,
    rate: "Discount rate",
    computed: "Computed by the add-in on",
    none: "None (the sensitivity could not be computed: see the Sensitivity sheet).",
    value: "Value per stakeholder",
    inputs: "Inputs by kind",
    assumptions: "Key assumptions and their sources",
    leftOut: "Left out of the analysis",
    checks: "Checks that remain open",
    noChecks: "No check against over-claiming is open.",
    openChecks: (n: number) => `${n} check(s) against over-claiming remain open: see the add-in's Review screen or sroi report.`,
  },
  fr: {
    title: "Synthèse SROI",
    assessment: "L'évaluation",
    organisation: "Organisation",
    titleLabel: "Évaluation",
    period: "Période",
    type: "Type d'évaluation",
    scope: "Périmètre",
    purpose: "Objectif",
    audience: "Public",
    result: "Le résultat",
    totalPV: "Valeur actuelle totale",
    totalInputs: "Valeur totale des contributions",
    npv: "Valeur actuelle nette",
    ratio: "Ratio SROI",
    p10: "Fourchette du ratio\u00a0: P10 (Monte-Carlo)",
    p90: "Fourchette du ratio\u00a0: P90 (Monte-Carlo)",
    payback: "Délai de récupération (mois)",
    dependsOn: "Les trois estimations dont le ratio dépend le plus (chacune ±25\u202f%)",
    estimate: "Estimation",
    low: "Ratio à −25\u202f%",
    high: "Ratio à +25\u202f%",
    outcome: (n: number) => `Effet ${n}`,
    rate: "Taux d'actualisation",
    computed: "Calculé par le complément le",
    none: "Aucune (la sensibilité n'a pas pu être calculée\u00a0: voir la feuille Sensibilité).",
    value: "Valeur par partie prenante",
    inputs: "Contributions par nature",
    assumptions: "Hypothèses clés et leurs sources",
    leftOut: "Laissé hors de l'analyse",
    checks: "Vérifications encore ouvertes",
    noChecks: "Aucune vérification contre la surévaluation n'est ouverte.",
    openChecks: (n: number) => `${n}\u00a0vérification(s) contre la surévaluation reste(nt) ouverte(s)\u00a0: voir l'écran Revue du complément ou sroi report.`,
  },
} as const;

const f = (formula: string): Cell => ({ formula });

/** Characters per printed line of a note: the width of the sheet's first columns. */
const LINE = 110;

/** Words in lines of at most `width` characters (a word longer than that has its own line). */
export function lines(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

/** A setting's value, by its row in the settings table (SETTINGS_ROWS' order), as text ("" for a blank). */
const setting = (c: Context, key: string): Cell =>
  f(`=INDEX(${c.names.tables.settings}[${header(SETTINGS, "value", c.lang)}],${SETTINGS_ROWS.findIndex((r) => r.key === key) + 1})&""`);

/** Row k (1-based) of a table's column. */
const at = (table: string, column: string, k: number): Cell => f(`=INDEX(${table}[${column}],${k})`);

/** The key assumptions shown per outcome: what it is valued with and the deductions. */
const ASSUMPTIONS: { key: OutcomeKey; format: Format; width: number }[] = [
  { key: "description", format: "text", width: 30 },
  { key: "proxyName", format: "text", width: 26 },
  { key: "proxySource", format: "text", width: 30 },
  { key: "deadweight", format: "percent", width: 11 },
  { key: "attribution", format: "percent", width: 11 },
  { key: "dropOff", format: "percent", width: 11 },
  { key: "duration", format: "integer", width: 10 },
];

export function summarySheet(a: Assessment, c: Context, name: string, figures: SensitivityFigures, checkText?: CheckText): Sheet {
  const w = WORDS[c.lang];
  const N = c.names.names;
  const T = c.names.tables;
  const parts: (Block | FieldList)[] = [{ kind: "block", row: 0, column: 0, cells: [[w.title]], style: "title" }];
  let row = 2;
  const caption = (text: string) => {
    parts.push({ kind: "block", row, column: 0, cells: [[text]], style: "header" });
    row += 1;
  };
  const fields = (list: Field[]) => {
    parts.push({ kind: "fields", row, column: 0, fields: list });
    row += list.length + 1;
  };
  /** A grid, one block per column so that each carries its format. */
  const grid = (heads: string[], formats: Format[], rows: Cell[][]) => {
    parts.push({ kind: "block", row, column: 0, cells: [heads], style: "header" });
    formats.forEach((format, j) => parts.push({ kind: "block", row: row + 1, column: j, format, cells: rows.map((r) => [r[j]]) }));
    row += rows.length + 2;
  };
  // A long sentence in lines of at most LINE characters, one per row: a single cell's text would run
  // past the printed page (cells do not wrap here).
  const text = (t: string) => {
    for (const line of lines(t, LINE)) {
      parts.push({ kind: "block", row, column: 0, cells: [[line]], style: "note" });
      row += 1;
    }
  };

  caption(w.assessment);
  fields([
    { key: "organisation", label: w.organisation, value: setting(c, "organisation"), format: "text" },
    { key: "title", label: w.titleLabel, value: setting(c, "title"), format: "text" },
    { key: "period", label: w.period, value: setting(c, "period"), format: "text" },
    { key: "type", label: w.type, value: setting(c, "assessmentType"), format: "text" },
    { key: "scope", label: w.scope, value: setting(c, "scope"), format: "text" },
    { key: "purpose", label: w.purpose, value: setting(c, "purpose"), format: "text" },
    { key: "audience", label: w.audience, value: setting(c, "audience"), format: "text" },
  ]);

  caption(w.result);
  fields([
    { key: "totalPV", label: w.totalPV, value: f(`=${N.totalPV}`), format: "money" },
    { key: "totalInputs", label: w.totalInputs, value: f(`=${N.totalInputs}`), format: "money" },
    { key: "npv", label: w.npv, value: f(`=${N.npv}`), format: "money" },
    { key: "ratio", label: w.ratio, value: f(`=${N.ratio}`), format: "ratio" },
    { key: "p10", label: w.p10, value: f(`=${N.ratioP10}`), format: "ratio" },
    { key: "p90", label: w.p90, value: f(`=${N.ratioP90}`), format: "ratio" },
    { key: "payback", label: w.payback, value: f(`=${N.payback}`), format: "months" },
  ]);

  caption(w.dependsOn);
  const top = figures.result ? [...figures.result.oneWay].sort((x, y) => y.swing - x.swing).slice(0, 3) : [];
  if (top.length === 0) text(w.none);
  else {
    const label = (o: (typeof top)[number]) => (o.outcome === null ? w.rate : `${w.outcome(o.outcome)} · ${estimateHeader(o.field, c.lang)}`);
    grid([w.estimate, w.low, w.high], ["text", "ratio", "ratio"], top.map((o) => [label(o), o.ratioLow, o.ratioHigh]));
    parts.push({ kind: "fields", row: row - 1, column: 0, fields: [{ key: "computedAt", label: w.computed, value: f(`=${N.sensitivityDate}&""`), format: "text" }] });
    row += 1;
  }

  /** A table of Results shown again: its first `rows` rows, cell by cell, in its columns' formats. */
  const mirror = <K extends string>(schema: TableSchema<K>, rows: number) =>
    grid(
      schema.columns.map((col) => col.header[c.lang]),
      schema.columns.map((col) => col.format),
      Array.from({ length: Math.max(1, rows) }, (_, i) => schema.columns.map((col) => at(T[schema.table], col.header[c.lang], i + 1))),
    );
  caption(w.value);
  mirror(VALUE_BY_STAKEHOLDER, valueStakeholders(a).length);
  caption(w.inputs);
  mirror(INPUTS_BY_KIND, 3);

  caption(w.assumptions);
  const outcomes = Math.max(1, a.outcomes.length);
  grid(
    ASSUMPTIONS.map((x) => header(OUTCOMES, x.key, c.lang)),
    ASSUMPTIONS.map((x) => x.format),
    Array.from({ length: outcomes }, (_, i) => ASSUMPTIONS.map((x) => at(T.outcomes, header(OUTCOMES, x.key, c.lang), i + 1))),
  );

  const exclusions = a.exclusions ?? [];
  if (exclusions.length > 0) {
    caption(w.leftOut);
    for (const x of exclusions) text(x.reason ? `${x.item} — ${x.reason}` : x.item);
    row += 1;
  }

  caption(w.checks);
  const checked = checkAssessment(a);
  const open = checked.ok ? checked.checks.filter((x) => x.severity === "warning") : [];
  if (open.length === 0) text(w.noChecks);
  else if (!checkText) text(w.openChecks(open.length));
  else for (const x of open) text(checkText(x, c.lang));

  return {
    key: "summary",
    name,
    freeze: { rows: 0, columns: 0 },
    widths: Object.fromEntries(ASSUMPTIONS.map((x, j) => [j, j === 0 ? 36 : x.width])),
    parts,
  };
}
