/**
 * Sensitivity of the SROI ratio (method §6 and §10): the switching value (break-even) of every
 * estimate, a one-way table ranked by swing (a tornado) and the ratio's range from a seeded Monte
 * Carlo run. Results are plain data (JS numbers, null, strings) so the workbook, the pane and the
 * CLI's JSON can all use them as they are.
 */
import { Assessment, AssessmentIssue, computeAssessment, isEmptyOutcome } from "./assessment";
import { dec } from "./decimal";
import { netImpactFloat, presentValueFloat } from "./fast";
import { Result } from "./issues";
import { MAX_YEARS, readDuration, readPercent, readProxy, readQuantity, readStart, readUnits } from "./validate";

/** The estimates of one outcome that sensitivity moves, as the CLI's JSON names them. */
export type EstimateField = "quantity" | "proxyValue" | "deadweight" | "displacement" | "attribution" | "dropOff" | "duration";
export type SensitivityField = EstimateField | "discountRate";

export const ESTIMATE_FIELDS: readonly EstimateField[] = ["quantity", "proxyValue", "deadweight", "displacement", "attribution", "dropOff", "duration"];

/** One outcome's checked estimates as plain numbers (shares as fractions, blanks read as the core reads them). */
export interface OutcomeEstimates {
  quantity: number;
  /** the value of one unit of the proxy, as the proxy value cell holds it */
  proxyValue: number;
  /**
   * units per person (blank read as 1), held fixed: the value per person is proxyValue × units, so
   * the proxy's switching value is a value of one unit, comparable with the cell it would replace
   */
  units: number;
  deadweight: number;
  displacement: number;
  attribution: number;
  dropOff: number;
  /** whole years */
  duration: number;
  start: 1 | 2;
}

/** What sensitivity works on: the checked estimates, the rate and the value of inputs (held fixed). */
export interface SensitivityModel {
  /** 1-based positions in the assessment's outcome list (empty rows are skipped, as computeAssessment does) */
  outcomes: { outcome: number; estimates: OutcomeEstimates }[];
  discountRate: number;
  discountYear1: boolean;
  inputs: number;
}

/** Which implementation outcomePV uses; the bench prints it. */
export const PV_PATH: "decimal" | "float" = "float";

/**
 * The one evaluator every sensitivity figure goes through: the present value of one outcome, on
 * the float64 hot path (./fast.ts, within 1e-12 relative of the Decimal reference, which the tests
 * check it against): the solves and the 10,000 Monte Carlo draws evaluate it millions of times.
 */
export function outcomePV(o: OutcomeEstimates, rate: number, discountYear1: boolean): number {
  const impact = netImpactFloat(o.quantity, o.proxyValue * o.units, o.deadweight, o.displacement, o.attribution);
  return presentValueFloat(rate, impact, o.duration, o.dropOff, o.start, discountYear1);
}

/** A problem with the options of a sensitivity run (not with the assessment itself). */
export interface SensitivityIssue {
  code: "optionInvalid" | "rangeInvalid";
  /** the option (variation, draws, seed) or the estimate whose range is wrong */
  field: SensitivityField | "variation" | "draws" | "seed" | "ranges";
  /** 1-based outcome, null for the rate or an option */
  outcome: number | null;
  /** what was given */
  value?: number | string | null;
  min?: number;
  mode?: number;
  max?: number;
  /** the legal bounds of the estimate or option */
  lowest?: number;
  highest?: number;
}

export type SensitivityResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: AssessmentIssue[]; sensitivityIssues: SensitivityIssue[] };

const refuse = <T>(issues: AssessmentIssue[], sensitivityIssues: SensitivityIssue[] = []): SensitivityResult<T> => ({
  ok: false,
  issues,
  sensitivityIssues,
});

function must<T>(r: Result<T>): T {
  // computeAssessment has already refused every invalid value, so this cannot fail.
  if (!r.ok) throw new Error(`unexpected invalid value: ${r.issue.code} ${r.issue.field}`);
  return r.value;
}

