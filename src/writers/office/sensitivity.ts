/**
 * Recompute: the Sensitivity sheet's values (the break-even of drop-off, duration and the rate, the
 * one-way ratios, the Monte Carlo range on Results) computed again by the core from the workbook as
 * it is now, and written back with the time. Only the Sensitivity block is written: the rows of the
 * SroiSensitivity table (resized to the assessment's estimates) and the value cells of the fields
 * named SroiSensitivityDate… and SroiRatioP10… — never a cell of the user's.
 */
import { contextOf } from "../../layout/build";
import { layoutNames, TORNADO_CHART } from "../../layout/names";
import { type TableContents, readAssessment } from "../../layout/read";
import { computeSensitivityFigures, rangeFields, sensitivityFields, sensitivitySheet } from "../../layout/sensitivity";
import { formatCode } from "../../layout/formats";
import type { Chart, Sheet, Table } from "../../layout/types";
import { DEFAULT_DRAWS, sensitivityModel } from "../../sroi";
import { officeLang } from "../../i18n/lang";
import { describeReadProblem } from "../../i18n/workbook";
import { describe as describeIssue } from "../../i18n/messages";
import { sensitivityIssueMessage } from "../../i18n/checks";
import { LAST_ROW, WriteRefused, previousCell, writeOrUndo } from "./allOrNothing";
import { addChart, officeCell } from "./apply";
import type { FoundAssessment } from "./assessments";
import { excelRun } from "./run";

export interface RecomputeOptions {
  /** Monte Carlo draws (default the core's 10,000) */
  draws?: number;
  /** the clock (tests) */
  now?: () => Date;
}

/** A message as a clause of the refusal's sentence: without its final full stop. */
const sentence = (message: string) => message.replace(/\.$/, "");

/** The fields whose cells recompute writes (values); the others hold formulas and stay. */
const SENSITIVITY_VALUES = ["computedAt", "totalPV", "totalInputs", "ratio", "variation"];
const RANGE_VALUES = ["p10", "median", "p90", "shareBelowOne", "draws", "seed"];

/**
 * Recomputes the Sensitivity sheet of one assessment of the workbook — the one `findAssessments`
 * returned (only its `suffix` is used: the assessment is read again from the workbook, as Continue
 * reads it, so edits made since are taken into account) — in two round trips whatever its size.
 * Returns the ISO 8601 time written as "computed on" and the round trips used.
 *
 * Refused before anything is written (WriteRefused, message in Office's language): a table of the
 * assessment missing (an older workbook without a Sensitivity sheet: make a new one with the pane),
 * the Sensitivity table's columns changed, a protected Sensitivity or Results sheet, no room below the
 * table, or an assessment the core cannot compute (each problem named, with its place). When Excel
 * refuses part-way, the table's rows and the fields' cells are put back as they were read.
 */
