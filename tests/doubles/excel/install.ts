/**
 * Installs `Office` and `Excel` globals backed by an in-memory workbook: in Jest for the writer's
 * tests, and in the browser (bundled by the end-to-end test in place of Microsoft's office.js).
 */
import { CustomFunctionsError, ERROR_CODES } from "../customFunctions";
import { RequestContext } from "./api";
import { CellError, CustomFunction, evaluateCell, recalculate } from "./evaluate";
import { WorkbookState } from "./state";

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** the highest ExcelApi minor version this "Excel" supports (default 17) */
  excelApi?: number;
}

export function installFakeOffice(target: Record<string, unknown>, options: FakeOfficeOptions = {}): WorkbookState {
  const state = new WorkbookState();
  state.addSheet("Sheet1");
  const excelApi = options.excelApi ?? 17;
  const office = {
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name === "ExcelApi") return Number(String(version ?? "1.1").split(".")[1] ?? 1) <= excelApi;
          return name === "SharedRuntime" || name === "CustomFunctionsRuntime";
        },
      },
      document: { settings: { get: () => null, set: () => undefined, saveAsync: () => undefined } },
    },
    HostType: { Excel: "Excel" },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: () => undefined },
  };
  const excel = {
    run: async <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => batch(new RequestContext(state)),
    ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns", rows: "Rows", auto: "Auto" },
    DataValidationOperator: { between: "Between", greaterThanOrEqualTo: "GreaterThanOrEqualTo" },
    DataValidationAlertStyle: { stop: "Stop" },
  };
  // Custom functions register themselves as in Excel (CustomFunctions.associate), so the double can
  // compute the workbook with the very functions the add-in ships.
  const registry: Record<string, CustomFunction> = {};
  const existing = target.CustomFunctions as { Error?: unknown; ErrorCode?: unknown } | undefined;
  target.CustomFunctions = {
    Error: existing?.Error ?? CustomFunctionsError,
    ErrorCode: existing?.ErrorCode ?? ERROR_CODES,
    associate: (id: string, fn: CustomFunction) => {
      registry[id.toUpperCase()] = fn;
    },
  };
  target.Office = office;
  target.Excel = excel;
  target.__workbook = state;
  target.__recalculate = () => recalculate(state, registry);
  /** The value of a defined name's cell, computed without changing the workbook ("#CODE: message" for an error). */
  target.__evaluateName = (name: string) => {
    const n = state.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n) return `#NAME?: no name ${name}`;
    const v = evaluateCell(state, n.sheet, n.box.row, n.box.column, registry);
    return v instanceof CellError ? `${v.code}: ${v.message}` : v;
  };
  target.__customFunctions = registry;
  return state;
}

