/**
 * A stand-in for the Office.js writer (src/writers/office) in component tests: every function of the
 * API is a jest mock with a plain default answer, so a test states only what matters to it.
 */
import type { Assessment } from "../../src/sroi";
import { DEFAULT_SHEET_NAMES } from "../../src/layout/names";
import type { SheetKey } from "../../src/layout/types";
import type { FoundAssessment, WorkbookApi } from "../../src/taskpane/workbook";

export const SHEET_NAMES: Record<SheetKey, string> = { ...DEFAULT_SHEET_NAMES.en };

export type FakeWorkbook = { [K in keyof WorkbookApi]: jest.Mock<ReturnType<WorkbookApi[K]>, Parameters<WorkbookApi[K]>> };

export function fakeWorkbook(overrides: Partial<WorkbookApi> = {}): FakeWorkbook {
  const found = (a: Assessment, suffix = ""): FoundAssessment => ({ suffix, assessment: a, sheetNames: SHEET_NAMES, problems: [] });
  const api: WorkbookApi = {
    checkRequirements: () => ({ ok: true, missing: [] }),
    findAssessments: async () => [],
    scaffoldAssessment: async (a) => ({ found: found(a), syncs: 3, renamed: [] }),
    appendToAssessment: async () => ({ syncs: 2 }),
    readWorkbookProxies: async () => [],
    writeWorkbookProxies: async (rows) => ({ created: true, written: rows.length, syncs: 2 }),
    useProxy: async () => ({ status: "written", target: "impactMap", address: "'Impact map'!I5:J5" }),
    readValueGame: async () => null,
    startValueGame: async () => ({ sheet: "Value game", syncs: 2 }),
    appendValueGame: async () => ({ syncs: 3 }),
    selectAssessmentCell: async () => ({ sheet: "Impact map", address: "K5" }),
    recomputeSensitivity: async () => ({ computedAt: "2026-12-03T09:15:00.000Z", syncs: 2 }),
    makePortableCopy: async (f) => ({ found: { ...f, suffix: "2", sheetNames: { ...f.sheetNames, impactMap: "Impact map (2)" } }, syncs: 3, renamed: [] }),
    ...overrides,
  };
  return Object.fromEntries(Object.entries(api).map(([k, f]) => [k, jest.fn(f as (...a: unknown[]) => unknown)])) as unknown as FakeWorkbook;
}

/** The reference case of the method document §8, as an assessment already in a workbook. */
export const REFERENCE_ASSESSMENT: Assessment = {
  settings: {
    organisation: "Jardins Partagés",
    title: "Community gardens",
    period: "2025",
    currency: "GBP",
    discountRate: 0.035,
    discountYear1: true,
    yearsShown: 5,
    language: "en",
    portable: false,
    priceYear: null,
    priceIndex: "FR",
  },
  stakeholders: [{ name: "Participants", groupSize: 10, involvement: "Weekly sessions" }],
  inputs: [{ stakeholder: "Participants", kind: "cash", description: "Grant", amount: 10000, hours: null, hourlyCost: null }],
  outcomes: [
    {
      stakeholder: "Participants",
      description: "Back in work",
      indicator: "Contracts signed",
      source: "Follow-up survey",
      quantity: 10,
      duration: 3,
      start: 1,
      proxyName: "Income gain",
      proxyValue: 1000,
      proxyUnits: 1,
      proxyUnit: "",
      proxySource: "Payslips",
      proxyPriceYear: null,
      proxyCurrency: "",
      exchangeRate: null,
      exchangeRateSource: "",
      valuationMethod: "",
      deadweight: 0.2,
      displacement: 0,
      attribution: 0.25,
      dropOff: 0.1,
      justification: "",
    },
  ],
};
