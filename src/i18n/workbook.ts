/** Messages about reading an assessment back from a workbook, in English and French. */
import type { ReadProblem } from "../layout/read";
import type { Lang } from "./lang";
import { describe } from "./messages";

export function describeReadProblem(p: ReadProblem, lang: Lang): string {
  switch (p.code) {
    case "missingTable":
      return lang === "fr"
        ? `Le tableau ${p.table} est introuvable : ce classeur n'a pas (ou plus) la mise en page d'une évaluation SROI.`
        : `Table ${p.table} is missing: this workbook does not (or no longer) have the layout of an SROI assessment.`;
    case "missingColumn":
      return lang === "fr"
        ? `${p.sheet} : le tableau ${p.table} n'a plus de colonne « ${p.header} ».`
        : `${p.sheet}: table ${p.table} has no column "${p.header}" any more.`;
    case "badCell": {
      const where = `${quote(p.sheet)}!${p.cell} (${p.header})`;
      const what = describe({ ...p.issue, row: undefined, column: undefined }, lang, "label");
      return `${where}: ${what}`;
    }
  }
}

function quote(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet}'`;
}
