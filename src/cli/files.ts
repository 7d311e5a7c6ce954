/** Reading the inputs of `sroi compute`: a file or a folder of files, JSON or workbook. */
import { readFile, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { Assessment, AssessmentIssue, Lang, computeAssessment } from "../sroi";
import { describe } from "../i18n/messages";
import { READ_LIMITS } from "../writers/xlsx";
import { parseAssessmentJson, pointerOf } from "./assessmentJson";
import { describeShape, overLimit, WORDS } from "./messages";
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
  /** `problem`: an entry of the folder that cannot be computed (a link in a loop, a dangling link) */
  files: { path: string; shown: string; problem?: Problem }[];
}

const KNOWN = [".xlsx", ".xlsm", ".json"];

const why = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));

export async function listInputs(path: string, shown: string, lang: Lang): Promise<Listing> {
  const w = WORDS[lang];
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") throw new InputError("notFound", w.notFound(shown));
    throw new InputError("unreadable", w.unreadable(shown, why(e)));
  }
  if (!info.isDirectory()) return { folder: false, files: [{ path, shown }] };
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (e) {
    throw new InputError("unreadable", w.unreadable(shown, why(e)));
  }
  const candidates = entries
    // "~$name.xlsx" is the lock file Excel leaves beside an open workbook
    .filter((d) => (d.isFile() || d.isSymbolicLink()) && !d.name.startsWith("~$") && !d.name.startsWith(".") && KNOWN.includes(extname(d.name).toLowerCase()))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  const files: Listing["files"] = [];
  for (const d of candidates) {
    const file = { path: join(path, d.name), shown: join(shown, d.name) };
    if (!d.isSymbolicLink()) {
      files.push(file);
      continue;
    }
    // a link is followed to what it points at (stat follows links; a loop fails with ELOOP)
    try {
      const target = await stat(file.path);
      if (target.isFile()) files.push(file);
      // a link to a folder is a sub-folder, and sub-folders are not read
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const message = code === "ELOOP" ? w.linkLoop : code === "ENOENT" ? w.danglingLink : w.unreadable(file.shown, why(e));
      files.push({ ...file, problem: { code: code === "ELOOP" ? "linkLoop" : "unreadable", message } });
    }
  }
  if (files.length === 0) throw new InputError("emptyFolder", w.emptyFolder(shown));
  return { folder: true, files };
}

type Kind = "json" | "workbook" | "unknown";

function kindOf(path: string, bytes: Uint8Array): Kind {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".xlsx" || ext === ".xlsm") return "workbook";
  // no telling extension: a zip archive is a workbook, a text starting with { is JSON
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "workbook";
  const text = jsonText(bytes.subarray(0, 64));
  return "text" in text && text.text.trimStart().startsWith("{") ? "json" : "unknown";
}

/**
 * JSON text is UTF-8 (RFC 8259). A UTF-8 byte-order mark is skipped, and UTF-16 with its mark (what
 * Windows Notepad calls "Unicode") is read too; any other bytes that are not UTF-8 are refused
 * rather than read with replacement characters.
 */
function jsonText(bytes: Uint8Array): { text: string } | { notUtf8: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)) };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)) };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { notUtf8: firstBadUtf8(bytes) };
  }
}

/** The 0-based offset of the first byte that is not part of valid UTF-8. */
function firstBadUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, n));
      return true;
    } catch {
      return false;
    }
  };
  // the longest valid prefix (a prefix cut inside a character counts as invalid, so this finds its start)
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The core's problems, each placed where the person will look for it. */
function computed(file: string, assessment: Assessment, place: (i: AssessmentIssue) => Partial<Problem>, lang: Lang): FileReport {
  const c = computeAssessment(assessment);
  if (!c.ok) {
    const problems = c.issues.map((i) => ({ code: i.code, message: describe(i, lang, "label"), ...place(i) }));
    return { file, problems, assessment };
  }
  const problems = notFinite(c.result, place, lang);
  return problems.length > 0 ? { file, problems, assessment } : { file, problems: [], assessment, result: c.result };
}

