import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { SAME_IN_BOTH, UI_KEYS, pseudo, translator, uiTable, unitLabel } from "../../src/i18n/ui";
import { LIBRARY_PROXIES } from "../../src/proxies/library.generated";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const en = uiTable("en");
const fr = uiTable("fr");

// One test per rule; a failure lists every offending key, with what is wrong with it.
describe("task pane strings: English and French are complete and consistent", () => {
  test("every key has a French text that is not blank", () => {
    expect(UI_KEYS.filter((k) => fr[k].trim() === "")).toEqual([]);
  });

  test("every key outside SAME_IN_BOTH is translated (French differs from English)", () => {
    expect(UI_KEYS.filter((k) => !SAME_IN_BOTH.has(k) && fr[k] === en[k]).map((k) => ({ key: k, both: en[k] }))).toEqual([]);
  });

  test("every key has the same {placeholders} in both languages", () => {
    const differ = UI_KEYS.filter((k) => placeholders(fr[k]).join() !== placeholders(en[k]).join());
    expect(differ.map((k) => ({ key: k, en: placeholders(en[k]), fr: placeholders(fr[k]) }))).toEqual([]);
  });

  // ratioValue is "x : 1" in both: the SROI guide's way of writing a ratio, not punctuation.
  test("French uses a space before : ; ? ! (French typography), English does not", () => {
    const badFr = UI_KEYS.filter((k) => /[^\s\u00a0\u202f][:;?!](\s|$)/.test(fr[k]) && !/https?:/.test(fr[k]));
    const badEn = UI_KEYS.filter((k) => k !== "ratioValue" && /\s[:;?!](\s|$)/.test(en[k]));
    expect({ badFr, badEn }).toEqual({ badFr: [], badEn: [] });
  });
});

/**
 * The keys a source file really uses, read from its syntax tree (so comments and type declarations
 * do not count): string literals given to t(…) (through ?:, ??, || and parentheses), literals in a
 * slot its own annotation types UiKey (STEP_LABELS: Record<StepKey, UiKey>, rows: [UiKey, string][],
 * { label: UiKey }[]), and the members of a local literal union cast to UiKey (t(key as UiKey) with
 * key: NumberKey). `calls` is what t(…) and those slots name, known key or not.
 */
function keyUses(source: string, fileName = "source.tsx"): { used: Set<string>; named: string[] } {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const named: string[] = [];
  const aliases = new Map<string, ts.TypeNode>();
  const declared = new Map<string, ts.TypeNode>();
  const collect = (node: ts.Node) => {
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name) && node.type) declared.set(node.name.text, node.type);
    ts.forEachChild(node, collect);
  };
  collect(file);

  const isUiKey = (type: ts.TypeNode): boolean =>
    (ts.isTypeReferenceNode(type) && type.typeName.getText(file) === "UiKey") ||
    (ts.isUnionTypeNode(type) && type.types.some(isUiKey)) ||
    (ts.isParenthesizedTypeNode(type) && isUiKey(type.type));

  /** The string literals of a literal union type (resolving local aliases), e.g. NumberKey. */
  const literalsOf = (type: ts.TypeNode, seen = new Set<string>()): string[] => {
    if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
    if (ts.isUnionTypeNode(type)) return type.types.flatMap((x) => literalsOf(x, seen));
    if (ts.isParenthesizedTypeNode(type)) return literalsOf(type.type, seen);
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const name = type.typeName.text;
      const alias = aliases.get(name);
      if (alias && !seen.has(name)) return literalsOf(alias, new Set([...seen, name]));
    }
    return [];
  };

  /** A value that lands where a UiKey is expected. */
  const keyValue = (e: ts.Expression): void => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) named.push(e.text);
    else if (ts.isParenthesizedExpression(e)) keyValue(e.expression);
    else if (ts.isConditionalExpression(e)) (keyValue(e.whenTrue), keyValue(e.whenFalse));
    else if (ts.isBinaryExpression(e) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(e.operatorToken.kind)) (keyValue(e.left), keyValue(e.right));
    else if ((ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) && isUiKey(e.type)) {
      const inner = e.expression;
      const type = ts.isIdentifier(inner) ? declared.get(inner.text) : undefined;
      if (type) named.push(...literalsOf(type));
      else keyValue(inner);
    }
  };

  /** Matches an annotation against its initializer, shape by shape, down to the UiKey slots. */
  const slot = (type: ts.TypeNode, value: ts.Expression): void => {
    if (ts.isParenthesizedExpression(value)) return slot(type, value.expression);
    if (isUiKey(type)) return keyValue(value);
    if (ts.isParenthesizedTypeNode(type)) return slot(type.type, value);
    if (ts.isUnionTypeNode(type)) return type.types.forEach((member) => slot(member, value));
    if (ts.isTypeOperatorNode(type)) return slot(type.type, value); // readonly T[]
    if (ts.isArrayTypeNode(type) && ts.isArrayLiteralExpression(value)) return value.elements.forEach((el) => slot(type.elementType, el));
    if (ts.isTupleTypeNode(type) && ts.isArrayLiteralExpression(value)) {
      return value.elements.forEach((el, i) => {
        const member = type.elements[i];
        if (member) slot(ts.isNamedTupleMember(member) ? member.type : member, el);
      });
    }
    if (ts.isTypeLiteralNode(type) && ts.isObjectLiteralExpression(value)) {
      for (const p of value.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const member = type.members.find((m) => ts.isPropertySignature(m) && m.name.getText(file) === p.name.getText(file)) as ts.PropertySignature | undefined;
        if (member?.type) slot(member.type, p.initializer);
      }
      return;
    }
    if (ts.isTypeReferenceNode(type) && type.typeArguments) {
      const name = type.typeName.getText(file);
      const [first, second] = type.typeArguments;
      if (name === "Partial") return slot(first, value);
      if (name === "Record" && second && ts.isObjectLiteralExpression(value)) {
        for (const p of value.properties) if (ts.isPropertyAssignment(p)) slot(second, p.initializer);
        return;
      }
      if ((name === "Array" || name === "ReadonlyArray") && ts.isArrayLiteralExpression(value)) return value.elements.forEach((el) => slot(first, el));
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "t" && node.arguments[0]) keyValue(node.arguments[0]);
    if ((ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) && node.type && node.initializer) slot(node.type, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { used: new Set(named), named };
}

const TASKPANE = join(__dirname, "../../src/taskpane");
function sources(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, sources(path));
    else if (/\.tsx?$/.test(name)) out[relative(TASKPANE, path)] = readFileSync(path, "utf8");
  }
  return out;
}
const usesIn = (files: Record<string, string>) => {
  const all = Object.entries(files).map(([name, text]) => keyUses(text, name));
  return { used: new Set(all.flatMap((u) => [...u.used])), named: all.flatMap((u) => u.named) };
};
const unusedKeys = (files: Record<string, string>) => {
  const { used } = usesIn(files);
  return UI_KEYS.filter((k) => !used.has(k));
};

