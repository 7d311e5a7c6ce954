/**
 * The JSON form of an assessment: docs/assessment.schema.json checked by an independent JSON Schema
 * validator (Ajv, draft 2020-12) against the hand-written reader plus the core's rules. Whatever
 * the schema refuses, `sroi compute` must refuse too, at the same place.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { assessmentFromJson, assessmentToJson, pointerOf } from "../../src/cli/assessmentJson";
import { exampleAssessment } from "../../src/cli/example";
import { templateAssessment } from "../../src/cli/main";
import { computeAssessment } from "../../src/sroi";

const schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "docs", "assessment.schema.json"), "utf8"));
const validate = new Ajv2020({ strict: true, allErrors: true, strictTypes: false }).compile(schema);

/** Every place our reader or the core finds a problem, as JSON Pointers. */
function ourProblems(doc: unknown): string[] {
  const read = assessmentFromJson(doc);
  if (!read.ok) return read.problems.map((p) => p.pointer);
  const c = computeAssessment(read.assessment);
  return c.ok ? [] : c.issues.map((i) => pointerOf(i, read.assessment));
}

const MINIMAL = {
  schema: "sroi-assessment/1",
  settings: { currency: "EUR", discountRate: 0.035 },
  outcomes: [{ stakeholder: "Participants", description: "Reference", quantity: 10, duration: 3, proxyValue: 1000 }],
};
const outcome = (change: Record<string, unknown>) => ({ ...MINIMAL, outcomes: [{ ...MINIMAL.outcomes[0], ...change }] });
const settings = (change: Record<string, unknown>) => ({ ...MINIMAL, settings: { ...MINIMAL.settings, ...change } });

test("the schema is a valid draft 2020-12 schema with an $id and the version constant", () => {
  expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  expect(schema.$id).toMatch(/sroi-assessment/);
  expect(schema.properties.schema.const).toBe("sroi-assessment/1");
});

test.each([
  ["the example (English)", assessmentToJson(exampleAssessment("en"))],
  ["the example (French)", assessmentToJson(exampleAssessment("fr"))],
  ["the template", assessmentToJson(templateAssessment("en"))],
  ["a minimal document (optional properties left out)", MINIMAL],
  ["blank deductions as null", outcome({ deadweight: null, displacement: null, attribution: null, dropOff: null, start: null })],
  ["a negative proxy", outcome({ proxyValue: -250 })],
  ["a rate of 0 and no inputs", settings({ discountRate: 0 })],
  ["a monthly proxy over 8 months, with its evidence", outcome({ proxyValue: 646.52, proxyUnits: 8, proxyUnit: "per month", proxyPriceYear: 2025, valuationMethod: "cost saved" })],
  ["units left blank (null is 1)", outcome({ proxyUnits: null })],
  ["a value game", outcome({ valuationMethod: "value game" })],
  ["an evaluative assessment with its scope, purpose and audience", settings({ assessmentType: "evaluative", scope: "2025 programme", purpose: "Report", audience: "Funders" })],
  ["an unintended negative outcome with its activity and output", outcome({ intended: "unintended", activity: "Coaching", output: "10 coached", polarity: "negative", proxyValue: -100 })],
  ["exclusions, one without a reason", { ...MINIMAL, exclusions: [{ item: "Families", reason: "Not material" }, { item: "Health" }] }],
  ["no exclusions", { ...MINIMAL, exclusions: [] }],
])("%s: valid for the schema and for sroi compute", (_why, doc) => {
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  expect(ourProblems(doc)).toEqual([]);
});

