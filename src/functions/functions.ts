/**
 * The SROI custom functions. custom-functions-metadata-plugin reads the JSDoc of this one file to
 * build functions.json and registers each top-level function; do not call associate() here.
 * Every function is a thin wrapper: Excel's arguments → src/functions/evaluate.ts (the core) →
 * Excel values and errors. Ranges arrive as matrices, an omitted optional argument as null.
 */
/* global CustomFunctions */
import type { Decimal } from "../sroi";
import type { Result } from "../sroi";
import { breakEvenMultiplier, netPresentValue, netRatio as netRatioOf, paybackMonths, sroiRatio } from "../sroi";
import { Arg, arg, broadcastShape, placeOf, valueAt } from "./args";
import { declaration } from "./catalog";
import { CellResult, isIssue, netImpactCells, presentValueSum, projectRows, total } from "./evaluate";
import { overflow, toExcelError, unexpected } from "./excelErrors";
import { officeLang } from "../i18n/lang";
import { rebaseCell } from "../proxies/cpi";

type Cell = number | string | CustomFunctions.Error;

/** A Decimal as the number Excel stores; beyond its range, #NUM! with a message rather than ±Infinity. */
function numberOf(d: Decimal): number {
  const n = d.toNumber();
  if (!Number.isFinite(n)) throw overflow();
  return n;
}

function cellOf(x: CellResult): Cell {
  if (x === null) return ""; // a blank-looking cell: null would show as 0
  if (isIssue(x)) return toExcelError(x);
  return Number.isFinite(x) ? x : overflow();
}

/** A row of results as Excel shows them, converted in place: a spilled column allocates nothing more. */
function cellsOf(row: CellResult[]): Cell[] {
  for (let k = 0; k < row.length; k++) (row as unknown[])[k] = cellOf(row[k]);
  return row as unknown as Cell[];
}

function valueOrThrow(r: Result<Decimal>): number {
  if (!r.ok) throw toExcelError(r.issue);
  return numberOf(r.value);
}

/** A call's arguments, each with its core field from the one declaration (catalog.json), in its order. */
function argsOf(id: string, values: unknown[]): Arg[] {
  return declaration(id).parameters.map((p, i) => arg(p.field, values[i]));
}

/** Any fault that escapes becomes a readable error, never a bare #VALUE!. */
function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) throw e;
    throw unexpected(e);
  }
}

/**
 * Net annual impact of an outcome: quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution). With ranges, one result per row (spills).
 * @customfunction NETIMPACT
 * @param quantity How many stakeholders experienced the change: a value or a column of outcome rows.
 * @param proxy Financial proxy: money value of one unit of the change (negative for a negative outcome).
 * @param [deadweight] Share that would have happened anyway, 0 to 100 % (blank: 0 %).
 * @param [displacement] Share that only displaced a change elsewhere, 0 to 100 % (blank: 0 %).
 * @param [attribution] Share due to others, 0 to 100 % (blank: 0 %).
 * @returns The net impact per year, in money.
 */
export function netImpact(
  quantity: any[][],
  proxy: any[][],
  deadweight?: any[][],
  displacement?: any[][],
  attribution?: any[][],
): any[][] {
  return guard(() => {
    const r = netImpactCells(...(argsOf("NETIMPACT", [quantity, proxy, deadweight, displacement, attribution]) as [Arg, Arg, Arg, Arg, Arg]));
    if (!r.ok) throw toExcelError(r.issue);
    return r.value.map(cellsOf);
  });
}

/**
 * Yearly values of an outcome, years 1 to N as a row: net impact × (1 − drop-off)^(year − start) while the outcome lasts. With ranges, one row per outcome (spills).
 * @customfunction PROJECT
 * @param net_impact Net annual impact of the outcome (see SROI.NETIMPACT): a value or a column of outcome rows.
 * @param duration Years the outcome lasts, a whole number (0 means no value).
 * @param [dropoff] Yearly decline of the outcome after its first year, 0 to 100 % (blank: 0 %).
 * @param [start] 1 if the outcome starts during the activity, 2 if in the period after (blank: 1).
 * @param [years] Number of years to show (blank: 5).
 * @returns One row of yearly values per outcome.
 */
