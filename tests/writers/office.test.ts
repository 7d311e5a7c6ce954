/**
 * The Office.js writer against the in-memory workbook double, which enforces Excel's rules (names,
 * dimensions, structured references to existing tables) and counts round trips.
 */
import { installFakeOffice } from "../doubles/excel/install";
import type { WorkbookState } from "../doubles/excel/state";
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, PROJECTION, STAKEHOLDERS, cellOf, columnIndex } from "../../src/layout/columns";
import { Table } from "../../src/layout/types";
import { Assessment, DEFAULT_SETTINGS, Outcome } from "../../src/sroi";
import { appendToAssessment, checkRequirements, findAssessments, readWorkbookProxies, scaffoldAssessment, useProxy, writeWorkbookProxies } from "../../src/writers/office";
import { referenceCase } from "../fixtures/referenceCase";
import type { Proxy } from "../../src/proxies/types";
import { adjustProxy } from "../../src/proxies/adjust";

let wb: WorkbookState;
beforeEach(() => {
  wb = installFakeOffice(globalThis as unknown as Record<string, unknown>);
});

const sheetCells = (name: string) => {
  const s = wb.sheet(name);
  return new Map([...s.cells].map(([k, c]) => [k, { ...c }]));
};
const cell = (sheet: string, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return wb.sheet(sheet).cell(Number(m[2]) - 1, col);
};

const outcome = (k: number): Outcome => ({ ...referenceCase.outcomes[0], description: `Outcome ${k}`, quantity: k });

describe("creating an assessment", () => {
  test("writes every sheet, table and defined name of the layout in 2 round trips", async () => {
    const r = await scaffoldAssessment(referenceCase);
    expect(r.syncs).toBe(2);
    expect(wb.syncs).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "SROI settings", "Stakeholders", "Inputs", "Impact map", "Projection", "Results", "Summary", "Sensitivity"]);
    expect(wb.tables.map((t) => t.name)).toEqual(["SroiSettings", "SroiStakeholders", "SroiExclusions", "SroiInputs", "SroiOutcomes", "SroiProjection", "SroiValueByStakeholder", "SroiInputsByKind", "SroiInputsByStakeholder", "SroiSensitivity"]);
    expect(wb.names.map((n) => n.name)).toEqual(expect.arrayContaining(["SroiRate", "SroiDiscountYear1", "SroiTotalPV", "SroiRatio", "SroiPayback"]));
    expect(wb.activeSheet!.name).toBe("Impact map");
  });

  test("the impact map row holds the typed numbers and the layout's formulas", async () => {
    await scaffoldAssessment(referenceCase);
    const layout = buildLayout(referenceCase);
    const map = layout.sheets[3].parts.find((p): p is Table => p.kind === "table")!;
    expect(cell("Impact map", cellOf(OUTCOMES, "quantity", 0))!.value).toBe(10); // Quantity
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyValue", 0))!.value).toBe(1000); // Proxy value
    expect(cell("Impact map", cellOf(OUTCOMES, "deadweight", 0))!.value).toBe(0.2); // Deadweight
    expect(cell("Impact map", cellOf(OUTCOMES, "deadweight", 0))!.numberFormat).toBe("0.0%");
    expect(cell("Impact map", cellOf(OUTCOMES, "impact", 0))!.formula).toBe(map.columns[columnIndex(OUTCOMES, "impact")].formula);
    expect(cell("Impact map", cellOf(OUTCOMES, "presentValue", 0))!.formula).toBe(map.columns[columnIndex(OUTCOMES, "presentValue")].formula);
    expect(cell("Impact map", cellOf(OUTCOMES, "impact", 0))!.formula).toMatch(/^=SROI\.NETIMPACT\(/);
  });

  test.each([
    ["D4", "discount factor, year 1", "0.0%"],
    ["D5", "total of year 1", '#,##0.00 "€"'],
    ["D7", "present value of the years shown", '#,##0.00 "€"'],
  ])("Projection %s (%s) is formatted %s in the live workbook", async (ref, _what, code) => {
    await scaffoldAssessment(referenceCase);
    expect(cell("Projection", ref)!.numberFormat).toBe(code);
  });

  test("SroiRate names the settings cell that holds the rate", async () => {
    await scaffoldAssessment(referenceCase);
    const rate = wb.names.find((n) => n.name === "SroiRate")!;
    expect(rate.sheet.name).toBe("SROI settings");
    expect(rate.sheet.cell(rate.box.row, rate.box.column)!.value).toBe(0.035);
  });

  test("round trips stay at 2 for 1,000 outcomes", async () => {
    const big: Assessment = { ...referenceCase, outcomes: Array.from({ length: 1000 }, (_, k) => outcome(k + 1)) };
    const r = await scaffoldAssessment(big);
    expect(r.syncs).toBe(2);
    expect(wb.table("SroiOutcomes")!.box.rows).toBe(1001);
    expect(wb.table("SroiProjection")!.box.rows).toBe(1001);
  });

  test("text a user typed stays text, even when it starts with = + - @ or looks like a number", async () => {
    const a: Assessment = { ...referenceCase, stakeholders: [{ name: "=HYPERLINK(\"http://x\")", groupSize: 3, involvement: "+33 1 23 45" }, { name: "@home", groupSize: null, involvement: "0012" }] };
    await scaffoldAssessment(a);
    expect(cell("Stakeholders", cellOf(STAKEHOLDERS, "name", 0))).toMatchObject({ value: "=HYPERLINK(\"http://x\")" });
    expect(cell("Stakeholders", cellOf(STAKEHOLDERS, "name", 0))!.formula).toBeUndefined();
    expect(cell("Stakeholders", cellOf(STAKEHOLDERS, "involvement", 0))).toMatchObject({ value: "+33 1 23 45" });
    expect(cell("Stakeholders", cellOf(STAKEHOLDERS, "name", 1))).toMatchObject({ value: "@home" });
    expect(cell("Stakeholders", cellOf(STAKEHOLDERS, "involvement", 1))).toMatchObject({ value: "0012" });
  });

  test("a second setup loses nothing: new sheet names, suffixed tables, the first untouched", async () => {
    await scaffoldAssessment(referenceCase);
    const before = wb.sheets.map((s) => [s.name, sheetCells(s.name)] as const);
    const r = await scaffoldAssessment({ ...referenceCase, settings: { ...referenceCase.settings, title: "Second" } });
    expect(r.renamed.map((x) => x.got)).toEqual(["SROI settings (2)", "Stakeholders (2)", "Inputs (2)", "Impact map (2)", "Projection (2)", "Results (2)", "Summary (2)", "Sensitivity (2)"]);
    expect(wb.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["SroiOutcomes", "SroiOutcomes2", "SroiSettings2"]));
    for (const [name, cells] of before) expect(sheetCells(name)).toEqual(cells);
    expect(cell("Impact map (2)", cellOf(OUTCOMES, "impact", 0))!.formula).toContain("SroiOutcomes2[[#This Row],[Quantity]]");
  });

  test("a user's own sheet named like ours is left alone", async () => {
    wb.addSheet("Impact map").ensure(0, 0).value = "mine";
    await scaffoldAssessment(referenceCase);
    expect(wb.sheet("Impact map").cell(0, 0)!.value).toBe("mine");
    expect(wb.sheets.map((s) => s.name)).toContain("Impact map (2)");
  });
});

