/**
 * The value game's sheet in the live workbook, against the Office double: made once under a free
 * name, appended to participant by participant, read back to resume; nothing of the user's replaced.
 */
import { installFakeOffice } from "../doubles/excel/install";
import type { WorkbookState } from "../doubles/excel/state";
import type { GameGood, ValueGame } from "../../src/layout/valueGame";
import { valueGameResults } from "../../src/layout/valueGame";
import { appendValueGame, readValueGame, startValueGame } from "../../src/writers/office";

let wb: WorkbookState;
beforeEach(() => {
  wb = installFakeOffice(globalThis as unknown as Record<string, unknown>);
});

const good = (name: string, price: number): GameGood => ({ name, price, currency: "EUR", priceYear: 2022, source: `Source of ${name}`, url: "https://example.org" });
const GAME: ValueGame = {
  benefits: ["Confidence", "New friends"],
  goods: [good("Baguette", 0.94), good("Cinema ticket", 7.24), good("Haircut", 21)],
  placements: [],
};
const text = (sheet: string, row: number, column: number) => wb.sheet(sheet).cell(row, column)?.value;

describe("the Value game sheet", () => {
  test("is made with its benefits and goods in 2 round trips, and reads back as it was written", async () => {
    expect(await readValueGame()).toBeNull();
    const r = await startValueGame(GAME);
    expect(r).toEqual({ sheet: "Value game", syncs: 2 });
    expect(wb.tables.map((t) => t.name)).toEqual(["SroiValueGameBenefits", "SroiValueGameGoods", "SroiValueGamePlacements"]);
    // headers on row 4, benefits in A, goods from C, placements from J
    expect([text("Value game", 3, 0), text("Value game", 3, 2), text("Value game", 3, 3), text("Value game", 3, 9)]).toEqual(["Benefit", "Good", "Price", "Participant"]);
    expect([text("Value game", 4, 0), text("Value game", 5, 0)]).toEqual(["Confidence", "New friends"]);
    expect([text("Value game", 6, 2), text("Value game", 6, 3)]).toEqual(["Haircut", 21]);
    const read = await readValueGame();
    expect(read).toEqual({ sheet: "Value game", game: GAME, problems: [] });
  });

  test("participants are appended, a skip as a blank good; the session resumes with the same statistics", async () => {
    await startValueGame(GAME);
    await appendValueGame({ placements: [{ participant: "Ann", benefit: "Confidence", good: "Haircut" }, { participant: "Ann", benefit: "New friends", good: null }] });
    const before = wb.syncs;
    const r = await appendValueGame({
      placements: [{ participant: "Bob", benefit: "Confidence", good: "Baguette" }, { participant: "Bob", benefit: "New friends", good: "Cinema ticket" }],
      goods: [good("Smartphone", 446)],
    });
    expect(r.syncs).toBe(3);
    expect(wb.syncs - before).toBe(3);
    // the first participant filled the empty row the table was made with: J5, then J6…
    expect([text("Value game", 4, 9), text("Value game", 5, 11), text("Value game", 7, 10)]).toEqual(["Ann", "", "New friends"]);
    const read = (await readValueGame())!;
    expect(read.problems).toEqual([]);
    expect(read.game.goods.map((g) => g.name)).toEqual(["Baguette", "Cinema ticket", "Haircut", "Smartphone"]);
    expect(read.game.placements).toHaveLength(4);
    const [confidence, friends] = valueGameResults(read.game);
    // Confidence: Ann 21, Bob 0.94 → median (0.94 + 21) / 2 = 10.97, range 0.94–21
    expect(confidence.stats).toMatchObject({ participants: 2, min: 0.94, max: 21 });
    expect(confidence.stats!.median).toBeCloseTo(10.97, 12);
    // New friends: Ann skipped, Bob 7.24
    expect(friends).toMatchObject({ skipped: 1, stats: { participants: 1, median: 7.24 } });
  });

  test("a sheet named Value game of the user's is left alone: the game gets another name", async () => {
    wb.addSheet("Value game").ensure(0, 0).value = "my notes";
    expect((await startValueGame(GAME)).sheet).toBe("Value game (2)");
    expect(text("Value game", 0, 0)).toBe("my notes");
  });

  test("a second game is refused (resume the first), nothing written", async () => {
    await startValueGame(GAME);
    const sheets = wb.sheets.length;
    await expect(startValueGame(GAME)).rejects.toThrow('the name "SroiValueGameBenefits" is already used in this workbook');
    expect(wb.sheets.length).toBe(sheets);
  });

  test("a protected game sheet is refused before anything is written, naming the sheet", async () => {
    await startValueGame(GAME);
    wb.sheet("Value game").protection = {};
    await expect(appendValueGame({ benefits: ["Pride"] })).rejects.toThrow("the sheet 'Value game' is protected");
    expect(text("Value game", 6, 0)).toBeUndefined();
  });

  test("in French, the sheet is « Jeu de la valeur » with French headers, and reads back", async () => {
    wb = installFakeOffice(globalThis as unknown as Record<string, unknown>, { displayLanguage: "fr-FR" });
    expect((await startValueGame(GAME)).sheet).toBe("Jeu de la valeur");
    expect([text("Jeu de la valeur", 3, 0), text("Jeu de la valeur", 3, 2), text("Jeu de la valeur", 3, 11)]).toEqual(["Bénéfice", "Bien", "Bien (vide\u00a0: passé)"]);
    expect((await readValueGame())!.game).toEqual(GAME);
  });

  test("rows typed wrong in the sheet are named by cell, left out, never guessed", async () => {
    await startValueGame(GAME);
    await appendValueGame({ placements: [{ participant: "Ann", benefit: "Confidence", good: "Haircut" }] });
    // the user edits the sheet: a price that is not a number, a good in another currency, a placement of a good that does not exist
    wb.sheet("Value game").ensure(4, 3).value = "cheap";
    await appendValueGame({ goods: [{ ...good("Pint", 4.56), currency: "GBP" }], placements: [{ participant: "Bob", benefit: "Confidence", good: "Caviar" }] });
    const read = (await readValueGame())!;
    expect(read.problems).toEqual([
      { code: "badPrice", cell: "D5", value: "cheap" },
      { code: "otherCurrency", cell: "E8", currency: "GBP", expected: "EUR" },
      { code: "unknownGood", cell: "L6", name: "Caviar" },
    ]);
    expect(read.game.goods.map((g) => g.name)).toEqual(["Cinema ticket", "Haircut"]);
  });
});