/** The checked model of a valid assessment; an invalid one (or one with no inputs) is refused with its issues. */
export function sensitivityModel(a: Assessment): SensitivityResult<SensitivityModel> {
  const computed = computeAssessment(a);
  if (!computed.ok) return refuse(computed.issues);
  const inputs = computed.result.totalInputs;
  // The ratio divides by the inputs: with none (or a negative total) there is no ratio to move.
  if (inputs.isZero()) return refuse([{ code: "divisionByZero", field: "inputs", section: "inputs" }]);
  if (inputs.isNegative()) return refuse([{ code: "negative", field: "inputs", section: "inputs", value: inputs.toNumber() }]);
  const outcomes: SensitivityModel["outcomes"] = [];
  a.outcomes.forEach((o, k) => {
    if (isEmptyOutcome(o)) return;
    outcomes.push({
      outcome: k + 1,
      estimates: {
        quantity: must(readQuantity(o.quantity)).toNumber(),
        proxyValue: must(readProxy(o.proxyValue)).toNumber(),
        units: must(readUnits(o.proxyUnits)).toNumber(),
        deadweight: must(readPercent(o.deadweight, "deadweight")).toNumber(),
        displacement: must(readPercent(o.displacement, "displacement")).toNumber(),
        attribution: must(readPercent(o.attribution, "attribution")).toNumber(),
        dropOff: must(readPercent(o.dropOff, "dropOff")).toNumber(),
        duration: must(readDuration(o.duration)),
        start: must(readStart(o.start)),
      },
    });
  });
  return {
    ok: true,
    value: { outcomes, discountRate: a.settings.discountRate, discountYear1: a.settings.discountYear1, inputs: inputs.toNumber() },
  };
}

const withEstimate = (o: OutcomeEstimates, field: EstimateField, value: number): OutcomeEstimates => ({ ...o, [field]: value });

/** The ratio of the model with every outcome at its own estimates. */
export function modelRatio(m: SensitivityModel, rate = m.discountRate): number {
  return m.outcomes.reduce((sum, o) => sum + outcomePV(o.estimates, rate, m.discountYear1), 0) / m.inputs;
}

// ---------------------------------------------------------------- switching values

export interface SwitchingValue {
  /** 1-based outcome number, null for the discount rate */
  outcome: number | null;
  field: SensitivityField;
  /** the current value */
  value: number;
  /** the value at which PV ÷ inputs = 1, all else unchanged; null when no legal value gets there */
  breakEven: number | null;
}

/** The longest duration the duration switching value looks at, in years. */
export const BREAK_EVEN_MAX_DURATION = 100;
/** The solves stop when the ratio is within this of 1 (or the bracket is as narrow as a double allows). */
const RATIO_TOLERANCE = 1e-12;

/**
 * A root of g on [lo, hi] when g changes sign there (or is 0 at an end); null otherwise. Illinois
 * regula falsi: superlinear like the secant, bracketed like bisection (falls back to it when a step
 * leaves the bracket), so the answer is never an extrapolation.
 */
export function solveBracketed(g: (x: number) => number, lo: number, hi: number): number | null {
  let flo = g(lo);
  let fhi = g(hi);
  if (flo === 0) return lo;
  if (fhi === 0) return hi;
  if (Math.sign(flo) === Math.sign(fhi) || Number.isNaN(flo) || Number.isNaN(fhi)) return null;
  let side = 0;
  for (let i = 0; i < 200; i++) {
    let x = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(x > lo && x < hi)) x = lo + (hi - lo) / 2;
    if (!(x > lo && x < hi)) break; // the bracket is two adjacent doubles
    const fx = g(x);
    if (Math.abs(fx) <= RATIO_TOLERANCE) return x;
    if (Math.sign(fx) === Math.sign(flo)) {
      lo = x;
      flo = fx;
      if (side === -1) fhi /= 2;
      side = -1;
    } else {
      hi = x;
      fhi = fx;
      if (side === 1) flo /= 2;
      side = 1;
    }
  }
  return Math.abs(flo) <= Math.abs(fhi) ? lo : hi;
}

