/**
 * Writing to the live workbook is all or nothing (issue #10, item 6): each writer checks protection,
 * names and room in the round trip that reads the workbook, and takes back what it wrote when Excel
 * refuses part-way. The double keeps Excel's rules (tests/doubles/excel: a failed command leaves the
 * ones before it done); "as before" is the whole workbook's state, deep-equal.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { ExcelError, WorkbookState } from "../doubles/excel/state";
import { OUTCOMES, STAKEHOLDERS, cellOf } from "../../src/layout/columns";
import { Outcome } from "../../src/sroi";
import { appendToAssessment, findAssessments, makePortableCopy, scaffoldAssessment, useProxy, writeWorkbookProxies } from "../../src/writers/office";
import type { Additions } from "../../src/writers/office";
import { referenceCase } from "../fixtures/referenceCase";
import type { Proxy } from "../../src/proxies/types";

let wb: WorkbookState;
const install = (displayLanguage = "en-US") => (wb = installFakeOffice(globalThis as unknown as Record<string, unknown>, { displayLanguage }));
beforeEach(() => install());

const outcome = (k: number): Outcome => ({ ...referenceCase.outcomes[0], description: `Outcome ${k}`, quantity: k });
const additions: Additions = {
  stakeholders: [{ name: "Families", groupSize: 8, involvement: "Interviewed" }],
  inputs: [{ stakeholder: "Volunteers", kind: "time", description: "Mentoring", amount: null, hours: 100, hourlyCost: 15 }],
  outcomes: [outcome(2), outcome(3)],
};
const rsa: Proxy = {
  id: "FR-RSA-SINGLE-2025", nameEn: "RSA minimum income, single person, no child", nameFr: "RSA montant forfaitaire, personne seule sans enfant",
  value: 646.52, currency: "EUR", unit: "per month", priceYear: 2025, country: "FR", themes: ["employment", "poverty"], method: "cost saved",
  source: "Décret n° 2025-293", url: "https://www.legifrance.gouv.fr", notes: "", origin: "library", kind: "value",
};
const own = (id: string): Proxy => ({ ...rsa, id, origin: "workbook" });

/** A user's workbook: their own sheet called like ours, a defined name of theirs, a hidden sheet. */
function usersWorkbook(): void {
  const mine = wb.addSheet("Impact map");
  mine.ensure(0, 0).value = "mine";
  wb.names.push({ name: "MyTotal", sheet: mine, box: { row: 0, column: 0, rows: 1, columns: 1 } });
  wb.addSheet("Archive").visibility = "Hidden";
}
const protect = (sheet: string) => (wb.sheet(sheet).protection = {});
const selectImpactMapRow = (dataRow: number, column = 1) => (wb.selection = { sheet: wb.sheet("Impact map"), box: { row: OUTCOMES.row + 1 + dataRow, column, rows: 1, columns: 1 } });
const cell = (sheet: string, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return wb.sheet(sheet).cell(Number(m[2]) - 1, col);
};

/** The action refused with this problem, the workbook deep-equal to what it was, in `syncs` round trips. */
async function refusedBeforeWriting(action: () => Promise<unknown>, problem: object, syncs: number): Promise<string> {
  const before = wb.dump();
  const syncsBefore = wb.syncs;
  const error = await action().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "WriteRefused", problem });
  expect(wb.dump()).toEqual(before);
  expect(wb.syncs - syncsBefore).toBe(syncs);
  return (error as Error).message;
}

/**
 * Makes the 1st, 2nd, 3rd… command from the action's start fail, each on a workbook set up afresh,
 * until the action runs to its end: every time, the workbook is as before. Returns how many
 * commands failed after something had been written (and was taken back).
 */
async function everyFailureTakenBack(setUp: () => Promise<void>, action: () => Promise<unknown>): Promise<{ commands: number; takenBack: number }> {
  let takenBack = 0;
  for (let k = 1; ; k++) {
    install();
    await setUp();
    const before = wb.dump();
    wb.failCommand(k);
    const error = await action().then(
      () => null,
      (e: unknown) => e,
    );
    if (error === null) {
      expect(wb.failAt).not.toBeNull(); // ran to its end: the k-th command never came
      return { commands: k - 1, takenBack };
    }
    expect(wb.dump()).toEqual(before);
    // a failure while reading is Excel's own error (nothing was written); once writing, a refusal taken back
    if ((error as Error).name === "WriteRefused") {
      expect(error).toMatchObject({ problem: { code: "refused", undone: true } });
      takenBack++;
    } else expect(error).toBeInstanceOf(ExcelError);
  }
}

