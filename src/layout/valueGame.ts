/**
 * The "Value game" sheet (FR « Jeu de la valeur »), declared once: the benefits to value, the
 * everyday goods with their prices and sources, and the raw placements, participant by participant,
 * so a session can be resumed from the workbook (nothing leaves the file). Three tables side by
 * side, so each grows downwards without meeting another. A placement names its benefit and its good
 * as the other tables write them; a blank good is a benefit the participant skipped.
 */
import { type BenefitResult, type Lang, benefitResults } from "../sroi";
import { cellAddress } from "./a1";
import { VALUE_GAME_TABLES, type ValueGameTableKey } from "./names";
import type { Cell, Column, Format, Sheet, Table } from "./types";

export interface GameGood {
  name: string;
  /** price of one good, in `currency` */
  price: number;
  currency: string;
  priceYear: number | null;
  source: string;
  url: string;
}

export interface GamePlacement {
  participant: string;
  benefit: string;
  /** the good's name; null when the participant skipped this benefit */
  good: string | null;
}

export interface ValueGame {
  benefits: string[];
  goods: GameGood[];
  placements: GamePlacement[];
}

type Words = Readonly<Record<Lang, string>>;

interface GameColumn<K extends string> {
  key: K;
  header: Words;
  format: Format;
  width: number;
}

const col = <K extends string>(key: K, en: string, fr: string, format: Format, width: number): GameColumn<K> => ({ key, header: { en, fr }, format, width });

export const BENEFIT_COLUMNS = [col("benefit", "Benefit", "Bénéfice", "text", 34)] as const;
export const GOOD_COLUMNS = [
  col("good", "Good", "Bien", "text", 34),
  col("price", "Price", "Prix", "number", 10),
  col("currency", "Currency", "Devise", "text", 9),
  col("priceYear", "Price year", "Année des prix", "year", 10),
  col("source", "Source", "Source", "text", 40),
  col("url", "Link", "Lien", "text", 30),
] as const;
export const PLACEMENT_COLUMNS = [
  col("participant", "Participant", "Participant", "text", 18),
  col("benefit", "Benefit", "Bénéfice", "text", 34),
  col("good", "Good (blank: skipped)", "Bien (vide : passé)", "text", 34),
] as const;

/** Where each table starts (header row, first column): side by side, one empty column between. */
export const VALUE_GAME_PLACES: Record<ValueGameTableKey, { row: number; column: number; columns: readonly GameColumn<string>[] }> = {
  benefits: { row: 3, column: 0, columns: BENEFIT_COLUMNS },
  goods: { row: 3, column: 2, columns: GOOD_COLUMNS },
  placements: { row: 3, column: 9, columns: PLACEMENT_COLUMNS },
};

export const VALUE_GAME_TITLE: Words = {
  en: "Value game: each participant places each benefit against an everyday good of known price; the median placement is the benefit's proxy",
  fr: "Jeu de la valeur : chaque participant place chaque bénéfice face à un bien courant de prix connu ; la médiane des placements est le proxy du bénéfice",
};

const CAPTIONS: Record<ValueGameTableKey, Words> = {
  benefits: { en: "Benefits to value", fr: "Bénéfices à valoriser" },
  goods: { en: "Everyday goods and their prices", fr: "Biens courants et leurs prix" },
  placements: { en: "Placements, participant by participant", fr: "Placements, participant par participant" },
};

export const benefitCells = (b: string): Cell[] => [b];
export const goodCells = (g: GameGood): Cell[] => [g.name, g.price, g.currency, g.priceYear, g.source, g.url];
export const placementCells = (p: GamePlacement): Cell[] => [p.participant, p.benefit, p.good ?? ""];

function table(key: ValueGameTableKey, rows: Cell[][], lang: Lang): Table {
  const place = VALUE_GAME_PLACES[key];
  const columns: Column[] = place.columns.map((c) => ({ key: c.key, header: c.header[lang], format: c.format, width: c.width }));
  return {
    kind: "table",
    name: VALUE_GAME_TABLES[key],
    row: place.row,
    column: place.column,
    columns,
    // a table needs a data row: an empty one, filled by the first append
    rows: rows.length ? rows : [columns.map(() => null)],
    caption: CAPTIONS[key][lang],
  };
}

export function valueGameSheet(game: ValueGame, lang: Lang, name: string): Sheet {
  return {
    key: "valueGame",
    name,
    freeze: { rows: 4, columns: 0 },
    widths: { 1: 3, 8: 3 },
    parts: [
      { kind: "block", row: 0, column: 0, cells: [[VALUE_GAME_TITLE[lang]]], style: "title" },
      table("benefits", game.benefits.map(benefitCells), lang),
      table("goods", game.goods.map(goodCells), lang),
      table("placements", game.placements.map(placementCells), lang),
    ],
  };
}

/** What a table of the sheet holds, as read: its header row and body, and where its header starts (0-based). */
export interface GameTableContents {
  values: unknown[][];
  row: number;
  column: number;
}

/** Why a row of the sheet could not be read; `cell` is its A1 address on the Value game sheet. */
export type ValueGameProblem =
  | { code: "missingColumn"; table: ValueGameTableKey; header: string }
  | { code: "badPrice"; cell: string; value: string }
  | { code: "badYear"; cell: string; value: string }
  | { code: "blankName"; cell: string; table: ValueGameTableKey }
  | { code: "duplicate"; cell: string; table: ValueGameTableKey; name: string }
  | { code: "otherCurrency"; cell: string; currency: string; expected: string }
  | { code: "unknownBenefit"; cell: string; name: string }
  | { code: "unknownGood"; cell: string; name: string };

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const blank = (row: unknown[]) => row.every((v) => text(v) === "");

