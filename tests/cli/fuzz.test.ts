/**
 * Fuzzing the readers of `sroi compute` with mutated files: a valid workbook with bytes flipped or
 * cut (in the zip itself, and inside its XML entries), and the example JSON with characters
 * flipped, cut or inserted. Whatever the damage, computeFile never throws: every report is either
 * computed (with finite totals) or carries at least one problem. Fixed seeds and run counts keep it replayable and
 * bounded (about 20 s); a failure prints the seed and the path of the mutation that broke it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { unzipSync, zipSync } from "fflate";
import { computeFile } from "../../src/cli/files";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { writeXlsx } from "../../src/writers/xlsx";

let dir: string;
let workbook: Uint8Array;
const exampleJson = readFileSync(join(__dirname, "..", "..", "examples", "work-integration.en.json"));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "sroi-fuzz-"));
  workbook = await writeXlsx(buildLayout(exampleAssessment("en")));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A byte mutation: flip some bytes at positions given as fractions of the length, then maybe cut. */
const mutation = fc.record({
  flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
});
type Mutation = { flips: [number, number][]; cut: number | null };

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const out = new Uint8Array(bytes);
  for (const [at, xor] of m.flips) out[Math.floor(at * out.length)] ^= xor;
  return m.cut === null ? out : out.subarray(0, Math.floor(m.cut * out.length));
}

/** computeFile on the bytes: it must resolve, and every report must be computed or say why not. */
async function neverThrows(name: string, bytes: Uint8Array): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const reports = await computeFile(path, name, "en");
  expect(reports.length).toBeGreaterThan(0);
  for (const r of reports) expect(r.result !== undefined || r.problems.length > 0).toBe(true);
  // a computed result is one that prints: never ∞ (text) or null (JSON)
  for (const { result } of reports) {
    if (result) expect([result.totalPresentValue, result.totalInputs, result.netPresentValue, result.annualImpact].every((d) => Number.isFinite(d.toNumber()))).toBe(true);
  }
  for (const r of reports) for (const p of r.problems) expect(typeof p.message === "string" && p.message.length > 0).toBe(true);
}

test("a workbook with bytes of the zip flipped or cut", async () => {
  await fc.assert(fc.asyncProperty(mutation, (m) => neverThrows("zip.xlsx", mutate(workbook, m))), { seed: 20261202, numRuns: 150 });
}, 120_000);

test("a workbook with bytes flipped or cut inside one of its XML entries (sheets, tables, shared strings…)", async () => {
  const entries = unzipSync(workbook);
  const names = Object.keys(entries).filter((n) => n.endsWith(".xml"));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...names), mutation, (name, m) => neverThrows("xml.xlsx", zipSync({ ...entries, [name]: mutate(entries[name], m) }, { level: 0 }))),
    { seed: 20261203, numRuns: 200 },
  );
}, 120_000);

test("the example JSON with bytes flipped, cut, or brackets and odd values inserted", async () => {
  const insert = fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom("{", "[", "]", "}", ",", '"', "\\", "null", "1e999", '"__proto__":', "\u0000", "\uFEFF"));
  await fc.assert(
    fc.asyncProperty(mutation, fc.array(insert, { maxLength: 4 }), async (m, inserts) => {
      let text = Buffer.from(mutate(exampleJson, m)).toString("latin1");
      for (const [at, piece] of inserts) {
        const k = Math.floor(at * text.length);
        text = text.slice(0, k) + piece + text.slice(k);
      }
      await neverThrows("fuzz.json", Buffer.from(text, "latin1"));
    }),
    { seed: 20261204, numRuns: 600 },
  );
}, 120_000);

test("the example JSON with any value replaced by any JSON value (deep, huge, negative, inherited keys…)", async () => {
  const doc = JSON.parse(exampleJson.toString("utf8"));
  /** Every path to a value of the document. */
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, k) => walk(x, [...path, k]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  const odd = fc.oneof(fc.jsonValue(), fc.constantFrom(1e308, -1e308, -1, 0, 25, 2.5, "", "12", null, true, [], {}, JSON.parse('{"__proto__":1}')));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...paths), odd), { minLength: 1, maxLength: 4 }), async (replacements) => {
      const copy = JSON.parse(JSON.stringify(doc));
      for (const [path, value] of replacements) {
        if (path.length === 0) continue;
        let parent = copy;
        for (const key of path.slice(0, -1)) parent = parent?.[key];
        if (parent && typeof parent === "object") parent[path[path.length - 1]] = value;
      }
      await neverThrows("values.json", Buffer.from(JSON.stringify(copy), "utf8"));
    }),
    { seed: 20261205, numRuns: 400 },
  );
}, 120_000);
