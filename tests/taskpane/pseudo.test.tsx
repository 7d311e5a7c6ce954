/** @jest-environment jsdom */
import "./jsdom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { fakeWorkbook } from "./fakeWorkbook";
// The accessible-name algorithm Testing Library itself uses (its dependency); its package.json
// "exports" hides the type declarations from the bundler resolution of tsconfig.json, hence require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { computeAccessibleName } = require("dom-accessibility-api") as { computeAccessibleName(el: Element): string };

/**
 * Also checks that every control on the screen has a label.
 * In pseudo-localization every string of the pane reads ⟦Šţéþ…⟧. Any other visible text with letters
 * was written straight into a component instead of src/i18n: this lists it. Currency codes (EUR)
 * are data, not language. `skip` leaves out elements that show the user's or the workbook's data.
 */
function untranslated(skip: string[] = []): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    const parent = node.parentElement!;
    if (!/[A-Za-z]/.test(text) || text.includes("⟦") || /^[A-Z]{3}$/.test(text)) continue;
    if (parent.closest("style, script, textarea") || skip.some((s) => parent.closest(s))) continue;
    found.push(text);
  }
  // Labels and hints given as attributes are read out by screen readers: check them too.
  for (const el of document.body.querySelectorAll("[aria-label], [placeholder], [title]")) {
    for (const attr of ["aria-label", "placeholder", "title"]) {
      const v = el.getAttribute(attr);
      if (v && /[A-Za-z]/.test(v) && !v.includes("⟦")) found.push(`${attr}=${v}`);
    }
  }
  // Every control must have an accessible name (a label), or a screen reader reads "edit text".
  for (const el of document.body.querySelectorAll("input, select, textarea, button")) {
    if (computeAccessibleName(el).trim() === "") found.push(`unlabelled ${el.outerHTML.slice(0, 80)}`);
  }
  return found;
}

const button = (name: RegExp) => screen.getByRole("button", { name });

describe("pseudo-localization: no text of the pane escapes translation", () => {
  test("home, too-old message", () => {
    render(<App workbook={fakeWorkbook({ checkRequirements: () => ({ ok: false, missing: ["ExcelApi 1.7"] }) })} lang="pseudo" />);
    expect(untranslated()).toEqual([]);
  });

  test("home, every step of the setup (with problems shown), the review and the done screen", async () => {
    const user = userEvent.setup();
    const workbook = fakeWorkbook({
      scaffoldAssessment: async (a) => ({
        found: { suffix: "", assessment: a, sheetNames: { settings: "S", stakeholders: "St", inputs: "I", impactMap: "Impact map (2)", projection: "P", results: "R", summary: "Su", sensitivity: "Se", proxies: "" }, problems: [] },
        syncs: 3,
        renamed: [{ key: "impactMap", wanted: "Impact map", got: "Impact map (2)" }],
      }),
    });
    render(<App workbook={workbook} lang="pseudo" />);
    await screen.findByText(/⟦Ñö àššéššméñt/); // found none
    expect(untranslated()).toEqual([]);

    await user.click(button(/Štàrt à ñéw/));
    await screen.findAllByRole("combobox"); // the setup loads on demand
    for (const preset of ["franceStrategie", "lowRate", "custom"]) {
      await user.selectOptions(screen.getAllByRole("combobox")[1], preset); // after the kind of assessment
      expect(untranslated()).toEqual([]);
    }
    await user.type(screen.getAllByRole("textbox").at(-3)!, "x"); // the custom rate box (before years shown and price year): a problem shown
    expect(untranslated()).toEqual([]);

    await user.click(button(/^2\./));
    await user.click(button(/Ådd à štàkéhöldér/));
    await user.type(screen.getAllByRole("textbox")[1], "many"); // number in group: not a number
    expect(untranslated()).toEqual([]);

    await user.click(button(/^3\./));
    await user.click(button(/Ådd àñ ïñpüt/));
    await user.selectOptions(screen.getByRole("combobox"), "time");
    await user.type(screen.getAllByRole("textbox")[1], "ten");
    expect(untranslated()).toEqual([]);

    await user.click(button(/^4\./));
    await user.click(button(/Ådd àñ öütçömé/));
    await user.type(screen.getAllByRole("textbox")[5], "1"); // quantity (after activity, output, description, indicator, source)
    await user.type(screen.getAllByRole("textbox")[11], "25"); // deadweight: looks whole
    expect(untranslated()).toEqual([]);

    await user.click(button(/^5\./));
    expect(untranslated()).toEqual([]); // the problems list

    await user.click(button(/^3\./));
    await user.click(screen.getAllByRole("button", { name: /Rémövé/ })[0]);
    await user.click(button(/^4\./));
    await user.click(screen.getAllByRole("button", { name: /Rémövé/ })[0]);
    await user.click(button(/^1\./));
    await user.selectOptions(screen.getAllByRole("combobox")[1], "greenBook"); // the mistyped custom rate is gone
    await user.click(button(/^5\./));
    expect(untranslated()).toEqual([]); // the results
    await user.click(button(/Çréàté thé šhéétš/));
    await screen.findByText(/Thé šhéétš àré réàdý/);
    expect(untranslated(["[data-testid=sheets]"])).toEqual([]);
  });

  test("proxy lookup: search, filters, no result, import report, export", async () => {
    const user = userEvent.setup();
    render(<App workbook={fakeWorkbook()} lang="pseudo" />);
    await user.click(button(/Fïñd à fïñàñçïàl pröxý/));
    const search = await screen.findByRole("searchbox");
    await user.type(search, "zzzqqqxxx");
    // the filter options are labels from src/i18n/proxies (country, theme, method names): marked too
    expect(untranslated()).toEqual([]);

    await user.click(button(/Ïmpört ör éxpört/));
    expect(untranslated()).toEqual([]);
    await user.click(screen.getAllByRole("textbox").at(-1)!);
    await user.paste("id,name_en,value\nA,Meal,abc\n");
    await user.click(button(/Çhéçk/));
    expect(untranslated()).toEqual([]);
    await user.click(button(/Éxpört/));
    await screen.findByText(/Thïš wörkböök hàš ñö/);
    expect(untranslated()).toEqual([]);
  });

  test("proxy details with warnings", async () => {
    const user = userEvent.setup();
    render(<App workbook={fakeWorkbook()} lang="pseudo" />);
    await user.click(button(/Fïñd à fïñàñçïàl pröxý/));
    await user.type(await screen.findByRole("searchbox"), "HACT");
    await user.click(screen.getAllByRole("listitem")[0].querySelector("button")!);
    // the proxy's own name, source and notes are data from the library
    expect(untranslated(["h1", "[data-testid=proxy-details] dd"])).toEqual([]);
  });
});
