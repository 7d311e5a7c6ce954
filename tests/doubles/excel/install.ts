/**
 * Installs `Office` and `Excel` globals backed by an in-memory workbook: in Jest for the writer's
 * tests, and in the browser (bundled by the end-to-end test in place of Microsoft's office.js).
 */
import { CustomFunctionsError, ERROR_CODES } from "../customFunctions";
import { RequestContext } from "./api";
import { CellError, CustomFunction, evaluateCell, recalculate } from "./evaluate";
import { WorkbookState } from "./state";
import { FRENCH } from "./locale";
import english from "../../metadata/functions.golden.json";
import french from "../../metadata/functions-fr.golden.json";

/** The part of a functions.json that Excel's registration reads. */
export type FunctionMetadata = { id: string; name: string }[] | { functions: { id: string; name: string }[] };

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** the highest ExcelApi minor version this "Excel" supports (default 17) */
  excelApi?: number;
  /**
   * The custom-functions metadata Excel loaded for this display language (the manifest's
   * Functions.Metadata.Url override). Default: the golden contract of functions-fr.json for fr-*,
   * of functions.json otherwise (tests/metadata keeps them equal to what the build makes).
   */
  functionMetadata?: FunctionMetadata;
}

/** The manifest's Functions.Namespace. */
const NAMESPACE = "SROI";

export function installFakeOffice(target: Record<string, unknown>, options: FakeOfficeOptions = {}): WorkbookState {
  const state = new WorkbookState();
  state.addSheet("Sheet1");
  const excelApi = options.excelApi ?? 17;
  const displayLanguage = options.displayLanguage ?? "en-US";
  const isFrench = /^fr(-|$)/i.test(displayLanguage);
  state.locale = isFrench ? FRENCH : null;
  const metadata = options.functionMetadata ?? (isFrench ? french : english);
  for (const f of Array.isArray(metadata) ? metadata : metadata.functions) state.customFunctionNames.set(`${NAMESPACE}.${f.name}`.toUpperCase(), f.id.toUpperCase());
  const office = {
    context: {
      displayLanguage,
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
  target.__customFunctionNames = Object.fromEntries(state.customFunctionNames);
  return state;
}

