/**
 * Checks against over-claiming (method §9: "do not over-claim", "be transparent", "include only
 * what is material"). Each check is data — a code, a severity, the outcome and field it is about
 * and the figures behind it — and src/i18n/checks.ts turns it into a sentence; the core writes none.
 * A warning asks the user to justify or change an estimate; an info only points at something a
 * reader of the report will look at.
 */
import { Assessment, AssessmentIssue, Outcome, assessmentPriceYear, computeAssessment, isEmptyOutcome } from "./assessment";
import { PUBLISHED_FACTORS } from "./benchmarks";
import { dec } from "./decimal";
import { isBlank } from "./validate";

export type CheckCode =
  /** an outcome with no deadweight, displacement nor attribution */
  | "noDeduction"
  /** not one outcome of the map has a deduction */
  | "noDeductionOnMap"
  /** a deduction far below (warning) or below (info) what published reports use */
  | "deductionBelowBenchmark"
  /** a ratio above 10 : 1 */
  | "ratioAboveLimit"
  | "missingIndicatorSource"
  | "missingProxySource"
  /** a duration above 5 years */
  | "longDuration"
  /** an outcome lasting more than a year with no drop-off */
  | "noDropOff"
  /** the same proxy counted twice for one stakeholder */
  | "doubleCounting"
  /** a stakeholder with outcomes but no "how involved" in Stakeholders */
  | "stakeholderNotInvolved"
  /** a discount rate outside 0–10 % */
  | "discountRateOutOfRange"
  /** one outcome carrying most of the value (materiality) */
  | "materialOutcome"
  /** a proxy value in the prices of another year than the assessment's (not revalued) */
  | "proxyPriceYearDiffers"
  /** an outcome said to be negative whose proxy value is positive: a harm counted as value created */
  | "negativeOutcomeValuedPositive"
  /** an outcome said to be positive (or not said) whose proxy value is negative */
  | "positiveOutcomeValuedNegative";

export type CheckSeverity = "warning" | "info";

/** The column a check is about: an outcome's field (as in Outcome), or the discount rate of the settings. */
export type CheckField = keyof Outcome | "discountRate";

export interface OverClaimCheck {
  code: CheckCode;
  severity: CheckSeverity;
  /** 1-based outcome number, null for the whole map or the settings */
  outcome: number | null;
  field: CheckField | null;
  /** the figure checked: a share or rate (fraction), a ratio (x : 1), years */
  value?: number;
  /** the threshold it crosses, in the same unit */
  limit?: number;
  /** deductionBelowBenchmark: the published 10th percentile and median, as fractions */
  benchmark?: number;
  median?: number;
  /** materialOutcome: the outcome's share of the present value of all positive outcomes, a fraction */
  share?: number;
  /** doubleCounting: the earlier outcome with the same proxy */
  other?: number;
  stakeholder?: string;
  proxyName?: string;
}

/** Above this ratio, about 1 report in 10 of those published (their 90th percentile is 10.22 : 1). */
export const RATIO_LIMIT = 10;
/** Longer outcomes need evidence that the change lasts; the classic grid shows 5 years. */
export const DURATION_LIMIT = 5;
/** The presets span 1.5–4.4 %; above 10 % the future is all but ignored, below 0 it is inflated. */
export const RATE_RANGE: readonly [number, number] = [0, 0.1];
/** More than half the present value in one outcome: the ratio stands or falls with its estimates. */
export const MATERIAL_SHARE = 0.5;

/** Deductions compared with published reports. "Far below" is under half their 10th percentile. */
const BENCHMARKED = ["deadweight", "attribution", "dropOff"] as const;

/** The published 10th percentile and median of a factor, as fractions. */
export function publishedBenchmark(field: (typeof BENCHMARKED)[number]): { p10: number; median: number } {
  const f = PUBLISHED_FACTORS[field];
  // in decimal, so 5.2 % is 0.052 and not 0.052000000000000005
  return { p10: dec(f.p10).div(100).toNumber(), median: dec(f.median).div(100).toNumber() };
}

const share = (x: number | null): number => (x === null ? 0 : x);
const words = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();

export type Checked = { ok: true; checks: OverClaimCheck[] } | { ok: false; issues: AssessmentIssue[] };