describe("every string is used by the pane, and the pane uses no key that does not exist", () => {
  const pane = sources(TASKPANE);

  test("every key is really used in src/taskpane (t(…), or a table typed UiKey)", () => {
    expect(unusedKeys(pane)).toEqual([]);
  });

  test("every key the pane names in t(…) or a UiKey table exists", () => {
    expect(usesIn(pane).named.filter((k) => !(UI_KEYS as string[]).includes(k))).toEqual([]);
  });

  test("removing a key's only use is caught, even where the old substring check still passed", () => {
    const file = "pages/Setup/Setup.tsx";
    const line = '  review: "stepReview",\n';
    expect(pane[file]).toContain(line); // the fixture: STEP_LABELS is stepReview's only use
    expect(Object.entries(pane).filter(([, text]) => text.includes('"stepReview"')).map(([name]) => name)).toEqual([file]);
    const removed = { ...pane, [file]: pane[file].replace(line, '  // review: "stepReview",\n') + '\ntype Old = "stepReview";\n' };
    expect(Object.values(removed).join("\n")).toMatch(/["']stepReview["']/); // what the old test looked for
    expect(unusedKeys(removed)).toEqual(["stepReview"]);
  });
});

describe("keyUses: what counts as a use of a key", () => {
  const uses = (source: string) => [...keyUses(source).used].sort();
  test.each<[string, string, string[]]>([
    ["a t(…) call", 't("save")', ["save"]],
    ["both branches of ?: inside t(…), with variables", 't(ok ? "yes" : "no", { n: 1 })', ["no", "yes"]],
    ["a t(…) call in a comment", '// t("save")\n/* t("other") */', []],
    ["a union type that mentions the key", 'type Keys = "save" | "cancel";', []],
    ["a plain string that is not typed UiKey", 'const label = "save"; set("save", 1);', []],
    ["a call to another function", 'tt("save"); x.t2("cancel")', []],
    ["Record<K, UiKey>: the values, not the property names", 'const L: Record<Step, UiKey> = { review: "stepReview" };', ["stepReview"]],
    ["{ label: UiKey }[]: only the UiKey property", 'const F: { key: FilterKey; label: UiKey }[] = [{ key: "currency", label: "filterCurrency" }];', ["filterCurrency"]],
    ["[UiKey, string][]: only the tuple's first element", 'const rows: [UiKey, string][] = [["proxyId", "save"]];', ["proxyId"]],
    ["UiKey | null", 'const k: UiKey | null = "save";', ["save"]],
    ["a local literal union cast to UiKey", 'type N = "quantity" | "duration";\nconst box = (key: N) => t(key as UiKey);', ["duration", "quantity"]],
    ["a UiKey-typed parameter passed on (its values are counted where they are written)", "const f = (k: UiKey) => t(k);", []],
  ])("%s", (_case, source, expected) => expect(uses(source)).toEqual(expected));
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
  test("every unit of the library has a French label", () => {
    const units = [...new Set(LIBRARY_PROXIES.map((p) => p.unit).filter((u) => u !== ""))];
    expect(units.length).toBeGreaterThan(0);
    expect(units.filter((unit) => unitLabel(unit, "fr") === unit)).toEqual([]);
  });
  test("a unit typed in the workbook's own sheet is shown as written", () => {
    expect(unitLabel("per bag of compost", "fr")).toBe("per bag of compost");
    expect(unitLabel("per month", "en")).toBe("per month");
  });
});
