/**
 * The value game's starter set of everyday goods (data/value-game-goods.csv → goods.generated.ts):
 * each price read in a public source, with its currency, year, source, link and the date it was read.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";
import Papa from "papaparse";
import { STARTER_GOODS, starterGoods } from "../../src/proxies/goods";

const root = path.resolve(__dirname, "../..");
const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(root, "data/value-game-goods.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;

test("the generator script agrees that the committed module is up to date", () => {
  const out = execFileSync(process.execPath, [path.join(root, "scripts/build-value-game-goods.mjs"), "--check"], { encoding: "utf8" });
  expect(out).toMatch(/up to date/);
});

test("the module holds the CSV's goods, in order, prices as written", () => {
  expect(STARTER_GOODS.map((g) => [g.id, String(g.price), g.currency, String(g.priceYear)])).toEqual(rows.map((r) => [r.id, r.price, r.currency, r.price_year]));
});

test("every good has both names, a positive price, a currency, a year, a source, a link and the date it was read", () => {
  for (const g of STARTER_GOODS) {
    expect([g.id, g.nameEn.length > 3, g.nameFr.length > 3]).toEqual([g.id, true, true]);
    expect(g.price).toBeGreaterThan(0);
    expect(["EUR", "GBP"]).toContain(g.currency);
    expect(g.priceYear).toBeGreaterThanOrEqual(2010);
    expect(g.priceYear).toBeLessThanOrEqual(2026);
    expect(g.source.length).toBeGreaterThan(10);
    expect(g.url).toMatch(/^https?:\/\//);
    expect(g.taken).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  expect(new Set(STARTER_GOODS.map((g) => g.id)).size).toBe(STARTER_GOODS.length);
});

test("French goods are in euros, UK goods in pounds, and each currency has a set to start from", () => {
  expect(STARTER_GOODS.filter((g) => (g.country === "FR") !== (g.currency === "EUR")).map((g) => g.id)).toEqual([]);
  expect(starterGoods("eur").length).toBeGreaterThanOrEqual(5);
  expect(starterGoods("GBP").length).toBeGreaterThanOrEqual(5);
  expect(starterGoods("CHF")).toEqual([]);
});

test("a price as its source gives it (spot checks against the articles cited)", () => {
  const price = (id: string) => STARTER_GOODS.find((g) => g.id === id)?.price;
  // FNCF, « Prix des places »: "Le prix moyen d'une place de cinéma était de 7,24 euros en 2022 (source : CNC)"
  expect(price("FR-CINEMA-2022")).toBe(7.24);
  // UK Cinema Association: "The average price for a standard UK cinema ticket in 2023 was £7.92"
  expect(price("UK-CINEMA-2023")).toBe(7.92);
});
