/** What the proxy domain reports: warnings on a proxy, and why an imported row or file is refused. */
import type { ProxyColumnKey } from "./types";

export type ProxyWarning =
  /** a "where to look" entry: there is no value to use */
  | { code: "referenceOnly"; url: string }
  /** prices of more than `maxAge` years ago: adjust for inflation or find a newer figure */
  | { code: "oldPriceYear"; priceYear: number; age: number }
  | { code: "noPriceYear" }
  /** the proxy is in another currency than the assessment */
  | { code: "currencyDiffers"; currency: string; assessmentCurrency: string }
  /** neither a source nor a link: the value cannot be checked */
  | { code: "noSource" };

export type ImportProblemCode =
  | "missingId"
  | "missingName"
  | "missingValue"
  | "notANumber"
  | "notAYear"
  | "unknownMethod"
  | "missingCurrency"
  | "invalidCurrency"
  | "unknownKind"
  | "referenceWithValue"
  | "referenceWithoutLink"
  | "duplicateId"
  | "malformedRow";

/** One reason a row was refused: where (row as the user counts it, column) and why. */
export interface ImportProblem {
  code: ImportProblemCode;
  /** 1-based row as the user sees it: the header is row 1 of a file (or the range's first row) */
  row: number;
  column?: ProxyColumnKey;
  /** the column's header as written in the file, for the message */
  header?: string;
  /** the offending cell, as read */
  value?: string | number | boolean | null;
  /** for duplicateId: the row where the id first appears */
  firstRow?: number;
}

export type FileProblemCode = "empty" | "missingColumn";
export interface FileProblem {
  code: FileProblemCode;
  column?: ProxyColumnKey;
}

