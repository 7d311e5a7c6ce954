/**
 * The table parts (xl/tables/tableN.xml) of a workbook, edited where ExcelJS 4.4 falls short:
 * it writes no <calculatedColumnFormula>, and it cannot load a table column that has any child
 * element (exceljs issue #1240, fix PR #1936 unmerged) — which every workbook Excel saves with a
 * calculated column has. The parts are edited as XML documents (@xmldom/xmldom), not with regular
 * expressions: a table part comes from whoever wrote the file, and a crafted one made the former
 * regexes backtrack for minutes. Reading goes through zip.ts, so the zip's limits hold first.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import { NotAWorkbook, OverLimit, READ_LIMITS, ReadLimits, checkSheetSizes, unzipWithinLimits, zipEntries } from "./zip";

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
const SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function parseTable(tableXml: string): Document {
  // an error stops the parser: a table part we cannot read exactly is not one
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(tableXml, "text/xml");
  } catch (e) {
    throw new NotAWorkbook(`table XML: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The <tableColumn> elements of a table part, whatever prefix the file gives the namespace. */
function tableColumns(doc: Document): Element[] {
  const byNamespace = Array.from(doc.getElementsByTagNameNS(SPREADSHEETML, "tableColumn"));
  // fragments (tests) and odd writers may leave the namespace out
  return byNamespace.length > 0 ? byNamespace : Array.from(doc.getElementsByTagName("tableColumn"));
}

const serialize = (doc: Document): string => new XMLSerializer().serializeToString(doc);

/** Adds <calculatedColumnFormula> to the i-th <tableColumn> of each column that has a formula. */
export function withCalculatedColumns(tableXml: string, formulas: (string | undefined)[]): string {
  const doc = parseTable(tableXml);
  tableColumns(doc).forEach((column, i) => {
    const formula = formulas[i];
    if (!formula) return;
    const child = doc.createElementNS(column.namespaceURI, column.prefix ? `${column.prefix}:calculatedColumnFormula` : "calculatedColumnFormula");
    child.appendChild(doc.createTextNode(formula));
    column.appendChild(child);
  });
  return serialize(doc);
}

/** Drops what a <tableColumn> holds (formulas of calculated and totals columns): only its name is read. */
export function withoutColumnChildren(tableXml: string): string {
  const doc = parseTable(tableXml);
  for (const column of tableColumns(doc)) while (column.firstChild) column.removeChild(column.firstChild);
  return serialize(doc);
}

const tableName = (tableXml: string): string | undefined => parseTable(tableXml).documentElement?.getAttribute("name") ?? undefined;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * A row height as a starting point, not a choice (ECMA-376 §18.3.1.73: customHeight is "1 if the row
 * height has been manually set"): ExcelJS marks every height it writes as set by hand, and Excel
 * would then never fit the row to text typed later. Only on ExcelJS's own output, just written, whose
 * <row> start tags hold no ">" inside them.
 */
export const withAutomaticRowHeights = (sheetXml: string): string => sheetXml.replace(/(<row\b[^>]*?) customHeight="1"/g, "$1");

/**
 * Declares each table's calculated columns, so Excel fills their formulas into rows added later, and
 * leaves the row heights automatic (withAutomaticRowHeights).
 */
export async function declareCalculatedColumns(bytes: Uint8Array, formulasByTable: Map<string, (string | undefined)[]>): Promise<Uint8Array<ArrayBuffer>> {
  // our own file, just written by ExcelJS: no limits to check
  const files = unzipWithinLimits(bytes, { ...READ_LIMITS, entryBytes: Infinity, totalBytes: Infinity, entries: Infinity });
  for (const name of Object.keys(files).filter((n) => TABLE_PART.test(n))) {
    const xml = decoder.decode(files[name]);
    const table = tableName(xml);
    const formulas = table ? formulasByTable.get(table) : undefined;
    if (formulas) files[name] = encoder.encode(withCalculatedColumns(xml, formulas));
  }
  for (const name of Object.keys(files).filter((n) => SHEET_PART.test(n))) files[name] = encoder.encode(withAutomaticRowHeights(decoder.decode(files[name])));
  return zipEntries(files, false);
}

/**
 * The workbook with table columns ExcelJS can load, after checking it against the limits (zip
 * sizes, then rows and cells): throws OverLimit over a limit, NotAWorkbook for what is not a workbook.
 */
export async function loadableByExcelJs(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<Uint8Array<ArrayBuffer>> {
  const files = unzipWithinLimits(bytes, limits);
  checkSheetSizes(files, limits);
  for (const name of Object.keys(files).filter((n) => TABLE_PART.test(n))) {
    const size = files[name].length;
    if (size > limits.tablePartBytes) throw new OverLimit("tablePartBytes", size, limits.tablePartBytes, name);
    files[name] = encoder.encode(withoutColumnChildren(decoder.decode(files[name])));
  }
  // stored, not deflated: ExcelJS reads it at once, in this process
  return zipEntries(files, true);
}
