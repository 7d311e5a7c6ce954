/**
 * Scaffolding an assessment into a workbook (issue #3): the Office.js writer against the in-memory
 * Excel double, for 10, 100 and 1,000 outcomes, side by side in one run. Prints the round trips
 * (context.sync calls, counted by the double) and the median time; the round trips must not grow
 * with the number of outcomes (exit 1 if they do). The double runs in memory, so the times measure
 * the add-in's own work (layout + queued commands), not Excel's.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, require, table } from "./lib/bench.mjs";

console.log("building lib-bench/ (tsc -p tsconfig.bench.json)…");
try {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.bench.json"], { cwd: ROOT, stdio: "pipe" });
} catch (e) {
  console.log(String(e.stdout || e.message).split("\n").slice(0, 5).join("\n"));
}
const lib = (p) => require(path.join(ROOT, "lib-bench", p));
const { installFakeOffice } = lib("tests/doubles/excel/install.js");
const { scaffoldAssessment } = lib("src/writers/office/index.js");
const { DEFAULT_SETTINGS } = lib("src/sroi/assessment.js");

const assessment = (n) => ({
  settings: { ...DEFAULT_SETTINGS, title: "bench" },
  stakeholders: [{ name: "Participants", groupSize: n, involvement: "" }],
  inputs: [{ stakeholder: "Funder", kind: "cash", description: "Grant", amount: 10000, hours: null, hourlyCost: null }],
  outcomes: Array.from({ length: n }, (_, k) => ({
    stakeholder: "Participants", description: `Outcome ${k + 1}`, indicator: "", source: "", quantity: 1 + (k % 20), duration: 1 + (k % 5), start: 1,
    proxyName: "", proxyValue: 100 + k, proxySource: "", deadweight: 0.2, displacement: 0, attribution: 0.25, dropOff: 0.1,
  })),
});

async function run(n, runs = Number(process.env.BENCH_RUNS || 5)) {
  const times = [];
  let syncs = 0;
  for (let i = 0; i <= runs; i++) {
    const state = installFakeOffice(globalThis);
    const start = process.hrtime.bigint();
    const r = await scaffoldAssessment(assessment(n));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i > 0) times.push(ms); // the first run warms up
    syncs = state.syncs;
    if (r.syncs !== state.syncs) throw new Error(`writer counted ${r.syncs} syncs, the double ${state.syncs}`);
  }
  times.sort((a, b) => a - b);
  return { n, syncs, ms: times[Math.floor(times.length / 2)] };
}

const rows = [];
for (const n of [10, 100, 1000]) rows.push(await run(n));
const base = rows[0];
console.log(
  table(
    ["outcomes", "round trips", "median ms", "ms per outcome", "time vs 10 outcomes"],
    rows.map((r) => [r.n, r.syncs, r.ms.toFixed(1), (r.ms / r.n).toFixed(3), `${(r.ms / base.ms).toFixed(1)}×`]),
  ),
);
const grew = rows.some((r) => r.syncs !== base.syncs);
if (grew) {
  console.log("FAIL: the number of round trips grows with the number of outcomes");
  process.exit(1);
}
console.log(`round trips are constant (${base.syncs}) from 10 to 1,000 outcomes`);
