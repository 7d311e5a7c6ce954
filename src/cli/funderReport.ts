/**
 * `sroi report FILE [--out report.html] [--lang fr|en]`: the funder report of an assessment
 * (issue #13 item 4), a self-contained HTML file (inline CSS and SVG, no script, no network) that
 * prints on at most two A4 pages. The HTML is src/i18n/funderReport.ts's, the same the task pane
 * downloads; this file reads the input as `sroi compute` does and writes the file.
 */
import { writeFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import type { Lang } from "../sroi";
import { funderReportHtml } from "../i18n/funderReport";
import { InputError, type Listing, computeFile, listInputs } from "./files";
import { label, problemLine, terminalText } from "./report";
import type { Io } from "./main";

const EXIT = { valid: 0, invalid: 1 } as const;

const WORDS: Record<Lang, {
  usage: string;
  needsFile: (f: string) => string;
  sameInOut: (f: string) => string;
  notHtml: (f: string) => string;
  first: (f: string, n: number, shown: string) => string;
  unwritable: (f: string, why: string) => string;
  written: (f: string) => string;
}> = {
  en: {
    usage: "report needs a file: sroi report FILE [--out report.html] [--lang fr|en]",
    needsFile: (f) => `${f}: report takes one file, not a folder.`,
    sameInOut: (f) => `${f}: the report would replace the input; give another --out.`,
    notHtml: (f) => `${f}: the report is an HTML file; give --out a name ending in .html.`,
    first: (f, n, shown) => `${f} holds ${n} assessments; the report covers the first (${shown}). Copy another into a workbook of its own to report on it.`,
    unwritable: (f, why) => `${f}: cannot be written (${why}).`,
    written: (f) => `Written: ${f} (open it in a browser, or print it to PDF: two A4 pages at most).`,
  },
  fr: {
    usage: "report a besoin d'un fichier\u00a0: sroi report FICHIER [--out rapport.html] [--lang fr|en]",
    needsFile: (f) => `${f}\u00a0: report prend un fichier, pas un dossier.`,
    sameInOut: (f) => `${f}\u00a0: le rapport remplacerait l'entrée\u00a0; donnez un autre --out.`,
    notHtml: (f) => `${f}\u00a0: le rapport est un fichier HTML\u00a0; donnez à --out un nom finissant par .html.`,
    first: (f, n, shown) =>
      `${f} contient ${n} évaluations\u00a0; le rapport porte sur la première (${shown}). Copiez-en une autre dans un classeur à part pour en faire le rapport.`,
    unwritable: (f, why) => `${f}\u00a0: écriture impossible (${why}).`,
    written: (f) => `Écrit\u00a0: ${f} (à ouvrir dans un navigateur, ou à imprimer en PDF\u00a0: deux pages A4 au plus).`,
  },
};

/** `example.xlsx` → `example-report.html`, in the current folder. */
export function defaultReportName(input: string): string {
  const base = basename(input, extname(input)) || "sroi";
  return `${base}-report.html`;
}

/**
 * Runs `sroi report`. `lang` is the language of the messages (--lang or the locale); the report
 * itself is in --lang when given, otherwise in the assessment's own language.
 */
export async function report(io: Io, lang: Lang, langGiven: Lang | undefined, input: string | undefined, out: string | undefined): Promise<number> {
  const w = WORDS[lang];
  if (!input) {
    io.err(`sroi: ${w.usage}`);
    return EXIT.invalid;
  }
  const file = out ?? defaultReportName(input);
  if (!/\.html?$/i.test(file)) {
    io.err(`sroi: ${terminalText(w.notHtml(file))}`);
    return EXIT.invalid;
  }
  if (resolve(io.cwd, input) === resolve(io.cwd, file)) {
    io.err(`sroi: ${terminalText(w.sameInOut(file))}`);
    return EXIT.invalid;
  }
  let listing: Listing;
  try {
    listing = await listInputs(resolve(io.cwd, input), input, lang);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`sroi: ${terminalText(e.message)}`);
      return EXIT.invalid;
    }
    throw e;
  }
  if (listing.folder) {
    io.err(`sroi: ${terminalText(w.needsFile(input))}`);
    return EXIT.invalid;
  }
  if (listing.files[0].problem) {
    io.err(`sroi: ${terminalText(listing.files[0].problem.message)}`);
    return EXIT.invalid;
  }
  const reports = await computeFile(resolve(io.cwd, input), input, lang);
  const originals = reports.filter((r) => !r.copyOf);
  const chosen = originals[0] ?? reports[0];
  for (const p of chosen.problems) io.err(problemLine(chosen, p));
  if (!chosen.assessment || !chosen.result) return EXIT.invalid;
  if (originals.length > 1) io.err(`sroi: ${terminalText(w.first(input, originals.length, label(chosen)))}`);
  const html = funderReportHtml(chosen.assessment, langGiven ?? chosen.assessment.settings.language);
  if (html === null) return EXIT.invalid; // computeFile has reported why
  try {
    await writeFile(resolve(io.cwd, file), html, "utf8");
  } catch (e) {
    io.err(`sroi: ${terminalText(w.unwritable(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message))}`);
    return EXIT.invalid;
  }
  io.err(terminalText(w.written(file)));
  return EXIT.valid;
}
