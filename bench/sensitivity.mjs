/**
 * Sensitivity of a 100-outcome impact map (issue #11): the cost of all its switching values (7 per
 * outcome + the rate: closed forms, bracketed solves, the duration search) and of a 10,000-draw
 * Monte Carlo run, each beside the cost of one evaluation of the map's ratio (100 outcome PVs) in the
 * same run, so the figures read as "so many ratio evaluations". Prints which PV path ran
 * (lib/sroi/sensitivity.js PV_PATH: the Decimal reference or the float64 path).
 * Fails (exit 1) unless the ratio recomputed at every switching value is 1 to 1e-9 and
 * P10 ≤ median ≤ P90.
 * BENCH_DRAWS=n runs fewer draws (the Decimal path takes about a minute for 10,000).
 */
import os from "node:os";
import { fromLib, measure, seeded, table } from "./lib/bench.mjs";

const OUTCOMES = 100;
const SEED = 20261202;
const DRAWS = Number(process.env.BENCH_DRAWS || 10_000);
const TOLERANCE = 1e-9;

const sroi = fromLib("sroi/index.js");
const rnd = seeded(SEED);

// ---- the impact map (deterministic); inputs set so the ratio is about 1.05, where the solves have work to do ----
const outcomes = Array.from({ length: OUTCOMES }, (_, k) => ({
  stakeholder: `Group ${1 + (k % 10)}`,
  description: `Outcome ${k + 1}`,
  indicator: "",
  source: "",
  quantity: rnd.int(1, 50),
  duration: rnd.int(1, 10),
  start: rnd.next() < 0.2 ? 2 : 1,
  proxyName: "",
  proxyValue: (rnd.next() < 0.05 ? -1 : 1) * (rnd.int(1_000, 100_000) / 100), // 5 % negative outcomes
  proxySource: "",
  deadweight: rnd.int(0, 50) / 100,
  displacement: rnd.int(0, 30) / 100,
  attribution: rnd.int(0, 60) / 100,
  dropOff: rnd.int(0, 50) / 100,
}));
const base = {
  settings: { ...sroi.DEFAULT_SETTINGS, title: "bench", discountRate: 0.035 },
  stakeholders: [],
  inputs: [{ stakeholder: "Funder", kind: "cash", description: "Grant", amount: 1, hours: null, hourlyCost: null }],
  outcomes,
};
const pv = sroi.computeAssessment(base);
if (!pv.ok) throw new Error(JSON.stringify(pv.issues));
const assessment = { ...base, inputs: [{ ...base.inputs[0], amount: Math.round(pv.result.totalPresentValue.toNumber() / 1.05) }] };
const model = sroi.sensitivityModel(assessment);
if (!model.ok) throw new Error(JSON.stringify(model));
const m = model.value;

const runs = Number(process.env.BENCH_RUNS || 5);
console.log(`Sensitivity: ${OUTCOMES} outcomes (seed ${SEED}), durations 1–10 years, ratio ${sroi.modelRatio(m).toFixed(4)} : 1`);
console.log(`PV path: ${sroi.PV_PATH} (outcomePV in src/sroi/sensitivity.ts)`);
console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}\n`);

const ratioOnce = measure(() => sroi.modelRatio(m), runs);
const switching = measure(() => sroi.modelSwitchingValues(m), Math.min(runs, 3), { minSampleMs: 0 });
// One timed run: on the Decimal path 10,000 draws take about a minute, so no warm-up and no median.
const start = process.hrtime.bigint();
const range = sroi.modelMonteCarlo(m, { draws: DRAWS, seed: SEED, variation: sroi.DEFAULT_VARIATION, ranges: [] });
const monteCarloMs = Number(process.hrtime.bigint() - start) / 1e6;

const evaluations = (ms) => (ms / ratioOnce.ms).toFixed(0);
console.log(
  table(
    ["measure", "ms", "÷ one ratio evaluation"],
    [
      [`one ratio evaluation (${OUTCOMES} outcome PVs), median of ${runs}`, ratioOnce.ms.toFixed(3), "1"],
      [`all ${switching.result.length} switching values, median of ${Math.min(runs, 3)}`, switching.ms.toFixed(1), evaluations(switching.ms)],
      [`Monte Carlo, ${DRAWS.toLocaleString("en")} draws, one run`, monteCarloMs.toFixed(0), evaluations(monteCarloMs)],
      [`Monte Carlo, per draw`, (monteCarloMs / DRAWS).toFixed(3), (monteCarloMs / DRAWS / ratioOnce.ms).toFixed(2)],
    ],
  ),
);
const found = switching.result.filter((v) => v.breakEven !== null);
const byField = {};
for (const v of found) byField[v.field] = (byField[v.field] ?? 0) + 1;
console.log(`\nswitching values found: ${found.length} of ${switching.result.length} (${Object.entries(byField).map(([f, n]) => `${f} ${n}`).join(", ")})`);
console.log(`range: P10 ${range.p10.toFixed(4)}, median ${range.median.toFixed(4)}, P90 ${range.p90.toFixed(4)} (point ${range.ratio.toFixed(4)}; ${(range.shareBelowOne * 100).toFixed(1)} % of draws below 1 : 1)`);

// ---- agreement: the ratio at each switching value (duration: whole years, at or above 1) ----
const failures = [];
for (const v of found) {
  const changed =
    v.outcome === null
      ? { ...m, discountRate: v.breakEven }
      : { ...m, outcomes: m.outcomes.map((o) => (o.outcome === v.outcome ? { ...o, estimates: { ...o.estimates, [v.field]: v.breakEven } } : o)) };
  const r = sroi.modelRatio(changed);
  const good = v.field === "duration" ? r >= 1 - 1e-12 : Math.abs(r - 1) <= TOLERANCE;
  if (!good) failures.push(`outcome ${v.outcome} ${v.field}: ratio ${r} at ${v.breakEven}`);
}
if (!(range.p10 <= range.median && range.median <= range.p90)) failures.push(`P10 ${range.p10} ≤ median ${range.median} ≤ P90 ${range.p90} fails`);
if (failures.length) {
  console.error(`FAILED:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`OK: the ratio is 1 within ${TOLERANCE} at every switching value; P10 ≤ median ≤ P90`);
