/**
 * The boundary readers (src/sroi/validate.ts): what each raw cell value becomes, or the typed issue
 * it is refused with. Blanks arrive as null (Excel on the web), "" or 0 (desktop), or undefined.
 */
import {
  MAX_YEARS,
  isBlank,
  readBoolean,
  readDuration,
  readNumber,
  readPercent,
  readProxy,
  readQuantity,
  readRate,
  readStart,
} from "../../src/sroi";
import type { Raw, Result } from "../../src/sroi";

/** A result as plain data: the value (Decimals as numbers) or the issue. */
const plain = (r: Result<unknown>) =>
  r.ok ? { value: typeof r.value === "object" && r.value !== null ? Number(r.value) : r.value } : { issue: r.issue };

test.each<[Raw, boolean]>([
  [null, true],
  [undefined, true],
  ["", true],
  ["   ", true],
  [0, false], // 0 is a value: what a blank means where Excel sends 0 is each argument's decision
  ["0", false],
  [false, false],
])("isBlank(%p) is %p", (raw, expected) => expect(isBlank(raw)).toBe(expected));

describe("readNumber", () => {
  test.each<[string, Raw, object]>([
    ["a number", 12.5, { value: 12.5 }],
    ["zero", 0, { value: 0 }],
    ["blank (null) is null", null, { value: null }],
    ["blank (\"\") is null", "", { value: null }],
    ["text is not a number", "abc", { issue: { code: "notANumber", field: "proxy", value: "abc" } }],
    ["a number typed as text is still text (Excel passes it as text)", "12", { issue: { code: "notANumber", field: "proxy", value: "12" } }],
    ["TRUE is not a number", true, { issue: { code: "notANumber", field: "proxy", value: true } }],
    ["NaN is not a number", NaN, { issue: { code: "notANumber", field: "proxy", value: NaN } }],
    ["Infinity is not a number", Infinity, { issue: { code: "notANumber", field: "proxy", value: Infinity } }],
  ])("%s", (_reason, raw, expected) => expect(plain(readNumber(raw, "proxy"))).toEqual(expected));

  test("the place is kept in the issue", () =>
    expect(readNumber("x", "quantity", { row: 3, column: 2 })).toEqual({
      ok: false,
      issue: { code: "notANumber", field: "quantity", value: "x", row: 3, column: 2 },
    }));
});

describe("readPercent (deadweight, displacement, attribution, drop-off)", () => {
  test.each<[string, Raw, object]>([
    ["25 % arrives as 0.25", 0.25, { value: 0.25 }],
    ["0 %", 0, { value: 0 }],
    ["100 %", 1, { value: 1 }],
    ["blank (null) counts as 0 %", null, { value: 0 }],
    ["blank (\"\") counts as 0 %", "", { value: 0 }],
    ["blank (undefined) counts as 0 %", undefined, { value: 0 }],
    ["25 looks like 25 %", 25, { issue: { code: "percentLooksWhole", field: "deadweight", value: 25 } }],
    ["100 looks like 100 %", 100, { issue: { code: "percentLooksWhole", field: "deadweight", value: 100 } }],
    ["1.5 (150 %) is refused with the same hint", 1.5, { issue: { code: "percentLooksWhole", field: "deadweight", value: 1.5 } }],
    ["above 100 is outside 0–100 %", 250, { issue: { code: "percentOutOfRange", field: "deadweight", value: 250 } }],
    ["a negative share is outside 0–100 %", -0.1, { issue: { code: "percentOutOfRange", field: "deadweight", value: -0.1 } }],
    ["text is not a number", "20%", { issue: { code: "notANumber", field: "deadweight", value: "20%" } }],
  ])("%s", (_reason, raw, expected) => expect(plain(readPercent(raw, "deadweight"))).toEqual(expected));
});

describe("readQuantity and readProxy", () => {
  test.each<[string, Raw, object]>([
    ["a count", 10, { value: 10 }],
    ["an average or FTE may be fractional", 2.5, { value: 2.5 }],
    ["zero", 0, { value: 0 }],
    ["blank quantity is needed", null, { issue: { code: "required", field: "quantity" } }],
    ["negative quantity", -1, { issue: { code: "negative", field: "quantity", value: -1 } }],
    ["text quantity", "ten", { issue: { code: "notANumber", field: "quantity", value: "ten" } }],
  ])("quantity: %s", (_reason, raw, expected) => expect(plain(readQuantity(raw))).toEqual(expected));

  test.each<[string, Raw, object]>([
    ["a money value", 1000, { value: 1000 }],
    ["a negative proxy records a negative outcome", -200, { value: -200 }],
    ["blank proxy is needed", "", { issue: { code: "required", field: "proxy" } }],
  ])("proxy: %s", (_reason, raw, expected) => expect(plain(readProxy(raw))).toEqual(expected));
});

