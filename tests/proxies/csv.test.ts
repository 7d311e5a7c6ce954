/**
 * Importing proxies from CSV files and pasted ranges, and exporting them back. Files are written
 * here by hand the way French, Belgian and British Excel save them; each refused row must say its
 * row, its column and why, in English and in French.
 */
import fc from "fast-check";
import { describeFileProblem, describeImportProblem, describeKeptAsText } from "../../src/i18n/proxies";
import Papa from "papaparse";
import { decodeCsvBytes, detectSeparator, escapeFormulaText, importProxies, toCsv, unescapeFormulaText } from "../../src/proxies/csv";
import { LIBRARY_PROXIES } from "../../src/proxies/library.generated";
import { Proxy, VALUATION_METHODS } from "../../src/proxies/types";

const SEED_HEADER = "id,name_en,name_fr,value,currency,unit,price_year,country,theme,method,source,url,notes";

/** Windows-1252 bytes of a Latin-1 text (é = 0xE9, € = 0x80), as French Excel's "CSV" saves it. */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch === "€" ? 0x80 : ch === "’" ? 0x92 : ch.charCodeAt(0))));
}
const utf16le = (text: string) => {
  const bytes = [0xff, 0xfe];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    bytes.push(code & 0xff, code >> 8);
  }
  return Uint8Array.from(bytes);
};

