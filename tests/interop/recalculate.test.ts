/**
 * `sroi compute --recalculate` with the real LibreOffice (issue #10, item 3): an input cell's
 * formula counts with LibreOffice's result, not the one saved in the file. Expected PVs: the
 * method's reference case (§8) by hand, per unit of quantity; LibreOffice is the independent engine.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, cellOf } from "../../src/layout/columns";
import { writeXlsx } from "../../src/writers/xlsx";
import { loadableByExcelJs } from "../../src/writers/xlsx/tableParts";
import { referenceCase } from "../fixtures/referenceCase";
import { ensureBuilt, scratch, sroi } from "../cli/run";
import { findSoffice } from "./libreoffice";
import { requireTool } from "../setup/requiredTool";

const soffice = findSoffice();
/** §8 by hand: 1000 × (1 − 20 %) × (1 − 25 %) = 600 a unit in year 1, 10 % drop-off, 3 years at 3.5 %. */
const PV_PER_UNIT = 600 / 1.035 + 540 / 1.035 ** 2 + 486 / 1.035 ** 3; // 1,522.15…
const QUANTITY = cellOf(OUTCOMES, "quantity", 0);

/** The reference case as a portable workbook whose Quantity holds `formula` with a saved result of `saved`. */
async function staleWorkbook(path: string, formula: string, saved: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const bytes = await writeXlsx(buildLayout({ ...referenceCase, settings: { ...referenceCase.settings, portable: true } }));
  await wb.xlsx.load((await loadableByExcelJs(bytes)) as unknown as ArrayBuffer);
  wb.getWorksheet("Impact map")!.getCell(QUANTITY).value = { formula, result: saved } as ExcelJS.CellFormulaValue;
  await wb.xlsx.writeFile(path);
}

const recalcFolders = () => readdirSync(tmpdir()).filter((f) => f.startsWith("sroi-recalc-"));

if (requireTool("LibreOffice (soffice)", soffice, "apt-get install libreoffice-calc-nogui")) {
  let dir: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = scratch();
    await staleWorkbook(join(dir, "stale.xlsx"), "5*2", 99);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("Quantity =5*2 saved as 99: --recalculate computes with 10, names the cell, leaves the file as it was", () => {
    const before = readFileSync(join(dir, "stale.xlsx"));
    const leftBefore = recalcFolders();
    const r = sroi(["compute", "stale.xlsx", "--recalculate", "--json"], { cwd: dir, env: { SOFFICE: soffice! } });
    expect(r.stderr).toBe(`stale.xlsx: 1 input cell holds a formula, recalculated by LibreOffice before reading: 'Impact map'!${QUANTITY} (Quantity).\n`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.presentValue).toBeCloseTo(10 * PV_PER_UNIT, 6); // 15,221.50, not 99 × 1,522.15
    expect(out.formulaCells).toEqual([{ sheet: "Impact map", cell: QUANTITY, header: "Quantity" }]);
    expect(readFileSync(join(dir, "stale.xlsx")).equals(before)).toBe(true);
    expect(recalcFolders()).toEqual(leftBefore); // the temporary copies and profile are gone
  }, 120_000);

  test("a folder in one soffice run: each workbook with its own recalculated quantity, the JSON file as is", async () => {
    const folder = join(dir, "network");
    mkdirSync(folder);
    await staleWorkbook(join(folder, "a.xlsx"), "5*2", 99);
    await staleWorkbook(join(folder, "b.xlsx"), "3*4", 1);
    writeFileSync(join(folder, "c.json"), sroi(["example", "--json"]).stdout);
    const r = sroi(["compute", "network", "--recalculate", "--json"], { cwd: dir, env: { SOFFICE: soffice! } });
    expect(r.code).toBe(0);
    const files = JSON.parse(r.stdout).files as { file: string; presentValue: number }[];
    expect(files.map((f) => f.file)).toEqual(["network/a.xlsx", "network/b.xlsx", "network/c.json"]);
    expect(files[0].presentValue).toBeCloseTo(10 * PV_PER_UNIT, 6);
    expect(files[1].presentValue).toBeCloseTo(12 * PV_PER_UNIT, 6);
    // the same JSON computed without --recalculate
    expect(files[2].presentValue).toBe(JSON.parse(sroi(["compute", join("network", "c.json"), "--json"], { cwd: dir }).stdout).presentValue);
  }, 120_000);

  test("the example workbook re-saved by LibreOffice: its TRUE/FALSE settings are not taken for formulas", () => {
    sroi(["example", "--out", "example.xlsx"], { cwd: dir });
    const r = sroi(["compute", "example.xlsx", "--recalculate"], { cwd: dir, env: { SOFFICE: soffice! } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  }, 120_000);
}
