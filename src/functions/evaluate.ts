/**
 * The custom functions' work, free of Excel's runtime: arguments in (as Excel sends them), typed
 * results or issues out. src/functions/functions.ts only maps these to Excel values and errors.
 *
 * Whole columns arrive here, so this is the hot path: values are checked by the quick tests of
 * validate.ts and computed in double by src/sroi/fast.ts (within 1e-12 of the Decimal core). A
 * cell the quick test does not pass goes through the core's reader, which gives the same issue,
 * message and place as ever; places are only built for those cells. Results are rounded to the 15
 * significant digits Excel keeps (toFifteenDigits), so a short decimal result stays exact.
 */
import {
  Decimal,
  FloatTotal,
  Issue,
  Result,
  ZERO,
  dec,
  fail,
  netImpactFloat,
  ok,
  presentValueFloat,
  projectOutcomeFloat,
  toFifteenDigits,
  Raw,
  isBlank,
  isPlainNumber,
  isPlainQuantity,
  isPlainRate,
  isPlainShare,
  isPlainYears,
  readBoolean,
  readDuration,
  readNumber,
  readPercent,
  readProxy,
  readQuantity,
  readRate,
  readStart,
  readWholeYears,
  shareOf,
} from "../sroi";
import { Arg, Matrix, broadcastShape, placeOf, valueAt } from "./args";

/** A cell of a returned array: a value, a problem limited to that cell, or a blank for an empty row. */
export type CellResult = number | Issue | null;

const isIssue = (x: unknown): x is Issue => typeof x === "object" && x !== null && "code" in x;

/**
 * An argument resolved once per call: its matrix, or the one value every cell shares (a single
 * value, or null when omitted). Reading a cell is then one test and two indexings, which a column
 * of 100,000 rows repays.
 */
interface Source {
  matrix: Matrix | null;
  single: Raw;
}

const sourceOf = (a: Arg): Source =>
  a.values && !(a.values.length === 1 && a.values[0].length === 1) ? { matrix: a.values, single: null } : { matrix: null, single: valueAt(a, 0, 0) };

/** The value at a cell of the shared shape, as valueAt gives it. */
const cellAt = (s: Source, r: number, c: number): Raw => (s.matrix === null ? s.single : s.matrix[r]?.[c]);

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
  const { rows, columns } = shape.value;
  const [qs, ps, dws, dps, ats] = all.map(sourceOf);
  const out = new Array<CellResult[]>(rows);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const q = cellAt(qs, r, c);
      const p = cellAt(ps, r, c);
      const dw = cellAt(dws, r, c);
      const dp = cellAt(dps, r, c);
      const at = cellAt(ats, r, c);
      const cell =
        isPlainQuantity(q) && isPlainNumber(p) && isPlainShare(dw) && isPlainShare(dp) && isPlainShare(at)
          ? toFifteenDigits(netImpactFloat(q, p, shareOf(dw), shareOf(dp), shareOf(at)))
          : netImpactRead(all, q, p, dw, dp, at, r, c);
      // A column of outcomes (the usual spill): one literal per row, sized once, nothing to grow.
      if (columns === 1) out[r] = [cell];
      else (out[r] ??= new Array<CellResult>(columns))[c] = cell;
    }
  }
  return ok(out);
}

/** A cell the quick tests did not pass: blank, or through the readers (their value or issue). */
function netImpactRead(args: Arg[], q: Raw, p: Raw, dw: Raw, dp: Raw, at: Raw, r: number, c: number): CellResult {
  if (isBlank(q) && isBlank(p)) return null;
  const [quantity, proxy, deadweight, displacement, attribution] = args;
  const read = first<[Decimal, Decimal, Decimal, Decimal, Decimal]>(
    readQuantity(q, placeOf(quantity, r, c)),
    readProxy(p, placeOf(proxy, r, c)),
    readPercent(dw, "deadweight", placeOf(deadweight, r, c)),
    readPercent(dp, "displacement", placeOf(displacement, r, c)),
    readPercent(at, "attribution", placeOf(attribution, r, c)),
  );
  if (!read.ok) return read.issue;
  const [qv, pv, dwv, dpv, atv] = read.value.map((v) => v.toNumber());
  return toFifteenDigits(netImpactFloat(qv, pv, dwv, dpv, atv));
}

/**
 * Excel desktop sends a blank cell inside a range as 0. Where 0 can never be a value (a start is 1
 * or 2), a 0 is read as the blank it almost surely is, so desktop and web agree.
 */
const blankIfZero = (raw: Raw): Raw => (raw === 0 ? null : raw);

interface Life {
  impact: number;
  duration: number;
  dropOff: number;
  start: 1 | 2;
}

/** The four arguments that describe outcomes (net impact, duration, drop-off, start), resolved once. */
interface Outcomes {
  args: [netImpact: Arg, duration: Arg, dropOff: Arg, start: Arg];
  cells: [netImpact: Source, duration: Source, dropOff: Source, start: Source];
}

const outcomesOf = (netImpactArg: Arg, duration: Arg, dropOff: Arg, start: Arg): Outcomes => ({
  args: [netImpactArg, duration, dropOff, start],
  cells: [sourceOf(netImpactArg), sourceOf(duration), sourceOf(dropOff), sourceOf(start)],
});

/**
 * Reads one outcome's impact and life at a cell into `life` and returns null; returns NO_LIFE when
 * the row has no impact to carry, or the problem. One Life is filled again for every row, so a
 * column of outcomes allocates nothing.
 */