type Result = Extract<ReturnType<typeof computeAssessment>, { ok: true }>["result"];

/**
 * The core computes with 40-digit decimals and never overflows, but its results leave as
 * JavaScript numbers: past 1.8e308 they would print as "∞" or become JSON's null (which means
 * "the inputs total 0"). Such a result is a problem with the input (quantities of 1e308…).
 */
function notFinite(result: Result, place: (i: AssessmentIssue) => Partial<Problem>, lang: Lang): Problem[] {
  const big = (d: { toNumber(): number } | null) => d !== null && !Number.isFinite(d.toNumber());
  const at = (section: AssessmentIssue["section"], index?: number) =>
    place({ code: "notANumber", field: "outcome", section, ...(index ? { index } : {}) } as unknown as AssessmentIssue);
  const problems: Problem[] = [];
  for (const o of result.outcomes) {
    if (big(o.netImpact) || big(o.presentValue)) problems.push({ code: "notFinite", message: WORDS[lang].notFinite(o.index), ...at("outcomes", o.index) });
  }
  if (big(result.totalInputs)) problems.push({ code: "notFinite", message: WORDS[lang].notFiniteInputs, ...at("inputs") });
  const totals = [result.totalPresentValue, result.netPresentValue, result.ratio, result.netRatio, result.annualImpact, result.paybackMonths];
  if (problems.length === 0 && (totals.some(big) || result.byStakeholder.some((b) => big(b.presentValue) || big(b.share)))) {
    problems.push({ code: "notFinite", message: WORDS[lang].notFiniteTotal });
  }
  return problems;
}

/**
 * Reads, checks and computes one file: one report per assessment it holds (a workbook may hold
 * several: SroiSettings, SroiSettings2…). Bad input becomes problems; only bugs throw.
 */
export async function computeFile(path: string, shown: string, lang: Lang): Promise<FileReport[]> {
  const w = WORDS[lang];
  const refused = (problem: Problem): FileReport[] => [{ file: shown, problems: [problem] }];
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    // not a regular file (a named pipe would block the read for ever)
    if (!info.isFile()) return refused({ code: "notAnAssessmentFile", message: w.notAnAssessmentFile(shown) });
    // the whole file is read into memory: a file larger than a workbook may inflate to is refused first
    if (info.size > READ_LIMITS.totalBytes) {
      return refused({ code: "overLimit", message: overLimit("totalBytes", info.size, READ_LIMITS.totalBytes, undefined, lang) });
    }
    bytes = await readFile(path);
  } catch (e) {
    return refused({ code: "unreadable", message: w.unreadable(shown, why(e)) });
  }
  const kind = kindOf(path, bytes);
  if (kind === "unknown") return refused({ code: "notAnAssessmentFile", message: w.notAnAssessmentFile(shown) });
  if (kind === "json") {
    const text = jsonText(bytes);
    if ("notUtf8" in text) return refused({ code: "notUtf8", message: w.notUtf8(text.notUtf8) });
    const read = parseAssessmentJson(text.text);
    if (!read.ok) {
      return [{ file: shown, problems: read.problems.map((p) => ({ code: p.code, message: describeShape(p, lang), pointer: p.pointer })) }];
    }
    return [computed(shown, read.assessment, (i) => ({ pointer: pointerOf(i, read.assessment) }), lang)];
  }
  const loaded = await loadWorkbook(bytes, lang);
  if (!loaded.ok) return [{ file: shown, problems: loaded.problems }];
  const reports = loaded.assessments.map((a): FileReport => {
    const report: FileReport = { ...(a.ok ? computed(shown, a.assessment, a.place, lang) : { file: shown, problems: a.problems }), formulaCells: a.formulaCells };
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
