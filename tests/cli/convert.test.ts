/**
 * `sroi convert IN --out OUT`: the examples (examples/*.json, written by `sroi example`) round-trip
 * through a workbook, portable or live, to the same JSON; bad input writes nothing (exit 1).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { ROOT, ensureBuilt, scratch, sroi } from "./run";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import type { Table } from "../../src/layout/types";
import { writeXlsx } from "../../src/writers/xlsx";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = scratch();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = (lang: string) => join(ROOT, "examples", `work-integration.${lang}.json`);
const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));

/** Every formula of the workbook's sheets, from the XML (independent of our reader). */
async function formulas(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  return (await Promise.all(sheets.map((n) => zip.file(n)!.async("string")))).join("\n");
}

describe.each(["en", "fr"])("examples/work-integration.%s.json", (lang) => {
  test("to a portable workbook (native functions only) and back to the same JSON", async () => {
    const book = join(dir, `portable-${lang}.xlsx`);
    const back = join(dir, `portable-${lang}.json`);
    expect(sroi(["convert", example(lang), "--out", book])).toMatchObject({ code: 0, stderr: `Written: ${book}\n` });
    expect(await formulas(book)).not.toMatch(/SROI\./);
    expect(sroi(["convert", book, "--out", back]).code).toBe(0);
    expect(json(back)).toEqual(json(example(lang)));
  });

  test("with --live, a workbook of SROI.* functions; back to JSON it differs only in settings.portable", async () => {
    const book = join(dir, `live-${lang}.xlsx`);
    const back = join(dir, `live-${lang}.json`);
    expect(sroi(["convert", example(lang), "--out", book, "--live"]).code).toBe(0);
    expect(await formulas(book)).toMatch(/SROI\.PV\(/);
    expect(sroi(["convert", book, "--out", back]).code).toBe(0);
    const original = json(example(lang));
    expect(json(back)).toEqual({ ...original, settings: { ...original.settings, portable: false } });
  });

  test("the workbook computes the same SROI as the JSON", () => {
    const fromJson = JSON.parse(sroi(["compute", example(lang), "--json"]).stdout);
    const fromBook = JSON.parse(sroi(["compute", join(dir, `portable-${lang}.xlsx`), "--json"]).stdout);
    expect(fromBook.presentValue).toBe(fromJson.presentValue);
    expect(fromBook.inputs).toBe(fromJson.inputs);
  });
});

test("a workbook of the layout before stages 1–2 (no type, scope, purpose, audience; no intended, activity, output, polarity; no exclusions) converts with their defaults", async () => {
  const layout = buildLayout(exampleAssessment("fr"));
  const gone = ["assessmentType", "scope", "purpose", "audience"];
  const columnsGone = ["Attendu ou inattendu", "Activité", "Réalisation", "Positif ou négatif"];
  for (const sheet of layout.sheets) {
    sheet.parts = sheet.parts.filter((p) => !(p.kind === "table" && p.name === "SroiExclusions") && !(p.kind === "block" && sheet.key === "stakeholders" && p.column > 0));
    for (const t of sheet.parts.filter((p): p is Table => p.kind === "table")) {
      if (t.name === "SroiSettings") {
        const key = t.columns.findIndex((c) => c.key === "key");
        const keep = t.rows.map((r, i) => (gone.includes(String(r[key])) ? -1 : i)).filter((i) => i >= 0);
        t.rows = keep.map((i) => t.rows[i]);
        t.cellFormats = [];
        t.cellValidations = [];
      }
      if (t.name === "SroiOutcomes") {
        const keep = t.columns.map((c, i) => (columnsGone.includes(c.header) ? -1 : i)).filter((i) => i >= 0);
        t.columns = keep.map((i) => t.columns[i]);
        t.rows = t.rows.map((r) => keep.map((i) => r[i]));
      }
    }
  }
  const book = join(dir, "before-stages-1-2.xlsx");
  const back = join(dir, "before-stages-1-2.json");
  writeFileSync(book, await writeXlsx(layout));
  expect(sroi(["convert", book, "--out", back])).toMatchObject({ code: 0 });
  const read = json(back);
  expect(read.settings).toMatchObject({ assessmentType: "forecast", scope: "", purpose: "", audience: "" });
  expect(read.outcomes.map((o: Record<string, unknown>) => [o.intended, o.activity, o.output, o.polarity])).toEqual(Array(6).fill(["intended", "", "", "positive"]));
  expect(read.exclusions).toEqual([]);
  // everything else as the example says
  const original = json(example("fr"));
  expect(read.outcomes.map((o: Record<string, unknown>) => o.description)).toEqual(original.outcomes.map((o: Record<string, unknown>) => o.description));
  expect(read.stakeholders).toEqual(original.stakeholders);
});

describe("refused, nothing written, exit 1", () => {
  test.each([
    ["no --out", (d: string) => ["convert", example("en")], /convert needs a file and where to write it/],
    ["--live with a JSON output", (d: string) => ["convert", example("en"), "--out", join(d, "x.json"), "--live"], /--live is for a workbook/],
    ["a folder", (d: string) => ["convert", join(ROOT, "examples"), "--out", join(d, "x.xlsx")], /convert takes one file, not a folder/],
    ["a missing file", (d: string) => ["convert", join(d, "nowhere.json"), "--out", join(d, "x.xlsx")], /no such file or folder/],
    ["the output replacing the input", (d: string) => ["convert", join(d, "in.json"), "--out", join(d, "in.json")], /the output would replace the input/],
  ])("%s", (_why, args, message) => {
    writeFileSync(join(dir, "in.json"), readFileSync(example("en")));
    const r = sroi(args(dir));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, "x.xlsx")) || existsSync(join(dir, "x.json"))).toBe(false);
  });

  test("an invalid assessment: its problems, and no file", () => {
    const bad = { ...json(example("en")), outcomes: [{ ...json(example("en")).outcomes[0], deadweight: 25 }] };
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    const r = sroi(["convert", "bad.json", "--out", "bad.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: \/outcomes\/0\/deadweight: Deadweight: 25 looks like 25 %/);
    expect(existsSync(join(dir, "bad.xlsx"))).toBe(false);
  });
});

test("the help shows convert, in English and French", () => {
  expect(sroi(["--help"]).stdout).toMatch(/sroi convert +IN --out OUT \[--live\]/);
  expect(sroi(["--help", "--lang", "fr"]).stdout).toMatch(/sroi convert +ENTRÉE --out SORTIE \[--live\]/);
});
