/**
 * The pane's formulas compute in a French Excel. There Excel registers the custom functions under
 * the French names of functions-fr.json, and an English name written through `range.formulas`
 * gives #NAME? (office-js #891). The double models it: under fr-FR it registers the French names
 * and renders `formulasLocal` in French (";" between arguments, "," decimal mark, SOMME, SI,
 * [#Cette ligne]…). Expected figures: the method document's reference case (§8): net impact 6,000,
 * PV 15,221.50, NPV 5,221.50, ratio 1.5222, net ratio 0.5222, payback 20.0 months; French names from
 * the README's table of functions.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { recalculate } from "../doubles/excel/evaluate";
import type { WorkbookState } from "../doubles/excel/state";
import * as F from "../../src/functions/functions";
import { appendToAssessment, findAssessments, scaffoldAssessment } from "../../src/writers/office";
import { localFunctionNames, renameCustomFunctions } from "../../src/writers/office/localFormulas";
import { referenceCase } from "../fixtures/referenceCase";
import { OUTCOMES, columnIndex } from "../../src/layout/columns";

/** The impact map's calculated columns, wherever the declaration puts them. */
const IMPACT = columnIndex(OUTCOMES, "impact");
const PV_COLUMN = columnIndex(OUTCOMES, "presentValue");
import type { Assessment } from "../../src/sroi/assessment";

const functions = { NETIMPACT: F.netImpact, PROJECT: F.project, PV: F.pv, NPV: F.npv, RATIO: F.ratio, NETRATIO: F.netRatio, PAYBACK: F.payback } as Record<string, (...a: unknown[]) => unknown>;

let wb: WorkbookState;
const office = (displayLanguage: string) => (wb = installFakeOffice(globalThis as unknown as Record<string, unknown>, { displayLanguage }));
beforeEach(() => office("fr-FR"));

