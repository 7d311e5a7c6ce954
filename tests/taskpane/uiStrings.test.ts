import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SAME_IN_BOTH, UI_KEYS, pseudo, translator, uiTable, unitLabel } from "../../src/i18n/ui";
import { LIBRARY_PROXIES } from "../../src/proxies/library.generated";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const en = uiTable("en");
const fr = uiTable("fr");

describe("task pane strings: English and French are complete and consistent", () => {
  test.each(UI_KEYS)("%s has a French text that is not blank", (key) => {
    expect(fr[key].trim()).not.toBe("");
  });

  test.each(UI_KEYS.filter((k) => !SAME_IN_BOTH.has(k)))("%s is translated (French differs from English)", (key) => {
    expect(fr[key]).not.toBe(en[key]);
  });

  test.each(UI_KEYS)("%s has the same {placeholders} in both languages", (key) => {
    expect(placeholders(fr[key])).toEqual(placeholders(en[key]));
  });

  // ratioValue is "x : 1" in both: the SROI guide's way of writing a ratio, not punctuation.
  test("French uses a space before : ; ? ! (French typography), English does not", () => {
    const badFr = UI_KEYS.filter((k) => /[^\s\u00a0\u202f][:;?!](\s|$)/.test(fr[k]) && !/https?:/.test(fr[k]));
    const badEn = UI_KEYS.filter((k) => k !== "ratioValue" && /\s[:;?!](\s|$)/.test(en[k]));
    expect({ badFr, badEn }).toEqual({ badFr: [], badEn: [] });
  });
});

describe("every string is used by the pane, and the pane uses no key that does not exist", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) files.push(readFileSync(path, "utf8"));
    }
  };
  walk(join(__dirname, "../../src/taskpane"));
  const source = files.join("\n");

  test.each(UI_KEYS)("%s appears in src/taskpane", (key) => {
    expect(source).toMatch(new RegExp(`["']${key}["']`));
  });

  test('every t("…") call names a known key', () => {
    const called = [...source.matchAll(/\bt\("(\w+)"/g)].map((m) => m[1]);
    expect(called.filter((k) => !(UI_KEYS as string[]).includes(k))).toEqual([]);
  });
});

describe("pseudo-localization makes untranslated text obvious", () => {
  test("a string becomes accented text between ⟦ ⟧, placeholders kept", () => {
    expect(pseudo("Step {n} of {total}")).toBe("⟦Štép {n} öf {total}⟧");
  });
  test("the translator fills placeholders inside the pseudo text", () => {
    expect(translator("pseudo")("stepOf", { n: 2, total: 5 })).toBe("⟦Štép 2 öf 5⟧");
  });
  test("English and French translators fill placeholders", () => {
    expect(translator("en")("stepOf", { n: 2, total: 5 })).toBe("Step 2 of 5");
    expect(translator("fr")("stepOf", { n: 2, total: 5 })).toBe("Étape 2 sur 5");
  });
});

describe("proxy units", () => {
  test.each([...new Set(LIBRARY_PROXIES.map((p) => p.unit).filter((u) => u !== ""))])("the library's unit %j has a French label", (unit) => {
    expect(unitLabel(unit, "fr")).not.toBe(unit);
  });
  test("a unit typed in the workbook's own sheet is shown as written", () => {
    expect(unitLabel("per bag of compost", "fr")).toBe("per bag of compost");
    expect(unitLabel("per month", "en")).toBe("per month");
  });
});
