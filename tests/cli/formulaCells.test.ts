/**
 * Input cells that hold a formula (issue #10, item 3): `sroi compute` names them and says their
 * saved values were used; --recalculate without LibreOffice, or with a soffice that fails or hangs,
 * is a clear problem (LibreOffice itself: tests/interop/recalculate.test.ts).
 * Expected PVs: the method's reference case (§8) by hand, per unit of quantity.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, cellOf } from "../../src/layout/columns";
import { writeXlsx } from "../../src/writers/xlsx";
import { loadableByExcelJs } from "../../src/writers/xlsx/tableParts";
import { referenceCase } from "../fixtures/referenceCase";
import { zipBomb } from "../xlsx/hostile";
import { ensureBuilt, scratch, sroi } from "./run";

/** §8 by hand: 1000 × (1 − 20 %) × (1 − 25 %) = 600 a unit in year 1, 10 % drop-off, 3 years at 3.5 %. */
const PV_PER_UNIT = 600 / 1.035 + 540 / 1.035 ** 2 + 486 / 1.035 ** 3; // 1,522.15…
const QUANTITY = cellOf(OUTCOMES, "quantity", 0);

/** The reference case as a portable workbook (its Impact and PV columns hold formulas), edited with ExcelJS. */
async function referenceWorkbook(path: string, edit: (ws: ExcelJS.Worksheet) => void = () => {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const bytes = await writeXlsx(buildLayout({ ...referenceCase, settings: { ...referenceCase.settings, portable: true } }));
  await wb.xlsx.load((await loadableByExcelJs(bytes)) as unknown as ArrayBuffer);
  edit(wb.getWorksheet("Impact map")!);
  await wb.xlsx.writeFile(path);
}

/** Quantity =5*2 whose saved result was edited to 99: Excel would show 10 after recalculating. */
const staleQuantity = (ws: ExcelJS.Worksheet) => (ws.getCell(QUANTITY).value = { formula: "5*2", result: 99 } as ExcelJS.CellFormulaValue);

/** A stand-in for soffice: a shell script. */
function fakeSoffice(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

let dir: string;
beforeAll(async () => {
  ensureBuilt();
  dir = scratch();
  await referenceWorkbook(join(dir, "stale.xlsx"), staleQuantity);
  await referenceWorkbook(join(dir, "plain.xlsx"));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("input cells holding a formula", () => {
  test("without --recalculate: the notice names the cell, and the PV uses the saved 99", () => {
    const r = sroi(["compute", "stale.xlsx", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `stale.xlsx: 1 input cell holds a formula; its value saved in the file was used (Excel recalculates on opening and may show other values): 'Impact map'!${QUANTITY} (Quantity). sroi compute --recalculate recalculates the workbook with LibreOffice first.\n`,
    );
    const out = JSON.parse(r.stdout);
    expect(out.presentValue).toBeCloseTo(99 * PV_PER_UNIT, 6);
    expect(out.formulaCells).toEqual([{ sheet: "Impact map", cell: QUANTITY, header: "Quantity" }]);
  });

  test("the notice in French with --lang fr, on the text report too", () => {
    const r = sroi(["compute", "stale.xlsx", "--lang", "fr"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`stale.xlsx : 1 cellule de saisie contient une formule ; sa valeur enregistrée dans le fichier a été utilisée`);
    expect(r.stderr).toContain(`'Impact map'!${QUANTITY} (Quantity)`);
    expect(r.stdout).toMatch(/Valeur actuelle \(VA\) +150\s692,8\d\s€/); // 99 × 1 522,15… = 150 692,8…
  });

  test("calculated columns (Impact, Present value) hold formulas but are never reported", () => {
    const r = sroi(["compute", "plain.xlsx", "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.formulaCells).toEqual([]);
    expect(out.presentValue).toBeCloseTo(10 * PV_PER_UNIT, 6);
  });

  test("a workbook re-saved with the formula in Deadweight and a formula in Impact: only Deadweight is named", async () => {
    await referenceWorkbook(join(dir, "two.xlsx"), (ws) => {
      ws.getCell(cellOf(OUTCOMES, "deadweight", 0)).value = { formula: "0.1*2", result: 0.2 } as ExcelJS.CellFormulaValue;
      ws.getCell(cellOf(OUTCOMES, "impact", 0)).value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    });
    const out = JSON.parse(sroi(["compute", "two.xlsx", "--json"], { cwd: dir }).stdout);
    expect(out.formulaCells).toEqual([{ sheet: "Impact map", cell: cellOf(OUTCOMES, "deadweight", 0), header: "Deadweight" }]);
  });

  test("a JSON assessment has no formula cells: formulaCells is []", () => {
    sroi(["example", "--json", "--out", "example.json"], { cwd: dir });
    expect(JSON.parse(sroi(["compute", "example.json", "--json"], { cwd: dir }).stdout).formulaCells).toEqual([]);
  });
});

describe("--recalculate without a working LibreOffice", () => {
  test("SOFFICE=/nonexistent: exit 1, how to install it, no stack trace, nothing computed", () => {
    const r = sroi(["compute", "stale.xlsx", "--recalculate"], { cwd: dir, env: { SOFFICE: "/nonexistent" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "sroi: --recalculate needs LibreOffice, and SOFFICE=/nonexistent is not a program that can be run. Install it (Debian, Ubuntu: sudo apt-get install libreoffice-calc-nogui; elsewhere: https://www.libreoffice.org/download/), or set SOFFICE to its soffice program, or leave out --recalculate.\n",
    );
  });

  test("in French, and as a JSON problem with --json", () => {
    const r = sroi(["compute", "stale.xlsx", "--recalculate", "--json", "--lang", "fr"], { cwd: dir, env: { SOFFICE: "/nonexistent" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--recalculate a besoin de LibreOffice");
    expect(r.stderr).toContain("apt-get install libreoffice-calc-nogui");
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, problems: [{ code: "noLibreOffice" }] });
  });

  test("a soffice that fails: a problem on each workbook, the JSON file of the folder still computed", () => {
    const soffice = fakeSoffice(dir, "failing-soffice", 'echo "Error: source file could not be loaded" >&2; exit 3');
    const folder = join(dir, "mixed");
    mkdirSync(folder);
    writeFileSync(join(folder, "b.xlsx"), readFileSync(join(dir, "stale.xlsx")));
    sroi(["example", "--json", "--out", join(folder, "a.json")], { cwd: dir });
    const r = sroi(["compute", "mixed", "--recalculate", "--json"], { cwd: dir, env: { SOFFICE: soffice } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("mixed/b.xlsx: LibreOffice could not recalculate this workbook (soffice exit code 3: Error: source file could not be loaded); nothing was computed from it.");
    const out = JSON.parse(r.stdout);
    expect(out.files.map((f: { file: string; valid: boolean }) => [f.file, f.valid])).toEqual([["mixed/a.json", true], ["mixed/b.xlsx", false]]);
    expect(out.files[1].problems[0].code).toBe("recalculateFailed");
  });

  test("a soffice that hangs is stopped at SROI_RECALCULATE_TIMEOUT: a problem, not a hang", () => {
    const soffice = fakeSoffice(dir, "hanging-soffice", "exec sleep 50");
    const r = sroi(["compute", "stale.xlsx", "--recalculate"], { cwd: dir, env: { SOFFICE: soffice, SROI_RECALCULATE_TIMEOUT: "1" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("stale.xlsx: LibreOffice did not finish recalculating within 1 s; this workbook was not computed");
  });

  test("a zip bomb never reaches soffice: it is refused by the reader's limits, as without --recalculate", () => {
    writeFileSync(join(dir, "bomb.xlsx"), zipBomb());
    const soffice = fakeSoffice(dir, "recording-soffice", `touch "${join(dir, "soffice-was-run")}"; exit 1`);
    const r = sroi(["compute", "bomb.xlsx", "--recalculate"], { cwd: dir, env: { SOFFICE: soffice } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bomb.xlsx: this workbook is over the limit of");
    expect(existsSync(join(dir, "soffice-was-run"))).toBe(false);
  });

  test("a SROI_RECALCULATE_TIMEOUT that is not a number of seconds is refused", () => {
    const r = sroi(["compute", "stale.xlsx", "--recalculate"], { cwd: dir, env: { SOFFICE: "/bin/true", SROI_RECALCULATE_TIMEOUT: "soon" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("sroi: SROI_RECALCULATE_TIMEOUT=soon: give a number of seconds greater than 0.\n");
  });
});
