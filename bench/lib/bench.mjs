/**
 * Shared helpers for the benchmarks in bench/*.mjs (each file is run on its own by scripts/bench.mjs):
 * a seeded random generator, a timer that reports the median of several runs after a warm-up, the
 * compiled library (lib/, from `npm run prepare`), and a plain-text table.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const require = createRequire(path.join(ROOT, "package.json"));

/** mulberry32: a small, fast, seeded generator, so every run measures the same data. */
export function seeded(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** an integer in [min, max] */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

const elapsedMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/**
 * Runs body once to warm up, then takes `runs` samples; returns the median time of one call in ms
 * and the last result. A body faster than minSampleMs is repeated within each sample (and the time
 * divided), so a sub-millisecond loop is not measured against the timer's and the GC's noise.
 */
export function measure(body, runs = Number(process.env.BENCH_RUNS || 5), { minSampleMs = 50 } = {}) {
  let start = process.hrtime.bigint();
  let result = body();
  const once = Math.max(elapsedMs(start), 1e-3);
  const repeat = Math.max(1, Math.ceil(minSampleMs / once));
  const times = [];
  for (let i = 0; i < runs; i++) {
    start = process.hrtime.bigint();
    for (let k = 0; k < repeat; k++) result = body();
    times.push(elapsedMs(start) / repeat);
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(times.length / 2)], result, repeat };
}

function newest(p) {
  const s = fs.statSync(p);
  return s.isDirectory() ? Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f)))) : s.mtimeMs;
}

/**
 * Loads a module of the CommonJS build in lib/ (npm run prepare), rebuilding it first when it is
 * missing or older than src/. tsc still writes its output when other parts of src/ have type
 * errors; those are reported, and the benchmark's own agreement checks catch a broken build.
 */
export function fromLib(relative, sources = ["src/functions", "src/sroi", "src/i18n", "src/proxies"]) {
  const file = path.join(ROOT, "lib", relative);
  const stale = !fs.existsSync(file) || fs.statSync(file).mtimeMs < Math.max(...sources.map((s) => newest(path.join(ROOT, s))));
  if (stale) {
    console.log(`lib/${relative} is missing or older than src/: running npm run prepare (tsc -p tsconfig.cli.json)…`);
    try {
      execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "pipe" });
    } catch (e) {
      const lines = String(e.stdout || e.message).trim().split("\n");
      console.log(`  tsc reported ${lines.length} problem line(s) (first: ${lines[0]}); using what it emitted.`);
    }
    if (!fs.existsSync(file)) throw new Error(`lib/${relative} was not built: run npm run prepare and look at its errors`);
  }
  return require(file);
}

/** Excel's CustomFunctions global, as tests/setup/customFunctionsGlobal.ts provides it to Jest. */
export function defineCustomFunctionsGlobal() {
  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
      this.name = "CustomFunctions.Error";
    }
  }
  globalThis.CustomFunctions = {
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(all[0]), widths.map((w) => "-".repeat(w)).join("  "), ...all.slice(1).map(line)].join("\n");
}

export const relativeDifference = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
