/**
 * SROI.PROXY(id, [field], [proxies]) called as Excel calls it (tests/functions/harness.ts). Expected
 * values are the published figures of data/proxies.csv (RSA 646.52 EUR from 1 April 2025, SMIC 12.02
 * EUR from 1 January 2026...), typed here, not read from the library.
 */
import { Excel, OMIT, excel, inLanguage } from "../functions/harness";

let xl: Excel;
beforeAll(async () => {
  xl = await excel();
});

/** The workbook's Proxies table as Excel passes SroiProxies[#All]: header row, then rows. */
const table = [
  ["Id", "Name (English)", "Name (French)", "Value", "Currency", "Unit", "Price year", "Country", "Themes", "Valuation method", "Source", "Link", "Notes", "Kind"],
  ["FR-RSA-SINGLE-2025", "RSA, our own figure", "RSA, notre chiffre", 700, "EUR", "per month", 2026, "FR", "poverty", "cost saved", "Our survey 2026", "", "", "value"],
  ["OWN-MENTORING", "Mentoring session", "Séance de tutorat", 35.5, "EUR", "per session", 2026, "FR", "education", "market equivalent", "Local provider's price list", "https://example.org/prices", "", ""],
  ["OWN-BROKEN", "A row with text as value", "", "n/a", "EUR", "", "", "", "", "", "", "", "", ""],
  ["OWN-BLANK", "A row without value", "", "", "EUR", "", "", "", "", "", "", "", "", ""],
  ["OWN-REF", "Our funder's value bank", "", "", "", "", "", "UK", "", "", "Funder's guide", "https://example.org/bank", "", "reference"],
];
/** The same table with French headers, as a French workbook has it; a value typed "646,52" as text. */
const frenchTable = [
  ["Identifiant", "Nom (anglais)", "Nom (français)", "Valeur", "Devise", "Unité", "Année des prix", "Pays", "Thèmes", "Méthode de valorisation", "Source", "Lien", "Notes", "Type"],
  ["OWN-TEXT-VALUE", "Value typed as text", "Valeur saisie en texte", "1 314,20", "EUR", "par mois", 2025, "BE", "pauvreté", "coût évité", "SPP IS", "", "", ""],
];

describe("SROI.PROXY from the library (no table given)", () => {
  test.each<[string, unknown[], unknown]>([
    ["the value by default", ["FR-RSA-SINGLE-2025"], 646.52],
    ["field omitted is the value", ["FR-SMIC-HOUR-GROSS-2026", OMIT], 12.02],
    ["field blank (null) is the value", ["FR-SMIC-HOUR-GROSS-2026", null], 12.02],
    ["field \"\" is the value", ["FR-SMIC-HOUR-GROSS-2026", ""], 12.02],
    ["ids ignore case and spaces", ["  fr-rsa-single-2025 "], 646.52],
    ["value", ["BE-RIS-SINGLE-2025", "value"], 1314.2],
    ["unit", ["FR-RSA-SINGLE-2025", "unit"], "per month"],
    ["year", ["FR-HOSPDAY-PUBLIC-2012", "year"], 2012],
    ["currency", ["UK-WELLBY-2019", "currency"], "GBP"],
    ["country", ["UK-WELLBY-2019", "country"], "UK"],
    ["url", ["UK-WELLBY-2019", "url"], "https://www.gov.uk/government/publications/green-book-supplementary-guidance-wellbeing"],
    ["source", ["UK-WELLBY-2019", "source"], "HM Treasury, Green Book supplementary guidance: wellbeing (2021)"],
    ["method, in English outside French Office", ["FR-RSA-SINGLE-2025", "method"], "Cost saved"],
    ["name, in English outside French Office", ["FR-FORFAIT-HOSP-2018", "name"], "Hospital daily flat charge (forfait hospitalier)"],
    ["field names ignore case", ["FR-RSA-SINGLE-2025", "YEAR"], 2025],
    ["a French field name: année", ["FR-RSA-SINGLE-2025", "année"], 2025],
    ["a French field name: devise", ["FR-RSA-SINGLE-2025", "devise"], "EUR"],
  ])("%s", async (_reason, args, expected) => expect(await xl.callAsync("PROXY", ...args)).toEqual(expected));

  test("name and method answer in French in French Office", () =>
    inLanguage("fr-FR", async () => {
      expect(await xl.callAsync("PROXY", "FR-FORFAIT-HOSP-2018", "name")).toBe("Forfait hospitalier journalier");
      expect(await xl.callAsync("PROXY", "FR-RSA-SINGLE-2025", "méthode")).toBe("Coût évité");
    }));
});

