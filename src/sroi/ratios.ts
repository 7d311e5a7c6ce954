/** Totals and ratios of an assessment (SROI guide, stage 5). */
import { Decimal } from "./decimal";
import { Result, fail, ok } from "./issues";

/** NPV = PV − value of inputs */
export function netPresentValue(presentValue: Decimal, inputs: Decimal): Decimal {
  return presentValue.minus(inputs);
}

function checkInputs(inputs: Decimal): Result<Decimal> {
  if (inputs.isZero()) return fail({ code: "divisionByZero", field: "inputs" });
  if (inputs.isNegative()) return fail({ code: "negative", field: "inputs", value: inputs.toNumber() });
  return ok(inputs);
}

/** SROI ratio = PV / value of inputs, reported as "x : 1". */
export function sroiRatio(presentValue: Decimal, inputs: Decimal): Result<Decimal> {
  const i = checkInputs(inputs);
  return i.ok ? ok(presentValue.div(i.value)) : i;
}

/** net ratio = NPV / value of inputs (= ratio − 1) */
export function netRatio(presentValue: Decimal, inputs: Decimal): Result<Decimal> {
  const i = checkInputs(inputs);
  return i.ok ? ok(presentValue.minus(i.value).div(i.value)) : i;
}

/**
 * payback = value of inputs / (annual impact / 12), in months, where the annual impact is the sum of
 * the outcomes' net impact (first-year level, undiscounted).
 */
export function paybackMonths(inputs: Decimal, annualImpact: Decimal): Result<Decimal> {
  const i = checkInputs(inputs);
  if (!i.ok) return i;
  if (annualImpact.isZero()) return fail({ code: "divisionByZero", field: "annualImpact" });
  if (annualImpact.isNegative()) return fail({ code: "noPayback", field: "annualImpact", value: annualImpact.toNumber() });
  return ok(i.value.div(annualImpact.div(12)));
}

/**
 * Break-even multiplier: the factor by which one outcome's present value (or the whole map's) must be
 * multiplied, all else unchanged, for the ratio to be 1 : 1 — the switching value of that value (§9).
 * k = (inputs − (total − pv)) ÷ pv; with the whole map (total = pv), k = inputs ÷ pv = 1 ÷ ratio.
 * Below 1: the value may fall by (1 − k) before the ratio reaches 1 : 1; negative: the other outcomes
 * alone already exceed the inputs.
 */
export function breakEvenMultiplier(presentValue: Decimal, inputs: Decimal, totalValue: Decimal = presentValue): Result<Decimal> {
  const i = checkInputs(inputs);
  if (!i.ok) return i;
  if (presentValue.isZero()) return fail({ code: "divisionByZero", field: "presentValue" });
  return ok(i.value.minus(totalValue.minus(presentValue)).div(presentValue));
}
