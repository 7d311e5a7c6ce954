/**
 * The worked example of docs/functions.md, in English and in French, is what the functions compute:
 * each formula of the example tables is evaluated through the Excel harness (cells B1:B10 from the
 * document's own sheet table), and the number shown must be the result rounded as written.
 */
import fs from "fs";
import path from "path";
import { Excel, ExcelValue, Metadata, excel } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { frenchMetadata } = require("../../scripts/metadata-fr") as { frenchMetadata: (m: Metadata) => Metadata };

const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/functions.md"), "utf8");
const [english, french] = doc.split(/^## Français$/m);

let xl: Excel;
beforeAll(async () => {
  xl = await excel();
});

/** "15,221.50" or "15 221,50" → 15221.5 and its number of decimals. */
function shown(text: string, lang: "en" | "fr"): { value: number; decimals: number } {
  const t = lang === "en" ? text.replace(/,/g, "") : text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return { value: Number(t), decimals: t.includes(".") ? t.split(".")[1].length : 0 };
}

/** The sheet of the English example: | 1 | Quantity | 10 | … | 9 | Discount rate | 3.5% | */
const cells = new Map<string, number>();
for (const m of english.matchAll(/^\| (\d+) +\| [^|]+\| ([\d.]+)(%?) \|$/gm)) cells.set(`B${m[1]}`, Number(m[2]) / (m[3] ? 100 : 1));

const idOf = (name: string, lang: "en" | "fr") =>
  lang === "en" ? name : frenchMetadata(xl.metadata).functions.find((f) => f.name === name)?.id ?? `unknown French name ${name}`;

function evaluate(formula: string, lang: "en" | "fr"): ExcelValue {
  const m = formula.match(/^=SROI\.([A-Z.]+)\((.*)\)$/);
  if (!m) throw new Error(`not an SROI formula: ${formula}`);
  const args = m[2].split(lang === "en" ? "," : ";").map((a) => a.trim()).map((a) => {
    if (/^(FALSE|FAUX)$/.test(a)) return false;
    if (/^(TRUE|VRAI)$/.test(a)) return true;
    if (!cells.has(a)) throw new Error(`unknown cell ${a}`);
    return cells.get(a);
  });
  const result = xl.call(idOf(m[1], lang), ...args);
  return Array.isArray(result) && result.length === 1 && result[0].length === 1 ? result[0][0] : result;
}

function examples(section: string): [string, string][] {
  return [...section.matchAll(/^\| (B1[2-9]) \| `(=SROI[^`]+)` \| ([^|]+) \|/gm)].map((m) => [m[1], `${m[2]} → ${m[3].trim()}`]);
}

test("the English sheet table gives the reference case's inputs", () =>
  expect(Object.fromEntries(cells)).toEqual({ B1: 10, B2: 1000, B3: 0.2, B4: 0, B5: 0.25, B6: 0.1, B7: 3, B8: 1, B9: 0.035, B10: 10000 }));

describe.each([
  ["en", english],
  ["fr", french],
] as const)("worked example (%s)", (lang, section) => {
  const rows = examples(section);
  test("has the eight formulas", () => expect(rows.map(([cell]) => cell)).toEqual(["B12", "B13", "B14", "B15", "B16", "B17", "B18", "B19"]));

  // Formulas refer to B12 and B14, so they are evaluated in order and their results kept.
  test("every formula shows what the document says", () => {
    for (const [cell, text] of rows) {
      const [formula, display] = text.split(" → ");
      const result = evaluate(formula, lang);
      if (Array.isArray(result)) {
        const expected = display.split("·").map((s) => shown(s.replace(/\(.*\)/, "").trim(), lang).value);
        expect({ cell, result: result[0] }).toEqual({ cell, result: expected });
      } else {
        const { value, decimals } = shown(display.match(/^[\d\s.,]+/)![0].trim(), lang);
        const factor = 10 ** decimals;
        expect({ cell, shown: Math.round((result as number) * factor) / factor }).toEqual({ cell, shown: value });
        cells.set(cell, result as number);
      }
    }
  });
});
