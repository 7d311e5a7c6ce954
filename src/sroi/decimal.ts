import DecimalJs from "decimal.js";

/**
 * The core's own Decimal constructor. Settings live on this clone, so no other code (a library, the
 * task pane) can change how the core rounds.
 * - precision: significant digits kept by every operation (legal range 1 to 1e9). 40 digits keep
 *   sums over a thousand years exact far beyond the cent.
 * - rounding: ROUND_HALF_UP, the rounding finance staff expect (legal values 0 to 8).
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** A JavaScript number becomes a Decimal through its shortest decimal text, so 0.1 stays 0.1. */
export function dec(value: number | string | Decimal): Decimal {
  return new Decimal(value);
}
