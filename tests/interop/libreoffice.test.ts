/**
 * Portable workbooks, recomputed by a real spreadsheet engine: LibreOffice Calc opens the .xlsx files
 * our writer makes (no cached values in them), recalculates, and its values must equal the core's
 * computeAssessment() to 1e-9 relative. LibreOffice is the independent source here.
 */
import { readFileSync, rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { INPUTS_BY_KIND, INPUTS_BY_STAKEHOLDER, OUTCOMES, VALUE_BY_STAKEHOLDER, header } from "../../src/layout/columns";
import { layoutNames } from "../../src/layout/names";
import { readAssessment } from "../../src/layout/read";
import { Assessment, AssessmentResult, Outcome, computeAssessment, inputValue, switchingValues } from "../../src/sroi";
import { LIVE_BREAK_EVEN, SENSITIVITY, SENSITIVITY_TEXT, estimateHeader } from "../../src/layout/sensitivity";
import { readXlsx, writeXlsx } from "../../src/writers/xlsx";
import { loadableByExcelJs } from "../../src/writers/xlsx/tableParts";
import { PORTABLE_CASES } from "../fixtures/portableCases";
import { convertAll, findSoffice } from "./libreoffice";
import { requireTool } from "../setup/requiredTool";

const soffice = findSoffice();

/** The edges the portable formulas must get right: one list, which the Excel double evaluates too. */
const CASES = PORTABLE_CASES;

const withinRelative = (actual: unknown, expected: number): boolean =>
  typeof actual === "number" && (expected === 0 ? Math.abs(actual) <= 1e-9 : Math.abs(actual - expected) <= 1e-9 * Math.abs(expected));

/** What LibreOffice computed in one converted workbook. */
interface Computed {
  /** the assessment read back from the file LibreOffice saved */
  readBack: ReturnType<typeof readAssessment>;
  impact: unknown[];
  presentValue: unknown[];
  byStakeholder: Map<unknown, unknown>;
  /** the inputs by kind (cash, in kind, time: the table's row order) and by stakeholder, as LibreOffice computed them */
  inputsByKind: unknown[];
  inputsByStakeholder: Map<unknown, unknown>;
  names: Record<string, unknown>;
  /** the Sensitivity table's rows, by column key */
  sensitivity: Record<string, unknown>[];
}

async function valuesOf(path: string, a: Assessment): Promise<Computed> {
  const bytes = readFileSync(path);
  const { tables } = await readXlsx(bytes);
  const lang = a.settings.language;
  const n = layoutNames();
  const outcomes = tables.find((t) => t.name === n.tables.outcomes)!;
  const column = (t: typeof outcomes, header: string) => t.rows.map((r) => r[t.headers.indexOf(header)]);
  const byStakeholder = tables.find((t) => t.name === n.tables.valueByStakeholder)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await loadableByExcelJs(bytes)) as unknown as ArrayBuffer);
  const names: Record<string, unknown> = {};
  for (const name of Object.values(n.names)) {
    const [where] = wb.definedNames.getRanges(name).ranges;
    const m = /^'?(.*?)'?!\$?([A-Z]+\$?\d+)$/.exec(where);
    const cell = wb.getWorksheet(m![1].replace(/''/g, "'"))!.getCell(m![2].replace("$", ""));
    names[name] = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  }
  const v = (key: "stakeholder" | "presentValue") => byStakeholder.headers.indexOf(header(VALUE_BY_STAKEHOLDER, key, lang));
  const st = tables.find((t) => t.name === n.tables.sensitivity)!;
  const sensitivity = st.rows.map((r) => Object.fromEntries(SENSITIVITY.columns.map((col) => [col.key, r[st.headers.indexOf(col.header[lang])]])));
  return {
    readBack: readAssessment(tables),
    impact: column(outcomes, header(OUTCOMES, "impact", lang)),
    presentValue: column(outcomes, header(OUTCOMES, "presentValue", lang)),
    byStakeholder: new Map(byStakeholder.rows.map((r) => [r[v("stakeholder")], r[v("presentValue")]])),
    inputsByKind: (() => {
      const t = tables.find((x) => x.name === n.tables.inputsByKind)!;
      return t.rows.map((r) => r[t.headers.indexOf(header(INPUTS_BY_KIND, "value", lang))]);
    })(),
    inputsByStakeholder: (() => {
      const t = tables.find((x) => x.name === n.tables.inputsByStakeholder)!;
      const at = (key: "stakeholder" | "value") => t.headers.indexOf(header(INPUTS_BY_STAKEHOLDER, key, lang));
      return new Map(t.rows.map((r) => [r[at("stakeholder")], r[at("value")]]));
    })(),
    names,
    sensitivity,
  };
}

