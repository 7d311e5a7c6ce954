/**
 * Typed problems found in the input. The core never throws strings: it returns these values, and the
 * messages that users read are made from them in one place (src/i18n/messages.ts).
 */

/** What a value is, in the domain's words. Each field has a label per language in src/i18n. */
export type Field =
  | "quantity"
  | "proxy"
  | "units"
  | "deadweight"
  | "displacement"
  | "attribution"
  | "dropOff"
  | "duration"
  | "start"
  | "rate"
  | "discountYear1"
  | "years"
  | "netImpact"
  | "presentValue"
  | "inputs"
  | "totalValue"
  | "annualImpact"
  | "proxyId"
  | "proxyField"
  | "proxyTable"
  | "amount"
  | "fromYear"
  | "toYear"
  | "priceIndex"
  | "valuationMethod"
  | "exchangeRate"
  | "priceYear"
  | "assessmentType"
  | "intended"
  | "polarity";

export type IssueCode =
  /** text (or another non-number) where a number is needed */
  | "notANumber"
  /** blank where a value is needed */
  | "required"
  /** a percentage below 0 % or far above 100 % */
  | "percentOutOfRange"
  /** a percentage typed as a whole number, such as 25 for 25 % */
  | "percentLooksWhole"
  /** a negative value where only zero or more makes sense (quantity, total of inputs) */
  | "negative"
  /** a fraction where a whole number is needed (duration, years) */
  | "notWholeNumber"
  /** a whole number above the largest the core accepts */
  | "tooLarge"
  /** a start that is neither 1 nor 2 */
  | "startNotOneOrTwo"
  /** a discount rate of −100 % or less */
  | "rateTooLow"
  /** a discount rate typed as a whole number, such as 3.5 for 3.5 % */
  | "rateLooksWhole"
  /** a value that is neither TRUE nor FALSE */
  | "notABoolean"
  /** two ranges that do not have the same number of rows and columns */
  | "shapeMismatch"
  /** a division by a total of zero (inputs) */
  | "divisionByZero"
  /** the annual impact is negative: the inputs are never paid back */
  | "noPayback"
  /** no proxy has this id */
  | "unknownProxy"
  /** a proxy has no such field */
  | "unknownProxyField"
  /** a "where to look" proxy entry: it names a source, it has no value */
  | "proxyIsReference"
  /** a range given as the Proxies table has no header row with an id column */
  | "notAProxyTable"
  /** no consumer-price index has this name */
  | "unknownPriceIndex"
  /** the consumer-price index has no figure for this year */
  | "yearNotInPriceIndex"
  /** text that is none of the valuation methods (additional income, cost saved…) */
  | "notAValuationMethod"
  /** a proxy in another currency than the assessment's, with no exchange rate recorded */
  | "foreignProxyWithoutRate"
  /** zero or less where only a positive value makes sense (an exchange rate) */
  | "notPositive"
  /** a number that is not a whole year from 1900 to 2100 (a price year) */
  | "notAYear"
  /** text that is none of a list's choices (forecast / evaluative, intended / unintended…); `available` lists them */
  | "notAChoice";

/** Where the value sits: 1-based row and column inside the argument's range, when it is a range. */
export interface Place {
  row?: number;
  column?: number;
}

export interface Issue extends Place {
  code: IssueCode;
  field: Field;
  /** the offending value, as the user typed it */
  value?: string | number | boolean | null;
  /** for shapeMismatch: the field whose shape differs from `field`'s */
  other?: Field;
  /** for shapeMismatch: the two shapes, as "rows×columns" */
  shapes?: [string, string];
  /** for tooLarge: the largest value accepted */
  limit?: number;
  /** for yearNotInPriceIndex: the index whose figure is missing ("FR") */
  priceIndex?: string;
  /** for unknownPriceIndex, yearNotInPriceIndex and notAChoice: what there is to choose from ("FR", "2015, 2020–2022") */
  available?: string;
  /** for foreignProxyWithoutRate: the assessment's currency */
  currency?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issue: Issue };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(issue: Issue): Result<T> => ({ ok: false, issue });