const named = (name: string) => {
  const n = wb.names.find((x) => x.name === name)!;
  return n.sheet.cell(n.box.row, n.box.column)!;
};
const at = (sheet: string, row: number, column: number) => wb.sheet(sheet).cell(row, column)!;
const customCalls = () => wb.sheets.flatMap((s) => [...s.cells.values()].flatMap((c) => c.formula?.match(/SROI\.[A-Z.]+(?=\()/g) ?? []));

describe("the display language's custom-function names", () => {
  test("French: every function under its README name", () =>
    expect(Object.fromEntries(localFunctionNames("fr")!)).toEqual({
      "SROI.NETIMPACT": "SROI.IMPACTNET",
      "SROI.PROJECT": "SROI.PROJECTION",
      "SROI.PV": "SROI.VALEURACTUELLE",
      "SROI.NPV": "SROI.VALEURNETTE",
      "SROI.RATIO": "SROI.RATIO",
      "SROI.NETRATIO": "SROI.RATIONET",
      "SROI.PAYBACK": "SROI.DELAIRETOUR",
      "SROI.BREAKEVEN": "SROI.EQUILIBRE",
      "SROI.PROXY": "SROI.PROXY",
      "SROI.REBASE": "SROI.REVALORISER",
    }));
  test("English: nothing to rename", () => expect(localFunctionNames("en")).toBeNull());
});

describe("renaming the calls in Excel's local text", () => {
  const fr = localFunctionNames("fr")!;
  test.each([
    ["=SROI.NETIMPACT(A1;B1)", "=SROI.IMPACTNET(A1;B1)"],
    ["=SROI.RATIO(SroiTotalPV;SroiTotalInputs)", "=SROI.RATIO(SroiTotalPV;SroiTotalInputs)"],
    ["=sroi.pv (SroiRate;1,5)", "=SROI.VALEURACTUELLE (SroiRate;1,5)"],
    ["=SI(A1;SROI.NPV(1;2);0)", "=SI(A1;SROI.VALEURNETTE(1;2);0)"],
    ['="SROI.PV(1)"&SROI.PAYBACK(1;2)', '="SROI.PV(1)"&SROI.DELAIRETOUR(1;2)'],
    ["='SROI.PV(2)'!A1+SROI.PV(1;2;3)", "='SROI.PV(2)'!A1+SROI.VALEURACTUELLE(1;2;3)"],
    ["=SROI.PV(T[[#Cette ligne];[SROI.PV(x]];1)", "=SROI.VALEURACTUELLE(T[[#Cette ligne];[SROI.PV(x]];1)"],
    ["=T['[SROI.PV(]+1", "=T['[SROI.PV(]+1"],
    ["=SROI.PROJECTION(6000;3)", "=SROI.PROJECTION(6000;3)"],
    ["=SROI.IMPACTNET(1;2)", "=SROI.IMPACTNET(1;2)"],
    ["=MY.SROI.PV(1)+SROI.PVX(1)", "=MY.SROI.PV(1)+SROI.PVX(1)"],
  ])("%s → %s", (local, expected) => expect(renameCustomFunctions(local, fr)).toBe(expected));
});

describe("creating an assessment in a French Excel", () => {
  test("three round trips; every custom function under its French name", async () => {
    const r = await scaffoldAssessment(referenceCase);
    expect(r.syncs).toBe(3);
    expect(wb.syncs).toBe(3);
    expect(new Set(customCalls())).toEqual(new Set(["SROI.IMPACTNET", "SROI.VALEURACTUELLE", "SROI.VALEURNETTE", "SROI.RATIO", "SROI.RATIONET", "SROI.DELAIRETOUR"]));
  });

  test("the impact map's formulas keep their structured references and arguments", async () => {
    await scaffoldAssessment(referenceCase);
    const proxy = "SroiOutcomes[[#This Row],[Proxy value]]";
    const units = "SroiOutcomes[[#This Row],[Units per person]]";
    expect(at("Impact map", 4, IMPACT).formula).toBe(
      `=SROI.IMPACTNET(SroiOutcomes[[#This Row],[Quantity]],IF(COUNT(${proxy}),${proxy}*IF(${units}="",1,${units}),${proxy}),SroiOutcomes[[#This Row],[Deadweight]],SroiOutcomes[[#This Row],[Displacement]],SroiOutcomes[[#This Row],[Attribution]])`,
    );
    expect(at("Impact map", 4, PV_COLUMN).formula).toBe(
      "=SROI.VALEURACTUELLE(SroiRate,SroiOutcomes[[#This Row],[Impact]],SroiOutcomes[[#This Row],[Duration (years)]],SroiOutcomes[[#This Row],[Drop-off]],SroiOutcomes[[#This Row],[Starts in year]],SroiDiscountYear1)",
    );
  });

  test("the results compute the reference case: PV 15,221.50, NPV 5,221.50, ratio 1.5222, net ratio 0.5222, payback 20.0", async () => {
    await scaffoldAssessment(referenceCase);
    recalculate(wb, functions);
    expect(at("Impact map", 4, IMPACT).value).toBeCloseTo(6000, 9);
    expect(at("Impact map", 4, PV_COLUMN).value).toBeCloseTo(15221.5, 2);
    expect(named("SroiTotalPV").value).toBeCloseTo(15221.5, 2);
    expect(named("SroiNPV").value).toBeCloseTo(5221.5, 2);
    expect(named("SroiRatio").value).toBeCloseTo(1.5222, 4);
    expect(named("SroiNetRatio").value).toBeCloseTo(0.5222, 4);
    expect(named("SroiPayback").value).toBeCloseTo(20, 10);
  });

  test("a French assessment (French sheets and headers) computes the same", async () => {
    await scaffoldAssessment({ ...referenceCase, settings: { ...referenceCase.settings, language: "fr" } });
    recalculate(wb, functions);
    expect(named("SroiTotalPV").value).toBeCloseTo(15221.5, 2);
    expect(named("SroiRatio").value).toBeCloseTo(1.5222, 4);
  });

  test("without the renaming step the same workbook shows #NAME? (the bug of office-js #891)", async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock("../../src/writers/office/localFormulas", () => ({ ...jest.requireActual("../../src/writers/office/localFormulas"), localFunctionNames: () => null }));
      const unrenamed = (await import("../../src/writers/office")) as typeof import("../../src/writers/office");
      const r = await unrenamed.scaffoldAssessment(referenceCase);
      expect(r.syncs).toBe(2);
    });
    recalculate(wb, functions);
    expect(at("Impact map", 4, IMPACT).value).toBe("#NAME?");
    expect(named("SroiTotalPV").value).toBe("#NAME?");
    expect(named("SroiRatio").value).toBe("#NAME?");
  });

  test("text a user typed stays text, even when it looks like a call of ours", async () => {
    const a: Assessment = { ...referenceCase, settings: { ...referenceCase.settings, organisation: "=SROI.PV(1,2,3)" }, stakeholders: [{ name: "=SROI.RATIO(1,2)", groupSize: 1, involvement: "" }] };
    await scaffoldAssessment(a);
    const texts = wb.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.value === "=SROI.PV(1,2,3)" || c.value === "=SROI.RATIO(1,2)");
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.every((c) => c.formula === undefined)).toBe(true);
  });

  test("round trips stay at 3 for 1,000 outcomes", async () => {
    const big: Assessment = { ...referenceCase, outcomes: Array.from({ length: 1000 }, () => referenceCase.outcomes[0]) };
    const r = await scaffoldAssessment(big);
    expect(r.syncs).toBe(3);
    const pv = Array.from({ length: 1000 }, (_, k) => at("Impact map", 4 + k, PV_COLUMN).formula);
    expect(pv.filter((f) => f?.startsWith("=SROI.VALEURACTUELLE(")).length).toBe(1000);
  });

  test("a portable workbook has no custom function to rename: two round trips, native formulas only", async () => {
    const r = await scaffoldAssessment({ ...referenceCase, settings: { ...referenceCase.settings, portable: true } });
    expect(r.syncs).toBe(2);
    expect(customCalls()).toEqual([]);
    recalculate(wb, functions);
    expect(named("SroiTotalPV").value).toBeCloseTo(15221.5, 2);
  });
});

