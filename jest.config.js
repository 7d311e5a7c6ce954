/**
 * Four Jest projects, each runnable alone (`npm run test:unit`, `test:component`, `test:e2e`,
 * `test:interop`); plain `jest` runs them all.
 * - unit: the core, functions, layout, writers, CLI and string tables (node)
 * - component: every test file that asks for jsdom in its docblock (the pane's React tests)
 * - e2e: the built task pane in Debian's chromium
 * - interop: LibreOffice Calc recomputing portable workbooks
 * tests/setup/ provides the globals Excel's runtime would (CustomFunctions).
 */
const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

const TESTS = join(__dirname, "tests");
const E2E = join(TESTS, "e2e");
const INTEROP = join(TESTS, "interop");

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// The docblock decides the environment, so it also decides the project: a new jsdom test joins
// "component" by itself instead of being run twice or not at all.
const JSDOM_DOCBLOCK = /^\s*\/\*\*[\s\S]*?@jest-environment\s+jsdom[\s\S]*?\*\//;
const all = testFiles(TESTS);
const inside = (dir) => (path) => path.startsWith(dir + "/");
const e2e = all.filter(inside(E2E));
const interop = all.filter(inside(INTEROP));
const component = all.filter((p) => !e2e.includes(p) && !interop.includes(p) && JSDOM_DOCBLOCK.test(readFileSync(p, "utf8")));
const unit = all.filter((p) => !e2e.includes(p) && !interop.includes(p) && !component.includes(p));

/** jest's testRegex matches whole paths: one alternative per file, escaped. */
const exactly = (paths) => (paths.length ? `^(${paths.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$` : "^$");

const shared = {
  rootDir: __dirname,
  roots: ["<rootDir>/tests"],
  setupFiles: ["<rootDir>/tests/setup/customFunctionsGlobal.ts", "<rootDir>/tests/setup/fastCheck.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { isolatedModules: true, module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, resolveJsonModule: true },
      },
    ],
  },
};

module.exports = {
  projects: [
    { ...shared, displayName: "unit", testEnvironment: "node", testRegex: exactly(unit) },
    { ...shared, displayName: "component", testEnvironment: "jsdom", testRegex: exactly(component) },
    { ...shared, displayName: "e2e", testEnvironment: "node", testRegex: exactly(e2e) },
    { ...shared, displayName: "interop", testEnvironment: "node", testRegex: exactly(interop) },
  ],
  reporters: ["default", "<rootDir>/tests/setup/summaryReporter.js"],
  // a global option: Jest ignores testTimeout inside a project
  testTimeout: 30000,
};