const core = (a: Assessment): AssessmentResult => {
  const c = computeAssessment(a);
  if (!c.ok) throw new Error(`the test case itself is invalid: ${JSON.stringify(c.issues)}`);
  return c.result;
};

if (!requireTool("LibreOffice (soffice)", soffice, "apt-get install libreoffice-calc-nogui, or set SOFFICE")) {
  test.skip("LibreOffice interop: skipped because soffice is not installed", () => undefined);
} else {
  describe("LibreOffice Calc recomputes the portable workbooks exactly like the core", () => {
    const computed: Record<string, Computed> = {};
    let stale: unknown;

    beforeAll(async () => {
      const files: Record<string, Uint8Array> = {};
      const keys = Object.keys(CASES);
      for (const [k, name] of keys.entries()) files[`case${k}`] = await writeXlsx(buildLayout(CASES[name]));
      files.stale = await staleCacheWorkbook();
      const run = convertAll(soffice, files);
      // eslint-disable-next-line no-console
      console.info(`LibreOffice converted ${Object.keys(files).length} workbooks in ${run.milliseconds} ms (one soffice run)`);
      for (const [k, name] of keys.entries()) {
        const out = run.outputs[`case${k}`];
        if (!out) throw new Error(`LibreOffice produced no file for "${name}":\n${run.log}`);
        computed[name] = await valuesOf(out, CASES[name]);
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(run.outputs.stale) as unknown as ArrayBuffer);
      stale = wb.getWorksheet("S")!.getCell("C2").result;
      rmSync(run.root, { recursive: true, force: true });
    }, 180_000);

    test("the harness makes LibreOffice recalculate: a stale cached 999 becomes 10 × 1,000 × 0.8 × 0.75 = 6,000", () =>
      expect(stale).toBe(6000));

    test.each(Object.keys(CASES))("%s: impact and present value of every outcome", (name) => {
      const r = core(CASES[name]);
      const lo = computed[name];
      expect(lo.impact).toHaveLength(r.outcomes.length);
      r.outcomes.forEach((o, k) => {
        expect({ k, impact: lo.impact[k], ok: withinRelative(lo.impact[k], o.netImpact.toNumber()) }).toEqual({ k, impact: lo.impact[k], ok: true });
        expect({ k, pv: lo.presentValue[k], ok: withinRelative(lo.presentValue[k], o.presentValue.toNumber()) }).toEqual({ k, pv: lo.presentValue[k], ok: true });
      });
    });

    test.each(Object.keys(CASES))("%s: total PV, inputs, NPV, ratio, net ratio, annual impact and payback", (name) => {
      const r = core(CASES[name]);
      const N = layoutNames().names;
      const lo = computed[name].names;
      const expected: [string, number | undefined][] = [
        [N.totalPV, r.totalPresentValue.toNumber()],
        [N.totalInputs, r.totalInputs.toNumber()],
        [N.npv, r.netPresentValue.toNumber()],
        [N.ratio, r.ratio?.toNumber()],
        [N.netRatio, r.netRatio?.toNumber()],
        [N.annualImpact, r.annualImpact.toNumber()],
        [N.payback, r.paybackMonths?.toNumber()],
      ];
      for (const [key, value] of expected) {
        if (value === undefined) {
          // no payback (the core's null): the sheet shows no number of months
          expect({ key, libreOffice: typeof lo[key] }).not.toEqual({ key, libreOffice: "number" });
          continue;
        }
        expect({ key, libreOffice: lo[key], ok: withinRelative(lo[key], value) }).toEqual({ key, libreOffice: lo[key], ok: true });
      }
    });

    test.each(Object.keys(CASES))("%s: present value per stakeholder", (name) => {
      const r = core(CASES[name]);
      const lo = computed[name].byStakeholder;
      for (const s of r.byStakeholder) {
        // a stakeholder with no outcome (a funder) is not in the list of value: the core gives it 0
        if (!CASES[name].outcomes.some((o) => o.stakeholder.trim().toLowerCase() === s.stakeholder.trim().toLowerCase())) {
          expect({ stakeholder: s.stakeholder, listed: lo.has(s.stakeholder), core: s.presentValue.toNumber() }).toEqual({ stakeholder: s.stakeholder, listed: false, core: 0 });
          continue;
        }
        const value = lo.get(s.stakeholder);
        expect({ stakeholder: s.stakeholder, value, ok: withinRelative(value, s.presentValue.toNumber()) }).toEqual({
          stakeholder: s.stakeholder,
          value,
          ok: true,
        });
      }
    });

    test.each(Object.keys(CASES))("%s: inputs by kind and by stakeholder (summed here from the core's input values)", (name) => {
      const a = CASES[name];
      const valueOf = (i: Assessment["inputs"][number]) => {
        const v = inputValue(i);
        if (!v.ok) throw new Error("invalid input in the case");
        return v.value.toNumber();
      };
      (["cash", "inKind", "time"] as const).forEach((kind, k) => {
        const expected = a.inputs.filter((i) => i.kind === kind).reduce((sum, i) => sum + valueOf(i), 0);
        const lo = computed[name].inputsByKind[k];
        expect({ kind, lo, ok: withinRelative(lo, expected) }).toEqual({ kind, lo, ok: true });
      });
      for (const who of new Set(a.inputs.map((i) => i.stakeholder))) {
        const expected = a.inputs.filter((i) => i.stakeholder === who).reduce((sum, i) => sum + valueOf(i), 0);
        const lo = computed[name].inputsByStakeholder.get(who);
        expect({ who, lo, ok: withinRelative(lo, expected) }).toEqual({ who, lo, ok: true });
      }
    });

    test.each(Object.keys(CASES))("%s: the workbook saved by LibreOffice reads back to the same assessment", (name) =>
      expect(computed[name].readBack).toEqual({ assessment: CASES[name], problems: [] }));

    test.each(Object.keys(CASES))("%s: Sensitivity: LibreOffice computes the linear break-even values as the core does, and says the values are up to date", (name) => {
      const a = CASES[name];
      const lang = a.settings.language;
      const sv = switchingValues(a);
      if (!sv.ok) throw new Error("the test case itself has no switching values");
      const r = core(a);
      const rows = computed[name].sensitivity;
      const live = sv.value.filter((x) => x.outcome !== null && LIVE_BREAK_EVEN.includes(x.field));
      expect(live.length).toBeGreaterThan(0);
      for (const x of live) {
        const row = rows.find((w) => w.number === x.outcome && w.estimate === estimateHeader(x.field, lang));
        expect(row).toBeDefined();
        const pv = r.outcomes[x.outcome! - 1].presentValue.toNumber();
        const got = row!.breakEven;
        const place = { outcome: x.outcome, field: x.field, got, core: x.breakEven };
        // no current value to scale when the outcome carries none: the cell is blank (null read back)
        if (pv === 0) expect({ ...place, blank: got === null || got === "" }).toEqual({ ...place, blank: true });
        else if (x.breakEven === null) expect(place).toEqual({ ...place, got: SENSITIVITY_TEXT[lang].none });
        else expect({ ...place, ok: withinRelative(got, x.breakEven) }).toEqual({ ...place, ok: true });
      }
      expect(computed[name].names[layoutNames().names.sensitivityStatus]).toBe(SENSITIVITY_TEXT[lang].upToDate);
    });

    test("reference case, by hand: the break-even values of its five linear estimates, recomputed by LibreOffice", () => {
      // PV by hand (method §8): impact 10 × 1,000 × 0.8 × 1 × 0.75 = 6,000, drop-off 10 %, 3 years at 3.5 %:
      // 6,000/1.035 + 5,400/1.035² + 4,860/1.035³ = 5,797.10 + 5,040.96 + 4,383.44 = 15,221.50.
      const pv = 6000 / 1.035 + 5400 / 1.035 ** 2 + 4860 / 1.035 ** 3;
      expect(Math.round(pv * 100) / 100).toBe(15221.5);
      // One outcome, inputs 10,000: the ratio is 1 when its PV is 10,000, i.e. multiplied by M = 10,000 / 15,221.50.
      const M = 10000 / pv;
      const at = (estimate: string) => computed["reference case"].sensitivity.find((w) => w.number === 1 && w.estimate === estimate)!;
      expect(at("Proxy value").breakEven).toBeCloseTo((1000 * 10000) / pv, 9); // 656.97
      expect(Math.round((at("Proxy value").breakEven as number) * 100) / 100).toBe(656.97);
      expect(at("Quantity").breakEven).toBeCloseTo(10 * M, 9); // 6.57 participants
      expect(at("Deadweight").breakEven).toBeCloseTo(1 - 0.8 * M, 9); // 47.44 %
      expect(at("Displacement").breakEven).toBeCloseTo(1 - 1 * M, 9); // 34.30 %
      expect(at("Attribution").breakEven).toBeCloseTo(1 - 0.75 * M, 9); // 50.73 %
      // the distance to break-even: proxy ÷ current = M (0.657: the proxy may fall by 34.3 %), deadweight − current
      expect(at("Proxy value").change).toBeCloseTo(M, 9);
      expect(at("Deadweight").change).toBeCloseTo(1 - 0.8 * M - 0.2, 9);
    });

    test("the reference case gives the method's published PV 15,221.50 and ratio 1.5222 in LibreOffice", () => {
      const lo = computed["reference case"].names;
      const N = layoutNames().names;
      expect(Math.round((lo[N.totalPV] as number) * 100) / 100).toBe(15221.5);
      expect(Math.round((lo[N.ratio] as number) * 1e4) / 1e4).toBe(1.5222);
    });

    test("units per person: 24 × 646.52 × 8 months × 0.9 × 1 × 0.9 = 100,546.7904, and a blank units cell is 1 (10 × 1,000 × 0.8 × 0.75 = 6,000)", () => {
      const [rsa, blank] = computed["units per person: a monthly RSA 646.52 × 8 months, and a blank units cell counting as 1"].impact as number[];
      // 646.52 × 8 = 5,172.16 per person; × 24 = 124,131.84; × 0.81 = 100,546.7904
      expect(Math.abs(rsa - 100546.7904)).toBeLessThan(1e-9 * 100546.7904);
      expect(blank).toBe(6000);
    });

    test("year 1 undiscounted: the reference outcome's PV is the published 15,754.25", () => {
      const pv = computed["year 1 undiscounted"].presentValue[0] as number;
      expect(Math.round(pv * 100) / 100).toBe(15754.25);
    });
  });
}

/** A workbook whose formula carries a wrong cached result, to prove the profile forces a recalculation. */
async function staleCacheWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("S");
  ws.addTable({
    name: "T",
    ref: "A1",
    columns: [{ name: "Quantity" }, { name: "Proxy" }, { name: "Impact" }],
    rows: [[10, 1000, { formula: "T[[#This Row],[Quantity]]*T[[#This Row],[Proxy]]*0.8*0.75", result: 999 }]],
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
