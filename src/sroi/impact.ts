/**
 * From outcome to impact (SROI guide, stage 4): the gross value of a change, less what would have
 * happened anyway (deadweight), what only moved elsewhere (displacement) and what others caused
 * (attribution). Each deduction applies to what remains, so their order does not matter.
 */
import { Decimal, ONE } from "./decimal";

export interface OutcomeValue {
  quantity: Decimal;
  proxy: Decimal;
  /** units of the proxy per person (12 months of a monthly proxy); absent is 1 */
  units?: Decimal;
  deadweight: Decimal;
  displacement: Decimal;
  attribution: Decimal;
}

/** the value of one person's change: proxy × units per person (a monthly proxy over 8 months: proxy × 8) */
export function valuePerPerson(o: Pick<OutcomeValue, "proxy" | "units">): Decimal {
  return o.units === undefined ? o.proxy : o.proxy.times(o.units);
}

/** gross value G = quantity × proxy × units per person */
export function grossValue(o: Pick<OutcomeValue, "quantity" | "proxy" | "units">): Decimal {
  return o.quantity.times(valuePerPerson(o));
}

/** net impact I = G × (1 − deadweight) × (1 − displacement) × (1 − attribution) */
export function netImpact(o: OutcomeValue): Decimal {
  return grossValue(o)
    .times(ONE.minus(o.deadweight))
    .times(ONE.minus(o.displacement))
    .times(ONE.minus(o.attribution));
}
