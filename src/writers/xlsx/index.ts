/** Portable workbooks as .xlsx files: write a WorkbookLayout, read the SROI tables back. */
export { writeXlsx } from "./write";
export { readXlsx, NotAWorkbook, OverLimit, READ_LIMITS } from "./read";
export type { FormulaCell, HeaderSpec, ReadLimits, TableContents, WorkbookContents } from "./read";
export { fileFormula } from "./formula";
