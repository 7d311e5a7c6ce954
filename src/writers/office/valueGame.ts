/**
 * The value game in the live workbook: its sheet is made once (a free name, never a user's sheet),
 * then only appended to, so a session can be resumed and nothing a user typed is ever replaced.
 * A participant recorded again is a new row: the last placement counts (src/sroi/valueGame.ts).
 */
import { officeLang } from "../../i18n/lang";
import { VALUE_GAME_SHEET_NAME, VALUE_GAME_TABLES, type ValueGameTableKey } from "../../layout/names";
import type { Cell } from "../../layout/types";
import {
  type GameGood,
  type GamePlacement,
  type GameTableContents,
  type ValueGame,
  type ValueGameProblem,
  benefitCells,
  goodCells,
  placementCells,
  readValueGame as readGameTables,
  valueGameSheet,
} from "../../layout/valueGame";
import { LAST_ROW, WriteRefused, createdBy, removeCreated, writeOrUndo } from "./allOrNothing";
import { applyLayout, officeCell } from "./apply";
import { excelRun, freeSheetName } from "./run";

export interface FoundValueGame {
  sheet: string;
  game: ValueGame;
  /** rows that could not be read, left out of `game` */
  problems: ValueGameProblem[];
}

const KEYS = Object.keys(VALUE_GAME_TABLES) as ValueGameTableKey[];

/** The game the workbook holds; null when it has none (no benefits table). Two round trips. */
export async function readValueGame(): Promise<FoundValueGame | null> {
  const lang = officeLang();
  const { value } = await excelRun(async (context, sync): Promise<FoundValueGame | null> => {
    const tables = KEYS.map((k) => context.workbook.tables.getItemOrNullObject(VALUE_GAME_TABLES[k]).load("name"));
    await sync();
    if (tables.every((t) => t.isNullObject)) return null;
    const gone = KEYS.find((_k, i) => tables[i].isNullObject);
    if (gone) throw new WriteRefused({ code: "missingTable", table: VALUE_GAME_TABLES[gone] }, lang);
    const loaded = tables.map((t) => ({
      range: t.getRange().load("values,rowIndex,columnIndex"),
      sheet: t.worksheet.load("name"),
    }));
    await sync();
    const contents = Object.fromEntries(
      KEYS.map((k, i) => [k, { values: loaded[i].range.values, row: loaded[i].range.rowIndex, column: loaded[i].range.columnIndex } satisfies GameTableContents]),
    ) as Record<ValueGameTableKey, GameTableContents>;
    const { game, problems } = readGameTables(contents);
    return { sheet: loaded[0].sheet.name, game, problems };
  });
  return value;
}

/**
 * Makes the Value game sheet with the game's benefits and goods (and placements, if any): two round
 * trips. Refused when the workbook already has a game (resume it instead), when one of its table
 * names is taken, or when the workbook's structure is protected; taken back if Excel refuses part-way.
 */
export async function startValueGame(game: ValueGame): Promise<{ sheet: string; syncs: number }> {
  const lang = officeLang();
  const { value, syncs } = await excelRun(async (context, sync) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const tables = context.workbook.tables.load("items/name");
    const names = context.workbook.names.load("items/name");
    const structure = context.workbook.protection.load("protected");
    const active = context.workbook.worksheets.getActiveWorksheet().load("name");
    await sync();
    if (structure.protected) throw new WriteRefused({ code: "workbookProtected" }, lang);
    const wanted = new Set(Object.values(VALUE_GAME_TABLES).map((n) => n.toLowerCase()));
    const taken = [...tables.items, ...names.items].find((x) => wanted.has(x.name.toLowerCase()));
    if (taken) throw new WriteRefused({ code: "nameTaken", name: taken.name }, lang);
    const name = freeSheetName(VALUE_GAME_SHEET_NAME[lang], sheets.items.map((s) => s.name));
    const layout = { sheets: [valueGameSheet(game, lang, name)], currency: game.goods[0]?.currency ?? "", language: lang };
    const made = createdBy(layout, { sheets: sheets.items, tables: tables.items, names: names.items, active: active.name });
    await writeOrUndo(
      lang,
      [name],
      async () => {
        applyLayout(context, layout);
        await sync();
      },
      () => removeCreated(context, sync, made),
    );
    return name;
  });
  return { sheet: value, syncs };
}

export interface GameAdditions {
  benefits?: string[];
  goods?: GameGood[];
  placements?: GamePlacement[];
}

const blankRow = (row: unknown[]) => row.every((v) => v === "" || v === null);

/**
 * Appends rows to the game's tables (three round trips whatever their number). The empty row a
 * table was made with is filled first; no other cell is written. Checked first: the tables exist,
 * their sheet is not protected, there is room; taken back if Excel refuses part-way.
 */
export async function appendValueGame(add: GameAdditions): Promise<{ syncs: number }> {
  const lang = officeLang();
  const rows: Record<ValueGameTableKey, Cell[][]> = {
    benefits: (add.benefits ?? []).map(benefitCells),
    goods: (add.goods ?? []).map(goodCells),
    placements: (add.placements ?? []).map(placementCells),
  };
  const keys = KEYS.filter((k) => rows[k].length > 0);
  const { syncs } = await excelRun(async (context, sync) => {
    if (keys.length === 0) return;
    const tables = keys.map((k) => context.workbook.tables.getItemOrNullObject(VALUE_GAME_TABLES[k]).load("name"));
    await sync();
    const gone = keys.find((_k, i) => tables[i].isNullObject);
    if (gone) throw new WriteRefused({ code: "missingTable", table: VALUE_GAME_TABLES[gone] }, lang);
    const read = tables.map((t) => ({
      body: t.getDataBodyRange().load("values,rowIndex"),
      first: t.getDataBodyRange().getRow(0).load("formulas"),
      sheet: t.worksheet.load("name"),
      protection: t.worksheet.protection.load("protected"),
    }));
    await sync();
    const plans = keys.map((k, i) => {
      const { body, sheet, protection } = read[i];
      if (protection.protected) throw new WriteRefused({ code: "sheetProtected", sheet: sheet.name }, lang);
      const cells = rows[k].map((r) => r.map(officeCell));
      const placeholder = body.values.length === 1 && blankRow(body.values[0]);
      const rest = placeholder ? cells.slice(1) : cells;
      if (body.rowIndex + body.values.length - 1 + rest.length > LAST_ROW) {
        throw new WriteRefused({ code: "noRoom", sheet: sheet.name, table: VALUE_GAME_TABLES[k], rows: rest.length }, lang);
      }
      return { table: VALUE_GAME_TABLES[k], cells, placeholder, rest, before: body.values.length, first: read[i].first.formulas };
    });
    await writeOrUndo(
      lang,
      [...new Set(read.map((r) => r.sheet.name))],
      async () => {
        for (const p of plans) {
          const t = context.workbook.tables.getItem(p.table);
          if (p.placeholder) t.getDataBodyRange().getRow(0).values = [p.cells[0]];
          if (p.rest.length) t.rows.add(undefined, p.rest);
        }
        await sync();
      },
      async () => {
        const now = plans.map((p) => context.workbook.tables.getItem(p.table).getDataBodyRange().load("rowCount"));
        await sync();
        plans.forEach((p, i) => {
          const t = context.workbook.tables.getItem(p.table);
          for (let r = now[i].rowCount - 1; r >= p.before; r--) t.rows.getItemAt(r).delete();
          if (p.placeholder) t.getDataBodyRange().getRow(0).formulas = p.first;
        });
        await sync();
      },
    );
  });
  return { syncs };
}
