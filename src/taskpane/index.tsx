import { createRoot } from "react-dom/client";
import { officeLang } from "../i18n/lang";
import { checkRequirements } from "../writers/office/run";
import type { WorkbookApi } from "./workbook";
import { App } from "./App";

// The Office.js writer (the layout, its builders and readers) loads right after the first paint, when
// Home asks for the workbook's assessments, rather than before it (issue #9: first render <= 500 ms).
// Only the requirement check, which Home shows at once, is here from the start.
const writer = () => import("../writers/office");
const workbook: WorkbookApi = {
  checkRequirements,
  findAssessments: () => writer().then((w) => w.findAssessments()),
  scaffoldAssessment: (a) => writer().then((w) => w.scaffoldAssessment(a)),
  appendToAssessment: (found, add) => writer().then((w) => w.appendToAssessment(found, add)),
  readWorkbookProxies: () => writer().then((w) => w.readWorkbookProxies()),
  writeWorkbookProxies: (rows) => writer().then((w) => w.writeWorkbookProxies(rows)),
  useProxy: (p, opts) => writer().then((w) => w.useProxy(p, opts)),
  makePortableCopy: (found) => writer().then((w) => w.makePortableCopy(found)),
  readValueGame: () => writer().then((w) => w.readValueGame()),
  startValueGame: (game) => writer().then((w) => w.startValueGame(game)),
  appendValueGame: (add) => writer().then((w) => w.appendValueGame(add)),
  selectAssessmentCell: (found, target) => writer().then((w) => w.selectAssessmentCell(found, target)),
  recomputeSensitivity: (found, options) => writer().then((w) => w.recomputeSensitivity(found, options)),
};

// Office.js must be ready before anything reads Office.context (the display language) or Excel.
Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(<App workbook={workbook} lang={officeLang()} />);
});
