/**
 * The architecture as a test: the folders of src/ and the way their imports point. Dependencies
 * point one way (task pane → writers → layout → core), with the core importing nothing but
 * decimal.js; there is no folder-level import cycle; outside the core, src/sroi is entered through
 * its index only. Every import counts, type-only and dynamic ones included.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve(__dirname, "../../src");

/** The folders of src/ from the bottom up; a folder may import only folders of lower layers. */
const LAYERS: string[][] = [
  ["sroi"],
  ["proxies"],
  ["layout"],
  ["i18n"],
  ["functions", "writers/xlsx"],
  ["writers/office"],
  ["cli", "taskpane", "commands"],
];
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** src/writers/office/run.ts → "writers/office"; src/layout/build.ts → "layout". */
function folderOf(path: string): string {
  const parts = relative(SRC, path).split(/[\\/]/);
  return parts[0] === "writers" ? `writers/${parts[1]}` : parts[0];
}

interface Import {
  from: string;
  /** the module as written */
  spec: string;
  /** the resolved path inside src/, for relative imports */
  target?: string;
}

const IMPORT = /(?:^|[^.\w])(?:import|export)\s[^"'`;]*?from\s*["']([^"']+)["']|(?:^|[^.\w])import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

export function importsOf(path: string, source: string): Import[] {
  const out: Import[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec.startsWith(".") ? resolve(dirname(path), spec) : undefined;
    out.push({ from: path, spec, target });
  }
  return out;
}

/** Folder → the folders it imports. */
export function folderGraph(imports: Import[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!i.target || !i.target.startsWith(SRC)) continue;
    const a = folderOf(i.from);
    const b = folderOf(i.target);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)!.add(b);
  }
  return graph;
}

/** Every cycle of the graph, each as the list of folders it passes through. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, path: string[]) => {
    const at = path.indexOf(node);
    if (at >= 0) {
      found.push([...path.slice(at), node]);
      return;
    }
    if (seen.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    seen.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

const all = files(SRC).flatMap((path) => importsOf(path, readFileSync(path, "utf8")));

test("the import reader sees static, type-only, re-exported and dynamic imports", () => {
  const source = [
    'import { a } from "../layout/build";',
    'import type { B } from "../i18n/ui";',
    'export { c } from "../proxies/types";',
    'const d = await import("../writers/xlsx");',
    'import "./side-effect";',
  ].join("\n");
  expect(importsOf(join(SRC, "taskpane", "x.ts"), source).map((i) => i.spec)).toEqual(["../layout/build", "../i18n/ui", "../proxies/types", "../writers/xlsx", "./side-effect"]);
});

test("the cycle finder finds a cycle through three folders, and none in a chain", () => {
  const g = (edges: [string, string][]) => {
    const m = new Map<string, Set<string>>();
    for (const [a, b] of edges) m.set(a, new Set([...(m.get(a) ?? []), b]));
    return m;
  };
  expect(cycles(g([["layout", "proxies"], ["proxies", "i18n"], ["i18n", "layout"]]))).toEqual([["layout", "proxies", "i18n", "layout"]]);
  expect(cycles(g([["taskpane", "writers/office"], ["writers/office", "layout"], ["layout", "sroi"]]))).toEqual([]);
});

test("no folder-level import cycle in src/", () => {
  expect(cycles(folderGraph(all))).toEqual([]);
});

test("every folder of src/ has its place in the layers", () => {
  const folders = [...new Set(files(SRC).map(folderOf))].filter((f) => !f.includes("."));
  expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
});

test("dependencies point down the layers only (task pane → writers → layout → core)", () => {
  const upward = [...folderGraph(all)].flatMap(([a, targets]) => [...targets].filter((b) => layerOf.get(b)! >= layerOf.get(a)!).map((b) => `${a} → ${b}`));
  expect(upward).toEqual([]);
});

test("the core imports nothing outside src/sroi but decimal.js, and touches no Office, React or DOM", () => {
  const core = all.filter((i) => folderOf(i.from) === "sroi");
  const outside = core.filter((i) => (i.target ? folderOf(i.target) !== "sroi" : i.spec !== "decimal.js")).map((i) => `${relative(SRC, i.from)}: ${i.spec}`);
  expect(outside).toEqual([]);
  const globals = files(join(SRC, "sroi")).filter((p) => /\b(Office|Excel|CustomFunctions|document|window|React)\s*[.(]/.test(readFileSync(p, "utf8")));
  expect(globals.map((p) => relative(SRC, p))).toEqual([]);
});

test("outside the core, src/sroi is entered through its index only", () => {
  const inner = all.filter((i) => i.target && folderOf(i.from) !== "sroi" && i.target.startsWith(join(SRC, "sroi") + "/") && !/[\\/]sroi[\\/]index$/.test(i.target));
  expect(inner.map((i) => `${relative(SRC, i.from)}: ${i.spec}`)).toEqual([]);
});
