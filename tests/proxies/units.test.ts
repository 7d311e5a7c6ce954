/**
 * Every library proxy says what one unit is, from one controlled list (src/proxies/vocabulary.ts),
 * so the pane can ask "how many units per person?" with a sensible default. The defaults are the
 * calendar's (12 months, 52 weeks in a year); where no count is implied the user must say.
 */
import { importProxies } from "../../src/proxies/csv";
import { LIBRARY_PROXIES } from "../../src/proxies/library.generated";
import { PROXY_UNITS, knownUnit, unitLabel, unitsPerYear } from "../../src/proxies/vocabulary";

test("every library entry has a unit from the controlled list", () => {
  const unknown = LIBRARY_PROXIES.filter((p) => !knownUnit(p.unit)).map((p) => `${p.id}: "${p.unit}"`);
  expect(unknown).toEqual([]);
});

test("a value entry never has the placeholder unit of the 'where to look' entries", () => {
  const placeholder = LIBRARY_PROXIES.filter((p) => p.kind === "value" && p.unit === "varies").map((p) => p.id);
  expect(placeholder).toEqual([]);
});

test.each<[string, number | null]>([
  ["per year", 1],
  ["per person per year", 1],
  ["per month", 12],
  ["per week", 52],
  ["one-off", 1],
  ["per day", null],
  ["per hour", null],
  ["per session", null],
  ["per training hour", null],
  ["varies", null],
  ["per bag of compost", null],
])("units per year by default: %s → %p", (unit, expected) => expect(unitsPerYear(unit)).toBe(expected));

test.each<[string, string]>([
  ["per month", "par mois"],
  ["Per Month ", "par mois"],
  ["per week", "par semaine"],
  ["per appointment", "par consultation"],
  ["one-off", "ponctuel"],
  ["varies", "selon la source"],
])("in French: %s → %s", (unit, fr) => expect(unitLabel(unit, "fr")).toBe(fr));

test("every unit of the list has a French label of its own", () => {
  for (const [en, u] of Object.entries(PROXY_UNITS)) expect(u.fr).not.toBe(en);
});

test("a unit the library does not know is kept and shown as typed, in both languages", () => {
  expect(unitLabel("per bag of compost", "fr")).toBe("per bag of compost");
  expect(unitLabel("per bag of compost", "en")).toBe("per bag of compost");
});

test("importing a proxy with an unknown unit keeps the unit as typed (no refusal)", () => {
  const csv = "id,name_en,value,currency,unit,price_year,source,url\nOWN-COMPOST,Compost bag,4.5,EUR,per bag of compost,2025,Our shop,https://example.org\n";
  const r = importProxies(csv);
  expect(r.rejected).toEqual([]);
  expect(r.accepted.map((a) => a.proxy.unit)).toEqual(["per bag of compost"]);
});