describe("continuing an assessment", () => {
  test("finds it again from the workbook alone, settings included", async () => {
    await scaffoldAssessment(referenceCase);
    const found = await findAssessments();
    expect(found).toHaveLength(1);
    expect(found[0].suffix).toBe("");
    expect(found[0].assessment).toEqual(referenceCase);
    expect(found[0].sheetNames.impactMap).toBe("Impact map");
  });

  test("finds both assessments of a workbook", async () => {
    await scaffoldAssessment(referenceCase);
    await scaffoldAssessment({ ...referenceCase, settings: { ...referenceCase.settings, title: "Second", language: "fr" } });
    const found = await findAssessments();
    expect(found.map((f) => [f.suffix, f.assessment.settings.title, f.sheetNames.impactMap])).toEqual([
      ["", "Method §8", "Impact map"],
      ["2", "Second", "Carte des impacts"],
    ]);
  });

  test("adds outcomes, inputs and stakeholders in 2 round trips, with formulas and projection rows", async () => {
    await scaffoldAssessment(referenceCase);
    const [found] = await findAssessments();
    const syncsBefore = wb.syncs;
    const r = await appendToAssessment(found, {
      stakeholders: [{ name: "Families", groupSize: 8, involvement: "Interviewed" }],
      inputs: [{ stakeholder: "Volunteers", kind: "time", description: "Mentoring", amount: null, hours: 100, hourlyCost: 15 }],
      outcomes: [outcome(2), outcome(3)],
    });
    expect(r.syncs).toBe(2);
    expect(wb.syncs - syncsBefore).toBe(2);
    expect(wb.table("SroiOutcomes")!.box.rows).toBe(4);
    expect(cell("Impact map", cellOf(OUTCOMES, "description", 2))!.value).toBe("Outcome 3");
    expect(cell("Impact map", cellOf(OUTCOMES, "impact", 2))!.formula).toBe(cell("Impact map", cellOf(OUTCOMES, "impact", 0))!.formula);
    expect(wb.table("SroiProjection")!.box.rows).toBe(4);
    expect(cell("Projection", cellOf(PROJECTION, "number", 2))!.value).toBe(3);
    expect(cell("Stakeholders", cellOf(STAKEHOLDERS, "name", 1))!.value).toBe("Families");
    const again = await findAssessments();
    expect(again[0].assessment.outcomes).toHaveLength(3);
    expect(again[0].assessment.inputs[1]).toMatchObject({ kind: "time", hours: 100, hourlyCost: 15 });
  });

  test("a French workbook of an earlier layout (« Érosion », now « Décroissance »): added rows name the column as its table does", async () => {
    const fr: Assessment = { ...referenceCase, settings: { ...referenceCase.settings, language: "fr" } };
    await scaffoldAssessment(fr);
    // what an earlier layout wrote: the drop-off column headed « Érosion », its formulas naming it so
    const map = wb.table("SroiOutcomes")!;
    const i = columnIndex(OUTCOMES, "dropOff");
    const sheet = wb.sheet("Carte des impacts");
    expect(sheet.cell(map.box.row, map.box.column + i)!.value).toBe("Décroissance");
    sheet.cell(map.box.row, map.box.column + i)!.value = "Érosion";
    for (const c of sheet.cells.values()) if (c.formula) c.formula = c.formula.split("[Décroissance]").join("[Érosion]");
    for (const c of wb.sheet("Projection").cells.values()) if (c.formula) c.formula = c.formula.split("[Décroissance]").join("[Érosion]");

    const [found] = await findAssessments();
    expect(found.assessment.outcomes.map((o) => o.dropOff)).toEqual(fr.outcomes.map((o) => o.dropOff));
    expect(found.formerHeaders).toContainEqual({ current: "Décroissance", former: "Érosion" });
    await appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [outcome(2)] });
    const added = cell("Carte des impacts", cellOf(OUTCOMES, "presentValue", 1))!.formula!;
    expect(added).toContain("[Érosion]");
    expect(added).not.toContain("[Décroissance]");
    expect(added).toBe(cell("Carte des impacts", cellOf(OUTCOMES, "presentValue", 0))!.formula);
    const again = await findAssessments();
    expect(again[0].assessment.outcomes).toHaveLength(2);
  });

  test("the first outcomes fill the blank row of an empty assessment instead of leaving it", async () => {
    await scaffoldAssessment({ ...referenceCase, outcomes: [], stakeholders: [], inputs: [] });
    const [found] = await findAssessments();
    await appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [outcome(1), outcome(2)] });
    expect(wb.table("SroiOutcomes")!.box.rows).toBe(3);
    expect(wb.table("SroiProjection")!.box.rows).toBe(3);
    expect(cell("Impact map", cellOf(OUTCOMES, "description", 0))!.value).toBe("Outcome 1");
  });
});

