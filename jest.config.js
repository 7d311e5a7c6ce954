/**
 * One Jest run for every kind of test: unit and table tests (node), components (jsdom, by a
 * docblock in the test file), the browser end-to-end test (Debian chromium) and the LibreOffice
 * interop test. tests/setup/ provides the globals Excel's runtime would (CustomFunctions).
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFiles: ["<rootDir>/tests/setup/customFunctionsGlobal.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: { isolatedModules: true, module: "commonjs", moduleResolution: "node", jsx: "react-jsx", esModuleInterop: true, resolveJsonModule: true },
      },
    ],
  },
  reporters: ["default", "<rootDir>/tests/setup/summaryReporter.js"],
  testTimeout: 30000,
};
