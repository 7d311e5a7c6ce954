/**
 * A 10,000-outcome impact map — net impact, present value (durations up to 10 years) and the SROI
 * ratio — computed three ways in one run, on the same seeded data:
 *   (a) through the custom-function wrappers (lib/functions/functions.js, called as Excel calls them:
 *       every argument a 2-D array), once per outcome row as a filled-down column would, and once
 *       on whole columns as a spilled range would;
 *   (b) a plain floating-point loop;
 *   (c) formulajs: PRODUCT for the net impact, NPV on each outcome's yearly stream, SUM for totals.
 * Prints the median time per outcome of each and their ratios, and fails (exit 1) unless all agree
 * to 1e-9 relative.
 */
import os from "node:os";
import { defineCustomFunctionsGlobal, fromLib, measure, relativeDifference, require, seeded, table } from "./lib/bench.mjs";

const OUTCOMES = 10_000;
const SEED = 20261122;
const RATE = 0.035; // HM Treasury Green Book
const TOLERANCE = 1e-9;

defineCustomFunctionsGlobal();
const fns = fromLib("functions/functions.js");
const formulajs = require("@formulajs/formulajs");

// ---- the impact map (deterministic) ----
const rnd = seeded(SEED);
const outcomes = Array.from({ length: OUTCOMES }, () => ({
  quantity: rnd.int(1, 50),
  proxy: (rnd.next() < 0.05 ? -1 : 1) * (rnd.int(1_000, 100_000) / 100), // 5 % negative outcomes
  deadweight: rnd.int(0, 50) / 100,
  displacement: rnd.int(0, 30) / 100,
  attribution: rnd.int(0, 60) / 100,
  dropOff: rnd.int(0, 50) / 100,
  duration: rnd.int(1, 10),
  start: rnd.next() < 0.2 ? 2 : 1,
}));
const inputs = Array.from({ length: 100 }, () => rnd.int(2_000_000, 140_000_000) / 100);

// ---- (a) the custom functions, as Excel calls them ----
function unwrap(v, what) {
  if (v instanceof CustomFunctions.Error) throw new Error(`${what}: ${v.code} ${v.message}`);
  return v;
}

function wrappersPerRow() {
  const impacts = new Array(OUTCOMES);
  const pvs = new Array(OUTCOMES);
  for (let i = 0; i < OUTCOMES; i++) {
    const o = outcomes[i];
    impacts[i] = unwrap(fns.netImpact([[o.quantity]], [[o.proxy]], [[o.deadweight]], [[o.displacement]], [[o.attribution]])[0][0], `NETIMPACT row ${i + 1}`);
    pvs[i] = fns.pv([[RATE]], [[impacts[i]]], [[o.duration]], [[o.dropOff]], [[o.start]], null);
  }
  const totalPV = pvs.reduce((s, v) => s + v, 0);
  const ratio = fns.ratio(pvs.map((v) => [v]), [inputs]);
  return { impacts, pvs, totalPV, ratio };
}

const column = (key) => outcomes.map((o) => [o[key]]);
const columns = { quantity: column("quantity"), proxy: column("proxy"), deadweight: column("deadweight"), displacement: column("displacement"), attribution: column("attribution"), duration: column("duration"), dropOff: column("dropOff"), start: column("start") };

function wrappersWholeColumns() {
  const c = columns;
  const impactColumn = fns.netImpact(c.quantity, c.proxy, c.deadweight, c.displacement, c.attribution);
  impactColumn.forEach((r, i) => unwrap(r[0], `NETIMPACT row ${i + 1}`));
  const totalPV = fns.pv([[RATE]], impactColumn, c.duration, c.dropOff, c.start, null);
  const ratio = fns.ratio([[totalPV]], [inputs]);
  return { impacts: impactColumn.map((r) => r[0]), totalPV, ratio };
}

// ---- (b) plain floating point ----
function plainLoop() {
  const impacts = new Array(OUTCOMES);
  const pvs = new Array(OUTCOMES);
  let totalPV = 0;
  for (let i = 0; i < OUTCOMES; i++) {
    const o = outcomes[i];
    const impact = o.quantity * o.proxy * (1 - o.deadweight) * (1 - o.displacement) * (1 - o.attribution);
    let value = impact;
    let discount = (1 + RATE) ** o.start;
    let pv = 0;
    for (let t = 0; t < o.duration; t++) {
      pv += value / discount;
      value *= 1 - o.dropOff;
      discount *= 1 + RATE;
    }
    impacts[i] = impact;
    pvs[i] = pv;
    totalPV += pv;
  }
  let totalInputs = 0;
  for (const x of inputs) totalInputs += x;
  return { impacts, pvs, totalPV, ratio: totalPV / totalInputs };
}

