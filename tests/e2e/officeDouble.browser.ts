/**
 * The browser build of the in-memory Excel double, served in place of Microsoft's office.js by the
 * end-to-end test: it installs `Office`, `Excel` (and a do-nothing `CustomFunctions`, for the
 * functions chunk the same page loads) on window. The test sets window.__displayLanguage first.
 */
import { installFakeOffice } from "../doubles/excel/install";

const w = window as unknown as Record<string, unknown> & { __displayLanguage?: string };
installFakeOffice(w, { displayLanguage: w.__displayLanguage ?? "en-GB" });

class CustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}
w.CustomFunctions = {
  associate: () => undefined,
  Error: CustomFunctionsError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
};
