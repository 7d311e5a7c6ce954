/**
 * `sroi compute` given hostile and unlucky files: the documented exit codes (0 valid, 1 invalid
 * input, 2 our bug) always, a message and never a stack trace, and in a folder one bad file never
 * costs the others their result. The real bin/sroi.js runs in a child process on real files.
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildLayout } from "../../src/layout/build";
import { writeXlsx } from "../../src/writers/xlsx";
import { referenceCase } from "../fixtures/referenceCase";
import { withExtraRows, zipBomb } from "../xlsx/hostile";
import { ROOT, ensureBuilt, scratch, sroi } from "./run";

const REFERENCE = {
  schema: "sroi-assessment/1",
  settings: { organisation: "Reference", currency: "EUR", discountRate: 0.035 },
  stakeholders: [{ name: "Participants" }, { name: "Funder" }],
  inputs: [{ stakeholder: "Funder", kind: "cash", amount: 10000 }],
  outcomes: [
    { stakeholder: "Participants", description: "Reference outcome", quantity: 10, duration: 3, proxyValue: 1000, deadweight: 0.2, attribution: 0.25, dropOff: 0.1 },
  ],
};
const withOutcome = (change: Record<string, unknown>) => ({ ...REFERENCE, outcomes: [{ ...REFERENCE.outcomes[0], ...change }] });
/** 5,000 nested objects: 15 KB. */
const deepJson = () => `{"schema":"sroi-assessment/1","settings":${'{"a":'.repeat(5000)}1${"}".repeat(5000)},"outcomes":[]}`;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = scratch();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);

describe("a folder holding a good workbook, a link to it and three hostile files", () => {
  let folder: string;
  beforeAll(async () => {
    folder = join(dir, "hostile");
    mkdirSync(folder);
    writeFileSync(join(folder, "a-good.xlsx"), await writeXlsx(buildLayout({ ...referenceCase, settings: { ...referenceCase.settings, portable: true } })));
    symlinkSync("a-good.xlsx", join(folder, "b-link-to-good.xlsx"));
    writeFileSync(join(folder, "c-bomb.xlsx"), zipBomb());
    writeFileSync(join(folder, "d-million-rows.xlsx"), await withExtraRows(1_000_000));
    writeFileSync(join(folder, "e-deep.json"), deepJson());
  }, 60_000);

  test("computes the good one twice (through the link), reports the three, exit 1, within a minute and a 1 GB heap", () => {
    // the heap is capped at 1 GB: reading the million rows whole would crash (exit 134), as it did
    const r = sroi(["compute", "hostile"], { cwd: dir, nodeArgs: ["--max-old-space-size=1024"] });
    expect(r.code).toBe(1);
    noStack(r.stderr);
    expect(r.stdout.split("\n").filter(Boolean)).toEqual([
      "hostile/a-good.xlsx:  PV €15,221.50  inputs €10,000.00  NPV €5,221.50  ratio 1.52 : 1",
      "hostile/b-link-to-good.xlsx:  PV €15,221.50  inputs €10,000.00  NPV €5,221.50  ratio 1.52 : 1",
      "hostile/c-bomb.xlsx: invalid (1 problem)",
      "hostile/d-million-rows.xlsx: invalid (1 problem)",
      "hostile/e-deep.json: invalid (3 problems)",
      "Total EUR (2 of 5 assessments):  PV €30,443.00  inputs €20,000.00  NPV €10,443.00  ratio 1.52 : 1",
    ]);
    expect(r.stderr).toMatch(/c-bomb\.xlsx: this workbook is over the limit of 160 MiB inflated in all/);
    expect(r.stderr).toMatch(/d-million-rows\.xlsx: this workbook is over the limit of 100,000 rows per sheet: it has 1,000,0\d\d \(xl\/worksheets\/sheet1\.xml\)/);
    expect(r.stderr).toMatch(/e-deep\.json: \/settings\/a: unknown property/);
  }, 60_000);

  test("--json: the same, as one JSON document (streamed file by file), in French too", () => {
    const r = sroi(["compute", "hostile", "--json", "--lang", "fr"], { cwd: dir, nodeArgs: ["--max-old-space-size=1024"] });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string; valid: boolean; problems: { code: string }[] }) => `${f.file} ${f.valid} ${f.problems.map((p) => p.code)}`)).toEqual([
      "hostile/a-good.xlsx true ",
      "hostile/b-link-to-good.xlsx true ",
      "hostile/c-bomb.xlsx false overLimit",
      "hostile/d-million-rows.xlsx false overLimit",
      "hostile/e-deep.json false unknownProperty,missing,missing",
    ]);
    expect(out).toMatchObject({ schema: "sroi-result/1", folder: "hostile", invalid: 3, totals: [{ currency: "EUR", assessments: 2 }] });
    // twice the method's reference PV of 15,221.50
    expect(out.totals[0].presentValue).toBeCloseTo(30443.0, 2);
    expect(r.stderr).toMatch(/c-bomb\.xlsx: ce classeur dépasse la limite de 160 Mio décompressés au total/);
  }, 60_000);
});

