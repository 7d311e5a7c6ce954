/**
 * The impact map's units and evidence columns (issue #12 items 1 and 4): units per person and the
 * proxy's unit right after the proxy value, the proxy's price year and valuation method at the end of
 * stage 3; written in the sheet's language, read back in either, and optional for older workbooks.
 */
import type { CellValue } from "../../src/layout/types";
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, cellOf, columnIndex, outcomeFormulas } from "../../src/layout/columns";
import { layoutNames } from "../../src/layout/names";
import { readAssessment, type TableContents } from "../../src/layout/read";
import { type Table, isFormula } from "../../src/layout/types";
import { describeReadProblem } from "../../src/i18n/workbook";
import type { Assessment, Lang } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

const rsa: Assessment = {
  ...referenceCase,
  outcomes: [
    {
      ...referenceCase.outcomes[0],
      proxyName: "RSA, single person",
      proxyValue: 646.52,
      proxyUnits: 8,
      proxyUnit: "per month",
      proxySource: "Décret n° 2025-293",
      proxyPriceYear: 2025,
      valuationMethod: "cost saved",
    },
  ],
};
const inLang = (a: Assessment, language: Lang): Assessment => ({ ...a, settings: { ...a.settings, language } });

const contentsOf = (a: Assessment): TableContents[] =>
  buildLayout(a).sheets.flatMap((s) =>
    s.parts
      .filter((p): p is Table => p.kind === "table")
      .map((t) => ({ name: t.name, sheet: s.name, row: t.row, column: t.column, headers: t.columns.map((c) => c.header), rows: t.rows.map((r) => r.map((c) => (isFormula(c) ? null : c))) })),
  );
const mapOf = (tables: TableContents[]) => tables.find((t) => t.name === "SroiOutcomes")!;
/** The tables with one cell of the first outcome changed. */
function withCell(tables: TableContents[], header: string, value: string | number | null): TableContents[] {
  return tables.map((t) => (t.name !== "SroiOutcomes" ? t : { ...t, rows: t.rows.map((r, k) => (k === 0 ? r.map((c, i) => (t.headers[i] === header ? value : c)) : r)) }));
}
/** The tables as a workbook made before these columns existed. */
function without(tables: TableContents[], headers: string[]): TableContents[] {
  return tables.map((t) => {
    if (t.name !== "SroiOutcomes") return t;
    const keep = t.headers.map((h) => !headers.includes(h));
    return { ...t, headers: t.headers.filter((_h, i) => keep[i]), rows: t.rows.map((r) => r.filter((_c, i) => keep[i])) };
  });
}

test("units per person and the proxy's unit follow the proxy value; price year and method close stage 3", () => {
  const keys = OUTCOMES.columns.map((c) => c.key);
  expect(keys.slice(keys.indexOf("proxyValue"), keys.indexOf("deadweight"))).toEqual(["proxyValue", "proxyUnits", "proxyUnit", "proxySource", "proxyCurrency", "exchangeRate", "exchangeRateSource", "proxyPriceYear", "valuationMethod"]);
  expect(OUTCOMES.columns.filter((c) => ["proxyUnits", "proxyUnit", "proxyPriceYear", "valuationMethod"].includes(c.key)).map((c) => c.stage)).toEqual([3, 3, 3, 3]);
  // A stakeholder, B intended, C activity, D output, E outcome, F polarity, G indicator, H its source,
  // I quantity, J duration, K start, L proxy, M proxy value, N units per person
  expect(cellOf(OUTCOMES, "proxyUnits", 0)).toBe("N5");
});

test.each([
  ["en", ["Units per person", "Proxy unit", "Proxy price year", "Valuation method"], "Cost saved"],
  ["fr", ["Unités par personne", "Unité du proxy", "Année de prix du proxy", "Méthode de valorisation"], "Coût évité"],
] as const)("written in %s: headers, the values of the row, the method as the sheet's language says it", (lang, headers, method) => {
  const map = mapOf(contentsOf(inLang(rsa, lang)));
  const row = map.rows[0];
  expect(headers.map((h) => row[map.headers.indexOf(h)])).toEqual([8, "per month", 2025, method]);
});

