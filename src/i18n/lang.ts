import type { Lang } from "../sroi";

export type { Lang };

/** Office's display language ("fr-FR", "fr-BE", "en-GB"…) decides; anything not French is English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** Office's display language as Office gives it ("fr-FR"), or undefined outside Office. */
export function officeLocale(): string | undefined {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  try {
    return office?.context?.displayLanguage;
  } catch {
    return undefined;
  }
}

/** The language of the running Office, or English outside Office (tests, the command line). */
export function officeLang(): Lang {
  return langFromLocale(officeLocale());
}