describe("continuing an assessment in a French Excel", () => {
  test("an outcome added later gets the French names and joins the totals (PV × 1.5), in three round trips", async () => {
    await scaffoldAssessment(referenceCase);
    const [found] = await findAssessments();
    const before = wb.syncs;
    const r = await appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [{ ...referenceCase.outcomes[0], quantity: 5 }] });
    expect(r.syncs).toBe(3);
    expect(wb.syncs - before).toBe(3);
    expect(at("Impact map", 5, PV_COLUMN).formula).toMatch(/^=SROI\.VALEURACTUELLE\(/);
    recalculate(wb, functions);
    expect(at("Impact map", 5, PV_COLUMN).value).toBeCloseTo(15221.5 / 2, 2);
    expect(named("SroiTotalPV").value).toBeCloseTo(15221.5 * 1.5, 2);
  });

  test("the first outcomes of an empty assessment, written into its blank row, compute too", async () => {
    await scaffoldAssessment({ ...referenceCase, outcomes: [] });
    const [found] = await findAssessments();
    await appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [referenceCase.outcomes[0], { ...referenceCase.outcomes[0], quantity: 5 }] });
    recalculate(wb, functions);
    expect(at("Impact map", 4, PV_COLUMN).value).toBeCloseTo(15221.5, 2);
    expect(at("Impact map", 5, PV_COLUMN).value).toBeCloseTo(15221.5 / 2, 2);
    expect(named("SroiRatio").value).toBeCloseTo(1.5222 * 1.5, 3);
  });
});

describe("in an English Excel nothing changes", () => {
  test.each(["en-US", "en-GB"])("%s: two round trips, the English names, the reference case", async (lang) => {
    office(lang);
    const r = await scaffoldAssessment(referenceCase);
    expect(r.syncs).toBe(2);
    expect(new Set(customCalls())).toEqual(new Set(["SROI.NETIMPACT", "SROI.PV", "SROI.NPV", "SROI.RATIO", "SROI.NETRATIO", "SROI.PAYBACK"]));
    recalculate(wb, functions);
    expect(named("SroiRatio").value).toBeCloseTo(1.5222, 4);
  });
});

describe("which names Excel registers follows the manifest's metadata overrides", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { metadataLang } = require("../../src/functions/catalog") as typeof import("../../src/functions/catalog");
  test.each([
    ["fr-FR", "fr"],
    ["fr-BE", "fr"],
    ["fr-CA", "fr"],
    ["fr-MA", "en"],
    ["en-GB", "en"],
    [undefined, "en"],
  ] as const)("display language %s: %s names", (locale, expected) => expect(metadataLang(locale)).toBe(expected));
});