function readLife(outcomes: Outcomes, r: number, c: number, life: Life): Result<Life | null> | null {
  const cells = outcomes.cells; // indexed, not destructured: this runs once per outcome row
  const rawImpact = cellAt(cells[0], r, c);
  let impact: number;
  if (isPlainNumber(rawImpact)) impact = rawImpact;
  else {
    const read = readNumber(rawImpact, "netImpact", placeOf(outcomes.args[0], r, c));
    if (!read.ok) return read;
    if (read.value === null) return NO_LIFE;
    impact = read.value.toNumber();
  }
  const rawDuration = cellAt(cells[1], r, c);
  // An empty outcome row is skipped; a blank duration on a row with an impact is an error.
  if (impact === 0 && isBlank(rawDuration)) return NO_LIFE;
  const rawDropOff = cellAt(cells[2], r, c);
  const rawStart = blankIfZero(cellAt(cells[3], r, c));
  if (isPlainYears(rawDuration) && isPlainShare(rawDropOff) && (rawStart === 1 || rawStart === 2 || rawStart === null || rawStart === undefined)) {
    life.impact = impact;
    life.duration = rawDuration;
    life.dropOff = shareOf(rawDropOff);
    life.start = rawStart ?? 1;
    return null;
  }
  const [, duration, dropOff, start] = outcomes.args;
  const read = first<[number, Decimal, 1 | 2]>(
    readDuration(rawDuration, placeOf(duration, r, c)),
    readPercent(rawDropOff, "dropOff", placeOf(dropOff, r, c)),
    readStart(rawStart, placeOf(start, r, c)),
  );
  if (!read.ok) return read;
  life.impact = impact;
  life.duration = read.value[0];
  life.dropOff = read.value[1].toNumber();
  life.start = read.value[2];
  return null;
}

const NO_LIFE: Result<Life | null> = ok(null);
const newLife = (): Life => ({ impact: 0, duration: 0, dropOff: 0, start: 1 });

/** SROI.PROJECT: one row of yearly values per outcome, outcomes read row by row. */
export interface Projection {
  /** the number of years shown: every row is this wide, blank and error rows included */
  years: number;
  rows: (number[] | Issue | null)[];
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
  const out: (number[] | Issue | null)[] = [];
  const outcomes = outcomesOf(netImpactArg, duration, dropOff, start);
  const life = newLife();
  for (let r = 0; r < shape.value.rows; r++) {
    for (let c = 0; c < shape.value.columns; c++) {
      const read = readLife(outcomes, r, c, life);
      if (read === null) {
        const values = projectOutcomeFloat(life.impact, life.duration, life.dropOff, life.start, count.value);
        for (let t = 0; t < values.length; t++) values[t] = toFifteenDigits(values[t]);
        out.push(values);
      }
      else out.push(read.ok ? null : read.issue);
    }
  }
  return ok({ years: count.value, rows: out });
}

/**
 * SROI.PV: the present value summed over every outcome given. The rate and discount_year1 are
 * usually one value for all rows: then they are read once, but their problem (if any) is still
 * reported at the first outcome row that needs them, after that row's own problems, as before.
 */
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
  const rateOnce = isSingleValue(rate) ? readRateAt(rate, 0, 0) : null;
  const yearOneOnce = isSingleValue(discountYear1) ? readYearOneAt(discountYear1, 0, 0) : null;
  const sum = new FloatTotal();
  const outcomes = outcomesOf(netImpactArg, duration, dropOff, start);
  const life = newLife();
  for (let r = 0; r < shape.value.rows; r++) {
    for (let c = 0; c < shape.value.columns; c++) {
      const read = readLife(outcomes, r, c, life);
      if (read !== null) {
        if (!read.ok) return read;
        continue; // an empty row
      }
      const rv = rateOnce ?? readRateAt(rate, r, c);
      if (!rv.ok) return rv;
      const dy1 = yearOneOnce ?? readYearOneAt(discountYear1, r, c);
      if (!dy1.ok) return dy1;
      sum.add(presentValueFloat(rv.value, life.impact, life.duration, life.dropOff, life.start, dy1.value));
    }
  }
  return ok(dec(toFifteenDigits(sum.value())));
}

const isSingleValue = (a: Arg): boolean => !a.values || (a.values.length === 1 && a.values[0].length === 1);

function readRateAt(rate: Arg, r: number, c: number): Result<number> {
  const raw = valueAt(rate, r, c);
  if (isPlainRate(raw)) return ok(raw);
  const read = readRate(raw, placeOf(rate, r, c));
  return read.ok ? ok(read.value.toNumber()) : read;
}

// discount_year1 TRUE (default): year 1 is discounted, as Excel's NPV does.
const readYearOneAt = (a: Arg, r: number, c: number): Result<boolean> =>
  readBoolean(valueAt(a, r, c), "discountYear1", true, placeOf(a, r, c));

/**
 * The total of a value or range; blanks count as 0, text is refused with its place. Money totals
 * keep decimal arithmetic: 0.1 + 0.2 − 0.3 must be 0 (#DIV/0! for inputs), not the 2.8e-17 the
 * doubles add up to.
 */
export function total(a: Arg): Result<Decimal> {
  let sum = ZERO;
  const m = a.values ?? [];
  for (let r = 0; r < m.length; r++) {
    for (let c = 0; c < m[r].length; c++) {
      const raw = m[r][c];
      if (isPlainNumber(raw)) {
        if (raw !== 0) sum = sum.plus(raw);
        continue;
      }
      const v = readNumber(raw, a.field, placeOf(a, r, c)); // places built only for a problem or a blank
      if (!v.ok) return v;
      if (v.value) sum = sum.plus(v.value);
    }
  }
  return ok(sum);
}

export { isIssue };
