/**
 * The `sroi` command line: template, example, compute. File input and output live here (and in
 * files.ts), never in the writers, so the same writers serve the task pane in the browser.
 * Exit codes: 0 valid, 1 invalid input, 2 internal error (docs/cli.md).
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Assessment, DEFAULT_SETTINGS, Lang, emptyOutcome } from "../sroi";
import { assessmentToJson } from "./assessmentJson";
import { exampleAssessment } from "./example";
import { InputError, computeFile, listInputs } from "./files";
import { cliLang, help, WORDS } from "./messages";
import { FileReport, RESULT_SCHEMA, fileJson, fileLine, fileText, listJson, problemLine, totalLines } from "./report";
import { workbookBytes } from "./workbook";

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

async function compute(io: Io, lang: Lang, target: string | undefined, json: boolean): Promise<number> {
  const w = WORDS[lang];
  if (!target) {
    io.err(`sroi: ${w.missingFile}`);
    return EXIT.invalid;
  }
  let listing;
  try {
    listing = await listInputs(resolve(io.cwd, target), target, lang);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`sroi: ${e.message}`);
      if (json) io.out(JSON.stringify({ schema: RESULT_SCHEMA, file: target, valid: false, problems: [{ code: e.code, message: e.message }] }, null, 2));
      return EXIT.invalid;
    }
    throw e;
  }
  const reports: FileReport[] = [];
  for (const { path, shown } of listing.files) reports.push(...(await computeFile(path, shown, lang)));
  const anyInvalid = reports.some((r) => !r.result);
  for (const r of reports) for (const p of r.problems) io.err(problemLine(r, p));

  if (reports.length === 1 && !listing.folder) {
    const r = reports[0];
    if (json) io.out(JSON.stringify({ schema: RESULT_SCHEMA, ...fileJson(r) }, null, 2));
    else io.out(fileText(r, lang));
  } else if (json) {
    io.out(JSON.stringify(listJson(listing.folder ? { folder: target } : { file: target }, reports), null, 2));
  } else {
    for (const r of reports) io.out(fileLine(r, lang));
    for (const line of totalLines(reports, lang)) io.out(line);
  }
  return anyInvalid ? EXIT.invalid : EXIT.valid;
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
  const extra = command === "compute" ? rest.slice(1) : rest;
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
      return compute(io, lang, rest[0], json);
    default:
      io.err(`sroi: ${w.unknownCommand(command)}\n${w.tryHelp}`);
      return EXIT.invalid;
  }
}
