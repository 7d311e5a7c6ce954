/**
 * Messages about reading an assessment back from a workbook, in English and French: the one renderer
 * of the layout reader's problems, for the task pane (continue) and the command-line tool alike.
 */
import { quoteSheet } from "../layout/a1";
import type { ReadProblem } from "../layout/read";
import type { Lang } from "../sroi";
import { describe } from "./messages";

/** What is wrong, without where: "the column "Drop-off" is missing from the table SroiOutcomes…". */
export function readProblemMessage(p: ReadProblem, lang: Lang): string {
  const fr = lang === "fr";
  switch (p.code) {
    case "missingTable":
      return fr
        ? `le tableau ${p.table} est introuvable, ni par son nom ni par ses en-têtes (feuille supprimée, en-têtes modifiés ?) ; ce classeur n'a pas la disposition SROI.`
        : `the table ${p.table} is missing, by name and by its headers (a sheet deleted, headers changed?); this workbook does not have the SROI layout.`;
    case "missingColumn":
      return fr
        ? `la colonne « ${p.header} » manque dans le tableau ${p.table} (supprimée ou renommée ?).`
        : `the column "${p.header}" is missing from the table ${p.table} (deleted or renamed?).`;
    case "badCell":
      return describe({ ...p.issue, row: undefined, column: undefined }, lang, "label");
  }
}

/** Where: "'Impact map'!E5 (Quantity)", "'Impact map'", or "" for a missing table. */
export function readProblemPlace(p: ReadProblem): string {
  switch (p.code) {
    case "missingTable":
      return "";
    case "missingColumn":
      return quoteSheet(p.sheet);
    case "badCell":
      return `${quoteSheet(p.sheet)}!${p.cell} (${p.header})`;
  }
}

/** The whole sentence: "'Impact map'!E5 (Quantity): Quantity: "ten" is not a number." (French: a no-break space before the colon). */
export function describeReadProblem(p: ReadProblem, lang: Lang): string {
  const place = readProblemPlace(p);
  const colon = lang === "fr" ? "\u00A0: " : ": ";
  return place ? `${place}${colon}${readProblemMessage(p, lang)}` : readProblemMessage(p, lang);
}