/** Within a rounding error of a bound counts as the bound (1 − x* computed as 0.9999999999999999). */
function within(x: number, lowest: number, highest: number): number | null {
  const slack = 1e-12 * Math.max(1, Math.abs(x));
  if (x < lowest - slack || x > highest + slack) return null;
  return Math.min(highest, Math.max(lowest, x));
}

function outcomeSwitchingValues(m: SensitivityModel, k: number, others: number): SwitchingValue[] {
  const { outcome, estimates: o } = m.outcomes[k];
  const pv = (e: OutcomeEstimates) => outcomePV(e, m.discountRate, m.discountYear1);
  // the present value this outcome must carry for PV ÷ inputs = 1 (C − PV₋ₖ, method §10)
  const target = m.inputs - others;
  const current = pv(o);
  const ratioMinusOne = (pvK: number) => (others + pvK) / m.inputs - 1;
  const out: SwitchingValue[] = [];
  const push = (field: SensitivityField, breakEven: number | null) => out.push({ outcome, field, value: o[field as EstimateField], breakEven });
  // Already at 1 : 1 (to the solver's tolerance): the current value is the switching value.
  const atOne = Math.abs(ratioMinusOne(current)) <= RATIO_TOLERANCE;

  // Quantity and proxy scale the PV linearly through 0: x* = x × (C − PV₋ₖ) / PVₖ; using the PV of one
  // unit as the slope gives the same and also covers a current value of 0.
  for (const field of ["quantity", "proxyValue"] as const) {
    const perUnit = pv(withEstimate(o, field, 1));
    if (atOne) push(field, o[field]);
    else if (perUnit === 0) push(field, null);
    else push(field, field === "quantity" ? within(target / perUnit, 0, Infinity) : target / perUnit);
  }
  // Shares are linear in (1 − x): 1 − x* = (1 − x) × (C − PV₋ₖ) / PVₖ = (C − PV₋ₖ) / PVₖ(x = 0), kept within 0–1.
  for (const field of ["deadweight", "displacement", "attribution"] as const) {
    const withNone = pv(withEstimate(o, field, 0));
    if (atOne) push(field, o[field]);
    else if (withNone === 0) push(field, null);
    else push(field, within(1 - target / withNone, 0, 1));
  }
  push("dropOff", atOne ? o.dropOff : solveBracketed((d) => ratioMinusOne(pv(withEstimate(o, "dropOff", d))), 0, 1));
  push("duration", atOne ? o.duration : durationBreakEven((d) => ratioMinusOne(pv(withEstimate(o, "duration", d))), o));
  return out;
}

/**
 * The smallest whole number of years (0–100) at which the ratio reaches 1 or more. A positive
 * outcome's PV never falls as it lasts longer, so a binary search finds it; a negative one's never
 * rises, so only 0 years can do.
 */
