#!/usr/bin/env node
/**
 * Rewrites tests/metadata/functions.golden.json and functions-fr.golden.json from the metadata that
 * src/functions/functions.ts generates now (after adding or changing a function). Review the diff,
 * then commit the golden files with the change.
 */
import { spawnSync } from "node:child_process";

const run = spawnSync("npx", ["jest", "tests/metadata/metadata.test.ts", "--maxWorkers=1"], {
  stdio: "inherit",
  env: { ...process.env, UPDATE_GOLDEN: "1" },
});
if (run.status === 0) console.log("\nGolden metadata rewritten: review `git diff tests/metadata` and commit it.");
process.exit(run.status ?? 1);
