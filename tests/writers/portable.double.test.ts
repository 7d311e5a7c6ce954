/**
 * The portable formulas (native functions only) evaluated by the Excel double, for every case
 * LibreOffice recomputes: the same edges are guarded where LibreOffice is not installed. Each case
 * is written by the Office.js writer into the double and recalculated with NO custom function
 * registered, so a stray SROI.* formula shows as #NAME?; the values must equal the core's
 * computeAssessment() to 1e-9 relative, as LibreOffice's must.
 */
import { installFakeOffice } from "../doubles/excel/install";
import { recalculate } from "../doubles/excel/evaluate";
import type { TableState, WorkbookState } from "../doubles/excel/state";
import { INPUTS_BY_KIND, INPUTS_BY_STAKEHOLDER, OUTCOMES, VALUE_BY_STAKEHOLDER, header, yearHeader } from "../../src/layout/columns";
import { layoutNames } from "../../src/layout/names";
import { Assessment, AssessmentResult, computeAssessment, inputValue, switchingValues } from "../../src/sroi";
import { LIVE_BREAK_EVEN, SENSITIVITY, SENSITIVITY_TEXT, estimateHeader } from "../../src/layout/sensitivity";
import { scaffoldAssessment } from "../../src/writers/office";
import { PORTABLE_CASES } from "../fixtures/portableCases";

const withinRelative = (actual: unknown, expected: number): boolean =>
  typeof actual === "number" && (expected === 0 ? Math.abs(actual) <= 1e-9 : Math.abs(actual - expected) <= 1e-9 * Math.abs(expected));

const core = (a: Assessment): AssessmentResult => {
  const c = computeAssessment(a);
  if (!c.ok) throw new Error(`the test case itself is invalid: ${JSON.stringify(c.issues)}`);
  return c.result;
};

/** What the double computed for one case. */
interface Computed {
  wb: WorkbookState;
  column: (table: string, header: string) => unknown[];
  named: (name: string) => unknown;
}

async function evaluated(a: Assessment): Promise<Computed> {
  const wb = installFakeOffice(globalThis as unknown as Record<string, unknown>);
  await scaffoldAssessment(a);
  recalculate(wb, {});
  const table = (name: string): TableState => {
    const t = wb.table(name);
    if (!t) throw new Error(`no table ${name}`);
    return t;
  };
  return {
    wb,
    column: (name, header) => {
      const t = table(name);
      const c = t.headers().indexOf(header);
      if (c < 0) throw new Error(`${name} has no column "${header}"; headers: ${t.headers().join(" | ")}`);
      return Array.from({ length: t.box.rows - 1 }, (_, r) => t.sheet.cell(t.box.row + 1 + r, t.box.column + c)?.value);
    },
    named: (name) => {
      const n = wb.names.find((x) => x.name === name);
      if (!n) throw new Error(`no defined name ${name}`);
      return n.sheet.cell(n.box.row, n.box.column)?.value;
    },
  };
}

const computed: Record<string, Computed> = {};
beforeAll(async () => {
  for (const [name, a] of Object.entries(PORTABLE_CASES)) computed[name] = await evaluated(a);
});

const cases = Object.keys(PORTABLE_CASES);
const N = layoutNames();