export function project(
  net_impact: any[][],
  duration: any[][],
  dropoff?: any[][],
  start?: any[][],
  years?: any[][],
): any[][] {
  return guard(() => {
    const r = projectRows(...(argsOf("PROJECT", [net_impact, duration, dropoff, start, years]) as [Arg, Arg, Arg, Arg, Arg]));
    if (!r.ok) throw toExcelError(r.issue);
    const width = r.value.years; // blank and error rows as wide as the others, so the spill keeps its size
    return r.value.rows.map((row): Cell[] => {
      if (row === null) return new Array<Cell>(width).fill("");
      if (isIssue(row)) return new Array<Cell>(width).fill(toExcelError(row));
      return cellsOf(row);
    });
  });
}

/**
 * Present value of outcomes: the sum over years of value ÷ (1 + rate)^year, year 1 discounted as Excel's NPV does. Summed over all rows given.
 * @customfunction PV
 * @param rate Discount rate, e.g. 3.5% (HM Treasury Green Book).
 * @param net_impact Net annual impact of each outcome: a value or a column of outcome rows.
 * @param duration Years each outcome lasts, a whole number.
 * @param [dropoff] Yearly decline after the first year, 0 to 100 % (blank: 0 %).
 * @param [start] 1 if the outcome starts during the activity, 2 if in the period after (blank: 1).
 * @param [discount_year1] TRUE (blank) to discount year 1; FALSE to leave year 1 undiscounted.
 * @returns The total present value, in money.
 */
export function pv(
  rate: any[][],
  net_impact: any[][],
  duration: any[][],
  dropoff?: any[][],
  start?: any[][],
  discount_year1?: any[][],
): number {
  return guard(() =>
    valueOrThrow(
      presentValueSum(...(argsOf("PV", [rate, net_impact, duration, dropoff, start, discount_year1]) as [Arg, Arg, Arg, Arg, Arg, Arg])),
    ),
  );
}

/** Totals of the two arguments of the ratio functions, or the first problem. */
function totalsOf(id: string, first: unknown, second: unknown): [Decimal, Decimal] {
  const [a, b] = argsOf(id, [first, second]).map(total);
  if (!a.ok) throw toExcelError(a.issue);
  if (!b.ok) throw toExcelError(b.issue);
  return [a.value, b.value];
}

/**
 * Net present value: total present value minus the total value of inputs.
 * @customfunction NPV
 * @param present_value Present value of the outcomes: a value or a range (summed).
 * @param inputs Value of the inputs: a value, a row or a block (summed; blanks count as 0).
 * @returns The net present value, in money.
 */
export function npv(present_value: any[][], inputs: any[][]): number {
  return guard(() => {
    const [p, i] = totalsOf("NPV", present_value, inputs);
    return numberOf(netPresentValue(p, i));
  });
}

/**
 * SROI ratio: total present value divided by the total value of inputs (reported as "x : 1").
 * @customfunction RATIO
 * @param present_value Present value of the outcomes: a value or a range (summed).
 * @param inputs Value of the inputs: a value, a row or a block (summed; blanks count as 0).
 * @returns The SROI ratio, e.g. 3.2 for 3.2 : 1.
 */
export function ratio(present_value: any[][], inputs: any[][]): number {
  return guard(() => valueOrThrow(sroiRatio(...totalsOf("RATIO", present_value, inputs))));
}

/**
 * Net SROI ratio: (present value − inputs) ÷ inputs, i.e. the ratio minus 1.
 * @customfunction NETRATIO
 * @param present_value Present value of the outcomes: a value or a range (summed).
 * @param inputs Value of the inputs: a value, a row or a block (summed; blanks count as 0).
 * @returns The net SROI ratio.
 */
export function netRatio(present_value: any[][], inputs: any[][]): number {
  return guard(() => valueOrThrow(netRatioOf(...totalsOf("NETRATIO", present_value, inputs))));
}

/**
 * Payback period in months: value of inputs ÷ (annual impact ÷ 12).
 * @customfunction PAYBACK
 * @param inputs Value of the inputs: a value, a row or a block (summed; blanks count as 0).
 * @param annual_impact Net annual impact (first-year level, undiscounted): a value or a range (summed).
 * @returns Months until the inputs are paid back.
 */
export function payback(inputs: any[][], annual_impact: any[][]): number {
  return guard(() => valueOrThrow(paybackMonths(...totalsOf("PAYBACK", inputs, annual_impact))));
}

