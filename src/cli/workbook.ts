/**
 * Workbooks for the command line: an assessment becomes .xlsx bytes through the layout and the
 * .xlsx writer; .xlsx bytes become an assessment through the .xlsx reader and the layout's reader.
 * Formulas in the file (SROI.* or portable) are never evaluated: the core recomputes everything.
 */
import { Assessment, AssessmentIssue, Lang } from "../sroi/assessment";
import { describe } from "../i18n/messages";
import { OUTCOME_KEYS, buildLayout } from "../layout/build";
import { INPUT_HEADERS, OUTCOME_HEADERS, SETTINGS_HEADERS, STAKEHOLDER_HEADERS } from "../layout/labels";
import { layoutNames, suffixOfSettingsTable } from "../layout/names";
import { ReadProblem, readAssessment } from "../layout/read";
import { HeaderSpec, NotAWorkbook, OverLimit, readXlsx, writeXlsx } from "../writers/xlsx";
import { WORDS, overLimit } from "./messages";
import { Problem } from "./report";

export async function workbookBytes(assessment: Assessment): Promise<Uint8Array> {
  return writeXlsx(buildLayout(assessment));
}

/** One assessment of a workbook: read, or its problems. */
export type LoadedAssessment = { suffix: string } & (
  | { ok: true; assessment: Assessment; place: (issue: AssessmentIssue) => Partial<Problem> }
  | { ok: false; problems: Problem[] }
);

/** A workbook that could not be opened, or its assessments (one per SroiSettings table). */
export type LoadedWorkbook = { ok: false; problems: Problem[] } | { ok: true; assessments: LoadedAssessment[] };

function readProblem(p: ReadProblem, lang: Lang): Problem {
  const fr = lang === "fr";
  switch (p.code) {
    case "missingTable":
      return {
        code: p.code,
        message: fr
          ? `le tableau ${p.table} est introuvable, ni par son nom ni par ses en-têtes (feuille supprimée, en-têtes modifiés ?) ; ce classeur n'a pas la disposition SROI.`
          : `the table ${p.table} is missing, by name and by its headers (a sheet deleted, headers changed?); this workbook does not have the SROI layout.`,
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

/** The suffixes of the workbook's assessments, in order: "" (SroiSettings), "2", "3"… */
function suffixes(names: string[]): string[] {
  const found = names.map(suffixOfSettingsTable).filter((x): x is string => x !== null);
  // no settings table at all: read as the first assessment, so its missing tables are named
  if (found.length === 0) return [""];
  return [...new Set(found)].sort((a, b) => Number(a || 1) - Number(b || 1));
}

const LANGS: Lang[] = ["en", "fr"];
const every = <K extends string>(words: Record<Lang, Record<K, string>>, keys: K[]) => LANGS.map((l) => keys.map((k) => words[l][k]));

/**
 * The first assessment's input tables by their headers, in case they are ranges rather than Excel
 * tables (converted to a range, or saved by an application that drops tables).
 */
const BY_HEADERS: HeaderSpec[] = (() => {
  const t = layoutNames("").tables;
  return [
    { name: t.settings, headers: every(SETTINGS_HEADERS, ["key", "setting", "value", "note"]) },
    { name: t.stakeholders, headers: every(STAKEHOLDER_HEADERS, ["name", "groupSize", "involvement"]) },
    { name: t.inputs, headers: every(INPUT_HEADERS, ["stakeholder", "kind", "description", "amount", "hours", "hourlyCost"]) },
    { name: t.outcomes, headers: every(OUTCOME_HEADERS, OUTCOME_KEYS.filter((k) => k !== "impact" && k !== "presentValue")) },
  ];
})();

export async function loadWorkbook(bytes: Uint8Array, lang: Lang): Promise<LoadedWorkbook> {
  let contents;
  try {
    contents = await readXlsx(bytes, BY_HEADERS);
  } catch (e) {
    if (e instanceof NotAWorkbook) return { ok: false, problems: [{ code: "notXlsx", message: WORDS[lang].corrupt(e.message) }] };
    if (e instanceof OverLimit) return { ok: false, problems: [{ code: "overLimit", message: overLimit(e.limit, e.found, e.max, e.where, lang) }] };
    throw e;
  }
  const sheetOf = (name: string) => contents.tables.find((t) => t.name.toLowerCase() === name.toLowerCase())?.sheet;
  const assessments = suffixes(contents.tables.map((t) => t.name)).map((suffix): LoadedAssessment => {
    const read = readAssessment(contents.tables, suffix);
    if (read.problems.length > 0 || !read.assessment) return { suffix, ok: false, problems: read.problems.map((p) => readProblem(p, lang)) };
    // The layout's reader has already placed every cell problem; what the core may still find
    // (a rule only a whole assessment breaks) is placed on its table.
    const tables = layoutNames(suffix).tables;
    const place = (issue: AssessmentIssue): Partial<Problem> => {
      const table = issue.section === "settings" ? tables.settings : issue.section === "inputs" ? tables.inputs : tables.outcomes;
      return { sheet: sheetOf(table) };
    };
    return { suffix, ok: true, assessment: read.assessment, place };
  });
  return { ok: true, assessments };
}
