/**
 * The built bundle registers every function of the built metadata. custom-functions-metadata-plugin
 * appends CustomFunctions.associate(id, fn) to functions.js during the build; when that silently
 * fails, every cell shows #VALUE!, so this is checked on the real build output, run as taskpane.html
 * runs it: the webpack runtime, the shared chunks and functions.js, in the page's order, the chunks
 * loaded on demand (SROI.PROXY's lookup) fetched by the runtime as a browser would. Checked on:
 * - dist/ when it exists and is newer than its sources (`npm test` builds it first);
 * - otherwise the functions entry is built here, once, with the project's webpack.config.js
 *   (production mode, webpack's Node API) into a temporary folder, leaving dist/ alone.
 */
import fs from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import webpack from "webpack";
import { generatedMetadata, Metadata } from "../functions/harness";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
// everything the functions bundle is built from (the task pane too: a change there only costs a rebuild here)
const SOURCES = ["src", "webpack.config.js", "scripts/metadata-fr.js", "package.json"];

function newestSource(): number {
  const walk = (p: string): number => {
    const s = fs.statSync(p);
    return s.isDirectory() ? Math.max(0, ...fs.readdirSync(p).map((f) => walk(path.join(p, f)))) : s.mtimeMs;
  };
  return Math.max(...SOURCES.map((p) => walk(path.join(ROOT, p))));
}

function distIsFresh(): boolean {
  const files = ["taskpane.html", "functions.js", "functions.json", "functions-fr.json"].map((f) => path.join(DIST, f));
  return files.every(fs.existsSync) && Math.min(...files.map((f) => fs.statSync(f).mtimeMs)) >= newestSource();
}

/** Builds only the functions entry with the project's webpack config; returns the output folder. */
function buildFunctions(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = makeConfig({}, { mode: "production" });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "sroi-functions-build-"));
  config.context = ROOT;
  config.entry = { functions: config.entry.functions };
  config.output = { ...config.output, path: out };
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(`webpack build failed:\n${stats.toString({ all: false, errors: true })}`));
      resolve(out);
    }),
  );
}

let folder: string;
let built: Metadata;
let builtFr: Metadata;
let bundle: string;
/** The scripts taskpane.html loads that the functions need, in the page's order (not the pane's or the commands' entry). */
let functionScripts: string[];

beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(ROOT); // the webpack config's paths are relative to the project root
  try {
    folder = distIsFresh() ? DIST : await buildFunctions();
  } finally {
    process.chdir(cwd);
  }
  if (folder !== DIST) console.info(`dist/ missing or older than its sources: checked a fresh build in ${folder} (run npm run build to refresh dist/)`);
  built = JSON.parse(fs.readFileSync(path.join(folder, "functions.json"), "utf8"));
  builtFr = JSON.parse(fs.readFileSync(path.join(folder, "functions-fr.json"), "utf8"));
  bundle = fs.readFileSync(path.join(folder, "functions.js"), "utf8");
  const page = fs.readFileSync(path.join(folder, "taskpane.html"), "utf8");
  const scripts = [...page.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  functionScripts = scripts.filter((src) => src !== "taskpane.js" && src !== "commands.js");
}, 120_000);

afterAll(() => {
  if (folder && folder !== DIST) fs.rmSync(folder, { recursive: true, force: true });
});

const ids = (m: Metadata) => m.functions.map((f) => f.id);

test("the built functions.json lists the functions the source declares", async () => {
  const { metadata } = await generatedMetadata();
  expect(ids(built)).toEqual(ids(metadata));
  expect(ids(built)).toEqual(expect.arrayContaining(["NETIMPACT", "PROJECT", "PV", "NPV", "RATIO", "NETRATIO", "PAYBACK"]));
});

test("the built functions-fr.json has the same ids", () => expect(ids(builtFr)).toEqual(ids(built)));

