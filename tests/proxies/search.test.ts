/**
 * Search-as-you-type over the library and the workbook's proxies, as a user types it: either
 * language, any case, with or without accents, half-typed, with a typo. Expected hits are read
 * off data/proxies.csv by a person (which rows are about hospitals, the minimum wage...).
 */
import { describeProxyWarning } from "../../src/i18n/proxies";
import { LIBRARY_PROXIES } from "../../src/proxies/library.generated";
import { createProxySearch, proxyWarnings } from "../../src/proxies/search";
import type { Proxy } from "../../src/proxies/types";

const library = createProxySearch(LIBRARY_PROXIES);
const ids = (query: string, filters = {}) => library.search(query, filters).map((h) => h.proxy.id);
const withTheme = (theme: string) => LIBRARY_PROXIES.filter((p) => p.themes.includes(theme)).map((p) => p.id);

const HOSPITAL = ["FR-FORFAIT-HOSP-2018", "FR-FORFAIT-PSY-2018", "FR-HOSPDAY-PUBLIC-2012", "REF-FR-ENC-SCANSANTE", "UK-MH-INPATIENT-DAY-2024"];
const VOLUNTEERING = ["FR-SMIC-HOUR-GROSS-2024", "FR-SMIC-HOUR-GROSS-2025", "FR-SMIC-HOUR-GROSS-2026", "UK-NLW-HOUR-2024", "UK-NLW-HOUR-2025", "UK-NLW-HOUR-2026"];
const MINIMUM_WAGE = [...VOLUNTEERING, "FR-SMIC-MONTH-GROSS-2025", "FR-SMIC-MONTH-GROSS-2026", "FR-SMIC-MONTH-NET-2025"];

describe("both languages, any case, accents or not", () => {
  test.each([
    ["employment", "English"],
    ["emploi", "French"],
    ["job", "a synonym users type"],
    ["insertion", "French social-economy word for back-to-work"],
    ["EMPLOI", "upper case"],
    ["travail", "French synonym"],
  ])("%s (%s) finds every employment proxy, and only those", (query) => {
    expect(ids(query).sort()).toEqual(withTheme("employment").sort());
  });

  test.each([["bénévolat"], ["benevolat"], ["BÉNÉVOLAT"], ["volunteering"], ["volunteer"], ["bénév"], ["benevolt"]])(
    "%s finds the hourly wages used to value volunteer time",
    (query) => expect(ids(query).sort()).toEqual(VOLUNTEERING),
  );

  test.each([["hospital"], ["hôpital"], ["HOPITAL"], ["hospitalisation"], ["hospitalization"], ["hosp"], ["hopitl"]])(
    "%s finds the hospital proxies of both countries",
    (query) => expect(ids(query).sort()).toEqual(HOSPITAL),
  );

  test.each([["minimum wage"], ["SMIC"], ["salaire minimum"], ["smic"], ["living wage"]])("%s finds the minimum wages of France and the UK first", (query) => {
    // other rows may follow (the RSA's notes speak of "minimum income" and "wage")
    expect(ids(query).slice(0, MINIMUM_WAGE.length).sort()).toEqual(MINIMUM_WAGE.sort());
  });
});

