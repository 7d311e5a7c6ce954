/**
 * Custom functions under the names Excel registered for Office's display language. The manifest
 * points a French Office at functions-fr.json, so Excel knows SROI.IMPACTNET, SROI.VALEURACTUELLE…
 * and an English name written through `range.formulas` gives #NAME? there (office-js #891; the fix
 * of #6614 only reached Excel 2607). Built-in functions are language-independent in `formulas`, so
 * the writer keeps writing there, loads Excel's own local text of the cells that call SROI.*
 * (`formulasLocal`: local built-in names, argument separator and decimal mark, all Excel's), and
 * writes that text back with the local custom-function names: one more round trip, whatever the
 * number of rows, and only where the display language has names of its own.
 */
import { CATALOG } from "../../functions/catalog";
import type { Lang } from "../../sroi";

/** The manifest's custom-functions namespace (Functions.Namespace). */
const NAMESPACE = "SROI";

/**
 * English name → the display language's name, for every custom function (from their one
 * declaration, src/functions/catalog.json); null when Excel registers the English names.
 */
export function localFunctionNames(lang: Lang): ReadonlyMap<string, string> | null {
  if (lang !== "fr") return null;
  return new Map(CATALOG.map((f) => [`${NAMESPACE}.${f.name.en}`, `${NAMESPACE}.${f.name[lang]}`]));
}

const NAME = /[\p{L}_\\][\p{L}\p{N}_.\\]*/uy;
const SPACES = /\s*/y;

/**
 * The formula with each custom-function call renamed, leaving text literals, quoted sheet names and
 * structured references (whose column names may hold anything) as they are. A name not in the map
 * (a local name already, a built-in) stays: SROI.PROJECTION is not SROI.PROJECT followed by "ION".
 */
export function renameCustomFunctions(formula: string, names: ReadonlyMap<string, string>): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // a doubled quote is the quote itself
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // inside a structured reference an apostrophe escapes the next character ([, ], #, ')
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'") j++;
        else if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(formula);
    if (m) {
      const end = i + m[0].length;
      SPACES.lastIndex = end;
      SPACES.exec(formula);
      const local = formula[SPACES.lastIndex] === "(" ? names.get(m[0].toUpperCase()) : undefined;
      out += local ?? m[0];
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

const CALLS_CUSTOM = new RegExp(`${NAMESPACE}\\.`, "i");
const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=") && v.length > 1;

/**
 * Collects, within one batch, the ranges just written through `formulas` that call a custom
 * function; after the sync, queues their local text with the local names. Only cells written as
 * formulas are touched: text a user typed (written with its apostrophe) is never turned into one.
 */
export class LocalFunctionNames {
  private tracked: { range: Excel.Range; written: readonly (readonly unknown[])[] }[] = [];
  constructor(private names: ReadonlyMap<string, string> | null) {}

  /** Call right after assigning `written` to `range.formulas` (or `rows.add`), in the same batch. */
  track(range: Excel.Range, written: readonly (readonly unknown[])[]): void {
    if (!this.names || !written.some((row) => row.some((v) => isFormula(v) && CALLS_CUSTOM.test(v)))) return;
    range.load("formulasLocal");
    this.tracked.push({ range, written });
  }

  /** After the sync that wrote and loaded them. True when something was queued: the caller syncs. */
  queueRewrite(): boolean {
    const names = this.names;
    let queued = false;
    for (const { range, written } of this.tracked) {
      let changed = false;
      // null leaves a cell as it is (Excel's rule for 2-D arrays)
      const local = range.formulasLocal.map((row: unknown[], r: number) =>
        row.map((f, c) => {
          if (!names || !isFormula(written[r]?.[c]) || !isFormula(f)) return null;
          const renamed = renameCustomFunctions(f, names);
          if (renamed === f) return null;
          changed = true;
          return renamed;
        }),
      );
      if (changed) {
        range.formulasLocal = local;
        queued = true;
      }
    }
    this.tracked = [];
    return queued;
  }
}
