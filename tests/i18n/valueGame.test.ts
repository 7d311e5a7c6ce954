/** The Value game sheet's problems in English and French: what is wrong, and in which cell. */
import { describeValueGameProblem, withFreeIds } from "../../src/i18n/valueGame";
import type { Proxy } from "../../src/proxies/types";
import type { ValueGameProblem } from "../../src/layout/valueGame";

const all: ValueGameProblem[] = [
  { code: "missingColumn", table: "goods", header: "Price / Prix" },
  { code: "badPrice", cell: "D5", value: "cheap" },
  { code: "badYear", cell: "F5", value: "soon" },
  { code: "blankName", cell: "J6", table: "placements" },
  { code: "duplicate", cell: "A6", table: "benefits", name: "Pride" },
  { code: "otherCurrency", cell: "E8", currency: "GBP", expected: "EUR" },
  { code: "unknownBenefit", cell: "K7", name: "Joy" },
  { code: "unknownGood", cell: "L6", name: "Caviar" },
];

test("each problem names the sheet and cell, in both languages", () => {
  expect(describeValueGameProblem(all[1], "Value game", "en")).toBe("'Value game'!D5: the price \"cheap\" is not a positive number; this row is left out.");
  expect(describeValueGameProblem(all[1], "Jeu de la valeur", "fr")).toBe("'Jeu de la valeur'!D5\u00a0: le prix «\u00a0cheap\u00a0» n'est pas un nombre positif\u00a0; cette ligne est ignorée.");
  expect(describeValueGameProblem(all[0], "Value game", "en")).toBe("The goods table (SroiValueGameGoods) of the sheet 'Value game' has no \"Price / Prix\" column any more: put its header back.");
  for (const p of all.slice(1)) {
    const cell = (p as { cell: string }).cell;
    expect(describeValueGameProblem(p, "Value game", "en")).toContain(`'Value game'!${cell}: `);
    expect(describeValueGameProblem(p, "Jeu de la valeur", "fr")).toContain(`'Jeu de la valeur'!${cell}\u00a0: `);
  }
});

test("French text puts a no-break space before : ; ? ! and inside « », never a plain one", () => {
  for (const p of all) {
    const fr = describeValueGameProblem(p, "Jeu de la valeur", "fr").replace(/'[^']*'!/, "");
    expect([p.code, /[^\u00a0\u202f][:;?!](\s|$)/.test(fr), / »|« /.test(fr)]).toEqual([p.code, false, false]);
  }
});

test("a game saved again gets ids the Proxies sheet does not have yet", () => {
  const p = (id: string) => ({ id }) as Proxy;
  const ids = withFreeIds([p("VG-2026-12-03-1"), p("VG-2026-12-03-2"), p("VG-2026-12-03-3")], ["vg-2026-12-03-1", "VG-2026-12-03-1-2", "VG-2026-12-03-2"]).map((x) => x.id);
  expect(ids).toEqual(["VG-2026-12-03-1-3", "VG-2026-12-03-2-2", "VG-2026-12-03-3"]);
});
