/**
 * What the task pane asks of the workbook: exactly the Office.js writer's API (src/writers/office).
 * The pane receives it as a value rather than importing it, so component tests hand it an in-memory
 * fake and the pane never calls Office.js directly.
 */
import type { Assessment, Input, Outcome, Stakeholder } from "../sroi/assessment";
import type { Proxy } from "../proxies/types";
import type { SheetKey } from "../layout/types";

export interface FoundAssessment {
  suffix: string;
  assessment: Assessment;
  sheetNames: Record<SheetKey, string>;
}

export type UseProxyResult =
  | { status: "written"; target: "impactMap" | "activeCell"; address: string }
  | { status: "needsConfirmation"; occupied: { address: string; value: string }[] };

export interface Addition {
  stakeholders: Stakeholder[];
  inputs: Input[];
  outcomes: Outcome[];
}

export interface WorkbookApi {
  checkRequirements(): { ok: boolean; missing: string[] };
  findAssessments(): Promise<FoundAssessment[]>;
  scaffoldAssessment(a: Assessment): Promise<{
    found: FoundAssessment;
    syncs: number;
    renamed: { key: SheetKey; wanted: string; got: string }[];
  }>;
  appendToAssessment(found: FoundAssessment, add: Addition): Promise<{ syncs: number }>;
  readWorkbookProxies(): Promise<Proxy[]>;
  writeWorkbookProxies(rows: Proxy[]): Promise<{ created: boolean; written: number }>;
  useProxy(p: Proxy, opts: { overwrite: boolean }): Promise<UseProxyResult>;
  makePortableCopy(found: FoundAssessment): Promise<{ found: FoundAssessment }>;
}