/**
 * Break-even multiplier: the factor by which a present value (one outcome's, or the whole map's) must be multiplied, all else unchanged, for the SROI ratio to be 1 : 1. Below 1, the value can fall by (1 − factor) before the ratio reaches 1 : 1.
 * @customfunction BREAKEVEN
 * @param present_value Present value to move: one outcome's, or the whole map's (a value or a range, summed).
 * @param inputs Value of the inputs: a value, a row or a block (summed; blanks count as 0).
 * @param [total_value] Present value of the whole map when present_value is one outcome's (blank or 0: present_value is the whole map).
 * @returns The break-even multiplier (e.g. 0.4: the value may fall by 60 %).
 */
export function breakEven(present_value: any[][], inputs: any[][], total_value?: any[][]): number {
  return guard(() => {
    const [p, i, t] = argsOf("BREAKEVEN", [present_value, inputs, total_value]);
    const values = [p, i].map(total);
    for (const v of values) if (!v.ok) throw toExcelError(v.issue);
    const [pv, inp] = values.map((v) => (v.ok ? v.value : undefined)) as [Decimal, Decimal];
    // Excel's desktop sends a blank cell as "" or 0, the web as null: all three mean "the whole map".
    const tv = total(t);
    if (!tv.ok) throw toExcelError(tv.issue);
    return valueOrThrow(tv.value.isZero() ? breakEvenMultiplier(pv, inp) : breakEvenMultiplier(pv, inp, tv.value));
  });
}

/**
 * A financial proxy's value or another field, by id: from the workbook's Proxies table if given, else the add-in's library. Pass the table (e.g. SroiProxies[#All]) so Excel recalculates when it changes; its rows win over the library's.
 * @customfunction PROXY
 * @param id The proxy's id, e.g. "FR-SMIC-HOUR-GROSS-2026".
 * @param [field] value (blank), name, unit, year, currency, source, url, country or method.
 * @param [proxies] The workbook's Proxies table with its header row, e.g. SroiProxies[#All]. Without it, only the library is searched.
 * @returns The proxy's value, or the text of the field asked for.
 */
export async function proxy(id: any, field?: any, proxies?: any[][]): Promise<any> {
  // The proxy library and its CSV reader load on the first call, not with the pane (issue #9);
  // Excel shows #BUSY! meanwhile. A chunk that fails to load is a readable #VALUE!, not a bare one.
  const { lookupProxy } = await import("../proxies/lookup").catch((e: unknown) => {
    throw unexpected(e);
  });
  return guard(() => {
    const r = lookupProxy(id, field, proxies ?? null, officeLang());
    if (!r.ok) throw toExcelError(r.issue);
    return r.value;
  });
}

/**
 * A money value moved from one price year to another with a consumer-price index: value × CPI(to_year) ÷ CPI(from_year). With ranges, one result per cell (spills).
 * @customfunction REBASE
 * @param value The money value to rebase, e.g. a proxy: a value or a range.
 * @param from_year The price year the value is in, e.g. 2020.
 * @param to_year The price year wanted, e.g. the assessment's year.
 * @param [index] The consumer-price index: FR (INSEE CPI, all households) or UK (ONS CPI). Blank: FR.
 * @returns The value in to_year's prices.
 */
export function rebase(value: any[][], from_year: any[][], to_year: any[][], index?: any[][]): any[][] {
  return guard(() => {
    const args = argsOf("REBASE", [value, from_year, to_year, index]);
    const shape = broadcastShape(args);
    if (!shape.ok) throw toExcelError(shape.issue);
    const [v, f, t, i] = args;
    return Array.from({ length: shape.value.rows }, (_, r) =>
      Array.from({ length: shape.value.columns }, (_, c) => {
        const cell = rebaseCell(valueAt(v, r, c), valueAt(f, r, c), valueAt(t, r, c), valueAt(i, r, c), {
          amount: placeOf(v, r, c),
          fromYear: placeOf(f, r, c),
          toYear: placeOf(t, r, c),
          priceIndex: placeOf(i, r, c),
        });
        return cellOf(!cell.ok ? cell.issue : cell.value === null ? null : cell.value.toNumber());
      }),
    );
  });
}