const rsa: Proxy = {
  id: "FR-RSA-SINGLE-2025", nameEn: "RSA minimum income, single person, no child", nameFr: "RSA montant forfaitaire, personne seule sans enfant",
  value: 646.52, currency: "EUR", unit: "per month", priceYear: 2025, country: "FR", themes: ["employment", "poverty"], method: "cost saved",
  source: "Décret n° 2025-293", url: "https://www.legifrance.gouv.fr", notes: "", origin: "library", kind: "value",
};

describe("using a proxy", () => {
  test("fills name, value and source of the selected impact-map row", async () => {
    await scaffoldAssessment({ ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxySource: "" }] });
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    const r = await useProxy(rsa, { overwrite: false });
    expect(r).toEqual({ status: "written", target: "impactMap", address: cellOf(OUTCOMES, "proxyName", 0) });
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyName", 0))!.value).toBe("RSA minimum income, single person, no child");
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyValue", 0))!.value).toBe(646.52);
    expect(cell("Impact map", cellOf(OUTCOMES, "proxySource", 0))!.value).toBe("Décret n° 2025-293 — 2025 — https://www.legifrance.gouv.fr");
  });

  test("with units per person: the units, the proxy's unit, its price year and method go into the row (a monthly RSA × 8)", async () => {
    const blank = { ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxyUnits: null, proxySource: "" };
    await scaffoldAssessment({ ...referenceCase, outcomes: [blank] });
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    expect(await useProxy(rsa, { overwrite: false, units: 8 })).toEqual({ status: "written", target: "impactMap", address: cellOf(OUTCOMES, "proxyName", 0) });
    const at = (key: Parameters<typeof cellOf>[1]) => cell("Impact map", cellOf(OUTCOMES, key, 0))?.value;
    expect([at("proxyValue"), at("proxyUnits"), at("proxyUnit"), at("proxyPriceYear"), at("valuationMethod")]).toEqual([646.52, 8, "per month", 2025, "Cost saved"]);
  });

  test("revalued to the assessment's price year: 691.46 in 2022 prices, the year and how it was made in the row (hand: 646.52 × 112.01 ÷ 104.73)", async () => {
    const blank = { ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxyUnits: null, proxySource: "" };
    await scaffoldAssessment({ ...referenceCase, outcomes: [blank] });
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    const of2020 = { ...rsa, priceYear: 2020 };
    const adjusted = adjustProxy(of2020, { currency: "EUR", priceYear: 2022, priceIndex: "FR" });
    if (adjusted.status !== "ready") throw new Error("not ready");
    await useProxy(of2020, { overwrite: false, units: 12, adjusted });
    const at = (key: Parameters<typeof cellOf>[1]) => cell("Impact map", cellOf(OUTCOMES, key, 0))?.value;
    expect([at("proxyValue"), at("proxyPriceYear")]).toEqual([691.46, 2022]);
    expect(at("proxySource")).toBe(
      "Décret n° 2025-293 — 2020 — https://www.legifrance.gouv.fr — 646.52 in 2020 prices × 112.01 ÷ 104.73 (INSEE CPI, France, 2015=100) = 691.46 in 2022 prices",
    );
  });

  const wellby: Proxy = { ...rsa, id: "UK-WELLBY", nameEn: "WELLBY", nameFr: "WELLBY", value: 13000, currency: "GBP", unit: "per year", priceYear: 2025, source: "HM Treasury Green Book" };

  test("a GBP proxy in a EUR assessment is refused without a conversion: nothing is written", async () => {
    const blank = { ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxyUnits: null, proxySource: "" };
    await scaffoldAssessment({ ...referenceCase, outcomes: [blank] });
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    await expect(useProxy(wellby, { overwrite: false, units: 1 })).rejects.toThrow(/this proxy is in GBP and the assessment in EUR: give the exchange rate/);
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyValue", 0))?.value ?? "").toBe("");
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyName", 0))?.value ?? "").toBe("");
  });

  test("converted at a given rate: 13,000 GBP × 1.17 = 15,210.00 EUR, the currency, rate and its source recorded", async () => {
    const blank = { ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxyUnits: null, proxySource: "" };
    await scaffoldAssessment({ ...referenceCase, outcomes: [blank] });
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    const adjusted = adjustProxy(wellby, { currency: "EUR", priceYear: 2025, priceIndex: "FR" }, { rate: 1.17, source: "ECB, 2025-06-30" });
    if (adjusted.status !== "ready") throw new Error("not ready");
    await useProxy(wellby, { overwrite: false, units: 1, adjusted });
    const at = (key: Parameters<typeof cellOf>[1]) => cell("Impact map", cellOf(OUTCOMES, key, 0))?.value;
    expect([at("proxyValue"), at("proxyCurrency"), at("exchangeRate"), at("exchangeRateSource")]).toEqual([15210, "GBP", 1.17, "ECB, 2025-06-30"]);
    expect(at("proxySource")).toBe("HM Treasury Green Book — 2025 — https://www.legifrance.gouv.fr — 13,000.00 GBP × 1.17 EUR per GBP (ECB, 2025-06-30) = 15,210.00 EUR");
    // and the workbook reads back as an outcome that computes (its conversion recorded)
    const [found] = await findAssessments();
    expect(found.assessment.outcomes[0]).toMatchObject({ proxyValue: 15210, proxyCurrency: "GBP", exchangeRate: 1.17 });
    expect(found.problems).toEqual([]);
  });

  test("in a French impact map, the unit and the method are written in French (the words its list holds)", async () => {
    const blank = { ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxyUnits: null, proxySource: "" };
    await scaffoldAssessment({ ...referenceCase, settings: { ...referenceCase.settings, language: "fr" }, outcomes: [blank] });
    const map = wb.table("SroiOutcomes")!.sheet;
    wb.selection = { sheet: map, box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    await useProxy(rsa, { overwrite: false, units: 12 });
    const at = (key: Parameters<typeof cellOf>[1]) => map.cell(OUTCOMES.row + 1, columnIndex(OUTCOMES, key))?.value;
    expect([at("proxyUnits"), at("proxyUnit"), at("valuationMethod")]).toEqual([12, "par mois", "Coût évité"]);
  });

  test("units already typed in the row are named before they are replaced", async () => {
    await scaffoldAssessment({ ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxyUnits: 6, proxySource: "" }] });
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    expect(await useProxy(rsa, { overwrite: false, units: 12 })).toEqual({ status: "needsConfirmation", occupied: [{ address: cellOf(OUTCOMES, "proxyUnits", 0), value: "6" }] });
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyUnits", 0))!.value).toBe(6);
  });

  test("asks before replacing a filled row, and replaces only after yes", async () => {
    await scaffoldAssessment(referenceCase);
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 4, rows: 1, columns: 1 } };
    const r = await useProxy(rsa, { overwrite: false });
    expect(r.status).toBe("needsConfirmation");
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyValue", 0))!.value).toBe(1000);
    await useProxy(rsa, { overwrite: true });
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyValue", 0))!.value).toBe(646.52);
  });

  test("a formula that shows \"\" is not an empty cell: it is named and kept until yes", async () => {
    await scaffoldAssessment({ ...referenceCase, outcomes: [{ ...referenceCase.outcomes[0], proxyName: "", proxyValue: null, proxySource: "" }] });
    const value = wb.sheet("Impact map").ensure(OUTCOMES.row + 1, OUTCOMES.columns.findIndex((c) => c.key === "proxyValue"));
    value.formula = '=IF(A1="","",1000)';
    value.value = "";
    wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1, column: 1, rows: 1, columns: 1 } };
    expect(await useProxy(rsa, { overwrite: false })).toEqual({
      status: "needsConfirmation",
      occupied: [{ address: cellOf(OUTCOMES, "proxyValue", 0), value: '=IF(A1="","",1000)' }],
    });
    expect(value.formula).toBe('=IF(A1="","",1000)');
    await useProxy(rsa, { overwrite: true });
    expect(cell("Impact map", cellOf(OUTCOMES, "proxyValue", 0))!.value).toBe(646.52);
  });

  test("outside the impact map, an active cell holding a formula is not replaced without asking", async () => {
    const c = wb.sheet("Sheet1").ensure(2, 2);
    c.formula = '=""';
    c.value = "";
    wb.selection = { sheet: wb.sheet("Sheet1"), box: { row: 2, column: 2, rows: 1, columns: 1 } };
    expect(await useProxy(rsa, { overwrite: false })).toEqual({ status: "needsConfirmation", occupied: [{ address: "Sheet1!C3", value: '=""' }] });
    expect(wb.sheet("Sheet1").cell(2, 2)!.formula).toBe('=""');
  });

  test("outside the impact map, the value goes into the active cell", async () => {
    wb.selection = { sheet: wb.sheet("Sheet1"), box: { row: 2, column: 2, rows: 1, columns: 1 } };
    expect(await useProxy(rsa, { overwrite: false })).toEqual({ status: "written", target: "activeCell", address: "Sheet1!C3" });
    expect(wb.sheet("Sheet1").cell(2, 2)!.value).toBe(646.52);
  });
});

