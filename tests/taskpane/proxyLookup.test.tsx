/** @jest-environment jsdom */
import "./jsdom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { Proxy } from "../../src/proxies/types";
import { REFERENCE_ASSESSMENT, SHEET_NAMES, fakeWorkbook, type FakeWorkbook } from "./fakeWorkbook";

const OWN: Proxy = {
  id: "ORG-MEAL-2025",
  nameEn: "Community meal, cost per person",
  nameFr: "Repas solidaire, coût par personne",
  value: 8.5,
  currency: "EUR",
  unit: "per meal",
  priceYear: 2025,
  country: "FR",
  themes: ["poverty"],
  method: "market equivalent",
  source: "Our 2025 accounts",
  url: "",
  notes: "",
  origin: "workbook",
  kind: "value",
};

/** A proxy of the workbook in 2020 prices: the RSA's amount, for a hand-checked revaluation. */
const OWN_PROXY_2020: Proxy = { ...OWN, id: "ORG-ALLOWANCE-2020", nameEn: "Allowance 2020", nameFr: "Allocation 2020", value: 646.52, unit: "per year", priceYear: 2020, source: "Our 2020 accounts" };

async function openLookup(workbook: FakeWorkbook = fakeWorkbook(), lang: "en" | "fr" = "en") {
  const user = userEvent.setup();
  render(<App workbook={workbook} lang={lang} />);
  await user.click(screen.getByRole("button", { name: lang === "en" ? "Find a financial proxy" : "Trouver un proxy financier" }));
  const search = await screen.findByRole("searchbox", { name: lang === "en" ? /Search proxies/ : /Chercher un proxy/ });
  return { user, workbook, search };
}

const results = () => within(screen.getByRole("list", { name: /Financial proxies|Proxys financiers/ }));
/** The result whose name (first line) is exactly this. */
const hitNamed = (name: string) => results().getAllByRole("button").find((b) => b.querySelector("span > span")?.textContent === name)!;

