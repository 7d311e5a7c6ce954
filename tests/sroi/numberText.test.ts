/**
 * One reader for numbers written as text (the task pane, CSV files, pasted ranges, SROI.PROXY's text
 * cells), with the decimal mark given by the caller: "." for English, "," for French. Each case is
 * how a French, Belgian or British person or spreadsheet writes the number.
 */
import { type DecimalMark, parseNumberText } from "../../src/sroi";

const read = (text: string, mark: DecimalMark, percent = false): number | null | "not a number" => {
  const r = parseNumberText(text, mark, { percent });
  return r.ok ? r.value : "not a number";
};

test.each<[string, DecimalMark, number | null | "not a number", string]>([
  ["646.52", ".", 646.52, "decimal point"],
  ["646,52", ",", 646.52, "French decimal comma"],
  ["646,52", ".", 646.52, "a decimal comma typed by habit where the point is the mark (not three digits after it)"],
  ["646.52", ",", 646.52, "a decimal point typed by habit in French (the number pad's key)"],
  ["1 314,20", ",", 1314.2, "space between thousands"],
  ["1\u00A0314,20", ",", 1314.2, "no-break space between thousands (French Excel)"],
  ["1\u202F314,20", ",", 1314.2, "narrow no-break space between thousands (French locale since 2020)"],
  ["1'314.20", ".", 1314.2, "Swiss apostrophe between thousands"],
  ["1.314,20", ",", 1314.2, "dot between thousands, decimal comma (Belgium)"],
  ["1.314,20", ".", 1314.2, "both marks: the last one is the decimal mark, whatever the locale"],
  ["1,314.20", ".", 1314.2, "comma between thousands, decimal point (UK)"],
  ["1,314.20", ",", 1314.2, "both marks: the last one is the decimal mark, whatever the locale"],
  ["1.314.000", ",", 1314000, "two dot groups are thousands"],
  ["1.314.000", ".", 1314000, "the decimal mark twice can only be grouping"],
  ["1,314,000", ".", 1314000, "two comma groups are thousands"],
  ["1,314,000", ",", 1314000, "the decimal mark twice can only be grouping (the French pane and CSV files agree)"],
  ["1,314", ".", 1314, "English: a comma before three digits groups thousands"],
  ["1,314", ",", 1.314, "French: a comma is the decimal mark"],
  ["1.314", ",", 1314, "French and Belgian: a dot before three digits groups thousands"],
  ["1.314", ".", 1.314, "English: a dot is the decimal mark"],
  ["1 314", ",", 1314, "a space group without decimals"],
  ["13000", ".", 13000, "plain integer"],
  ["-646,52", ",", -646.52, "negative with a hyphen"],
  ["−646,52", ",", -646.52, "negative with the minus sign"],
  ["–3", ".", -3, "negative with an en dash"],
  ["646,52 €", ",", 646.52, "euro sign after"],
  ["£12.21", ".", 12.21, "pound sign before"],
  ["12,21 EUR", ",", 12.21, "currency code after"],
  ["10 000 €", ",", 10000, "grouped amount with its euro sign"],
  ["  15  ", ".", 15, "surrounding spaces"],
  [",5", ",", 0.5, "no leading zero"],
  ["1.5e-7", ".", 1.5e-7, "exponent notation"],
  ["1,5E-7", ",", 1.5e-7, "exponent notation with a decimal comma"],
  ["", ".", null, "blank"],
  ["   ", ",", null, "only spaces"],
  ["abc", ".", "not a number", "text"],
  ["12 abc", ",", "not a number", "a number followed by text"],
  ["1,2,3", ".", "not a number", "commas that are no grouping"],
  ["1.2.3", ",", "not a number", "dots that are no grouping"],
  ["12 34", ",", "not a number", "a space group that is not three digits"],
  ["+33 1 23 45 67", ".", "not a number", "a telephone number"],
  ["€", ",", "not a number", "a currency sign alone"],
  ["1,23.4,5", ",", "not a number", "marks in no sensible order"],
  ["1e999", ".", "not a number", "beyond the largest number"],
])("%j with %j as the decimal mark → %s (%s)", (text, mark, expected) => expect(read(text, mark)).toBe(expected));

test.each<[string, DecimalMark, number | "not a number", string]>([
  ["25 %", ",", 0.25, "a percentage with its sign: 25 / 100"],
  ["25%", ".", 0.25, "a percentage without a space"],
  ["3,5 %", ",", 0.035, "3.5 / 100 exactly, not 0.035000000000000003"],
  ["3.5%", ".", 0.035, "3.5 / 100 exactly"],
  ["%", ".", "not a number", "a percent sign alone"],
])("with percentages allowed (the task pane), %j (%j) → %s: %s", (text, mark, expected) => expect(read(text, mark, true)).toBe(expected));

test("a percent sign is not a number where percentages are not expected (files)", () => {
  expect(read("25 %", ",")).toBe("not a number");
});
