/**
 * What `sroi compute` reports for a file or a folder: as text for a person, as versioned JSON
 * ("sroi-result/1", docs/cli.md) for a program. Money is computed on the core's Decimals and turned
 * into JavaScript numbers only here, at the edge.
 */
import { checkMessage, estimateLabel } from "../i18n/checks";
import { type OneWayRow, type SwitchingValue, checkAssessment, sensitivity as sensitivityOf } from "../sroi";
import { quoteSheet } from "../layout/a1";
import { Assessment, AssessmentResult, Lang } from "../sroi";
import { Decimal, ZERO, dec } from "../sroi";
import { WORDS } from "./messages";

export const RESULT_SCHEMA = "sroi-result/1";

/** One problem in an input, with where it is: a cell of a workbook or a JSON Pointer. */
export interface Problem {
  /** a stable code: the core's issue codes, the JSON shape codes, or the workbook reader's */
  code: string;
  /** the message a person reads, in the language asked for, without the place */
  message: string;
  /** workbook: the sheet's name */
  sheet?: string;
  /** workbook: the cell, A1 style */
  cell?: string;
  /** workbook: the header of the cell's column */
  header?: string;
  /** JSON: where in the document (RFC 6901) */
  pointer?: string;
}

export interface FileReport {
  file: string;
  /** a workbook's second, third… assessment (tables SroiSettings2…); absent for the first */
  assessmentNumber?: number;
  /** the same data as an earlier assessment of the workbook (a portable copy): left out of totals */
  copyOf?: string;
  problems: Problem[];
  /** a workbook's input cells that hold a formula (their saved results were used) */
  formulaCells?: { sheet: string; cell: string; header: string }[];
  /** present when the file was read and computed */
  assessment?: Assessment;
  result?: AssessmentResult;
}

/**
 * "'Impact map'!K5 (Deadweight %)" or "/outcomes/1/deadweight". The header is left out when the
 * message already starts with it ("Deadweight: 25 looks like 25 %").
 */
export function placeOf(p: Problem): string {
  if (p.pointer !== undefined) return p.pointer; // "" is the whole document: no place to add
  const parts: string[] = [];
  if (p.sheet !== undefined) parts.push(p.cell ? `${quoteSheet(p.sheet)}!${p.cell}` : quoteSheet(p.sheet));
  else if (p.cell) parts.push(p.cell);
  const said = p.header !== undefined && p.message.toLowerCase().startsWith(`${p.header.toLowerCase()}:`);
  if (p.header && !said) parts.push(`(${p.header})`);
  return parts.join(" ");
}

/**
 * User text made safe for a terminal: control characters (an ANSI escape sequence in a name could
 * recolour, move the cursor or retitle the window), line and paragraph separators and the bidi
 * controls that reorder what is shown ("Trojan source") are written as visible escapes.
 */
export function terminalText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    const named: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
    const code = ch.charCodeAt(0);
    return named[ch] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
  });
}

/** "book.xlsx", or "book.xlsx#2" for a workbook's second assessment. */
export const label = (r: FileReport): string => (r.assessmentNumber ? `${r.file}#${r.assessmentNumber}` : r.file);

/** One problem on one line, for the terminal (user text escaped). */
export function problemLine(r: FileReport, p: Problem): string {
  const place = placeOf(p);
  return terminalText(place ? `${label(r)}: ${place}: ${p.message}` : `${label(r)}: ${p.message}`);
}

const num = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());

/** The JSON of one file; `schema` is added by the caller for a single file. */
/**
 * What an evaluator checks next (issue #11): the checks against over-claiming, and the ratio's
 * sensitivity (switching values, the one-way table ranked by swing, a seeded Monte Carlo range of
 * 10,000 draws). null where the core cannot say (inputs totalling 0: no ratio to move).
 */
export function reviewOf(r: FileReport, lang: Lang) {
  if (!r.assessment || !r.result) return null;
  const checked = checkAssessment(r.assessment);
  const checks = checked.ok
    ? checked.checks.map((c) => ({ code: c.code, severity: c.severity, outcome: c.outcome, field: c.field, message: checkMessage(c, lang) }))
    : [];
  const s = sensitivityOf(r.assessment);
  const sensitivity = s.ok ? { switchingValues: s.value.switchingValues, oneWay: s.value.oneWay, range: s.value.range } : null;
  return { checks, sensitivity };
}

