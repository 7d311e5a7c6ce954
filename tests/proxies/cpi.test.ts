/**
 * Consumer-price indices as data (data/cpi.csv → src/proxies/cpi.generated.ts) and the rebasing they
 * serve, v(to) = v(from) × CPI(to) ÷ CPI(from) (method §11). Expected values are worked by hand (bc)
 * from the figures as the statistical offices publish them, typed here:
 * - FR, INSEE annual averages, all households, France, 2015 = 100: 2018 103.09, 2019 104.23
 *   (Informations rapides n° 9, 15 January 2020); 2020 104.73, 2021 106.45, 2022 112.01 (n° 9,
 *   13 January 2023); 2023 117.47 (Informations rapides on the 2023 annual averages).
 * - UK, ONS CPI INDEX 00: ALL ITEMS 2015=100, series D7BT, annual figures (MM23 time-series file,
 *   release 14-02-2024): 2015 100.0, 2016 100.7, 2017 103.4, 2018 105.9, 2019 107.8, 2020 108.7,
 *   2021 111.6, 2022 121.7, 2023 130.5.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";
import Papa from "papaparse";
import { PRICE_INDEX_FIGURES } from "../../src/proxies/cpi.generated";
import { DEFAULT_PRICE_INDEX, priceIndexFigure, priceIndexYears, priceIndices, rebase, rebaseCell, yearRuns } from "../../src/proxies/cpi";
import { dec } from "../../src/sroi";

const root = path.resolve(__dirname, "../..");
const rows = Papa.parse<Record<string, string>>(readFileSync(path.join(root, "data/cpi.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;

describe("the data", () => {
  test("the generator script agrees that the committed module is up to date", () => {
    const out = execFileSync(process.execPath, [path.join(root, "scripts/build-cpi.mjs"), "--check"], { encoding: "utf8" });
    expect(out).toMatch(/up to date/);
  });

  test("the module holds the CSV's figures, in order, values as written", () => {
    expect(PRICE_INDEX_FIGURES.map((f) => [f.index, String(f.year), f.value])).toEqual(rows.map((r) => [r.index, r.year, r.value]));
  });

  test("every figure says where it comes from, its base and when it was taken", () => {
    for (const f of PRICE_INDEX_FIGURES) {
      expect(f.source.length).toBeGreaterThan(10);
      expect(f.url).toMatch(/^https:\/\//);
      expect(f.base).toMatch(/^\d{4}=100$/);
      expect(f.taken).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test("one figure per index and year, and one base per index", () => {
    const keys = PRICE_INDEX_FIGURES.map((f) => `${f.index} ${f.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const index of new Set(PRICE_INDEX_FIGURES.map((f) => f.index))) {
      expect(new Set(PRICE_INDEX_FIGURES.filter((f) => f.index === index).map((f) => f.base)).size).toBe(1);
    }
  });

  test("the base year of each index is 100", () => {
    for (const f of PRICE_INDEX_FIGURES) if (f.base === `${f.year}=100`) expect(f.value).toBe("100");
  });

  test.each<[number, string]>([
    [2015, "100"],
    [2018, "103.09"],
    [2019, "104.23"],
    [2020, "104.73"],
    [2021, "106.45"],
    [2022, "112.01"],
    [2023, "117.47"],
  ])("FR %i is INSEE's published %s", (year, value) => expect(priceIndexFigure("FR", year)?.value).toBe(value));

  test.each<[number, string]>([
    [2015, "100"],
    [2016, "100.7"],
    [2017, "103.4"],
    [2018, "105.9"],
    [2019, "107.8"],
    [2020, "108.7"],
    [2021, "111.6"],
    [2022, "121.7"],
    [2023, "130.5"],
  ])("UK %i is the ONS's published %s (D7BT)", (year, value) => expect(priceIndexFigure("UK", year)?.value).toBe(value));

  test("the indices are FR and UK; BE and the euro area are not shipped (no citable figures read)", () => {
    expect(priceIndices()).toEqual(["FR", "UK"]);
    expect(priceIndexYears("UK")).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(priceIndexYears("FR")).toEqual([2015, 2018, 2019, 2020, 2021, 2022, 2023]);
  });

  test("each figure names the publication of its own index", () => {
    for (const f of PRICE_INDEX_FIGURES) {
      if (f.index === "FR") expect(f.source).toMatch(/^INSEE/);
      if (f.index === "UK") expect(f.source).toMatch(/^ONS, CPI INDEX 00: ALL ITEMS 2015=100, series D7BT/);
    }
  });

  test("France is the default index", () => expect(DEFAULT_PRICE_INDEX).toBe("FR"));
});

describe("rebase(value, from, to, index)", () => {
  const value = (from: number, to: number, v: string | number = 100, index = "FR") => {
    const r = rebase(dec(v), from, to, index);
    if (!r.ok) throw new Error(r.issue.code);
    return r.value.toString();
  };
  test("100 in 2020 prices is 100 × 112.01 ÷ 104.73 in 2022 prices", () =>
    expect(value(2020, 2022)).toBe("106.9512078678506636111906807982431013081"));
  test("1,000 in 2015 prices is 1,000 × 112.01 ÷ 100 = 1,120.10 in 2022 prices, exactly", () => expect(value(2015, 2022, 1000)).toBe("1120.1"));
  test("646.52 in 2020 prices is 646.52 × 106.45 ÷ 104.73 in 2021 prices", () =>
    expect(value(2020, 2021, "646.52")).toBe("657.1379165473121359686813711448486584551"));
  test("back from 2022 to 2015: 1,120.10 × 100 ÷ 112.01 = 1,000", () => expect(value(2022, 2015, "1120.1")).toBe("1000"));
  test("the same year leaves the value as it is", () => expect(value(2021, 2021, "646.52")).toBe("646.52"));
  test("a negative value (a negative outcome) is rebased the same way", () => expect(value(2015, 2022, -1000)).toBe("-1120.1"));
  test("the index name ignores case and spaces", () => expect(value(2015, 2022, 1000, " fr ")).toBe("1120.1"));

  // Worked with bc (scale=40) from the published figures, rounded half up to 20 decimals:
  //   100 × 117.47 ÷ 103.09   = 113.9489766223688039577068…  → 113.94897662236880395771
  //   646.52 × 104.23 ÷ 103.09 = 653.6694111941022407605005…  → 653.66941119410224076050
  const rounded = (from: number, to: number, v: string | number, index: string) => {
    const r = rebase(dec(v), from, to, index);
    if (!r.ok) throw new Error(r.issue.code);
    return r.value.toFixed(20);
  };
  test("FR: 100 in 2018 prices is 100 × 117.47 ÷ 103.09 in 2023 prices", () =>
    expect(rounded(2018, 2023, 100, "FR")).toBe("113.94897662236880395771"));
  test("FR: 646.52 in 2018 prices is 646.52 × 104.23 ÷ 103.09 in 2019 prices", () =>
    expect(rounded(2018, 2019, "646.52", "FR")).toBe("653.66941119410224076050"));

  // UK (ONS D7BT). bc, scale=40:
  //   1000 × 130.5 ÷ 100   = 1305 exactly
  //   1000 × 121.7 ÷ 108.7 = 1119.5952161913523459061637…  → 1119.59521619135234590616
  //   250 × 111.6 ÷ 107.8  = 258.8126159554730983302411…   → 258.81261595547309833024
  test("UK: 1,000 in 2015 prices is 1,000 × 130.5 ÷ 100 = 1,305 in 2023 prices, exactly", () =>
    expect(value(2015, 2023, 1000, "UK")).toBe("1305"));
  test("UK: back from 2023 to 2015: 1,305 × 100 ÷ 130.5 = 1,000", () => expect(value(2023, 2015, 1305, "UK")).toBe("1000"));
  test("UK: 1,000 in 2020 prices is 1,000 × 121.7 ÷ 108.7 in 2022 prices", () =>
    expect(rounded(2020, 2022, 1000, "UK")).toBe("1119.59521619135234590616"));
  test("UK: 250 in 2019 prices is 250 × 111.6 ÷ 107.8 in 2021 prices", () =>
    expect(rounded(2019, 2021, 250, "UK")).toBe("258.81261595547309833024"));
  test("UK and FR give different results for the same years (each uses its own figures)", () => {
    // FR 2015→2022: × 112.01 ÷ 100 = 1,120.10; UK 2015→2022: × 121.7 ÷ 100 = 1,217
    expect(value(2015, 2022, 1000, "FR")).toBe("1120.1");
    expect(value(2015, 2022, 1000, "uk")).toBe("1217");
  });

  test.each<[string, number, number, string, object]>([
    ["an unknown index", 2015, 2022, "XX", { code: "unknownPriceIndex", field: "priceIndex", value: "XX", available: "FR, UK" }],
    ["a from year the index lacks", 2012, 2022, "FR", { code: "yearNotInPriceIndex", field: "fromYear", value: 2012, priceIndex: "FR", available: "2015, 2018–2023" }],
    ["a to year the index lacks", 2020, 2026, "FR", { code: "yearNotInPriceIndex", field: "toYear", value: 2026, priceIndex: "FR", available: "2015, 2018–2023" }],
    ["a year FR lacks between its sourced years", 2016, 2022, "FR", { code: "yearNotInPriceIndex", field: "fromYear", value: 2016, priceIndex: "FR", available: "2015, 2018–2023" }],
    ["a UK year not published in the file read", 2015, 2024, "UK", { code: "yearNotInPriceIndex", field: "toYear", value: 2024, priceIndex: "UK", available: "2015–2023" }],
    ["Belgium, not shipped", 2015, 2022, "BE", { code: "unknownPriceIndex", field: "priceIndex", value: "BE", available: "FR, UK" }],
    ["the euro area, not shipped", 2015, 2022, "EA", { code: "unknownPriceIndex", field: "priceIndex", value: "EA", available: "FR, UK" }],
  ])("%s is an issue, not an estimate", (_why, from, to, index, issue) => {
    const r = rebase(dec(100), from, to, index);
    expect(r).toEqual({ ok: false, issue });
  });
});

describe("rebaseCell: what Excel sends", () => {
  const cell = (...a: Parameters<typeof rebaseCell>) => {
    const r = rebaseCell(...a);
    return r.ok ? r.value?.toString() ?? null : r.issue.code;
  };
  test.each<[string, Parameters<typeof rebaseCell>, string | null]>([
    ["a blank index is FR", [1000, 2015, 2022, null], "1120.1"],
    ["an empty-text index is FR", [1000, 2015, 2022, ""], "1120.1"],
    ["a blank value gives a blank", [null, 2015, 2022, null], null],
    ["text as value", ["n/a", 2015, 2022, null], "notANumber"],
    ["a blank year", [1000, null, 2022, null], "required"],
    ["a year that is not whole", [1000, 2015.5, 2022, null], "notWholeNumber"],
    ["a year typed as text", [1000, "2015", 2022, null], "notANumber"],
    ["a number as index", [1000, 2015, 2022, 33], "unknownPriceIndex"],
    ["Excel desktop's blank year (0)", [1000, 0, 2022, null], "yearNotInPriceIndex"],
  ])("%s", (_why, args, expected) => expect(cell(...args)).toBe(expected));
});

test("years are listed in runs: 2015, 2020–2022", () => {
  expect(yearRuns([2015, 2020, 2021, 2022])).toBe("2015, 2020–2022");
  expect(yearRuns([2010])).toBe("2010");
  expect(yearRuns([])).toBe("");
});
