/**
 * French typography over every French string of the product: a no-break space (U+00A0) before
 * : ; ? ! and », after «; a narrow no-break space (U+202F) before % and € and between thousands.
 *
 * The strings are collected, not listed: every literal the sources put in French (a `fr` property, a
 * table named FR, the French branch of `fr ? … : …`; see frenchText.ts), every French text of the
 * function catalog, and what the renderers build at run time from their tables (each issue and check
 * code rendered, the French sheets of the example assessment), so a helper that glues a % to a
 * number with an ordinary space is caught too. A failure lists every offender with where it is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import catalog from "../../src/functions/catalog.json";
import { CHECK_CODES, checkMessage } from "../../src/i18n/checks";
import { ISSUE_CODES, describe as describeIssue } from "../../src/i18n/messages";
import { describeImportProblem, describeProxyWarning } from "../../src/i18n/proxies";
import { UI_KEYS, uiTable } from "../../src/i18n/ui";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { applyTypography, catalogFrench, frenchLiteralsOf, frenchLiteralsUnder, typographyProblems } from "./frenchText";

const ROOT = join(__dirname, "../..");
const offenders = (texts: { where: string; text: string }[]) =>
  texts.flatMap(({ where, text }) => typographyProblems(text).map((problem) => `${where}: ${problem}`));

describe("the rule itself", () => {
  test.each<[string, string, string]>([
    ["colon with an ordinary space", "Valeur : 3", "no-break space"],
    ["colon glued to the word", "Valeur: 3", "no space before"],
    ["question mark with an ordinary space", "Supprimer ?", "no-break space"],
    ["guillemets with ordinary spaces", "la feuille « Résultats »", "after «"],
    ["percent with an ordinary space", "25 % ou 0,25", "narrow no-break space before %"],
    ["percent glued to the number", "25%", "between a number and %"],
    ["euro with a no-break space", "12\u00A0€", "narrow no-break space before %"],
    ["thousands with an ordinary space", "1 000 personnes", "thousands separator"],
  ])("%s is refused", (_case, text, problem) => {
    expect(typographyProblems(text).join("\n")).toContain(problem);
  });

  test.each<[string, string]>([
    ["a URL", "https://fr.libreoffice.org/download/"],
    ["a cell reference", "'Carte des impacts'!E5"],
    ["a structured reference", "SroiProxies[#Tout]"],
    ["an Excel error value", "la fonction renvoie #VALEUR! avec un message"],
    ["a range of years", "années 1 à 5, 2024 – 2025"],
    ["an id followed by its value", "FR-RSA-SINGLE-2025 646,52"],
    ["correct French", "Valeur\u00A0: 25\u202F% ; la feuille «\u00A0Résultats\u00A0» ? 1\u202F000\u202F€".replace(" ;", "\u00A0;").replace(" ?", "\u00A0?")],
  ])("%s passes", (_case, text) => {
    expect(typographyProblems(text)).toEqual([]);
  });

  test("the fixer produces text the rule accepts, and reads only the French branch (code between ${ } is not text, its French literals are)", () => {
    const fixed = applyTypography("Effet : 25 % ; « x » ? 1 000 €");
    expect(fixed).toBe("Effet\u00A0: 25\u202F%\u00A0; «\u00A0x\u00A0»\u00A0? 1\u202F000\u202F€");
    expect(typographyProblems(fixed)).toEqual([]);
    const source = 'const m = (fr: boolean, a?: string) => (fr ? `Valeur : ${a ? "oui" : "non"} !` : `Value: ${a}!`);';
    expect(frenchLiteralsOf(source, "x.ts").map((l) => l.text)).toEqual(["Valeur : ${…} !", "oui", "non"]);
  });
});

describe("every French string of the product follows French typography", () => {
  test("the literals the sources put in French", () => {
    const literals = frenchLiteralsUnder(ROOT, ["src"]);
    // the collector really finds the tables (a broken collector must not pass by finding nothing)
    const files = new Set(literals.map((l) => l.file));
    for (const file of ["src/i18n/ui.ts", "src/i18n/messages.ts", "src/i18n/checks.ts", "src/i18n/workbook.ts", "src/i18n/writer.ts", "src/i18n/proxies.ts", "src/cli/messages.ts", "src/layout/columns.ts", "src/layout/labels.ts"]) {
      expect([file, files.has(file)]).toEqual([file, true]);
    }
    expect(literals.length).toBeGreaterThan(400);
    expect(offenders(literals.map((l) => ({ where: `${l.file}:${l.line}`, text: l.text })))).toEqual([]);
  });

  test("the function catalog's French descriptions", () => {
    const texts = catalogFrench(catalog);
    expect(texts.length).toBeGreaterThan(50);
    expect(offenders(texts.map((t) => ({ where: `catalog.json ${t.where}`, text: t.text })))).toEqual([]);
  });

  test("the task pane's French table", () => {
    const fr = uiTable("fr");
    expect(offenders(UI_KEYS.map((k) => ({ where: `ui.ts ${k}`, text: fr[k] })))).toEqual([]);
  });

  test("every core issue, rendered in French with a number, a text and a percentage", () => {
    const texts = ISSUE_CODES.flatMap((code) =>
      [25, "dix", 1234567].map((value) => ({
        where: `messages.ts ${code} (${value})`,
        text: describeIssue({ code, field: "deadweight", value, other: "quantity", shapes: ["3×1", "2×1"], limit: 100, priceIndex: "FR", available: "2015, 2020–2024", row: 3 }, "fr"),
      })),
    );
    expect(ISSUE_CODES.length).toBeGreaterThan(15);
    expect(offenders(texts)).toEqual([]);
  });

  test("every check against over-claiming, rendered in French", () => {
    const texts = CHECK_CODES.flatMap((code) =>
      (["warning", "info"] as const).map((severity) => ({
        where: `checks.ts ${code} (${severity})`,
        text: checkMessage({ code, severity, outcome: 2, field: "deadweight", value: 0.052, limit: 10, benchmark: 0.1, median: 0.2, share: 0.61, other: 1, stakeholder: "Jeunes", proxyName: "Emploi" }, "fr"),
      })),
    );
    expect(offenders(texts)).toEqual([]);
  });

  test("proxy warnings and import problems, rendered in French", () => {
    const warnings = [
      { code: "referenceOnly", url: "https://www.insee.fr/" },
      { code: "oldPriceYear", priceYear: 2012, age: 14 },
      { code: "noPriceYear" },
      { code: "currencyDiffers", currency: "GBP", assessmentCurrency: "EUR" },
      { code: "noSource" },
    ] as Parameters<typeof describeProxyWarning>[0][];
    const texts = [
      ...warnings.map((w) => ({ where: `proxies.ts ${w.code}`, text: describeProxyWarning(w, "fr") })),
      { where: "proxies.ts import", text: describeImportProblem({ code: "notANumber", row: 5, column: "value", value: "abc" }, "fr") },
    ];
    expect(offenders(texts)).toEqual([]);
  });

  test("the French sheets of the example assessment: headers, titles, notes, validation messages, texts", () => {
    const texts: { where: string; text: string }[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === "string") {
        if (!v.startsWith("=")) texts.push({ where: path, text: v });
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === "object") {
        for (const [k, x] of Object.entries(v)) if (!["formula", "key", "name", "format", "source"].includes(k)) walk(x, `${path}.${k}`);
      }
    };
    walk(buildLayout(exampleAssessment("fr")).sheets, "sheets");
    expect(texts.length).toBeGreaterThan(100);
    expect(offenders(texts)).toEqual([]);
  });
});

test("the French of the pane keeps the one vocabulary of the method (issue #13)", () => {
  const sources = ["src/i18n/ui.ts", "src/i18n/messages.ts", "src/i18n/checks.ts", "src/i18n/proxies.ts", "src/cli/messages.ts", "src/layout/columns.ts", "src/layout/labels.ts"];
  const french = [
    ...sources.flatMap((f) => frenchLiteralsOf(readFileSync(join(ROOT, f), "utf8"), f).map((l) => ({ where: `${f}:${l.line}`, text: l.text }))),
    ...catalogFrench(catalog).map((t) => ({ where: `catalog.json ${t.where}`, text: t.text })),
  ];
  const banned: [RegExp, string][] = [
    [/érosion/i, "drop-off is « décroissance »"],
    [/délai de retour/i, "payback is « délai de récupération »"],
    [/\bportables?\b/i, "a workbook without the add-in is « autonome »"],
    [/actualis\w*[^.]*inflation|inflation[^.]*actualis/i, "inflation « revalorise »; « actualiser » is discounting"],
  ];
  // the reader's list of former headers keeps « Érosion » on purpose: old workbooks still read
  const hits = french.flatMap(({ where, text }) => banned.filter(([re]) => re.test(text) && text !== "Érosion").map(([, why]) => `${where}: ${why}: ${text}`));
  expect(hits).toEqual([]);
});
