/**
 * The `sroi` command line: template, example, compute. File input and output live here (and in
 * files.ts), never in the writers, so the same writers serve the task pane in the browser.
 * Exit codes: 0 valid, 1 invalid input, 2 internal error (docs/cli.md).
 */
import { readFileSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Assessment, DEFAULT_SETTINGS, Lang, emptyOutcome } from "../sroi";
import { assessmentToJson } from "./assessmentJson";
import { exampleAssessment } from "./example";
import { InputError, Listing, computeFile, listInputs } from "./files";
import { cliLang, help, WORDS } from "./messages";
import { FileReport, RESULT_SCHEMA, fileJson, fileLine, fileText, listJson, placeOf, problemLine, terminalText, totalLines } from "./report";
import { Recalculation, findSoffice, recalculateAll } from "./recalculate";
import { READ_LIMITS } from "../writers/xlsx";
import { checkSheetSizes, unzipWithinLimits } from "../writers/xlsx/zip";
import { workbookBytes } from "./workbook";
import { report } from "./funderReport";

export const EXIT = { valid: 0, invalid: 1, internal: 2 } as const;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  env: process.env,
  cwd: process.cwd(),
};

function version(): string {
  try {
    return String(JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

/** An empty assessment in the given language: one blank outcome row to start typing in. */
export function templateAssessment(lang: Lang): Assessment {
  return {
    settings: { ...DEFAULT_SETTINGS, language: lang, portable: true },
    stakeholders: [],
    inputs: [],
    outcomes: [emptyOutcome()],
  };
}

const isJsonFile = (file: string): boolean => file.toLowerCase().endsWith(".json");

async function write(io: Io, lang: Lang, assessment: Assessment, out: string | undefined, json: boolean, fallback: string) {
  if (json && out === undefined) {
    io.out(JSON.stringify(assessmentToJson(assessment), null, 2));
    return EXIT.valid;
  }
  const file = out ?? fallback;
  if (json && !isJsonFile(file)) {
    io.err(`sroi: ${WORDS[lang].jsonNeedsNoOut}`);
    return EXIT.invalid;
  }
  const bytes = isJsonFile(file)
    ? new TextEncoder().encode(`${JSON.stringify(assessmentToJson(assessment), null, 2)}\n`)
    : await workbookBytes(assessment);
  try {
    await writeFile(resolve(io.cwd, file), bytes);
  } catch (e) {
    io.err(`sroi: ${WORDS[lang].unwritable(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message)}`);
    return EXIT.invalid;
  }
  io.err(WORDS[lang].written(file));
  return EXIT.valid;
}

/**
 * One file's reports, whatever happens: bad input is already a problem; an exception that still
 * escapes is a bug of ours, reported on that file (exit 2 in the end) while the others are computed.
 */
async function computeIsolated(io: Io, path: string, shown: string, lang: Lang): Promise<{ reports: FileReport[]; bug: boolean }> {
  try {
    return { reports: await computeFile(path, shown, lang), bug: false };
  } catch (e) {
    io.err(`sroi: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    const why = e instanceof Error ? e.message : String(e);
    return { reports: [{ file: shown, problems: [{ code: "internal", message: WORDS[lang].internal(why) }] }], bug: true };
  }
}

const indent = (text: string, spaces: number): string => text.replace(/^/gm, " ".repeat(spaces));

/** The cells listed in a notice: enough to find them, the rest counted (the JSON has them all). */
const SHOWN_CELLS = 10;

/** One notice per file naming the input cells that hold a formula, whatever its assessments. */
function formulaNotice(shown: string, reports: FileReport[], recalculated: boolean, lang: Lang): string | null {
  const cells = reports.flatMap((r) => r.formulaCells ?? []);
  if (cells.length === 0) return null;
  const listed = cells.slice(0, SHOWN_CELLS).map((c) => placeOf({ code: "", message: "", ...c }));
  if (cells.length > SHOWN_CELLS) listed.push(WORDS[lang].andMore(cells.length - SHOWN_CELLS));
  return terminalText(WORDS[lang].formulaCells(shown, cells.length, listed.join(", "), recalculated));
}

/**
 * A workbook LibreOffice may recalculate: a regular zip file within the reader's limits, so that a
 * hostile file (a zip bomb, a million rows) never reaches soffice; the usual reading reports it.
 */
async function recalculable(path: string): Promise<boolean> {
  if (path.toLowerCase().endsWith(".json")) return false;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > READ_LIMITS.totalBytes) return false;
    const bytes = await readFile(path);
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
    checkSheetSizes(unzipWithinLimits(bytes));
    return true;
  } catch {
    return false;
  }
}

/** Seconds soffice is given: its start-up, then a few per workbook; SROI_RECALCULATE_TIMEOUT overrides. */
function recalculateSeconds(env: NodeJS.ProcessEnv, files: number): number | { bad: string } {
  const given = env.SROI_RECALCULATE_TIMEOUT;
  if (given === undefined || given.trim() === "") return 60 + 5 * files;
  const n = Number(given);
  return Number.isFinite(n) && n > 0 ? n : { bad: given };
}

async function compute(io: Io, lang: Lang, target: string | undefined, json: boolean, recalculate: boolean): Promise<number> {
  const w = WORDS[lang];
  if (!target) {
    io.err(`sroi: ${w.missingFile}`);
    return EXIT.invalid;
  }
  let listing;
  let soffice: string | undefined;
  try {
    if (recalculate) {
      const found = findSoffice(io.env);
      if ("missing" in found) throw new InputError("noLibreOffice", w.noSoffice(found.given));
      soffice = found.path;
    }
    listing = await listInputs(resolve(io.cwd, target), target, lang);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`sroi: ${terminalText(e.message)}`);
      if (json) io.out(JSON.stringify({ schema: RESULT_SCHEMA, file: target, valid: false, problems: [{ code: e.code, message: e.message }] }, null, 2));
      return EXIT.invalid;
    }
    throw e;
  }
  let recalculation: Recalculation | undefined;
  if (soffice !== undefined) {
    const workbooks: string[] = [];
    for (const f of listing.files) if (!f.problem && (await recalculable(f.path))) workbooks.push(f.path);
    const seconds = recalculateSeconds(io.env, workbooks.length);
    if (typeof seconds !== "number") {
      io.err(`sroi: ${terminalText(w.badTimeout(seconds.bad))}`);
      return EXIT.invalid;
    }
    recalculation = await recalculateAll(soffice, workbooks, seconds);
    try {
      return await computeAll(io, lang, target, json, listing, recalculation, seconds);
    } finally {
      await recalculation.cleanUp();
    }
  }
  return computeAll(io, lang, target, json, listing, undefined, 0);
}

async function computeAll(io: Io, lang: Lang, target: string, json: boolean, listing: Listing, recalculation: Recalculation | undefined, seconds: number): Promise<number> {
  const w = WORDS[lang];
  let bug = false;
  const computeNext = async ({ path, shown, problem }: Listing["files"][number]): Promise<FileReport[]> => {
    if (problem) return [{ file: shown, problems: [problem] }];
    const copy = recalculation?.files.get(path);
    if (copy && "failed" in copy) {
      const message = copy.failed === "timedOut" ? w.recalculateTimedOut(seconds) : w.recalculateFailed(copy.why);
      return [{ file: shown, problems: [{ code: copy.failed === "timedOut" ? "recalculateTimedOut" : "recalculateFailed", message }] }];
    }
    const done = await computeIsolated(io, copy ? copy.path : path, shown, lang);
    bug ||= done.bug;
    const notice = formulaNotice(shown, done.reports, copy !== undefined, lang);
    if (notice) io.err(notice);
    return done.reports;
  };

  if (!listing.folder) {
    const reports = await computeNext(listing.files[0]);
    for (const r of reports) for (const p of r.problems) io.err(problemLine(r, p));
    if (reports.length === 1) {
      if (json) io.out(JSON.stringify({ schema: RESULT_SCHEMA, ...fileJson(reports[0], lang) }, null, 2));
      else io.out(fileText(reports[0], lang));
    } else if (json) io.out(JSON.stringify(listJson({ file: target }, reports, lang), null, 2));
    else {
      for (const r of reports) io.out(fileLine(r, lang));
      for (const line of totalLines(reports, lang)) io.out(line);
    }
    return bug ? EXIT.internal : reports.some((r) => !r.result) ? EXIT.invalid : EXIT.valid;
  }

  // A folder streams: each file is reported as soon as it is computed, and only its totals are
  // kept, so a network's folder of hundreds of workbooks neither waits nor piles up in memory.
  const kept: FileReport[] = [];
  let pending: string | undefined; // the JSON of the previous file, printed once we know a comma follows
  if (json) io.out(`{\n  "schema": ${JSON.stringify(RESULT_SCHEMA)},\n  "folder": ${JSON.stringify(target)},\n  "files": [`);
  for (const file of listing.files) {
    const reports = await computeNext(file);
    for (const r of reports) {
      for (const p of r.problems) io.err(problemLine(r, p));
      if (json) {
        if (pending !== undefined) io.out(`${pending},`);
        pending = indent(JSON.stringify(fileJson(r, lang), null, 2), 4);
      } else io.out(fileLine(r, lang));
      // what the totals and the portable-copy marks need, without the outcomes' projections
      kept.push(r.result ? { ...r, result: { ...r.result, outcomes: [], byStakeholder: [] } } : { file: r.file, problems: [] });
    }
  }
  const invalid = kept.filter((r) => !r.result).length;
  if (json) {
    if (pending !== undefined) io.out(pending);
    const tail = listJson({ folder: target }, kept, lang);
    io.out(`  ],\n  "invalid": ${invalid},\n  "totals": ${indent(JSON.stringify(tail.totals, null, 2), 2).trimStart()}\n}`);
  } else for (const line of totalLines(kept, lang)) io.out(line);
  return bug ? EXIT.internal : invalid > 0 ? EXIT.invalid : EXIT.valid;
}

/**
 * `sroi convert IN --out OUT`: a JSON assessment to a workbook (portable unless --live) or a
 * workbook to JSON (OUT's extension decides). The input is read and checked as `compute` reads it;
 * an invalid one is refused with its problems, and nothing is written.
 */
async function convert(io: Io, lang: Lang, input: string | undefined, out: string | undefined, live: boolean): Promise<number> {
  const w = WORDS[lang];
  if (!input || !out) {
    io.err(`sroi: ${w.convertUsage}`);
    return EXIT.invalid;
  }
  if (live && isJsonFile(out)) {
    io.err(`sroi: ${w.liveNeedsWorkbook}`);
    return EXIT.invalid;
  }
  if (resolve(io.cwd, input) === resolve(io.cwd, out)) {
    io.err(`sroi: ${terminalText(w.sameInOut(out))}`);
    return EXIT.invalid;
  }
  const listing = await listInputs(resolve(io.cwd, input), input, lang).catch((e: unknown) => e);
  if (listing instanceof InputError) {
    io.err(`sroi: ${terminalText(listing.message)}`);
    return EXIT.invalid;
  }
  if (listing instanceof Error || (listing as Listing).folder) {
    io.err(`sroi: ${terminalText(listing instanceof Error ? listing.message : w.convertNeedsFile(input))}`);
    return EXIT.invalid;
  }
  const reports = await computeFile(resolve(io.cwd, input), input, lang);
  for (const r of reports) for (const p of r.problems) io.err(problemLine(r, p));
  if (reports.some((r) => !r.result)) return EXIT.invalid;
  const originals = reports.filter((r) => !r.copyOf);
  if (originals.length > 1) {
    io.err(`sroi: ${terminalText(w.severalAssessments(input, originals.length))}`);
    return EXIT.invalid;
  }
  const assessment = originals[0].assessment!;
  const converted = isJsonFile(out) ? assessment : { ...assessment, settings: { ...assessment.settings, portable: !live } };
  return write(io, lang, converted, out, false, out);
}

/** Runs the command; resolves to the exit code. Unexpected exceptions are the caller's exit 2. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: "string" },
        out: { type: "string", short: "o" },
        json: { type: "boolean" },
        live: { type: "boolean" },
        recalculate: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    const lang = cliLang(undefined, io.env);
    io.err(`sroi: ${(e as Error).message}\n${WORDS[lang].tryHelp}`);
    return EXIT.invalid;
  }
  const { values, positionals } = parsed;
  const lang = cliLang(values.lang, io.env);
  const w = WORDS[lang];
  if (values.lang !== undefined && values.lang !== "fr" && values.lang !== "en") {
    io.err(`sroi: --lang ${values.lang}: ${lang === "fr" ? "utilisez fr ou en" : "use fr or en"}.`);
    return EXIT.invalid;
  }
  if (values.version) {
    io.out(version());
    return EXIT.valid;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === "help") {
    io.out(help(lang));
    return values.help || command === "help" ? EXIT.valid : EXIT.invalid;
  }
  const extra = command === "compute" || command === "convert" || command === "report" ? rest.slice(1) : rest;
  if (extra.length > 0) {
    io.err(`sroi: ${lang === "fr" ? "argument en trop" : "unexpected argument"} "${extra[0]}".\n${w.tryHelp}`);
    return EXIT.invalid;
  }
  const json = values.json ?? false;
  switch (command) {
    case "template":
      return write(io, lang, templateAssessment(lang), values.out, json, "sroi-template.xlsx");
    case "example":
      return write(io, lang, exampleAssessment(lang), values.out, json, "sroi-example.xlsx");
    case "compute":
      return compute(io, lang, rest[0], json, values.recalculate ?? false);
    case "convert":
      return convert(io, lang, rest[0], values.out, values.live ?? false);
    case "report":
      return report(io, lang, values.lang === "fr" || values.lang === "en" ? values.lang : undefined, rest[0], values.out);
    default:
      io.err(`sroi: ${w.unknownCommand(command)}\n${w.tryHelp}`);
      return EXIT.invalid;
  }
}
