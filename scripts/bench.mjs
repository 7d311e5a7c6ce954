#!/usr/bin/env node
/**
 * npm run bench: runs every bench/*.mjs in name order, each in its own Node process (so one
 * benchmark's warm JIT or globals cannot flatter the next). Fails (exit 1) if any of them fails.
 * `npm run bench -- functions` runs only the files whose name contains "functions".
 * BENCH_RUNS=n sets the timed runs per measurement (median reported; default 5).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bench");
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith(".mjs"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark in bench/ matches ${filters.join(", ") || "*.mjs"}`);
  process.exit(1);
}

const failed = [];
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const run = spawnSync(process.execPath, [path.join(benchDir, file)], { stdio: "inherit" });
  if (run.status !== 0) failed.push(file);
}
console.log(failed.length ? `\nbench: FAILED ${failed.join(", ")}` : `\nbench: ${files.length} benchmark(s) passed`);
process.exit(failed.length ? 1 : 0);
