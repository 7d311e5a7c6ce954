/**
 * Workbooks for the command line: an assessment becomes .xlsx bytes through the layout and the
 * .xlsx writer; .xlsx bytes become an assessment through the .xlsx reader and the layout's reader.
 * Formulas in the file (SROI.* or portable) are never evaluated: the core recomputes everything.
 * An input cell holding a formula counts with its cached result, so such cells are named to the user.
 */
import { Assessment, AssessmentIssue, Lang } from "../sroi";
import { readProblemMessage } from "../i18n/workbook";
import { buildLayout } from "../layout/build";
import { INPUT_TABLES, dataColumns, headersOf } from "../layout/columns";
import { layoutNames, suffixOfSettingsTable } from "../layout/names";
import { ReadProblem, readAssessment } from "../layout/read";
import { FormulaCell, HeaderSpec, NotAWorkbook, OverLimit, readXlsx, writeXlsx } from "../writers/xlsx";
import { WORDS, overLimit } from "./messages";
import { Problem } from "./report";
import { checkMessage } from "../i18n/checks";

export async function workbookBytes(assessment: Assessment): Promise<Uint8Array> {
  return writeXlsx(buildLayout(assessment, { checkText: checkMessage }));
}

/** An input cell that holds a formula: its value is the result saved in the file, not Excel's. */
export interface InputFormula {
  sheet: string;
  cell: string;
  header: string;
}

/** One assessment of a workbook: read, or its problems; `formulaCells`: its input cells holding a formula. */
export type LoadedAssessment = { suffix: string; formulaCells: InputFormula[] } & (
  | { ok: true; assessment: Assessment; place: (issue: AssessmentIssue) => Partial<Problem> }
  | { ok: false; problems: Problem[] }
);

/** A workbook that could not be opened, or its assessments (one per SroiSettings table). */
export type LoadedWorkbook = { ok: false; problems: Problem[] } | { ok: true; assessments: LoadedAssessment[] };

/** A reader's problem as the CLI reports it: the place in its own fields, the message from the one renderer. */
function readProblem(p: ReadProblem, lang: Lang): Problem {
  const message = readProblemMessage(p, lang);
  switch (p.code) {
    case "missingTable":
      return { code: p.code, message };
    case "missingColumn":
      return { code: p.code, sheet: p.sheet, header: p.header, message };
    case "badCell":
      return { code: p.issue.code, sheet: p.sheet, cell: p.cell, header: p.header, message };
  }
}

/** The suffixes of the workbook's assessments, in order: "" (SroiSettings), "2", "3"… */
function suffixes(names: string[]): string[] {
  const found = names.map(suffixOfSettingsTable).filter((x): x is string => x !== null);
  // no settings table at all: read as the first assessment, so its missing tables are named
  if (found.length === 0) return [""];
  return [...new Set(found)].sort((a, b) => Number(a || 1) - Number(b || 1));
}

/**
 * The first assessment's input tables by their headers, in case they are ranges rather than Excel
 * tables (converted to a range, or saved by an application that drops tables): a row holding every
 * required data column's header, in one language, is the header row.
 */
function byHeaders(): HeaderSpec[] {
  return Object.values(INPUT_TABLES).map((schema) => {
    const required = dataColumns(schema).filter((c) => !c.optional);
    const current = (["en", "fr"] as Lang[]).map((lang) => required.map((c) => c.header[lang]));
    // a French workbook of an earlier layout (« Érosion » before « Décroissance ») is found too
    const former = required.some((c) => c.formerHeaders?.length) ? [required.map((c) => c.formerHeaders?.[0] ?? c.header.fr)] : [];
    return { name: layoutNames("").tables[schema.table], headers: [...current, ...former] };
  });
}

const norm = (s: string): string => s.trim().toLowerCase();

/**
 * The formula cells in the data columns of an assessment's input tables. The calculated columns
 * (Impact, Present value…) hold formulas by design and are recomputed by the core: never listed.
 */
function inputFormulas(cells: FormulaCell[], suffix: string): InputFormula[] {
  const tables = layoutNames(suffix).tables;
  const dataHeaders = new Map(
    Object.values(INPUT_TABLES).map((schema) => [
      norm(tables[schema.table]),
      new Set(dataColumns(schema).flatMap((c) => headersOf(c).map(norm))),
    ]),
  );
  return cells.filter((c) => dataHeaders.get(norm(c.table))?.has(norm(c.header))).map(({ sheet, cell, header }) => ({ sheet, cell, header }));
}

export async function loadWorkbook(bytes: Uint8Array, lang: Lang): Promise<LoadedWorkbook> {
  let contents;
  try {
    contents = await readXlsx(bytes, byHeaders());
  } catch (e) {
    if (e instanceof NotAWorkbook) return { ok: false, problems: [{ code: "notXlsx", message: WORDS[lang].corrupt(e.message) }] };
    if (e instanceof OverLimit) return { ok: false, problems: [{ code: "overLimit", message: overLimit(e.limit, e.found, e.max, e.where, lang) }] };
    throw e;
  }
  const sheetOf = (name: string) => contents.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())?.sheet;
  const assessments = suffixes(contents.tables.map((t) => t.name)).map((suffix): LoadedAssessment => {
    const read = readAssessment(contents.tables, suffix);
    const formulaCells = inputFormulas(contents.formulaCells, suffix);
    if (read.problems.length > 0 || !read.assessment) return { suffix, formulaCells, ok: false, problems: read.problems.map((p) => readProblem(p, lang)) };
    // The layout's reader has already placed every cell problem; what the core may still find
    // (a rule only a whole assessment breaks) is placed on its table.
    const tables = layoutNames(suffix).tables;
    const place = (issue: AssessmentIssue): Partial<Problem> => {
      const table = issue.section === "settings" ? tables.settings : issue.section === "inputs" ? tables.inputs : tables.outcomes;
      return { sheet: sheetOf(table) };
    };
    return { suffix, formulaCells, ok: true, assessment: read.assessment, place };
  });
  return { ok: true, assessments };
}
