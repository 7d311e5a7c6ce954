/**
 * An assessment as JSON (docs/assessment.schema.json, "sroi-assessment/1"): the structural rules of
 * the schema checked by hand, so no JSON-schema library is needed. The domain rules (a percentage is
 * a fraction, a duration a whole number...) stay with the core's readers, which computeAssessment
 * applies: the same rules as the workbook and the custom functions.
 */
import type { Assessment, AssessmentIssue, AssessmentSettings, Exclusion, Input, Outcome, Stakeholder } from "../sroi";
import { EXCLUSIONS, INPUTS, type JsonProperty, OUTCOMES, SETTINGS_ROWS, STAKEHOLDERS, columnOfField, dataColumns } from "../layout/columns";

export const ASSESSMENT_SCHEMA = "sroi-assessment/1";

/** What is wrong with the JSON's shape, at a JSON Pointer (RFC 6901: 0-based array indexes). */
export type ShapeProblem =
  | { code: "notJson"; pointer: ""; detail: string }
  | { code: "wrongSchema"; pointer: string; value: unknown }
  | { code: "missing"; pointer: string }
  | { code: "unknownProperty"; pointer: string }
  | { code: "wrongType"; pointer: string; expected: Expected; value: unknown }
  | { code: "notOneOf"; pointer: string; allowed: readonly (string | number)[]; value: unknown }
  | { code: "notCurrencyCode"; pointer: string; value: unknown };

export type Expected = "object" | "array" | "string" | "number" | "numberOrNull" | "boolean" | "integer";

export type JsonRead = { ok: true; assessment: Assessment } | { ok: false; problems: ShapeProblem[] };

type Kind = JsonProperty["type"];
interface Property<T> {
  kind: Kind;
  required?: boolean;
  /** the value used when the property is absent */
  fallback: T;
  oneOf?: readonly (string | number)[];
}
type Properties<T> = { [K in keyof T]: Property<T[K]> };

/** A JSON object's properties, as the workbook's columns (or setting rows) declare them. */
function declared<T>(entries: { key: string; json: JsonProperty }[]): Properties<T> {
  return Object.fromEntries(entries.map((e) => [e.key, { kind: e.json.type, required: e.json.required, fallback: e.json.fallback, oneOf: e.json.oneOf }])) as Properties<T>;
}

// Read from the declarations at each call, so that a column declared later is a property at once.
const SETTINGS = () => declared<AssessmentSettings>(SETTINGS_ROWS.filter((r) => r.read !== "ignored"));
const STAKEHOLDER = () => declared<Stakeholder>(dataColumns(STAKEHOLDERS));
const INPUT = () => declared<Input>(dataColumns(INPUTS));
const OUTCOME = () => declared<Outcome>(dataColumns(OUTCOMES));
const EXCLUSION = () => declared<Exclusion>(dataColumns(EXCLUSIONS));

const hasOwn = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function fits(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "numberOrNull":
      return v === null || (typeof v === "number" && Number.isFinite(v));
  }
}

/** Escapes a property name for a JSON Pointer (RFC 6901). */
const token = (name: string): string => name.replace(/~/g, "~0").replace(/\//g, "~1");

function readObject<T>(raw: unknown, spec: Properties<T>, pointer: string, problems: ShapeProblem[]): T | undefined {
  if (!isObject(raw)) {
    problems.push({ code: "wrongType", pointer, expected: "object", value: raw });
    return undefined;
  }
  const out = {} as T;
  // own keys only: "__proto__", "constructor" or "toString" are names in every object's prototype,
  // and `in` would take them for properties of the schema
  for (const key of Object.keys(raw)) {
    if (!hasOwn(spec, key)) problems.push({ code: "unknownProperty", pointer: `${pointer}/${token(key)}` });
  }
  for (const key of Object.keys(spec) as (keyof T & string)[]) {
    const p = spec[key];
    const at = `${pointer}/${key}`;
    if (!hasOwn(raw, key)) {
      if (p.required) problems.push({ code: "missing", pointer: at });
      out[key] = p.fallback;
      continue;
    }
    const v = raw[key];
    if (!fits(p.kind, v)) {
      problems.push({ code: "wrongType", pointer: at, expected: p.kind, value: v });
      continue;
    }
    if (p.oneOf && !p.oneOf.includes(v as string | number)) {
      problems.push({ code: "notOneOf", pointer: at, allowed: p.oneOf, value: v });
      continue;
    }
    out[key] = v as T[typeof key];
  }
  return out;
}

function readList<T>(raw: unknown, spec: Properties<T>, pointer: string, problems: ShapeProblem[]): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ code: "wrongType", pointer, expected: "array", value: raw });
    return [];
  }
  const out: T[] = [];
  raw.forEach((item, k) => {
    const v = readObject(item, spec, `${pointer}/${k}`, problems);
    if (v) out.push(v);
  });
  return out;
}

