/**
 * The custom functions' speed, side by side in one run, on seeded data:
 *
 * 1. A 10,000-outcome impact map — net impact, present value (durations 1–10 years) and the SROI
 *    ratio — computed
 *    (a) through the custom-function wrappers (lib/functions/functions.js, called as Excel calls
 *        them: every argument a 2-D array), once per outcome row as a filled-down column would,
 *        and once on whole columns as a spilled range would;
 *    (b) by a plain floating-point loop (year by year);
 *    (c) by formulajs: PRODUCT for the net impact, NPV on each outcome's yearly stream, SUM;
 *    (d) by the Decimal core year by year (src/sroi: netImpact, presentValue), the exact reference;
 *    (e) for scale: only reading the nine columns as Excel passes them (one small array per cell
 *        row) and writing the spilled column, with a bare product and no PV — the cost of Excel's
 *        array layout that any custom function pays and the plain loop does not.
 * 2. One SROI.PV call over 100,000 outcome rows with 10-year durations (Excel treats an add-in as
 *    unresponsive after about 5 s), against the plain loop and, once, the Decimal reference.
 * 3. The PV series Σ q^k of src/sroi/fast.ts summed directly and by the closed form
 *    (expm1/log1p), by length of life: where the direct sum stops paying (DIRECT_SUM_YEARS).
 *
 * Every result is compared with the Decimal reference: the bench fails (exit 1) beyond 1e-12
 * relative. The speed targets of issue #9 are printed as met or not met; timing never fails the run.
 */
import os from "node:os";
import { defineCustomFunctionsGlobal, fromLib, measure, relativeDifference, require, seeded, table } from "./lib/bench.mjs";

const OUTCOMES = 10_000;
const LONG_COLUMN = 100_000;
const SEED = 20261122;
const RATE = 0.035; // HM Treasury Green Book
const TOLERANCE = 1e-12;
const TARGETS = { wholeColumnsVsPlain: 3, longColumnMs: 500 };

defineCustomFunctionsGlobal();
const fns = fromLib("functions/functions.js");
const core = fromLib("sroi/index.js");
const formulajs = require("@formulajs/formulajs");

// ---- the data (deterministic) ----
const rnd = seeded(SEED);
const outcomeOf = (duration) => ({
  quantity: rnd.int(1, 50),
  proxy: (rnd.next() < 0.05 ? -1 : 1) * (rnd.int(1_000, 100_000) / 100), // 5 % negative outcomes
  deadweight: rnd.int(0, 50) / 100,
  displacement: rnd.int(0, 30) / 100,
  attribution: rnd.int(0, 60) / 100,
  dropOff: rnd.int(0, 50) / 100,
  duration: duration ?? rnd.int(1, 10),
  start: rnd.next() < 0.2 ? 2 : 1,
});
const outcomes = Array.from({ length: OUTCOMES }, () => outcomeOf());
const inputs = Array.from({ length: 100 }, () => rnd.int(2_000_000, 140_000_000) / 100);
const longRows = Array.from({ length: LONG_COLUMN }, () => {
  const o = outcomeOf(10);
  return { impact: o.proxy * o.quantity * (1 - o.attribution), duration: 10, dropOff: o.dropOff, start: o.start };
});

function unwrap(v, what) {
  if (v instanceof CustomFunctions.Error) throw new Error(`${what}: ${v.code} ${v.message}`);
  return v;
}
const column = (rows, key) => rows.map((o) => [o[key]]);

// ---- 1. the 10,000-outcome map ----
function wrappersPerRow() {
  const impacts = new Array(OUTCOMES);
  const pvs = new Array(OUTCOMES);
  for (let i = 0; i < OUTCOMES; i++) {
    const o = outcomes[i];
    impacts[i] = unwrap(fns.netImpact([[o.quantity]], [[o.proxy]], [[o.deadweight]], [[o.displacement]], [[o.attribution]])[0][0], `NETIMPACT row ${i + 1}`);
    pvs[i] = unwrap(fns.pv([[RATE]], [[impacts[i]]], [[o.duration]], [[o.dropOff]], [[o.start]], null), `PV row ${i + 1}`);
  }
  const totalPV = pvs.reduce((s, v) => s + v, 0);
  const ratio = fns.ratio(pvs.map((v) => [v]), [inputs]);
  return { impacts, pvs, totalPV, ratio };
}

const keys = ["quantity", "proxy", "deadweight", "displacement", "attribution", "duration", "dropOff", "start"];
const columns = Object.fromEntries(keys.map((k) => [k, column(outcomes, k)]));

// As a sheet computes it: the spilled NETIMPACT column feeds SROI.PV, whose total feeds SROI.RATIO.
// The impacts are taken out of the spilled column for the agreement check after timing.
function wrappersWholeColumns() {
  const c = columns;
  const impactColumn = fns.netImpact(c.quantity, c.proxy, c.deadweight, c.displacement, c.attribution);
  const totalPV = fns.pv([[RATE]], impactColumn, c.duration, c.dropOff, c.start, null);
  const ratio = fns.ratio([[totalPV]], [inputs]);
  return { impactColumn, totalPV, ratio };
}
const impactsOf = (result) => ({ ...result, impacts: result.impactColumn.map((r, i) => unwrap(r[0], `NETIMPACT row ${i + 1}`)) });