describe("ranking", () => {
  test("RSA: RSA rows first; the superseded 2024 amount after the current 2025 one", () => {
    const hits = ids("RSA");
    expect(hits.slice(0, 6).every((id) => id.startsWith("FR-RSA-"))).toBe(true);
    expect(hits.indexOf("FR-RSA-SINGLE-2025")).toBeLessThan(hits.indexOf("FR-RSA-SINGLE-2024"));
  });

  test("minimum income: the RSA first, then the Belgian integration income", () => {
    const hits = ids("minimum income");
    expect(hits[0]).toBe("FR-RSA-SINGLE-2025");
    expect(hits).toEqual(expect.arrayContaining(["BE-RIS-SINGLE-2025", "BE-RIS-COHAB-2025", "BE-RIS-FAMILY-2025"]));
  });

  test("minimum wage in English: the row named 'Minimum wage' comes first, the newest hourly SMIC", () => {
    expect(ids("minimum wage")[0]).toBe("FR-SMIC-HOUR-GROSS-2026");
  });

  test("hospital day: the cost of a day in hospital first, then the other hospital days; no care home", () => {
    const hits = ids("hospital day");
    expect(hits[0]).toBe("FR-HOSPDAY-PUBLIC-2012");
    expect(hits).toEqual(expect.arrayContaining(["FR-FORFAIT-HOSP-2018", "UK-MH-INPATIENT-DAY-2024"]));
    expect(hits).not.toContain("UK-CARE-HOME-DAY-2024");
  });

  test("journée d'hospitalisation: the two rows with that French name first", () => {
    expect(ids("journée d'hospitalisation").slice(0, 2).sort()).toEqual(["FR-HOSPDAY-PUBLIC-2012", "UK-MH-INPATIENT-DAY-2024"]);
  });

  test("an id typed in full comes first", () => {
    expect(ids("fr-rsa-single-2024")[0]).toBe("FR-RSA-SINGLE-2024");
  });

  test("a name match outranks a match in the notes only", () => {
    // "WELLBY" is in UK-WELLBY-2019's name; HACT's entry only mentions wellbeing
    expect(ids("wellby")[0]).toBe("UK-WELLBY-2019");
  });

  test("preferred countries first among equals (the assessment's country)", () => {
    const uk = library.search("minimum wage", {}, { preferCountries: ["UK"] }).map((h) => h.proxy.id);
    expect(uk[0]).toBe("UK-NLW-HOUR-2026");
  });

  test("a blank query lists everything, current values before superseded ones and references", () => {
    const all = ids("");
    expect(all).toHaveLength(Math.min(50, LIBRARY_PROXIES.length));
    expect(all.indexOf("FR-SMIC-HOUR-GROSS-2026")).toBeLessThan(all.indexOf("FR-SMIC-HOUR-GROSS-2025"));
    expect(all.slice(-5).every((id) => id.startsWith("REF-") || /201\d/.test(id))).toBe(true);
  });

  test("nothing is found for words in no proxy", () => {
    expect(ids("zzzz quantum")).toEqual([]);
  });
});

describe("filters", () => {
  test.each<[string, object, (p: Proxy) => boolean]>([
    ["country FR", { country: "FR" }, (p) => p.country === "FR"],
    ["country, any case", { country: "uk" }, (p) => p.country === "UK"],
    ["theme health", { theme: "health" }, (p) => p.themes.includes("health")],
    ["method cost saved", { method: "cost saved" }, (p) => p.method === "cost saved"],
    ["currency GBP", { currency: "GBP" }, (p) => p.currency === "GBP"],
    ["two countries", { country: ["FR", "BE"] }, (p) => p.country === "FR" || p.country === "BE"],
    ["country and theme together", { country: "UK", theme: "mental health" }, (p) => p.country === "UK" && p.themes.includes("mental health")],
    ["references only", { kind: "reference" }, (p) => p.kind === "reference"],
  ])("%s, with a blank query: exactly the proxies that match", (_reason, filters, keep) => {
    const expected = LIBRARY_PROXIES.filter(keep).map((p) => p.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(library.search("", filters, { limit: 1000 }).map((h) => h.proxy.id).sort()).toEqual(expected);
  });

  test("a filter narrows a query: hospital in the UK", () => {
    expect(ids("hospital", { country: "UK" })).toEqual(["UK-MH-INPATIENT-DAY-2024"]);
  });

  test("facets list the values present, for the drop-downs", () => {
    expect(library.facets.countries).toEqual(["BE", "FR", "INT", "UK"]);
    expect(library.facets.currencies).toEqual(["EUR", "GBP"]);
    expect(library.facets.themes).toEqual(expect.arrayContaining(["employment", "health", "volunteering"]));
  });
});

describe("the workbook's own proxies", () => {
  const own = (over: Partial<Proxy>): Proxy => ({
    id: "OWN",
    nameEn: "",
    nameFr: "",
    value: 1,
    currency: "EUR",
    unit: "",
    priceYear: 2026,
    country: "FR",
    themes: [],
    method: "cost saved",
    source: "Our survey",
    url: "",
    notes: "",
    origin: "workbook",
    kind: "value",
    ...over,
  });
  const workbook = [
    own({ id: "FR-RSA-SINGLE-2025", nameEn: "RSA, our local figure", value: 700 }),
    own({ id: "OWN-MENTOR", nameFr: "Séance de tutorat pour l'insertion", themes: ["employment"] }),
    // the library's row copied under another id: equally relevant to any query
    { ...LIBRARY_PROXIES.find((p) => p.id === "FR-FORFAIT-HOSP-2018")!, id: "OWN-FORFAIT", origin: "workbook" as const },
  ];
  const search = createProxySearch(LIBRARY_PROXIES, workbook);

  test("a workbook row with a library id replaces the library row, and says so", () => {
    const hits = search.search("RSA").filter((h) => h.proxy.id === "FR-RSA-SINGLE-2025");
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ replacesLibrary: true, proxy: { origin: "workbook", value: 700 } });
    expect(search.byId("fr-rsa-single-2025")?.proxy.value).toBe(700);
    expect(search.entries).toHaveLength(LIBRARY_PROXIES.length + 2);
  });

  test("the workbook's own proxy is found in either language and says it comes from the workbook", () => {
    for (const query of ["tutorat", "TUTORAT", "insertion", "emploi", "job"]) {
      expect(search.search(query).find((h) => h.proxy.id === "OWN-MENTOR")).toMatchObject({ replacesLibrary: false, proxy: { origin: "workbook" } });
    }
  });

  test("among equally relevant proxies the organisation's own comes first", () => {
    const hits = search.search("forfait hospitalier journalier").map((h) => h.proxy.id);
    expect(hits.indexOf("OWN-FORFAIT")).toBeLessThan(hits.indexOf("FR-FORFAIT-HOSP-2018"));
  });
});