describe("good rows", () => {
  test("a row in the seed's format becomes a workbook proxy with every field", () => {
    const csv = `${SEED_HEADER}
FR-RSA-SINGLE-2025,"RSA minimum income, single person, no child","RSA montant forfaitaire, personne seule sans enfant",646.52,EUR,per month,2025,FR,employment;poverty,cost saved,"Décret n° 2025-293",https://www.legifrance.gouv.fr,"Amount from 1 April 2025"`;
    const r = importProxies(csv);
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toEqual([
      {
        row: 2,
        proxy: {
          id: "FR-RSA-SINGLE-2025",
          nameEn: "RSA minimum income, single person, no child",
          nameFr: "RSA montant forfaitaire, personne seule sans enfant",
          value: 646.52,
          currency: "EUR",
          unit: "per month",
          priceYear: 2025,
          country: "FR",
          themes: ["employment", "poverty"],
          method: "cost saved",
          source: "Décret n° 2025-293",
          url: "https://www.legifrance.gouv.fr",
          notes: "Amount from 1 April 2025",
          origin: "workbook",
          kind: "value",
        },
      },
    ]);
    expect(r.separator).toBe(",");
  });

  test("French Excel: ';' separator, French headers, decimal commas, grouped thousands, French method and theme names", () => {
    const csv = [
      "Identifiant;Nom (français);Valeur;Devise;Unité;Année des prix;Pays;Thèmes;Méthode de valorisation;Source;Lien",
      "BE-RIS-SINGLE-2025;Revenu d'intégration, personne isolée;1 314,20;EUR;par mois;2025;be;Pauvreté, emploi;Coût évité;SPP IS;https://www.mi-is.be",
      "OWN-1;Séance de tutorat;1\u00A0314,20;€;par séance;2026;FR;éducation;équivalent marché;Devis;",
      "OWN-2;Heure de bénévolat;1.314,20;EUR;par heure;2026;FR;bénévolat;revenu supplémentaire;SMIC chargé;",
      "OWN-3;Satisfaction de vie;646,52;GBP;par an;2026;UK;bien-être;Valorisation du bien-être;Green Book;",
      "OWN-4;Jeu de la valeur;12;EUR;par personne;2026;FR;;jeu de la valeur;Atelier parties prenantes;",
    ].join("\r\n");
    const r = importProxies(csv);
    expect(r.rejected).toEqual([]);
    expect(r.separator).toBe(";");
    expect(r.accepted.map((a) => [a.proxy.id, a.proxy.value, a.proxy.currency, a.proxy.country, a.proxy.method, a.proxy.themes])).toEqual([
      ["BE-RIS-SINGLE-2025", 1314.2, "EUR", "BE", "cost saved", ["poverty", "employment"]],
      ["OWN-1", 1314.2, "EUR", "FR", "market equivalent", ["education"]],
      ["OWN-2", 1314.2, "EUR", "FR", "additional income", ["volunteering"]],
      ["OWN-3", 646.52, "GBP", "UK", "wellbeing valuation", ["wellbeing"]],
      ["OWN-4", 12, "EUR", "FR", "value game", []],
    ]);
    expect(r.accepted[0].proxy).toMatchObject({ nameEn: "", nameFr: "Revenu d'intégration, personne isolée" });
  });

  test.each<[string, Uint8Array, string]>([
    ["UTF-8 with a byte-order mark (Excel's \"CSV UTF-8\")", Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("id;nom;valeur;devise;méthode\nX-1;Coût évité;646,52;EUR;coût évité\n")]), "utf-8"],
    ["UTF-8 without a BOM", Uint8Array.from(Buffer.from("id;nom;valeur;devise;méthode\nX-1;Coût évité;646,52;EUR;coût évité\n")), "utf-8"],
    ["Windows-1252 (French Excel's plain \"CSV\")", cp1252("id;nom;valeur;devise;méthode\r\nX-1;Coût évité;646,52;EUR;coût évité\r\n"), "windows-1252"],
    ["UTF-16 with tabs (Excel's \"Unicode text\")", utf16le("id\tnom\tvaleur\tdevise\tméthode\r\nX-1\tCoût évité\t646,52\tEUR\tcoût évité\r\n"), "utf-16le"],
  ])("bytes in %s are decoded, accents intact", (_reason, bytes, encoding) => {
    const r = importProxies(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => [a.proxy.nameFr, a.proxy.value, a.proxy.method])).toEqual([["Coût évité", 646.52, "cost saved"]]);
  });

  test("a BOM left in a string is ignored, so the first header is still 'id'", () => {
    const r = importProxies("\uFEFFid,name_en,value,currency\nA,Alpha,1,EUR\n");
    expect(r.fileProblems).toEqual([]);
    expect(r.accepted.map((a) => a.proxy.id)).toEqual(["A"]);
  });

  test("Windows-1252's euro sign (0x80) and curly apostrophe (0x92) decode right", () => {
    expect(decodeCsvBytes(Uint8Array.from([0x80, 0x20, 0x92]))).toEqual({ text: "€ ’", encoding: "windows-1252" });
  });

  test("a pasted range: Excel's numbers as numbers, row numbers as on the sheet", () => {
    const range = [
      ["Id", "Name (English)", "Value", "Currency", "Price year", "Valuation method"],
      ["P-1", "Hospital day", 2115, "EUR", 2012, "cost saved"],
      ["", "", "", "", "", ""],
      ["P-2", "GP visit", "51", "GBP", "2024", "Cost saved"],
    ];
    const r = importProxies(range, { firstRow: 4 });
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((a) => [a.row, a.proxy.id, a.proxy.value, a.proxy.priceYear])).toEqual([
      [5, "P-1", 2115, 2012],
      [7, "P-2", 51, 2024],
    ]);
  });

  test("a short row (its trailing empty cells left out) reads as blanks", () => {
    const r = importProxies(`${SEED_HEADER},kind\nA,Alpha,,1,EUR\n`);
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0].proxy).toMatchObject({ id: "A", value: 1, currency: "EUR", unit: "", priceYear: null, kind: "value" });
  });

  test("unknown headers are ignored and listed; a blank kind is a value", () => {
    const r = importProxies("id,name_en,value,currency,Comment from HACT export,kind\nA,Alpha,1,EUR,whatever,\n");
    expect(r.ignoredColumns).toEqual(["Comment from HACT export"]);
    expect(r.accepted[0].proxy.kind).toBe("value");
  });

  test("a 'where to look' entry: kind reference, no value, a link", () => {
    const r = importProxies("id,name_en,value,currency,url,kind\nREF-1,Somewhere,,,https://example.org,reference\n");
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0].proxy).toMatchObject({ kind: "reference", value: null, currency: "" });
  });
});

