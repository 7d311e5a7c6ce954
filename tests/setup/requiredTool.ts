/**
 * The browser and LibreOffice suites are the only guards of the built pane and of the portable
 * formulas in a real engine, so CI must not pass without them: with CI set (as CI services do) a
 * missing tool is a failing test; on a developer's machine the suite skips, loudly.
 */
export const inCi = (env: NodeJS.ProcessEnv = process.env): boolean => {
  const ci = (env.CI ?? "").trim().toLowerCase();
  return ci !== "" && ci !== "0" && ci !== "false";
};

interface Seams {
  env?: NodeJS.ProcessEnv;
  register?: (name: string, fn: () => void) => void;
  warn?: (message: string) => void;
}

// eslint-disable-next-line no-console
const defaults = { env: process.env, register: (name: string, fn: () => void) => test(name, fn), warn: (m: string) => console.warn(m) };

const present = <T>(found: T | null | undefined | false): found is T => found !== null && found !== undefined && found !== false;

/**
 * Call at the top of a test file. Returns true when the tool is there; otherwise registers a
 * failing test (CI) or prints a warning (elsewhere) and returns false, and the caller skips.
 */
export function requireTool<T>(tool: string, found: T | null | undefined | false, install: string, seams: Seams = {}): found is T {
  if (present(found)) return true;
  const { env, register, warn } = { ...defaults, ...seams };
  const what = `${tool} is not installed (${install})`;
  if (inCi(env)) {
    register(`${tool} is installed (required when CI is set)`, () => {
      throw new Error(`${what}: CI must run this suite, so it fails instead of skipping.`);
    });
  } else {
    warn(`\n*** ${tool} suite SKIPPED: ${what}. CI fails here; install it to run this suite. ***\n`);
  }
  return false;
}

/** For a check inside a test that needs the tool: throws in CI, warns and returns false elsewhere. */
export function toolAvailable<T>(tool: string, found: T | null | undefined | false, install: string, seams: Seams = {}): found is T {
  if (present(found)) return true;
  const { env, warn } = { ...defaults, ...seams };
  if (inCi(env)) throw new Error(`${tool} is not installed (${install}): CI must run this check.`);
  warn(`*** ${tool} not found: this check was NOT made (${install}). ***`);
  return false;
}
