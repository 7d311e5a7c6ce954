/**
 * What every component of the pane needs: the strings of the user's language, the language for
 * numbers and the core's messages, and the workbook API.
 */
import { createContext, useContext } from "react";
import type { Issue } from "../sroi";
import { describe } from "../i18n/messages";
import { type Translate, type UiLang, dataLang, pseudo, translator } from "../i18n/ui";
import type { Lang } from "../i18n/lang";
import type { WorkbookApi } from "./workbook";

export interface Ui {
  t: Translate;
  uiLang: UiLang;
  /** the language numbers are typed and shown in */
  lang: Lang;
  workbook: WorkbookApi;
  /** the core's message for an issue, as the custom functions give it, naming the field by its label */
  message: (issue: Issue) => string;
  /** text made by another translated module (proxy labels, import reports): marked too in pseudo mode */
  other: (text: string) => string;
}

export function makeUi(uiLang: UiLang, workbook: WorkbookApi): Ui {
  const lang = dataLang(uiLang);
  return {
    t: translator(uiLang),
    uiLang,
    lang,
    workbook,
    other: (text) => (uiLang === "pseudo" ? pseudo(text) : text),
    message: (issue) => (uiLang === "pseudo" ? pseudo(describe(issue, "en", "label")) : describe(issue, lang, "label")),
  };
}

export const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error("useUi outside <UiContext.Provider>");
  return ui;
}