/** Every check against over-claiming of a valid assessment; an invalid one is refused with its issues. */
export function checkAssessment(a: Assessment): Checked {
  const computed = computeAssessment(a);
  if (!computed.ok) return { ok: false, issues: computed.issues };
  const result = computed.result;
  const checks: OverClaimCheck[] = [];

  const rate = a.settings.discountRate;
  if (rate < RATE_RANGE[0] || rate > RATE_RANGE[1]) {
    checks.push({ code: "discountRateOutOfRange", severity: "warning", outcome: null, field: "discountRate", value: rate, limit: rate < 0 ? RATE_RANGE[0] : RATE_RANGE[1] });
  }
  const ratio = result.ratio?.toNumber() ?? null;
  if (ratio !== null && ratio > RATIO_LIMIT) {
    checks.push({ code: "ratioAboveLimit", severity: "warning", outcome: null, field: null, value: ratio, limit: RATIO_LIMIT });
  }

  const rows = a.outcomes.map((o, k) => ({ o, outcome: k + 1 })).filter(({ o }) => !isEmptyOutcome(o));
  // Deductions and durations over-claim only on a change valued positively; on a negative outcome
  // (a negative proxy) a missing deduction makes the result more cautious, not less.
  const claims = rows.filter(({ o }) => (o.proxyValue ?? 0) > 0 && (o.quantity ?? 0) > 0);
  const undeducted = claims.filter(({ o }) => share(o.deadweight) === 0 && share(o.displacement) === 0 && share(o.attribution) === 0);
  if (claims.length > 0 && undeducted.length === claims.length) {
    checks.push({ code: "noDeductionOnMap", severity: "warning", outcome: null, field: null });
  }

  const involved = new Set(a.stakeholders.filter((s) => !isBlank(s.involvement)).map((s) => s.name.trim()));
  const notInvolvedSeen = new Set<string>();
  const proxiesSeen = new Map<string, number>();

  const priceYear = assessmentPriceYear(a.settings);
  for (const { o, outcome } of rows) {
    if (priceYear !== null && typeof o.proxyPriceYear === "number" && o.proxyPriceYear !== priceYear) {
      checks.push({ code: "proxyPriceYearDiffers", severity: "info", outcome, field: "proxyPriceYear", value: o.proxyPriceYear, limit: priceYear });
    }
    // A negative outcome is a negative proxy (method §3). Said negative but valued positive adds a
    // harm to the value created: a warning. Said positive but valued negative lowers the ratio (the
    // cautious way), most often an older workbook or a polarity left at its default: an info.
    const proxy = typeof o.proxyValue === "number" ? o.proxyValue : 0;
    const polarity = o.polarity ?? "positive";
    if (polarity === "negative" && proxy > 0) checks.push({ code: "negativeOutcomeValuedPositive", severity: "warning", outcome, field: "proxyValue", value: proxy });
    if (polarity === "positive" && proxy < 0) checks.push({ code: "positiveOutcomeValuedNegative", severity: "info", outcome, field: "polarity", value: proxy });
    if (isBlank(o.source)) checks.push({ code: "missingIndicatorSource", severity: "warning", outcome, field: "source" });
    if (isBlank(o.proxySource)) checks.push({ code: "missingProxySource", severity: "warning", outcome, field: "proxySource" });

    const stakeholder = o.stakeholder.trim();
    if (!involved.has(stakeholder) && !notInvolvedSeen.has(stakeholder)) {
      notInvolvedSeen.add(stakeholder);
      checks.push({ code: "stakeholderNotInvolved", severity: "warning", outcome, field: "stakeholder", stakeholder });
    }

    // The same proxy twice for one stakeholder: by its name, or by the same value from the same source.
    const keys = [
      isBlank(o.proxyName) ? null : `name\u0000${words(stakeholder)}\u0000${words(o.proxyName)}`,
      isBlank(o.proxySource) || o.proxyValue === null ? null : `source\u0000${words(stakeholder)}\u0000${words(o.proxySource)}\u0000${o.proxyValue}`,
    ].filter((k): k is string => k !== null);
    const earlier = keys.map((k) => proxiesSeen.get(k)).find((x) => x !== undefined);
    if (earlier !== undefined) {
      checks.push({ code: "doubleCounting", severity: "warning", outcome, field: "proxyName", other: earlier, stakeholder, proxyName: o.proxyName });
    }
    for (const k of keys) if (!proxiesSeen.has(k)) proxiesSeen.set(k, outcome);

    if (!claims.some((c) => c.outcome === outcome)) continue;
    const duration = o.duration ?? 0;
    const dropOff = share(o.dropOff);
    if (duration > DURATION_LIMIT) checks.push({ code: "longDuration", severity: "warning", outcome, field: "duration", value: duration, limit: DURATION_LIMIT });
    if (duration > 1 && dropOff === 0) checks.push({ code: "noDropOff", severity: "warning", outcome, field: "dropOff", value: duration });

    const none = undeducted.some((c) => c.outcome === outcome);
    if (none) {
      checks.push({ code: "noDeduction", severity: "warning", outcome, field: "deadweight" });
    }
    for (const field of BENCHMARKED) {
      // a missing deduction and a missing drop-off have their own checks; drop-off matters only after year 1
      if (none && field !== "dropOff") continue;
      if (field === "dropOff" && (duration <= 1 || dropOff === 0)) continue;
      const value = share(o[field]);
      const { p10, median } = publishedBenchmark(field);
      if (value < p10) {
        checks.push({
          code: "deductionBelowBenchmark",
          severity: value < p10 / 2 ? "warning" : "info",
          outcome,
          field,
          value,
          benchmark: p10,
          median,
        });
      }
    }
  }

  // Shares of the value claimed (the positive outcomes), so a negative outcome cannot push a share above 100 %.
  const total = result.outcomes.reduce((sum, r) => sum + Math.max(0, r.presentValue.toNumber()), 0);
  if (result.outcomes.length > 1 && total > 0) {
    for (const r of result.outcomes) {
      const s = r.presentValue.toNumber() / total;
      if (s > MATERIAL_SHARE) checks.push({ code: "materialOutcome", severity: "info", outcome: r.index, field: null, share: s, limit: MATERIAL_SHARE });
    }
  }
  return { ok: true, checks };
}
