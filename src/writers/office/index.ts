/** The task pane's only door to the live workbook (Office.js). */
export { checkRequirements } from "./run";
export { scaffoldAssessment, findAssessments, appendToAssessment, makePortableCopy } from "./assessments";
export type { FoundAssessment, ScaffoldResult, Additions } from "./assessments";
export { readWorkbookProxies, writeWorkbookProxies, useProxy } from "./proxies";
export type { UseProxyResult } from "./proxies";
export { WriteRefused } from "./allOrNothing";
export type { WriteProblem } from "./allOrNothing";
export { readValueGame, startValueGame, appendValueGame } from "./valueGame";
export type { FoundValueGame, GameAdditions } from "./valueGame";
export { recomputeSensitivity } from "./sensitivity";
export type { RecomputeOptions } from "./sensitivity";
export { selectAssessmentCell, SelectRefused } from "./select";
export type { CellTarget } from "./select";