describe("the Excel double computes the portable workbooks exactly like the core", () => {
  test.each(cases)("%s: no formula calls a custom function, and no cell shows an error", (name) => {
    const cells = computed[name].wb.sheets.flatMap((s) => [...s.cells].map(([at, c]) => ({ sheet: s.name, at, formula: c.formula, value: c.value })));
    expect(cells.filter((c) => c.formula && /SROI\./i.test(c.formula))).toEqual([]);
    // payback is the one cell allowed an error: no payback (the core's null) shows #DIV/0! by design
    const payback = N.names.payback;
    const paybackCell = computed[name].wb.names.find((n) => n.name === payback)!;
    const isPayback = (c: { sheet: string; at: string }) => c.sheet === paybackCell.sheet.name && c.at === `${paybackCell.box.row},${paybackCell.box.column}`;
    expect(cells.filter((c) => typeof c.value === "string" && /^#[A-Z/0!?]+/.test(c.value) && !isPayback(c))).toEqual([]);
  });

  test.each(cases)("%s: impact and present value of every outcome", (name) => {
    const a = PORTABLE_CASES[name];
    const r = core(a);
    const lang = a.settings.language;
    const impact = computed[name].column(N.tables.outcomes, header(OUTCOMES, "impact", lang));
    const pv = computed[name].column(N.tables.outcomes, header(OUTCOMES, "presentValue", lang));
    expect(impact).toHaveLength(r.outcomes.length);
    r.outcomes.forEach((o, k) => {
      expect({ k, impact: impact[k], ok: withinRelative(impact[k], o.netImpact.toNumber()) }).toEqual({ k, impact: impact[k], ok: true });
      expect({ k, pv: pv[k], core: o.presentValue.toNumber(), ok: withinRelative(pv[k], o.presentValue.toNumber()) }).toEqual({ k, pv: pv[k], core: o.presentValue.toNumber(), ok: true });
    });
  });

  test.each(cases)("%s: total PV, inputs, NPV, ratio, net ratio, annual impact and payback", (name) => {
    const r = core(PORTABLE_CASES[name]);
    const { named } = computed[name];
    const expected: [string, number | null][] = [
      [N.names.totalPV, r.totalPresentValue.toNumber()],
      [N.names.totalInputs, r.totalInputs.toNumber()],
      [N.names.npv, r.netPresentValue.toNumber()],
      [N.names.ratio, r.ratio?.toNumber() ?? null],
      [N.names.netRatio, r.netRatio?.toNumber() ?? null],
      [N.names.annualImpact, r.annualImpact.toNumber()],
      [N.names.payback, r.paybackMonths?.toNumber() ?? null],
    ];
    for (const [key, value] of expected) {
      const shown = named(key);
      // the core's null (no ratio, no payback) is an error or a blank in the sheet, never a number
      const ok = value === null ? typeof shown === "string" && (shown.startsWith("#") || shown === "") : withinRelative(shown, value);
      expect({ key, double: shown, core: value, ok }).toEqual({ key, double: shown, core: value, ok: true });
    }
  });

  test.each(cases)("%s: present value per stakeholder", (name) => {
    const a = PORTABLE_CASES[name];
    const r = core(a);
    const lang = a.settings.language;
    const who = computed[name].column(N.tables.valueByStakeholder, header(VALUE_BY_STAKEHOLDER, "stakeholder", lang));
    const pv = computed[name].column(N.tables.valueByStakeholder, header(VALUE_BY_STAKEHOLDER, "presentValue", lang));
    for (const s of r.byStakeholder) {
      const listed = a.outcomes.some((o) => o.stakeholder.trim().toLowerCase() === s.stakeholder.trim().toLowerCase());
      // a stakeholder with no outcome (a funder) is not in the list of value: the core gives it 0
      if (!listed) {
        expect({ stakeholder: s.stakeholder, inSheet: who.includes(s.stakeholder), core: s.presentValue.toNumber() }).toEqual({ stakeholder: s.stakeholder, inSheet: false, core: 0 });
        continue;
      }
      const value = pv[who.indexOf(s.stakeholder)];
      expect({ stakeholder: s.stakeholder, value, ok: withinRelative(value, s.presentValue.toNumber()) }).toEqual({ stakeholder: s.stakeholder, value, ok: true });
    }
  });

  test.each(cases)("%s: inputs by kind and by stakeholder, with their shares", (name) => {
    const a = PORTABLE_CASES[name];
    const r = core(a);
    const lang = a.settings.language;
    const total = r.totalInputs.toNumber();
    const byKind = computed[name].column(N.tables.inputsByKind, header(INPUTS_BY_KIND, "value", lang));
    const kindShare = computed[name].column(N.tables.inputsByKind, header(INPUTS_BY_KIND, "share", lang));
    (["cash", "inKind", "time"] as const).forEach((kind, k) => {
      // the core's input values, summed by kind here
      const expected = a.inputs.filter((i) => i.kind === kind).reduce((sum, i) => sum + (inputValue(i) as { ok: true; value: { toNumber(): number } }).value.toNumber(), 0);
      expect({ kind, value: byKind[k], ok: withinRelative(byKind[k], expected) }).toEqual({ kind, value: byKind[k], ok: true });
      if (total !== 0) expect(withinRelative(kindShare[k], expected / total)).toBe(true);
    });
    const who = computed[name].column(N.tables.inputsByStakeholder, header(INPUTS_BY_STAKEHOLDER, "stakeholder", lang));
    const given = computed[name].column(N.tables.inputsByStakeholder, header(INPUTS_BY_STAKEHOLDER, "value", lang));
    for (const s of new Set(a.inputs.map((i) => i.stakeholder))) {
      const expected = a.inputs.filter((i) => i.stakeholder === s).reduce((sum, i) => sum + (inputValue(i) as { ok: true; value: { toNumber(): number } }).value.toNumber(), 0);
      expect({ s, ok: withinRelative(given[who.indexOf(s)], expected) }).toEqual({ s, ok: true });
    }
  });

  test.each(cases)("%s: the projection grid shows the core's value of every outcome in every year", (name) => {
    const a = PORTABLE_CASES[name];
    const r = core(a);
    r.outcomes.forEach((o, k) => {
      o.projection.forEach((value, y) => {
        const shown = computed[name].column(N.tables.projection, yearHeader(a.settings.language, y + 1))[k];
        expect({ outcome: k + 1, year: y + 1, shown, ok: withinRelative(shown, value.toNumber()) }).toEqual({ outcome: k + 1, year: y + 1, shown, ok: true });
      });
    });
  });

  test.each(cases)("%s: the Sensitivity sheet's linear break-even values are the core's, and its status says up to date", (name) => {
    const a = PORTABLE_CASES[name];
    const lang = a.settings.language;
    const sv = switchingValues(a);
    if (!sv.ok) throw new Error("the test case itself has no switching values");
    const r = core(a);
    const col = (key: (typeof SENSITIVITY.columns)[number]["key"]) => computed[name].column(N.tables.sensitivity, header(SENSITIVITY, key, lang));
    const [numbers, estimates, breakEven] = [col("number"), col("estimate"), col("breakEven")];
    const live = sv.value.filter((x) => x.outcome !== null && LIVE_BREAK_EVEN.includes(x.field));
    expect(live.length).toBeGreaterThan(0);
    for (const x of live) {
      const i = numbers.findIndex((n, k) => n === x.outcome && estimates[k] === estimateHeader(x.field, lang));
      const got = breakEven[i];
      const place = { outcome: x.outcome, field: x.field, got, core: x.breakEven };
      // blank where the outcome carries no value (nothing to scale), "none" where the core finds none
      if (r.outcomes[x.outcome! - 1].presentValue.isZero()) expect(place).toEqual({ ...place, got: "" });
      else if (x.breakEven === null) expect(place).toEqual({ ...place, got: SENSITIVITY_TEXT[lang].none });
      else expect({ ...place, ok: withinRelative(got, x.breakEven) }).toEqual({ ...place, ok: true });
    }
    expect(computed[name].named(N.names.sensitivityStatus)).toBe(SENSITIVITY_TEXT[lang].upToDate);
  });

  test("the reference case gives the method's published PV 15,221.50 and ratio 1.5222", () => {
    const { named } = computed["reference case"];
    expect(Math.round((named(N.names.totalPV) as number) * 100) / 100).toBe(15221.5);
    expect(Math.round((named(N.names.ratio) as number) * 1e4) / 1e4).toBe(1.5222);
  });

  test("start 2: the reference outcome's PV is the published 15,221.50 / 1.035 = 14,706.76", () => {
    const pv = computed["start 2 (one more year of discounting)"].column(N.tables.outcomes, header(OUTCOMES, "presentValue", "en"))[0] as number;
    expect(Math.round(pv * 100) / 100).toBe(14706.76);
  });
});

// tests/interop/libreoffice.test.ts recomputes the same list (tests/fixtures/portableCases.ts) in LibreOffice.
