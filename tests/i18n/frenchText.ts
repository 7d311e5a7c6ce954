/**
 * Finding every French string of the sources, and what French typography says about it.
 *
 * A string is French when the code says so: a property named `fr` (`{ en: "…", fr: "…" }`,
 * `fr: { … }` message tables), a table named `FR`, or the first branch of `fr ? … : …` /
 * `lang === "fr" ? … : …`. Only the literal text is looked at: what is between `${` and `}` is code
 * (a ternary's ` : ` there is not punctuation). Strings that are not prose are left out: formulas
 * (starting with =), URLs, and the language codes and locale names the code passes around.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const NBSP = "\u00A0";
export const NNBSP = "\u202F";

export interface FrenchLiteral {
  file: string;
  line: number;
  /** the literal's text, with each `${…}` shown as ${…} */
  text: string;
  /** the pieces of literal text (a template literal has one per span), with their source offsets */
  pieces: { start: number; end: number; text: string }[];
}

type Side = "fr" | "en" | undefined;

const isFrCondition = (e: ts.Expression, file: ts.SourceFile): Side => {
  const text = e.getText(file).replace(/\s+/g, "");
  if (text === "fr" || /^(lang|l|language|this\.lang)==="fr"$/.test(text) || /^"fr"===(lang|l)$/.test(text)) return "fr";
  if (text === "!fr" || /^(lang|l)==="en"$/.test(text)) return "en";
  return undefined;
};

/** Which language the code puts this literal in, from the nearest ancestor that decides it. */
function sideOf(node: ts.Node, file: ts.SourceFile): Side {
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isPropertyAssignment(parent) && parent.initializer === child) {
      const name = parent.name.getText(file).replace(/["']/g, "");
      if (name === "fr") return "fr";
      if (name === "en") return "en";
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name)) {
      if (parent.name.text === "FR") return "fr";
      if (parent.name.text === "EN") return "en";
    }
    if (ts.isConditionalExpression(parent) && (parent.whenTrue === child || parent.whenFalse === child)) {
      const side = isFrCondition(parent.condition, file);
      if (side) return parent.whenTrue === child ? side : side === "fr" ? "en" : "fr";
    }
  }
  return undefined;
}

/** Every French literal of a TypeScript source. */
export function frenchLiteralsOf(source: string, fileName: string): FrenchLiteral[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: FrenchLiteral[] = [];
  const add = (node: ts.Node, pieces: FrenchLiteral["pieces"]) => {
    const text = pieces.map((p) => p.text).join("${…}");
    if (/^\s*=/.test(text) || /^(fr|en|fr-FR|en-GB)$/.test(text)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    out.push({ file: fileName, line: line + 1, text, pieces });
  };
  const visit = (node: ts.Node): void => {
    if (!node.parent) {
      ts.forEachChild(node, visit);
      return;
    }
    const inType = ts.isLiteralTypeNode(node.parent) || ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !inType) {
      const isKey = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
      const isIndex = ts.isElementAccessExpression(node.parent) || ts.isCaseClause(node.parent) || ts.isBinaryExpression(node.parent);
      if (!isKey && !isIndex && sideOf(node, file) === "fr") {
        add(node, [{ start: node.getStart(file) + 1, end: node.getEnd() - 1, text: node.text }]);
      }
    } else if (ts.isTemplateExpression(node) && sideOf(node, file) === "fr") {
      const pieces: FrenchLiteral["pieces"] = [];
      const head = node.head;
      pieces.push({ start: head.getStart(file) + 1, end: head.getEnd() - 2, text: head.text });
      for (const span of node.templateSpans) {
        const lit = span.literal;
        const closing = ts.isTemplateTail(lit) ? 1 : 2;
        pieces.push({ start: lit.getStart(file) + 1, end: lit.getEnd() - closing, text: lit.text });
      }
      add(node, pieces);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Every .ts/.tsx file under a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.generated\.ts$/.test(name) ? [path] : [];
  });
}

