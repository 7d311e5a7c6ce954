/** @jest-environment jsdom */
/**
 * The Review screen (issue #11 item 4): for an assessment of the workbook, the ratio and its range,
 * the checks against over-claiming — each selecting the cell it is about — and the tornado of the
 * one-way table with the break-even of its top three; the funder report to download. Figures are
 * the method document's reference case (§8), worked by hand below.
 */
import "./jsdom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { Review } from "../../src/taskpane/pages/Review/Review";
import { Done } from "../../src/taskpane/pages/Done/Done";
import { UiContext, makeUi } from "../../src/taskpane/ui";
import type { UiLang } from "../../src/i18n/ui";
import type { Assessment } from "../../src/sroi";
import type { FoundAssessment } from "../../src/taskpane/workbook";
import { REFERENCE_ASSESSMENT, SHEET_NAMES, fakeWorkbook, type FakeWorkbook } from "./fakeWorkbook";

const NBSP = "\u00a0";
const found = (a: Assessment = REFERENCE_ASSESSMENT): FoundAssessment => ({ suffix: "", assessment: a, sheetNames: { ...SHEET_NAMES }, problems: [] });

function review(props: { lang?: UiLang; workbook?: FakeWorkbook; a?: Assessment; onRecomputeSensitivity?: () => Promise<string | void>; onBack?: () => void } = {}) {
  const workbook = props.workbook ?? fakeWorkbook();
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <UiContext.Provider value={makeUi(props.lang ?? "en", workbook)}>
        <Review found={found(props.a)} onBack={props.onBack ?? (() => undefined)} onRecomputeSensitivity={props.onRecomputeSensitivity} />
      </UiContext.Provider>
    </FluentProvider>,
  );
  return { user, workbook };
}

// Reference case: 10 × 1,000 × 0.8 × 0.75 = 6,000 in year 1, then 5,400 and 4,860 (drop-off 10 %).
const Y = [6000 / 1.035, 5400 / 1.035 ** 2, 4860 / 1.035 ** 3, 4374 / 1.035 ** 4];
const PV = Y[0] + Y[1] + Y[2]; // 15,221.50
const RATIO = PV / 10000; // 1.52

/** The same assessment with the classic flaws: no deduction at all, no proxy source, a 12 % rate. */
const FLAWED: Assessment = {
  ...REFERENCE_ASSESSMENT,
  settings: { ...REFERENCE_ASSESSMENT.settings, discountRate: 0.12 },
  outcomes: [{ ...REFERENCE_ASSESSMENT.outcomes[0], deadweight: 0, displacement: 0, attribution: 0, proxySource: "" }],
};

