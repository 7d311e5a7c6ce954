/**
 * Why the pane could not select the cell a check is about (src/writers/office/select.ts), in English
 * and French: what is missing, and where.
 */
import { quoteSheet } from "../layout/a1";
import type { Lang } from "./lang";

export type SelectProblem =
  /** a table of the assessment is no longer in the workbook */
  | { code: "missingTable"; table: string }
  /** the table has no column with this header (in either language) */
  | { code: "missingColumn"; table: string; sheet: string; header: string }
  /** the impact map has fewer outcomes than the check names (rows deleted since it was read) */
  | { code: "missingOutcome"; table: string; sheet: string; outcome: number; outcomes: number }
  /** the settings table has no row with this key */
  | { code: "missingSetting"; table: string; sheet: string; key: string };

export function selectProblemMessage(p: SelectProblem, lang: Lang): string {
  const fr = lang === "fr";
  switch (p.code) {
    case "missingTable":
      return fr
        ? `le tableau ${p.table} n'est plus dans le classeur (feuille supprimée, tableau converti en plage ?) ; la cellule ne peut pas être sélectionnée.`
        : `the table ${p.table} is no longer in the workbook (a sheet deleted, the table converted to a range?), so the cell cannot be selected.`;
    case "missingColumn":
      return fr
        ? `le tableau ${p.table} (feuille ${quoteSheet(p.sheet)}) n'a plus de colonne « ${p.header} » ; rétablissez son en-tête et réessayez.`
        : `the table ${p.table} (sheet ${quoteSheet(p.sheet)}) has no column "${p.header}" any more; put its header back and try again.`;
    case "missingOutcome":
      return fr
        ? `la feuille ${quoteSheet(p.sheet)} n'a que ${p.outcomes} effet(s), pas d'effet ${p.outcome} : des lignes ont changé depuis la lecture. Revenez à l'accueil et rouvrez la revue.`
        : `the sheet ${quoteSheet(p.sheet)} has ${p.outcomes} outcome(s), no outcome ${p.outcome}: rows changed since it was read. Go back home and open the review again.`;
    case "missingSetting":
      return fr
        ? `le tableau ${p.table} (feuille ${quoteSheet(p.sheet)}) n'a plus de ligne « ${p.key} » dans sa colonne Clé.`
        : `the table ${p.table} (sheet ${quoteSheet(p.sheet)}) has no row "${p.key}" in its Key column any more.`;
  }
}