function excelArraysAlone() {
  const c = columns;
  const out = new Array(OUTCOMES);
  let sum = 0;
  for (let i = 0; i < OUTCOMES; i++) {
    const v = c.quantity[i][0] * c.proxy[i][0] * c.deadweight[i][0] * c.displacement[i][0] * c.attribution[i][0];
    out[i] = [v];
    sum += v * c.duration[i][0] * c.dropOff[i][0] * c.start[i][0] + out[i][0];
  }
  return { out, sum };
}

function plainPV(rate, impact, duration, dropOff, start) {
  let value = impact;
  let discount = (1 + rate) ** start;
  let pv = 0;
  for (let t = 0; t < duration; t++) {
    pv += value / discount;
    value *= 1 - dropOff;
    discount *= 1 + rate;
  }
  return pv;
}

function plainLoop() {
  const impacts = new Array(OUTCOMES);
  const pvs = new Array(OUTCOMES);
  let totalPV = 0;
  for (let i = 0; i < OUTCOMES; i++) {
    const o = outcomes[i];
    const impact = o.quantity * o.proxy * (1 - o.deadweight) * (1 - o.displacement) * (1 - o.attribution);
    const pv = plainPV(RATE, impact, o.duration, o.dropOff, o.start);
    impacts[i] = impact;
    pvs[i] = pv;
    totalPV += pv;
  }
  let totalInputs = 0;
  for (const x of inputs) totalInputs += x;
  return { impacts, pvs, totalPV, ratio: totalPV / totalInputs };
}

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

const { dec } = core;
const rateD = dec(RATE);
function decimalReference() {
  const impacts = new Array(OUTCOMES);
  const pvs = new Array(OUTCOMES);
  let total = dec(0);
  for (let i = 0; i < OUTCOMES; i++) {
    const o = outcomes[i];
    const impact = core.netImpact({ quantity: dec(o.quantity), proxy: dec(o.proxy), deadweight: dec(o.deadweight), displacement: dec(o.displacement), attribution: dec(o.attribution) });
    const pv = core.presentValue(rateD, impact, { duration: o.duration, dropOff: dec(o.dropOff), start: o.start });
    impacts[i] = impact.toNumber();
    pvs[i] = pv.toNumber();
    total = total.plus(pv);
  }
  const inputsD = inputs.reduce((s, x) => s.plus(dec(x)), dec(0));
  return { impacts, pvs, totalPV: total.toNumber(), ratio: total.div(inputsD).toNumber() };
}

// ---- 2. one SROI.PV call over 100,000 rows ----
const long = Object.fromEntries(["impact", "duration", "dropOff", "start"].map((k) => [k, column(longRows, k)]));
const longPV = () => unwrap(fns.pv([[RATE]], long.impact, long.duration, long.dropOff, long.start, null), "PV over 100,000 rows");
function longPlain() {
  let sum = 0;
  for (const o of longRows) sum += plainPV(RATE, o.impact, o.duration, o.dropOff, o.start);
  return sum;
}
function longDecimal() {
  let sum = dec(0);
  for (const o of longRows) sum = sum.plus(core.presentValue(rateD, dec(o.impact), { duration: o.duration, dropOff: dec(o.dropOff), start: o.start }));
  return sum.toNumber();
}

