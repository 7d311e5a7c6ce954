/**
 * End to end: the value game recorder in the BUILT task pane, in headless chromium against the Excel
 * double. A game of three benefits from the starter goods, five participants recorded (two skips),
 * three proxies saved; what the workbook then holds is read back from the double. Screenshots of each
 * step, in English and in French, go to test-artifacts/screenshots-value-game/.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, OFFICE_JS, buildOfficeDouble, buildTaskPane, functionMetadataFor, serve } from "./harness";
import { requireTool } from "../setup/requiredTool";

const SHOTS = resolve(__dirname, "../../test-artifacts/screenshots-value-game");
const WIDTH = 340; // the usual Office task pane width

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let officeDouble: string;
let dist: string;
const pageErrors: string[] = [];

async function openPane(displayLanguage: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: WIDTH, height: 760 } });
  p.on("pageerror", (e) => pageErrors.push(String(e)));
  await p.addInitScript(([lang, metadata]) => Object.assign(window, { __displayLanguage: lang, __functionMetadata: metadata }), [displayLanguage, functionMetadataFor(dist, displayLanguage)] as const);
  await p.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: officeDouble });
    if (url.startsWith(site.url) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    return route.abort();
  });
  await p.goto(`${site.url}/taskpane.html`);
  return p;
}

/** Saves the pane as it looks now, and checks that nothing sticks out sideways at the pane's width. */
async function screenshot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const overflow = await p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getBoundingClientRect().width > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} right=${Math.round(el.getBoundingClientRect().right)}`);
  });
  expect({ name, overflow }).toEqual({ name, overflow: [] });
}

/** A table of the double's workbook: its header row and its body values. */
function tableValues(p: Page, name: string): Promise<unknown[][]> {
  return p.evaluate((n) => {
    type Cell = { value: unknown };
    type Box = { row: number; column: number; rows: number; columns: number };
    const wb = (window as unknown as { __workbook: { tables: { name: string; sheet: { cell(r: number, c: number): Cell | undefined }; box: Box }[] } }).__workbook;
    const t = wb.tables.find((x) => x.name === n);
    if (!t) return [];
    return Array.from({ length: t.box.rows }, (_, r) => Array.from({ length: t.box.columns }, (_, c) => t.sheet.cell(t.box.row + r, t.box.column + c)?.value ?? null));
  }, name);
}

const haveChromium = requireTool(`Chromium at ${CHROMIUM.executablePath}`, existsSync(CHROMIUM.executablePath), "apt-get install chromium");

(haveChromium ? describe : describe.skip)("the value game recorder, end to end", () => {
  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    const [built, double] = await Promise.all([buildTaskPane(), buildOfficeDouble()]);
    dist = built;
    officeDouble = double;
    site = await serve(dist);
    browser = await chromium.launch(CHROMIUM);
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  test("English: five participants become three proxies with median and range, in the workbook", async () => {
    const page = await openPane("en-GB");
    await page.getByRole("button", { name: "Run a value game" }).click();
    await page.getByRole("heading", { name: "Value game" }).waitFor();
    await page.getByLabel("Benefit 1", { exact: true }).fill("Confidence");
    await page.getByRole("button", { name: "Add a benefit" }).click();
    await page.getByLabel("Benefit 2", { exact: true }).fill("New friends");
    await page.getByRole("button", { name: "Add a benefit" }).click();
    await page.getByLabel("Benefit 3", { exact: true }).fill("Less isolation");
    await screenshot(page, "en-1-define");
    await page.getByRole("button", { name: "Create the Value game sheet and start" }).click();
    await page.getByRole("heading", { name: "Record a participant" }).waitFor();

    const CINEMA = "Cinema ticket (average price paid)";
    const HAIRCUT = "Man's visit to the hairdresser (average bill)";
    const ESPRESSO = "Cup of coffee (espresso) in a café";
    const PHONE = "New smartphone (average price)";
    const BAGUETTE = "Baguette of bread (250 g)";
    const HOLIDAY = "Summer holiday (average household budget)";
    const SKIP = "Skipped";
    const picks: string[][] = [
      [CINEMA, HAIRCUT, PHONE],
      [HAIRCUT, SKIP, HOLIDAY],
      [ESPRESSO, CINEMA, HAIRCUT],
      [PHONE, BAGUETTE, PHONE],
      [CINEMA, HAIRCUT, SKIP],
    ];
    for (const [k, row] of picks.entries()) {
      for (const [b, benefit] of ["Confidence", "New friends", "Less isolation"].entries()) {
        await page.getByLabel(benefit, { exact: true }).selectOption(row[b] === SKIP ? { label: SKIP } : { value: row[b] });
      }
      if (k === 1) await screenshot(page, "en-2-record");
      await page.getByRole("button", { name: "Record this participant" }).click();
      await page.getByText(`Participant ${k + 1} was recorded in the sheet “Value game”.`).waitFor();
    }
    await page.getByText("Participants recorded: 5").waitFor();
    const results = page.getByRole("table", { name: "Results per benefit" });
    // hand-computed: Confidence 1.56, 7.24, 7.24, 21, 446 → median 7.24; New friends 0.94, 7.24, 21, 21 →
    // (7.24 + 21) / 2 = 14.12; Less isolation 21, 446, 446, 1512 → (446 + 446) / 2 = 446
    expect(await results.getByRole("row").allInnerTexts()).toEqual([
      expect.stringMatching(/^Benefit\s+Placed by\s+Median\s+Range$/),
      expect.stringMatching(/^Confidence\s[\s\S]*\s5\s+€7\.24\s+€1\.56 to €446\.00$/),
      expect.stringMatching(/^New friends\s[\s\S]*Skipped by 1\s+4\s+€14\.12\s+€0\.94 to €21\.00$/),
      expect.stringMatching(/^Less isolation\s[\s\S]*Skipped by 1\s+4\s+€446\.00\s+€21\.00 to €1,512\.00$/),
    ]);
    await page.getByRole("button", { name: "Save as proxies" }).click();
    await page.getByText("The Proxies sheet was created. Proxies written: 3.").waitFor();
    await screenshot(page, "en-3-results-saved");

    // the workbook: 15 placements (a skip is a blank good), 3 proxies with the medians
    const placements = await tableValues(page, "SroiValueGamePlacements");
    expect(placements[0]).toEqual(["Participant", "Benefit", "Good (blank: skipped)"]);
    expect(placements.slice(1)).toHaveLength(15);
    expect(placements[5]).toEqual(["Participant 2", "New friends", ""]);
    const proxies = await tableValues(page, "SroiProxies");
    const col = (h: string) => proxies[0].indexOf(h);
    expect(proxies.slice(1).map((r) => [r[col("Name (English)")], r[col("Value")], r[col("Currency")], r[col("Valuation method")]])).toEqual([
      ["Confidence", 7.24, "EUR", "value game"],
      ["New friends", 14.12, "EUR", "value game"],
      ["Less isolation", 446, "EUR", "value game"],
    ]);
    expect(String(proxies[1][col("Source")])).toMatch(/^Value game of \d{4}-\d{2}-\d{2}: 5 participant\(s\), range 1\.56 to 446 EUR$/);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 180_000);

  test("French: « Jeu de la valeur », the French starter goods, one participant recorded", async () => {
    const page = await openPane("fr-FR");
    await page.getByRole("button", { name: "Animer un jeu de la valeur" }).click();
    await page.getByRole("heading", { name: "Jeu de la valeur" }).waitFor();
    expect(await page.getByLabel("Bien", { exact: true }).first().inputValue()).toBe("Baguette de pain (250 g)");
    await page.getByLabel("Bénéfice 1", { exact: true }).fill("Confiance en soi");
    await screenshot(page, "fr-1-define");
    await page.getByRole("button", { name: "Créer la feuille Jeu de la valeur et commencer" }).click();
    await page.getByRole("heading", { name: "Enregistrer un participant" }).waitFor();
    await page.getByLabel("Confiance en soi", { exact: true }).selectOption({ value: "Place de cinéma (prix moyen payé)" });
    await page.getByRole("button", { name: "Enregistrer ce participant" }).click();
    await page.getByText(/^Participant 1 a été enregistré dans la feuille «\sJeu de la valeur\s»\.$/).waitFor();
    await screenshot(page, "fr-2-recorded");
    const goods = await tableValues(page, "SroiValueGameGoods");
    expect(goods[0]).toEqual(["Bien", "Prix", "Devise", "Année des prix", "Source", "Lien"]);
    expect(goods[1].slice(0, 4)).toEqual(["Baguette de pain (250 g)", 0.94, "EUR", 2022]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 180_000);
});