export async function recomputeSensitivity(found: Pick<FoundAssessment, "suffix">, options: RecomputeOptions = {}): Promise<{ computedAt: string; syncs: number }> {
  const lang = officeLang();
  const names = layoutNames(found.suffix);
  const T = names.tables;
  const N = names.names;
  const { value: computedAt, syncs } = await excelRun(async (context, sync) => {
    // 1. read: the tables the core needs, the Sensitivity table and the two blocks of fields
    const inputKeys = ["settings", "stakeholders", "inputs", "outcomes"] as const;
    const load = (name: string) => {
      const t = context.workbook.tables.getItem(name);
      return {
        name,
        sheet: t.worksheet.load("name"),
        protection: t.worksheet.protection.load("protected"),
        header: t.getHeaderRowRange().load("values,rowIndex,columnIndex"),
        body: t.getDataBodyRange().load("values,formulas,numberFormat,rowIndex,columnIndex,rowCount,columnCount"),
      };
    };
    const inputs = inputKeys.map((k) => load(T[k]));
    const st = load(T.sensitivity);
    const results = context.workbook.tables.getItem(T.valueByStakeholder).worksheet;
    results.load("name");
    const resultsProtection = results.protection.load("protected");
    const block = (anchorName: string, count: number) => {
      const anchor = context.workbook.names.getItem(anchorName).getRange();
      return { anchor, cells: anchor.getResizedRange(count - 1, 0).load("values,formulas") };
    };
    const fieldsBlock = block(N.sensitivityDate, SENSITIVITY_VALUES.length);
    const rangeBlock = block(N.ratioP10, RANGE_VALUES.length);
    const sheet = st.sheet;
    const charts = sheet.charts.load("items/name");
    try {
      await sync();
    } catch (e) {
      // Only loads were queued: nothing was written. Say which table or name is gone (one more trip, only then).
      if ((e as { code?: string }).code !== "ItemNotFound") throw e;
      const tables = context.workbook.tables.load("items/name");
      const defined = context.workbook.names.load("items/name");
      await sync();
      const there = new Set([...tables.items, ...defined.items].map((t) => t.name.toLowerCase()));
      const missing = [...inputKeys.map((k) => T[k]), T.sensitivity, T.valueByStakeholder, N.sensitivityDate, N.ratioP10].find((n) => !there.has(n.toLowerCase()));
      if (missing) throw new WriteRefused({ code: "missingTable", table: missing }, lang);
      throw e;
    }

    // 2. the assessment as the workbook holds it now, and the core's figures
    const contents: TableContents[] = [...inputs, st].map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      row: t.header.rowIndex,
      column: t.header.columnIndex,
      headers: t.header.values[0].map(String),
      rows: t.body.values as TableContents["rows"],
    }));
    const read = readAssessment(contents, found.suffix);
    if (!read.assessment || read.problems.length) {
      throw new WriteRefused({ code: "notComputable", reasons: read.problems.slice(0, 5).map((p) => sentence(describeReadProblem(p, lang))) }, lang);
    }
    const a = read.assessment;
    const draws = options.draws ?? DEFAULT_DRAWS;
    const at = (options.now ?? (() => new Date()))().toISOString();
    const figures = computeSensitivityFigures(a, at, draws);
    if (!figures.result) {
      const m = sensitivityModel(a);
      const reasons = m.ok ? [] : [...m.issues.map((i) => describeIssue(i, lang)), ...m.sensitivityIssues.map((i) => sensitivityIssueMessage(i, lang))];
      throw new WriteRefused({ code: "notComputable", reasons: reasons.slice(0, 5).map(sentence) }, lang);
    }
    const c = contextOf(a, names);
    const spec: Sheet = sensitivitySheet(c, sheet.name, figures);
    const table = spec.parts.find((p): p is Table => p.kind === "table")!;

    // 3. check, before writing anything
    const live = st.header.values[0].map(String);
    const ours = table.columns.map((col) => col.header);
    if (live.length !== ours.length || live.some((h, i) => h !== ours[i])) throw new WriteRefused({ code: "tableChanged", table: T.sensitivity }, lang);
    if (st.protection.protected) throw new WriteRefused({ code: "sheetProtected", sheet: sheet.name }, lang);
    if (resultsProtection.protected) throw new WriteRefused({ code: "sheetProtected", sheet: results.name }, lang);
    const before = st.body.rowCount;
    const after = table.rows.length;
    if (st.body.rowIndex + after - 1 > LAST_ROW) throw new WriteRefused({ code: "noRoom", sheet: sheet.name, table: T.sensitivity, rows: after - before }, lang);

    const cells = table.rows.map((r) => r.map(officeCell));
    const formats = table.rows.map((_, r) =>
      table.columns.map((col) => formatCode(table.cellFormats?.find((x) => x.row === r && x.column === col.key)?.format ?? col.format, a.settings.currency)),
    );
    const valuesOf = (fields: ReturnType<typeof sensitivityFields>, keys: string[]) => keys.map((k) => [officeCell(fields.find((f) => f.key === k)!.value)]);
    const fieldCells = valuesOf(sensitivityFields(c, figures), SENSITIVITY_VALUES);
    const rangeCells = valuesOf(rangeFields(c, figures), RANGE_VALUES);
    // the names as read now (loading the collection again, in the undo, replaces its items)
    const chartsRead = new Set(charts.items.map((x) => x.name.toLowerCase()));
    const hadChart = chartsRead.has(TORNADO_CHART.toLowerCase());
    const stTable = context.workbook.tables.getItem(T.sensitivity);
    // The tornado's series cover the rows the table had: drawn again when their number changes (a
    // chart the user deleted stays deleted).
    const redraw = hadChart && after !== before;
    const chart = spec.parts.find((p): p is Chart => p.kind === "chart")!;
    const drawTornado = (rowCount: number) => {
      const shape = { ...table, row: st.header.rowIndex, column: st.header.columnIndex, rows: Array.from({ length: rowCount }, () => []) };
      addChart(sheet, { ...spec, parts: [shape] }, chart);
    };

    // 4. write, or take back
    await writeOrUndo(
      lang,
      [...new Set([sheet.name, results.name])],
      async () => {
        if (after > before) stTable.rows.add(undefined, cells.slice(before));
        for (let r = before - 1; r >= after; r--) stTable.rows.getItemAt(r).delete();
        const body = sheet.getRangeByIndexes(st.body.rowIndex, st.body.columnIndex, after, table.columns.length);
        body.numberFormat = formats;
        body.formulas = cells;
        fieldsBlock.anchor.getResizedRange(SENSITIVITY_VALUES.length - 1, 0).values = fieldCells;
        rangeBlock.anchor.getResizedRange(RANGE_VALUES.length - 1, 0).values = rangeCells;
        if (redraw) {
          sheet.charts.getItem(TORNADO_CHART).delete();
          drawTornado(after);
        }
        await sync();
      },
      async () => {
        const now = context.workbook.tables.getItem(T.sensitivity).getDataBodyRange().load("rowCount");
        const chartsNow = redraw ? sheet.charts.load("items/name") : null;
        await sync();
        // the tornado as it was: ours deleted (old or new, whichever is there) and drawn over the rows read
        if (chartsNow) {
          // ours, and a chart added but not yet named when Excel refused (its name is none of those read)
          const ourName = TORNADO_CHART.toLowerCase();
          for (let i = chartsNow.items.length - 1; i >= 0; i--) {
            const name = chartsNow.items[i].name.toLowerCase();
            if (name === ourName || !chartsRead.has(name)) sheet.charts.getItemAt(i).delete();
          }
          drawTornado(before);
        }
        const t = context.workbook.tables.getItem(T.sensitivity);
        const old = st.body.formulas as (string | number | boolean)[][];
        for (let r = now.rowCount - 1; r >= before; r--) t.rows.getItemAt(r).delete();
        if (now.rowCount < before) t.rows.add(undefined, old.slice(now.rowCount));
        const back = sheet.getRangeByIndexes(st.body.rowIndex, st.body.columnIndex, before, table.columns.length);
        back.numberFormat = st.body.numberFormat;
        back.formulas = old;
        const restore = (b: typeof fieldsBlock, count: number) =>
          (b.anchor.getResizedRange(count - 1, 0).formulas = b.cells.values.map((row, i) => [previousCell(row[0], b.cells.formulas[i][0])]));
        restore(fieldsBlock, SENSITIVITY_VALUES.length);
        restore(rangeBlock, RANGE_VALUES.length);
        await sync();
      },
    );
    return at;
  });
  return { computedAt, syncs };
}
