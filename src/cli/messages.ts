/** Every text the command-line tool prints, in English and French, in one place. */
import type { AssessmentType, Lang } from "../sroi";
import type { Expected, ShapeProblem } from "./assessmentJson";
import type { ReadLimits } from "../writers/xlsx";

const MIB = 1024 * 1024;
const size = (bytes: number, lang: Lang): string =>
  bytes >= MIB ? `${new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(bytes / MIB)} ${lang === "fr" ? "Mio" : "MiB"}` : `${bytes} ${lang === "fr" ? "octets" : "bytes"}`;
const count = (n: number, lang: Lang): string => new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB").format(n);

/** "the limit of 64 MiB inflated per zip entry": each limit of the workbook reader, said in full. */
const LIMIT_TEXT: Record<Lang, Record<keyof ReadLimits, (max: string) => string>> = {
  en: {
    entryBytes: (m) => `${m} inflated per zip entry`,
    totalBytes: (m) => `${m} inflated in all`,
    entries: (m) => `${m} zip entries`,
    tablePartBytes: (m) => `${m} per table definition`,
    cells: (m) => `${m} cells`,
    sheetRows: (m) => `${m} rows per sheet`,
    tableRows: (m) => `${m} rows per table`,
  },
  fr: {
    entryBytes: (m) => `${m} décompressés par entrée du zip`,
    totalBytes: (m) => `${m} décompressés au total`,
    entries: (m) => `${m} entrées de zip`,
    tablePartBytes: (m) => `${m} par définition de tableau`,
    cells: (m) => `${m} cellules`,
    sheetRows: (m) => `${m} lignes par feuille`,
    tableRows: (m) => `${m} lignes par tableau`,
  },
};

/** A workbook over a reading limit: which limit, what the file holds or declares, and where. */
export function overLimit(limit: keyof ReadLimits, found: number, max: number, where: string | undefined, lang: Lang): string {
  const bytes = limit === "entryBytes" || limit === "totalBytes" || limit === "tablePartBytes";
  const show = (n: number) => (bytes ? size(n, lang) : count(n, lang));
  const at = where ? ` (${where})` : "";
  return lang === "fr"
    ? `ce classeur dépasse la limite de ${LIMIT_TEXT.fr[limit](show(max))} : il en a ${show(found)}${at} ; il n'est pas lu, pour ne pas épuiser la mémoire.`
    : `this workbook is over the limit of ${LIMIT_TEXT.en[limit](show(max))}: it has ${show(found)}${at}; it is not read, so that it cannot exhaust memory.`;
}

/** Messages follow --lang, then the POSIX locale variables (LC_ALL, LC_MESSAGES, LANG). */
export function cliLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === "fr" || flag === "en") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