function durationBreakEven(ratioMinusOne: (years: number) => number, o: OutcomeEstimates): number | null {
  if (ratioMinusOne(0) >= 0) return 0;
  const positive = outcomePV({ ...o, duration: 1, dropOff: 0 }, 0, true) > 0;
  if (!positive || ratioMinusOne(BREAK_EVEN_MAX_DURATION) < 0) return null;
  let lo = 0; // ratio below 1
  let hi = BREAK_EVEN_MAX_DURATION; // ratio at 1 or above
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ratioMinusOne(mid) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The rate (0–100 %) at which the ratio is 1, all outcomes at their estimates. */
function rateBreakEven(m: SensitivityModel): number | null {
  if (Math.abs(modelRatio(m) - 1) <= RATIO_TOLERANCE) return m.discountRate;
  return solveBracketed((r) => modelRatio(m, r) - 1, 0, 1);
}

/** The switching value of every estimate of a model: outcome by outcome in field order, then the rate. */
export function modelSwitchingValues(m: SensitivityModel): SwitchingValue[] {
  const pvs = m.outcomes.map((o) => outcomePV(o.estimates, m.discountRate, m.discountYear1));
  const out: SwitchingValue[] = [];
  m.outcomes.forEach((_, k) => {
    // the others summed afresh rather than total − PVₖ, so a large total does not swamp a small PVₖ
    const others = pvs.reduce((sum, pv, j) => (j === k ? sum : sum + pv), 0);
    out.push(...outcomeSwitchingValues(m, k, others));
  });
  out.push({ outcome: null, field: "discountRate", value: m.discountRate, breakEven: rateBreakEven(m) });
  return out;
}

/** The switching values (break-even) of every estimate of a valid assessment (method §10). */
export function switchingValues(a: Assessment): SensitivityResult<SwitchingValue[]> {
  const m = sensitivityModel(a);
  return m.ok ? { ok: true, value: modelSwitchingValues(m.value) } : m;
}

// ---------------------------------------------------------------- one-way table

/** The default move of every estimate, each way, as a fraction of its value (±25 %). */
export const DEFAULT_VARIATION = 0.25;

export interface OneWayRow {
  outcome: number | null;
  field: SensitivityField;
  value: number;
  /** the estimate moved down and up (shares clamped to 0–1, duration rounded to whole years) */
  low: number;
  high: number;
  ratioLow: number;
  ratioHigh: number;
  /** |ratioHigh − ratioLow|: what the tornado ranks by */
  swing: number;
}

/** The legal range of each estimate, as the core's readers accept it. */
const LEGAL: Record<SensitivityField, [number, number]> = {
  quantity: [0, Infinity],
  proxyValue: [-Infinity, Infinity],
  deadweight: [0, 1],
  displacement: [0, 1],
  attribution: [0, 1],
  dropOff: [0, 1],
  duration: [0, MAX_YEARS],
  // above −100 % (readRate); the one-way moves and the draws stay within the solver's 0–100 % when the estimate does
  discountRate: [-0.999999, 1],
};

const clamp = (x: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, x));

/** The estimate moved by a fraction of itself: relative, so a 3.5 % rate moves to 2.625 % and 4.375 %. */
function moved(field: SensitivityField, value: number, by: number): number {
  const x = clamp(value * (1 + by), LEGAL[field]);
  return field === "duration" ? Math.round(x) : x;
}

function checkVariation(variation: number): SensitivityIssue[] {
  return Number.isFinite(variation) && variation >= 0 && variation <= 1
    ? []
    : [{ code: "optionInvalid", field: "variation", outcome: null, value: variation, lowest: 0, highest: 1 }];
}

/** Each estimate moved ±variation, the others unchanged; ranked by swing, largest first (a tornado). */
export function modelOneWayTable(m: SensitivityModel, variation = DEFAULT_VARIATION): OneWayRow[] {
  const pvs = m.outcomes.map((o) => outcomePV(o.estimates, m.discountRate, m.discountYear1));
  const rows: OneWayRow[] = [];
  const row = (outcome: number | null, field: SensitivityField, value: number, ratioAt: (v: number) => number) => {
    const [low, high] = [moved(field, value, -variation), moved(field, value, variation)].sort((x, y) => x - y);
    const ratioLow = ratioAt(low);
    const ratioHigh = ratioAt(high);
    rows.push({ outcome, field, value, low, high, ratioLow, ratioHigh, swing: Math.abs(ratioHigh - ratioLow) });
  };
  m.outcomes.forEach(({ outcome, estimates }, k) => {
    const others = pvs.reduce((sum, pv, j) => (j === k ? sum : sum + pv), 0);
    for (const field of ESTIMATE_FIELDS) {
      row(outcome, field, estimates[field], (v) => (others + outcomePV(withEstimate(estimates, field, v), m.discountRate, m.discountYear1)) / m.inputs);
    }
  });
  row(null, "discountRate", m.discountRate, (r) => modelRatio(m, r));
  // Array.prototype.sort is stable: equal swings keep the map's order.
  return rows.sort((x, y) => y.swing - x.swing);
}

export function oneWayTable(a: Assessment, variation = DEFAULT_VARIATION): SensitivityResult<OneWayRow[]> {
  const bad = checkVariation(variation);
  const m = sensitivityModel(a);
  if (!m.ok) return refuse(m.issues, bad);
  if (bad.length) return refuse([], bad);
  return { ok: true, value: modelOneWayTable(m.value, variation) };
}

