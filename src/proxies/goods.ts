/**
 * The everyday goods of the value game (method: stakeholder valuation): participants place each
 * benefit against a good of known price. The starter set ships as data (data/value-game-goods.csv →
 * goods.generated.ts), each price with its currency, year and source; the pane lets users edit
 * them and add their own.
 */
import { STARTER_GOODS } from "./goods.generated";

/** A good of the starter set, as data/value-game-goods.csv holds it. */
export interface StarterGood {
  id: string;
  nameEn: string;
  nameFr: string;
  /** price of one good, in `currency` */
  price: number;
  /** ISO 4217 code */
  currency: string;
  /** the year the price was observed */
  priceYear: number;
  /** FR, UK */
  country: string;
  source: string;
  url: string;
  notes: string;
  /** when the price was read in its source (YYYY-MM-DD) */
  taken: string;
}

export { STARTER_GOODS };

/** The starter goods priced in a currency (EUR: French prices, GBP: UK prices), in data order. */
export function starterGoods(currency: string): StarterGood[] {
  const c = currency.trim().toUpperCase();
  return STARTER_GOODS.filter((g) => g.currency === c);
}