describe("warnings", () => {
  const smic2026 = LIBRARY_PROXIES.find((p) => p.id === "FR-SMIC-HOUR-GROSS-2026")!;
  const hospital2012 = LIBRARY_PROXIES.find((p) => p.id === "FR-HOSPDAY-PUBLIC-2012")!;
  const wellby = LIBRARY_PROXIES.find((p) => p.id === "UK-WELLBY-2019")!;
  const hact = LIBRARY_PROXIES.find((p) => p.id === "REF-UK-HACT-SVB")!;

  test.each<[string, Proxy, { assessmentCurrency?: string; currentYear: number }, unknown[]]>([
    ["a current value in the assessment's currency: none", smic2026, { assessmentCurrency: "EUR", currentYear: 2026 }, []],
    ["prices 3 years old: still none", smic2026, { assessmentCurrency: "EUR", currentYear: 2029 }, []],
    ["prices 4 years old: old", smic2026, { assessmentCurrency: "EUR", currentYear: 2030 }, [{ code: "oldPriceYear", priceYear: 2026, age: 4 }]],
    ["2012 prices in 2026: 14 years old", hospital2012, { assessmentCurrency: "EUR", currentYear: 2026 }, [{ code: "oldPriceYear", priceYear: 2012, age: 14 }]],
    ["GBP in a EUR assessment, and old", wellby, { assessmentCurrency: "eur", currentYear: 2026 }, [
      { code: "oldPriceYear", priceYear: 2019, age: 7 },
      { code: "currencyDiffers", currency: "GBP", assessmentCurrency: "EUR" },
    ]],
    ["no assessment currency known: no currency warning", wellby, { currentYear: 2020 }, []],
    ["a where-to-look entry", hact, { assessmentCurrency: "GBP", currentYear: 2026 }, [{ code: "referenceOnly", url: "https://hact.org.uk/tools-and-services/uk-social-value-bank/" }]],
    ["no year and no source", { ...smic2026, priceYear: null, source: "", url: "" }, { currentYear: 2026 }, [{ code: "noPriceYear" }, { code: "noSource" }]],
  ])("%s", (_reason, proxy, context, expected) => expect(proxyWarnings(proxy, context)).toEqual(expected));

  test.each<[Parameters<typeof describeProxyWarning>[0], string, string]>([
    [{ code: "oldPriceYear", priceYear: 2012, age: 14 }, "Prices of 2012, 14 years ago", "Prix de 2012, il y a 14 ans"],
    [{ code: "currencyDiffers", currency: "GBP", assessmentCurrency: "EUR" }, "In GBP, but the assessment is in EUR", "En GBP, alors que l'évaluation est en EUR"],
    [{ code: "referenceOnly", url: "https://x.org" }, "look the value up at https://x.org", "cherchez la valeur sur https://x.org"],
  ])("warning %j reads in English and French", (w, en, fr) => {
    expect(describeProxyWarning(w, "en")).toContain(en);
    expect(describeProxyWarning(w, "fr")).toContain(fr);
  });
});