/** The table's rows as records by column key (headers found in either language), blank rows left out. */
function rowsOf<K extends string>(
  key: ValueGameTableKey,
  t: GameTableContents,
  columns: readonly GameColumn<K>[],
  problems: ValueGameProblem[],
): { cells: Record<K, unknown>; at: (k: K) => string }[] | null {
  const headers = (t.values[0] ?? []).map(text);
  const index = {} as Record<K, number>;
  let missing = false;
  for (const c of columns) {
    const i = headers.findIndex((h) => same(h, c.header.en) || same(h, c.header.fr));
    if (i < 0) {
      problems.push({ code: "missingColumn", table: key, header: c.header.en === c.header.fr ? c.header.en : `${c.header.en} / ${c.header.fr}` });
      missing = true;
    }
    index[c.key] = i;
  }
  if (missing) return null;
  return t.values.slice(1).flatMap((row, r) => {
    if (blank(row)) return [];
    const cells = {} as Record<K, unknown>;
    for (const c of columns) cells[c.key] = row[index[c.key]];
    return [{ cells, at: (k: K) => cellAddress(t.row + 1 + r, t.column + index[k]) }];
  });
}

function readNumber(v: unknown): number | null {
  if (typeof v === "number") return v;
  const s = text(v);
  if (s === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * The game the sheet holds, and the problems of the rows that could not be read (those rows are
 * left out, never guessed). The goods' currency is the first good's; a good in another is refused.
 */
export function readValueGame(tables: Record<ValueGameTableKey, GameTableContents>): { game: ValueGame; problems: ValueGameProblem[] } {
  const problems: ValueGameProblem[] = [];
  const game: ValueGame = { benefits: [], goods: [], placements: [] };

  for (const row of rowsOf("benefits", tables.benefits, BENEFIT_COLUMNS, problems) ?? []) {
    const name = text(row.cells.benefit);
    if (name === "") problems.push({ code: "blankName", cell: row.at("benefit"), table: "benefits" });
    else if (game.benefits.some((b) => same(b, name))) problems.push({ code: "duplicate", cell: row.at("benefit"), table: "benefits", name });
    else game.benefits.push(name);
  }

  let currency: string | null = null;
  for (const row of rowsOf("goods", tables.goods, GOOD_COLUMNS, problems) ?? []) {
    const name = text(row.cells.good);
    const price = readNumber(row.cells.price);
    const year = readNumber(row.cells.priceYear);
    const code = text(row.cells.currency).toUpperCase();
    if (name === "") {
      problems.push({ code: "blankName", cell: row.at("good"), table: "goods" });
      continue;
    }
    if (game.goods.some((g) => same(g.name, name))) {
      problems.push({ code: "duplicate", cell: row.at("good"), table: "goods", name });
      continue;
    }
    if (price === null || Number.isNaN(price) || price <= 0) {
      problems.push({ code: "badPrice", cell: row.at("price"), value: text(row.cells.price) });
      continue;
    }
    if (year !== null && (Number.isNaN(year) || !Number.isInteger(year) || year < 1900 || year > 2100)) {
      problems.push({ code: "badYear", cell: row.at("priceYear"), value: text(row.cells.priceYear) });
      continue;
    }
    currency ??= code;
    if (code !== currency) {
      problems.push({ code: "otherCurrency", cell: row.at("currency"), currency: code, expected: currency });
      continue;
    }
    game.goods.push({ name, price, currency: code, priceYear: year, source: text(row.cells.source), url: text(row.cells.url) });
  }

  for (const row of rowsOf("placements", tables.placements, PLACEMENT_COLUMNS, problems) ?? []) {
    const participant = text(row.cells.participant);
    const benefit = text(row.cells.benefit);
    const good = text(row.cells.good);
    if (participant === "") {
      problems.push({ code: "blankName", cell: row.at("participant"), table: "placements" });
      continue;
    }
    const b = game.benefits.find((x) => same(x, benefit));
    if (!b) {
      problems.push({ code: "unknownBenefit", cell: row.at("benefit"), name: benefit });
      continue;
    }
    const g = good === "" ? null : game.goods.find((x) => same(x.name, good));
    if (g === undefined) {
      problems.push({ code: "unknownGood", cell: row.at("good"), name: good });
      continue;
    }
    game.placements.push({ participant, benefit: b, good: g ? g.name : null });
  }
  return { game, problems };
}

/** The participants in the order they were first recorded. */
export function participantsOf(game: ValueGame): string[] {
  const seen: string[] = [];
  for (const p of game.placements) if (!seen.some((s) => same(s, p.participant))) seen.push(p.participant);
  return seen;
}

/** Each benefit's count, median and spread, the goods' names turned into their prices. */
export function valueGameResults(game: ValueGame): BenefitResult[] {
  const price = (good: string | null) => (good === null ? null : (game.goods.find((g) => same(g.name, good))?.price ?? null));
  return benefitResults(
    game.benefits,
    game.placements.map((p) => ({ participant: p.participant, benefit: p.benefit, price: price(p.good) })),
  );
}
