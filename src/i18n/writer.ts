/**
 * Why the live workbook was not changed, in English and French: the one renderer of the Office
 * writers' problems. Each message names the sheet, table or name and says what to do; the task pane
 * shows it through its error path ("Something went wrong: …").
 */
import { quoteSheet } from "../layout/a1";
import type { Lang } from "./lang";

/** What a writer met, checked before writing or met part-way (then undone). */
export type WriteProblem =
  /** workbook structure protection: no sheet can be added (setup, portable copy, a new Proxies sheet) */
  | { code: "workbookProtected" }
  /** a sheet the action would write to is protected */
  | { code: "sheetProtected"; sheet: string }
  /** a table of the assessment is no longer in the workbook */
  | { code: "missingTable"; table: string }
  /** a defined name or table already uses a name the action needs */
  | { code: "nameTaken"; name: string }
  /** a table the add-in writes (the Sensitivity table) no longer has the columns it wrote */
  | { code: "tableChanged"; table: string }
  /** the assessment cannot be computed as the workbook holds it (recompute): the reasons, rendered, with their places */
  | { code: "notComputable"; reasons: string[] }
  /** a proxy converted from another currency, into an impact map made before the conversion columns */
  | { code: "noConversionColumns"; table: string }
  /** a proxy in another currency than the assessment's, with no conversion */
  | { code: "foreignProxyCurrency"; proxy: string; currency: string }
  /** a table would grow past the sheet's last row */
  | { code: "noRoom"; sheet: string; table: string; rows: number }
  /** Excel refused part-way; `undone` says whether what had been written was taken back */
  | { code: "refused"; detail: string; undone: true }
  | { code: "refused"; detail: string; undone: false; undoDetail: string; sheets: string[] };

const NOTHING = { en: "nothing was changed.", fr: "rien n'a été modifié." };

export function writeProblemMessage(p: WriteProblem, lang: Lang): string {
  const fr = lang === "fr";
  const nothing = NOTHING[lang];
  switch (p.code) {
    case "workbookProtected":
      return fr
        ? `la structure du classeur est protégée : aucune feuille ne peut y être ajoutée (Révision > Protéger le classeur). Ôtez cette protection et réessayez ; ${nothing}`
        : `the workbook's structure is protected, so no sheet can be added (Review > Protect Workbook). Unprotect it and try again; ${nothing}`;
    case "sheetProtected":
      return fr
        ? `la feuille ${quoteSheet(p.sheet)} est protégée (Révision > Ôter la protection de la feuille). Ôtez sa protection et réessayez ; ${nothing}`
        : `the sheet ${quoteSheet(p.sheet)} is protected (Review > Unprotect Sheet). Unprotect it and try again; ${nothing}`;
    case "missingTable":
      return fr
        ? `le tableau ${p.table} n'est plus dans le classeur (feuille supprimée, tableau converti en plage ?) ; ${nothing}`
        : `the table ${p.table} is no longer in the workbook (a sheet deleted, the table converted to a range?); ${nothing}`;
    case "nameTaken":
      return fr
        ? `le nom « ${p.name} » est déjà utilisé dans ce classeur (Formules > Gestionnaire de noms). Renommez-le ou supprimez-le et réessayez ; ${nothing}`
        : `the name "${p.name}" is already used in this workbook (Formulas > Name Manager). Rename or delete it and try again; ${nothing}`;
    case "tableChanged":
      return fr
        ? `le tableau ${p.table} n'a plus les colonnes que le complément y a écrites (colonne ajoutée, supprimée ou renommée\u00a0?)\u00a0; remettez-les ou supprimez la feuille et créez de nouveau l'évaluation\u00a0; ${nothing}`
        : `the table ${p.table} no longer has the columns the add-in wrote (a column added, deleted or renamed?); put them back, or delete the sheet and create the assessment again; ${nothing}`;
    case "notComputable":
      return fr
        ? `la sensibilité ne peut pas être calculée\u00a0: ${p.reasons.join("\u00a0; ") || "l'évaluation n'a pas de ratio (contributions nulles)"}. Corrigez puis réessayez\u00a0; ${nothing}`
        : `the sensitivity cannot be computed: ${p.reasons.join("; ") || "the assessment has no ratio (inputs total 0)"}. Fix it and try again; ${nothing}`;
    case "noConversionColumns":
      return fr
        ? `le tableau ${p.table} n'a pas les colonnes Devise du proxy, Taux de change et Source (taux de change), où la conversion doit être notée ; créez l'évaluation de nouveau avec le complément, ou saisissez à la main la valeur convertie et sa source ; ${nothing}`
        : `the table ${p.table} has no Proxy currency, Exchange rate and Exchange rate source columns, where the conversion must be recorded; create the assessment again with the add-in, or type the converted value and its source by hand; ${nothing}`;
    case "foreignProxyCurrency":
      return fr
        ? `ce proxy est en ${p.proxy} et l'évaluation en ${p.currency} : donnez le taux de change (avec sa date et sa source) pour le convertir, ou choisissez un proxy en ${p.currency} ; ${nothing}`
        : `this proxy is in ${p.proxy} and the assessment in ${p.currency}: give the exchange rate (with its date and source) to convert it, or choose a proxy in ${p.currency}; ${nothing}`;
    case "noRoom":
      return fr
        ? `la feuille ${quoteSheet(p.sheet)} n'a pas la place d'ajouter ${p.rows} ligne(s) au tableau ${p.table} (dernière ligne de la feuille atteinte) ; ${nothing}`
        : `the sheet ${quoteSheet(p.sheet)} has no room for ${p.rows} more row(s) in the table ${p.table} (the sheet's last row is reached); ${nothing}`;
    case "refused":
      if (p.undone) {
        return fr
          ? `Excel a refusé une partie de la modification (${p.detail}). Ce qui avait été écrit a été retiré : vos feuilles sont comme avant.`
          : `Excel refused part of the change (${p.detail}). What had been written was taken back: your sheets are as they were.`;
      }
      return fr
        ? `Excel a refusé une partie de la modification (${p.detail}), puis le retrait de ce qui avait été écrit a échoué aussi (${p.undoDetail}) : vérifiez ${p.sheets.map(quoteSheet).join(", ")}.`
        : `Excel refused part of the change (${p.detail}), and taking back what had been written failed too (${p.undoDetail}): check ${p.sheets.map(quoteSheet).join(", ")}.`;
  }
}
