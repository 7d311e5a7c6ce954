/**
 * The table parts (xl/tables/tableN.xml) of a workbook, edited where ExcelJS 4.4 falls short:
 * it writes no <calculatedColumnFormula>, and it cannot load a table column that has any child
 * element (exceljs issue #1240, fix PR #1936 unmerged) — which every workbook Excel saves with a
 * calculated column has. JSZip is the zip library ExcelJS itself uses; it runs in Node and browsers.
 */
import JSZip from "jszip";

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
const xmlText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Adds <calculatedColumnFormula> to the i-th <tableColumn> of each column that has a formula. */
export function withCalculatedColumns(tableXml: string, formulas: (string | undefined)[]): string {
  let i = 0;
  return tableXml.replace(/<tableColumn\b([^>]*?)\/>/g, (whole, attributes: string) => {
    const formula = formulas[i++];
    return formula ? `<tableColumn${attributes}><calculatedColumnFormula>${xmlText(formula)}</calculatedColumnFormula></tableColumn>` : whole;
  });
}

/** Drops what a <tableColumn> holds (formulas of calculated and totals columns): only its name is read. */
export function withoutColumnChildren(tableXml: string): string {
  // an opening tag (its last character before > is not /), its children, its closing tag
  return tableXml.replace(/<tableColumn\b([^>]*[^/>])>[\s\S]*?<\/tableColumn>/g, (_whole, attributes: string) => `<tableColumn${attributes}/>`);
}

async function editTables(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array<ArrayBuffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => TABLE_PART.test(name));
  for (const name of parts) zip.file(name, edit(await zip.file(name)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }) as Promise<
    Uint8Array<ArrayBuffer>
  >;
}

/** Declares each table's calculated columns, so Excel fills their formulas into rows added later. */
export function declareCalculatedColumns(bytes: Uint8Array, formulasByTable: Map<string, (string | undefined)[]>): Promise<Uint8Array<ArrayBuffer>> {
  return editTables(bytes, (xml) => {
    const name = /<table\b[^>]*\sname="([^"]+)"/.exec(xml)?.[1];
    const formulas = name ? formulasByTable.get(name) : undefined;
    return formulas ? withCalculatedColumns(xml, formulas) : xml;
  });
}

/** The workbook with table columns ExcelJS can load; throws what JSZip throws for a non-zip. */
export function loadableByExcelJs(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return editTables(bytes, withoutColumnChildren);
}