export function fileJson(r: FileReport, lang: Lang = "en"): Record<string, unknown> {
  const base: Record<string, unknown> = { file: r.file, valid: r.problems.length === 0 && r.result !== undefined };
  if (r.assessmentNumber) base.assessmentNumber = r.assessmentNumber;
  if (r.copyOf) base.copyOf = r.copyOf;
  const formulaCells = r.formulaCells ?? [];
  if (!r.result || !r.assessment) return { ...base, problems: r.problems, formulaCells };
  const s = r.assessment.settings;
  const res = r.result;
  return {
    ...base,
    organisation: s.organisation,
    title: s.title,
    period: s.period,
    // stages 1–2 (added in this version, as checks and sensitivity were)
    assessmentType: s.assessmentType ?? "forecast",
    scope: s.scope ?? "",
    purpose: s.purpose ?? "",
    audience: s.audience ?? "",
    exclusions: (r.assessment.exclusions ?? []).map((x) => ({ item: x.item, reason: x.reason })),
    currency: s.currency,
    discountRate: s.discountRate,
    discountYear1: s.discountYear1,
    presentValue: num(res.totalPresentValue),
    inputs: num(res.totalInputs),
    netPresentValue: num(res.netPresentValue),
    ratio: num(res.ratio),
    netRatio: num(res.netRatio),
    annualImpact: num(res.annualImpact),
    paybackMonths: num(res.paybackMonths),
    byStakeholder: res.byStakeholder.map((b) => ({ stakeholder: b.stakeholder, presentValue: num(b.presentValue), share: num(b.share) })),
    outcomes: res.outcomes.map((o) => ({
      index: o.index,
      stakeholder: o.stakeholder,
      description: r.assessment!.outcomes[o.index - 1]?.description ?? "",
      netImpact: num(o.netImpact),
      presentValue: num(o.presentValue),
    })),
    problems: [],
    formulaCells,
    // added in this version, nothing removed (sroi-result/1 readers keep working): docs/cli.md
    ...reviewOf(r, lang),
  };
}

export interface CurrencyTotal {
  currency: string;
  /** how many valid assessments the total adds up */
  assessments: number;
  presentValue: Decimal;
  inputs: Decimal;
}

/** Totals per currency: amounts in different currencies are never added together. */
export function totals(reports: FileReport[]): CurrencyTotal[] {
  const byCurrency = new Map<string, CurrencyTotal>();
  for (const r of reports) {
    if (!r.result || !r.assessment || r.copyOf) continue;
    const c = r.assessment.settings.currency;
    const t = byCurrency.get(c) ?? { currency: c, assessments: 0, presentValue: ZERO, inputs: ZERO };
    t.assessments += 1;
    t.presentValue = t.presentValue.plus(r.result.totalPresentValue);
    t.inputs = t.inputs.plus(r.result.totalInputs);
    byCurrency.set(c, t);
  }
  return [...byCurrency.values()];
}

const ratioOf = (pv: Decimal, inputs: Decimal): Decimal | null => (inputs.gt(0) ? pv.div(inputs) : null);

/** The list form: a folder, or a workbook holding several assessments (`from` says which). */
export function listJson(from: { folder: string } | { file: string }, reports: FileReport[], lang: Lang = "en"): Record<string, unknown> {
  return {
    schema: RESULT_SCHEMA,
    ...from,
    files: reports.map((r) => fileJson(r, lang)),
    invalid: reports.filter((r) => !r.result).length,
    totals: totals(reports).map((t) => ({
      currency: t.currency,
      assessments: t.assessments,
      presentValue: t.presentValue.toNumber(),
      inputs: t.inputs.toNumber(),
      netPresentValue: t.presentValue.minus(t.inputs).toNumber(),
      ratio: num(ratioOf(t.presentValue, t.inputs)),
      netRatio: num(t.inputs.gt(0) ? t.presentValue.minus(t.inputs).div(t.inputs) : null),
    })),
  };
}

const LOCALE: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };

export function money(value: Decimal, currency: string, lang: Lang): string {
  const n = value.toNumber();
  try {
    return new Intl.NumberFormat(LOCALE[lang], { style: "currency", currency, currencyDisplay: "symbol" }).format(n);
  } catch {
    // not an ISO 4217 code: the number, then the code as typed
    return `${new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} ${currency}`;
  }
}

const fixed = (value: Decimal, digits: number, lang: Lang): string =>
  new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value.toNumber());

