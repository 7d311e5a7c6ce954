/**
 * The inverse of the layout: from the contents of an assessment's tables (as the live workbook or an
 * .xlsx file holds them) back to an Assessment. Headers are recognised in English and French.
 * Every problem names the sheet, the cell and the column header, and uses the core's own rules.
 */
import { Assessment, AssessmentSettings, DEFAULT_SETTINGS, Input, InputKind, Lang, Outcome, Stakeholder, checkOutcome, isEmptyOutcome, inputValue } from "../sroi/assessment";
import type { Field, Issue } from "../sroi/issues";
import { Raw, isBlank, readRate, readWholeYears } from "../sroi/validate";
import { cellAddress } from "./a1";
import { INPUT_HEADERS, INPUT_KINDS, OUTCOME_HEADERS, OutcomeKey, SETTINGS_HEADERS, STAKEHOLDER_HEADERS } from "./labels";
import { layoutNames } from "./names";
import type { CellValue } from "./types";

/** One table as read from a workbook: where its header row is, its headers and its data values. */
export interface TableContents {
  name: string;
  sheet: string;
  /** 0-based row and column of the header row's first cell */
  row: number;
  column: number;
  headers: string[];
  /** data rows (values, not formulas) */
  rows: CellValue[][];
}

export type ReadProblem =
  | { code: "missingTable"; table: string }
  | { code: "missingColumn"; table: string; sheet: string; header: string }
  | { code: "badCell"; sheet: string; cell: string; header: string; issue: Issue };

export interface ReadResult {
  assessment: Assessment | null;
  problems: ReadProblem[];
}

const norm = (s: unknown) => String(s ?? "").trim().toLowerCase();

/** Maps column keys to positions, from headers in either language. */
function columnsOf<K extends string>(t: TableContents, headers: Record<Lang, Record<K, string>>, wanted: K[], problems: ReadProblem[]): Record<K, number> | null {
  const at = {} as Record<K, number>;
  let ok = true;
  for (const key of wanted) {
    const names = [headers.en[key], headers.fr[key]].map(norm);
    const i = t.headers.findIndex((h) => names.includes(norm(h)));
    if (i < 0) {
      problems.push({ code: "missingColumn", table: t.name, sheet: t.sheet, header: headers.en[key] });
      ok = false;
    } else at[key] = i;
  }
  return ok ? at : null;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v));
const num = (v: CellValue | undefined): number | null => (typeof v === "number" ? v : null);

/** TRUE/FALSE as Excel or LibreOffice store them, or typed as text in either language. */
function bool(v: CellValue | undefined, fallback: boolean): boolean | null {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (isBlank(v as Raw)) return fallback;
  const s = norm(v);
  if (["true", "vrai", "yes", "oui"].includes(s)) return true;
  if (["false", "faux", "no", "non"].includes(s)) return false;
  return null;
}

/** The outcome column (the Outcome property of the same name) a core Field names; shared with the JSON reader. */
export const OUTCOME_FIELD_COLUMN: Partial<Record<Field, OutcomeKey>> = {
  quantity: "quantity",
  proxy: "proxyValue",
  deadweight: "deadweight",
  displacement: "displacement",
  attribution: "attribution",
  dropOff: "dropOff",
  duration: "duration",
  start: "start",
};

