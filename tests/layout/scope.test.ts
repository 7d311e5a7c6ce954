/**
 * Stages 1–2 of the method in the workbook (issue #13 item 2): the assessment's type, scope, purpose
 * and audience on the settings sheet; per outcome whether it was intended, its activity and output,
 * whether it is positive or negative; what was left out and why, right of the stakeholders. Written in
 * the sheet's language, read back from either, and an older workbook without them still reads.
 * Expected labels and cells are written out by hand from the issue and the method's glossary.
 */
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, SETTINGS_ROWS, cellOf, columnIndex } from "../../src/layout/columns";
import { readAssessment, type TableContents } from "../../src/layout/read";
import { type Block, type Table, isFormula } from "../../src/layout/types";
import { type Assessment, DEFAULT_SETTINGS } from "../../src/sroi";
import { referenceCase } from "../fixtures/referenceCase";

const scoped: Assessment = {
  ...referenceCase,
  settings: { ...referenceCase.settings, assessmentType: "evaluative", scope: "The 2025 programme", purpose: "Report to funders", audience: "Board and funders" },
  outcomes: [
    { ...referenceCase.outcomes[0], intended: "unintended", activity: "Job coaching", output: "10 people coached", polarity: "positive" },
    { ...referenceCase.outcomes[0], description: "Stress of the job search", proxyName: "Stress", proxyValue: -200, polarity: "negative" },
  ],
  exclusions: [
    { item: "Families", reason: "Not material" },
    { item: "Better health", reason: "No evidence in 2025" },
  ],
};
const inFrench = (a: Assessment): Assessment => ({ ...a, settings: { ...a.settings, language: "fr" } });

const tablesOf = (a: Assessment) => buildLayout(a).sheets.flatMap((s) => s.parts.filter((p): p is Table => p.kind === "table").map((t) => ({ sheet: s, t })));
const contents = (a: Assessment): TableContents[] =>
  tablesOf(a).map(({ sheet, t }) => ({ name: t.name, sheet: sheet.name, row: t.row, column: t.column, headers: t.columns.map((c) => c.header), rows: t.rows.map((r) => r.map((c) => (isFormula(c) ? null : c))) }));
