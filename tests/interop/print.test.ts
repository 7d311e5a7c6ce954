/**
 * The example workbook printed by LibreOffice (issue #13 item 3): the .xlsx the `sroi` command writes
 * is converted to PDF headless, and poppler's pdfinfo and pdftotext, independent of both the writer
 * and LibreOffice, read the pages back: A4 landscape, each sheet one page wide (a few pages in all),
 * the organisation, sheet and period in every page header, "Page x of y" in the footer, every word
 * of every column header printed whole (a header cut by its neighbour prints as a broken word), the
 * settings' internal keys left out, and no number printed raw. LibreOffice's re-saved .xlsx then says
 * which cells it computed a number in, and each of them must carry a number format.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { SETTINGS_ROWS } from "../../src/layout/columns";
import type { Table, WorkbookLayout } from "../../src/layout/types";
import type { Lang } from "../../src/sroi";
import { writeXlsx } from "../../src/writers/xlsx";
import { loadableByExcelJs } from "../../src/writers/xlsx/tableParts";
import { requireTool } from "../setup/requiredTool";
import { TO_PDF, TO_XLSX, convertAll, findSoffice } from "./libreoffice";

const soffice = findSoffice();
const which = (tool: string): string | null => {
  const r = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
};
const pdfinfo = which("pdfinfo");
const pdftotext = which("pdftotext");

/** A4 in PostScript points: 210 × 297 mm = 595.28 × 841.89 pt. */
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

interface Page {
  width: number;
  height: number;
  text: string;
}

