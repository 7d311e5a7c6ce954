/**
 * Writing is all or nothing. Excel has no transactions: when a command of a batch fails, the ones
 * before it stay done (OfficeExtension.Error, https://learn.microsoft.com/en-us/javascript/api/office/officeextension.error).
 * So each writer checks first, in the round trip that reads the workbook (protection, names, room),
 * and when Excel still refuses part-way (a sheet protected meanwhile, a name taken meanwhile) it
 * takes back what it wrote, from what it read before writing: never anything the user had.
 */
import { WriteProblem, writeProblemMessage } from "../../i18n/writer";
import type { Lang } from "../../i18n/lang";
import type { WorkbookLayout } from "../../layout/types";
import { layoutDefinedNames, officeCell } from "./apply";

export type { WriteProblem };

/** A write refused, with its typed problem; the message is in Office's display language. */
export class WriteRefused extends Error {
  constructor(
    public problem: WriteProblem,
    lang: Lang,
  ) {
    super(writeProblemMessage(problem, lang));
    this.name = "WriteRefused";
  }
}

/** Excel's own words for a refusal: "AccessDenied: …". */
export function excelDetail(e: unknown): string {
  if (e && typeof e === "object") {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : String(e);
    return typeof code === "string" && !text.startsWith(code) ? `${code}: ${text}` : text;
  }
  return String(e);
}

/**
 * Runs the write; when Excel refuses it, runs the undo and throws a WriteRefused that says whether
 * the undo succeeded. `touched` names the sheets to check when the undo fails as well.
 */
export async function writeOrUndo(lang: Lang, touched: readonly string[], write: () => Promise<void>, undo: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (e instanceof WriteRefused) throw e;
    const detail = excelDetail(e);
    try {
      await undo();
    } catch (u) {
      throw new WriteRefused({ code: "refused", detail, undone: false, undoDetail: excelDetail(u), sheets: [...touched] }, lang);
    }
    throw new WriteRefused({ code: "refused", detail, undone: true }, lang);
  }
}

/** The sheet a defined name's formula refers to ("='Impact map'!$B$2" → "Impact map"); null for #REF! or a constant. */
export function sheetOfFormula(formula: string): string | null {
  const f = formula.startsWith("=") ? formula.slice(1) : formula;
  if (f.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < f.length) {
      if (f[i] === "'" && f[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (f[i] === "'") break;
      else name += f[i++];
    }
    return f[i + 1] === "!" ? name : null;
  }
  const bang = f.indexOf("!");
  return bang > 0 && !f.startsWith("#") ? f.slice(0, bang) : null;
}

/** What was created in one action: its sheets (by the names asked for) and defined names. */
export interface Created {
  sheets: readonly string[];
  names: readonly string[];
  /** read before writing: ids of the sheets, and the table and defined names, that existed */
  sheetIdsBefore: ReadonlySet<string>;
  namesBefore: ReadonlySet<string>;
  activeSheet: string | null;
}

/** What writing this layout will create, against the workbook as read just before (loaded collections). */
export function createdBy(
  layout: WorkbookLayout,
  before: { sheets: { id: string }[]; tables: { name: string }[]; names: { name: string }[]; active: string | null },
): Created {
  return {
    sheets: layout.sheets.map((s) => s.name),
    names: layoutDefinedNames(layout),
    sheetIdsBefore: new Set(before.sheets.map((s) => s.id)),
    namesBefore: new Set([...before.tables, ...before.names].map((t) => t.name.toLowerCase())),
    activeSheet: before.active,
  };
}

/**
 * Deletes the sheets and defined names this action created, and only those: a sheet counts as ours
 * when its id did not exist at the read and it has a name we asked for; a defined name when it did
 * not exist at the read, is one we asked for, and refers to one of our sheets. Deleting a sheet
 * deletes its tables and charts with it. The names go first: deleting their sheet would leave them
 * as =#REF!. Two round trips, only on failure.
 */
export async function removeCreated(context: Excel.RequestContext, sync: () => Promise<void>, c: Created): Promise<void> {
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load("items/name,items/formula");
  await sync();
  const lower = (s: string) => s.toLowerCase();
  const asked = new Set(c.sheets.map(lower));
  const ours = sheets.items.filter((s) => !c.sheetIdsBefore.has(s.id) && asked.has(lower(s.name)));
  const ourSheets = new Set(ours.map((s) => lower(s.name)));
  const askedNames = new Set(c.names.map(lower));
  for (const n of names.items) {
    const target = sheetOfFormula(n.formula);
    if (c.namesBefore.has(lower(n.name)) || !askedNames.has(lower(n.name)) || target === null || !ourSheets.has(lower(target))) continue;
    context.workbook.names.getItem(n.name).delete();
  }
  if (c.activeSheet && !ourSheets.has(lower(c.activeSheet))) context.workbook.worksheets.getItem(c.activeSheet).activate();
  for (const s of ours) s.delete();
  await sync();
}

/**
 * What to write back to restore a cell read before the write: its formula when it held one (a
 * formula reads back different from its value), else its value, kept text as the writers keep it.
 */
export function previousCell(value: unknown, formula: unknown): string | number | boolean {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return formula;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return officeCell(value === null || value === undefined ? null : String(value));
}

/** Excel's last row (1,048,576 rows, 0-based index 1,048,575). */
export const LAST_ROW = 1048575;
