/** The layout as data: the sheets, columns and formulas an assessment becomes, and reading it back. */
import { buildLayout, outcomeFormulas } from "../../src/layout/build";
import { OUTCOMES, cellOf, columnIndex } from "../../src/layout/columns";
import { layoutNames } from "../../src/layout/names";
import { readAssessment, TableContents } from "../../src/layout/read";
import type { Table } from "../../src/layout/types";
import { isFormula } from "../../src/layout/types";
import { Assessment } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";


const tables = (a: Assessment, suffix = "") => buildLayout(a, { suffix }).sheets.flatMap((s) => s.parts.filter((p): p is Table => p.kind === "table").map((t) => ({ sheet: s.name, t })));

describe("layout of an assessment", () => {
  test("eight sheets in the guide's order, the Summary after the Results, named in the assessment's language", () => {
    expect(buildLayout(referenceCase).sheets.map((s) => s.name)).toEqual(["SROI settings", "Stakeholders", "Inputs", "Impact map", "Projection", "Results", "Summary", "Sensitivity"]);
    const fr = { ...referenceCase, settings: { ...referenceCase.settings, language: "fr" as const } };
    expect(buildLayout(fr).sheets.map((s) => s.name)).toEqual(["Paramètres SROI", "Parties prenantes", "Contributions", "Carte des impacts", "Projection", "Résultats", "Synthèse", "Sensibilité"]);
  });

  test("impact map columns follow the practitioners' template (§7): stage 1, 2, 3, 4, then value", () => {
    const map = tables(referenceCase).find((x) => x.t.name === "SroiOutcomes")!.t;
    expect(map.columns.map((c) => c.header)).toEqual([
      "Stakeholder", "Intended or unintended", "Activity", "Output", "Outcome (what changes)", "Positive or negative", "Indicator", "Indicator source", "Quantity", "Duration (years)", "Starts in year",
      "Financial proxy", "Proxy value", "Units per person", "Proxy unit", "Proxy source", "Proxy currency", "Exchange rate", "Exchange rate source", "Proxy price year", "Valuation method", "Deadweight", "Displacement", "Attribution", "Drop-off", "Evidence for the estimates", "Impact", "Present value",
    ]);
  });

  test("every row of a calculated column holds the column's formula", () => {
    for (const { t } of tables(referenceCase)) {
      t.columns.forEach((c, i) => {
        if (!c.formula) return;
        for (const row of t.rows) expect(row[i]).toEqual({ formula: c.formula });
      });
    }
  });

  test("structured references only name tables and columns that exist", () => {
    const all = tables(referenceCase);
    const headers = new Map(all.map(({ t }) => [t.name, new Set(t.columns.map((c) => c.header))]));
    const formulas = buildLayout(referenceCase).sheets.flatMap((s) =>
      s.parts.flatMap((p) => (p.kind === "table" ? p.rows.flat() : p.kind === "fields" ? p.fields.map((x) => x.value) : p.kind === "block" ? p.cells.flat() : [])),
    ).filter(isFormula).map((x) => x.formula);
    expect(formulas.length).toBeGreaterThan(20);
    for (const formula of formulas) {
      for (const m of formula.matchAll(/(Sroi[A-Za-z]+)\[(?:\[#This Row\],)?\[?([^\]]+)\]/g)) {
        expect(headers.has(m[1])).toBe(true);
        expect([m[1], headers.get(m[1])!.has(m[2])]).toEqual([m[1], true]);
      }
    }
  });

  test("defined names of the settings point at the value cells of their rows", () => {
    const settings = buildLayout(referenceCase).sheets[0];
    const t = settings.parts.find((p): p is Table => p.kind === "table")!;
    const rate = settings.names!.find((n) => n.name === "SroiRate")!;
    // Setting | Value | Note | Key: the key last, out of the printed page
    expect(t.rows[rate.row - t.row - 1]).toEqual(["Discount rate", 0.035, expect.any(String), "discountRate"]);
    expect(rate.column).toBe(1);
  });

  test("a second assessment uses suffixed names everywhere", () => {
    const names = tables(referenceCase, "2").map(({ t }) => t.name);
    expect(names).toEqual(["SroiSettings2", "SroiStakeholders2", "SroiExclusions2", "SroiInputs2", "SroiOutcomes2", "SroiProjection2", "SroiValueByStakeholder2", "SroiInputsByKind2", "SroiInputsByStakeholder2", "SroiSensitivity2"]);
    const { impact } = outcomeFormulas({ lang: "en", names: layoutNames("2"), portable: false });
    const proxy = "SroiOutcomes2[[#This Row],[Proxy value]]";
    const units = "SroiOutcomes2[[#This Row],[Units per person]]";
    expect(impact).toBe(`=SROI.NETIMPACT(SroiOutcomes2[[#This Row],[Quantity]],IF(COUNT(${proxy}),${proxy}*IF(${units}="",1,${units}),${proxy}),SroiOutcomes2[[#This Row],[Deadweight]],SroiOutcomes2[[#This Row],[Displacement]],SroiOutcomes2[[#This Row],[Attribution]])`);
  });

  test("portable formulas use no SROI.* function; the others do", () => {
    const portable = { ...referenceCase, settings: { ...referenceCase.settings, portable: true } };
    const text = (a: Assessment) => JSON.stringify(buildLayout(a));
    expect(text(portable)).not.toMatch(/SROI\./);
    expect(text(referenceCase)).toMatch(/SROI\.PV\(/);
    expect(text(referenceCase)).toMatch(/SROI\.RATIO\(/);
  });

  test("user text stays a string cell, even when it looks like a formula", () => {
    const a = { ...referenceCase, stakeholders: [{ name: "=HYPERLINK(\"x\")", groupSize: 1, involvement: "+33 1 23" }] };
    const st = tables(a).find((x) => x.t.name === "SroiStakeholders")!.t;
    expect(st.rows[0]).toEqual(["=HYPERLINK(\"x\")", 1, "+33 1 23"]);
  });
});

describe("reading a workbook back", () => {
  const contents = (a: Assessment): TableContents[] =>
    tables(a).map(({ sheet, t }) => ({ name: t.name, sheet, row: t.row, column: t.column, headers: t.columns.map((c) => c.header), rows: t.rows.map((r) => r.map((c) => (isFormula(c) ? null : c))) }));

  test("what the layout wrote reads back as the same assessment", () => {
    const r = readAssessment(contents(referenceCase));
    expect(r.problems).toEqual([]);
    expect(r.assessment).toEqual(referenceCase);
  });

  test("French headers read back too", () => {
    const fr = { ...referenceCase, settings: { ...referenceCase.settings, language: "fr" as const } };
    expect(readAssessment(contents(fr)).assessment).toEqual(fr);
  });

  test("a French workbook of an earlier layout, whose drop-off column is headed « Érosion », still reads", () => {
    const fr = { ...referenceCase, settings: { ...referenceCase.settings, language: "fr" as const } };
    const c = contents(fr);
    const map = c.find((t) => t.name === "SroiOutcomes")!;
    const i = columnIndex(OUTCOMES, "dropOff");
    expect(map.headers[i]).toBe("Décroissance"); // what new sheets say
    map.headers[i] = "Érosion";
    const r = readAssessment(c);
    expect(r.problems).toEqual([]);
    // the drop-offs of the reference case, read from the column under its old header
    expect(r.assessment!.outcomes.map((o) => o.dropOff)).toEqual(referenceCase.outcomes.map((o) => o.dropOff));
    expect(referenceCase.outcomes.some((o) => (o.dropOff ?? 0) > 0)).toBe(true);
    // an unknown header is still a missing column: the alias list is not "anything goes"
    map.headers[i] = "Érosions";
    expect(readAssessment(c).problems).toEqual([{ code: "missingColumn", table: "SroiOutcomes", sheet: "Carte des impacts", header: "Drop-off" }]);
  });

  test("text in Quantity and 25 in Deadweight are named by sheet, cell and header", () => {
    const c = contents(referenceCase);
    const map = c.find((t) => t.name === "SroiOutcomes")!;
    map.rows[0][columnIndex(OUTCOMES, "quantity")] = "ten";
    map.rows[0][columnIndex(OUTCOMES, "deadweight")] = 25;
    const r = readAssessment(c);
    expect(r.problems).toEqual([
      expect.objectContaining({ code: "badCell", sheet: "Impact map", cell: cellOf(OUTCOMES, "quantity", 0), header: "Quantity", issue: expect.objectContaining({ code: "notANumber" }) }),
      expect.objectContaining({ code: "badCell", sheet: "Impact map", cell: cellOf(OUTCOMES, "deadweight", 0), header: "Deadweight", issue: expect.objectContaining({ code: "percentLooksWhole" }) }),
    ]);
  });

  test("a deleted column and a missing table are reported", () => {
    const c = contents(referenceCase).filter((t) => t.name !== "SroiInputs");
    const map = c.find((t) => t.name === "SroiOutcomes")!;
    map.headers[columnIndex(OUTCOMES, "dropOff")] = "Something else";
    const r = readAssessment(c);
    expect(r.problems).toEqual(expect.arrayContaining([{ code: "missingTable", table: "SroiInputs" }]));
    expect(r.assessment).toBeNull();
    const c2 = contents(referenceCase);
    c2.find((t) => t.name === "SroiOutcomes")!.headers[columnIndex(OUTCOMES, "dropOff")] = "Something else";
    expect(readAssessment(c2).problems).toEqual([{ code: "missingColumn", table: "SroiOutcomes", sheet: "Impact map", header: "Drop-off" }]);
  });
});