const table = (c: TableContents[], name: string) => c.find((t) => t.name === name)!;
/** A table without some of its columns, as an older layout wrote it. */
const without = (t: TableContents, headers: string[]): TableContents => {
  const keep = t.headers.map((h, i) => (headers.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return { ...t, headers: keep.map((i) => t.headers[i]), rows: t.rows.map((r) => keep.map((i) => r[i])) };
};
/** The settings' Key and Value columns, found by their headers (Key is the last column, out of the print). */
const keyAt = (t: TableContents) => t.headers.findIndex((h) => h === "Key" || h === "Clé");
const valueAt = (t: TableContents) => t.headers.findIndex((h) => h === "Value" || h === "Valeur");
const settingRow = (c: TableContents[], key: string) => {
  const t = table(c, "SroiSettings");
  return t.rows.find((r) => r[keyAt(t)] === key)!;
};
const settingValue = (c: TableContents[], key: string) => settingRow(c, key)[valueAt(table(c, "SroiSettings"))];

describe("settings: type, scope, purpose, audience", () => {
  test("written after the period, the type in the sheet's language", () => {
    const keys = SETTINGS_ROWS.map((r) => r.key);
    expect(keys.slice(keys.indexOf("period"), keys.indexOf("period") + 5)).toEqual(["period", "assessmentType", "scope", "purpose", "audience"]);
    expect(settingValue(contents(scoped), "assessmentType")).toBe("evaluative");
    expect(settingValue(contents(inFrench(scoped)), "assessmentType")).toBe("évaluative");
    expect(settingValue(contents(inFrench(referenceCase)), "assessmentType")).toBe("prévisionnelle");
    expect(settingValue(contents(scoped), "scope")).toBe("The 2025 programme");
  });

  test("the type's cell has a list of the two choices, in the sheet's language", () => {
    const settings = (a: Assessment) => tablesOf(a).find(({ t }) => t.name === "SroiSettings")!.t;
    const row = SETTINGS_ROWS.findIndex((r) => r.key === "assessmentType");
    const validation = (a: Assessment) => settings(a).cellValidations!.find((v) => v.row === row)!.validation;
    expect(validation(scoped)).toEqual({ kind: "list", items: ["forecast", "evaluative"], message: "Choose forecast or evaluative." });
    expect(validation(inFrench(scoped))).toEqual({ kind: "list", items: ["prévisionnelle", "évaluative"], message: "Choisissez prévisionnelle ou évaluative." });
  });

  test("read back in both languages, and a type typed in the other language or the masculine form", () => {
    expect(readAssessment(contents(scoped)).assessment!.settings).toEqual(scoped.settings);
    expect(readAssessment(contents(inFrench(scoped))).assessment!.settings).toEqual(inFrench(scoped).settings);
    for (const typed of ["Evaluative", "ÉVALUATIVE", "évaluatif", "evaluatif", " évaluative "]) {
      const c = contents(inFrench(referenceCase));
      settingRow(c, "assessmentType")[valueAt(table(c, "SroiSettings"))] = typed;
      const r = readAssessment(c);
      expect(r.problems).toEqual([]);
      expect(r.assessment!.settings.assessmentType).toBe("evaluative");
    }
  });

  test("a blank type is a forecast; an unknown one is named by its cell, with the sheet's choices", () => {
    const c = contents(inFrench(scoped));
    const rows = table(c, "SroiSettings").rows;
    const at = rows.findIndex((r) => r[keyAt(table(c, "SroiSettings"))] === "assessmentType");
    const v = valueAt(table(c, "SroiSettings"));
    rows[at][v] = null;
    expect(readAssessment(c).assessment!.settings.assessmentType).toBe("forecast");
    rows[at][v] = "ex post";
    // the settings table's header is row 3, its first data row 4: assessmentType is the 4th setting, its value in column B (Setting | Value | Note | Key)
    expect(at).toBe(3);
    expect(readAssessment(c).problems).toEqual([
      {
        code: "badCell",
        sheet: "Paramètres SROI",
        cell: "B7",
        header: "Valeur",
        issue: { code: "notAChoice", field: "assessmentType", value: "ex post", available: "prévisionnelle, évaluative" },
      },
    ]);
  });

  test("an older workbook without these rows reads as a forecast with no scope, purpose nor audience", () => {
    const c = contents(scoped);
    const s = table(c, "SroiSettings");
    s.rows = s.rows.filter((r) => !["assessmentType", "scope", "purpose", "audience"].includes(String(r[keyAt(s)])));
    const r = readAssessment(c);
    expect(r.problems).toEqual([]);
    expect(r.assessment!.settings).toEqual({ ...scoped.settings, assessmentType: "forecast", scope: "", purpose: "", audience: "" });
    expect(DEFAULT_SETTINGS).toMatchObject({ assessmentType: "forecast", scope: "", purpose: "", audience: "" });
  });
});

describe("outcomes: intended or not, activity and output, positive or negative", () => {
  test("the impact map shows stakeholder | intended or unintended | activity | output | outcome | positive or negative, stage 2 labelled", () => {
    const map = table(contents(scoped), "SroiOutcomes");
    expect(map.headers.slice(0, 7)).toEqual(["Stakeholder", "Intended or unintended", "Activity", "Output", "Outcome (what changes)", "Positive or negative", "Indicator"]);
    const sheet = buildLayout(scoped).sheets.find((s) => s.key === "impactMap")!;
    const stages = sheet.parts.find((p): p is Block => p.kind === "block" && p.style === "header")!.cells[0];
    expect(stages.slice(0, 7)).toEqual(["Stage 1: stakeholders", null, "Stage 2: activities and outputs", null, "Stage 3: outcomes and their value", null, null]);
    expect(cellOf(OUTCOMES, "activity", 0)).toBe("C5");
  });

  test("written in the sheet's language, with list validations", () => {
    const row = (a: Assessment, k: number) => table(contents(a), "SroiOutcomes").rows[k].slice(0, 6);
    expect(row(scoped, 0)).toEqual(["Participants", "unintended", "Job coaching", "10 people coached", "Get a job", "positive"]);
    expect(row(inFrench(scoped), 0)).toEqual(["Participants", "inattendu", "Job coaching", "10 people coached", "Get a job", "positif"]);
    expect(row(inFrench(scoped), 1)).toEqual(["Participants", "attendu", "", "", "Stress of the job search", "négatif"]);
    const map = tablesOf(inFrench(scoped)).find(({ t }) => t.name === "SroiOutcomes")!.t;
    expect(map.columns[columnIndex(OUTCOMES, "intended")].validation).toEqual({ kind: "list", items: ["attendu", "inattendu"], message: "Choisissez attendu ou inattendu." });
    expect(map.columns[columnIndex(OUTCOMES, "polarity")].validation).toEqual({ kind: "list", items: ["positif", "négatif"], message: "Choisissez positif ou négatif." });
  });

  test("read back from either language; blank reads as intended and positive", () => {
    expect(readAssessment(contents(scoped)).assessment!.outcomes).toEqual(scoped.outcomes);
    expect(readAssessment(contents(inFrench(scoped))).assessment!.outcomes).toEqual(scoped.outcomes);
    const c = contents(inFrench(scoped));
    const rows = table(c, "SroiOutcomes").rows;
    rows[0][columnIndex(OUTCOMES, "intended")] = "Unintended"; // English typed in a French sheet
    rows[0][columnIndex(OUTCOMES, "polarity")] = "Négative"; // the feminine form
    rows[1][columnIndex(OUTCOMES, "intended")] = null;
    rows[1][columnIndex(OUTCOMES, "polarity")] = "";
    const r = readAssessment(c);
    expect(r.problems).toEqual([]);
    expect(r.assessment!.outcomes.map((o) => [o.intended, o.polarity])).toEqual([
      ["unintended", "negative"],
      ["intended", "positive"],
    ]);
  });

  test("a word that is no choice is named by its cell", () => {
    const c = contents(scoped);
    table(c, "SroiOutcomes").rows[1][columnIndex(OUTCOMES, "polarity")] = "bad";
    expect(readAssessment(c).problems).toEqual([
      { code: "badCell", sheet: "Impact map", cell: "F6", header: "Positive or negative", issue: { code: "notAChoice", field: "polarity", value: "bad", available: "positive, negative" } },
    ]);
  });

  test("an older workbook without the four columns reads as intended, positive, no activity nor output", () => {
    const c = contents(scoped).map((t) => (t.name === "SroiOutcomes" ? without(t, ["Intended or unintended", "Activity", "Output", "Positive or negative"]) : t));
    const r = readAssessment(c);
    expect(r.problems).toEqual([]);
    expect(r.assessment!.outcomes.map((o) => [o.intended, o.activity, o.output, o.polarity, o.description])).toEqual([
      ["intended", "", "", "positive", "Get a job"],
      ["intended", "", "", "positive", "Stress of the job search"],
    ]);
  });

  test("the blank row of an empty map leaves the choices blank, and reads as no outcome", () => {
    const empty: Assessment = { ...referenceCase, outcomes: [] };
    const map = table(contents(empty), "SroiOutcomes");
    expect(map.rows).toHaveLength(1);
    expect(map.rows[0][columnIndex(OUTCOMES, "intended")]).toBeNull();
    expect(map.rows[0][columnIndex(OUTCOMES, "polarity")]).toBeNull();
    expect(readAssessment(contents(empty)).assessment!.outcomes).toEqual([]);
  });
});

describe("exclusions: what was left out and why", () => {
  test("a table right of the stakeholders, one column apart, under a heading, in the sheet's language", () => {
    const sheet = buildLayout(inFrench(scoped)).sheets.find((s) => s.key === "stakeholders")!;
    const t = sheet.parts.find((p): p is Table => p.kind === "table" && p.name === "SroiExclusions")!;
    // Stakeholders in A–C from row 3; the exclusions' header in E3 (0-based row 2, column 4)
    expect([t.row, t.column]).toEqual([2, 4]);
    expect(t.columns.map((c) => c.header)).toEqual(["Exclu (partie prenante ou effet)", "Pourquoi il est exclu"]);
    expect(t.rows).toEqual([
      ["Families", "Not material"],
      ["Better health", "No evidence in 2025"],
    ]);
    const heading = sheet.parts.find((p): p is Block => p.kind === "block" && p.column === 4)!;
    expect([heading.row, heading.cells]).toEqual([1, [["Exclu de l'analyse, et pourquoi"]]]);
  });

  test("read back in both languages; blank rows are skipped", () => {
    expect(readAssessment(contents(scoped)).assessment!.exclusions).toEqual(scoped.exclusions);
    const c = contents(inFrench(scoped));
    table(c, "SroiExclusions").rows.splice(1, 0, [null, ""]);
    expect(readAssessment(c).assessment!.exclusions).toEqual(scoped.exclusions);
  });

  test("none: a blank row in the sheet, [] in the model", () => {
    const none = { ...scoped, exclusions: [] };
    expect(table(contents(none), "SroiExclusions").rows).toEqual([[null, null]]);
    expect(readAssessment(contents(none)).assessment!.exclusions).toEqual([]);
    // an assessment built without the property (code older than it) is written the same
    const { exclusions: _left, ...older } = scoped;
    expect(table(contents(older), "SroiExclusions").rows).toEqual([[null, null]]);
  });

  test("an older workbook without the table reads as no exclusions, without a problem", () => {
    const r = readAssessment(contents(scoped).filter((t) => t.name !== "SroiExclusions"));
    expect(r.problems).toEqual([]);
    expect(r.assessment!.exclusions).toEqual([]);
  });

  test("a table without its item column is a problem, as for any table", () => {
    const c = contents(scoped).map((t) => (t.name === "SroiExclusions" ? without(t, ["Left out (stakeholder or outcome)"]) : t));
    expect(readAssessment(c).problems).toEqual([{ code: "missingColumn", table: "SroiExclusions", sheet: "Stakeholders", header: "Left out (stakeholder or outcome)" }]);
  });
});