// ---- run ----
const runs = Number(process.env.BENCH_RUNS || 5);
const fmt = (x, digits = 3) => Number(x.toPrecision(digits)).toLocaleString("en", { maximumSignificantDigits: digits });
console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? "unknown CPU"}; median of ${runs} runs after one warm-up unless said\n`);

console.log(`1. ${OUTCOMES.toLocaleString("en")}-outcome impact map (seed ${SEED}): net impact, PV at ${(RATE * 100).toFixed(1)} % over 1–10 years (starts 1 or 2), ratio against ${inputs.length} inputs`);
const methods = [
  ["(a) custom functions, one call per outcome row", wrappersPerRow],
  ["(a) custom functions, whole columns (spill)", wrappersWholeColumns],
  ["(b) plain floating-point loop", plainLoop],
  ["(c) formulajs (PRODUCT, NPV on yearly streams, SUM)", withFormulajs],
  ["(d) Decimal core, year by year (the reference)", decimalReference],
  ["(e) for scale: Excel's arrays alone (read 9 columns, write 1)", excelArraysAlone],
].map(([name, body]) => ({ name, ...measure(body, runs) }));
const [perRow, wholeColumns, plain, fjs, reference, arraysAlone] = methods;
wholeColumns.result = impactsOf(wholeColumns.result);
console.log(
  table(
    ["method", "total ms", "µs per outcome", "× plain loop", "× formulajs"],
    methods.map((m) => [m.name, fmt(m.ms), fmt((1000 * m.ms) / OUTCOMES), fmt(m.ms / plain.ms), fmt(m.ms / fjs.ms)]),
  ),
);

console.log(`\n2. one SROI.PV call over ${LONG_COLUMN.toLocaleString("en")} outcome rows, 10-year durations`);
const long1 = { name: "(a) SROI.PV, whole columns", ...measure(longPV, runs) };
const long2 = { name: "(b) plain floating-point loop", ...measure(longPlain, runs) };
const t0 = process.hrtime.bigint();
const long3 = { name: "(d) Decimal core, year by year (one run)", result: longDecimal() };
long3.ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(
  table(
    ["method", "total ms", "× plain loop"],
    [long1, long2, long3].map((m) => [m.name, fmt(m.ms), fmt(m.ms / long2.ms)]),
  ),
);

const worst = { "net impact": 0, "PV per outcome": 0, "total PV": 0, ratio: 0, "PV over 100,000 rows": 0 };
console.log(`\n3. the PV series Σ q^k (src/sroi/fast.ts) over ${OUTCOMES.toLocaleString("en")} drop-offs of the map, at ${(RATE * 100).toFixed(1)} %, by length of life`);
const kernelRows = [];
for (const years of [2, 5, 10, 20, 30, 40, 60, 100]) {
  const direct = measure(() => {
    let s = 0;
    for (let i = 0; i < OUTCOMES; i++) s += core.seriesByDirectSum(RATE, outcomes[i].dropOff, years);
    return s;
  }, runs);
  const closed = measure(() => {
    let s = 0;
    for (let i = 0; i < OUTCOMES; i++) s += core.seriesByClosedForm(RATE, outcomes[i].dropOff, years);
    return s;
  }, runs);
  for (const o of outcomes) {
    const d = relativeDifference(core.seriesByDirectSum(RATE, o.dropOff, years), core.seriesByClosedForm(RATE, o.dropOff, years));
    worst["series, direct vs closed form"] = Math.max(worst["series, direct vs closed form"] ?? 0, d);
  }
  kernelRows.push([`${years} years`, fmt((1e6 * direct.ms) / OUTCOMES), fmt((1e6 * closed.ms) / OUTCOMES), fmt(direct.ms / closed.ms)]);
}
console.log(table(["life", "direct sum, ns per outcome", "closed form, ns per outcome", "direct ÷ closed form"], kernelRows));

// ---- agreement with the Decimal reference ----
const r = reference.result;
for (const m of methods.slice(0, 5)) {
  const x = m.result;
  x.impacts.forEach((v, i) => (worst["net impact"] = Math.max(worst["net impact"], relativeDifference(v, r.impacts[i]))));
  x.pvs?.forEach((v, i) => (worst["PV per outcome"] = Math.max(worst["PV per outcome"], relativeDifference(v, r.pvs[i]))));
  worst["total PV"] = Math.max(worst["total PV"], relativeDifference(x.totalPV, r.totalPV));
  worst.ratio = Math.max(worst.ratio, relativeDifference(x.ratio, r.ratio));
}
for (const m of [long1, long2]) worst["PV over 100,000 rows"] = Math.max(worst["PV over 100,000 rows"], relativeDifference(m.result, long3.result));

console.log(`\nresults: map total PV ${r.totalPV.toFixed(2)}, ratio ${r.ratio.toFixed(4)} : 1; 100,000-row PV ${long3.result.toFixed(2)}`);
console.log(`agreement with the Decimal reference (largest relative difference over every method): ${Object.entries(worst).map(([k, v]) => `${k} ${v.toExponential(2)}`).join(", ")}`);

const met = (ok) => (ok ? "met" : "NOT MET");
const vsPlain = wholeColumns.ms / plain.ms;
console.log("\ntargets (issue #9):");
console.log(`  whole-column custom functions ≤ ${TARGETS.wholeColumnsVsPlain}× the plain loop: ${fmt(vsPlain)}× — ${met(vsPlain <= TARGETS.wholeColumnsVsPlain)}`);
console.log(`  whole-column custom functions faster than formulajs: ${fmt(wholeColumns.ms / fjs.ms)}× formulajs — ${met(wholeColumns.ms < fjs.ms)}`);
console.log(`  SROI.PV over ${LONG_COLUMN.toLocaleString("en")} rows ≤ ${TARGETS.longColumnMs} ms: ${fmt(long1.ms)} ms — ${met(long1.ms <= TARGETS.longColumnMs)}`);
console.log(`  (for comparison: Excel's arrays alone ${fmt(arraysAlone.ms / plain.ms)}× the plain loop; one call per outcome row ${fmt(perRow.ms / plain.ms)}×; the Decimal reference ${fmt(long3.ms / long1.ms)}× SROI.PV on 100,000 rows)`);

const disagree = Object.entries(worst).filter(([, v]) => !(v <= TOLERANCE));
if (disagree.length) {
  console.error(`FAIL: results differ from the Decimal reference beyond ${TOLERANCE} relative on ${disagree.map(([k]) => k).join(", ")}`);
  process.exit(1);
}
console.log(`OK: every method agrees with the Decimal reference within ${TOLERANCE} relative`);
