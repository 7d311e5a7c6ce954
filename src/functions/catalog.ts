/**
 * The custom functions' one declaration (catalog.json), typed: ids, English and French names,
 * descriptions, and each parameter's core Field. The build checks functions.ts's JSDoc against it
 * and makes functions-fr.json from it (scripts/metadata-fr.js); the wrappers read their arguments'
 * fields from it, and the error messages name arguments as Excel shows them, in Office's language.
 */
import type { Field, Lang } from "../sroi";
import declared from "./catalog.json";

export type Words = Record<Lang, string>;

export interface ParameterDeclaration {
  field: Field;
  name: Words;
  description: Words;
  optional: boolean;
}

export interface FunctionDeclaration {
  id: string;
  name: Words;
  description: Words;
  returns: Words;
  parameters: ParameterDeclaration[];
}

export const CATALOG = declared as FunctionDeclaration[];

export function declaration(id: string): FunctionDeclaration {
  const d = CATALOG.find((f) => f.id === id);
  if (!d) throw new Error(`no custom function ${id} in src/functions/catalog.json`);
  return d;
}

/** The name a parameter of this field has in Excel's autocomplete: quantity / quantite, net_impact / impact_net. */
export function argumentName(field: Field, lang: Lang): string {
  for (const f of CATALOG) for (const p of f.parameters) if (p.field === field) return p.name[lang];
  return field;
}

/** "SROI.NETIMPACT" / "SROI.IMPACTNET": a function as a formula writes it in a language. */
export const formulaName = (id: string, lang: Lang): string => `SROI.${declaration(id).name[lang]}`;

/**
 * The display languages for which manifest.xml points Excel at functions-fr.json (its bt:Override
 * Locale list on Functions.Metadata.Url, which tests/manifest checks against this list). Under any
 * other display language Excel registers the English names, even in another French locale.
 */
export const FRENCH_METADATA_LOCALES = ["fr-fr", "fr-be", "fr-ch", "fr-ca", "fr-lu"] as const;

/** The language of the function names Excel registers under this display language. */
export function metadataLang(displayLanguage: string | undefined): Lang {
  return (FRENCH_METADATA_LOCALES as readonly string[]).includes((displayLanguage ?? "").toLowerCase()) ? "fr" : "en";
}
