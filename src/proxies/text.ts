/** Text as people type it in either language, made comparable: no case, no accents, single spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Only letters and digits survive: "Name (English)" and "name_en" both become "nameenglish"/"nameen". */
export const foldKey = (text: string): string => fold(text).replace(/[^a-z0-9]/g, "");

/**
 * Excel reads a cell typed as = + - @ as a formula, and so does a spreadsheet opening a CSV
 * ("CSV injection"). Such text is kept as text and marked so writers escape it.
 */
export const looksLikeFormula = (text: string): boolean => /^[=+\-@]/.test(text);
