/**
 * An assessment as JSON (docs/assessment.schema.json, "sroi-assessment/1"): the structural rules of
 * the schema checked by hand, so no JSON-schema library is needed. The domain rules (a percentage is
 * a fraction, a duration a whole number...) stay with the core's readers, which computeAssessment
 * applies: the same rules as the workbook and the custom functions.
 */
import { DEFAULT_SETTINGS, } from "../sroi/assessment";
import { OUTCOME_FIELD_COLUMN } from "../layout/read";
export const ASSESSMENT_SCHEMA = "sroi-assessment/1";
const INPUT_KINDS = ["cash", "inKind", "time"];
const LANGUAGES = ["en", "fr"];
const SETTINGS = {
    organisation: { kind: "string", fallback: DEFAULT_SETTINGS.organisation },
    title: { kind: "string", fallback: DEFAULT_SETTINGS.title },
    period: { kind: "string", fallback: DEFAULT_SETTINGS.period },
    currency: { kind: "string", required: true, fallback: DEFAULT_SETTINGS.currency },
    discountRate: { kind: "number", required: true, fallback: DEFAULT_SETTINGS.discountRate },
    discountYear1: { kind: "boolean", fallback: DEFAULT_SETTINGS.discountYear1 },
    yearsShown: { kind: "integer", fallback: DEFAULT_SETTINGS.yearsShown },
    language: { kind: "string", oneOf: LANGUAGES, fallback: DEFAULT_SETTINGS.language },
    portable: { kind: "boolean", fallback: DEFAULT_SETTINGS.portable },
};
const STAKEHOLDER = {
    name: { kind: "string", required: true, fallback: "" },
    groupSize: { kind: "numberOrNull", fallback: null },
    involvement: { kind: "string", fallback: "" },
};
const INPUT = {
    stakeholder: { kind: "string", required: true, fallback: "" },
    kind: { kind: "string", required: true, oneOf: INPUT_KINDS, fallback: "cash" },
    description: { kind: "string", fallback: "" },
    amount: { kind: "numberOrNull", fallback: null },
    hours: { kind: "numberOrNull", fallback: null },
    hourlyCost: { kind: "numberOrNull", fallback: null },
};
const OUTCOME = {
    stakeholder: { kind: "string", required: true, fallback: "" },
    description: { kind: "string", required: true, fallback: "" },
    indicator: { kind: "string", fallback: "" },
    source: { kind: "string", fallback: "" },
    quantity: { kind: "numberOrNull", required: true, fallback: null },
    duration: { kind: "numberOrNull", required: true, fallback: null },
    // the SROI guide's default: the outcome starts in the period of the activity
    start: { kind: "numberOrNull", fallback: 1 },
    proxyName: { kind: "string", fallback: "" },
    proxyValue: { kind: "numberOrNull", required: true, fallback: null },
    proxySource: { kind: "string", fallback: "" },
    deadweight: { kind: "numberOrNull", fallback: null },
    displacement: { kind: "numberOrNull", fallback: null },
    attribution: { kind: "numberOrNull", fallback: null },
    dropOff: { kind: "numberOrNull", fallback: null },
};
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function fits(kind, v) {
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
const token = (name) => name.replace(/~/g, "~0").replace(/\//g, "~1");
function readObject(raw, spec, pointer, problems) {
    if (!isObject(raw)) {
        problems.push({ code: "wrongType", pointer, expected: "object", value: raw });
        return undefined;
    }
    const out = {};
    for (const key of Object.keys(raw)) {
        if (!(key in spec))
            problems.push({ code: "unknownProperty", pointer: `${pointer}/${token(key)}` });
    }
    for (const key of Object.keys(spec)) {
        const p = spec[key];
        const at = `${pointer}/${key}`;
        if (!(key in raw)) {
            if (p.required)
                problems.push({ code: "missing", pointer: at });
            out[key] = p.fallback;
            continue;
        }
        const v = raw[key];
        if (!fits(p.kind, v)) {
            problems.push({ code: "wrongType", pointer: at, expected: p.kind, value: v });
            continue;
        }
        if (p.oneOf && !p.oneOf.includes(v)) {
            problems.push({ code: "notOneOf", pointer: at, allowed: p.oneOf, value: v });
            continue;
        }
        out[key] = v;
    }
    return out;
}
function readList(raw, spec, pointer, problems) {
    if (raw === undefined)
        return [];
    if (!Array.isArray(raw)) {
        problems.push({ code: "wrongType", pointer, expected: "array", value: raw });
        return [];
    }
    const out = [];
    raw.forEach((item, k) => {
        const v = readObject(item, spec, `${pointer}/${k}`, problems);
        if (v)
            out.push(v);
    });
    return out;
}
/** Reads an assessment from parsed JSON; every shape problem is reported, not just the first. */
export function assessmentFromJson(raw) {
    const problems = [];
    if (!isObject(raw))
        return { ok: false, problems: [{ code: "wrongType", pointer: "", expected: "object", value: raw }] };
    const known = ["schema", "settings", "stakeholders", "inputs", "outcomes"];
    for (const key of Object.keys(raw)) {
        if (!known.includes(key))
            problems.push({ code: "unknownProperty", pointer: `/${token(key)}` });
    }
    if (!("schema" in raw))
        problems.push({ code: "missing", pointer: "/schema" });
    else if (raw.schema !== ASSESSMENT_SCHEMA)
        problems.push({ code: "wrongSchema", pointer: "/schema", value: raw.schema });
    if (!("settings" in raw))
        problems.push({ code: "missing", pointer: "/settings" });
    if (!("outcomes" in raw))
        problems.push({ code: "missing", pointer: "/outcomes" });
    const settings = "settings" in raw ? readObject(raw.settings, SETTINGS, "/settings", problems) : undefined;
    const stakeholders = readList(raw.stakeholders, STAKEHOLDER, "/stakeholders", problems);
    const inputs = readList(raw.inputs, INPUT, "/inputs", problems);
    const outcomes = readList(raw.outcomes, OUTCOME, "/outcomes", problems);
    // money formats and totals key on the code, so it must be one
    if (settings && typeof settings.currency === "string" && !/^[A-Z]{3}$/.test(settings.currency)) {
        problems.push({ code: "notCurrencyCode", pointer: "/settings/currency", value: settings.currency });
    }
    if (problems.length > 0 || !settings)
        return { ok: false, problems };
    return { ok: true, assessment: { settings, stakeholders, inputs, outcomes } };
}
/** Parses JSON text, then reads it. */
export function parseAssessmentJson(text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (e) {
        return { ok: false, problems: [{ code: "notJson", pointer: "", detail: e.message }] };
    }
    return assessmentFromJson(raw);
}
/** The JSON form of an assessment, with its schema version first. */
export function assessmentToJson(a) {
    return {
        schema: ASSESSMENT_SCHEMA,
        settings: { ...a.settings },
        stakeholders: a.stakeholders.map((s) => ({ ...s })),
        inputs: a.inputs.map((i) => ({ ...i })),
        outcomes: a.outcomes.map((o) => ({ ...o })),
    };
}
/** Where a problem found by computeAssessment sits in the JSON, as a JSON Pointer. */
export function pointerOf(issue, a) {
    if (issue.section === "settings") {
        return issue.field === "rate" ? "/settings/discountRate" : issue.field === "years" ? "/settings/yearsShown" : "/settings";
    }
    const k = (issue.index ?? 1) - 1;
    if (issue.section === "outcomes") {
        // the outcome columns of the workbook are named after the Outcome's properties
        const property = OUTCOME_FIELD_COLUMN[issue.field];
        return property ? `/outcomes/${k}/${property}` : `/outcomes/${k}`;
    }
    const input = a.inputs[k];
    if (!input)
        return `/inputs/${k}`;
    // the core names the input, not the number that failed: point at the one that is not a number
    const candidates = input.kind === "time" ? ["hours", "hourlyCost"] : ["amount"];
    const bad = candidates.find((c) => input[c] !== null && typeof input[c] !== "number");
    return `/inputs/${k}/${bad ?? candidates[0]}`;
}
//# sourceMappingURL=assessmentJson.js.map