/**
 * Selecting, in the live workbook, the cell a check or an estimate is about (the Review screen): an
 * outcome's field on the impact map, a whole column of it, or a setting's value. Columns are found by
 * the layout's declared headers in either language (src/layout/columns.ts), outcomes as the reader
 * numbers them (blank rows skipped), so a table the user moved or sorted is still found. Two round
 * trips: one to read the table, one to select. Nothing is written.
 */
import { cellAddress } from "../../layout/a1";
import { OUTCOMES, SETTINGS, type OutcomeKey } from "../../layout/columns";
import { layoutNames } from "../../layout/names";
import { outcomeDataRows } from "../../layout/read";
import type { CellValue } from "../../layout/types";
import { officeLang } from "../../i18n/lang";
import { type SelectProblem, selectProblemMessage } from "../../i18n/selectCell";
import type { Lang } from "../../i18n/lang";
import type { FoundAssessment } from "./assessments";
import { excelRun } from "./run";

/** What to select. */
export type CellTarget =
  /** one outcome's cell: its row of the impact map (1-based, as checks and sensitivity number outcomes) × the field's column */
  | { kind: "outcome"; outcome: number; field: OutcomeKey }
  /** a column of the impact map, every outcome (a check about the whole map) */
  | { kind: "column"; field: OutcomeKey }
  /** a setting's value cell (the discount rate) */
  | { kind: "setting"; key: "discountRate" };

/** The selection refused, with its typed problem; the message is in Office's display language. */
export class SelectRefused extends Error {
  constructor(
    public problem: SelectProblem,
    lang: Lang,
  ) {
    super(selectProblemMessage(problem, lang));
    this.name = "SelectRefused";
  }
}

const norm = (s: unknown) => String(s ?? "").trim().toLowerCase();

function columnOf(headers: unknown[], header: { en: string; fr: string }): number {
  const names = [header.en, header.fr].map(norm);
  return headers.findIndex((h) => names.includes(norm(h)));
}

/** Selects the target's cell (or column) and shows its sheet; resolves to where it is. */
export async function selectAssessmentCell(found: FoundAssessment, target: CellTarget): Promise<{ sheet: string; address: string }> {
  const lang = officeLang();
  const n = layoutNames(found.suffix);
  const tableName = target.kind === "setting" ? n.tables.settings : n.tables.outcomes;
  const { value } = await excelRun(async (context, sync) => {
    const table = context.workbook.tables.getItem(tableName);
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("values,rowIndex,columnIndex");
    const sheet = table.worksheet.load("name");
    try {
      await sync();
    } catch (e) {
      if ((e as { code?: string }).code === "ItemNotFound") throw new SelectRefused({ code: "missingTable", table: tableName }, lang);
      throw e;
    }
    const headers = header.values[0];
    const rows = body.values as CellValue[][];
    const missingColumn = (h: { en: string; fr: string }) =>
      new SelectRefused({ code: "missingColumn", table: tableName, sheet: sheet.name, header: h[found.assessment.settings.language] }, lang);

    let range: Excel.Range;
    let address: string;
    if (target.kind === "setting") {
      const keyHeader = SETTINGS.columns.find((c) => c.key === "key")!.header;
      const valueHeader = SETTINGS.columns.find((c) => c.key === "value")!.header;
      const keyCol = columnOf(headers, keyHeader);
      if (keyCol < 0) throw missingColumn(keyHeader);
      const valueCol = columnOf(headers, valueHeader);
      if (valueCol < 0) throw missingColumn(valueHeader);
      const r = rows.findIndex((row) => norm(row[keyCol]) === norm(target.key));
      if (r < 0) throw new SelectRefused({ code: "missingSetting", table: tableName, sheet: sheet.name, key: target.key }, lang);
      range = body.getCell(r, valueCol);
      address = cellAddress(body.rowIndex + r, body.columnIndex + valueCol);
    } else {
      const col = OUTCOMES.columns.find((c) => c.key === target.field)!;
      const c = columnOf(headers, col.header);
      if (c < 0) throw missingColumn(col.header);
      if (target.kind === "column") {
        range = body.getColumn(c);
        address = `${cellAddress(body.rowIndex, body.columnIndex + c)}:${cellAddress(body.rowIndex + rows.length - 1, body.columnIndex + c)}`;
      } else {
        const dataRows = outcomeDataRows({ headers: headers.map(String), rows });
        const r = dataRows[target.outcome - 1];
        if (r === undefined) {
          throw new SelectRefused({ code: "missingOutcome", table: tableName, sheet: sheet.name, outcome: target.outcome, outcomes: dataRows.length }, lang);
        }
        range = body.getCell(r, c);
        address = cellAddress(body.rowIndex + r, body.columnIndex + c);
      }
    }
    sheet.activate();
    range.select();
    await sync();
    return { sheet: sheet.name, address };
  });
  return value;
}