describe("the workbook's proxies", () => {
  test("a Proxies sheet is created on demand, then appended to, and reads back", async () => {
    expect(await readWorkbookProxies()).toEqual([]);
    const first = await writeWorkbookProxies([{ ...rsa, id: "OWN-1", origin: "workbook", notes: "=not a formula" }]);
    expect(first.created).toBe(true);
    await writeWorkbookProxies([{ ...rsa, id: "OWN-2", origin: "workbook" }]);
    const read = await readWorkbookProxies();
    expect(read.map((p) => p.id)).toEqual(["OWN-1", "OWN-2"]);
    expect(read[0].notes).toBe("=not a formula");
    expect(read[0].origin).toBe("workbook");
  });
});

test("an Excel without ExcelApi 1.8 is told so", () => {
  installFakeOffice(globalThis as unknown as Record<string, unknown>, { excelApi: 7 });
  expect(checkRequirements()).toEqual({ ok: false, missing: ["ExcelApi 1.8"] });
  installFakeOffice(globalThis as unknown as Record<string, unknown>, { excelApi: 8 });
  expect(checkRequirements()).toEqual({ ok: true, missing: [] });
});

test("the reference case reads DEFAULT_SETTINGS", () => expect(referenceCase.settings.currency).toBe(DEFAULT_SETTINGS.currency));