function pagesOf(pdf: string): Page[] {
  const info = execFileSync(pdfinfo!, ["-f", "1", "-l", "10000", pdf], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  // pdftotext ends each page with a form feed
  const texts = execFileSync(pdftotext!, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f");
  return sizes.map((s, i) => ({ ...s, text: texts[i] ?? "" }));
}

const words = (text: string): Set<string> => new Set(text.split(/\s+/).filter((w) => w !== ""));

interface Printed {
  layout: WorkbookLayout;
  pages: Page[];
  /** every cell LibreOffice computed a number in, with its number format */
  numbers: { sheet: string; address: string; value: number; numFmt: string }[];
}
const printed: Partial<Record<Lang, Printed>> = {};

if (
  requireTool("LibreOffice (soffice)", soffice, "apt-get install libreoffice-calc-nogui, or set SOFFICE") &&
  requireTool("poppler-utils (pdfinfo, pdftotext)", pdfinfo && pdftotext, "apt-get install poppler-utils (bash scripts/setup.sh --test)")
) {
  beforeAll(async () => {
    const layouts = { en: buildLayout(exampleAssessment("en")), fr: buildLayout(exampleAssessment("fr")) };
    const files = { en: await writeXlsx(layouts.en), fr: await writeXlsx(layouts.fr) };
    const pdf = convertAll(soffice, files, TO_PDF);
    const xlsx = convertAll(soffice, files, TO_XLSX);
    for (const lang of ["en", "fr"] as const) {
      if (!pdf.outputs[lang] || !xlsx.outputs[lang]) throw new Error(`LibreOffice converted nothing for ${lang}:\n${pdf.log}\n${xlsx.log}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await loadableByExcelJs(readFileSync(xlsx.outputs[lang]))) as unknown as ArrayBuffer);
      const numbers: Printed["numbers"] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            const value = c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
            if (typeof value === "number") numbers.push({ sheet: ws.name, address: c.address, value, numFmt: c.numFmt ?? "General" });
          }),
        ),
      );
      printed[lang] = { layout: layouts[lang], pages: pagesOf(pdf.outputs[lang]), numbers };
    }
    rmSync(pdf.root, { recursive: true, force: true });
    rmSync(xlsx.root, { recursive: true, force: true });
    const counts = (["en", "fr"] as const).map((l) => `${l}: ${printed[l]!.pages.length} pages for ${layouts[l].sheets.length} sheets`).join(", ");
    // eslint-disable-next-line no-console
    console.info(`LibreOffice printed the example workbook: ${counts}`);
  }, 240_000);

  describe.each(["en", "fr"] as const)("the %s example workbook printed to PDF", (lang) => {
    const get = () => printed[lang]!;
    const a = exampleAssessment(lang);
    /** the sheet a page belongs to, by the sheet name its header prints (&A) */
    const sheetOf = (page: Page) => {
      const head = page.text.split("\n").find((l) => l.trim() !== "") ?? "";
      return get().layout.sheets.find((s) => head.includes(s.name))?.name ?? null;
    };

    test("every page is A4 landscape (841.89 × 595.28 pt, ± 2)", () => {
      const { pages } = get();
      expect(pages.length).toBeGreaterThan(0);
      pages.forEach((p, i) => {
        const ok = Math.abs(p.width - A4_LANDSCAPE.width) <= 2 && Math.abs(p.height - A4_LANDSCAPE.height) <= 2;
        expect({ page: i + 1, width: p.width, height: p.height, ok }).toEqual({ page: i + 1, width: p.width, height: p.height, ok: true });
      });
    });

    test("each sheet prints one page wide: every sheet has its pages, at most 2 each, in the sheets' order", () => {
      const { pages, layout } = get();
      const owners = pages.map(sheetOf);
      expect(owners.every((o) => o !== null)).toBe(true);
      const names = layout.sheets.map((s) => s.name);
      expect([...new Set(owners)]).toEqual(names);
      for (const name of names) expect({ name, pages: owners.filter((o) => o === name).length <= 2 }).toEqual({ name, pages: true });
      expect(pages.length).toBeLessThanOrEqual(names.length * 2);
    });

    test("every page header names the organisation and the period, every footer says Page x of y", () => {
      const { pages } = get();
      const of = lang === "fr" ? "sur" : "of";
      pages.forEach((p, i) => {
        const text = p.text.replace(/\s+/g, " ");
        expect({ page: i + 1, organisation: text.includes(a.settings.organisation) }).toEqual({ page: i + 1, organisation: true });
        expect({ page: i + 1, period: text.includes(a.settings.period) }).toEqual({ page: i + 1, period: true });
        expect(text).toContain(`Page ${i + 1} ${of} ${pages.length}`);
      });
    });

    test("every word of every column header prints whole on its sheet's pages (no header is cut)", () => {
      const { pages, layout } = get();
      const missing: string[] = [];
      for (const sheet of layout.sheets) {
        const printedWords = words(pages.filter((p) => sheetOf(p) === sheet.name).map((p) => p.text).join("\n"));
        for (const t of sheet.parts.filter((p): p is Table => p.kind === "table")) {
          for (const col of t.columns) {
            if (sheet.key === "settings" && col.key === "key") continue; // not printed, below
            for (const w of col.header.split(/\s+/)) if (!printedWords.has(w)) missing.push(`${sheet.name} / ${col.header}: "${w}"`);
          }
        }
      }
      expect(missing).toEqual([]);
    });

    test("the settings print without their internal keys", () => {
      const { pages, layout } = get();
      const settings = pages.filter((p) => sheetOf(p) === layout.sheets[0].name);
      const printedWords = words(settings.map((p) => p.text).join("\n"));
      // the keys are camelCase words no label uses (discountRate, layoutVersion…)
      const keys = SETTINGS_ROWS.map((s) => s.key).filter((k) => /[A-Z]/.test(k));
      expect(keys.length).toBeGreaterThan(3);
      expect(keys.filter((k) => printedWords.has(k))).toEqual([]);
      // while their labels print
      expect(printedWords.has(lang === "fr" ? "d'actualisation" : "Discount")).toBe(true);
    });

    test("no number prints raw: none with three or more decimals (0.9661835749, 188089.272)", () => {
      const raw = get().pages.flatMap((p, i) => [...p.text.matchAll(/\d\.\d{3,}/g)].map((m) => `page ${i + 1}: ${m[0]}`));
      expect(raw).toEqual([]);
    });

    test("every cell LibreOffice computed a number in has a number format", () => {
      const { numbers } = get();
      expect(numbers.length).toBeGreaterThan(50);
      expect(numbers.filter((n) => n.numFmt === "General").map((n) => `${n.sheet}!${n.address} = ${n.value}`)).toEqual([]);
    });
  });
} else {
  test.skip("printing to PDF: skipped because LibreOffice or poppler-utils is not installed", () => undefined);
}