describe("bad rows: each refused with its row, its column and why", () => {
  const header = "id,name_en,name_fr,value,currency,price_year,method,source,url,kind";
  test.each<[string, string, { code: string; column?: string; value?: unknown; firstRow?: number }, string, string]>([
    ["missing id", ",Alpha,,1,EUR,2025,cost saved,,,", { code: "missingId", column: "id" }, "Row 2, id: the id is missing.", "Ligne 2, id\u00A0: l'identifiant manque."],
    ["missing name in both languages", "A,,,1,EUR,2025,cost saved,,,", { code: "missingName", column: "name_en" }, "Row 2, name_en: the name is missing", "Ligne 2, name_en\u00A0: le nom manque"],
    ["non-numeric value", "A,Alpha,,abc,EUR,2025,cost saved,,,", { code: "notANumber", column: "value", value: "abc" }, 'Row 2, value: "abc" is not a number.', "Ligne 2, value\u00A0: «\u00A0abc\u00A0» n'est pas un nombre."],
    ["missing value", "A,Alpha,,,EUR,2025,cost saved,,,", { code: "missingValue", column: "value" }, "Row 2, value: the value is missing", "Ligne 2, value\u00A0: la valeur manque"],
    ["a year that is not one", "A,Alpha,,1,EUR,2025.5,cost saved,,,", { code: "notAYear", column: "price_year", value: "2025.5" }, 'Row 2, price_year: "2025.5" is not a year', "Ligne 2, price_year\u00A0: «\u00A02025.5\u00A0» n'est pas une année"],
    ["a year as text", "A,Alpha,,1,EUR,last year,cost saved,,,", { code: "notAYear", column: "price_year", value: "last year" }, 'Row 2, price_year: "last year" is not a year', "Ligne 2, price_year\u00A0: «\u00A0last year\u00A0» n'est pas une année"],
    ["unknown method", "A,Alpha,,1,EUR,2025,gut feeling,,,", { code: "unknownMethod", column: "method", value: "gut feeling" }, 'Row 2, method: "gut feeling" is not a valuation method; use additional income', "Ligne 2, method\u00A0: «\u00A0gut feeling\u00A0» n'est pas une méthode de valorisation\u00A0; utilisez revenu supplémentaire"],
    ["missing currency", "A,Alpha,,1,,2025,cost saved,,,", { code: "missingCurrency", column: "currency" }, "Row 2, currency: the currency is missing", "Ligne 2, currency\u00A0: la devise manque"],
    ["currency that is no code", "A,Alpha,,1,euros,2025,cost saved,,,", { code: "invalidCurrency", column: "currency", value: "euros" }, 'Row 2, currency: "euros" is not a currency code', "Ligne 2, currency\u00A0: «\u00A0euros\u00A0» n'est pas un code de devise"],
    ["unknown kind", "A,Alpha,,1,EUR,2025,cost saved,,,maybe", { code: "unknownKind", column: "kind", value: "maybe" }, 'Row 2, kind: "maybe" is neither "value" nor "reference".', "Ligne 2, kind\u00A0: «\u00A0maybe\u00A0» n'est ni «\u00A0valeur\u00A0» ni «\u00A0référence\u00A0»."],
    ["a reference with a value", "A,Alpha,,1,EUR,2025,cost saved,,https://x.org,reference", { code: "referenceWithValue", column: "value", value: 1 }, "Row 2, value: a \"reference\" entry points to a source and has no value", "Ligne 2, value\u00A0: une entrée «\u00A0référence\u00A0» renvoie à une source et n'a pas de valeur"],
    ["a reference without a link or source", "A,Alpha,,,,,,,,reference", { code: "referenceWithoutLink", column: "url" }, "Row 2, url: a \"reference\" entry needs a link or a source", "Ligne 2, url\u00A0: une entrée «\u00A0référence\u00A0» doit avoir un lien ou une source"],
    ["more cells than headers", "A,Alpha,,1,EUR,2025,cost saved,,,,surplus", { code: "malformedRow" }, "Row 2: the row cannot be read", "Ligne 2\u00A0: la ligne est illisible"],
  ])("%s", (_reason, line, problem, en, fr) => {
    const r = importProxies(`${header}\n${line}\n`);
    expect(r.accepted).toEqual([]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0].row).toBe(2);
    expect(r.rejected[0].problems).toEqual([expect.objectContaining({ row: 2, ...problem })]);
    expect(describeImportProblem(r.rejected[0].problems[0], "en")).toContain(en);
    expect(describeImportProblem(r.rejected[0].problems[0], "fr")).toContain(fr);
  });

  test("a duplicate id (any case) is refused, naming the row where it first appears", () => {
    const r = importProxies(`id,name_en,value,currency\nA-1,Alpha,1,EUR\nB-1,Beta,2,EUR\na-1,Alpha again,3,EUR\n`);
    expect(r.accepted.map((a) => a.proxy.id)).toEqual(["A-1", "B-1"]);
    expect(r.rejected).toEqual([{ row: 4, id: "a-1", problems: [expect.objectContaining({ code: "duplicateId", column: "id", firstRow: 2 })] }]);
    expect(describeImportProblem(r.rejected[0].problems[0], "en")).toBe('Row 4, id: the id "a-1" is already used on row 2.');
    expect(describeImportProblem(r.rejected[0].problems[0], "fr")).toBe("Ligne 4, id\u00A0: l'identifiant «\u00A0a-1\u00A0» est déjà utilisé à la ligne 2.");
  });

  test("an unclosed quote makes its row unreadable", () => {
    const r = importProxies(`id,name_en,value,currency\nA,Alpha,1,EUR\nB,"Beta,2,EUR\n`);
    expect(r.accepted.map((a) => a.proxy.id)).toEqual(["A"]);
    expect(r.rejected.map((x) => x.problems.map((p) => p.code))).toEqual([["malformedRow"]]);
  });

  test("every problem of a row is reported, not only the first", () => {
    const r = importProxies(`id,name_en,value,currency,method\n,,abc,euros,guess\n`);
    expect(r.rejected[0].problems.map((p) => p.code).sort()).toEqual(["invalidCurrency", "missingId", "missingName", "notANumber", "unknownMethod"]);
  });

  test("the column is named as the file's header says it (French headers in a French message)", () => {
    const r = importProxies("Identifiant;Nom (français);Valeur;Devise\nA;Alpha;douze;EUR\n");
    expect(describeImportProblem(r.rejected[0].problems[0], "fr")).toBe("Ligne 2, Valeur\u00A0: «\u00A0douze\u00A0» n'est pas un nombre.");
  });

  test("good rows are still returned beside bad ones: the caller writes all or nothing", () => {
    const r = importProxies(`id,name_en,value,currency\nA,Alpha,1,EUR\nB,Beta,x,EUR\nC,Gamma,3,EUR\n`);
    expect(r.accepted.map((a) => a.row)).toEqual([2, 4]);
    expect(r.rejected.map((x) => x.row)).toEqual([3]);
  });
});