describe("setup", () => {
  test("a protected workbook structure is refused before anything is written, in 1 round trip", async () => {
    usersWorkbook();
    wb.structureProtected = true;
    const message = await refusedBeforeWriting(() => scaffoldAssessment(referenceCase), { code: "workbookProtected" }, 1);
    expect(message).toBe("the workbook's structure is protected, so no sheet can be added (Review > Protect Workbook). Unprotect it and try again; nothing was changed.");
  });

  test("in a French Office the message is French", async () => {
    install("fr-FR");
    wb.structureProtected = true;
    const message = await refusedBeforeWriting(() => scaffoldAssessment(referenceCase), { code: "workbookProtected" }, 1);
    expect(message).toBe("la structure du classeur est protégée\u00A0: aucune feuille ne peut y être ajoutée (Révision > Protéger le classeur). Ôtez cette protection et réessayez\u00A0; rien n'a été modifié.");
  });

  test("the portable copy is refused the same way", async () => {
    await scaffoldAssessment(referenceCase);
    const [found] = await findAssessments();
    wb.structureProtected = true;
    await refusedBeforeWriting(() => makePortableCopy(found), { code: "workbookProtected" }, 1);
  });

  test("a protected sheet of the user's does not stop it: setup writes only new sheets", async () => {
    usersWorkbook();
    protect("Impact map");
    const r = await scaffoldAssessment(referenceCase);
    expect(r.syncs).toBe(2);
    expect(wb.sheet("Impact map").cell(0, 0)!.value).toBe("mine");
  });

  test("Excel refusing at any command of the write leaves the workbook as before, the user's sheets and names included", async () => {
    const { commands, takenBack } = await everyFailureTakenBack(
      async () => usersWorkbook(),
      () => scaffoldAssessment(referenceCase),
    );
    expect(commands).toBeGreaterThan(100);
    expect(takenBack).toBe(commands - 5); // the first sync's 5 loads fail before anything is written
  });

  test("in a French Office, a refusal in the third round trip (local function names) is taken back too", async () => {
    install("fr-FR");
    usersWorkbook();
    const before = wb.dump();
    wb.beforeSync = (n) => {
      if (n === 3) wb.failCommand(1);
    };
    await expect(scaffoldAssessment(referenceCase)).rejects.toMatchObject({ problem: { code: "refused", undone: true } });
    expect(wb.dump()).toEqual(before);
  });

  test("a name the user defines between the read and the write: ours are taken back, the user's stays", async () => {
    usersWorkbook();
    wb.beforeSync = (n) => {
      if (n === 2) wb.names.push({ name: "SroiRate", sheet: wb.sheet("Sheet1"), box: { row: 4, column: 1, rows: 1, columns: 1 } });
    };
    const error = await scaffoldAssessment(referenceCase).catch((e: Error) => e);
    wb.beforeSync = null;
    expect(error).toMatchObject({ problem: { code: "refused", undone: true } });
    expect((error as Error).message).toMatch(/^Excel refused part of the change \(ItemAlreadyExists: .*SroiRate.*\)\. What had been written was taken back: your sheets are as they were\.$/);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Impact map", "Archive"]);
    expect(wb.tables).toEqual([]);
    expect(wb.names.map((n) => [n.name, n.sheet.name])).toEqual([["MyTotal", "Impact map"], ["SroiRate", "Sheet1"]]);
  });
});