describe("Review screen", () => {
  test("reachable from Home for each assessment found in the workbook; back to the start", async () => {
    const workbook = fakeWorkbook({ findAssessments: async () => [found()] });
    const user = userEvent.setup();
    render(<App workbook={workbook} lang="en" />);
    await user.click(await screen.findByRole("button", { name: "Review checks and sensitivity: assessment 1", description: "Community gardens — Jardins Partagés" }));
    expect(await screen.findByRole("heading", { name: "Review: Community gardens", level: 1 })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Back to the start" }));
    expect(await screen.findByRole("button", { name: "Start a new assessment" })).toBeTruthy();
  });

  test("reachable from the Done screen of setup", async () => {
    const onReview = jest.fn();
    const user = userEvent.setup();
    const f = found();
    render(
      <FluentProvider theme={webLightTheme}>
        <UiContext.Provider value={makeUi("en", fakeWorkbook())}>
          <Done found={f} assessment={f.assessment} renamed={[]} onHome={() => undefined} onReview={onReview} />
        </UiContext.Provider>
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Review checks and sensitivity" }));
    expect(onReview).toHaveBeenCalledWith(f);
  });

  test("the ratio (PV 15,221.50 ÷ inputs 10,000 = 1.52 : 1) and its Monte Carlo range around it", () => {
    review();
    expect(RATIO.toFixed(2)).toBe("1.52");
    expect(screen.getByTestId("review-ratio").textContent).toBe("1.52 : 1");
    const range = /^Likely range (\d\.\d\d) : 1 to (\d\.\d\d) : 1 \(P10–P90 of 10,000 draws, each estimate within ±25\u00a0% of its value\)\.$/.exec(screen.getByTestId("review-range").textContent!);
    expect(range).not.toBeNull();
    expect(Number(range![1])).toBeLessThan(RATIO);
    expect(Number(range![2])).toBeGreaterThan(RATIO);
  });

  test("a sound assessment: no check fires", () => {
    review();
    expect(screen.getByRole("heading", { name: "Checks against over-claiming (0)" })).toBeTruthy();
    expect(screen.getByText("No check fires: no sign of over-claiming was found.")).toBeTruthy();
  });

  test("the classic flaws: each check with its severity and message, and a link that selects its cell", async () => {
    const { user, workbook } = review({ a: FLAWED });
    const list = within(screen.getByTestId("review-checks"));
    expect(screen.getByRole("heading", { name: "Checks against over-claiming (4)" })).toBeTruthy();
    expect(list.getAllByText("Warning")).toHaveLength(4);
    expect(list.getByText(/^The discount rate of 12 % is outside 0–10 %/)).toBeTruthy();
    expect(list.getByText(/^No outcome has a deadweight, displacement or attribution/)).toBeTruthy();
    expect(list.getByText(/^Outcome 1: the financial proxy has no source/)).toBeTruthy();
    expect(list.getByText(/^Outcome 1: no deadweight, displacement or attribution/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Show in the workbook: outcome 1, Proxy source" }));
    expect(workbook.selectAssessmentCell).toHaveBeenLastCalledWith(expect.objectContaining({ suffix: "" }), { kind: "outcome", outcome: 1, field: "proxySource" });
    expect(await screen.findByText("Selected K5 in the sheet “Impact map”.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Show in the workbook: the discount rate (settings)" }));
    expect(workbook.selectAssessmentCell).toHaveBeenLastCalledWith(expect.anything(), { kind: "setting", key: "discountRate" });
    await user.click(screen.getByRole("button", { name: "Show in the workbook: the column Deadweight" }));
    expect(workbook.selectAssessmentCell).toHaveBeenLastCalledWith(expect.anything(), { kind: "column", field: "deadweight" });
    await user.click(screen.getByRole("button", { name: "Show in the workbook: outcome 1, Deadweight" }));
    expect(workbook.selectAssessmentCell).toHaveBeenLastCalledWith(expect.anything(), { kind: "outcome", outcome: 1, field: "deadweight" });
  });

  test("a cell that cannot be selected says why, politely", async () => {
    const workbook = fakeWorkbook({
      selectAssessmentCell: async () => {
        throw new Error("the table SroiOutcomes is no longer in the workbook");
      },
    });
    const { user } = review({ a: FLAWED, workbook });
    await user.click(screen.getByRole("button", { name: "Show in the workbook: outcome 1, Proxy source" }));
    const status = screen.getByRole("status");
    expect(await within(status).findByText("Something went wrong: the table SroiOutcomes is no longer in the workbook")).toBeTruthy();
  });

  test("the tornado: estimates ranked by swing, the break-even of the top three, each selecting its cell", async () => {
    const { user, workbook } = review();
    const rows = within(screen.getByTestId("tornado")).getAllByRole("listitem");
    // one outcome: 7 estimates + the rate
    expect(rows).toHaveLength(8);
    // Duration 3 ± 25 % → 2 and 4 years: ratios (Y1 + Y2) / 10,000 = 1.08 and (Y1…Y4) / 10,000 = 1.90, swing 0.82;
    // quantity and proxy ± 25 %: 0.75 × 1.52 = 1.14 to 1.25 × 1.52 = 1.90, swing 0.76 (the map's order breaks the tie)
    expect(((Y[0] + Y[1]) / 10000).toFixed(2)).toBe("1.08");
    expect(((Y[0] + Y[1] + Y[2] + Y[3]) / 10000).toFixed(2)).toBe("1.90");
    expect(rows.slice(0, 3).map((r) => r.getAttribute("data-field"))).toEqual(["duration", "quantity", "proxyValue"]);
    expect(within(rows[0]).getByText("1.08 to 1.90 : 1")).toBeTruthy();
    expect(within(rows[1]).getByText(`${(0.75 * RATIO).toFixed(2)} to ${(1.25 * RATIO).toFixed(2)} : 1`)).toBeTruthy();
    // break-evens: 2 years (Y1 + Y2 = 10,838 ≥ 10,000 > Y1); quantity 10 × 10,000 / PV = 6.57; proxy 1,000 × 10,000 / PV = £656.97
    expect(within(rows[0]).getByTestId("break-even").textContent).toBe("Break-even: 2 years");
    expect(within(rows[1]).getByTestId("break-even").textContent).toBe(`Break-even: ${((10 * 10000) / PV).toFixed(2)}`);
    expect(within(rows[2]).getByTestId("break-even").textContent).toBe(`Break-even: £${((1000 * 10000) / PV).toFixed(2)}`);
    expect(within(rows[3]).queryByTestId("break-even")).toBeNull();
    await user.click(within(rows[0]).getByRole("button", { name: /^Outcome 1, duration\. Show in the workbook: outcome 1, Duration \(years\)$/ }));
    expect(workbook.selectAssessmentCell).toHaveBeenLastCalledWith(expect.anything(), { kind: "outcome", outcome: 1, field: "duration" });
    const rate = rows.find((r) => r.getAttribute("data-field") === "discountRate")!;
    await user.click(within(rate).getByRole("button", { name: /^Discount rate\./ }));
    expect(workbook.selectAssessmentCell).toHaveBeenLastCalledWith(expect.anything(), { kind: "setting", key: "discountRate" });
  });

  test("the Recompute sensitivity slot: a button only when the lead wires it, showing what it says", async () => {
    review();
    expect(screen.queryByRole("button", { name: "Recompute sensitivity" })).toBeNull();
    document.body.innerHTML = "";
    const onRecomputeSensitivity = jest.fn(async () => "Sensitivity recomputed.");
    const { user } = review({ onRecomputeSensitivity });
    await user.click(screen.getByRole("button", { name: "Recompute sensitivity" }));
    expect(onRecomputeSensitivity).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Sensitivity recomputed.")).toBeTruthy();
  });

  test("Recompute, from the pane: the writer recomputes this assessment, the screen reads the workbook again and says when", async () => {
    // the workbook after recompute: the map now has 20 participants (an edit made before recomputing)
    const edited: Assessment = { ...REFERENCE_ASSESSMENT, outcomes: [{ ...REFERENCE_ASSESSMENT.outcomes[0], quantity: 20 }] };
    let reads = 0;
    const workbook = fakeWorkbook({
      findAssessments: async () => [found(reads++ === 0 ? REFERENCE_ASSESSMENT : edited)],
      recomputeSensitivity: async () => ({ computedAt: "2026-12-03T09:15:00.000Z", syncs: 2 }),
    });
    const user = userEvent.setup();
    render(<App workbook={workbook} lang="en" />);
    await user.click(await screen.findByRole("button", { name: "Review checks and sensitivity: assessment 1", description: "Community gardens — Jardins Partagés" }));
    await user.click(await screen.findByRole("button", { name: "Recompute sensitivity" }));
    expect(workbook.recomputeSensitivity).toHaveBeenCalledWith(expect.objectContaining({ suffix: "" }));
    // 09:15 UTC in the machine's time zone (any whole-hour offset), en-GB medium date
    expect(await screen.findByText(/^Sensitivity recomputed from the workbook as it is now \(3 Dec 2026, \d\d:15\)/)).toBeTruthy();
    // twice the participants, twice the value: 2 × 15,221.50 / 10,000 = 3.04 : 1 (hand figure above)
    expect(await screen.findAllByText(/3\.04/)).not.toHaveLength(0);
  });

  test("Recompute refused by the writer: the screen says why and nothing else changes", async () => {
    const workbook = fakeWorkbook({
      findAssessments: async () => [found()],
      recomputeSensitivity: async () => {
        throw new Error("The Sensitivity sheet is protected: unprotect it, then recompute.");
      },
    });
    const user = userEvent.setup();
    render(<App workbook={workbook} lang="en" />);
    await user.click(await screen.findByRole("button", { name: "Review checks and sensitivity: assessment 1", description: "Community gardens — Jardins Partagés" }));
    await user.click(await screen.findByRole("button", { name: "Recompute sensitivity" }));
    expect(await screen.findByText(/The Sensitivity sheet is protected: unprotect it, then recompute\./)).toBeTruthy();
    expect(workbook.findAssessments).toHaveBeenCalledTimes(1);
  });

  test("downloads the funder report: the same HTML as sroi report, with the ratio", async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), "blob:report"), revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    const { user } = review();
    await user.click(screen.getByRole("button", { name: "Download the report for funders (HTML)" }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(blobs).toHaveLength(1);
    const html = await new Promise<string>((done) => {
      const reader = new FileReader();
      reader.onload = () => done(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`data-figure="ratio">1.52${NBSP}:${NBSP}1<`);
    expect(screen.getByText("The file Community-gardens.html was downloaded.")).toBeTruthy();
    click.mockRestore();
  });

  test("an assessment that cannot be computed: its problems, no figures, no report", () => {
    review({ a: { ...REFERENCE_ASSESSMENT, outcomes: [{ ...REFERENCE_ASSESSMENT.outcomes[0], deadweight: 20 }] } });
    expect(screen.getByText(/^The assessment cannot be computed yet/)).toBeTruthy();
    expect(screen.getByText(/20 looks like 20 %/)).toBeTruthy();
    expect(screen.queryByTestId("tornado")).toBeNull();
    expect(screen.queryByRole("button", { name: /Download the report/ })).toBeNull();
  });

  test("in French: the same figures, French words and typography", async () => {
    const { user } = review({ lang: "fr", a: { ...FLAWED, settings: { ...FLAWED.settings, language: "fr" } } });
    expect(screen.getByRole("heading", { name: `Revue${NBSP}: Community gardens`, level: 1 })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Contrôles contre la surévaluation (4)" })).toBeTruthy();
    expect(screen.getAllByText("Avertissement")).toHaveLength(4);
    // no deduction at all: 10 × 1,000 = 10,000 in year 1, then 9,000 and 8,100 (drop-off 10 %), at 12 %:
    // (10,000/1.12 + 9,000/1.12² + 8,100/1.12³) / 10,000 = 0.8929 + 0.7175 + 0.5765 = 2.19
    const flawed = 1 / 1.12 + 0.9 / 1.12 ** 2 + 0.81 / 1.12 ** 3;
    expect(flawed.toFixed(2)).toBe("2.19");
    expect(screen.getByTestId("review-ratio").textContent).toBe(`${flawed.toFixed(2).replace(".", ",")}${NBSP}: 1`);
    await user.click(screen.getByRole("button", { name: `Voir dans le classeur${NBSP}: effet 1, Source (proxy)` }));
    const status = screen.getByRole("status");
    await within(status).findByText(/^Cellule K5/);
    expect(status.textContent).toBe("Cellule K5 sélectionnée dans la feuille «\u00a0Impact map\u00a0».");
    expect(screen.getByRole("button", { name: "Télécharger le rapport pour les financeurs (HTML)" })).toBeTruthy();
  });
});
