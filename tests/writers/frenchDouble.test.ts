/**
 * The Excel double in a French display language, as the writer's French tests rely on it: formulas
 * stored in the language-independent form, `formulasLocal` in French (names checked against French
 * Excel formulas published by French users: SOMME.SI.ENS, NB, SI, ET, OU, VRAI, FAUX,
 * [#Cette ligne], [#Tout], [#Données], [#En-têtes], [#Totaux]; ";" between arguments, "," decimal
 * mark), and custom functions known only by the names registered for that language.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { recalculate } from "../doubles/excel/evaluate";
import { FRENCH, fromLocal, toLocal } from "../doubles/excel/locale";
import type { WorkbookState } from "../doubles/excel/state";
import * as F from "../../src/functions/functions";

const functions = { NETIMPACT: F.netImpact, PV: F.pv, RATIO: F.ratio } as Record<string, (...a: unknown[]) => unknown>;

describe("formulas in French", () => {
  test.each([
    ["=SUM(SroiOutcomes[Present value])", "=SOMME(SroiOutcomes[Present value])"],
    ["=SUMIFS(T[PV],T[Who],V[[#This Row],[Who]])", "=SOMME.SI.ENS(T[PV];T[Who];V[[#Cette ligne];[Who]])"],
    ["=IF(AND(A1>=1,OR(B1=2,TRUE)),N(C1)*0.75,FALSE)", "=SI(ET(A1>=1;OU(B1=2;VRAI));N(C1)*0,75;FAUX)"],
    ['=IF(COUNT(A1,B1)=0,"",ABS(1-B2)<1E-12)', '=SI(NB(A1;B1)=0;"";ABS(1-B2)<1E-12)'],
    ['=INDEX(T[Who],3)&""', '=INDEX(T[Who];3)&""'],
    ['=INDIRECT("T[Who]")', '=INDIRECT("T[Who]")'],
    ['="SUM, 1.5"&IF(A1,"a,b","")', '="SUM, 1.5"&SI(A1;"a,b";"")'],
    ["=T[#All]+T[[#Headers],[a]]+T[#Data]+T[#Totals]", "=T[#Tout]+T[[#En-têtes];[a]]+T[#Données]+T[#Totaux]"],
    ["=T[[#This Row],[Rate, 1.5 '[%']]]", "=T[[#Cette ligne];[Rate, 1.5 '[%']]]"],
    ["='Impact map, 2'!A1+1.5", "='Impact map, 2'!A1+1,5"],
    ["=SROI.PV(SroiRate,1.5)", "=SROI.PV(SroiRate;1,5)"],
  ])("%s reads %s", (canonical, french) => {
    expect(toLocal(canonical, FRENCH)).toBe(french);
    expect(fromLocal(french, FRENCH)).toBe(canonical);
  });
});

describe("a French Excel", () => {
  let wb: WorkbookState;
  const run = (batch: (ctx: Excel.RequestContext) => Promise<void>) => Excel.run(batch);
  const a1 = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
  const cell = () => wb.sheet("Sheet1").cell(0, 0)!;
  beforeEach(() => {
    wb = installFakeOffice(globalThis as unknown as Record<string, unknown>, { displayLanguage: "fr-FR" });
  });

  test("formulasLocal in French is stored language-independently and read back in French", async () => {
    await run(async (ctx) => {
      a1(ctx).formulasLocal = [["=SOMME(1;2,5)"]];
      await ctx.sync();
    });
    expect(cell().formula).toBe("=SUM(1,2.5)");
    let local: unknown;
    await run(async (ctx) => {
      const r = a1(ctx).load("formulasLocal");
      await ctx.sync();
      local = r.formulasLocal;
    });
    expect(local).toEqual([["=SOMME(1;2,5)"]]);
    recalculate(wb, functions);
    expect(cell().value).toBe(3.5);
  });

  test("an English built-in name typed in French is unknown: #NAME?", async () => {
    await run(async (ctx) => {
      a1(ctx).formulasLocal = [["=SUM(1;2)"]];
      await ctx.sync();
    });
    recalculate(wb, functions);
    expect(cell().value).toBe("#NAME?");
  });

  test("a French decimal typed as a constant is a number", async () => {
    await run(async (ctx) => {
      a1(ctx).formulasLocal = [["0,25"]];
      await ctx.sync();
    });
    expect(cell().value).toBe(0.25);
  });

  test("custom functions answer to their French names only: the English name is stored but gives #NAME?", async () => {
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [["=SROI.NETIMPACT(10,1000)"], ["=SROI.IMPACTNET(10,1000)"]];
      await ctx.sync();
    });
    recalculate(wb, functions);
    expect(cell().formula).toBe("=SROI.NETIMPACT(10,1000)");
    expect(cell().value).toBe("#NAME?");
    expect(wb.sheet("Sheet1").cell(1, 0)!.value).toBe(10000);
  });

  test("in English the English names are registered, not the French ones", async () => {
    wb = installFakeOffice(globalThis as unknown as Record<string, unknown>, { displayLanguage: "en-US" });
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").formulas = [["=SROI.NETIMPACT(10,1000)"], ["=SROI.IMPACTNET(10,1000)"]];
      await ctx.sync();
    });
    recalculate(wb, functions);
    expect(cell().value).toBe(10000);
    expect(wb.sheet("Sheet1").cell(1, 0)!.value).toBe("#NAME?");
  });

  test("null in a 2-D array leaves its cell as it was", async () => {
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").formulas = [["=1+1", "x"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").formulasLocal = [[null, "y"]];
      await ctx.sync();
    });
    expect(cell().formula).toBe("=1+1");
    expect(wb.sheet("Sheet1").cell(0, 1)!.value).toBe("y");
  });
});
