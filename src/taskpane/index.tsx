import { createRoot } from "react-dom/client";
import { officeLang } from "../i18n/lang";
import * as workbook from "../writers/office";
import { App } from "./App";

// Office.js must be ready before anything reads Office.context (the display language) or Excel.
Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(<App workbook={workbook} lang={officeLang()} />);
});