export function frenchLiteralsUnder(root: string, dirs: string[]): FrenchLiteral[] {
  return dirs.flatMap((d) => sourceFiles(join(root, d))).flatMap((path) => frenchLiteralsOf(readFileSync(path, "utf8"), relative(root, path)));
}

/** The French texts of catalog.json: each function's description and returns, each parameter's description. */
export function catalogFrench(catalog: unknown): { where: string; text: string }[] {
  type Words = { en: string; fr: string };
  type Fn = { id: string; description: Words; returns: Words; parameters: { field: string; description: Words }[] };
  return (catalog as Fn[]).flatMap((f) => [
    { where: `${f.id}.description`, text: f.description.fr },
    { where: `${f.id}.returns`, text: f.returns.fr },
    ...f.parameters.map((p) => ({ where: `${f.id}.${p.field}`, text: p.description.fr })),
  ]);
}

/**
 * What French typography finds wrong in a text (empty when nothing): a high punctuation mark
 * (: ; ? !) or » without a no-break space before it, « without one after it, % or € without a
 * narrow no-break space before it, and a thousands separator that is not a narrow no-break space.
 * A colon, semicolon, ? or ! glued to the next character is not punctuation (https://,
 * 'Sheet'!A1, SroiProxies[#All], a time) and is left alone; so is a piece boundary (${…}).
 */
export function typographyProblems(text: string): string[] {
  const problems: string[] = [];
  // Excel's error values are names, not sentences: #VALEUR! keeps its ! glued
  text = text.replace(/#(?:VALEUR|NOMBRE|NOM|REF|NUL|VALUE|NUM|NAME|NULL|DIV\/0)!/g, "#ERREUR");
  const found = (re: RegExp, what: string) => {
    for (const m of text.matchAll(re)) problems.push(`${what}: …${text.slice(Math.max(0, m.index! - 12), m.index! + m[0].length + 12)}…`);
  };
  found(/[^\s\u00A0\u202F({[«'"/*`-][:;?!](?=\s|$)/g, "no space before : ; ? !");
  found(/[ \t\u202F][:;?!»]/g, "an ordinary (or narrow) space before : ; ? ! », not a no-break space");
  found(/[^\s\u00A0]»/g, "no space before »");
  found(/«(?!\u00A0)/g, "no no-break space after «");
  found(/(?<![\s\u202F])\d[%€]/g, "no space between a number and % or €");
  found(/[ \t\u00A0][%€]/g, "not a narrow no-break space before % or €");
  found(/(?<![\d,.-])\d{1,3}(?:[ \t\u00A0\u202F]\d{3})*[ \t\u00A0]\d{3}(?!\d)/g, "a thousands separator that is not a narrow no-break space");
  return problems;
}

/** The text with French typography applied (for one piece of literal text; ${…} boundaries are edges). */
export function applyTypography(text: string): string {
  const out = text
    .replace(/[ \t\u202F]([:;?!»])/g, `${NBSP}$1`)
    .replace(/([^\s\u00A0\u202F({[«'"/*`-])([:;?!])(?=\s|$)/g, `$1${NBSP}$2`)
    .replace(/([^\s\u00A0])»/g, `$1${NBSP}»`)
    .replace(/«[ \t]?(?!\u00A0)/g, `«${NBSP}`)
    .replace(/[ \t\u00A0]([%€])/g, `${NNBSP}$1`)
    .replace(/(?<![\d,.-])\d{1,3}(?:[ \t\u00A0\u202F]\d{3})+(?!\d)/g, (group) => group.replace(/[ \t\u00A0]/g, NNBSP));
  return out.replace(/#([A-Z]+)\u00A0!/g, "#$1!");
}

/** Rewrites the French literals of a source (used once to apply the rule; kept for new strings). */
export function fixSource(source: string, fileName: string): string {
  const pieces = frenchLiteralsOf(source, fileName).flatMap((l) => l.pieces);
  let out = source;
  for (const p of [...pieces].sort((a, b) => b.start - a.start)) {
    const raw = out.slice(p.start, p.end);
    out = out.slice(0, p.start) + applyTypography(raw) + out.slice(p.end);
  }
  return out;
}

