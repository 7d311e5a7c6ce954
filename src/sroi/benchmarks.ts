/**
 * How published SROI reports set their estimates: the figures the checks against over-claiming
 * compare an assessment with. Context, never defaults to copy.
 *
 * Copied as published (percentages; the SROI ratio as x : 1) from the project's data file
 * factor-benchmarks.json, whose source is: J. C. Muñoz-Mora et al., SROI meta-analysis of 383
 * reports of the Social Value International reports database (public repository
 * jcmunozmora/sroi-meta-analysis, data/factor_benchmarks.json, extracted 2026-03).
 * Caveats (theirs): values were extracted from report PDFs by automated (language-model) extraction
 * and reconciled; the study was not peer-reviewed when taken; n is the number of reports that state
 * the factor. About 12 % of the reports present a sensitivity analysis; 87 % apply none of the four
 * deductions. Per-sector medians exist too (3 to 50 reports each); they are not copied, as an
 * assessment does not record its sector.
 */

export interface PublishedDistribution {
  /** reports that state the factor */
  n: number;
  p10: number;
  p25: number;
  median: number;
  mean: number;
  p75: number;
  p90: number;
  min: number;
  max: number;
}

export const BENCHMARK_SOURCE =
  "J. C. Muñoz-Mora et al., SROI meta-analysis of 383 reports of the Social Value International reports database (jcmunozmora/sroi-meta-analysis, extracted 2026-03)";

/** Percent, except sroiRatio (x : 1). */
export const PUBLISHED_FACTORS: Readonly<Record<"deadweight" | "attribution" | "dropOff" | "discountRate" | "sroiRatio", PublishedDistribution>> = {
  deadweight: { n: 154, p10: 5.2, p25: 10.0, median: 20.0, mean: 26.04, p75: 34.75, p90: 50.0, min: 0.07, max: 100.0 },
  attribution: { n: 216, p10: 10.0, p25: 15.0, median: 25.5, mean: 30.95, p75: 42.0, p90: 53.0, min: 0.05, max: 100.0 },
  dropOff: { n: 90, p10: 10.0, p25: 10.0, median: 21.5, mean: 29.11, p75: 50.0, p90: 50.0, min: 2.33, max: 100.0 },
  discountRate: { n: 246, p10: 3.5, p25: 3.5, median: 3.5, mean: 4.05, p75: 3.5, p90: 4.38, min: 2.0, max: 15.0 },
  sroiRatio: { n: 247, p10: 1.31, p25: 2.06, median: 3.56, mean: 5.42, p75: 6.6, p90: 10.22, min: 0.13, max: 37.14 },
};
