/**
 * @jest-environment jsdom
 */
/**
 * Structure of manifest.xml, checked offline (the online validator cannot run here). Each check is
 * a trap of shared-runtime custom-functions add-ins: mismatched resource ids give #N/A or #BUSY! in
 * every cell, <Runtimes> must be the first child of <Host>, CustomFunctions.Error needs
 * CustomFunctionsRuntime 1.2, French Excel needs the French metadata on every French locale.
 */
import fs from "fs";
import { FRENCH_METADATA_LOCALES } from "../../src/functions/catalog";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

/** Elements by local name (the manifest mixes the default, bt: and ov: namespaces). */
const all = (name: string, within: Element | Document = doc): Element[] =>
  Array.from(within.getElementsByTagName("*")).filter((e) => e.localName === name);
const one = (name: string, within: Element | Document = doc): Element => {
  const found = all(name, within);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};
const children = (e: Element) => Array.from(e.children);
const byId = (kind: string) => new Map(all(kind, one("Resources")).map((e) => [e.getAttribute("id")!, e]));
const ofType = (name: string, type: string) => all(name).filter((e) => e.getAttribute("xsi:type") === type);

const urls = byId("Url");
const images = byId("Image");
const shortStrings = new Map(all("String", one("ShortStrings")).map((e) => [e.getAttribute("id")!, e]));
const longStrings = new Map(all("String", one("LongStrings")).map((e) => [e.getAttribute("id")!, e]));

/** The <Host> inside <VersionOverrides> (the top-level <Hosts> only names the host). */
const overrideHost = () => one("Host", one("VersionOverrides"));

test("the manifest is well-formed XML", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
});