describe("problems with the whole file", () => {
  test.each<[string, string, string, string]>([
    ["no id column", "name_en,value,currency\nAlpha,1,EUR\n", 'No "Id" column (id) in the header row', "Colonne «\u00A0Identifiant\u00A0» (id) introuvable"],
    ["no value column", "id,name_en,currency\nA,Alpha,EUR\n", 'No "Value" column (value)', "Colonne «\u00A0Valeur\u00A0» (value) introuvable"],
    ["no name column", "id,value,currency\nA,1,EUR\n", 'No "Name (English)" column (name_en / name_fr)', "Colonne «\u00A0Nom (anglais)\u00A0» (name_en / name_fr) introuvable"],
    ["an empty file", "", "The file has no header row or no proxy rows.", "Le fichier ne contient ni en-têtes ni lignes de proxys."],
    ["a header and no rows", "id,name_en,value\n\n", "The file has no header row or no proxy rows.", "Le fichier ne contient ni en-têtes ni lignes de proxys."],
  ])("%s: nothing is accepted", (_reason, csv, en, fr) => {
    const r = importProxies(csv);
    expect(r.accepted).toEqual([]);
    expect(r.fileProblems).toHaveLength(1);
    expect(describeFileProblem(r.fileProblems[0], "en")).toContain(en);
    expect(describeFileProblem(r.fileProblems[0], "fr")).toContain(fr);
  });
});