// ---------------------------------------------------------------- Monte Carlo range

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain): a seeded source of uniform numbers
 * in [0, 1), the same sequence for the same seed on every machine. Statistically sound for a
 * simulation of this size (period 2^32), not for cryptography.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A triangular range: the lowest, the most likely and the highest value of an estimate. */
export interface Triangle {
  min: number;
  mode: number;
  max: number;
}

/** A range the user sets for one estimate (outcome null with field "discountRate" for the rate). */
export interface EstimateRange extends Triangle {
  outcome: number | null;
  field: SensitivityField;
}

/** Inverse of the triangular distribution's CDF at u ∈ [0, 1). */
export function triangular(t: Triangle, u: number): number {
  const { min: a, mode: c, max: b } = t;
  if (b === a) return a;
  const f = (c - a) / (b - a);
  return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** The p-th percentile as Excel's PERCENTILE.INC computes it (linear between order statistics). */
export function percentileInc(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

export interface MonteCarloOptions {
  /** number of draws (default 10,000) */
  draws?: number;
  /** any whole number 0 … 2^32 − 1; the same seed gives the same range */
  seed?: number;
  /** the default range of every estimate: ±variation of its value around it (default ±25 %) */
  variation?: number;
  /** ranges the user sets, replacing the default for those estimates */
  ranges?: EstimateRange[];
}

export interface RatioRange {
  draws: number;
  seed: number;
  variation: number;
  /** the ratio at the point estimates */
  ratio: number;
  p10: number;
  median: number;
  p90: number;
  mean: number;
  /** the fraction of draws whose ratio is below 1 : 1 */
  shareBelowOne: number;
}

export const DEFAULT_DRAWS = 10_000;
export const DEFAULT_SEED = 20261202;
export const MAX_DRAWS = 1_000_000;

function defaultTriangle(field: SensitivityField, value: number, variation: number): Triangle {
  const [min, max] = [clamp(value * (1 - variation), LEGAL[field]), clamp(value * (1 + variation), LEGAL[field])].sort((x, y) => x - y);
  return { min, mode: value, max };
}

function checkRanges(m: SensitivityModel, ranges: EstimateRange[]): SensitivityIssue[] {
  const issues: SensitivityIssue[] = [];
  const known = new Set(m.outcomes.map((o) => o.outcome));
  for (const r of ranges) {
    const rateField = r.field === "discountRate";
    const validTarget =
      (rateField && r.outcome === null) || (!rateField && (ESTIMATE_FIELDS as readonly string[]).includes(r.field) && r.outcome !== null && known.has(r.outcome));
    if (!validTarget) {
      issues.push({ code: "rangeInvalid", field: "ranges", outcome: r.outcome, value: String(r.field) });
      continue;
    }
    const [lowest, highest] = LEGAL[r.field];
    const numbers = [r.min, r.mode, r.max].every((x) => typeof x === "number" && Number.isFinite(x));
    if (!numbers || !(r.min <= r.mode && r.mode <= r.max) || r.min < lowest || r.max > highest) {
      issues.push({ code: "rangeInvalid", field: r.field, outcome: r.outcome, min: r.min, mode: r.mode, max: r.max, lowest, highest });
    }
  }
  return issues;
}

function checkMonteCarloOptions(draws: number, seed: number, variation: number): SensitivityIssue[] {
  const issues = checkVariation(variation);
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) issues.push({ code: "optionInvalid", field: "draws", outcome: null, value: draws, lowest: 1, highest: MAX_DRAWS });
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) issues.push({ code: "optionInvalid", field: "seed", outcome: null, value: seed, lowest: 0, highest: 0xffffffff });
  return issues;
}

/**
 * All estimates drawn together, each from its triangular range, the inputs held fixed. Draw order is
 * fixed (the rate, then each outcome's fields in ESTIMATE_FIELDS order), one uniform number per
 * estimate per draw even when its range is a single value, so a seed always gives the same figures.
 */