test("Id is a GUID, Version has four parts, default locale en-US", () => {
  expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(one("Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(one("DefaultLocale").textContent).toBe("en-US");
});

test("<Runtimes> is the first child of <Host>", () => {
  expect(overrideHost().getAttribute("xsi:type")).toBe("Workbook");
  expect(children(overrideHost())[0]?.localName).toBe("Runtimes");
});

test("one long-lived runtime, shared by the functions page, the function file and the task pane", () => {
  const runtimes = all("Runtime");
  expect(runtimes).toHaveLength(1);
  const resid = runtimes[0].getAttribute("resid");
  expect(resid).toBe("Taskpane.Url");
  expect(runtimes[0].getAttribute("lifetime")).toBe("long");
  const customFunctions = ofType("ExtensionPoint", "CustomFunctions");
  expect(customFunctions).toHaveLength(1);
  expect(one("SourceLocation", one("Page", customFunctions[0])).getAttribute("resid")).toBe(resid);
  expect(one("FunctionFile").getAttribute("resid")).toBe(resid);
  for (const action of ofType("Action", "ShowTaskpane")) expect(one("SourceLocation", action).getAttribute("resid")).toBe(resid);
  expect(urls.get(resid!)?.getAttribute("DefaultValue")).toMatch(/\/taskpane\.html$/);
});

test("the functions script and metadata point at functions.js and functions.json", () => {
  const cf = ofType("ExtensionPoint", "CustomFunctions")[0];
  const script = urls.get(one("SourceLocation", one("Script", cf)).getAttribute("resid")!);
  const metadata = urls.get(one("SourceLocation", one("Metadata", cf)).getAttribute("resid")!);
  expect(script?.getAttribute("DefaultValue")).toMatch(/\/functions\.js$/);
  expect(metadata?.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
});

test("the custom-functions namespace is SROI", () => {
  const resid = one("Namespace").getAttribute("resid")!;
  expect(shortStrings.get(resid)?.getAttribute("DefaultValue")).toBe("SROI");
  expect(all("Override", shortStrings.get(resid)!)).toHaveLength(0); // a localized namespace would break formulas across languages
});

test("requirement sets: SharedRuntime 1.1 and CustomFunctionsRuntime 1.2 (for CustomFunctions.Error)", () => {
  const sets = new Map(all("Set", one("Requirements")).map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
  expect(sets.get("SharedRuntime")).toBe("1.1");
  expect(sets.get("CustomFunctionsRuntime")).toBe("1.2");
});

test("the locales given functions-fr.json are exactly those the writer gives French function names (FRENCH_METADATA_LOCALES)", () => {
  const cf = ofType("ExtensionPoint", "CustomFunctions")[0];
  const metadata = urls.get(one("SourceLocation", one("Metadata", cf)).getAttribute("resid")!)!;
  const locales = all("Override", metadata).map((o) => o.getAttribute("Locale")!.toLowerCase());
  expect(locales.sort()).toEqual([...FRENCH_METADATA_LOCALES].sort());
});

test.each([...FRENCH_METADATA_LOCALES])("French locale %s gets functions-fr.json", (locale) => {
  const cf = ofType("ExtensionPoint", "CustomFunctions")[0];
  const metadata = urls.get(one("SourceLocation", one("Metadata", cf)).getAttribute("resid")!)!;
  const override = all("Override", metadata).filter((o) => o.getAttribute("Locale")?.toLowerCase() === locale);
  expect(override).toHaveLength(1);
  expect(override[0].getAttribute("Value")).toMatch(/\/functions-fr\.json$/);
  // same server and folder as the English file, only the file name differs
  expect(override[0].getAttribute("Value")!.replace(/functions-fr\.json$/, "")).toBe(metadata.getAttribute("DefaultValue")!.replace(/functions\.json$/, ""));
});

test("every URL is https", () => {
  const values = Array.from(doc.getElementsByTagName("*")).flatMap((e) =>
    ["DefaultValue", "Value"].map((a) => e.getAttribute(a)).filter((v): v is string => !!v && /^[a-z]+:\/\//i.test(v)),
  );
  expect(values.length).toBeGreaterThan(10);
  expect(values.filter((v) => !v.startsWith("https://"))).toEqual([]);
  // and nothing that is meant to be a URL is anything else
  for (const e of [...urls.values(), ...images.values(), ...all("IconUrl"), ...all("HighResolutionIconUrl"), ...all("SupportUrl")]) {
    expect(e.getAttribute("DefaultValue")).toMatch(/^https:\/\//);
  }
});

test("every resid referenced is defined, of the right kind, and at most 32 characters", () => {
  const defined = new Map<string, string>([
    ...[...urls.keys()].map((id) => [id, "Url"] as [string, string]),
    ...[...images.keys()].map((id) => [id, "Image"] as [string, string]),
    ...[...shortStrings.keys()].map((id) => [id, "ShortString"] as [string, string]),
    ...[...longStrings.keys()].map((id) => [id, "LongString"] as [string, string]),
  ]);
  const expectedKind: Record<string, string> = {
    Runtime: "Url", SourceLocation: "Url", FunctionFile: "Url", LearnMoreUrl: "Url",
    Image: "Image", Label: "ShortString", Title: "ShortString", Namespace: "ShortString", Description: "LongString",
  };
  const references = Array.from(doc.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));
  expect(references.length).toBeGreaterThan(10);
  for (const e of references) {
    const resid = e.getAttribute("resid")!;
    expect({ resid, length: resid.length <= 32 }).toEqual({ resid, length: true });
    expect({ resid, kind: defined.get(resid) }).toEqual({ resid, kind: expectedKind[e.localName] ?? defined.get(resid) ?? "defined" });
  }
});

test("resource ids are unique and at most 32 characters", () => {
  const ids = all("Resources").flatMap((r) => Array.from(r.getElementsByTagName("*"))).map((e) => e.getAttribute("id")).filter((id): id is string => !!id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => id.length > 32)).toEqual([]);
});

test("short strings fit in 125 characters and long strings in 250", () => {
  for (const s of shortStrings.values()) for (const v of [s, ...all("Override", s)].map((e) => e.getAttribute("DefaultValue") ?? e.getAttribute("Value")!)) expect(v.length).toBeLessThanOrEqual(125);
  for (const s of longStrings.values()) for (const v of [s, ...all("Override", s)].map((e) => e.getAttribute("DefaultValue") ?? e.getAttribute("Value")!)) expect(v.length).toBeLessThanOrEqual(250);
});

// Office picks an override by the exact locale: each French-speaking region needs its own.
const FRENCH_REGIONS = ["fr-be", "fr-ca", "fr-ch", "fr-fr", "fr-lu"];
const frenchLocales = (e: Element) =>
  all("Override", e)
    .map((o) => o.getAttribute("Locale")!.toLowerCase())
    .filter((l) => l.startsWith("fr"))
    .sort();

test("the strings a user reads have a French version for France, Belgium, Switzerland, Canada and Luxembourg", () => {
  const namespace = one("Namespace").getAttribute("resid");
  for (const [id, s] of [...shortStrings, ...longStrings]) {
    if (id === namespace) continue;
    expect({ id, french: frenchLocales(s) }).toEqual({ id, french: FRENCH_REGIONS });
  }
  // the add-in's own name and description (direct children of <OfficeApp>)
  for (const name of ["DisplayName", "Description"]) {
    const e = children(doc.documentElement).find((c) => c.localName === name)!;
    expect({ name, french: frenchLocales(e) }).toEqual({ name, french: FRENCH_REGIONS });
  }
});

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } | null {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.toString("latin1", 1, 4) !== "PNG") return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test("every icon the manifest names exists in assets/, is a PNG, and has the declared size", () => {
  const icons: [string, number | null][] = [
    ...all("Image", one("Images")).map((e): [string, number | null] => [e.getAttribute("DefaultValue")!, null]),
    [one("IconUrl").getAttribute("DefaultValue")!, 32],
    [one("HighResolutionIconUrl").getAttribute("DefaultValue")!, 64],
  ];
  // bt:Image references in the ribbon carry the size they are used at
  for (const ref of all("Image").filter((e) => e.hasAttribute("resid"))) {
    icons.push([images.get(ref.getAttribute("resid")!)!.getAttribute("DefaultValue")!, Number(ref.getAttribute("size"))]);
  }
  for (const [url, size] of icons) {
    const file = path.join(ROOT, new URL(url).pathname);
    expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
    const dims = pngSize(file);
    expect({ url, png: dims !== null }).toEqual({ url, png: true });
    if (size !== null) expect({ url, size: dims }).toEqual({ url, size: { width: size, height: size } });
  }
});