describe("continue", () => {
  const existing = async () => {
    await scaffoldAssessment(referenceCase);
  };

  test("a protected sheet it would write to is refused before anything is written, naming the sheet", async () => {
    await existing();
    const [found] = await findAssessments();
    protect("Impact map");
    const message = await refusedBeforeWriting(() => appendToAssessment(found, additions), { code: "sheetProtected", sheet: "Impact map" }, 1);
    expect(message).toBe("the sheet 'Impact map' is protected (Review > Unprotect Sheet). Unprotect it and try again; nothing was changed.");
  });

  test("a protected sheet it does not write to does not stop it", async () => {
    await existing();
    const [found] = await findAssessments();
    protect("Impact map");
    protect("Results");
    // an input of a contributor already listed on Results (the funder): Results is not written to
    const r = await appendToAssessment(found, { stakeholders: [], outcomes: [], inputs: [{ ...additions.inputs[0], stakeholder: referenceCase.inputs[0].stakeholder }] });
    expect(r.syncs).toBe(2);
    expect(wb.table("SroiInputs")!.box.rows).toBe(3);
  });

  test("a table gone from the workbook is refused, naming it", async () => {
    await existing();
    const [found] = await findAssessments();
    wb.tables = wb.tables.filter((t) => t.name !== "SroiProjection"); // converted to a range
    const message = await refusedBeforeWriting(() => appendToAssessment(found, additions), { code: "missingTable", table: "SroiProjection" }, 2);
    expect(message).toBe("the table SroiProjection is no longer in the workbook (a sheet deleted, the table converted to a range?); nothing was changed.");
  });

  test("Excel refusing at any command of the write leaves the workbook as before", async () => {
    let found: Awaited<ReturnType<typeof findAssessments>>[number];
    const { commands, takenBack } = await everyFailureTakenBack(
      async () => {
        usersWorkbook();
        await existing();
        [found] = await findAssessments();
      },
      () => appendToAssessment(found, additions),
    );
    expect(takenBack).toBeGreaterThanOrEqual(5); // the rows added to 5 tables (Families has no outcome: no value row; Volunteers is a new contributor), and the commands that track them
    expect(commands - takenBack).toBe(24); // the first sync: 4 loads for each of the 6 tables
  });

  test("the blank row of an empty assessment gets its formulas back when Excel refuses part-way", async () => {
    await scaffoldAssessment({ ...referenceCase, outcomes: [], stakeholders: [], inputs: [] });
    const [found] = await findAssessments();
    const before = wb.dump();
    wb.failCommand(24 + 3); // after the first sync's 24 loads: the placeholder row filled, 2 outcome rows added, then the projection's rows refused
    await expect(appendToAssessment(found, { stakeholders: [], inputs: [], outcomes: [outcome(1), outcome(2), outcome(3)] })).rejects.toMatchObject({ problem: { code: "refused", undone: true } });
    expect(wb.dump()).toEqual(before);
  });

  test("a sheet protected between the check and the write: the rows added elsewhere are deleted again", async () => {
    await existing();
    const [found] = await findAssessments();
    const syncsBefore = wb.syncs;
    wb.beforeSync = (n) => {
      if (n === syncsBefore + 2) wb.sheet("Projection").protection = {};
    };
    const protectedBefore = (() => {
      protect("Projection");
      const d = wb.dump();
      wb.sheet("Projection").protection = null;
      return d;
    })();
    await expect(appendToAssessment(found, additions)).rejects.toMatchObject({ problem: { code: "refused", undone: true } });
    expect(wb.dump()).toEqual(protectedBefore);
    expect(wb.table("SroiOutcomes")!.box.rows).toBe(2);
    expect(wb.table("SroiStakeholders")!.box.rows).toBe(referenceCase.stakeholders.length + 1);
  });

  test("when taking back fails too, the message says so and names the sheets to check", async () => {
    await existing();
    const [found] = await findAssessments();
    const syncsBefore = wb.syncs;
    wb.failCommand(24 + 3); // the outcomes' rows, after the stakeholders' and the inputs'

    wb.beforeSync = (n) => {
      if (n === syncsBefore + 3) wb.failCommand(1);
    };
    const error = await appendToAssessment(found, additions).catch((e: Error) => e);
    expect(error).toMatchObject({ problem: { code: "refused", undone: false, sheets: ["Stakeholders", "Inputs", "Impact map", "Projection", "Results"] } });
    expect((error as Error).message).toBe(
      "Excel refused part of the change (AccessDenied: refused by the test), and taking back what had been written failed too (AccessDenied: refused by the test): check Stakeholders, Inputs, 'Impact map', Projection, Results.",
    );
  });

  test("hidden and very hidden sheets are found and written like the others", async () => {
    await existing();
    wb.sheet("Impact map").visibility = "Hidden";
    wb.sheet("Projection").visibility = "VeryHidden";
    const [found] = await findAssessments();
    expect(found.sheetNames.impactMap).toBe("Impact map");
    const r = await appendToAssessment(found, additions);
    expect(r.syncs).toBe(2);
    expect(cell("Impact map", cellOf(OUTCOMES, "description", 2))!.value).toBe("Outcome 3");
    expect(cell("Impact map", cellOf(OUTCOMES, "impact", 2))!.formula).toBe(cell("Impact map", cellOf(OUTCOMES, "impact", 0))!.formula);
    expect(wb.table("SroiProjection")!.box.rows).toBe(4);
    expect(cell("Stakeholders", cellOf(STAKEHOLDERS, "name", 1))!.value).toBe("Families");
    expect([wb.sheet("Impact map").visibility, wb.sheet("Projection").visibility]).toEqual(["Hidden", "VeryHidden"]);
    const [again] = await findAssessments();
    expect(again.assessment.outcomes).toHaveLength(3);
  });
});