describe("text that looks like a formula stays text", () => {
  const csv = [
    "id,name_en,value,currency,source,notes",
    'F-1,"=HYPERLINK(""http://evil.example"",""click"")",1,EUR,@SUM(A1:A9),+33 1 23 45 67 89',
    "F-2,Drop-off,-646.52,EUR,Survey,-5% drop after a year",
  ].join("\n");
  const r = importProxies(csv);

  test("the rows are accepted with the text exactly as written, never evaluated", () => {
    expect(r.rejected).toEqual([]);
    expect(r.accepted[0].proxy).toMatchObject({ nameEn: '=HYPERLINK("http://evil.example","click")', source: "@SUM(A1:A9)", notes: "+33 1 23 45 67 89" });
  });

  test("a negative number is a number, not formula-looking text", () => {
    expect(r.accepted[1].proxy.value).toBe(-646.52);
  });

  test("each such cell is reported as kept as text, so the writer escapes it", () => {
    expect(r.keptAsText).toEqual([
      { row: 2, column: "name_en", text: '=HYPERLINK("http://evil.example","click")' },
      { row: 2, column: "source", text: "@SUM(A1:A9)" },
      { row: 2, column: "notes", text: "+33 1 23 45 67 89" },
      { row: 3, column: "notes", text: "-5% drop after a year" },
    ]);
    expect(describeKeptAsText(r.keptAsText[1], "en")).toBe('Row 2, Source: "@SUM(A1:A9)" starts like a formula; it is kept as text.');
    expect(describeKeptAsText(r.keptAsText[1], "fr")).toBe("Ligne 2, Source\u00A0: «\u00A0@SUM(A1:A9)\u00A0» commence comme une formule\u00A0; elle est gardée comme texte.");
  });
});

describe("separator detection", () => {
  test.each<[string, string]>([
    ["id,name_en,value", ","],
    ["id;name_en;value", ";"],
    ["id\tname_en\tvalue", "\t"],
    ['"id;x",name_en,value', ","],
    ["\n\nid;name_en;value", ";"],
  ])("%j → %j", (text, sep) => expect(detectSeparator(text)).toBe(sep));
});