describe("links in a folder", () => {
  test.each([
    ["a link to itself (a loop)", (f: string) => symlinkSync("loop.json", join(f, "loop.json")), /loop\.json: a symbolic link in a loop/],
    ["a link to nothing", (f: string) => symlinkSync("gone.json", join(f, "dangling.json")), /dangling\.json: a symbolic link to a file that does not exist/],
  ])("%s is reported, the good file is computed, exit 1", (name, make, message) => {
    const folder = join(dir, name.replace(/\W+/g, "-"));
    mkdirSync(folder);
    writeFileSync(join(folder, "good.json"), JSON.stringify(REFERENCE));
    make(folder);
    const r = sroi(["compute", folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toMatch(/good\.json: +PV €15,221\.50/);
  });
});

describe("unreadable files and folders: exit 1 and a message", () => {
  // root reads everything: the command then runs as "nobody", for whom mode 000 means no access
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
  let locked: string;
  beforeAll(() => {
    locked = join(dir, "locked");
    mkdirSync(join(locked, "folder"), { recursive: true });
    writeFileSync(join(locked, "file.json"), JSON.stringify(REFERENCE));
    chmodSync(dir, 0o755);
    chmodSync(join(locked, "file.json"), 0o000);
    chmodSync(join(locked, "folder"), 0o000);
  });
  afterAll(() => chmodSync(join(locked, "folder"), 0o755));
  test.each([
    ["a file", "file.json", /file\.json: cannot be read \(EACCES\)/],
    ["a folder", "folder", /folder: cannot be read \(EACCES\)/],
  ])("%s without read permission", (_why, target, message) => {
    const r = sroi(["compute", target], { cwd: locked, ...(asUser ? { user: asUser } : {}) });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(1);
    noStack(r.stderr);
  });
});

describe("JSON files that are odd, not wrong", () => {
  const utf16 = (text: string, bom: number[], le: boolean) => {
    const units = Buffer.from(text, "utf16le");
    if (!le) units.swap16();
    return Buffer.concat([Buffer.from(bom), units]);
  };
  test.each([
    ["UTF-8 with a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(REFERENCE))])],
    ["UTF-16 LE with its mark (Notepad's Unicode)", utf16(JSON.stringify(REFERENCE), [0xff, 0xfe], true)],
    ["UTF-16 BE with its mark", utf16(JSON.stringify(REFERENCE), [0xfe, 0xff], false)],
  ])("%s is read: exit 0", (_why, bytes) => {
    writeFileSync(join(dir, "odd.json"), bytes);
    const r = sroi(["compute", "odd.json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Present value \(PV\) +€15,221\.50/);
  });
  test("Windows-1252 bytes (an é saved as 0xE9) are refused, saying which byte: exit 1", () => {
    const text = JSON.stringify({ ...REFERENCE, settings: { ...REFERENCE.settings, organisation: "Café" } });
    writeFileSync(join(dir, "latin1.json"), Buffer.from(text, "latin1"));
    const r = sroi(["compute", "latin1.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`latin1.json: this file is not UTF-8 text (byte ${text.indexOf("é") + 1} is not valid UTF-8); save the JSON as UTF-8.\n`);
  });
  test("nested 5,000 deep: exit 1, the problems, no stack trace", () => {
    writeFileSync(join(dir, "deep.json"), deepJson());
    const r = sroi(["compute", "deep.json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("deep.json: /settings/a: unknown property (a typo?); see docs/assessment.schema.json.\ndeep.json: /settings/currency: this property is required.\ndeep.json: /settings/discountRate: this property is required.\n");
  });
});

describe("results too large to be numbers", () => {
  test.each([
    ["a quantity of 1e308", withOutcome({ quantity: 1e308 }), "/outcomes/0: outcome 1: the result is too large to be a number (over 1.8e308); check its quantity and financial proxy."],
    ["an input of 1e308 twice", { ...REFERENCE, inputs: [REFERENCE.inputs[0], { ...REFERENCE.inputs[0], amount: 1e308 }, { ...REFERENCE.inputs[0], amount: 1e308 }] }, "/inputs: the total of the inputs is too large to be a number (over 1.8e308); check the amounts."],
  ])("%s is a problem (exit 1), never ∞ in text nor null in JSON", (_why, doc, problem) => {
    writeFileSync(join(dir, "huge.json"), JSON.stringify(doc));
    const text = sroi(["compute", "huge.json"], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(`huge.json: ${problem}\n`);
    expect(text.stdout).not.toMatch(/∞|Infinity/);
    const json = JSON.parse(sroi(["compute", "huge.json", "--json"], { cwd: dir }).stdout);
    expect(json).toMatchObject({ valid: false, problems: [{ code: "notFinite" }] });
    expect(json).not.toHaveProperty("presentValue");
  });
});

test("ANSI escape sequences and bidi controls in names are shown escaped, not sent to the terminal", () => {
  const doc = {
    ...REFERENCE,
    settings: { ...REFERENCE.settings, organisation: "\u001b]0;owned\u0007Org" },
    outcomes: [{ ...REFERENCE.outcomes[0], stakeholder: "\u001b[31mRed\u202e" }],
  };
  writeFileSync(join(dir, "ansi.json"), JSON.stringify(doc));
  const r = sroi(["compute", "ansi.json"], { cwd: dir });
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
  expect(r.stdout).toMatch(/^ansi\.json: \\x1b\]0;owned\\x07Org$/m);
  expect(r.stdout).toMatch(/^ {4}\\x1b\[31mRed\\u202e +€15,221\.50 +100\.0%$/m);
});

test("a bug while computing one file of a folder: that file is reported, the others computed, exit 2", () => {
  const folder = join(dir, "one-bug");
  mkdirSync(folder);
  for (const name of ["a.json", "b-bug.json", "c.json"]) writeFileSync(join(folder, name), JSON.stringify(REFERENCE));
  const crash = join(dir, "crash-one.js");
  writeFileSync(
    crash,
    `const files = require(${JSON.stringify(join(ROOT, "lib", "cli", "files.js"))});
const computeFile = files.computeFile;
files.computeFile = async (path, ...rest) => { if (path.includes("b-bug")) throw new Error("simulated bug"); return computeFile(path, ...rest); };`,
  );
  const r = sroi(["compute", folder], { nodeArgs: ["--require", crash] });
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/sroi: internal error: Error: simulated bug/);
  expect(r.stdout).toMatch(/a\.json: +PV €15,221\.50/);
  expect(r.stdout).toMatch(/b-bug\.json: invalid \(1 problem\)/);
  expect(r.stdout).toMatch(/c\.json: +PV €15,221\.50/);
});