describe("readDuration", () => {
  test.each<[string, Raw, object]>([
    ["3 years", 3, { value: 3 }],
    ["0 years is legal (no value)", 0, { value: 0 }],
    ["3.0 is whole", 3.0, { value: 3 }],
    [`${MAX_YEARS} years is the limit`, MAX_YEARS, { value: MAX_YEARS }],
    ["blank (null) is an error, not a silent zero", null, { issue: { code: "required", field: "duration" } }],
    ["blank (\"\") is an error, not a silent zero", "", { issue: { code: "required", field: "duration" } }],
    ["negative", -2, { issue: { code: "negative", field: "duration", value: -2 } }],
    ["fractional", 2.5, { issue: { code: "notWholeNumber", field: "duration", value: 2.5 } }],
    ["negative and fractional: the fraction is named first", -1.5, { issue: { code: "notWholeNumber", field: "duration", value: -1.5 } }],
    ["beyond the limit", MAX_YEARS + 1, { issue: { code: "tooLarge", field: "duration", value: MAX_YEARS + 1, limit: MAX_YEARS } }],
    ["text", "3 ans", { issue: { code: "notANumber", field: "duration", value: "3 ans" } }],
  ])("%s", (_reason, raw, expected) => expect(plain(readDuration(raw))).toEqual(expected));
});

describe("readStart", () => {
  test.each<[string, Raw, object]>([
    ["1", 1, { value: 1 }],
    ["2", 2, { value: 2 }],
    ["blank is 1", null, { value: 1 }],
    ["blank (\"\") is 1", "", { value: 1 }],
    ["3 is neither 1 nor 2", 3, { issue: { code: "startNotOneOrTwo", field: "start", value: 3 } }],
    ["0 is neither 1 nor 2", 0, { issue: { code: "startNotOneOrTwo", field: "start", value: 0 } }],
    ["1.5 is neither 1 nor 2", 1.5, { issue: { code: "startNotOneOrTwo", field: "start", value: 1.5 } }],
  ])("%s", (_reason, raw, expected) => expect(plain(readStart(raw))).toEqual(expected));
});

describe("readRate", () => {
  test.each<[string, Raw, object]>([
    ["3.5 % arrives as 0.035", 0.035, { value: 0.035 }],
    ["0 means no discounting", 0, { value: 0 }],
    ["a negative rate above −100 % is allowed", -0.5, { value: -0.5 }],
    ["100 % is allowed", 1, { value: 1 }],
    ["−100 % is refused", -1, { issue: { code: "rateTooLow", field: "rate", value: -1 } }],
    ["below −100 % is refused", -2, { issue: { code: "rateTooLow", field: "rate", value: -2 } }],
    ["3.5 looks like 3.5 %", 3.5, { issue: { code: "rateLooksWhole", field: "rate", value: 3.5 } }],
    ["above 100 is refused", 350, { issue: { code: "percentOutOfRange", field: "rate", value: 350 } }],
    ["blank is needed", null, { issue: { code: "required", field: "rate" } }],
    ["text", "3.5%", { issue: { code: "notANumber", field: "rate", value: "3.5%" } }],
  ])("%s", (_reason, raw, expected) => expect(plain(readRate(raw))).toEqual(expected));
});

describe("readBoolean (discount_year1)", () => {
  test.each<[string, Raw, object]>([
    ["TRUE", true, { value: true }],
    ["FALSE", false, { value: false }],
    ["1 is TRUE", 1, { value: true }],
    ["0 is FALSE", 0, { value: false }],
    ["blank takes the default", null, { value: true }],
    ["2 is neither", 2, { issue: { code: "notABoolean", field: "discountYear1", value: 2 } }],
    ["text is neither", "yes", { issue: { code: "notABoolean", field: "discountYear1", value: "yes" } }],
    ["the text TRUE, as a CSV or a text cell holds it", "TRUE", { value: true }],
    ["the text FALSE, any case", "false", { value: false }],
    ["French Excel's VRAI as text", "VRAI", { value: true }],
    ["French Excel's FAUX as text", " faux ", { value: false }],
  ])("%s", (_reason, raw, expected) => expect(plain(readBoolean(raw, "discountYear1", true))).toEqual(expected));
});