test("the method column has a list validation in the sheet's language, the units one a number from 0", () => {
  const table = (lang: Lang) => buildLayout(inLang(rsa, lang)).sheets.flatMap((s) => s.parts).find((p): p is Table => p.kind === "table" && p.name === "SroiOutcomes")!;
  const method = (lang: Lang) => table(lang).columns[columnIndex(OUTCOMES, "valuationMethod")].validation;
  expect(method("en")).toEqual(expect.objectContaining({ kind: "list", items: ["Additional income", "Cost saved", "Market equivalent", "Value game", "Wellbeing valuation", "Other"] }));
  expect(method("fr")).toEqual(expect.objectContaining({ kind: "list", items: ["Revenu supplémentaire", "Coût évité", "Équivalent marché", "Jeu de la valeur", "Valorisation du bien-être", "Autre"] }));
  expect(table("fr").columns[columnIndex(OUTCOMES, "proxyUnits")].validation).toEqual(expect.objectContaining({ kind: "decimal", min: 0 }));
});

test.each(["en", "fr"] as const)("read back (%s): the same outcome, method as its key", (lang) => {
  expect(readAssessment(contentsOf(inLang(rsa, lang)))).toEqual({ assessment: inLang(rsa, lang), problems: [] });
});

test.each([
  ["a French label in an English sheet", "Jeu de la valeur", "value game"],
  ["the key", "market equivalent", "market equivalent"],
  ["another case and no accents", "EQUIVALENT MARCHE", "market equivalent"],
  ["Other", "Other", "other"],
  ["Autre", "autre", "other"],
  ["a blank", null, ""],
])("a method typed as %s (%p) reads as its key", (_why, typed, key) => {
  const read = readAssessment(withCell(contentsOf(rsa), "Valuation method", typed));
  expect(read.problems).toEqual([]);
  expect(read.assessment!.outcomes[0].valuationMethod).toBe(key);
});

test("an unknown method is a problem at its cell, in English and French", () => {
  const read = readAssessment(withCell(contentsOf(rsa), "Valuation method", "guesswork"));
  expect(read.problems).toHaveLength(1);
  const at = cellOf(OUTCOMES, "valuationMethod", 0);
  expect(describeReadProblem(read.problems[0], "en")).toBe(
    `'Impact map'!${at} (Valuation method): Valuation method: "guesswork" is not a valuation method; choose additional income, cost saved, market equivalent, value game, wellbeing valuation or other.`,
  );
  expect(describeReadProblem(read.problems[0], "fr")).toBe(
    `'Impact map'!${at} (Valuation method)\u00a0: Méthode de valorisation\u00a0: «\u00a0guesswork\u00a0» n'est pas une méthode de valorisation\u00a0; choisissez revenu supplémentaire, coût évité, équivalent marché, jeu de la valeur, valorisation du bien-être ou autre.`,
  );
});

test("units that are not a number, or negative, are a problem at the units cell", () => {
  for (const [typed, code] of [["eight", "notANumber"], [-1, "negative"]] as const) {
    const read = readAssessment(withCell(contentsOf(rsa), "Units per person", typed));
    expect(read.problems).toEqual([expect.objectContaining({ code: "badCell", cell: cellOf(OUTCOMES, "proxyUnits", 0), header: "Units per person", issue: expect.objectContaining({ code, field: "units" }) })]);
  }
});

test("a price year that is text is a problem at its cell", () => {
  const read = readAssessment(withCell(contentsOf(rsa), "Proxy price year", "last year"));
  expect(read.problems).toEqual([expect.objectContaining({ cell: cellOf(OUTCOMES, "proxyPriceYear", 0), header: "Proxy price year" })]);
});

