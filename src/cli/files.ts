/** Reading the inputs of `sroi compute`: a file or a folder of files, JSON or workbook. */
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { Assessment, AssessmentIssue, Lang, computeAssessment } from "../sroi";
import { describe } from "../i18n/messages";
import { parseAssessmentJson, pointerOf } from "./assessmentJson";
import { describeShape, WORDS } from "./messages";
import { FileReport, Problem, label } from "./report";
import { loadWorkbook } from "./workbook";

/** A problem with the command's target itself (missing, empty folder): exit 1, nothing computed. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Listing {
  folder: boolean;
  files: { path: string; shown: string }[];
}

const KNOWN = [".xlsx", ".xlsm", ".json"];

export async function listInputs(path: string, shown: string, lang: Lang): Promise<Listing> {
  const w = WORDS[lang];
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError("notFound", w.notFound(shown));
  }
  if (!info.isDirectory()) return { folder: false, files: [{ path, shown }] };
  const names = (await readdir(path, { withFileTypes: true }))
    // "~$name.xlsx" is the lock file Excel leaves beside an open workbook
    .filter((d) => d.isFile() && !d.name.startsWith("~$") && !d.name.startsWith(".") && KNOWN.includes(extname(d.name).toLowerCase()))
    .map((d) => d.name)
    .sort((a, b) => a.localeCompare(b, "en"));
  if (names.length === 0) throw new InputError("emptyFolder", w.emptyFolder(shown));
  return { folder: true, files: names.map((n) => ({ path: join(path, n), shown: join(shown, n) })) };
}

type Kind = "json" | "workbook" | "unknown";

function kindOf(path: string, bytes: Uint8Array): Kind {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".xlsx" || ext === ".xlsm") return "workbook";
  // no telling extension: a zip archive is a workbook, a text starting with { is JSON
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "workbook";
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  return start.startsWith("{") ? "json" : "unknown";
}

/** The core's problems, each placed where the person will look for it. */
function computed(file: string, assessment: Assessment, place: (i: AssessmentIssue) => Partial<Problem>, lang: Lang): FileReport {
  const c = computeAssessment(assessment);
  if (c.ok) return { file, problems: [], assessment, result: c.result };
  const problems = c.issues.map((i) => ({ code: i.code, message: describe(i, lang, "label"), ...place(i) }));
  return { file, problems, assessment };
}

/**
 * Reads, checks and computes one file: one report per assessment it holds (a workbook may hold
 * several: SroiSettings, SroiSettings2…). Bad input becomes problems; only bugs throw.
 */
export async function computeFile(path: string, shown: string, lang: Lang): Promise<FileReport[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return [{ file: shown, problems: [{ code: "unreadable", message: WORDS[lang].unreadable(shown, (e as NodeJS.ErrnoException).code ?? String(e)) }] }];
  }
  const kind = kindOf(path, bytes);
  if (kind === "unknown") return [{ file: shown, problems: [{ code: "notAnAssessmentFile", message: WORDS[lang].notAnAssessmentFile(shown) }] }];
  if (kind === "json") {
    const read = parseAssessmentJson(new TextDecoder().decode(bytes));
    if (!read.ok) {
      return [{ file: shown, problems: read.problems.map((p) => ({ code: p.code, message: describeShape(p, lang), pointer: p.pointer })) }];
    }
    return [computed(shown, read.assessment, (i) => ({ pointer: pointerOf(i, read.assessment) }), lang)];
  }
  const loaded = await loadWorkbook(bytes, lang);
  if (!loaded.ok) return [{ file: shown, problems: loaded.problems }];
  const reports = loaded.assessments.map((a): FileReport => {
    const report = a.ok ? computed(shown, a.assessment, a.place, lang) : { file: shown, problems: a.problems };
    return a.suffix === "" ? report : { ...report, assessmentNumber: Number(a.suffix) };
  });
  return markPortableCopies(reports);
}

/** The assessment as data, whatever its formulas: "Make a portable copy" changes only `portable`. */
const contentOf = (a: Assessment): string => JSON.stringify({ ...a, settings: { ...a.settings, portable: null } });

/**
 * The add-in's "Make a portable copy" adds a second assessment with the same data to the workbook:
 * it is reported, but marked and kept out of totals so a network does not count it twice.
 */
function markPortableCopies(reports: FileReport[]): FileReport[] {
  return reports.map((r, k) => {
    if (!r.assessment || !r.result) return r;
    const original = reports.slice(0, k).find((o) => o.assessment && o.result && !o.copyOf && contentOf(o.assessment) === contentOf(r.assessment!));
    return original ? { ...r, copyOf: label(original) } : r;
  });
}
