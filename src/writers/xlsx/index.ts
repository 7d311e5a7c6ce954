/** Portable workbooks as .xlsx files: write a WorkbookLayout, read the SROI tables back. */
export { writeXlsx } from "./write";
export { readXlsx, NotAWorkbook } from "./read";
export type { HeaderSpec, TableContents, WorkbookContents } from "./read";
export { fileFormula } from "./formula";
