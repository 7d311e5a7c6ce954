/**
 * Stakeholder names that SUMIFS would read as criteria ("<>" is "not blank", "A*" a wildcard,
 * ">0" a comparison) must total literally on the Results sheet. LibreOffice Calc recomputes a
 * portable workbook written from such names; its value per stakeholder must be what `sroi compute`
 * reports, and what hand arithmetic gives: each stakeholder has the method's reference outcome
 * (§8: PV 15,221.50 for a quantity of 10) with a quantity of 1, 2, 3…, so a PV of 1,522.15 × that.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeFile } from "../../src/cli/files";
import { buildLayout } from "../../src/layout/build";
import { VALUE_BY_STAKEHOLDER, header } from "../../src/layout/columns";
import { layoutNames } from "../../src/layout/names";
import { Assessment } from "../../src/sroi/assessment";
import { readXlsx, writeXlsx } from "../../src/writers/xlsx";
import * as F from "../../src/functions/functions";
import { installFakeOffice } from "../doubles/excel/install";
import { recalculate } from "../doubles/excel/evaluate";
import { scaffoldAssessment } from "../../src/writers/office";
import { referenceCase } from "../fixtures/referenceCase";
import { convertAll, findSoffice } from "./libreoffice";

/** Each name with its quantity: "Alpha" and "A1" are what "A*" would also match, "" what "<>" would not. */
const NAMES: [string, number][] = [
  ["<>", 1],
  ["A*", 2],
  [">0", 3],
  ["Alpha", 4],
  ["A1", 5],
  ["=1", 6],
  ["~*", 7],
  ["?", 8],
];

const assessment = (portable: boolean): Assessment => ({
  ...referenceCase,
  settings: { ...referenceCase.settings, portable },
  stakeholders: NAMES.map(([name]) => ({ name, groupSize: null, involvement: "" })),
  outcomes: NAMES.map(([name, quantity]) => ({ ...referenceCase.outcomes[0], stakeholder: name, description: `${name} outcome`, quantity })),
});

/** The method's reference PV per unit of quantity: 15,221.50 / 10. */
const byHand = (quantity: number) => 1522.15 * quantity;

/** The Results table's value per stakeholder in a workbook's cached values. */
async function resultsTable(bytes: Uint8Array): Promise<Map<unknown, unknown>> {
  const { tables } = await readXlsx(bytes);
  const t = tables.find((x) => x.name === layoutNames().tables.valueByStakeholder)!;
  const v = (key: "stakeholder" | "presentValue") => t.headers.indexOf(header(VALUE_BY_STAKEHOLDER, key, "en"));
  return new Map(t.rows.map((r) => [r[v("stakeholder")], r[v("presentValue")]]));
}

test("the double's evaluator (Excel's semantics) totals the names literally, live and portable", async () => {
  for (const portable of [false, true]) {
    const wb = installFakeOffice(globalThis as unknown as Record<string, unknown>);
    await scaffoldAssessment(assessment(portable));
    recalculate(wb, { PV: F.pv, NETIMPACT: F.netImpact, NPV: F.npv, RATIO: F.ratio, NETRATIO: F.netRatio, PAYBACK: F.payback, PROJECT: F.project } as never);
    const results = wb.sheet("Results");
    const shown = new Map<unknown, unknown>();
    for (let row = 14; row < 14 + NAMES.length; row++) shown.set(results.cell(row, 0)?.value, results.cell(row, 1)?.value);
    for (const [name, quantity] of NAMES) expect([portable, name, shown.get(name)]).toEqual([portable, name, expect.closeTo(byHand(quantity), 2)]);
  }
});

const soffice = findSoffice();
if (!soffice) {
  // eslint-disable-next-line no-console
  console.warn("LibreOffice names test SKIPPED: soffice not found (apt-get install libreoffice-calc-nogui, or set SOFFICE).");
  test.skip("LibreOffice names test: skipped because soffice is not installed", () => undefined);
} else {
  test("LibreOffice recomputes the value per stakeholder as sroi compute does, for names SUMIFS takes for criteria", async () => {
    const run = convertAll(soffice, { names: await writeXlsx(buildLayout(assessment(true))) });
    const dir = mkdtempSync(join(tmpdir(), "sroi-names-"));
    try {
      const { readFileSync } = await import("node:fs");
      const libreOffice = await resultsTable(readFileSync(run.outputs.names));
      const file = join(dir, "names.xlsx");
      writeFileSync(file, await writeXlsx(buildLayout(assessment(true))));
      const [report] = await computeFile(file, "names.xlsx", "en");
      const cli = new Map(report.result!.byStakeholder.map((b) => [b.stakeholder, b.presentValue.toNumber()]));
      for (const [name, quantity] of NAMES) {
        expect([name, libreOffice.get(name)]).toEqual([name, expect.closeTo(cli.get(name)!, 9)]);
        expect([name, cli.get(name)]).toEqual([name, expect.closeTo(byHand(quantity), 2)]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(run.root, { recursive: true, force: true });
    }
  }, 180_000);
}
