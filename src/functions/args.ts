/**
 * Excel's arguments as the core wants them. Every argument may be a single value or a range; a
 * single value (a 1×1 range) is broadcast against the ranges, and all the ranges of one call must
 * have the same shape. Positions are 1-based, as a person counts rows in a range.
 */
import type { Field, Issue, Place, Result } from "../sroi";
import type { Raw } from "../sroi";

export type Matrix = Raw[][];

export interface Arg {
  field: Field;
  /** null when the optional argument was omitted (Excel sends null) */
  values: Matrix | null;
}

/** Excel sends a matrix for a range parameter; be lenient with a bare value all the same. */
export function asMatrix(value: unknown): Matrix | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    // Excel's own matrix is used as it is: copying a 100,000-row column cost more than computing it.
    let rows = 0;
    while (rows < value.length && Array.isArray(value[rows])) rows++;
    if (rows === value.length) return value as Matrix;
    return value.map((row) => (Array.isArray(row) ? (row as Raw[]) : [row as Raw]));
  }
  return [[value as Raw]];
}

export function arg(field: Field, value: unknown): Arg {
  return { field, values: asMatrix(value) };
}

const isSingle = (m: Matrix) => m.length === 1 && m[0].length === 1;
const shapeOf = (m: Matrix) => `${m.length}×${m[0]?.length ?? 0}`;

export interface Shape {
  rows: number;
  columns: number;
}

/** The shared shape of the ranges among these arguments (1×1 when all are single values). */
export function broadcastShape(args: Arg[]): Result<Shape> {
  let shape: Shape = { rows: 1, columns: 1 };
  let owner: Arg | null = null;
  for (const a of args) {
    if (!a.values || isSingle(a.values)) continue;
    const s = { rows: a.values.length, columns: a.values[0]?.length ?? 0 };
    if (!owner) {
      owner = a;
      shape = s;
    } else if (s.rows !== shape.rows || s.columns !== shape.columns) {
      const issue: Issue = {
        code: "shapeMismatch",
        field: a.field,
        other: owner.field,
        shapes: [shapeOf(a.values), shapeOf(owner.values!)],
      };
      return { ok: false, issue };
    }
  }
  return { ok: true, value: shape };
}

/** The value of an argument at a cell of the shared shape (a single value everywhere). */
export function valueAt(a: Arg, row: number, column: number): Raw {
  if (!a.values) return null;
  if (isSingle(a.values)) return a.values[0][0];
  return a.values[row]?.[column];
}

/** Where a cell sits inside the argument's own range, for messages; nothing for a single value. */
export function placeOf(a: Arg, row: number, column: number): Place {
  if (!a.values || isSingle(a.values)) return {};
  const place: Place = { row: row + 1 };
  if (a.values[0].length > 1) place.column = column + 1;
  return place;
}

/** Every cell of an argument with its place, row by row (for totals such as inputs). */
export function* cells(a: Arg): Generator<{ raw: Raw; place: Place }> {
  if (!a.values) return;
  for (let r = 0; r < a.values.length; r++) {
    for (let c = 0; c < a.values[r].length; c++) {
      yield { raw: a.values[r][c], place: placeOf(a, r, c) };
    }
  }
}
