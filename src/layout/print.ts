/**
 * How the sheets print (issue #13): A4 landscape, one page wide and as many tall as the rows need,
 * the table's header rows repeated on every page, the organisation, the sheet and the period in the
 * page header, "Page x of y" in the footer. Pure data in Excel's own header codes, which both the
 * file format and Office.js take as they are.
 */
import type { Lang } from "../sroi";
import type { HeaderFooter, PageSetup, Span } from "./types";

/** Excel's limit for a header or a footer: its sections and their &L &C &R codes together. */
export const HEADER_FOOTER_LIMIT = 255;

/** Text printed as it is in a header: a & alone starts a code (&T is the time, &P the page), && prints one. */
export const headerText = (text: string): string => text.replace(/&/g, "&&");

/** The whole header or footer as the file format stores it (oddHeader): each non-empty section after its code. */
export function headerFooterCode(h: HeaderFooter): string {
  return ([["&L", h.left], ["&C", h.center], ["&R", h.right]] as const)
    .filter(([, text]) => text !== undefined && text !== "")
    .map(([code, text]) => code + text)
    .join("");
}

/**
 * Free text as header text within `budget` characters once its & are doubled: cut (never between the
 * two & of a pair) and ended with … when it is longer. Line breaks become spaces (a header is one line).
 */
export function headerTextWithin(text: string, budget: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const whole = headerText(flat);
  if (whole.length <= budget) return whole;
  let out = "";
  for (const ch of flat) {
    const next = out + headerText(ch);
    if (next.length + 1 > budget) break;
    out = next;
  }
  return `${out.trimEnd()}…`;
}

/** The height of one line of the default 11-point font, in points (Excel's default row height). */
export const LINE_POINTS = 15;

/**
 * How many lines a text takes once wrapped in a column `width` characters wide: words kept whole
 * while they fit, a longer word broken. An estimate on the safe side: a character of the sheets'
 * font is narrower on average than the digit a width counts, bold a little wider.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const capacity = Math.max(1, Math.floor(width * (bold ? 0.9 : 1)));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== "")) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= capacity) line = needed;
      else if (word.length <= capacity) {
        count++;
        line = word.length;
      } else {
        // a word wider than the column breaks inside, from a new line
        count += (line === 0 ? 0 : 1) + Math.ceil(word.length / capacity) - 1;
        line = word.length % capacity || capacity;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

const FOOTER: Record<Lang, string> = { en: "Page &P of &N", fr: "Page &P sur &N" };

/** The sheet's name, printed by Excel itself (so it follows a renamed sheet). */
const SHEET_NAME = "&A";
/** A period is short ("2025", "April 2024 – March 2025"); the organisation gets what remains. */
const PERIOD_BUDGET = 60;

export interface PrintOptions {
  lang: Lang;
  organisation: string;
  period: string;
  titleRows?: Span;
  printArea?: PageSetup["printArea"];
}

/** The page header: organisation on the left, the sheet's name in the centre, the period on the right. */
export function pageHeader(organisation: string, period: string): HeaderFooter {
  const right = headerTextWithin(period, PERIOD_BUDGET);
  const taken = headerFooterCode({ center: SHEET_NAME, right }).length + "&L".length;
  const left = headerTextWithin(organisation, HEADER_FOOTER_LIMIT - taken);
  return { left, center: SHEET_NAME, right };
}

export function pageSetup(o: PrintOptions): PageSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitTo: { wide: 1, tall: 0 },
    ...(o.titleRows ? { titleRows: o.titleRows } : {}),
    ...(o.printArea ? { printArea: o.printArea } : {}),
    // left and right between Excel's Normal (0.7") and Narrow (0.25"); Normal's top and bottom, room for the header and footer
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    header: pageHeader(o.organisation, o.period),
    footer: { center: FOOTER[o.lang] },
  };
}
