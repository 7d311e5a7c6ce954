/** How the sheets print (issue #13 item 3): the page setup the layout gives each sheet, in Excel's header codes. */
import { exampleAssessment } from "../../src/cli/example";
import { buildLayout } from "../../src/layout/build";
import { OUTCOMES, PROJECTION, SETTINGS, SETTINGS_ROWS } from "../../src/layout/columns";
import { HEADER_FOOTER_LIMIT, headerFooterCode, headerText, pageHeader, wrappedLines } from "../../src/layout/print";
import type { Sheet, Table } from "../../src/layout/types";
import { printedHeaderFooter } from "../doubles/excel/state";
import { referenceCase } from "../fixtures/referenceCase";

const page = { page: 2, pages: 7, sheet: "Impact map" };

describe("header text in Excel's codes", () => {
  test("a & is doubled, so AT&T prints as AT&T and not as AT and the time (&T)", () => {
    expect(headerText("AT&T & Co")).toBe("AT&&T && Co");
    expect(printedHeaderFooter(headerText("AT&T & Co"), page)).toBe("AT&T & Co");
    // the double's renderer itself: an undoubled & is a code
    expect(printedHeaderFooter("AT&T", { ...page, time: "14:05" })).toBe("AT14:05");
  });

  test("the sections as the file stores them: &L…&C…&R…, empty ones left out", () => {
    expect(headerFooterCode({ left: "Org", center: "&A", right: "2025" })).toBe("&LOrg&C&A&R2025");
    expect(headerFooterCode({ center: "Page &P of &N" })).toBe("&CPage &P of &N");
  });

  test("the header prints the organisation, the sheet's name and the period", () => {
    const h = pageHeader("Smith & Sons", "2024–2025");
    expect([h.left, h.center, h.right].map((x) => printedHeaderFooter(x!, page))).toEqual(["Smith & Sons", "Impact map", "2024–2025"]);
  });

  test("a long organisation is cut to Excel's 255 characters, never between the two & of a pair", () => {
    // 200 × "A&" is 600 characters once escaped
    for (const organisation of ["A&".repeat(200), "&".repeat(300), "x".repeat(400)]) {
      const h = pageHeader(organisation, "2025");
      const code = headerFooterCode(h);
      expect(code.length).toBeLessThanOrEqual(HEADER_FOOTER_LIMIT);
      expect(code.length).toBeGreaterThan(HEADER_FOOTER_LIMIT - 3);
      const left = printedHeaderFooter(h.left!, page);
      expect(left.endsWith("…")).toBe(true);
      expect(organisation.startsWith(left.slice(0, -1))).toBe(true);
    }
  });

  test("a short organisation is kept whole, line breaks printed as spaces", () => {
    expect(pageHeader("Jardins\nde la Vallée", "2025").left).toBe("Jardins de la Vallée");
  });
});

describe("wrapped lines, counted by hand", () => {
  test.each<[string, number, boolean, number]>([
    ["Duration (years)", 9, false, 2], // "Duration" 8, then 8 + 1 + 7 > 9
    ["Quantity", 10, true, 1], // bold: 9 characters a line
    ["Net income gain over 8 months", 28, false, 2], // 29 characters
    ["abcdefghijkl", 5, false, 3], // a word wider than the column: 5 + 5 + 2
    ["ab abcdefghijkl", 5, false, 4], // "ab", then the long word from a new line: 5 + 5 + 2
    ["one\ntwo", 20, false, 2],
    ["", 10, false, 1],
  ])("%j in %d characters (bold %s): %d lines", (text, width, bold, lines) => expect(wrappedLines(text, width, bold)).toBe(lines));
});

describe("every sheet of an assessment prints A4 landscape, one page wide", () => {
  const layouts = [buildLayout(exampleAssessment("en")), buildLayout(exampleAssessment("fr")), buildLayout(referenceCase)];
  const sheets = layouts.flatMap((l) => l.sheets.map((s) => [`${l.language} ${s.name}`, s] as [string, Sheet]));

  test.each(sheets)("%s", (_name, s) => {
    expect(s.page).toMatchObject({ orientation: "landscape", paper: "A4", fitTo: { wide: 1, tall: 0 } });
    expect(s.page!.footer.center).toBe(layouts.find((l) => l.sheets.includes(s))!.language === "fr" ? "Page &P sur &N" : "Page &P of &N");
    const table = s.parts.find((p): p is Table => p.kind === "table");
    // a sheet of tables repeats its first table's header row; the Summary has none to repeat
    if (table) expect(s.page!.titleRows!.last).toBe(table.row);
    else expect([s.key, s.page!.titleRows]).toEqual(["summary", undefined]);
  });

  const en = layouts[0];
  test("the impact map repeats its stage row and its header row (rows 3 and 4 in Excel)", () => {
    expect(OUTCOMES.row).toBe(3); // 0-based: the table's header is Excel's row 4
    expect(en.sheets[3].page!.titleRows).toEqual({ first: 2, last: 3 });
  });

  test("the projection repeats its header row (Excel's row 11), not the discounting rows above it", () => {
    expect(PROJECTION.row).toBe(10);
    expect(en.sheets[4].page!.titleRows).toEqual({ first: 10, last: 10 });
  });

  test("the settings print columns A to C (Setting, Value, Note) of rows 1 to the last setting: the Key column D stays out", () => {
    const settings = en.sheets[0];
    const t = settings.parts.find((p): p is Table => p.kind === "table")!;
    expect(t.columns.map((c) => c.key)).toEqual(["setting", "value", "note", "key"]);
    // header on row SETTINGS.row (0-based 2), one row per setting under it
    expect(settings.page!.printArea).toEqual({ rows: { first: 0, last: SETTINGS.row + SETTINGS_ROWS.length }, columns: { first: 0, last: 2 } });
  });
});

describe("no header is cut", () => {
  const layouts = [buildLayout(exampleAssessment("en")), buildLayout(exampleAssessment("fr"))];
  test("every word of every column header fits its column's width (a longer word would break inside)", () => {
    const tooLong = layouts.flatMap((l) =>
      l.sheets.flatMap((s) =>
        s.parts.flatMap((p) => (p.kind === "table" ? p.columns.flatMap((c) => c.header.split(/\s+/).filter((w) => w.length > c.width).map((w) => `${l.language} ${s.name} / ${c.header}: ${w} (${w.length} > ${c.width})`)) : [])),
      ),
    );
    expect(tooLong).toEqual([]);
  });

  test("each table row is given the lines its wrapped text needs: the example's organisation, by hand", () => {
    const t = layouts[0].sheets[0].parts.find((p): p is Table => p.kind === "table")!;
    expect(t.rows[0][1]).toBe("Jardins de la Vallée (work-integration social enterprise, fictional)");
    expect(t.columns[1].width).toBe(24);
    // "Jardins de la Vallée" (20) | "(work-integration social" (24) | "enterprise, fictional)" (22)
    expect(t.lines!.rows[0]).toBe(3);
    expect(t.lines!.header).toBe(1);
  });
});