/** Reads an assessment from parsed JSON; every shape problem is reported, not just the first. */
export function assessmentFromJson(raw: unknown): JsonRead {
  const problems: ShapeProblem[] = [];
  if (!isObject(raw)) return { ok: false, problems: [{ code: "wrongType", pointer: "", expected: "object", value: raw }] };
  const known = ["schema", "settings", "stakeholders", "inputs", "outcomes", "exclusions"];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) problems.push({ code: "unknownProperty", pointer: `/${token(key)}` });
  }
  if (!hasOwn(raw, "schema")) problems.push({ code: "missing", pointer: "/schema" });
  else if (raw.schema !== ASSESSMENT_SCHEMA) problems.push({ code: "wrongSchema", pointer: "/schema", value: raw.schema });
  if (!hasOwn(raw, "settings")) problems.push({ code: "missing", pointer: "/settings" });
  if (!hasOwn(raw, "outcomes")) problems.push({ code: "missing", pointer: "/outcomes" });
  const settings = hasOwn(raw, "settings") ? readObject(raw.settings, SETTINGS(), "/settings", problems) : undefined;
  const own = (key: string): unknown => (hasOwn(raw, key) ? raw[key] : undefined);
  const stakeholders = readList(own("stakeholders"), STAKEHOLDER(), "/stakeholders", problems);
  const inputs = readList(own("inputs"), INPUT(), "/inputs", problems);
  const outcomes = readList(own("outcomes"), OUTCOME(), "/outcomes", problems);
  // added in a later version of the layout: a file without it left nothing out that it says
  const exclusions = readList(own("exclusions"), EXCLUSION(), "/exclusions", problems);
  // money formats and totals key on the code, so it must be one
  if (settings && typeof settings.currency === "string" && !/^[A-Z]{3}$/.test(settings.currency)) {
    problems.push({ code: "notCurrencyCode", pointer: "/settings/currency", value: settings.currency });
  }
  if (problems.length > 0 || !settings) return { ok: false, problems };
  return { ok: true, assessment: { settings, stakeholders, inputs, outcomes, exclusions } };
}

/** Parses JSON text, then reads it. */
export function parseAssessmentJson(text: string): JsonRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ code: "notJson", pointer: "", detail: (e as Error).message }] };
  }
  return assessmentFromJson(raw);
}

/** The JSON form of an assessment, with its schema version first. */
export function assessmentToJson(a: Assessment): Record<string, unknown> {
  return {
    schema: ASSESSMENT_SCHEMA,
    settings: { ...a.settings },
    stakeholders: a.stakeholders.map((s) => ({ ...s })),
    inputs: a.inputs.map((i) => ({ ...i })),
    outcomes: a.outcomes.map((o) => ({ ...o })),
    exclusions: (a.exclusions ?? []).map((x) => ({ ...x })),
  };
}

/** Where a problem found by computeAssessment sits in the JSON, as a JSON Pointer. */
export function pointerOf(issue: AssessmentIssue, a: Assessment): string {
  if (issue.section === "settings") {
    return issue.field === "rate" ? "/settings/discountRate" : issue.field === "years" ? "/settings/yearsShown" : "/settings";
  }
  // a problem of the whole list (its total), not of one item
  if (issue.index === undefined) return `/${issue.section}`;
  const k = issue.index - 1;
  if (issue.section === "outcomes") {
    // the outcome columns of the workbook are named after the Outcome's properties
    const property = columnOfField(OUTCOMES, issue.field);
    return property ? `/outcomes/${k}/${property}` : `/outcomes/${k}`;
  }
  const input = a.inputs[k];
  if (!input) return `/inputs/${k}`;
  // the core names the input, not the number that failed: point at the one that is not a number
  const candidates: (keyof Input)[] = input.kind === "time" ? ["hours", "hourlyCost"] : ["amount"];
  const bad = candidates.find((c) => input[c] !== null && typeof input[c] !== "number");
  return `/inputs/${k}/${bad ?? candidates[0]}`;
}
