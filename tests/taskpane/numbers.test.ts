import { formatMoney, formatPercent, parseTyped } from "../../src/i18n/numbers";

describe("parseTyped: what people type becomes a number (or stays text for the core to refuse)", () => {
  test.each([
    // [typed, lang, expected, why]
    ["0,25", "fr", 0.25, "French decimal comma"],
    ["0,25", "en", 0.25, "a decimal comma typed by habit in English (not a group of three digits)"],
    ["0.25", "fr", 0.25, "a decimal point in French (the number pad's key)"],
    ["25 %", "fr", 0.25, "a percentage with its sign: 25 / 100"],
    ["25%", "en", 0.25, "a percentage without a space"],
    ["3,5 %", "fr", 0.035, "3.5 / 100 exactly, not 0.035000000000000003"],
    ["3.5%", "en", 0.035, "3.5 / 100 exactly"],
    ["1 234,50", "fr", 1234.5, "space as thousands separator"],
    ["1\u202f234,50", "fr", 1234.5, "narrow no-break space, as French typography and Intl write it"],
    ["1\u00a0234,50", "fr", 1234.5, "no-break space"],
    ["1,234.50", "en", 1234.5, "English grouping and decimal point"],
    ["1.234,50", "fr", 1234.5, "Belgian grouping with dots"],
    ["1,234", "en", 1234, "in English, a comma before three digits groups thousands"],
    ["1,234", "fr", 1.234, "in French, a comma is always the decimal mark"],
    ["1.234.567", "fr", 1234567, "several dot groups are thousands"],
    ["10 000 €", "fr", 10000, "a euro sign after the amount"],
    ["£1,000", "en", 1000, "a pound sign before the amount"],
    ["−3", "en", -3, "the typographic minus sign"],
    ["-0,5", "fr", -0.5, "a negative decimal"],
    ["  12  ", "en", 12, "surrounding spaces"],
    ["25", "fr", 25, "a whole number stays 25: the core decides it looks like a percentage"],
  ] as const)("%s (%s) → %s: %s", (typed, lang, expected, _why) => {
    expect(parseTyped(typed, lang)).toBe(expected);
  });

  test.each([
    ["", "blank"],
    ["   ", "only spaces"],
  ])("%j is blank → null (%s)", (typed) => {
    expect(parseTyped(typed, "en")).toBeNull();
  });

  test.each([
    ["abc", "letters"],
    ["12abc", "a number followed by letters"],
    ["1,2,3", "several decimal commas"],
    ["1.2.3", "dots that are not groups of three"],
    ["%", "a percent sign alone"],
    ["1,23.4,5", "marks in no sensible order"],
  ])("%j is not a number: the text comes back for the core's message (%s)", (typed) => {
    expect(parseTyped(typed, "fr")).toBe(typed);
  });
});

describe("formatting for display", () => {
  test.each([
    [0.035, "en", "3.5 %"],
    [0.035, "fr", "3,5\u202F%"],
    [0.032, "fr", "3,2\u202F%"],
  ] as const)("formatPercent(%s, %s) = %s", (n, lang, expected) => {
    expect(formatPercent(n, lang)).toBe(expected);
  });

  test("money in French puts the euro sign after, with a narrow no-break space grouping", () => {
    // 15 221,50 €: narrow no-break spaces between thousands and before the sign (French typography)
    expect(formatMoney(15221.5, "EUR", "fr")).toBe("15\u202f221,50\u202f€");
  });
  test("money in English puts the pound sign before", () => {
    expect(formatMoney(15221.5, "GBP", "en")).toBe("£15,221.50");
  });
  test("an unknown currency code is shown, not thrown", () => {
    expect(formatMoney(10, "EURO", "en")).toBe("10 EURO");
  });
});