const HELP: Record<Lang, string> = {
  en: `sroi — Social Return on Investment workbooks, from the command line

Usage:
  sroi template [--lang fr|en] [--out FILE]    write an empty assessment workbook (.xlsx or .json)
  sroi example  [--lang fr|en] [--out FILE]    write a complete example assessment
  sroi example  --json                         print the example assessment as JSON
  sroi compute  FILE|FOLDER [--json] [--recalculate]
                                               check an assessment and print its SROI
  sroi convert  IN --out OUT [--live]          a JSON assessment to a workbook, or a workbook to JSON
  sroi report   FILE [--out report.html] [--lang fr|en]
                                               a report for funders: one HTML file, 2 A4 pages at most
  sroi --help | --version

FILE is a workbook written by the SROI add-in or by this tool (.xlsx, with or without the
add-in's SROI.* functions: values are always recomputed, never read from the cells' cached
results) or a JSON assessment (docs/assessment.schema.json, "schema": "sroi-assessment/1").
A FOLDER is read file by file (*.xlsx and *.json, not sub-folders): one line per assessment
(a workbook may hold several: book.xlsx, book.xlsx#2), then a total per currency; a bad file is
reported and the others are still computed.
--out FILE ending in .json writes JSON, otherwise .xlsx (default: sroi-template.xlsx /
sroi-example.xlsx). Workbooks use native spreadsheet functions only (portable): Excel and
LibreOffice compute them without the add-in.
--json prints the result as JSON ("schema": "sroi-result/1", described in docs/cli.md).
An input cell holding a formula counts with the value saved in the file, and is named;
--recalculate has LibreOffice (soffice, headless) recalculate copies of the workbooks first.
convert checks IN as compute does and writes OUT: JSON when OUT ends in .json, otherwise a
workbook, portable (native functions) unless --live asks for the add-in's SROI.* functions.
--lang sets the language of the workbook and of the messages (default: LC_ALL, LC_MESSAGES or
LANG starting with "fr" gives French, anything else English).

Exit codes:
  0  every input is valid (and, for compute, was computed)
  1  invalid input: a bad file, a problem in an assessment, a missing file, a wrong option
  2  internal error (a bug: please report it with the message)
`,
  fr: `sroi — Retour social sur investissement (SROI), en ligne de commande

Utilisation :
  sroi template [--lang fr|en] [--out FICHIER]   écrit un classeur d'évaluation vide (.xlsx ou .json)
  sroi example  [--lang fr|en] [--out FICHIER]   écrit une évaluation d'exemple complète
  sroi example  --json                           affiche l'évaluation d'exemple en JSON
  sroi compute  FICHIER|DOSSIER [--json] [--recalculate]
                                                 vérifie une évaluation et affiche son SROI
  sroi convert  ENTRÉE --out SORTIE [--live]     une évaluation JSON en classeur, ou un classeur en JSON
  sroi report   FICHIER [--out rapport.html] [--lang fr|en]
                                                 un rapport pour les financeurs : un fichier HTML, 2 pages A4 au plus
  sroi --help | --version

FICHIER est un classeur écrit par le complément SROI ou par cet outil (.xlsx, avec ou sans les
fonctions SROI.* du complément : les valeurs sont toujours recalculées, jamais lues dans les
résultats mémorisés des cellules) ou une évaluation JSON (docs/assessment.schema.json,
"schema": "sroi-assessment/1").
Un DOSSIER est lu fichier par fichier (*.xlsx et *.json, sans les sous-dossiers) : une ligne par
évaluation (un classeur peut en contenir plusieurs : book.xlsx, book.xlsx#2), puis un total par
devise ; un fichier invalide est signalé et les autres sont calculés.
--out FICHIER en .json écrit du JSON, sinon du .xlsx (par défaut : sroi-template.xlsx /
sroi-example.xlsx). Les classeurs n'utilisent que des fonctions natives (classeurs autonomes) : Excel et
LibreOffice les calculent sans le complément.
--json affiche le résultat en JSON ("schema": "sroi-result/1", décrit dans docs/cli.md).
Une cellule de saisie qui contient une formule compte avec la valeur enregistrée dans le fichier,
et elle est signalée ; --recalculate fait d'abord recalculer des copies des classeurs par
LibreOffice (soffice, sans interface).
convert vérifie ENTRÉE comme compute et écrit SORTIE : du JSON si SORTIE finit par .json, sinon
un classeur autonome (fonctions natives) sauf si --live demande les fonctions SROI.* du complément.
--lang choisit la langue du classeur et des messages (par défaut : français si LC_ALL,
LC_MESSAGES ou LANG commence par « fr », anglais sinon).

Codes de sortie :
  0  toutes les entrées sont valides (et, pour compute, calculées)
  1  entrée invalide : fichier illisible, problème dans une évaluation, fichier absent, mauvaise option
  2  erreur interne (un bogue : signalez-le avec le message)
`,
};

export const help = (lang: Lang): string => HELP[lang];

const EXPECTED: Record<Lang, Record<Expected, string>> = {
  en: {
    object: "an object",
    array: "a list",
    string: "a text",
    number: "a number",
    numberOrNull: "a number or null",
    boolean: "true or false",
    integer: "a whole number",
  },
  fr: {
    object: "un objet",
    array: "une liste",
    string: "un texte",
    number: "un nombre",
    numberOrNull: "un nombre ou null",
    boolean: "true ou false",
    integer: "un nombre entier",
  },
};

