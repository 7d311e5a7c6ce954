#!/usr/bin/env node
/**
 * The `sroi` command. The code lives in src/cli (TypeScript), compiled to lib/ by `npm run prepare`
 * (npm ci runs it); this file only starts it and turns a crash into exit code 2.
 */
"use strict";

let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("lib/cli/main.js")) {
    process.stderr.write("sroi: the command-line tool is not built yet; run `npm run prepare` (or `npm ci`) first.\n");
    process.exit(2);
  }
  throw error;
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`sroi: internal error: ${(error && error.stack) || error}\n`);
    process.exitCode = 2;
  },
);
