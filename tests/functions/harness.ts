/**
 * Calls the custom functions the way Excel does, driven by the metadata that
 * custom-functions-metadata generates from src/functions/functions.ts (the same generator the
 * webpack plugin runs to make dist/functions.json):
 * - the function is looked up by its id, and bound to its JavaScript function by the generator's
 *   own associate list (what the plugin appends as CustomFunctions.associate(id, fn));
 * - arguments are checked against the metadata's count and order; an omitted optional argument
 *   arrives as null; a "matrix" argument always arrives as a 2-D array (a scalar as [[x]]);
 * - the result is read as Excel would show it: a matrix result must be a rectangular 2-D array
 *   (null shows as 0), a thrown CustomFunctions.Error becomes its code and message, anything else
 *   thrown becomes a bare #VALUE! (message undefined), which tests can then refuse.
 */
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

export interface ParameterMetadata {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export interface Metadata {
  functions: FunctionMetadata[];
  [key: string]: unknown;
}

export interface Generated {
  metadata: Metadata;
  /** id → name of the JavaScript function it is associated with */
  associate: Map<string, string>;
}

let generated: Promise<Generated> | null = null;

/** The metadata as the build makes it, generated once per test file; generator errors fail loudly. */
export function generatedMetadata(): Promise<Generated> {
  generated ??= generateCustomFunctionsMetadata(FUNCTIONS_SOURCE).then((r) => {
    if (r.errors.length) throw new Error(`custom-functions-metadata errors:\n${r.errors.join("\n")}`);
    return {
      metadata: JSON.parse(r.metadataJson) as Metadata,
      associate: new Map(r.associate.map((a) => [a.id, a.functionName])),
    };
  });
  return generated;
}

/** An error cell as Excel shows it: the code, and the message Excel shows for #VALUE! and #N/A. */
export interface ExcelError {
  error: string;
  message: string | undefined;
}

export type ExcelScalar = number | string | boolean | ExcelError;
export type ExcelValue = ExcelScalar | ExcelScalar[][];

export const isExcelError = (v: unknown): v is ExcelError => typeof v === "object" && v !== null && "error" in v;

/** A range argument laid out as a column of outcome rows. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** A range argument laid out as a row. */
export const row = (...values: unknown[]): unknown[][] => [values];

/** Marks an argument as omitted (Excel sends null), e.g. PV(rate, impact, duration, OMIT, 2). */
export const OMIT = Symbol("omitted");

function errorOf(e: unknown): ExcelError {
  if (e instanceof CustomFunctions.Error) return { error: e.code, message: e.message || undefined };
  return { error: "#VALUE!", message: undefined }; // Excel shows an uncaught exception as a bare #VALUE!
}

function cellOf(v: unknown, where: string): ExcelScalar {
  if (v instanceof CustomFunctions.Error) return errorOf(v);
  if (v === null || v === undefined) return 0; // Excel shows null in a returned matrix as 0
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!", message: undefined };
  if (typeof v === "string" || typeof v === "boolean") return v;
  throw new Error(`${where}: Excel cannot show ${JSON.stringify(v)}`);
}

function resultOf(fn: FunctionMetadata, value: unknown): ExcelValue {
  if (fn.result?.dimensionality === "matrix") {
    if (!Array.isArray(value) || !value.every(Array.isArray)) throw new Error(`${fn.id} must return a matrix, got ${JSON.stringify(value)}`);
    const width = value[0]?.length ?? 0;
    if (value.length === 0 || width === 0 || value.some((r) => r.length !== width)) {
      throw new Error(`${fn.id} returned a matrix that is empty or not rectangular: ${JSON.stringify(value)}`);
    }
    return value.map((r, i) => r.map((c: unknown, j: number) => cellOf(c, `${fn.id}[${i}][${j}]`)));
  }
  if (fn.result?.type === "number" && typeof value !== "number") throw new Error(`${fn.id} is declared number but returned ${JSON.stringify(value)}`);
  return cellOf(value, fn.id);
}

function argumentOf(p: ParameterMetadata, value: unknown): unknown {
  if (value === OMIT || value === undefined) return null;
  if (p.dimensionality === "matrix") {
    if (Array.isArray(value)) {
      if (!value.every(Array.isArray)) throw new Error(`${p.name}: a range must be given as a 2-D array`);
      return value;
    }
    return [[value]];
  }
  return value;
}

export interface Excel {
  metadata: Metadata;
  /** =SROI.<ID>(args…) as Excel calls it; the result as Excel shows it. */
  call(id: string, ...args: unknown[]): ExcelValue;
  /** The same for a function that returns a Promise (Excel shows #BUSY! until it settles), or any other. */
  callAsync(id: string, ...args: unknown[]): Promise<ExcelValue>;
}

export async function excel(): Promise<Excel> {
  const { metadata, associate } = await generatedMetadata();
  const exported = functions as unknown as Record<string, (...a: unknown[]) => unknown>;
  const start = (id: string, args: unknown[]): { fn: FunctionMetadata; returned: () => unknown } => {
    const fn = metadata.functions.find((f) => f.id === id);
    if (!fn) throw new Error(`no function ${id} in the metadata`);
    const impl = exported[associate.get(id) ?? ""];
    if (typeof impl !== "function") throw new Error(`${id} is not associated with an exported function`);
    if (fn.parameters.some((p) => p.repeating)) throw new Error(`${id}: repeating parameters are not supported by this harness`);
    if (args.length > fn.parameters.length) throw new Error(`${id} takes at most ${fn.parameters.length} arguments, given ${args.length}`);
    const values = fn.parameters.map((p, i) => {
      if ((i >= args.length || args[i] === OMIT) && !p.optional) throw new Error(`${id}: the required argument ${p.name} is missing`);
      return argumentOf(p, args[i]);
    });
    return { fn, returned: () => impl(...values) };
  };
  return {
    metadata,
    call(id, ...args) {
      const { fn, returned } = start(id, args);
      let value: unknown;
      try {
        value = returned();
      } catch (e) {
        return errorOf(e);
      }
      if (value instanceof Promise) throw new Error(`${id} returned a Promise: call it with callAsync`);
      return resultOf(fn, value);
    },
    async callAsync(id, ...args) {
      const { fn, returned } = start(id, args);
      let value: unknown;
      try {
        value = await returned(); // a rejected Promise is shown as a thrown error is
      } catch (e) {
        return errorOf(e);
      }
      return resultOf(fn, value);
    },
  };
}

/** Runs body with Office's display language set, as Excel in that language would (until body's Promise settles, if it returns one). */
export function inLanguage<T>(displayLanguage: string, body: () => T): T {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  const restore = () => {
    g.Office = before;
  };
  g.Office = { context: { displayLanguage } };
  let result: T;
  try {
    result = body();
  } catch (e) {
    restore();
    throw e;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

/** A number rounded as a cell formatted "0.00" (or "0.0000") shows it. */
export function rounded(v: ExcelValue, decimals: number): number {
  if (typeof v !== "number") throw new Error(`not a number: ${JSON.stringify(v)}`);
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
