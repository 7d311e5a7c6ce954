/**
 * SROI.REBASE(value, from_year, to_year, [index]) called as Excel calls it. Expected values are worked
 * by hand from INSEE's published annual averages (all households, France, 2015 = 100; Informations
 * rapides n° 9 of 13 January 2023): 2020 104.73, 2021 106.45, 2022 112.01.
 */
import { Excel, ExcelValue, OMIT, col, excel, inLanguage } from "./harness";

let xl: Excel;
/** A single value's result, which Excel shows in one cell (the function returns a 1×1 array, as a range would spill). */
const one = (v: ExcelValue): ExcelValue => (Array.isArray(v) && v.length === 1 && v[0].length === 1 ? v[0][0] : v);
beforeAll(async () => {
  xl = await excel();
});

describe("SROI.REBASE values", () => {
  test.each<[string, unknown[], number]>([
    ["100 in 2020 prices, in 2022 prices: 100 × 112.01 ÷ 104.73", [100, 2020, 2022], (100 * 112.01) / 104.73],
    ["1,000 from 2015 (= 100) to 2022: 1,000 × 112.01 ÷ 100", [1000, 2015, 2022], 1120.1],
    ["646.52 from 2020 to 2021: 646.52 × 106.45 ÷ 104.73", [646.52, 2020, 2021, "FR"], (646.52 * 106.45) / 104.73],
    ["back from 2022 to 2020: 112.01 × 104.73 ÷ 112.01", [112.01, 2022, 2020], 104.73],
    ["index omitted is FR", [1000, 2015, 2022, OMIT], 1120.1],
    ["index blank is FR", [1000, 2015, 2022, null], 1120.1],
    ["index in lower case", [1000, 2015, 2022, "fr"], 1120.1],
  ])("%s", (_why, args, expected) => {
    const v = one(xl.call("REBASE", ...args)) as number;
    expect(v).toBeCloseTo(expected, 10);
  });

  test("a column of values spills one result per row; blanks stay blank", () => {
    expect(xl.call("REBASE", col(1000, null, -500), 2015, 2022)).toEqual([[1120.1], [""], [-560.05]]);
  });

  test("each value can have its own price year (ranges of the same shape)", () => {
    const v = xl.call("REBASE", col(100, 100), col(2015, 2020), 2022) as number[][];
    expect(v[0][0]).toBeCloseTo(112.01, 10);
    expect(v[1][0]).toBeCloseTo((100 * 112.01) / 104.73, 10);
  });
});

describe("SROI.REBASE errors", () => {
  test.each<[string, unknown[], string, RegExp]>([
    ["an unknown index is #N/A naming it and the indices there are", [100, 2015, 2022, "XX"], "#N/A", /^index: no consumer-price index is called "XX"; the add-in has FR, UK\./],
    ["a from year the index lacks is #N/A naming the argument and the years it has", [100, 2012, 2022], "#N/A", /^from_year: the FR price index has no figure for 2012; it has 2015, 2018–2023\./],
    ["a to year the index lacks is #N/A", [100, 2020, 2030], "#N/A", /^to_year: the FR price index has no figure for 2030/],
    ["the row of a range is named", [100, col(2015, 1999), 2022], "#N/A", /^from_year, row 2: /],
    ["text as value is #VALUE!", ["n/a", 2015, 2022], "#VALUE!", /^value: "n\/a" is not a number\./],
    ["a blank year is #VALUE!", [100, "", 2022], "#VALUE!", /^from_year: a value is needed here\./],
    ["ranges of different shapes", [col(1, 2), col(2015, 2020, 2021), 2022], "#VALUE!", /has 3×1 cells but value has 2×1/],
  ])("%s", (_why, args, code, message) => {
    const v = xl.call("REBASE", ...args);
    const found = Array.isArray(v) ? v.flat().find((c) => typeof c === "object") ?? v : v;
    expect(found).toEqual({ error: code, message: expect.stringMatching(message) });
  });

  test("messages are in French in French Office, naming the French arguments", () => {
    inLanguage("fr-FR", () => {
      expect(one(xl.call("REBASE", 100, 2012, 2022))).toEqual({
        error: "#N/A",
        message: expect.stringMatching(/^annee_origine : l'indice des prix FR n'a pas de valeur pour 2012 ; il a 2015, 2018–2023\./),
      });
      expect(one(xl.call("REBASE", 100, 2015, 2022, "XX"))).toEqual({
        error: "#N/A",
        message: expect.stringMatching(/^indice : aucun indice des prix à la consommation ne s'appelle «\u00a0XX\u00a0» ; le complément a FR, UK\./),
      });
    });
  });
});
