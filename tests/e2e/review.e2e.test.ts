/**
 * End to end: the Review screen (issue #11 item 4) of the BUILT task pane in headless chromium,
 * against the in-memory Excel double, in English and in French. A short setup writes the method
 * document's reference case (§8) without a proxy source; the Done screen opens the Review, whose
 * check selects the proxy-source cell in the workbook; Home opens it again. Screenshots in
 * test-artifacts/screenshots-review/review-*.png.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM, OFFICE_JS, buildOfficeDouble, buildTaskPane, functionMetadataFor, serve } from "./harness";
import { OUTCOMES, cellOf } from "../../src/layout/columns";
import { requireTool } from "../setup/requiredTool";

// Its own folder: setup.e2e.test.ts empties test-artifacts/screenshots/ when it starts, in any order.
const SHOTS = join(resolve(__dirname, "../../test-artifacts"), "screenshots-review");
const WIDTH = 340;

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let officeDouble: string;
let dist: string;
const pageErrors: string[] = [];

async function openPane(displayLanguage: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: WIDTH, height: 760 }, acceptDownloads: true });
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

/** Elements whose right edge passes the pane's width (they would need sideways scrolling). */
function overflowing(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getBoundingClientRect().width > 0)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} right=${Math.round(el.getBoundingClientRect().right)}`);
  });
}

async function screenshot(p: Page, name: string) {
  await p.screenshot({ path: join(SHOTS, `review-${name}.png`), fullPage: true });
  expect({ name, overflow: await overflowing(p) }).toEqual({ name, overflow: [] });
}

/** The double's selection: sheet and top-left cell. */
const selection = (p: Page) =>
  p.evaluate(() => {
    const s = (window as unknown as { __workbook: { selection: { sheet: { name: string }; box: { row: number; column: number } } | null } }).__workbook.selection;
    if (!s) return null;
    let n = s.box.column + 1;
    let letters = "";
    while (n > 0) {
      const m = (n - 1) % 26;
      letters = String.fromCharCode(65 + m) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return { sheet: s.sheet.name, address: `${letters}${s.box.row + 1}` };
  });

interface Words {
  start: string;
  organisation: string;
  title: string;
  currency: string;
  step2: string;
  addStakeholder: string;
  stakeholder: string;
  involvement: string;
  step3: string;
  addInput: string;
  description: string;
  amount: string;
  step4: string;
  addOutcome: string;
  outcome: [string, string][];
  step5: string;
  create: string;
}

const WORDS: Record<"en" | "fr", Words> = {
  en: {
    start: "Start a new assessment",
    organisation: "Organisation",
    title: "Title of the assessment",
    currency: "Currency",
    step2: "2. Stakeholders",
    addStakeholder: "Add a stakeholder",
    stakeholder: "Stakeholder",
    involvement: "How involved",
    step3: "3. Inputs",
    addInput: "Add an input for Participants",
    description: "Description",
    amount: "Amount",
    step4: "4. Outcomes",
    addOutcome: "Add an outcome for Participants",
    outcome: [
      ["Outcome (what changes)", "Back in work"],
      ["Source of the indicator", "Follow-up survey"],
      ["Quantity", "10"],
      ["Duration (years)", "3"],
      ["Proxy value", "1,000"],
      ["Deadweight", "20%"],
      ["Attribution", "25 %"],
      ["Drop-off", "0.1"],
    ],
    step5: "5. Review and create",
    create: "Create the sheets",
  },
  fr: {
    start: "Commencer une nouvelle évaluation",
    organisation: "Organisation",
    title: "Titre de l'évaluation",
    currency: "Devise",
    step2: "2. Parties prenantes",
    addStakeholder: "Ajouter une partie prenante",
    stakeholder: "Partie prenante",
    involvement: "Implication",
    step3: "3. Contributions",
    addInput: "Ajouter une contribution de Participants",
    description: "Description",
    amount: "Montant",
    step4: "4. Effets",
    addOutcome: "Ajouter un effet pour Participants",
    outcome: [
      ["Effet (ce qui change)", "Retour à l'emploi"],
      ["Source de l'indicateur", "Enquête de suivi"],
      ["Quantité", "10"],
      ["Durée (années)", "3"],
      ["Valeur du proxy", "1 000"],
      ["Point mort", "20 %"],
      ["Attribution", "25 %"],
      ["Décroissance", "0,1"],
    ],
    step5: "5. Vérifier et créer",
    create: "Créer les feuilles",
  },
};

/** The reference case of §8 through the guided setup, without a proxy source (a check fires). */
async function setUp(p: Page, w: Words) {
  await p.getByRole("button", { name: w.start }).click();
  await p.getByLabel(w.organisation, { exact: true }).fill("Jardins Partagés");
  await p.getByLabel(w.title, { exact: true }).fill("Community gardens");
  await p.getByLabel(w.currency, { exact: true }).fill("GBP");
  await p.getByRole("button", { name: w.step2 }).click();
  await p.getByRole("button", { name: w.addStakeholder }).click();
  await p.getByLabel(w.stakeholder, { exact: true }).fill("Participants");
  await p.getByLabel(w.involvement, { exact: true }).fill("Weekly sessions");
  await p.getByRole("button", { name: w.step3 }).click();
  await p.getByRole("button", { name: w.addInput }).click();
  await p.getByLabel(w.description, { exact: true }).fill("Grant");
  await p.getByLabel(w.amount, { exact: true }).fill(w === WORDS.fr ? "10 000" : "10,000");
  await p.getByRole("button", { name: w.step4 }).click();
  await p.getByRole("button", { name: w.addOutcome }).click();
  for (const [label, text] of w.outcome) await p.getByLabel(label, { exact: true }).fill(text);
  await p.getByRole("button", { name: w.step5 }).click();
  await p.getByRole("button", { name: w.create }).click();
}

const haveChromium = requireTool(`Chromium at ${CHROMIUM.executablePath}`, existsSync(CHROMIUM.executablePath), "apt-get install chromium");

(haveChromium ? describe : describe.skip)("the Review screen, end to end", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const f of ["en-1-done", "en-2-review", "en-3-selected", "en-3b-recomputed", "en-4-from-home", "fr-1-review", "fr-2-selected"]) rmSync(join(SHOTS, `review-${f}.png`), { force: true });
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

  test("English: from Done, the ratio, a check that selects its cell, the tornado; from Home again", async () => {
    const p = await openPane("en-GB");
    await setUp(p, WORDS.en);
    await p.getByRole("heading", { name: "The sheets are ready" }).waitFor();
    await screenshot(p, "en-1-done");
    await p.getByRole("button", { name: "Review checks and sensitivity" }).click();
    await p.getByRole("heading", { name: "Review: Community gardens", level: 1 }).waitFor();
    // §8: PV 15,221.50 ÷ 10,000 = 1.52 : 1
    expect(await p.getByTestId("review-ratio").innerText()).toBe("1.52 : 1");
    await p.getByRole("heading", { name: "Checks against over-claiming (1)" }).waitFor();
    await p.getByText(/^Outcome 1: the financial proxy has no source/).waitFor();
    // the tornado: duration first (2 to 4 years: 1.08 to 1.90 : 1), its break-even 2 years
    const first = p.getByTestId("tornado").getByRole("listitem").first();
    expect(await first.getAttribute("data-field")).toBe("duration");
    await first.getByText("1.08 to 1.90 : 1").waitFor();
    await first.getByText("Break-even: 2 years").waitFor();
    await screenshot(p, "en-2-review");

    await p.getByRole("button", { name: "Show in the workbook: outcome 1, Proxy source" }).click();
    const at = cellOf(OUTCOMES, "proxySource", 0);
    await p.getByText(`Selected ${at} in the sheet “Impact map”.`).waitFor();
    expect(await selection(p)).toEqual({ sheet: "Impact map", address: at });
    await screenshot(p, "en-3-selected");

    // Recompute: the user doubles the participants in the impact map (20 instead of 10); the stored
    // sensitivity values go stale; Recompute reads the workbook as it is now and writes them again
    const quantityAt = cellOf(OUTCOMES, "quantity", 0);
    const stored = () =>
      p.evaluate(() => {
        const w = window as unknown as { __recalculate: () => void; __evaluateName: (n: string) => unknown };
        w.__recalculate();
        return { pv: w.__evaluateName("SroiSensitivityPV"), status: w.__evaluateName("SroiSensitivityStatus") };
      });
    expect(await stored()).toEqual({ pv: expect.closeTo(15221.5, 1), status: expect.stringMatching(/^Up to date/) });
    await p.evaluate(async (address) => {
      const w = window as unknown as { Excel: typeof Excel };
      await w.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Impact map").getRange(address).values = [[20]];
        await context.sync();
      });
    }, quantityAt);
    expect((await stored()).status).toMatch(/^Stale/);
    await p.getByRole("button", { name: "Recompute sensitivity" }).click();
    await p.getByText(/^Sensitivity recomputed from the workbook as it is now/).waitFor();
    // 20 × 1,000 × 0.8 × 0.75 = 12,000 in year 1, twice the reference case: PV 2 × 15,221.50
    expect(await stored()).toEqual({ pv: expect.closeTo(30443.0, 1), status: expect.stringMatching(/^Up to date/) });
    expect(await p.getByTestId("review-ratio").innerText()).toBe("3.04 : 1");
    await screenshot(p, "en-3b-recomputed");

    await p.getByRole("button", { name: "Back to the start" }).click();
    await p.getByRole("button", { name: "Review checks and sensitivity: assessment 1" }).click();
    await p.getByRole("heading", { name: "Review: Community gardens", level: 1 }).waitFor();
    await screenshot(p, "en-4-from-home");
    expect(pageErrors).toEqual([]);
    await p.close();
  }, 180_000);

  test("French: the same review in French, and its check selects the cell of the French impact map", async () => {
    const p = await openPane("fr-FR");
    await p.setViewportSize({ width: 320, height: 760 });
    await setUp(p, WORDS.fr);
    await p.getByRole("heading", { name: "Les feuilles sont prêtes" }).waitFor();
    await p.getByRole("button", { name: "Revoir les contrôles et la sensibilité" }).click();
    await p.getByRole("heading", { name: "Revue\u00a0: Community gardens", level: 1 }).waitFor();
    expect(await p.getByTestId("review-ratio").innerText()).toBe("1,52\u00a0: 1");
    await p.getByText(/^Effet 1\s:\sle proxy financier n'a pas de source/).waitFor();
    await p.getByText("Point d'équilibre\u00a0: 2 ans").waitFor();
    await screenshot(p, "fr-1-review");
    await p.getByRole("button", { name: "Voir dans le classeur\u00a0: effet 1, Source (proxy)" }).click();
    const at = cellOf(OUTCOMES, "proxySource", 0);
    await p.getByText(`Cellule ${at} sélectionnée dans la feuille «\u00a0Carte des impacts\u00a0».`).waitFor();
    expect(await selection(p)).toEqual({ sheet: "Carte des impacts", address: at });
    await screenshot(p, "fr-2-selected");
    expect(pageErrors).toEqual([]);
    await p.close();
  }, 180_000);
});