/**
 * A value of the file as the message shows it: a list or an object is named, not printed (it may
 * be nested thousands deep, or be megabytes long), and long text is cut.
 */
const json = (v: unknown, lang: Lang = "en"): string => {
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return lang === "fr" ? "une liste" : "a list";
  if (typeof v === "object" && v !== null) return lang === "fr" ? "un objet" : "an object";
  const text = JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** What is wrong with the JSON's shape; the JSON Pointer is printed before it, as the place. */
export function describeShape(p: ShapeProblem, lang: Lang): string {
  const fr = lang === "fr";
  switch (p.code) {
    case "notJson":
      return fr ? `ce fichier n'est pas du JSON valide : ${p.detail}` : `this file is not valid JSON: ${p.detail}`;
    case "wrongSchema":
      return fr
        ? `${json(p.value, "fr")} n'est pas un format connu ; attendu "sroi-assessment/1".`
        : `${json(p.value)} is not a known format; expected "sroi-assessment/1".`;
    case "missing":
      return fr ? `cette propriété est obligatoire.` : `this property is required.`;
    case "unknownProperty":
      return fr
        ? `propriété inconnue (faute de frappe ?) ; voir docs/assessment.schema.json.`
        : `unknown property (a typo?); see docs/assessment.schema.json.`;
    case "wrongType":
      return fr ? `${json(p.value, "fr")} devrait être ${EXPECTED.fr[p.expected]}.` : `${json(p.value)} should be ${EXPECTED.en[p.expected]}.`;
    case "notOneOf":
      return fr
        ? `${json(p.value, "fr")} n'est pas une valeur permise ; utilisez ${p.allowed.map((a) => json(a)).join(", ")}.`
        : `${json(p.value)} is not allowed; use one of ${p.allowed.map((a) => json(a)).join(", ")}.`;
    case "notCurrencyCode":
      return fr
        ? `${json(p.value, "fr")} n'est pas un code de devise ISO 4217 (trois lettres majuscules, p. ex. EUR, GBP).`
        : `${json(p.value)} is not an ISO 4217 currency code (three capital letters, e.g. EUR, GBP).`;
  }
}

interface Words {
  assessmentType: string;
  types: Record<AssessmentType, string>;
  scope: string;
  /** the heading of what was left out of the analysis */
  exclusions: (n: number) => string;
  presentValue: string;
  inputs: string;
  npv: string;
  ratio: string;
  netRatio: string;
  payback: string;
  annualImpact: string;
  byStakeholder: string;
  checks: (n: number) => string;
  warning: string;
  info: string;
  ratioRange: (p10: string, median: string, p90: string, draws: number) => string;
  mostSensitive: string;
  outcome: (n: number) => string;
  breakEven: (value: string) => string;
  noBreakEven: string;
  months: (n: string) => string;
  noRatio: string;
  noPayback: string;
  invalid: (n: number) => string;
  total: (currency: string, valid: number, all: number) => string;
  copyOf: (original: string) => string;
  written: (file: string) => string;
  unknownCommand: (c: string) => string;
  missingFile: string;
  notFound: (f: string) => string;
  unreadable: (f: string, why: string) => string;
  unwritable: (f: string, why: string) => string;
  notAnAssessmentFile: (f: string) => string;
  linkLoop: string;
  danglingLink: string;
  notUtf8: (offset: number) => string;
  notFinite: (outcome: number) => string;
  notFiniteInputs: string;
  notFiniteTotal: string;
  internal: (why: string) => string;
  convertUsage: string;
  convertNeedsFile: (f: string) => string;
  liveNeedsWorkbook: string;
  sameInOut: (f: string) => string;
  severalAssessments: (f: string, n: number) => string;
  emptyFolder: (f: string) => string;
  corrupt: (why: string) => string;
  badOption: (why: string) => string;
  jsonNeedsNoOut: string;
  tryHelp: string;
  /** input cells holding a formula: `cells` already listed ("'Impact map'!E5 (Quantity), …") */
  formulaCells: (f: string, n: number, cells: string, recalculated: boolean) => string;
  andMore: (n: number) => string;
  noSoffice: (given: string | undefined) => string;
  recalculateFailed: (why: string) => string;
  recalculateTimedOut: (seconds: number) => string;
  badTimeout: (v: string) => string;
}

export const WORDS: Record<Lang, Words> = {
  en: {
    assessmentType: "Assessment type",
    types: { forecast: "forecast", evaluative: "evaluative" },
    scope: "Scope",
    exclusions: (n) => `Left out of the analysis (${n}):`,
    presentValue: "Present value (PV)",
    inputs: "Value of inputs",
    npv: "Net present value (NPV)",
    ratio: "SROI ratio",
    netRatio: "Net ratio",
    payback: "Payback",
    annualImpact: "Annual impact",
    byStakeholder: "Value by stakeholder",
    checks: (n) => (n === 0 ? "Checks against over-claiming: none fires" : `Checks against over-claiming (${n}):`),
    warning: "warning",
    info: "note",
    ratioRange: (p10, median, p90, draws) => `Ratio range (Monte Carlo, ${draws.toLocaleString("en")} draws, each estimate ±25 %): P10 ${p10}, median ${median}, P90 ${p90} : 1`,
    mostSensitive: "The three estimates the ratio depends on most (each moved ±25 %):",
    outcome: (n) => `outcome ${n}`,
    breakEven: (value) => `1 : 1 at ${value}`,
    noBreakEven: "no value in its legal range gives 1 : 1",
    months: (n) => `${n} months`,
    noRatio: "none (the inputs total 0)",
    noPayback: "never (no positive annual impact, or no inputs)",
    invalid: (n) => `invalid (${n} problem${n === 1 ? "" : "s"})`,
    total: (c, v, a) => `Total ${c} (${v} of ${a} assessments)`,
    copyOf: (o) => `(a portable copy of ${o}: not in the total)`,
    written: (f) => `Written: ${f}`,
    unknownCommand: (c) => `unknown command "${c}"; the commands are template, example, compute, convert and report.`,
    missingFile: "compute needs a file or a folder: sroi compute FILE|FOLDER",
    notFound: (f) => `${f}: no such file or folder.`,
    unreadable: (f, why) => `${f}: cannot be read (${why}).`,
    unwritable: (f, why) => `${f}: cannot be written (${why}).`,
    notAnAssessmentFile: (f) => `${f}: not an assessment file; give an .xlsx workbook or a .json assessment.`,
    emptyFolder: (f) => `${f}: the folder holds no .xlsx or .json file.`,
    linkLoop: "a symbolic link in a loop (it leads back to itself); not read.",
    danglingLink: "a symbolic link to a file that does not exist.",
    notUtf8: (o) => `this file is not UTF-8 text (byte ${o + 1} is not valid UTF-8); save the JSON as UTF-8.`,
    notFinite: (k) => `outcome ${k}: the result is too large to be a number (over 1.8e308); check its quantity and financial proxy.`,
    notFiniteInputs: "the total of the inputs is too large to be a number (over 1.8e308); check the amounts.",
    notFiniteTotal: "a total is too large to be a number (over 1.8e308); check the quantities, proxies and amounts.",
    internal: (why) => `internal error while reading this file (a bug in sroi: please report it): ${why}`,
    convertUsage: "convert needs a file and where to write it: sroi convert IN --out OUT (.json or .xlsx)",
    convertNeedsFile: (f) => `${f}: convert takes one file, not a folder.`,
    liveNeedsWorkbook: "--live is for a workbook: give --out FILE.xlsx, or leave out --live.",
    sameInOut: (f) => `${f}: the output would replace the input; give another --out.`,
    severalAssessments: (f, n) => `${f} holds ${n} assessments; the JSON form holds one: copy each into a workbook of its own first.`,
    corrupt: (why) => `this is not a readable .xlsx workbook (${why}).`,
    badOption: (why) => `${why}`,
    jsonNeedsNoOut: "--json prints to the screen; leave out --out, or give --out FILE.json.",
    tryHelp: "Try: sroi --help",
    formulaCells: (f, n, cells, recalculated) =>
      recalculated
        ? `${f}: ${n === 1 ? "1 input cell holds a formula" : `${n} input cells hold formulas`}, recalculated by LibreOffice before reading: ${cells}.`
        : `${f}: ${n === 1 ? "1 input cell holds a formula; its value saved in the file was used" : `${n} input cells hold formulas; their values saved in the file were used`} (Excel recalculates on opening and may show other values): ${cells}. sroi compute --recalculate recalculates the workbook with LibreOffice first.`,
    andMore: (n) => `and ${n} more (--json lists them all)`,
    noSoffice: (given) =>
      `--recalculate needs LibreOffice, and ${given !== undefined ? `SOFFICE=${given} is not a program that can be run` : "its soffice program was not found (SOFFICE, /usr/bin/soffice, PATH)"}. Install it (Debian, Ubuntu: sudo apt-get install libreoffice-calc-nogui; elsewhere: https://www.libreoffice.org/download/), or set SOFFICE to its soffice program, or leave out --recalculate.`,
    recalculateFailed: (why) => `LibreOffice could not recalculate this workbook (${why}); nothing was computed from it.`,
    recalculateTimedOut: (s) => `LibreOffice did not finish recalculating within ${s} s; this workbook was not computed (set SROI_RECALCULATE_TIMEOUT to allow more seconds).`,
    badTimeout: (v) => `SROI_RECALCULATE_TIMEOUT=${v}: give a number of seconds greater than 0.`,
  },
  fr: {
    assessmentType: "Type d'évaluation",
    types: { forecast: "prévisionnelle", evaluative: "évaluative" },
    scope: "Périmètre",
    exclusions: (n) => `Exclu de l'analyse (${n})\u00a0:`,
    presentValue: "Valeur actuelle (VA)",
    inputs: "Valeur des contributions",
    npv: "Valeur actuelle nette (VAN)",
    ratio: "Ratio SROI",
    netRatio: "Ratio net",
    payback: "Délai de récupération",
    annualImpact: "Impact annuel",
    byStakeholder: "Valeur par partie prenante",
    checks: (n) => (n === 0 ? "Contrôles contre la surévaluation : aucun ne se déclenche" : `Contrôles contre la surévaluation (${n}) :`),
    warning: "attention",
    info: "remarque",
    ratioRange: (p10, median, p90, draws) =>
      `Fourchette du ratio (Monte-Carlo, ${draws.toLocaleString("fr-FR")} tirages, chaque estimation ±25 %) : P10 ${p10}, médiane ${median}, P90 ${p90} : 1`,
    mostSensitive: "Les trois estimations dont le ratio dépend le plus (chacune ±25 %) :",
    outcome: (n) => `effet ${n}`,
    breakEven: (value) => `1 : 1 à ${value}`,
    noBreakEven: "aucune valeur de sa plage légale ne donne 1 : 1",
    months: (n) => `${n} mois`,
    noRatio: "aucun (les contributions valent 0)",
    noPayback: "jamais (pas d'impact annuel positif, ou pas de contributions)",
    invalid: (n) => `invalide (${n} problème${n === 1 ? "" : "s"})`,
    total: (c, v, a) => `Total ${c} (${v} évaluations sur ${a})`,
    copyOf: (o) => `(copie autonome de ${o} : hors du total)`,
    written: (f) => `Écrit : ${f}`,
    unknownCommand: (c) => `commande inconnue « ${c} » ; les commandes sont template, example, compute, convert et report.`,
    missingFile: "compute attend un fichier ou un dossier : sroi compute FICHIER|DOSSIER",
    notFound: (f) => `${f} : fichier ou dossier introuvable.`,
    unreadable: (f, why) => `${f} : lecture impossible (${why}).`,
    unwritable: (f, why) => `${f} : écriture impossible (${why}).`,
    notAnAssessmentFile: (f) => `${f} : ce n'est pas un fichier d'évaluation ; donnez un classeur .xlsx ou une évaluation .json.`,
    emptyFolder: (f) => `${f} : le dossier ne contient aucun fichier .xlsx ou .json.`,
    linkLoop: "lien symbolique en boucle (il ramène à lui-même) ; non lu.",
    danglingLink: "lien symbolique vers un fichier qui n'existe pas.",
    notUtf8: (o) => `ce fichier n'est pas du texte UTF-8 (l'octet ${o + 1} n'est pas de l'UTF-8 valide) ; enregistrez le JSON en UTF-8.`,
    notFinite: (k) => `effet ${k} : le résultat est trop grand pour être un nombre (plus de 1,8e308) ; vérifiez sa quantité et son proxy financier.`,
    notFiniteInputs: "le total des contributions est trop grand pour être un nombre (plus de 1,8e308) ; vérifiez les montants.",
    notFiniteTotal: "un total est trop grand pour être un nombre (plus de 1,8e308) ; vérifiez les quantités, les proxys et les montants.",
    internal: (why) => `erreur interne à la lecture de ce fichier (un bogue de sroi : signalez-le) : ${why}`,
    convertUsage: "convert attend un fichier et où écrire le résultat : sroi convert ENTRÉE --out SORTIE (.json ou .xlsx)",
    convertNeedsFile: (f) => `${f} : convert prend un fichier, pas un dossier.`,
    liveNeedsWorkbook: "--live vaut pour un classeur : donnez --out FICHIER.xlsx, ou retirez --live.",
    sameInOut: (f) => `${f} : la sortie remplacerait l'entrée ; donnez un autre --out.`,
    severalAssessments: (f, n) => `${f} contient ${n} évaluations ; la forme JSON n'en contient qu'une : copiez chacune dans un classeur à part d'abord.`,
    corrupt: (why) => `ce n'est pas un classeur .xlsx lisible (${why}).`,
    badOption: (why) => `${why}`,
    jsonNeedsNoOut: "--json affiche à l'écran ; retirez --out, ou donnez --out FICHIER.json.",
    tryHelp: "Essayez : sroi --help",
    formulaCells: (f, n, cells, recalculated) =>
      recalculated
        ? `${f} : ${n === 1 ? "1 cellule de saisie contient une formule, recalculée" : `${n} cellules de saisie contiennent des formules, recalculées`} par LibreOffice avant la lecture : ${cells}.`
        : `${f} : ${n === 1 ? "1 cellule de saisie contient une formule ; sa valeur enregistrée dans le fichier a été utilisée" : `${n} cellules de saisie contiennent des formules ; leurs valeurs enregistrées dans le fichier ont été utilisées`} (Excel recalcule à l'ouverture et peut afficher d'autres valeurs) : ${cells}. sroi compute --recalculate recalcule d'abord le classeur avec LibreOffice.`,
    andMore: (n) => `et ${n} autres (--json les liste toutes)`,
    noSoffice: (given) =>
      `--recalculate a besoin de LibreOffice, et ${given !== undefined ? `SOFFICE=${given} n'est pas un programme exécutable` : "son programme soffice est introuvable (SOFFICE, /usr/bin/soffice, PATH)"}. Installez-le (Debian, Ubuntu : sudo apt-get install libreoffice-calc-nogui ; ailleurs : https://fr.libreoffice.org/download/), ou indiquez son programme soffice dans SOFFICE, ou retirez --recalculate.`,
    recalculateFailed: (why) => `LibreOffice n'a pas pu recalculer ce classeur (${why}) ; rien n'en a été calculé.`,
    recalculateTimedOut: (s) => `LibreOffice n'a pas fini de recalculer en ${s} s ; ce classeur n'a pas été calculé (SROI_RECALCULATE_TIMEOUT donne plus de secondes).`,
    badTimeout: (v) => `SROI_RECALCULATE_TIMEOUT=${v} : donnez un nombre de secondes supérieur à 0.`,
  },
};