test("a blank units cell reads as blank, which the core counts as 1", () => {
  const read = readAssessment(withCell(contentsOf(rsa), "Units per person", null));
  expect(read.problems).toEqual([]);
  expect(read.assessment!.outcomes[0].proxyUnits).toBeNull();
});

test("an older workbook without the four columns reads without a problem: 1 unit, no unit, no price year, no method", () => {
  const older = without(contentsOf(referenceCase), ["Units per person", "Proxy unit", "Proxy price year", "Valuation method"]);
  expect(mapOf(older).headers).not.toContain("Units per person");
  const read = readAssessment(older);
  expect(read.problems).toEqual([]);
  expect(read.assessment!.outcomes[0]).toEqual(expect.objectContaining({ proxyUnits: 1, proxyUnit: "", proxyPriceYear: null, valuationMethod: "" }));
  expect(read.assessment).toEqual(referenceCase);
});

test("an older workbook without the currency columns and settings without price year and index read as before", () => {
  const older = without(contentsOf(referenceCase), ["Proxy currency", "Exchange rate", "Exchange rate source"]);
  const settings = older.find((t) => t.name === "SroiSettings")!;
  const key = settings.headers.indexOf("Key");
  const noPrice = { ...settings, rows: settings.rows.filter((r) => r[key] !== "priceYear" && r[key] !== "priceIndex") };
  const read = readAssessment(older.map((t) => (t === settings ? noPrice : t)));
  expect(noPrice.rows.length).toBe(settings.rows.length - 2);
  expect(read.problems).toEqual([]);
  expect(read.assessment).toEqual(referenceCase);
});

test("a price year and price index in the settings read back; an unknown index or a text year is a problem at its cell", () => {
  const a = { ...referenceCase, settings: { ...referenceCase.settings, priceYear: 2022, priceIndex: "FR" } };
  expect(readAssessment(contentsOf(a)).assessment!.settings).toMatchObject({ priceYear: 2022, priceIndex: "FR" });
  const edit = (key: string, value: CellValue) =>
    contentsOf(a).map((t) => {
      if (t.name !== "SroiSettings") return t;
      const [k, v] = [t.headers.indexOf("Key"), t.headers.indexOf("Value")];
      return { ...t, rows: t.rows.map((r) => (r[k] === key ? r.map((c, i) => (i === v ? value : c)) : r)) };
    });
  const index = readAssessment(edit("priceIndex", "XX"));
  expect(index.problems).toEqual([expect.objectContaining({ code: "badCell", issue: expect.objectContaining({ code: "unknownPriceIndex", value: "XX" }) })]);
  expect(describeReadProblem(index.problems[0], "en")).toMatch(/Price index: no consumer-price index is called "XX"; the add-in has FR/);
  const year = readAssessment(edit("priceYear", "last year"));
  expect(year.problems).toEqual([expect.objectContaining({ code: "badCell", issue: expect.objectContaining({ code: "notANumber", field: "priceYear" }) })]);
  // a lower-case index is the same index
  expect(readAssessment(edit("priceIndex", " fr ")).assessment!.settings.priceIndex).toBe("FR");
});

test("the blank row of a new impact map starts with blank units (so it reads as empty)", () => {
  const map = mapOf(contentsOf({ ...referenceCase, outcomes: [] }));
  expect(map.rows[0][map.headers.indexOf("Units per person")]).toBeNull();
  expect(readAssessment(contentsOf({ ...referenceCase, outcomes: [] })).assessment!.outcomes).toEqual([]);
});

test("portable: quantity × proxy × units (blank is 1) × the three deductions, in native functions", () => {
  const { impact } = outcomeFormulas({ lang: "en", names: layoutNames(), portable: true });
  const u = "SroiOutcomes[[#This Row],[Units per person]]";
  expect(impact).toContain(`N(SroiOutcomes[[#This Row],[Proxy value]])*IF(${u}="",1,${u})*(1-N(SroiOutcomes[[#This Row],[Deadweight]]))`);
  expect(impact).not.toMatch(/SROI\./);
});