/** Reads the assessment whose tables carry this suffix ("" for the first one). */
export function readAssessment(tables: TableContents[], suffix = ""): ReadResult {
  const names = layoutNames(suffix).tables;
  const problems: ReadProblem[] = [];
  const find = (name: string) => tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const settingsT = find(names.settings);
  const stakeholdersT = find(names.stakeholders);
  const inputsT = find(names.inputs);
  const outcomesT = find(names.outcomes);
  for (const [name, t] of [
    [names.settings, settingsT],
    [names.stakeholders, stakeholdersT],
    [names.inputs, inputsT],
    [names.outcomes, outcomesT],
  ] as const) {
    if (!t) problems.push({ code: "missingTable", table: name });
  }
  if (!settingsT || !stakeholdersT || !inputsT || !outcomesT) return { assessment: null, problems };

  const cellOf = (t: TableContents, dataRow: number, col: number) => cellAddress(t.row + 1 + dataRow, t.column + col);
  const bad = (t: TableContents, dataRow: number, col: number, issue: Issue) =>
    problems.push({ code: "badCell", sheet: t.sheet, cell: cellOf(t, dataRow, col), header: t.headers[col], issue });

  // Settings: a Key | Setting | Value | Note table.
  const settings: AssessmentSettings = { ...DEFAULT_SETTINGS };
  const sc = columnsOf(settingsT, SETTINGS_HEADERS, ["key", "value"], problems);
  if (sc) {
    settingsT.rows.forEach((row, r) => {
      const key = text(row[sc.key]).trim();
      const v = row[sc.value];
      const col = sc.value;
      switch (key) {
        case "organisation":
        case "title":
        case "period":
          settings[key] = text(v);
          break;
        case "currency":
          settings.currency = text(v).trim() || DEFAULT_SETTINGS.currency;
          break;
        case "language":
          settings.language = norm(v) === "fr" ? "fr" : "en";
          break;
        case "discountRate": {
          const rate = readRate(v as Raw);
          if (rate.ok) settings.discountRate = rate.value.toNumber();
          else bad(settingsT, r, col, rate.issue);
          break;
        }
        case "yearsShown": {
          const y = readWholeYears(v as Raw, "years");
          if (y.ok && y.value >= 1) settings.yearsShown = y.value;
          else bad(settingsT, r, col, y.ok ? { code: "required", field: "years" } : y.issue);
          break;
        }
        case "discountYear1":
        case "portable": {
          const b = bool(v, key === "discountYear1" ? DEFAULT_SETTINGS.discountYear1 : DEFAULT_SETTINGS.portable);
          if (b === null) bad(settingsT, r, col, { code: "notABoolean", field: "discountYear1", value: text(v) });
          else settings[key] = b;
          break;
        }
        default:
          break; // layoutVersion and rows a user added are kept in the sheet, not in the model
      }
    });
  }

  const stakeholders: Stakeholder[] = [];
  const kc = columnsOf(stakeholdersT, STAKEHOLDER_HEADERS, ["name", "groupSize", "involvement"], problems);
  if (kc) {
    stakeholdersT.rows.forEach((row, r) => {
      if (row.every((v) => isBlank(v as Raw))) return;
      const size = row[kc.groupSize];
      if (!isBlank(size as Raw) && typeof size !== "number") bad(stakeholdersT, r, kc.groupSize, { code: "notANumber", field: "quantity", value: text(size) });
      stakeholders.push({ name: text(row[kc.name]).trim(), groupSize: num(size), involvement: text(row[kc.involvement]) });
    });
  }

  const inputs: Input[] = [];
  const ic = columnsOf(inputsT, INPUT_HEADERS, ["stakeholder", "kind", "description", "amount", "hours", "hourlyCost"], problems);
  if (ic) {
    inputsT.rows.forEach((row, r) => {
      const cells = [ic.stakeholder, ic.description, ic.amount, ic.hours, ic.hourlyCost].map((c) => row[c]);
      if (cells.every((v) => isBlank(v as Raw))) return;
      for (const key of ["amount", "hours", "hourlyCost"] as const) {
        const v = row[ic[key]];
        if (!isBlank(v as Raw) && typeof v !== "number") bad(inputsT, r, ic[key], { code: "notANumber", field: "inputs", value: text(v) });
      }
      const input: Input = {
        stakeholder: text(row[ic.stakeholder]).trim(),
        kind: kindOf(row[ic.kind], row[ic.hours]),
        description: text(row[ic.description]),
        amount: num(row[ic.amount]),
        hours: num(row[ic.hours]),
        hourlyCost: num(row[ic.hourlyCost]),
      };
      const v = inputValue(input);
      if (!v.ok) bad(inputsT, r, ic.amount, v.issue);
      inputs.push(input);
    });
  }

  const outcomes: Outcome[] = [];
  const keys: OutcomeKey[] = ["stakeholder", "description", "indicator", "source", "quantity", "duration", "start", "proxyName", "proxyValue", "proxySource", "deadweight", "displacement", "attribution", "dropOff"];
  const oc = columnsOf(outcomesT, OUTCOME_HEADERS, keys, problems);
  if (oc) {
    outcomesT.rows.forEach((row, r) => {
      // Numbers stay raw here so the core's readers judge them (text in Quantity is its error to name).
      const raw = (k: OutcomeKey) => row[oc[k]] as Raw;
      const o = {
        stakeholder: text(row[oc.stakeholder]).trim(),
        description: text(row[oc.description]),
        indicator: text(row[oc.indicator]),
        source: text(row[oc.source]),
        quantity: raw("quantity"),
        duration: raw("duration"),
        start: raw("start"),
        proxyName: text(row[oc.proxyName]),
        proxyValue: raw("proxyValue"),
        proxySource: text(row[oc.proxySource]),
        deadweight: raw("deadweight"),
        displacement: raw("displacement"),
        attribution: raw("attribution"),
        dropOff: raw("dropOff"),
      } as unknown as Outcome;
      if (isEmptyOutcome(o) && !o.description && !o.stakeholder) return;
      if (!isEmptyOutcome(o)) {
        for (const issue of checkOutcome(o).issues) {
          const key = OUTCOME_FIELD_COLUMN[issue.field];
          bad(outcomesT, r, key ? oc[key] : 0, { ...issue, row: undefined, column: undefined });
        }
      }
      outcomes.push(o);
    });
  }

  const assessment = { settings, stakeholders, inputs, outcomes };
  return { assessment, problems };
}

function kindOf(v: CellValue | undefined, hours: CellValue | undefined): InputKind {
  const s = norm(v);
  for (const lang of ["en", "fr"] as const) {
    const kinds = INPUT_KINDS[lang];
    for (const k of Object.keys(kinds) as InputKind[]) if (norm(kinds[k]) === s) return k;
  }
  return typeof hours === "number" && hours !== 0 ? "time" : "cash";
}
