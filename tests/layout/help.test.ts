/**
 * Help where an estimate is typed (issue #13, item 1): the same words in the pane and as the input
 * message of the sheets' data validation, within Excel's limits (a prompt title of 32 characters, a
 * message of 255: Excel refuses longer), in English and French.
 */
import JSZip from "jszip";
import { ESTIMATE_HELP, type HelpKey, PROMPT_MESSAGE_LIMIT, PROMPT_TITLE_LIMIT, helpPrompt, helpText, typicalRange } from "../../src/layout/help";
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, cellOf } from "../../src/layout/columns";
import type { Table } from "../../src/layout/types";
import { writeXlsx } from "../../src/writers/xlsx";
import { referenceCase } from "../fixtures/referenceCase";

const KEYS = Object.keys(ESTIMATE_HELP) as HelpKey[];

test.each(KEYS.flatMap((k) => (["en", "fr"] as const).map((lang) => [k, lang] as const)))("%s (%s): a title of 32 characters at most, a message of 255 at most", (key, lang) => {
  const p = helpPrompt(key, lang)!;
  expect(p.title.length).toBeLessThanOrEqual(PROMPT_TITLE_LIMIT);
  expect(p.message.length).toBeLessThanOrEqual(PROMPT_MESSAGE_LIMIT);
  expect(p.message.length).toBeGreaterThan(40); // an explanation and a question, not a bare label
  expect(p.message).toMatch(lang === "fr" ? /\u00a0\?|\u00a0: \d/ : /\?|: \d/); // a question, or an example
});

test("the guiding questions are the course's, e.g. deadweight « Qu'aurait-il changé sans notre action ? »", () => {
  expect(ESTIMATE_HELP.deadweight.question.fr).toBe("Qu'aurait-il changé sans notre action\u00a0?");
  expect(ESTIMATE_HELP.deadweight.title.fr).toBe("Point mort (effet d'aubaine)");
  expect(ESTIMATE_HELP.dropOff.title.fr).toBe("Décroissance");
});

test("the typical range is the published one (factor-benchmarks.json: deadweight median 20 %, p10 5.2 %; attribution 25.5 %, 10 %; drop-off 21.5 %, 10 %)", () => {
  expect(typicalRange("deadweight", "en")).toBe("Published reports: median 20 %, 9 in 10 use 5.2 % or more.");
  expect(typicalRange("deadweight", "fr")).toBe("Rapports publiés\u00a0: médiane 20\u202f%, 9 sur 10 prennent 5,2\u202f% ou plus.");
  expect(typicalRange("attribution", "en")).toBe("Published reports: median 25.5 %, 9 in 10 use 10 % or more.");
  expect(typicalRange("dropOff", "en")).toBe("Published reports: median 21.5 %, 9 in 10 use 10 % or more.");
  expect(typicalRange("displacement", "en")).toBeNull(); // not in the benchmarks: nothing is made up
  expect(helpText("deadweight", "en")).toBe(
    "The share of the change that would have happened anyway. What would have changed without our action? Published reports: median 20 %, 9 in 10 use 5.2 % or more.",
  );
});

test("the impact map's estimate columns carry the help as their input message; text columns carry none", () => {
  const map = buildLayout(referenceCase).sheets.flatMap((s) => s.parts).find((p): p is Table => p.kind === "table" && p.name === "SroiOutcomes")!;
  const prompt = (key: string) => map.columns.find((c) => c.key === key)!.validation?.prompt;
  expect(prompt("deadweight")).toEqual({ title: "Deadweight", message: helpText("deadweight", "en") });
  expect(prompt("quantity")?.title).toBe("Quantity");
  expect(prompt("stakeholder")).toBeUndefined();
});

test("the .xlsx file holds the input message on the estimate's cells (the sheet's XML, as Excel reads it)", async () => {
  const bytes = await writeXlsx(buildLayout({ ...referenceCase, settings: { ...referenceCase.settings, language: "fr" } }));
  const zip = await JSZip.loadAsync(bytes);
  const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async("string")));
  const map = sheets.find((x) => x.includes("promptTitle=\"Point mort (effet d&apos;aubaine)\"") || x.includes("promptTitle=\"Point mort (effet d'aubaine)\""));
  expect(map).toBeDefined();
  const dv = [...map!.matchAll(/<dataValidation [^>]*>/g)].map((m) => m[0]).find((x) => /promptTitle="Point mort/.test(x))!;
  expect(dv).toContain('showInputMessage="1"');
  expect(dv).toContain(`sqref="${cellOf(OUTCOMES, "deadweight", 0)}`);
  expect(dv).toMatch(/prompt="La part du changement qui serait arrivée de toute façon\./);
});