describe("export", () => {
  const own: Proxy = {
    id: "OWN-1",
    nameEn: "=1+1",
    nameFr: "Séance, « tutorat »",
    value: 1314.2,
    currency: "EUR",
    unit: "per session",
    priceYear: 2026,
    country: "FR",
    themes: ["education", "employment"],
    method: "market equivalent",
    source: '@provider "list"',
    url: "",
    notes: "line one\nline two",
    origin: "workbook",
    kind: "value",
  };

  test("formula-looking text is written with a leading apostrophe; numbers are not touched", () => {
    const csv = toCsv([{ ...own, value: -5 }], { bom: false });
    expect(csv).toBe(
      "id,name_en,name_fr,value,currency,unit,price_year,country,theme,method,source,url,notes,kind\r\n" +
        `OWN-1,'=1+1,"Séance, « tutorat »",-5,EUR,per session,2026,FR,education;employment,market equivalent,"'@provider ""list""",,"line one\nline two",value\r\n`,
    );
  });

  test("French Excel's flavour: ';' and decimal commas, a BOM, French headers", () => {
    const csv = toCsv([own], { separator: ";", headers: "fr" });
    expect(csv.startsWith("\uFEFFIdentifiant;Nom (anglais);Nom (français);Valeur;")).toBe(true);
    expect(csv).toContain(";1314,2;EUR;");
  });

  test.each<[string, Parameters<typeof toCsv>[1]]>([
    ["',' and decimal points", {}],
    ["';' and decimal commas", { separator: ";" }],
    ["tabs, English headers", { separator: "\t", headers: "en" }],
    ["',' with decimal commas (quoted)", { separator: ",", decimalComma: true, headers: "fr" }],
  ])("the library round-trips through CSV with %s", (_reason, options) => {
    const back = importProxies(toCsv(LIBRARY_PROXIES, options), { origin: "library" });
    expect(back.rejected).toEqual([]);
    expect(back.accepted.map((a) => a.proxy)).toEqual(LIBRARY_PROXIES);
  });

  /** Texts that start a formula once the file is split at another separator or a line break. */
  const hostile: Proxy = {
    ...own,
    nameEn: 'Cost;=HYPERLINK("http://evil.example","click")',
    nameFr: "Coût,+cmd|' /C calc'!A0",
    unit: "per\t@SUM(A1:A9)",
    source: "first line\r\n-2+3",
    notes: 'say "=1+1"',
    url: "x;'=already escaped?",
  };

  test.each([",", ";", "\t"] as const)("written with %j: no cell starts a formula, whatever separator or line break it is split at", (separator) => {
    const csv = toCsv([hostile], { separator, bom: false });
    // the crudest reader: a cell may start at the file's start or after any separator, line break or quote
    const cells = csv.split(/[,;\t\r\n"]/);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    // and spreadsheet-like parsers with each separator agree
    for (const delimiter of [",", ";", "\t"]) {
      const rows = Papa.parse<string[]>(csv, { delimiter }).data;
      expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    }
    expect(importProxies(csv, { separator }).accepted.map((a) => a.proxy)).toEqual([hostile]);
  });

  test.each([
    ["a formula start at the beginning", "=1+1", "'=1+1"],
    ["after a separator of another locale", "a;=b", "a;'=b"],
    ["after a line break", "a\n@b", "a\n'@b"],
    ["after a quote", 'a"+b', "a\"'+b"],
    ["a tab after a tab", "a\t\tb", "a\t'\tb"],
    ["an apostrophe already there gets one more", "a;'=b", "a;''=b"],
    ["text that starts no formula is untouched", "a; b, 'c", "a; b, 'c"],
  ])("escapeFormulaText: %s", (_why, text, escaped) => {
    expect(escapeFormulaText(text)).toBe(escaped);
    expect(unescapeFormulaText(escaped)).toBe(text);
  });

  test("formula-looking text round-trips to the same text, and is reported as kept as text", () => {
    const back = importProxies(toCsv([own]));
    expect(back.accepted.map((a) => a.proxy)).toEqual([own]);
    expect(back.keptAsText.map((k) => k.column)).toEqual(["name_en", "source"]);
  });

  test("any proxy round-trips (property)", () => {
    const text = fc
      .oneof(
        fc.string(),
        fc.constantFrom("Coût évité", "=A1", "+44", "-x", "@y", 'a "quoted"; text, here', "tab\there", "é\r\nà"),
        // separators, line breaks and quotes before formula starts, with and without apostrophes
        fc.array(fc.constantFrom("x", ",", ";", "\t", "\r", "\n", '"', "'", "=", "+", "-", "@", "HYPERLINK()"), { maxLength: 12 }).map((parts) => parts.join("")),
      )
      .map((s) => s.trim());
    const proxy = fc.record({
      id: text.filter((s) => s !== ""),
      nameEn: text,
      nameFr: fc.constant("Nom"),
      value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
      currency: fc.constantFrom("EUR", "GBP", "CHF"),
      unit: text,
      priceYear: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }),
      country: fc.constantFrom("FR", "BE", "UK", ""),
      themes: fc.uniqueArray(fc.constantFrom("employment", "health", "volunteering", "mental health"), { maxLength: 3 }),
      method: fc.constantFrom("", ...VALUATION_METHODS),
      source: text,
      url: text,
      notes: text,
      origin: fc.constant("workbook" as const),
      kind: fc.constant("value" as const),
    });
    fc.assert(
      fc.property(proxy, fc.constantFrom<"," | ";" | "\t">(",", ";", "\t"), (p, separator) => {
        const back = importProxies(toCsv([p], { separator }));
        expect(back.rejected).toEqual([]);
        expect(back.accepted.map((a) => a.proxy)).toEqual([p]);
      }),
      { numRuns: 300 },
    );
  });
});