test.each([
  ["no schema field", "/schema", { settings: MINIMAL.settings, outcomes: MINIMAL.outcomes }],
  ["another format version", "/schema", { ...MINIMAL, schema: "sroi-assessment/2" }],
  ["an unknown top-level property", "/outcome", { ...MINIMAL, outcome: [] }],
  ["settings missing", "/settings", { schema: MINIMAL.schema, outcomes: [] }],
  ["a currency that is not an ISO code", "/settings/currency", settings({ currency: "euro" })],
  ["a rate given as text", "/settings/discountRate", settings({ discountRate: "3.5%" })],
  ["a rate of 3.5 typed for 3.5 %", "/settings/discountRate", settings({ discountRate: 3.5 })],
  ["a rate of −100 %", "/settings/discountRate", settings({ discountRate: -1 })],
  ["yearsShown not whole", "/settings/yearsShown", settings({ yearsShown: 2.5 })],
  ["a language other than en/fr", "/settings/language", settings({ language: "de" })],
  ["an input kind that does not exist", "/inputs/0/kind", { ...MINIMAL, inputs: [{ stakeholder: "Funder", kind: "loan", amount: 5 }] }],
  ["an input amount as text", "/inputs/0/amount", { ...MINIMAL, inputs: [{ stakeholder: "Funder", kind: "cash", amount: "5 000" }] }],
  ["a stakeholder without a name", "/stakeholders/0/name", { ...MINIMAL, stakeholders: [{ groupSize: 3 }] }],
  ["an outcome without a duration", "/outcomes/0/duration", { ...MINIMAL, outcomes: [{ stakeholder: "P", description: "D", quantity: 1, proxyValue: 1 }] }],
  ["a quantity as text", "/outcomes/0/quantity", outcome({ quantity: "ten" })],
  ["a negative quantity", "/outcomes/0/quantity", outcome({ quantity: -1 })],
  ["a duration of 2.5 years", "/outcomes/0/duration", outcome({ duration: 2.5 })],
  ["a negative duration", "/outcomes/0/duration", outcome({ duration: -1 })],
  ["a start of 3", "/outcomes/0/start", outcome({ start: 3 })],
  ["a deadweight of 25 typed for 25 %", "/outcomes/0/deadweight", outcome({ deadweight: 25 })],
  ["a negative attribution", "/outcomes/0/attribution", outcome({ attribution: -0.1 })],
  ["a drop-off above 100 %", "/outcomes/0/dropOff", outcome({ dropOff: 150 })],
  ["units as text", "/outcomes/0/proxyUnits", outcome({ proxyUnits: "12" })],
  ["negative units", "/outcomes/0/proxyUnits", outcome({ proxyUnits: -1 })],
  ["a valuation method that is not one", "/outcomes/0/valuationMethod", outcome({ valuationMethod: "guesswork" })],
  ["a price year as text", "/outcomes/0/proxyPriceYear", outcome({ proxyPriceYear: "2025" })],
  ["an assessment type that is not one", "/settings/assessmentType", settings({ assessmentType: "ex post" })],
  ["a type written in French (the JSON holds the key)", "/settings/assessmentType", settings({ assessmentType: "évaluative" })],
  ["a scope that is not text", "/settings/scope", settings({ scope: 3 })],
  ["intended as a boolean", "/outcomes/0/intended", outcome({ intended: true })],
  ["a polarity that is not one", "/outcomes/0/polarity", outcome({ polarity: "neutral" })],
  ["an output as a number", "/outcomes/0/output", outcome({ output: 24 })],
  ["exclusions that are not a list", "/exclusions", { ...MINIMAL, exclusions: "Families" }],
  ["an exclusion without its item", "/exclusions/0/item", { ...MINIMAL, exclusions: [{ reason: "Not material" }] }],
  ["a misspelt exclusion property", "/exclusions/0/reasons", { ...MINIMAL, exclusions: [{ item: "Families", reasons: "x" }] }],
  ["a misspelt outcome property", "/outcomes/0/deadwieght", outcome({ deadwieght: 0.2 })],
  ["outcomes that are not a list", "/outcomes", { ...MINIMAL, outcomes: { a: 1 } }],
  // JSON.parse makes "__proto__" an own property, as a file would; names every object inherits
  ["__proto__ at the top", "/__proto__", JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(MINIMAL).slice(1)}`)],
  ["__proto__ in the settings", "/settings/__proto__", JSON.parse(JSON.stringify(MINIMAL).replace('"currency"', '"__proto__":{"x":1},"currency"'))],
  ["constructor in the settings", "/settings/constructor", settings({ constructor: 1 })],
  ["prototype in an outcome", "/outcomes/0/prototype", outcome({ prototype: {} })],
  ["toString in an outcome", "/outcomes/0/toString", outcome({ toString: "x" })],
  ["hasOwnProperty in an input", "/inputs/0/hasOwnProperty", { ...MINIMAL, inputs: [{ stakeholder: "F", kind: "cash", amount: 5, hasOwnProperty: 1 }] }],
  ["__proto__ in a stakeholder", "/stakeholders/0/__proto__", JSON.parse(`{"stakeholders":[{"name":"P","__proto__":{}}],${JSON.stringify(MINIMAL).slice(1)}`)],
])("%s: refused by the schema and by sroi compute, at %s", (_why, pointer, doc) => {
  expect(validate(doc)).toBe(false);
  expect(ourProblems(doc)).toContain(pointer);
});

test("a value nested 5,000 deep is named, not printed: no stack overflow, one problem", async () => {
  const { parseAssessmentJson } = await import("../../src/cli/assessmentJson");
  const { describeShape } = await import("../../src/cli/messages");
  const deep = "[".repeat(5000) + "]".repeat(5000);
  const read = parseAssessmentJson(JSON.stringify(MINIMAL).replace('"settings":', `"settings":${deep},"x":`));
  const problems = read.ok ? [] : read.problems;
  expect(problems.map((p) => `${p.pointer}: ${describeShape(p, "en")}`)).toEqual([
    "/x: unknown property (a typo?); see docs/assessment.schema.json.",
    "/settings: a list should be an object.",
  ]);
});

test("writing then reading gives the same assessment back", () => {
  const a = exampleAssessment("fr");
  const read = assessmentFromJson(JSON.parse(JSON.stringify(assessmentToJson(a))));
  expect(read).toEqual({ ok: true, assessment: a });
});

test("a document without the stage 1–2 properties (an older file) reads with their defaults", () => {
  const read = assessmentFromJson(MINIMAL);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  expect(read.assessment.settings).toMatchObject({ assessmentType: "forecast", scope: "", purpose: "", audience: "" });
  expect(read.assessment.outcomes[0]).toMatchObject({ intended: "intended", activity: "", output: "", polarity: "positive" });
  expect(read.assessment.exclusions).toEqual([]);
  expect(assessmentToJson(read.assessment).exclusions).toEqual([]);
});

test("every problem is reported, not only the first", () => {
  const read = assessmentFromJson({ schema: "x", settings: { currency: 1 }, outcomes: [{ stakeholder: "P" }] });
  expect(read.ok ? [] : read.problems.map((p) => `${p.code} ${p.pointer}`)).toEqual([
    "wrongSchema /schema",
    "wrongType /settings/currency",
    "missing /settings/discountRate",
    "missing /outcomes/0/description",
    "missing /outcomes/0/quantity",
    "missing /outcomes/0/duration",
    "missing /outcomes/0/proxyValue",
  ]);
});

test("not JSON at all: one problem saying so", async () => {
  const { parseAssessmentJson } = await import("../../src/cli/assessmentJson");
  const read = parseAssessmentJson("{ schema: sroi ");
  expect(read.ok ? null : read.problems[0].code).toBe("notJson");
});

test.each(["en", "fr"] as const)("examples/work-integration.%s.json is the embedded example (regenerate with sroi example --out)", (lang) => {
  const file = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", `work-integration.${lang}.json`), "utf8"));
  expect(file).toEqual(assessmentToJson(exampleAssessment(lang)));
  expect(validate(file) ? [] : validate.errors).toEqual([]);
});
