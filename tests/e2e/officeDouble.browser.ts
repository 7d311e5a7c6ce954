/**
 * The browser build of the in-memory Excel double, served in place of Microsoft's office.js by the
 * end-to-end test: it installs `Office`, `Excel` and `CustomFunctions` on window; the functions chunk
 * the same page loads registers the add-in's functions through CustomFunctions.associate, so the
 * double can compute the workbook with them. The test sets window.__displayLanguage first, and
 * window.__functionMetadata: the built functions.json or functions-fr.json that the manifest picks
 * for that language, whose names Excel registers.
 */
import { installFakeOffice, type FunctionMetadata } from "../doubles/excel/install";

const w = window as unknown as Record<string, unknown> & { __displayLanguage?: string; __functionMetadata?: FunctionMetadata };
installFakeOffice(w, { displayLanguage: w.__displayLanguage ?? "en-GB", functionMetadata: w.__functionMetadata });