describe("proxy lookup: search as you type, details with the source, use it", () => {
  test.each([
    ["RSA", "RSA minimum income, single person, no child"],
    ["minimum wage", "SMIC"],
    ["hospital day", "hospital"],
  ])("typing %j finds a proxy whose name mentions %j", async (query, expected) => {
    const { user, search } = await openLookup();
    await user.type(search, query);
    const names = results().getAllByRole("button").map((b) => b.textContent ?? "");
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((n) => n.toLowerCase().includes(expected.toLowerCase()))).toBe(true);
  });

  test("the workbook's own proxies are searched too, and marked as such", async () => {
    const { user, search } = await openLookup(fakeWorkbook({ readWorkbookProxies: async () => [OWN] }));
    await user.type(search, "repas");
    const hit = results().getByRole("button", { name: /Community meal, cost per person/ });
    expect(within(hit).getByText("This workbook")).toBeTruthy();
  });

  test("details show value, year, method and source; use it writes it; a taken cell is only replaced after asking", async () => {
    const workbook = fakeWorkbook();
    workbook.useProxy
      .mockResolvedValueOnce({ status: "needsConfirmation", occupied: [{ address: "'Impact map'!H5", value: "Old proxy" }] })
      .mockResolvedValueOnce({ status: "written", target: "impactMap", address: "'Impact map'!H5:J5" });
    const { user, search } = await openLookup(workbook);
    await user.type(search, "RSA");
    await user.click(hitNamed("RSA minimum income, single person, no child"));

    const details = within(screen.getByTestId("proxy-details"));
    expect(details.getByText("€646.52 per month")).toBeTruthy();
    expect(details.getByText("2025")).toBeTruthy();
    expect(details.getByText("Décret n° 2025-293 du 29 mars 2025 (revalorisation au 1er avril 2025)")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open the source" }).getAttribute("href")).toBe("https://www.legifrance.gouv.fr");

    // a monthly value: asked for units per person, a year's 12 offered; 12 × 646.52 = 7,758.24
    expect((screen.getByRole("textbox", { name: "Units per person" }) as HTMLInputElement).value).toBe("12");
    expect(screen.getByTestId("value-per-person").textContent).toBe("Value per person: €7,758.24 (12 × €646.52)");
    await user.click(screen.getByRole("button", { name: "Use this proxy" }));
    // no assessment to go by: the value as published
    expect(workbook.useProxy.mock.calls[0][1]).toEqual(expect.objectContaining({ overwrite: false, units: 12, adjusted: expect.objectContaining({ status: "ready", value: 646.52, priceYear: 2025 }) }));
    expect(await screen.findByText("Replace the values in 'Impact map'!H5?")).toBeTruthy();
    expect(screen.getByText("'Impact map'!H5 holds “Old proxy”")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Replace" }));
    expect(workbook.useProxy.mock.calls[1][0].id).toBe("FR-RSA-SINGLE-2025");
    expect(workbook.useProxy.mock.calls[1][1]).toEqual(expect.objectContaining({ overwrite: true, units: 12 }));
    expect(await screen.findByText("Written into 'Impact map'!H5:J5.")).toBeTruthy();
  });

  test("declining the replacement writes nothing more", async () => {
    const workbook = fakeWorkbook({ useProxy: async () => ({ status: "needsConfirmation", occupied: [{ address: "Sheet1!B2", value: "x" }] }) });
    const { user, search } = await openLookup(workbook);
    await user.type(search, "RSA");
    await user.click(results().getAllByRole("button")[0]);
    await user.click(screen.getByRole("button", { name: "Use this proxy" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(workbook.useProxy).toHaveBeenCalledTimes(1);
  });

  test("from the first screen, a proxy in another currency than the workbook's assessment cannot be used without a rate, its date and source", async () => {
    const workbook = fakeWorkbook({ findAssessments: async () => [{ suffix: "", assessment: REFERENCE_ASSESSMENT, sheetNames: SHEET_NAMES, problems: [] }] });
    const user = userEvent.setup();
    render(<App workbook={workbook} lang="en" />);
    await screen.findByRole("button", { name: /Community gardens/ });
    await user.click(screen.getByRole("button", { name: "Find a financial proxy" }));
    await user.type(await screen.findByRole("searchbox"), "RSA");
    await user.click(hitNamed("RSA minimum income, single person, no child"));
    // the reference assessment is in GBP, the RSA in EUR
    expect(screen.getByText("This proxy is in EUR; the assessment is in GBP.")).toBeTruthy();
    const use = screen.getByRole("button", { name: "Use this proxy" });
    const disabled = () => use.hasAttribute("disabled") || use.getAttribute("aria-disabled") === "true";
    expect(disabled()).toBe(true);
    expect(screen.getByText("To use this proxy, give the rate, its date and its source.")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /Exchange rate: GBP for 1 EUR/ }), "0.85");
    expect(disabled()).toBe(true); // the rate alone is not enough: its date and source are the evidence
    await user.type(screen.getByLabelText("Date of the rate"), "2025-06-30");
    await user.type(screen.getByRole("textbox", { name: "Source of the rate" }), "ECB euro reference rate");
    expect(disabled()).toBe(false);
    // 646.52 × 0.85 = 549.542 → 549.54 GBP; 12 months: 6,594.48
    expect(screen.getByTestId("proxy-adjusted").textContent).toBe("For this assessment: 646.52 EUR × 0.85 GBP per EUR (ECB euro reference rate, 2025-06-30) = 549.54 GBP");
    expect(screen.getByTestId("value-per-person").textContent).toBe("Value per person: £6,594.48 (12 × £549.54)");
    await user.click(use);
    const adjusted = workbook.useProxy.mock.calls[0][1].adjusted;
    expect(adjusted).toMatchObject({ status: "ready", value: 549.54, priceYear: 2025, conversion: { from: "EUR", to: "GBP", source: "ECB euro reference rate, 2025-06-30" } });
    expect(adjusted!.conversion!.rate.toNumber()).toBe(0.85);
  });

  test("in an assessment of 2022 prices, a proxy of 2020 is shown and used revalued with INSEE's index (646.52 × 112.01 ÷ 104.73 = 691.46)", async () => {
    const of2022 = { ...REFERENCE_ASSESSMENT, settings: { ...REFERENCE_ASSESSMENT.settings, currency: "EUR", period: "2022" } };
    const workbook = fakeWorkbook({
      findAssessments: async () => [{ suffix: "", assessment: of2022, sheetNames: SHEET_NAMES, problems: [] }],
      readWorkbookProxies: async () => [{ ...OWN_PROXY_2020 }],
    });
    const user = userEvent.setup();
    render(<App workbook={workbook} lang="en" />);
    await screen.findByRole("button", { name: /Community gardens/ });
    await user.click(screen.getByRole("button", { name: "Find a financial proxy" }));
    await user.type(await screen.findByRole("searchbox"), "Allowance 2020");
    const hit = await waitFor(() => hitNamed("Allowance 2020"));
    expect(hit.textContent).toContain("€691.46 in 2022 prices");
    await user.click(hit);
    expect(screen.getByTestId("proxy-adjusted").textContent).toBe("For this assessment: 646.52 in 2020 prices × 112.01 ÷ 104.73 (INSEE CPI, France, 2015=100) = 691.46 in 2022 prices");
    await user.click(screen.getByRole("button", { name: "Use this proxy" }));
    expect(workbook.useProxy.mock.calls[0][1].adjusted).toMatchObject({ value: 691.46, priceYear: 2022, rebase: { fromYear: 2020, toYear: 2022, index: "FR" } });
  });

  test("filters narrow the results (country United Kingdom: only UK proxies)", async () => {
    const { user } = await openLookup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Country" }), "UK");
    const shown = results().getAllByRole("button").map((b) => b.textContent ?? "");
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((t) => t.includes("£"))).toBe(true);
    expect(shown.some((t) => t.includes("€"))).toBe(false);
  });

  test("in French, names and labels are French", async () => {
    const { user, search } = await openLookup(fakeWorkbook(), "fr");
    await user.type(search, "bénévolat");
    expect(results().getAllByRole("button").length).toBeGreaterThan(0);
    expect(screen.getByRole("combobox", { name: "Méthode de valorisation" })).toBeTruthy();
  });
});

describe("the proxy lookup inside the guided setup fills the outcome, with warnings first", () => {
  test("a proxy in another currency than the assessment's is flagged, then fills name, value and source", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook();
    render(<App workbook={workbook} lang="en" />);
    await user.click(screen.getByRole("button", { name: "Start a new assessment" }));
    await user.click(await screen.findByRole("button", { name: "2. Stakeholders" })); // the setup loads on demand
    await user.click(screen.getByRole("button", { name: "Add a stakeholder" }));
    await user.type(screen.getByRole("textbox", { name: "Stakeholder" }), "Patients");
    await user.click(screen.getByRole("button", { name: "4. Outcomes" }));
    await user.click(screen.getByRole("button", { name: "Add an outcome for Patients" }));
    await user.click(screen.getByRole("button", { name: "Find a proxy" }));

    await user.selectOptions(await screen.findByRole("combobox", { name: "Currency" }), "GBP");
    const first = results().getAllByRole("button")[0];
    const name = first.querySelector("span > span")!.textContent!;
    await user.click(first);
    // the assessment is in EUR (the default), the proxy in GBP: a rate is asked first
    expect(screen.getByText("This proxy is in GBP; the assessment is in EUR.")).toBeTruthy();
    const use = screen.getByRole("button", { name: "Use this proxy" });
    expect(use.hasAttribute("disabled") || use.getAttribute("aria-disabled") === "true").toBe(true);
    const units = screen.getByRole("textbox", { name: "Units per person" });
    await user.clear(units);
    await user.type(units, "3");
    await user.type(screen.getByRole("textbox", { name: /Exchange rate: EUR for 1 GBP/ }), "1.17");
    await user.type(screen.getByLabelText("Date of the rate"), "2025-06-30");
    await user.type(screen.getByRole("textbox", { name: "Source of the rate" }), "ECB");
    await user.click(use);

    expect(workbook.useProxy).not.toHaveBeenCalled(); // nothing is written: the sheets do not exist yet
    expect((screen.getByRole("textbox", { name: "Financial proxy" }) as HTMLInputElement).value).toBe(name);
    expect((screen.getByRole("textbox", { name: "Proxy value" }) as HTMLInputElement).value).not.toBe("");
    expect((screen.getByRole("textbox", { name: "Proxy source" }) as HTMLInputElement).value).toMatch(/ GBP × 1\.17 EUR per GBP \(ECB, 2025-06-30\) = [\d,.]+ EUR$/);
    expect((screen.getByRole("textbox", { name: /^Units per person/ }) as HTMLInputElement).value).toBe("3");
  });
});