describe("the game's results saved as proxies", () => {
  test("go to the Proxies sheet and read back as the workbook's own proxies, method value game", async () => {
    const { valueGameProxies } = await import("../../src/i18n/valueGame");
    const { readWorkbookProxies, writeWorkbookProxies } = await import("../../src/writers/office");
    const game: ValueGame = {
      ...GAME,
      placements: [
        { participant: "Ann", benefit: "Confidence", good: "Haircut" },
        { participant: "Bob", benefit: "Confidence", good: "Cinema ticket" },
        { participant: "Cat", benefit: "Confidence", good: "Baguette" },
        { participant: "Ann", benefit: "New friends", good: null },
      ],
    };
    const proxies = valueGameProxies(game, valueGameResults(game), "2026-12-03", "en");
    // New friends was skipped by everyone: no proxy for it
    expect(proxies.map((p) => p.nameEn)).toEqual(["Confidence"]);
    await writeWorkbookProxies(proxies);
    const [read] = await readWorkbookProxies();
    // Confidence: 0.94, 7.24, 21 → median 7.24, range 0.94–21; all goods priced in 2022
    expect(read).toMatchObject({
      id: "VG-2026-12-03-1",
      nameEn: "Confidence",
      value: 7.24,
      currency: "EUR",
      unit: "per person",
      priceYear: 2022,
      method: "value game",
      source: "Value game of 2026-12-03: 3 participant(s), range 0.94 to 21 EUR",
      origin: "workbook",
    });
  });
});

describe("reading the sheet: what is missing is said, not guessed", () => {
  test("a table without one of its headers is named with the header to put back", async () => {
    const { readValueGame: readTables } = await import("../../src/layout/valueGame");
    const r = readTables({
      benefits: { values: [["Benefit"], ["Pride"], ["pride "]], row: 3, column: 0 },
      goods: { values: [["Good", "Currency", "Price year", "Source", "Link"], ["Baguette", "EUR", 2022, "", ""]], row: 3, column: 2 },
      placements: { values: [["Participant", "Bénéfice", "Bien (vide\u00a0: passé)"], ["", "Pride", ""]], row: 3, column: 9 },
    });
    expect(r.problems).toEqual([
      { code: "duplicate", cell: "A6", table: "benefits", name: "pride" },
      { code: "missingColumn", table: "goods", header: "Price / Prix" },
      { code: "blankName", cell: "J5", table: "placements" },
    ]);
    expect(r.game).toEqual({ benefits: ["Pride"], goods: [], placements: [] });
  });
});