describe("SROI.PROXY errors", () => {
  test.each<[string, unknown[], string, RegExp]>([
    ["unknown id is #N/A naming the id", ["NO-SUCH-PROXY"], "#N/A", /NO-SUCH-PROXY.*neither in the Proxies sheet nor in the library/],
    ["blank id asks for one", [""], "#VALUE!", /^id: a value is needed/],
    ["unknown field is #VALUE! listing the fields", ["FR-RSA-SINGLE-2025", "colour"], "#VALUE!", /"colour" is not a proxy field; use value, name/],
    ["a where-to-look entry has no value: #N/A saying where to look", ["REF-UK-HACT-SVB"], "#N/A", /REF-UK-HACT-SVB.*"where to look" entry/],
    ["a text value in the table is #VALUE! naming row and column", ["OWN-BROKEN", OMIT, table], "#VALUE!", /^proxies, row 4, column 4: "n\/a" is not a number/],
    ["a blank value in the table is #VALUE! naming row and column", ["OWN-BLANK", OMIT, table], "#VALUE!", /^proxies, row 5, column 4: a value is needed/],
    ["a reference row of the table is #N/A saying where to look", ["OWN-REF", OMIT, table], "#N/A", /OWN-REF.*"where to look" entry/],
    ["a range without an Id header is refused with the hint", ["OWN-MENTORING", OMIT, table.slice(1)], "#VALUE!", /SroiProxies\[#All\]/],
  ])("%s", async (_reason, args, code, message) => {
    const v = await xl.callAsync("PROXY", ...args);
    expect(v).toEqual({ error: code, message: expect.stringMatching(message) });
  });

  test("messages are in French in French Office", () =>
    inLanguage("fr-BE", async () => {
      expect(await xl.callAsync("PROXY", "NO-SUCH-PROXY")).toEqual({ error: "#N/A", message: expect.stringMatching(/^id\u00A0: aucun proxy n'a l'identifiant «\u00A0NO-SUCH-PROXY\u00A0»/) });
      expect(await xl.callAsync("PROXY", "FR-RSA-SINGLE-2025", "couleur")).toEqual({ error: "#VALUE!", message: expect.stringMatching(/^champ\u00A0: «\u00A0couleur\u00A0» n'est pas un champ de proxy/) });
    }));
});

describe("SROI.PROXY with the workbook's Proxies table", () => {
  test.each<[string, unknown[], unknown]>([
    ["a workbook row wins over the library's row with the same id", ["FR-RSA-SINGLE-2025", OMIT, table], 700],
    ["…for every field", ["FR-RSA-SINGLE-2025", "source", table], "Our survey 2026"],
    ["the workbook's own proxy", ["OWN-MENTORING", OMIT, table], 35.5],
    ["its name", ["OWN-MENTORING", "name", table], "Mentoring session"],
    ["its link", ["OWN-MENTORING", "url", table], "https://example.org/prices"],
    ["an id only in the library is still found", ["FR-SMIC-HOUR-GROSS-2026", OMIT, table], 12.02],
    ["French headers are read too; a text value \"1 314,20\" is 1314.2", ["OWN-TEXT-VALUE", OMIT, frenchTable], 1314.2],
    ["a blank text field shows blank, not 0", ["OWN-MENTORING", "notes", table], ""],
    ["an empty table (header only) falls back to the library", ["FR-RSA-SINGLE-2025", OMIT, table.slice(0, 1)], 646.52],
  ])("%s", async (_reason, args, expected) => expect(await xl.callAsync("PROXY", ...args)).toEqual(expected));

  test("one bad row does not break the others", async () => {
    expect(await xl.callAsync("PROXY", "OWN-MENTORING", OMIT, table)).toBe(35.5);
    expect(await xl.callAsync("PROXY", "OWN-BROKEN", "name", table)).toBe("A row with text as value");
  });

  test("the workbook's name answers in French in French Office", () =>
    inLanguage("fr-FR", async () => expect(await xl.callAsync("PROXY", "OWN-MENTORING", "nom", table)).toBe("Séance de tutorat")));
});

test("PROXY is in the metadata with an optional field and an optional range of proxies", () => {
  const fn = xl.metadata.functions.find((f) => f.id === "PROXY")!;
  expect(fn.parameters.map((p) => [p.name, !!p.optional, p.dimensionality ?? "scalar"])).toEqual([
    ["id", false, "scalar"],
    ["field", true, "scalar"],
    ["proxies", true, "matrix"],
  ]);
});

/**
 * Excel's data types reach a custom function as objects (Microsoft's data-types documentation: a
 * FormattedNumber has a basicValue, an Entity a text; an error value a basicValue such as "#VALUE!").
 * Before, SROI.PROXY answered "Unexpected SROI add-in error: e.trim is not a function".
 */
describe("SROI.PROXY given Excel's data types", () => {
  test.each<[string, unknown, unknown]>([
    ["an entity whose text is the id", { type: "Entity", text: "FR-RSA-SINGLE-2025", properties: {} }, 646.52],
    ["a string data type with a basic value", { type: "String", basicValue: "FR-RSA-SINGLE-2025" }, 646.52],
  ])("%s is read by what the cell shows", async (_why, id, expected) => expect(await xl.callAsync("PROXY", id)).toBe(expected));

  test.each<[string, unknown, RegExp]>([
    ["an entity with no text", { type: "Entity", properties: { Population: 2 } }, /no proxy has the id "\[Entity\]"/],
    ["an error value", { type: "Error", basicValue: "#VALUE!", errorType: "Value" }, /no proxy has the id "#VALUE!"/],
    ["a formatted number", { type: "FormattedNumber", basicValue: 12, numberFormat: "0" }, /no proxy has the id "12"/],
  ])("%s: #N/A naming what the cell shows, never an unexpected error", async (_why, id, message) =>
    expect(await xl.callAsync("PROXY", id)).toEqual({ error: "#N/A", message: expect.stringMatching(message) }));

  test("a data type in a numeric function's argument is read by its basic value, or refused by name", () => {
    expect(xl.call("NETIMPACT", { type: "FormattedNumber", basicValue: 10, numberFormat: "0" }, 1000, 0.2, 0, 0.25)).toEqual([[6000]]);
    // NETIMPACT spills: the refusal is the cell's
    expect(xl.call("NETIMPACT", { type: "Entity", text: "Paris" }, 1000)).toEqual([[{ error: "#VALUE!", message: 'quantity: "Paris" is not a number.' }]]);
  });
});
