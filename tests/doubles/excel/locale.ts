/**
 * What `formulasLocal` means in a French Excel, for the double: the double stores formulas in
 * Excel's language-independent form (the one `formulas` reads and writes: English built-in names,
 * "," between arguments, "." as decimal mark) and renders or parses the French form on demand.
 * Covered: the built-in functions the layout writes, TRUE/FALSE, the argument separator (also
 * between the parts of a structured reference), the decimal mark, and the structured-reference
 * keywords. Custom-function names are kept as written, in both forms: which of them Excel knows
 * is decided by the names it registered (install.ts), not here.
 * Names checked against French Excel formulas published by French users and trainers
 * (SOMME.SI.ENS, NB, SI, ET, OU, VRAI, FAUX; [#Cette ligne], [#Tout], [#Données], [#En-têtes],
 * [#Totaux]); N, ABS, INDEX and INDIRECT keep their names in French.
 */

export interface FormulaLocale {
  /** English built-in name → local name */
  functions: Record<string, string>;
  /** TRUE and FALSE */
  constants: Record<string, string>;
  /** structured-reference keywords, "#This Row" → local */
  keywords: Record<string, string>;
  argumentSeparator: string;
  decimalMark: string;
}

export const FRENCH: FormulaLocale = {
  functions: { SUM: "SOMME", SUMIFS: "SOMME.SI.ENS", IF: "SI", AND: "ET", OR: "OU", COUNT: "NB", N: "N", ABS: "ABS", INDEX: "INDEX", INDIRECT: "INDIRECT", TRUE: "VRAI", FALSE: "FAUX" },
  constants: { TRUE: "VRAI", FALSE: "FAUX" },
  keywords: { "#This Row": "#Cette ligne", "#All": "#Tout", "#Data": "#Données", "#Headers": "#En-têtes", "#Totals": "#Totaux" },
  argumentSeparator: ";",
  decimalMark: ",",
};

/** Excel writes a function it does not know in this prefixed form; the evaluator then gives #NAME?. */
export const UNKNOWN_FUNCTION = "_xludf.";

interface Direction {
  toLocal: boolean;
  functions: Map<string, string>;
  constants: Map<string, string>;
  keywords: Map<string, string>;
  /** names that are functions on the other side only (SUM in a French formula): unknown here */
  foreign: Set<string>;
  fromSeparator: string;
  toSeparator: string;
  fromDecimal: string;
  toDecimal: string;
}

const upperMap = (o: Record<string, string>, invert: boolean) => new Map(Object.entries(o).map(([k, v]) => (invert ? [v.toUpperCase(), k] : [k.toUpperCase(), v])));
const lowerMap = (o: Record<string, string>, invert: boolean) => new Map(Object.entries(o).map(([k, v]) => (invert ? [v.toLowerCase(), k] : [k.toLowerCase(), v])));

const NAME = /[\p{L}_\\][\p{L}\p{N}_.\\]*/uy;
const SPACES = /\s*/y;

function convert(formula: string, d: Direction): string {
  const number = new RegExp(`\\d+(?:\\${d.fromDecimal}\\d+)?(?:[eE][+-]?\\d+)?`, "y");
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      for (; i < formula.length; i++) {
        const c = formula[i];
        if (c === "'") {
          out += formula.slice(i, i + 2);
          i++;
          continue;
        }
        if (c === "[" && formula[i + 1] === "#") {
          const end = formula.indexOf("]", i);
          const keyword = formula.slice(i + 1, end);
          out += `[${d.keywords.get(keyword.toLowerCase()) ?? keyword}]`;
          i = end;
          if (depth === 0) break;
          continue;
        }
        if (c === "[") depth++;
        if (c === "]") depth--;
        out += depth === 1 && c === d.fromSeparator ? d.toSeparator : c;
        if (depth === 0) break;
      }
      i++;
      continue;
    }
    if (/\d/.test(ch)) {
      number.lastIndex = i;
      const m = number.exec(formula)!;
      out += m[0].replace(d.fromDecimal, d.toDecimal);
      i += m[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(formula);
    if (m) {
      const name = m[0];
      const upper = name.toUpperCase();
      i += name.length;
      SPACES.lastIndex = i;
      SPACES.exec(formula);
      if (formula[SPACES.lastIndex] === "(") {
        // an unknown function shows as typed
        if (upper.startsWith(UNKNOWN_FUNCTION.toUpperCase())) out += d.toLocal ? name.slice(UNKNOWN_FUNCTION.length) : name;
        else if (d.functions.has(upper)) out += d.functions.get(upper);
        else if (d.foreign.has(upper)) out += UNKNOWN_FUNCTION + name;
        else out += name;
      } else out += d.constants.get(upper) ?? name;
      continue;
    }
    out += ch === d.fromSeparator ? d.toSeparator : ch;
    i++;
  }
  return out;
}

/** The language-independent formula as a French Excel shows it in `formulasLocal`. */
export function toLocal(formula: string, locale: FormulaLocale): string {
  return convert(formula, {
    toLocal: true,
    functions: upperMap(locale.functions, false),
    constants: upperMap(locale.constants, false),
    keywords: lowerMap(locale.keywords, false),
    foreign: new Set(),
    fromSeparator: ",",
    toSeparator: locale.argumentSeparator,
    fromDecimal: ".",
    toDecimal: locale.decimalMark,
  });
}

/** A formula typed in the local form, stored language-independently (an English built-in name is unknown there). */
export function fromLocal(formula: string, locale: FormulaLocale): string {
  const functions = upperMap(locale.functions, true);
  const foreign = new Set([...Object.keys(locale.functions)].map((k) => k.toUpperCase()).filter((k) => !functions.has(k)));
  return convert(formula, {
    toLocal: false,
    functions,
    constants: upperMap(locale.constants, true),
    keywords: lowerMap(locale.keywords, true),
    foreign,
    fromSeparator: locale.argumentSeparator,
    toSeparator: ",",
    fromDecimal: locale.decimalMark,
    toDecimal: ".",
  });
}

/** A constant typed in the local form: "0,25" is a number in French. */
export function localNumber(text: string, locale: FormulaLocale): number | null {
  const t = text.trim();
  const re = new RegExp(`^[+-]?\\d+(?:\\${locale.decimalMark}\\d+)?(?:[eE][+-]?\\d+)?$`);
  return re.test(t) ? Number(t.replace(locale.decimalMark, ".")) : null;
}