// ---- (c) formulajs, Excel's own functions in JavaScript ----
function withFormulajs() {
  const impacts = new Array(OUTCOMES);
  const pvs = new Array(OUTCOMES);
  for (let i = 0; i < OUTCOMES; i++) {
    const o = outcomes[i];
    const impact = formulajs.PRODUCT(o.quantity, o.proxy, 1 - o.deadweight, 1 - o.displacement, 1 - o.attribution);
    const stream = new Array(o.start + o.duration - 1).fill(0);
    for (let t = o.start; t < o.start + o.duration; t++) stream[t - 1] = impact * formulajs.POWER(1 - o.dropOff, t - o.start);
    impacts[i] = impact;
    pvs[i] = formulajs.NPV(RATE, stream);
  }
  const totalPV = formulajs.SUM(pvs);
  return { impacts, pvs, totalPV, ratio: totalPV / formulajs.SUM(inputs) };
}

// ---- run ----
const runs = Number(process.env.BENCH_RUNS || 5);
console.log(`SROI functions: ${OUTCOMES.toLocaleString("en")} outcomes (seed ${SEED}), rate ${(RATE * 100).toFixed(1)} %, durations 1–10 years, starts 1 or 2, ${inputs.length} inputs`);
console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}; median of ${runs} runs after one warm-up\n`);

const methods = [
  ["(a) custom functions, one call per outcome row", wrappersPerRow],
  ["(a) custom functions, whole columns (spill)", wrappersWholeColumns],
  ["(b) plain floating-point loop", plainLoop],
  ["(c) formulajs (PRODUCT, NPV on yearly streams, SUM)", withFormulajs],
].map(([name, body]) => ({ name, ...measure(body, runs) }));

const plain = methods[2].ms;
const fmt = (x, digits = 4) => Number(x.toPrecision(digits)).toString();
console.log(
  table(
    ["method", "total ms", "ms per outcome", "µs per outcome", "× plain loop", "× formulajs"],
    methods.map((m) => [m.name, fmt(m.ms, 3), fmt(m.ms / OUTCOMES, 3), fmt((1000 * m.ms) / OUTCOMES, 3), fmt(m.ms / plain, 3), fmt(m.ms / methods[3].ms, 3)]),
  ),
);

// ---- agreement ----
const reference = methods[2].result;
const worst = { impact: 0, pv: 0, totalPV: 0, ratio: 0 };
for (const m of methods) {
  const r = m.result;
  r.impacts.forEach((v, i) => (worst.impact = Math.max(worst.impact, relativeDifference(v, reference.impacts[i]))));
  r.pvs?.forEach((v, i) => (worst.pv = Math.max(worst.pv, relativeDifference(v, reference.pvs[i]))));
  worst.totalPV = Math.max(worst.totalPV, relativeDifference(r.totalPV, reference.totalPV));
  worst.ratio = Math.max(worst.ratio, relativeDifference(r.ratio, reference.ratio));
}
console.log(
  `\nresults: total PV ${reference.totalPV.toFixed(2)}, inputs ${formulajs.SUM(inputs).toFixed(2)}, ratio ${reference.ratio.toFixed(4)} : 1`,
);
console.log(
  `agreement (largest relative difference from the plain loop, over every method): net impact ${worst.impact.toExponential(2)}, ` +
    `PV per outcome ${worst.pv.toExponential(2)}, total PV ${worst.totalPV.toExponential(2)}, ratio ${worst.ratio.toExponential(2)}`,
);
const disagree = Object.entries(worst).filter(([, v]) => !(v <= TOLERANCE));
if (disagree.length) {
  console.error(`FAIL: the methods disagree beyond ${TOLERANCE} on ${disagree.map(([k]) => k).join(", ")}`);
  process.exit(1);
}
console.log(`OK: all methods agree within ${TOLERANCE} relative`);
