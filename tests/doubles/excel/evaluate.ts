/**
 * A small formula evaluator for the workbook double: enough of Excel's language to compute the
 * formulas the layout writes (arithmetic, comparisons, &, SUM, SUMIFS, SUMPRODUCT, INDEX, IF, AND, OR, N, COUNT,
 * ABS, ISNUMBER, structured references, defined names, A1 references) plus custom functions registered the
 * way Excel registers them (a name from the display language's metadata, code bound to its id by
 * CustomFunctions.associate). It lets tests check that a workbook written
 * by the add-in computes the method's reference case — with the real custom functions, even the
 * bundled ones in the browser. Coercions follow Excel: a blank is 0 in arithmetic and "" in text,
 * TRUE is 1, text that is not a number is #VALUE!.
 */
import { Box, SheetState, TableState, WorkbookState, parseBox } from "./state";

export class CellError {
  constructor(
    public code: string,
    public message = "",
  ) {}
  toString(): string {
    return this.code;
  }
}

type Scalar = number | string | boolean | null | CellError;
interface RangeValue {
  kind: "range";
  sheet: SheetState;
  box: Box;
}
type Value = Scalar | RangeValue | Scalar[][];
export type CustomFunction = (...args: unknown[]) => unknown;

interface Context {
  state: WorkbookState;
  sheet: SheetState;
  row: number;
  column: number;
  functions: Record<string, CustomFunction>;
  errorType?: new (...a: never[]) => { code: string; message: string };
}

// ---- tokens -------------------------------------------------------------------------------

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "op"; v: string } | { t: "id"; v: string } | { t: "table"; name: string; inner: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') break;
        else s += src[i++];
      }
      i++;
      out.push({ t: "str", v: s });
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !/^[A-Za-z]/.test(src[i])) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_.$]*/.exec(src.slice(i));
    if (id) {
      i += id[0].length;
      if (src[i] === "[") {
        let depth = 0;
        const start = i;
        for (; i < src.length; i++) {
          if (src[i] === "'") {
            i++;
            continue;
          }
          if (src[i] === "[") depth++;
          if (src[i] === "]" && --depth === 0) break;
        }
        out.push({ t: "table", name: id[0], inner: src.slice(start + 1, i) });
        i++;
        continue;
      }
      // A1:B2 ranges are one token
      const range = /^:\$?[A-Za-z]{1,3}\$?\d+/.exec(src.slice(i));
      if (range && /^\$?[A-Za-z]{1,3}\$?\d+$/.test(id[0])) {
        out.push({ t: "id", v: id[0] + range[0] });
        i += range[0].length;
        continue;
      }
      out.push({ t: "id", v: id[0] });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (["<>", "<=", ">="].includes(two)) {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>(),".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    throw new Error(`cannot read "${src.slice(i)}"`);
  }
  return out;
}

// ---- parser (to closures) -----------------------------------------------------------------