describe("units per person, asked before a proxy is used", () => {
  test("a proxy per day implies no count: the box starts blank and the proxy cannot be used until units are given", async () => {
    const workbook = fakeWorkbook();
    const { user, search } = await openLookup(workbook);
    await user.type(search, "hospital day");
    const perDay = results().getAllByRole("button").find((b) => /per day/.test(b.textContent ?? ""))!;
    await user.click(perDay);
    const units = screen.getByRole("textbox", { name: "Units per person" }) as HTMLInputElement;
    expect(units.value).toBe("");
    expect(screen.getByText(/say how many units one person's change is worth/)).toBeTruthy();
    const use = screen.getByRole("button", { name: "Use this proxy" });
    expect(use.hasAttribute("disabled") || use.getAttribute("aria-disabled") === "true").toBe(true);
    await user.type(units, "-2");
    expect(screen.getByText("Enter a number of units, zero or more.")).toBeTruthy();
    await user.clear(units);
    await user.type(units, "4");
    await user.click(use);
    expect(workbook.useProxy.mock.calls[0][1]).toEqual(expect.objectContaining({ overwrite: false, units: 4 }));
  });

  test("in French, the units are typed with a decimal comma and the value per person is French", async () => {
    const workbook = fakeWorkbook();
    const { user, search } = await openLookup(workbook, "fr");
    await user.type(search, "RSA");
    await user.click(hitNamed("RSA montant forfaitaire, personne seule sans enfant"));
    const units = screen.getByRole("textbox", { name: "Unités par personne" });
    expect((units as HTMLInputElement).value).toBe("12");
    await user.clear(units);
    await user.type(units, "7,5");
    // 646,52 × 7,5 = 4 848,90
    expect(screen.getByTestId("value-per-person").textContent).toBe("Valeur par personne\u00a0: 4\u202f848,90\u202f€ (7,5 × 646,52\u202f€)");
    await user.click(screen.getByRole("button", { name: "Utiliser ce proxy" }));
    expect(workbook.useProxy.mock.calls[0][1]).toEqual(expect.objectContaining({ overwrite: false, units: 7.5 }));
  });
});

describe("import proxies: a report row by row, nothing written until confirmed", () => {
  const HEADER = "id,name_en,name_fr,value,currency,unit,price_year,country,theme,method,source,url,notes";

  test("a file with a bad row is refused with its reason, and nothing is written", async () => {
    const workbook = fakeWorkbook();
    const { user } = await openLookup(workbook);
    await user.click(screen.getByRole("button", { name: "Import or export" }));
    const csv = [HEADER, "ORG-A,Meal,Repas,8.5,EUR,per meal,2025,FR,poverty,market equivalent,Accounts,,", "ORG-B,Taxi,Taxi,abc,EUR,per trip,2025,FR,,market equivalent,Quote,,"].join("\n");
    await user.click(screen.getByRole("textbox", { name: /Or paste cells/ }));
    await user.paste(csv);
    await user.click(screen.getByRole("button", { name: "Check" }));
    const report = within(screen.getByTestId("import-report"));
    expect(report.getByText("Rows that can be imported: 1. Rows refused: 1.")).toBeTruthy();
    expect(report.getByText(/^Row 3, value: "abc" is not a number\.$/i)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Import into the Proxies sheet/ })).toBeNull();
    expect(workbook.writeWorkbookProxies).not.toHaveBeenCalled();
  });

  test("a clean file is written only when the user confirms, formula-looking text kept as text", async () => {
    const workbook = fakeWorkbook();
    const { user } = await openLookup(workbook);
    await user.click(screen.getByRole("button", { name: "Import or export" }));
    const csv = [HEADER, "ORG-A,Meal,Repas,8.5,EUR,per meal,2025,FR,poverty,market equivalent,=HYPERLINK(1),,"].join("\n");
    await user.click(screen.getByRole("textbox", { name: /Or paste cells/ }));
    await user.paste(csv);
    await user.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getByText(/"=HYPERLINK\(1\)" starts like a formula; it is kept as text\./)).toBeTruthy();
    expect(workbook.writeWorkbookProxies).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Import into the Proxies sheet (1)" }));
    expect(workbook.writeWorkbookProxies).toHaveBeenCalledTimes(1);
    expect(workbook.writeWorkbookProxies.mock.calls[0][0]).toEqual([expect.objectContaining({ id: "ORG-A", value: 8.5, source: "=HYPERLINK(1)" })]);
    expect(await screen.findByText("The Proxies sheet was created. Proxies written: 1.")).toBeTruthy();
  });

  test("a CSV file saved by French Excel (';', decimal commas, Windows-1252) is read through the file picker", async () => {
    const workbook = fakeWorkbook();
    const { user } = await openLookup(workbook);
    await user.click(screen.getByRole("button", { name: "Import or export" }));
    const text = "id;name_en;name_fr;value;currency;unit;price_year;country;theme;method;source\r\nORG-SUMMER;Summer meal;Repas d'été;8,50;EUR;per meal;2025;FR;poverty;market equivalent;Nos comptes\r\n";
    // Windows-1252: "é" is the single byte 0xE9 (not UTF-8's two bytes)
    const bytes = Uint8Array.from([...text].map((ch) => (ch === "é" ? 0xe9 : ch.charCodeAt(0))));
    await user.upload(screen.getByLabelText("CSV file"), new File([bytes], "proxies.csv", { type: "text/csv" }));
    const check = screen.getByRole("button", { name: "Check" }) as HTMLButtonElement;
    await waitFor(() => expect(check.disabled).toBe(false)); // the file is read asynchronously
    await user.click(check);
    await user.click(await screen.findByRole("button", { name: "Import into the Proxies sheet (1)" }));
    expect(workbook.writeWorkbookProxies.mock.calls[0][0]).toEqual([expect.objectContaining({ id: "ORG-SUMMER", nameFr: "Repas d'été", value: 8.5, currency: "EUR" })]);
  });

  test("export with no Proxies sheet says so", async () => {
    const { user } = await openLookup();
    await user.click(screen.getByRole("button", { name: "Import or export" }));
    await user.click(screen.getByRole("button", { name: "Export the workbook's proxies to CSV" }));
    expect(await screen.findByText("This workbook has no Proxies sheet yet.")).toBeTruthy();
  });
});