export function modelMonteCarlo(m: SensitivityModel, options: MonteCarloRun["options"]): RatioRange {
  const { draws, seed, variation, ranges } = options;
  const set = new Map(ranges.map((r) => [`${r.outcome}:${r.field}`, r as Triangle]));
  const triangleOf = (outcome: number | null, field: SensitivityField, value: number) => set.get(`${outcome}:${field}`) ?? defaultTriangle(field, value, variation);
  const rateRange = triangleOf(null, "discountRate", m.discountRate);
  const outcomeRanges = m.outcomes.map(({ outcome, estimates }) => ESTIMATE_FIELDS.map((f) => triangleOf(outcome, f, estimates[f])));
  const next = mulberry32(seed);
  const ratios = new Float64Array(draws);
  let sum = 0;
  let belowOne = 0;
  for (let i = 0; i < draws; i++) {
    const rate = triangular(rateRange, next());
    let pv = 0;
    for (let k = 0; k < m.outcomes.length; k++) {
      const t = outcomeRanges[k];
      const e = m.outcomes[k].estimates;
      pv += outcomePV(
        {
          quantity: triangular(t[0], next()),
          proxyValue: triangular(t[1], next()),
          units: e.units,
          deadweight: triangular(t[2], next()),
          displacement: triangular(t[3], next()),
          attribution: triangular(t[4], next()),
          dropOff: triangular(t[5], next()),
          duration: Math.round(triangular(t[6], next())),
          start: e.start,
        },
        rate,
        m.discountYear1,
      );
    }
    const ratio = pv / m.inputs;
    ratios[i] = ratio;
    sum += ratio;
    if (ratio < 1) belowOne++;
  }
  const sorted = Array.from(ratios).sort((x, y) => x - y);
  return {
    draws,
    seed,
    variation,
    ratio: modelRatio(m),
    p10: percentileInc(sorted, 0.1),
    median: percentileInc(sorted, 0.5),
    p90: percentileInc(sorted, 0.9),
    mean: sum / draws,
    shareBelowOne: belowOne / draws,
  };
}

/** The ratio's range from a seeded Monte Carlo run (method §10): P10, median, P90. */
export function monteCarloRange(a: Assessment, options: MonteCarloOptions = {}): SensitivityResult<RatioRange> {
  const run = prepareMonteCarlo(a, options);
  return run.ok ? { ok: true, value: modelMonteCarlo(run.value.model, run.value.options) } : run;
}

export type MonteCarloRun = { model: SensitivityModel; options: Required<Omit<MonteCarloOptions, "ranges">> & { ranges: EstimateRange[] } };

/** The model and the checked options of a run; every problem of either is reported at once. */
function prepareMonteCarlo(a: Assessment, options: MonteCarloOptions): SensitivityResult<MonteCarloRun> {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const variation = options.variation ?? DEFAULT_VARIATION;
  const ranges = options.ranges ?? [];
  const m = sensitivityModel(a);
  if (!m.ok) return refuse(m.issues, checkMonteCarloOptions(draws, seed, variation));
  const bad = [...checkMonteCarloOptions(draws, seed, variation), ...checkRanges(m.value, ranges)];
  if (bad.length) return refuse([], bad);
  return { ok: true, value: { model: m.value, options: { draws, seed, variation, ranges } } };
}

// ---------------------------------------------------------------- all three

export interface Sensitivity {
  ratio: number;
  switchingValues: SwitchingValue[];
  oneWay: OneWayRow[];
  range: RatioRange;
}

/** Switching values, the one-way table and the Monte Carlo range of a valid assessment, as the CLI reports them. */
export function sensitivity(a: Assessment, options: MonteCarloOptions = {}): SensitivityResult<Sensitivity> {
  const run = prepareMonteCarlo(a, options);
  if (!run.ok) return run;
  const { model, options: checked } = run.value;
  const range = modelMonteCarlo(model, checked);
  return {
    ok: true,
    value: {
      ratio: range.ratio,
      switchingValues: modelSwitchingValues(model),
      oneWay: modelOneWayTable(model, checked.variation),
      range,
    },
  };
}
