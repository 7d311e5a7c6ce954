/**
 * From outcome to impact (SROI guide, stage 4): the gross value of a change, less what would have
 * happened anyway (deadweight), what only moved elsewhere (displacement) and what others caused
 * (attribution). Each deduction applies to what remains, so their order does not matter.
 */
import { Decimal, ONE } from "./decimal";

export interface OutcomeValue {
  quantity: Decimal;
  proxy: Decimal;
  deadweight: Decimal;
  displacement: Decimal;
  attribution: Decimal;
}

/** gross value G = quantity × proxy */
export function grossValue(o: Pick<OutcomeValue, "quantity" | "proxy">): Decimal {
  return o.quantity.times(o.proxy);
}

/** net impact I = G × (1 − deadweight) × (1 − displacement) × (1 − attribution) */
export function netImpact(o: OutcomeValue): Decimal {
  return grossValue(o)
    .times(ONE.minus(o.deadweight))
    .times(ONE.minus(o.displacement))
    .times(ONE.minus(o.attribution));
}
