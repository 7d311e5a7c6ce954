/**
 * The custom functions' work, free of Excel's runtime: arguments in (as Excel sends them), typed
 * results or issues out. src/functions/functions.ts only maps these to Excel values and errors.
 */
import { Decimal, ZERO } from "../sroi";
import { netImpact } from "../sroi";
import { Issue, Result, fail, ok } from "../sroi";
import { presentValue } from "../sroi";
import { projectOutcome } from "../sroi";
import {
  Raw,
  isBlank,
  readBoolean,
  readDuration,
  readNumber,
  readPercent,
  readProxy,
  readQuantity,
  readRate,
  readStart,
  readWholeYears,
} from "../sroi";
import { Arg, broadcastShape, cells, placeOf, valueAt } from "./args";

/** A cell of a returned array: a value, a problem limited to that cell, or a blank for an empty row. */
export type CellResult = Decimal | Issue | null;

const isIssue = (x: unknown): x is Issue => typeof x === "object" && x !== null && "code" in x;

/** Runs the readers in order and stops at the first problem. */
function first<T extends unknown[]>(...results: { [K in keyof T]: Result<T[K]> }): Result<T> {
  const values: unknown[] = [];
  for (const r of results) {
    if (!r.ok) return r;
    values.push(r.value);
  }
  return ok(values as T);
}

/** SROI.NETIMPACT: one net impact per cell of the shared shape; blank where quantity and proxy are blank. */
export function netImpactCells(
  quantity: Arg,
  proxy: Arg,
  deadweight: Arg,
  displacement: Arg,
  attribution: Arg,
): Result<CellResult[][]> {
  const all = [quantity, proxy, deadweight, displacement, attribution];
  const shape = broadcastShape(all);
  if (!shape.ok) return shape;
  const out: CellResult[][] = [];
  for (let r = 0; r < shape.value.rows; r++) {
    const row: CellResult[] = [];
    for (let c = 0; c < shape.value.columns; c++) {
      const q = valueAt(quantity, r, c);
      const p = valueAt(proxy, r, c);
      if (isBlank(q) && isBlank(p)) {
        row.push(null);
        continue;
      }
      const read = first<[Decimal, Decimal, Decimal, Decimal, Decimal]>(
        readQuantity(q, placeOf(quantity, r, c)),
        readProxy(p, placeOf(proxy, r, c)),
        readPercent(valueAt(deadweight, r, c), "deadweight", placeOf(deadweight, r, c)),
        readPercent(valueAt(displacement, r, c), "displacement", placeOf(displacement, r, c)),
        readPercent(valueAt(attribution, r, c), "attribution", placeOf(attribution, r, c)),
      );
      if (!read.ok) {
        row.push(read.issue);
        continue;
      }
      const [qv, pv, dw, dp, at] = read.value;
      row.push(netImpact({ quantity: qv, proxy: pv, deadweight: dw, displacement: dp, attribution: at }));
    }
    out.push(row);
  }
  return ok(out);
}

/**
 * Excel desktop sends a blank cell inside a range as 0. Where 0 can never be a value (a start is 1
 * or 2), a 0 is read as the blank it almost surely is, so desktop and web agree.
 */
const blankIfZero = (raw: Raw): Raw => (raw === 0 ? null : raw);

interface Life {
  impact: Decimal;
  duration: number;
  dropOff: Decimal;
  start: 1 | 2;
}

/** Reads one outcome's impact and life at a cell; null when the row has no impact to carry. */
function readLife(netImpactArg: Arg, duration: Arg, dropOff: Arg, start: Arg, r: number, c: number): Result<Life | null> {
  const rawImpact = valueAt(netImpactArg, r, c);
  const impact = readNumber(rawImpact, "netImpact", placeOf(netImpactArg, r, c));
  if (!impact.ok) return impact;
  const rawDuration = valueAt(duration, r, c);
  // An empty outcome row is skipped; a blank duration on a row with an impact is an error.
  if (impact.value === null || (impact.value.isZero() && isBlank(rawDuration))) return ok(null);
  const read = first<[number, Decimal, 1 | 2]>(
    readDuration(rawDuration, placeOf(duration, r, c)),
    readPercent(valueAt(dropOff, r, c), "dropOff", placeOf(dropOff, r, c)),
    readStart(blankIfZero(valueAt(start, r, c)), placeOf(start, r, c)),
  );
  if (!read.ok) return read;
  const [d, dof, s] = read.value;
  return ok({ impact: impact.value, duration: d, dropOff: dof, start: s });
}

/** SROI.PROJECT: one row of yearly values per outcome, outcomes read row by row. */
export interface Projection {
  /** the number of years shown: every row is this wide, blank and error rows included */
  years: number;
  rows: (Decimal[] | Issue | null)[];
}

export function projectRows(
  netImpactArg: Arg,
  duration: Arg,
  dropOff: Arg,
  start: Arg,
  years: Arg,
): Result<Projection> {
  const yearsRaw = blankIfZero(valueAt(years, 0, 0)); // 0 years would show nothing: a desktop blank
  const count = isBlank(yearsRaw) ? ok(5) : readWholeYears(yearsRaw, "years");
  if (!count.ok) return count;
  if (count.value < 1) return fail({ code: "required", field: "years" });
  const shape = broadcastShape([netImpactArg, duration, dropOff, start]);
  if (!shape.ok) return shape;
  const out: (Decimal[] | Issue | null)[] = [];
  for (let r = 0; r < shape.value.rows; r++) {
    for (let c = 0; c < shape.value.columns; c++) {
      const life = readLife(netImpactArg, duration, dropOff, start, r, c);
      if (!life.ok) out.push(life.issue);
      else if (life.value === null) out.push(null);
      else out.push(projectOutcome(life.value.impact, life.value, count.value));
    }
  }
  return ok({ years: count.value, rows: out });
}

/** SROI.PV: the present value summed over every outcome given. */
export function presentValueSum(
  rate: Arg,
  netImpactArg: Arg,
  duration: Arg,
  dropOff: Arg,
  start: Arg,
  discountYear1: Arg,
): Result<Decimal> {
  const shape = broadcastShape([rate, netImpactArg, duration, dropOff, start, discountYear1]);
  if (!shape.ok) return shape;
  let sum = ZERO;
  for (let r = 0; r < shape.value.rows; r++) {
    for (let c = 0; c < shape.value.columns; c++) {
      const life = readLife(netImpactArg, duration, dropOff, start, r, c);
      if (!life.ok) return life;
      if (life.value === null) continue;
      const read = first<[Decimal, boolean]>(
        readRate(valueAt(rate, r, c), placeOf(rate, r, c)),
        // discount_year1 TRUE (default): year 1 is discounted, as Excel's NPV does.
        readBoolean(valueAt(discountYear1, r, c), "discountYear1", true, placeOf(discountYear1, r, c)),
      );
      if (!read.ok) return read;
      const [rv, dy1] = read.value;
      sum = sum.plus(presentValue(rv, life.value.impact, life.value, { discountYear1: dy1 }));
    }
  }
  return ok(sum);
}

/** The total of a value or range; blanks count as 0, text is refused with its place. */
export function total(a: Arg): Result<Decimal> {
  let sum = ZERO;
  for (const { raw, place } of cells(a)) {
    const v = readNumber(raw, a.field, place);
    if (!v.ok) return v;
    if (v.value) sum = sum.plus(v.value);
  }
  return ok(sum);
}

export { isIssue };