type Node = (c: Context) => Value;

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => peek()?.t === "op" && (peek() as { v: string }).v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v}`);
    p++;
  };
  const binary = (next: () => Node, ops: string[], apply: (op: string, a: Value, b: Value) => Value): (() => Node) => () => {
    let left = next();
    while (peek()?.t === "op" && ops.includes((peek() as { v: string }).v)) {
      const op = (tokens[p++] as { v: string }).v;
      const right = next();
      const l = left;
      left = (c) => apply(op, l(c), right(c));
    }
    return left;
  };
  const primary = (): Node => {
    const tok = tokens[p++];
    if (!tok) throw new Error("unexpected end");
    if (tok.t === "num") return () => tok.v;
    if (tok.t === "str") return () => tok.v;
    if (tok.t === "table") return (c) => tableRef(c, tok.name, tok.inner);
    if (tok.t === "op" && tok.v === "(") {
      const e = comparison();
      expect(")");
      return e;
    }
    if (tok.t === "op" && (tok.v === "-" || tok.v === "+")) {
      const e = unaryOperand();
      return tok.v === "-" ? (c) => arith("-", 0, e(c)) : e;
    }
    if (tok.t === "id") {
      const name = tok.v.toUpperCase();
      if (isOp("(")) {
        p++;
        const args: Node[] = [];
        if (!isOp(")")) {
          args.push(comparison());
          while (isOp(",")) {
            p++;
            args.push(comparison());
          }
        }
        expect(")");
        return (c) => call(c, name, args);
      }
      if (name === "TRUE" || name === "FALSE") return () => name === "TRUE";
      return (c) => nameRef(c, tok.v);
    }
    throw new Error(`unexpected ${JSON.stringify(tok)}`);
  };
  // Excel: unary minus binds tighter than ^ (=-2^2 is 4)
  const unaryOperand = primary;
  const power = binary(primary, ["^"], arith);
  const product = binary(power, ["*", "/"], arith);
  const sum = binary(product, ["+", "-"], arith);
  const concat = binary(sum, ["&"], (_op, a, b) => {
    const x = scalar(a);
    const y = scalar(b);
    if (x instanceof CellError) return x;
    if (y instanceof CellError) return y;
    return text(x) + text(y);
  });
  const comparison = binary(concat, ["=", "<>", "<", ">", "<=", ">="], compare);
  const e = comparison();
  if (p !== tokens.length) throw new Error(`unexpected ${JSON.stringify(tokens[p])}`);
  return e;
}

// ---- values -------------------------------------------------------------------------------

function cellAt(c: Context, sheet: SheetState, row: number, column: number): Scalar {
  const cell = sheet.cell(row, column);
  if (!cell) return null;
  if (cell.formula) return evaluateCell(c.state, sheet, row, column, c.functions);
  return cell.value === "" ? null : cell.value;
}

function matrix(c: Context, v: Value): Scalar[][] {
  if (v !== null && typeof v === "object" && "kind" in v) {
    return Array.from({ length: v.box.rows }, (_, r) => Array.from({ length: v.box.columns }, (_, k) => cellAt(c, v.sheet, v.box.row + r, v.box.column + k)));
  }
  if (Array.isArray(v)) return v;
  return [[v as Scalar]];
}

let current: Context;
function scalar(v: Value): Scalar {
  if (v !== null && typeof v === "object" && "kind" in v) {
    if (v.box.rows === 1 && v.box.columns === 1) return cellAt(current, v.sheet, v.box.row, v.box.column);
    // implicit intersection with the formula's row, as Excel does for a column reference
    if (v.box.columns === 1 && current.sheet === v.sheet && current.row >= v.box.row && current.row < v.box.row + v.box.rows) {
      return cellAt(current, v.sheet, current.row, v.box.column);
    }
    return new CellError("#VALUE!", "a range where one value is needed");
  }
  if (Array.isArray(v)) return v[0]?.[0] ?? null;
  return v;
}

function number(v: Scalar): number | CellError {
  if (v instanceof CellError) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : new CellError("#VALUE!", `"${v}" is not a number`);
}

function text(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/**
 * Inside SUMPRODUCT Excel evaluates operators on whole ranges, cell by cell (a 1×1 operand is
 * repeated); elsewhere a range meets an operator by implicit intersection, as scalar() does.
 */
let arrayDepth = 0;
const isArrayLike = (v: Value): boolean =>
  Array.isArray(v) ? v.length * (v[0]?.length ?? 0) > 1 : v !== null && typeof v === "object" && "kind" in v && v.box.rows * v.box.columns > 1;

function elementwise(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Value): Scalar[][] | CellError {
  const x = matrix(current, a);
  const y = matrix(current, b);
  const rows = Math.max(x.length, y.length);
  const columns = Math.max(x[0].length, y[0].length);
  const at = (m: Scalar[][], r: number, k: number) => (m.length === 1 && m[0].length === 1 ? m[0][0] : m[r]?.[k]);
  if ((x.length * x[0].length > 1 && (x.length !== rows || x[0].length !== columns)) || (y.length * y[0].length > 1 && (y.length !== rows || y[0].length !== columns))) {
    return new CellError("#VALUE!", "arrays of different sizes");
  }
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, k) => f(at(x, r, k) ?? null, at(y, r, k) ?? null) as Scalar));
}

function arith(op: string, a: Value, b: Value): Value {
  if (arrayDepth > 0 && (isArrayLike(a) || isArrayLike(b))) return elementwise(a, b, (x, y) => arith(op, x, y));
  const x = number(scalar(a));
  const y = number(scalar(b));
  if (x instanceof CellError) return x;
  if (y instanceof CellError) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? new CellError("#DIV/0!") : x / y;
    case "^":
      return x ** y;
  }
  throw new Error(op);
}

function compare(op: string, a: Value, b: Value): Value {
  if (arrayDepth > 0 && (isArrayLike(a) || isArrayLike(b))) return elementwise(a, b, (x, y) => compare(op, x, y));
  let x = scalar(a);
  let y = scalar(b);
  if (x instanceof CellError) return x;
  if (y instanceof CellError) return y;
  // a blank takes the type of the other side
  if (x === null) x = typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  let d: number;
  if (typeof x === "number" && typeof y === "number") d = x - y;
  else if (typeof x === "string" && typeof y === "string") d = x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  else if (typeof x === "boolean" && typeof y === "boolean") d = Number(x) - Number(y);
  else d = rank(x) - rank(y); // Excel orders numbers < text < booleans
  switch (op) {
    case "=":
      return d === 0;
    case "<>":
      return d !== 0;
    case "<":
      return d < 0;
    case ">":
      return d > 0;
    case "<=":
      return d <= 0;
    case ">=":
      return d >= 0;
  }
  throw new Error(op);
}
const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);

// ---- references ---------------------------------------------------------------------------

function tableRef(c: Context, name: string, inner: string): Value {
  const t = c.state.table(name);
  if (!t) return new CellError("#REF!", `no table ${name}`);
  const parts = inner.includes("[") ? [...inner.matchAll(/\[((?:[^\]']|'.)*)\]/g)].map((m) => m[1].replace(/'(.)/g, "$1")) : [inner.replace(/'(.)/g, "$1")];
  const thisRow = parts.some((x) => x.toLowerCase() === "#this row");
  const columns = parts.filter((x) => !x.startsWith("#"));
  const headers = t.headers().map((h) => h.toLowerCase());
  const col = columns.length ? headers.indexOf(columns[0].toLowerCase()) : -1;
  if (columns.length && col < 0) return new CellError("#REF!", `no column ${columns[0]} in ${name}`);
  const body = dataBox(t);
  if (thisRow) {
    if (c.row < body.row || c.row >= body.row + body.rows) return new CellError("#VALUE!", "this row outside the table");
    return { kind: "range", sheet: t.sheet, box: { row: c.row, column: t.box.column + col, rows: 1, columns: 1 } };
  }
  if (col < 0) return { kind: "range", sheet: t.sheet, box: body };
  return { kind: "range", sheet: t.sheet, box: { ...body, column: t.box.column + col, columns: 1 } };
}

const dataBox = (t: TableState): Box => ({ row: t.box.row + 1, column: t.box.column, rows: t.box.rows - 1, columns: t.box.columns });

function nameRef(c: Context, name: string): Value {
  const defined = c.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (defined) return { kind: "range", sheet: defined.sheet, box: defined.box };
  try {
    return { kind: "range", sheet: c.sheet, box: parseBox(name) };
  } catch {
    return new CellError("#NAME?", `unknown name ${name}`);
  }
}

// ---- functions ----------------------------------------------------------------------------

function flat(c: Context, v: Value): Scalar[] {
  return matrix(c, v).flat();
}

function call(c: Context, name: string, args: Node[]): Value {
  const ev = (k: number) => args[k](c);
  switch (name) {
    case "IF": {
      const cond = scalar(ev(0));
      if (cond instanceof CellError) return cond;
      const yes = typeof cond === "string" ? cond !== "" : Boolean(number(cond));
      return yes ? ev(1) : args[2] ? ev(2) : false;
    }
    case "AND":
    case "OR": {
      const vals = args.map((_, k) => scalar(ev(k)));
      const err = vals.find((v) => v instanceof CellError);
      if (err) return err;
      const bools = vals.map((v) => Boolean(number(v as Scalar)));
      return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
    }
    case "N": {
      const v = scalar(ev(0));
      if (v instanceof CellError) return v;
      return typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : 0;
    }
    case "ISNUMBER": {
      const v = scalar(ev(0));
      return typeof v === "number";
    }
    case "ABS": {
      const v = number(scalar(ev(0)));
      return v instanceof CellError ? v : Math.abs(v);
    }
    case "SUM": {
      let s = 0;
      for (let k = 0; k < args.length; k++) {
        for (const v of flat(c, ev(k))) {
          if (v instanceof CellError) return v;
          if (typeof v === "number") s += v;
        }
      }
      return s;
    }
    case "COUNT":
      return args.reduce((n, _, k) => n + flat(c, ev(k)).filter((v) => typeof v === "number").length, 0);
    case "SUMIFS": {
      const values = flat(c, ev(0));
      let keep = values.map(() => true);
      for (let k = 1; k + 1 < args.length; k += 2) {
        const range = flat(c, ev(k));
        const crit = scalar(ev(k + 1));
        keep = keep.map((x, i) => x && compare("=", range[i], crit) === true);
      }
      return values.reduce((s: number, v, i) => s + (keep[i] && typeof v === "number" ? v : 0), 0);
    }
    case "SUMPRODUCT": {
      // the arrays must have one size; entries that are not numbers (text, TRUE, blanks) count as 0
      arrayDepth++;
      let arrays: Scalar[][][];
      try {
        arrays = args.map((_, k) => matrix(c, ev(k)));
      } finally {
        arrayDepth--;
      }
      const [first] = arrays;
      if (arrays.some((m) => m.length !== first.length || m[0].length !== first[0].length)) return new CellError("#VALUE!", "SUMPRODUCT of arrays of different sizes");
      let s = 0;
      for (let r = 0; r < first.length; r++) {
        for (let k = 0; k < first[0].length; k++) {
          let product = 1;
          for (const m of arrays) {
            const v = m[r][k];
            if (v instanceof CellError) return v;
            product *= typeof v === "number" ? v : 0;
          }
          s += product;
        }
      }
      return s;
    }
    case "INDEX": {
      const m = matrix(c, ev(0));
      const r = number(scalar(ev(1)));
      const k = args[2] ? number(scalar(ev(2))) : 1;
      if (r instanceof CellError) return r;
      if (k instanceof CellError) return k;
      const [ri, ci] = m[0].length === 1 || args[2] ? [r, k] : [1, r];
      const v = m[ri - 1]?.[ci - 1];
      return v === undefined ? new CellError("#REF!", "INDEX out of range") : v;
    }
  }
  // Excel knows a custom function only by a name it registered for the display language.
  const id = c.state.customFunctionId(name);
  const fn = id === undefined ? undefined : c.functions[id];
  if (!fn) return new CellError("#NAME?", id === undefined ? `unknown function ${name}` : `${name} (${id}) was never associated`);
  // Custom functions get every argument as a matrix (Excel on the web sends blanks as null).
  const values = args.map((_, k) => {
    const v = ev(k);
    return matrix(c, v);
  });
  const err = values.flat(2).find((v) => v instanceof CellError);
  if (err) return err;
  try {
    const result = fn(...values);
    if (Array.isArray(result)) return result as Scalar[][];
    return result as Scalar;
  } catch (e) {
    const x = e as { code?: string; message?: string };
    return new CellError(x.code ?? "#VALUE!", x.message ?? String(e));
  }
}

// ---- the workbook -------------------------------------------------------------------------

const cache = new WeakMap<WorkbookState, Map<string, Scalar>>();

export function evaluateCell(state: WorkbookState, sheet: SheetState, row: number, column: number, functions: Record<string, CustomFunction>): Scalar {
  let memo = cache.get(state);
  if (!memo) cache.set(state, (memo = new Map()));
  const key = `${sheet.id}:${row},${column}`;
  if (memo.has(key)) {
    const v = memo.get(key)!;
    if (v instanceof CellError && v.code === "#CYCLE") return new CellError("#REF!", "circular reference");
    return v;
  }
  const cell = sheet.cell(row, column);
  if (!cell?.formula) return cell ? (cell.value === "" ? null : cell.value) : null;
  memo.set(key, new CellError("#CYCLE"));
  const saved = current;
  const c: Context = { state, sheet, row, column, functions };
  current = c;
  let v: Scalar;
  try {
    const result = parse(tokenize(cell.formula.slice(1)))(c);
    current = c;
    v = Array.isArray(result) ? (result[0]?.[0] ?? null) : scalar(result);
    if (typeof v === "number" && !Number.isFinite(v)) v = new CellError("#NUM!");
  } finally {
    current = saved;
  }
  memo.set(key, v);
  return v;
}

/** Computes every formula cell of the workbook into its value (errors as "#CODE" text). */
export function recalculate(state: WorkbookState, functions: Record<string, CustomFunction>): void {
  cache.delete(state);
  for (const sheet of state.sheets) {
    for (const [key, cell] of sheet.cells) {
      if (!cell.formula) continue;
      const [r, k] = key.split(",").map(Number);
      const v = evaluateCell(state, sheet, r, k, functions);
      cell.value = v instanceof CellError ? v.code : v === null ? "" : v;
      if (v instanceof CellError) (cell as { error?: string }).error = v.message;
      else delete (cell as { error?: string }).error;
    }
  }
}
