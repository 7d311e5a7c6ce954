/**
 * Workbooks for the command line: an assessment becomes .xlsx bytes through the layout and the
 * .xlsx writer; .xlsx bytes become an assessment through the .xlsx reader and the layout's reader.
 * Formulas in the file (SROI.* or portable) are never evaluated: the core recomputes everything.
 */
import { Assessment, AssessmentIssue, Lang } from "../sroi/assessment";
import { describe } from "../i18n/messages";
import { buildLayout } from "../layout/build";
import { layoutNames, suffixOfSettingsTable } from "../layout/names";
import { ReadProblem, readAssessment } from "../layout/read";
import { NotAWorkbook, readXlsx, writeXlsx } from "../writers/xlsx";
import { WORDS } from "./messages";
import { Problem } from "./report";

export async function workbookBytes(assessment: Assessment): Promise<Uint8Array> {
  return writeXlsx(buildLayout(assessment));
}

export type LoadedWorkbook =
  | { ok: true; assessment: Assessment; place: (issue: AssessmentIssue) => Partial<Problem> }
  | { ok: false; problems: Problem[] };

function readProblem(p: ReadProblem, lang: Lang): Problem {
  const fr = lang === "fr";
  switch (p.code) {
    case "missingTable":
      return {
        code: p.code,
        message: fr
          ? `le tableau ${p.table} est introuvable (feuille supprimée, tableau renommé ou converti en plage ?) ; ce classeur n'a pas la disposition SROI.`
          : `the table ${p.table} is missing (a sheet deleted, the table renamed or converted to a range?); this workbook does not have the SROI layout.`,
      };
    case "missingColumn":
      return {
        code: p.code,
        sheet: p.sheet,
        header: p.header,
        message: fr
          ? `la colonne « ${p.header} » manque dans le tableau ${p.table} (supprimée ou renommée ?).`
          : `the column "${p.header}" is missing from the table ${p.table} (deleted or renamed?).`,
      };
    case "badCell":
      return { code: p.issue.code, sheet: p.sheet, cell: p.cell, header: p.header, message: describe(p.issue, lang, "label") };
  }
}

/** The suffix of the first assessment in the workbook ("" unless only SroiSettings2… exist). */
function firstSuffix(names: string[]): string {
  const suffixes = names.map(suffixOfSettingsTable).filter((s): s is string => s !== null);
  if (suffixes.length === 0 || suffixes.includes("")) return "";
  return suffixes.sort((a, b) => Number(a) - Number(b))[0];
}

export async function loadWorkbook(bytes: Uint8Array, lang: Lang): Promise<LoadedWorkbook> {
  let contents;
  try {
    contents = await readXlsx(bytes);
  } catch (e) {
    if (e instanceof NotAWorkbook) return { ok: false, problems: [{ code: "notXlsx", message: WORDS[lang].corrupt(e.message) }] };
    throw e;
  }
  const suffix = firstSuffix(contents.tables.map((t) => t.name));
  const read = readAssessment(contents.tables, suffix);
  if (read.problems.length > 0 || !read.assessment) return { ok: false, problems: read.problems.map((p) => readProblem(p, lang)) };
  // The layout's reader has already placed every cell problem; what the core may still find
  // (a rule only a whole assessment breaks) is placed on its table.
  const tables = layoutNames(suffix).tables;
  const sheetOf = (name: string) => contents.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())?.sheet;
  const place = (issue: AssessmentIssue): Partial<Problem> => {
    const table = issue.section === "settings" ? tables.settings : issue.section === "inputs" ? tables.inputs : tables.outcomes;
    return { sheet: sheetOf(table) };
  };
  return { ok: true, assessment: read.assessment, place };
}