test("every id of functions.json is associated, once, in functions.js (and nothing else is)", () => {
  const associated = [...bundle.matchAll(/CustomFunctions\.associate\(\s*["']([A-Za-z0-9_.]+)["']\s*,/g)].map((m) => m[1]);
  expect([...associated].sort()).toEqual([...ids(built)].sort());
});

/** A page's global scope for the functions' scripts: Excel's CustomFunctions, and just enough DOM for webpack to load a chunk on demand. */
function functionsPage() {
  class CustomFunctionsError extends Error {
    constructor(
      public code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const fetched: string[] = [];
  type Script = { src: string; onload?: ((e: unknown) => void) | null; onerror?: ((e: unknown) => void) | null };
  const BASE = "https://addin.example/";
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
      Error: CustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    },
    setTimeout,
    clearTimeout,
  };
  const run = (file: string) => {
    (sandbox.document as { currentScript: unknown }).currentScript = { tagName: "SCRIPT", src: BASE + file };
    vm.runInContext(fs.readFileSync(path.join(folder, file), "utf8"), sandbox, { filename: file });
  };
  sandbox.self = sandbox;
  sandbox.document = {
    currentScript: null,
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute: () => undefined, getAttribute: () => null }),
    head: {
      // the runtime adds a <script> for a chunk: read it from the build, as the browser would fetch it
      appendChild: (script: Script) => {
        const file = script.src.slice(BASE.length);
        fetched.push(file);
        setTimeout(() => {
          try {
            run(file);
            script.onload?.({ type: "load", target: script });
          } catch {
            script.onerror?.({ type: "error", target: script });
          }
        });
      },
    },
  };
  vm.createContext(sandbox);
  for (const file of functionScripts) run(file);
  return { registered, fetched, ErrorType: CustomFunctionsError };
}

test("taskpane.html loads the webpack runtime first, and functions.js after it", () => {
  expect(functionScripts[0]).toBe("runtime.js");
  expect(functionScripts).toContain("functions.js");
});

test("running the bundle registers working functions: SROI.PV and SROI.RATIO give the reference case", () => {
  const { registered, fetched } = functionsPage();
  expect([...registered.keys()].sort()).toEqual([...ids(built)].sort());
  const pv = registered.get("PV")!([[0.035]], [[6000]], [[3]], [[0.1]], null, null) as number;
  expect(Math.round(pv * 100) / 100).toBe(15221.5); // method §8
  const ratio = registered.get("RATIO")!([[pv]], [[10000]]) as number;
  expect(Math.round(ratio * 10000) / 10000).toBe(1.5222);
  expect(fetched).toEqual([]); // nothing loaded on demand for these
});

test("SROI.PROXY loads the proxy library on its first call only, and answers from it (RSA 646.52 EUR, data/proxies.csv)", async () => {
  const { registered, fetched, ErrorType } = functionsPage();
  const proxy = registered.get("PROXY")!;
  expect(bundle).not.toContain("FR-RSA-SINGLE-2025"); // the library is not in functions.js
  for (const file of functionScripts) expect({ file, library: fs.readFileSync(path.join(folder, file), "utf8").includes("FR-RSA-SINGLE-2025") }).toEqual({ file, library: false });
  const first = proxy("FR-RSA-SINGLE-2025", null, null) as Promise<unknown>;
  expect(typeof first.then).toBe("function"); // a Promise of the page's realm: Excel shows #BUSY! until it settles
  expect(await first).toBe(646.52);
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.some((f) => fs.readFileSync(path.join(folder, f), "utf8").includes("FR-RSA-SINGLE-2025"))).toBe(true);
  const afterFirst = [...fetched];
  expect(await proxy("FR-SMIC-HOUR-GROSS-2026", null, null)).toBe(12.02);
  expect(fetched).toEqual(afterFirst); // loaded once
  await expect(proxy("NO-SUCH-PROXY", null, null)).rejects.toBeInstanceOf(ErrorType);
  await expect(proxy("NO-SUCH-PROXY", null, null)).rejects.toMatchObject({ code: "#N/A", message: expect.stringContaining("NO-SUCH-PROXY") });
});
