/** @jest-environment jsdom */
/**
 * The value game recorder in the task pane, against the workbook fake: a game defined from the starter
 * goods, five participants recorded one by one, three proxies saved; a game resumed from the sheet.
 * Expected medians and ranges are worked by hand from the starter prices (data/value-game-goods.csv).
 */
import "./jsdom";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { ValueGame } from "../../src/layout/valueGame";
import type { Proxy } from "../../src/proxies/types";
import { fakeWorkbook, type FakeWorkbook } from "./fakeWorkbook";

async function openGame(workbook: FakeWorkbook, lang: "en" | "fr" = "en") {
  const user = userEvent.setup({ delay: null });
  render(<App workbook={workbook} lang={lang} />);
  await user.click(await screen.findByRole("button", { name: lang === "en" ? "Run a value game" : "Animer un jeu de la valeur" }));
  await screen.findByRole("heading", { name: lang === "en" ? "Value game" : "Jeu de la valeur" });
  await waitFor(() => expect(screen.queryByText(/Looking for a value game|Recherche d'un jeu/)).toBeNull());
  return user;
}

// Starter goods in euros (EN names) and their prices
const CINEMA = "Cinema ticket (average price paid)"; // 7.24
const HAIRCUT = "Man's visit to the hairdresser (average bill)"; // 21
const ESPRESSO = "Cup of coffee (espresso) in a café"; // 1.56
const PHONE = "New smartphone (average price)"; // 446
const BAGUETTE = "Baguette of bread (250 g)"; // 0.94
const HOLIDAY = "Summer holiday (average household budget)"; // 1512
const SKIP = "Skipped";

type User = ReturnType<typeof userEvent.setup>;
/** Records a participant under the default name ("Participant 3"), or the name typed. */
async function recordParticipant(user: User, name: string, picks: Record<string, string>, typed = false) {
  if (typed) await user.type(screen.getByRole("textbox", { name: /^Participant/ }), name);
  else expect(screen.getByText(name)).toBeTruthy(); // the default name, shown as the box's hint
  // a choice in each benefit's list, as the browser reports it (a change event on the <select>; the
  // pointer events userEvent would add first make this test several times slower and prove no more)
  for (const [benefit, good] of Object.entries(picks)) {
    const select = screen.getByLabelText(benefit) as HTMLSelectElement;
    const option = [...select.options].find((o) => (o.textContent ?? "").startsWith(good === SKIP ? SKIP : `${good} — `))!;
    fireEvent.change(select, { target: { value: option.value } });
  }
  await user.click(screen.getByRole("button", { name: "Record this participant" }));
  await screen.findByText(`${name} was recorded in the sheet “Value game”.`);
}

describe("value game: five participants become three proxies with median and range", () => {
  test("define, record five participants (two skips), see the statistics, save three proxies", async () => {
    const workbook = fakeWorkbook();
    const user = await openGame(workbook);

    // the starter set is offered in euros, with its sources
    expect(screen.getByRole("combobox", { name: /Currency of the goods/ })).toHaveProperty("value", "EUR");
    expect(screen.getAllByRole("group", { name: /^Good \d+$/ })).toHaveLength(6);
    const name = async (label: string, text: string) => {
      await user.click(screen.getByLabelText(label));
      await user.paste(text);
    };
    await name("Benefit 1", "Confidence");
    await user.click(screen.getByRole("button", { name: "Add a benefit" }));
    await name("Benefit 2", "New friends");
    await user.click(screen.getByRole("button", { name: "Add a benefit" }));
    await name("Benefit 3", "Less isolation");
    await user.click(screen.getByRole("button", { name: "Create the Value game sheet and start" }));

    await screen.findByRole("heading", { name: "Record a participant" });
    const started = workbook.startValueGame.mock.calls[0][0];
    expect(started.benefits).toEqual(["Confidence", "New friends", "Less isolation"]);
    expect(started.goods.map((g) => [g.name, g.price, g.currency, g.priceYear])).toContainEqual([CINEMA, 7.24, "EUR", 2022]);
    expect(started.goods.find((g) => g.name === CINEMA)!.source).toMatch(/^CNC, Bilan 2022/);

    await recordParticipant(user, "Ann", { Confidence: CINEMA, "New friends": HAIRCUT, "Less isolation": PHONE }, true);
    await recordParticipant(user, "Participant 2", { Confidence: HAIRCUT, "New friends": SKIP, "Less isolation": HOLIDAY });
    await recordParticipant(user, "Participant 3", { Confidence: ESPRESSO, "New friends": CINEMA, "Less isolation": HAIRCUT });
    await recordParticipant(user, "Participant 4", { Confidence: PHONE, "New friends": BAGUETTE, "Less isolation": PHONE });
    await recordParticipant(user, "Participant 5", { Confidence: CINEMA, "New friends": HAIRCUT, "Less isolation": SKIP });

    // each participant went to the sheet as it was recorded, a skip as a blank good
    expect(workbook.appendValueGame).toHaveBeenCalledTimes(5);
    expect(workbook.appendValueGame.mock.calls[1][0].placements).toEqual([
      { participant: "Participant 2", benefit: "Confidence", good: HAIRCUT },
      { participant: "Participant 2", benefit: "New friends", good: null },
      { participant: "Participant 2", benefit: "Less isolation", good: HOLIDAY },
    ]);
    expect(screen.getByText("Participants recorded: 5")).toBeTruthy();

    const rows = within(screen.getByRole("table", { name: "Results per benefit" })).getAllByRole("row").slice(1);
    const cells = (k: number) => within(rows[k]).getAllByRole("cell").slice(1).map((c) => c.textContent);
    // Confidence: 1.56, 7.24, 7.24, 21, 446 → median 7.24 (3rd of 5), range 1.56–446
    expect(cells(0)).toEqual(["5", "€7.24", "€1.56 to €446.00"]);
    // New friends (participant 2 skipped): 0.94, 7.24, 21, 21 → median (7.24 + 21) / 2 = 14.12, range 0.94–21
    expect(cells(1)).toEqual(["4", "€14.12", "€0.94 to €21.00"]);
    expect(within(rows[1]).getByText("Skipped by 1")).toBeTruthy();
    // P25 = 0.94 + 0.75 × (7.24 − 0.94) = 5.665 → €5.67 (shown rounded); P75 = 21 + 0.25 × (21 − 21) = 21
    expect(within(rows[1]).getByText("Middle half (P25–P75): €5.67 to €21.00")).toBeTruthy();
    // Less isolation (participant 5 skipped): 21, 446, 446, 1512 → median (446 + 446) / 2 = 446, range 21–1512
    expect(cells(2)).toEqual(["4", "€446.00", "€21.00 to €1,512.00"]);

    await user.click(screen.getByRole("button", { name: "Save as proxies" }));
    await screen.findByText("The Proxies sheet was created. Proxies written: 3.");
    // the workbook's proxies are read first, so the new ids clash with none of them
    expect(workbook.readWorkbookProxies).toHaveBeenCalled();
    const saved: Proxy[] = workbook.writeWorkbookProxies.mock.calls[0][0];
    expect(saved.map((p) => p.id)).toEqual([1, 2, 3].map((k) => `VG-${new Date().toISOString().slice(0, 10)}-${k}`));
    expect(saved.map((p) => [p.nameEn, p.value, p.currency, p.unit, p.method])).toEqual([
      ["Confidence", 7.24, "EUR", "per person", "value game"],
      ["New friends", 14.12, "EUR", "per person", "value game"],
      ["Less isolation", 446, "EUR", "per person", "value game"],
    ]);
    // the date of the session: the day the proxies were saved
    const day = new Date().toISOString().slice(0, 10);
    expect(saved.map((p) => p.source)).toEqual([
      `Value game of ${day}: 5 participant(s), range 1.56 to 446 EUR`,
      `Value game of ${day}: 4 participant(s), range 0.94 to 21 EUR`,
      `Value game of ${day}: 4 participant(s), range 21 to 1,512 EUR`,
    ]);
    // the goods of Confidence were priced in 2013 (haircut), 2014 (espresso), 2021 (phone), 2022 (cinema): no single price year
    expect(saved[0].priceYear).toBeNull();
    expect(saved[0].notes).toBe("Median of the placements; quartiles P25–P75: 7.24 to 21 EUR. Goods priced in 2013–2022.");
    expect(saved[1].notes).toContain("Skipped by 1 participant(s).");
  });

  test("a participant must be given a good or Skipped for every benefit; nothing is written until then", async () => {
    const workbook = fakeWorkbook({ readValueGame: async () => ({ sheet: "Value game", game: GAME, problems: [] }) });
    const user = await openGame(workbook);
    await user.selectOptions(screen.getByRole("combobox", { name: "Confidence" }), "Cinema ticket");
    await user.click(screen.getByRole("button", { name: "Record this participant" }));
    expect(await screen.findByText("Choose a good, or Skipped, for: New friends.")).toBeTruthy();
    expect(workbook.appendValueGame).not.toHaveBeenCalled();
  });
});

const GAME: ValueGame = {
  benefits: ["Confidence", "New friends"],
  goods: [
    { name: "Baguette", price: 0.94, currency: "EUR", priceYear: 2022, source: "INSEE", url: "" },
    { name: "Cinema ticket", price: 7.24, currency: "EUR", priceYear: 2022, source: "CNC", url: "" },
    { name: "Haircut", price: 21, currency: "EUR", priceYear: 2013, source: "CNEC", url: "" },
  ],
  placements: [
    { participant: "Ann", benefit: "Confidence", good: "Haircut" },
    { participant: "Ann", benefit: "New friends", good: "Baguette" },
    { participant: "Bob", benefit: "Confidence", good: "Cinema ticket" },
    { participant: "Bob", benefit: "New friends", good: null },
  ],
};

describe("value game: a session resumed from the workbook's sheet", () => {
  test("the sheet's game is read back with its statistics and problems; the next participant is added to it", async () => {
    const workbook = fakeWorkbook({
      readValueGame: async () => ({ sheet: "Value game", game: GAME, problems: [{ code: "badPrice", cell: "D7", value: "cheap" }] }),
    });
    const user = await openGame(workbook);
    expect(screen.queryByRole("button", { name: "Create the Value game sheet and start" })).toBeNull();
    expect(screen.getByText("'Value game'!D7: the price \"cheap\" is not a positive number; this row is left out.")).toBeTruthy();
    expect(screen.getByText("Participants recorded: 2")).toBeTruthy();
    const rows = within(screen.getByRole("table", { name: "Results per benefit" })).getAllByRole("row").slice(1);
    // Confidence: Ann 21, Bob 7.24 → median (7.24 + 21) / 2 = 14.12, range 7.24–21
    expect(within(rows[0]).getAllByRole("cell").slice(1).map((c) => c.textContent)).toEqual(["2", "€14.12", "€7.24 to €21.00"]);

    // the default name follows the participants already in the sheet
    expect(screen.getByText("Participant 3")).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Confidence" }), "Baguette");
    await user.selectOptions(screen.getByRole("combobox", { name: "New friends" }), "Haircut");
    await user.click(screen.getByRole("button", { name: "Record this participant" }));
    await screen.findByText("Participant 3 was recorded in the sheet “Value game”.");
    expect(workbook.appendValueGame.mock.calls[0][0]).toEqual({
      placements: [
        { participant: "Participant 3", benefit: "Confidence", good: "Baguette" },
        { participant: "Participant 3", benefit: "New friends", good: "Haircut" },
      ],
    });
    // Confidence now 0.94, 7.24, 21 → median 7.24
    expect(within(rows[0]).getAllByRole("cell")[2].textContent).toBe("€7.24");
  });

  test("a benefit and a good added during the game go to the sheet and into the lists; a wrong price is named", async () => {
    const workbook = fakeWorkbook({ readValueGame: async () => ({ sheet: "Value game", game: GAME, problems: [] }) });
    const user = await openGame(workbook);
    await user.click(screen.getByLabelText("Benefit 3"));
    await user.paste("Pride");
    await user.click(screen.getByRole("button", { name: "Add a benefit" }));
    await screen.findByText("“Pride” was added to the sheet “Value game”.");
    expect(workbook.appendValueGame.mock.calls[0][0]).toEqual({ benefits: ["Pride"] });
    expect(screen.getByLabelText("Pride").tagName).toBe("SELECT");
    const rows = within(screen.getByRole("table", { name: "Results per benefit" })).getAllByRole("row");
    expect(within(rows[3]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Pride", "0", "No placement yet"]);

    await user.click(screen.getByLabelText("Good 4"));
    await user.paste("Pint of lager");
    await user.click(screen.getByLabelText("Price (EUR)"));
    await user.paste("four");
    await user.click(screen.getByRole("button", { name: "Add a good" }));
    expect(await screen.findByText("Good 4 (Pint of lager): the price “four” is not a positive number.")).toBeTruthy();
    expect(workbook.appendValueGame).toHaveBeenCalledTimes(1);
    await user.clear(screen.getByLabelText("Price (EUR)"));
    await user.paste("4.56");
    await user.click(screen.getByRole("button", { name: "Add a good" }));
    await screen.findByText("“Pint of lager” was added to the sheet “Value game”.");
    expect(workbook.appendValueGame.mock.calls[1][0]).toEqual({ goods: [{ name: "Pint of lager", price: 4.56, currency: "EUR", priceYear: null, source: "", url: "" }] });
    expect(within(screen.getByLabelText("Confidence")).getByRole("option", { name: "Pint of lager — €4.56" })).toBeTruthy();
  });

  test("in French: the starter goods in French, and what to fix named good by good", async () => {
    const workbook = fakeWorkbook();
    const user = await openGame(workbook, "fr");
    const first = screen.getByRole("group", { name: "Bien 1" });
    expect(within(first).getByRole("textbox", { name: "Bien" })).toHaveProperty("value", "Baguette de pain (250 g)");
    expect(within(first).getByRole("textbox", { name: "Prix (EUR)" })).toHaveProperty("value", "0,94");
    await user.clear(within(first).getByRole("textbox", { name: "Prix (EUR)" }));
    await user.type(within(first).getByRole("textbox", { name: "Prix (EUR)" }), "gratuit");
    await user.click(screen.getByRole("button", { name: "Créer la feuille Jeu de la valeur et commencer" }));
    const errors = within(await screen.findByTestId("vg-errors")).getAllByRole("listitem").map((li) => li.textContent);
    expect(errors).toEqual(["Nommez au moins un bénéfice.", "Bien 1 (Baguette de pain (250 g))\u00a0: le prix «\u00a0gratuit\u00a0» n'est pas un nombre positif."]);
    expect(workbook.startValueGame).not.toHaveBeenCalled();
  });
});
