/**
 * Issues become Excel errors here, and only here. Only #VALUE! and #N/A show a custom message, so
 * every problem a user can fix is #VALUE! (or #N/A for an unknown proxy, price index or index year) with a message that names
 * the argument and the row; a total of zero is #DIV/0!, as Excel's own functions give.
 */
import { describe } from "../i18n/messages";
import { argumentName } from "./catalog";
import { officeLang } from "../i18n/lang";
import type { Issue } from "../sroi";

export function toExcelError(issue: Issue): CustomFunctions.Error {
  const lang = officeLang();
  const message = describe(issue, lang, (field) => argumentName(field, lang));
  switch (issue.code) {
    case "divisionByZero":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero, message);
    case "unknownProxy":
    case "proxyIsReference":
    case "unknownPriceIndex":
    case "yearNotInPriceIndex":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    default:
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
}

/** An unexpected fault still becomes a readable #VALUE!, never a bare one. */
export function unexpected(error: unknown): CustomFunctions.Error {
  const text = error instanceof Error ? error.message : String(error);
  const lang = officeLang();
  const message = lang === "fr" ? `Erreur inattendue du complément SROI : ${text}` : `Unexpected SROI add-in error: ${text}`;
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** A result beyond JavaScript's (and Excel's) largest number: #NUM!, as Excel's own arithmetic gives. */
export function overflow(): CustomFunctions.Error {
  const message =
    officeLang() === "fr"
      ? "Le résultat dépasse le plus grand nombre qu'Excel peut contenir (vérifiez les quantités et les proxys)."
      : "The result is beyond the largest number Excel can hold (check the quantities and proxies).";
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, message);
}