describe("Use this proxy", () => {
  test("a protected impact map is refused before anything is written, in 1 round trip", async () => {
    await scaffoldAssessment(referenceCase);
    selectImpactMapRow(0);
    protect("Impact map");
    const message = await refusedBeforeWriting(() => useProxy(rsa, { overwrite: true }), { code: "sheetProtected", sheet: "Impact map" }, 1);
    expect(message).toContain("'Impact map' is protected");
  });

  test("a protected sheet holding the active cell is refused the same way", async () => {
    wb.selection = { sheet: wb.sheet("Sheet1"), box: { row: 2, column: 2, rows: 1, columns: 1 } };
    protect("Sheet1");
    await refusedBeforeWriting(() => useProxy(rsa, { overwrite: false }), { code: "sheetProtected", sheet: "Sheet1" }, 1);
  });

  test("Excel refusing at any of its writes puts back the cells it changed, a formula included", async () => {
    const { commands, takenBack } = await everyFailureTakenBack(
      async () => {
        await scaffoldAssessment(referenceCase);
        const value = wb.sheet("Impact map").ensure(OUTCOMES.row + 1, OUTCOMES.columns.findIndex((c) => c.key === "proxyValue"));
        value.formula = "=2*500";
        value.value = "";
        selectImpactMapRow(0);
      },
      () => useProxy(rsa, { overwrite: true }),
    );
    expect(takenBack).toBe(6); // name, value, unit, source, price year, method (units are written only when given)
    expect(commands).toBe(takenBack + 9); // the reads: 4 loads, then 2 for the impact map, 1 for the active cell and 2 for its settings (the currency)
  });

  // One command: when Excel refuses it, nothing was written (the undo is never needed here).
  test("outside the impact map, a refused write leaves the active cell's text as it was", async () => {
    const { takenBack } = await everyFailureTakenBack(
      async () => {
        wb.sheet("Sheet1").ensure(2, 2).value = "0012";
        wb.selection = { sheet: wb.sheet("Sheet1"), box: { row: 2, column: 2, rows: 1, columns: 1 } };
      },
      () => useProxy(rsa, { overwrite: true }),
    );
    expect(takenBack).toBe(1);
  });
});

describe("proxy import", () => {
  test("a protected workbook structure is refused when the Proxies sheet is to be made", async () => {
    wb.structureProtected = true;
    await refusedBeforeWriting(() => writeWorkbookProxies([own("OWN-1")]), { code: "workbookProtected" }, 1);
  });

  test("a defined name already called SroiProxies is refused, naming it", async () => {
    wb.names.push({ name: "SroiProxies", sheet: wb.sheet("Sheet1"), box: { row: 0, column: 0, rows: 1, columns: 1 } });
    const message = await refusedBeforeWriting(() => writeWorkbookProxies([own("OWN-1")]), { code: "nameTaken", name: "SroiProxies" }, 1);
    expect(message).toBe('the name "SroiProxies" is already used in this workbook (Formulas > Name Manager). Rename or delete it and try again; nothing was changed.');
  });

  test("a protected Proxies sheet is refused before anything is written", async () => {
    await writeWorkbookProxies([own("OWN-1")]);
    protect("Proxies");
    await refusedBeforeWriting(() => writeWorkbookProxies([own("OWN-2")]), { code: "sheetProtected", sheet: "Proxies" }, 1);
  });

  test("Excel refusing part-way through making the Proxies sheet leaves the workbook as before", async () => {
    const { takenBack } = await everyFailureTakenBack(
      async () => usersWorkbook(),
      () => writeWorkbookProxies([own("OWN-1"), own("OWN-2")]),
    );
    expect(takenBack).toBeGreaterThan(10);
  });

  test("Excel refusing part-way through appending leaves the Proxies table as before, its blank row included", async () => {
    const { takenBack } = await everyFailureTakenBack(
      async () => {
        await writeWorkbookProxies([]); // the table's one blank row
      },
      () => writeWorkbookProxies([own("OWN-2"), own("OWN-3")]),
    );
    expect(takenBack).toBe(2); // the blank row filled, then one rows.add
  });
});

test("round trips stay constant when nothing is refused: setup 2, continue 2, use a proxy 3, import 2 (new sheet) then 3", async () => {
  expect((await scaffoldAssessment(referenceCase)).syncs).toBe(2);
  const [found] = await findAssessments();
  expect((await appendToAssessment(found, additions)).syncs).toBe(2);
  selectImpactMapRow(0);
  const syncs = wb.syncs;
  await useProxy(rsa, { overwrite: true });
  expect(wb.syncs - syncs).toBe(3);
  expect((await writeWorkbookProxies([own("OWN-1")])).syncs).toBe(2);
  expect((await writeWorkbookProxies([own("OWN-2")])).syncs).toBe(3);
});
