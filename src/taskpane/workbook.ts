/**
 * What the task pane asks of the workbook: exactly the Office.js writer's API (src/writers/office).
 * The pane receives it as a value rather than importing it, so component tests hand it an in-memory
 * fake and the pane never calls Office.js directly. Type-only imports: nothing is bundled from here.
 */
import type * as OfficeWriter from "../writers/office";

export type { FoundAssessment, UseProxyResult, Additions, CellTarget, FoundValueGame, GameAdditions } from "../writers/office";

export type WorkbookApi = Pick<
  typeof OfficeWriter,
  | "checkRequirements"
  | "findAssessments"
  | "scaffoldAssessment"
  | "appendToAssessment"
  | "readWorkbookProxies"
  | "writeWorkbookProxies"
  | "useProxy"
  | "makePortableCopy"
  | "readValueGame"
  | "startValueGame"
  | "appendValueGame"
  | "selectAssessmentCell"
  | "recomputeSensitivity"
>;