/** "1.52 : 1", as SROI reports write a ratio */
export const ratioText = (value: Decimal, lang: Lang): string => `${fixed(value, 2, lang)} : 1`;
export const percentText = (value: Decimal, lang: Lang): string =>
  new Intl.NumberFormat(LOCALE[lang], { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value.toNumber());

/** The full text report of one valid file (user text escaped, line by line). */
export function fileText(r: FileReport, lang: Lang): string {
  const w = WORDS[lang];
  if (!r.result || !r.assessment) return terminalText(`${label(r)}: ${w.invalid(r.problems.length)}`);
  const s = r.assessment.settings;
  const res = r.result;
  const c = s.currency;
  const heading = [s.organisation, s.title, s.period].filter((x) => x.trim() !== "").join(" — ");
  const scope = (s.scope ?? "").trim();
  const rows: [string, string][] = [
    [w.assessmentType, w.types[s.assessmentType ?? "forecast"] ?? String(s.assessmentType)],
    ...(scope ? [[w.scope, scope] as [string, string]] : []),
    [w.presentValue, money(res.totalPresentValue, c, lang)],
    [w.inputs, money(res.totalInputs, c, lang)],
    [w.npv, money(res.netPresentValue, c, lang)],
    [w.ratio, res.ratio ? ratioText(res.ratio, lang) : w.noRatio],
    [w.netRatio, res.netRatio ? fixed(res.netRatio, 2, lang) : w.noRatio],
    [w.annualImpact, money(res.annualImpact, c, lang)],
    [w.payback, res.paybackMonths ? w.months(fixed(res.paybackMonths, 1, lang)) : w.noPayback],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [terminalText(heading ? `${label(r)}: ${heading}` : label(r))];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(width)}  ${terminalText(v)}`);
  lines.push(`  ${w.byStakeholder}`);
  const names = res.byStakeholder.map((b) => terminalText(b.stakeholder));
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  const values = res.byStakeholder.map((b) => terminalText(money(b.presentValue, c, lang)));
  const valueWidth = Math.max(0, ...values.map((v) => v.length));
  res.byStakeholder.forEach((b, k) => {
    const share = b.share ? percentText(b.share, lang) : "—";
    lines.push(`    ${names[k].padEnd(nameWidth)}  ${values[k].padStart(valueWidth)}  ${share.padStart(7)}`);
  });
  const exclusions = (r.assessment.exclusions ?? []).filter((x) => x.item.trim() !== "" || x.reason.trim() !== "");
  if (exclusions.length > 0) {
    lines.push(`  ${w.exclusions(exclusions.length)}`);
    for (const x of exclusions) lines.push(terminalText(`    ${x.item.trim() || "…"}${x.reason.trim() ? ` — ${x.reason.trim()}` : ""}`));
  }
  const review = reviewOf(r, lang);
  if (review) {
    lines.push(`  ${w.checks(review.checks.length)}`);
    for (const c of review.checks) lines.push(terminalText(`    ${c.severity === "warning" ? w.warning : w.info}: ${c.message}`));
    if (review.sensitivity) {
      const { oneWay, switchingValues, range } = review.sensitivity;
      lines.push(`  ${w.ratioRange(fixed(dec(range.p10), 2, lang), fixed(dec(range.median), 2, lang), fixed(dec(range.p90), 2, lang), range.draws)}`);
      lines.push(`  ${w.mostSensitive}`);
      for (const row of oneWay.slice(0, 3)) lines.push(terminalText(`    ${sensitiveLine(row, switchingValues, lang)}`));
    }
  }
  return lines.join("\n");
}

/** "outcome 3, proxy value: 0.98–1.46 : 1 at ±25 %; 1 : 1 at 512.3" */
function sensitiveLine(row: OneWayRow, switching: SwitchingValue[], lang: Lang): string {
  const w = WORDS[lang];
  const what = row.outcome === null ? estimateLabel(row.field, lang) : `${w.outcome(row.outcome)}, ${estimateLabel(row.field, lang)}`;
  const low = fixed(dec(Math.min(row.ratioLow, row.ratioHigh)), 2, lang);
  const high = fixed(dec(Math.max(row.ratioLow, row.ratioHigh)), 2, lang);
  const even = switching.find((x) => x.outcome === row.outcome && x.field === row.field)?.breakEven ?? null;
  const [colon, semicolon] = lang === "fr" ? [" : ", " ; "] : [": ", "; "];
  return `${what}${colon}${low}–${high} : 1${semicolon}${even === null ? w.noBreakEven : w.breakEven(fixed(dec(even), 4, lang).replace(/[.,]?0+$/, ""))}`;
}

/** One line per file of a folder (user text escaped). */
export function fileLine(r: FileReport, lang: Lang): string {
  const w = WORDS[lang];
  if (!r.result || !r.assessment) return terminalText(`${label(r)}: ${w.invalid(r.problems.length)}`);
  const c = r.assessment.settings.currency;
  const res = r.result;
  return [
    `${label(r)}:`,
    ...(r.copyOf ? [w.copyOf(r.copyOf)] : []),
    `PV ${money(res.totalPresentValue, c, lang)}`,
    `${lang === "fr" ? "contributions" : "inputs"} ${money(res.totalInputs, c, lang)}`,
    `${lang === "fr" ? "VAN" : "NPV"} ${money(res.netPresentValue, c, lang)}`,
    `${lang === "fr" ? "ratio" : "ratio"} ${res.ratio ? ratioText(res.ratio, lang) : "—"}`,
  ].map(terminalText).join("  ");
}

export function totalLines(reports: FileReport[], lang: Lang): string[] {
  const w = WORDS[lang];
  return totals(reports).map((t) => {
    const ratio = ratioOf(t.presentValue, t.inputs);
    return [
      `${w.total(t.currency, t.assessments, reports.length)}:`,
      `PV ${money(t.presentValue, t.currency, lang)}`,
      `${lang === "fr" ? "contributions" : "inputs"} ${money(t.inputs, t.currency, lang)}`,
      `${lang === "fr" ? "VAN" : "NPV"} ${money(t.presentValue.minus(t.inputs), t.currency, lang)}`,
      `ratio ${ratio ? ratioText(ratio, lang) : "—"}`,
    ].map(terminalText).join("  ");
  });
}
