/**
 * The shipped library: data/proxies.csv is the source of truth, src/proxies/library.generated.ts is
 * what the bundle carries. The CSV is read here through the user-facing importer (a second, independent
 * reading from the generator script's), so the two cannot drift apart unnoticed.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";
import { importProxies } from "../../src/proxies/csv";
import { LIBRARY_PROXIES } from "../../src/proxies/library.generated";
import { PROXY_COLUMNS, VALUATION_METHODS } from "../../src/proxies/types";

const root = path.resolve(__dirname, "../..");
const csvBytes = readFileSync(path.join(root, "data/proxies.csv"));
const imported = importProxies(new Uint8Array(csvBytes), { origin: "library" });

test("data/proxies.csv reads without a single rejected row", () => {
  expect(imported.fileProblems).toEqual([]);
  expect(imported.rejected).toEqual([]);
  expect(imported.ignoredColumns).toEqual([]);
});

test("the generated module holds exactly the CSV's proxies, in order", () => {
  expect(LIBRARY_PROXIES).toEqual(imported.accepted.map((a) => a.proxy));
});

test("the generator script agrees that the committed module is up to date", () => {
  const out = execFileSync(process.execPath, [path.join(root, "scripts/build-proxy-library.mjs"), "--check"], { encoding: "utf8" });
  expect(out).toMatch(/up to date/);
});

test("the CSV header is PROXY_COLUMNS' keys, in order (the seed's 13 columns, then kind)", () => {
  const header = csvBytes.toString("utf8").split("\n")[0].trim();
  expect(header).toBe(PROXY_COLUMNS.map((c) => c.key).join(","));
  expect(header.startsWith("id,name_en,name_fr,value,currency,unit,price_year,country,theme,method,source,url,notes")).toBe(true);
});

test("every seed row is in the library with its value unchanged", () => {
  const seed = [
    ["FR-RSA-SINGLE-2025", 646.52],
    ["FR-SMIC-HOUR-GROSS-2025", 11.88],
    ["FR-SMIC-MONTH-GROSS-2026", 1823.03],
    ["FR-HOSPDAY-PUBLIC-2012", 2115],
    ["BE-RIS-SINGLE-2025", 1314.2],
    ["UK-WELLBY-2019", 13000],
    ["UK-NURSING-HOME-DAY-2024", 173],
  ] as const;
  for (const [id, value] of seed) expect(LIBRARY_PROXIES.find((p) => p.id === id)?.value).toBe(value);
});

const values = LIBRARY_PROXIES.filter((p) => p.kind === "value");
const references = LIBRARY_PROXIES.filter((p) => p.kind === "reference");

/** The entries that break a rule, with the rules each one breaks: one test per kind of entry lists them all. */
function offenders<T extends { id: string }>(entries: T[], rules: Record<string, (p: T) => boolean>) {
  return entries.map((p) => ({ id: p.id, breaks: Object.keys(rules).filter((rule) => !rules[rule](p)) })).filter((o) => o.breaks.length > 0);
}

test("every value entry has a value with its unit, currency, year, method, source and link", () => {
  expect(values.length).toBeGreaterThan(0);
  expect(
    offenders(values, {
      "a numeric value": (p) => typeof p.value === "number",
      "a three-letter currency": (p) => /^[A-Z]{3}$/.test(p.currency),
      "a unit": (p) => p.unit !== "",
      "a price year": (p) => typeof p.priceYear === "number",
      "a known valuation method": (p) => (VALUATION_METHODS as readonly string[]).includes(p.method),
      "a source": (p) => p.source !== "",
      "an https link": (p) => /^https:\/\//.test(p.url),
      "an English name": (p) => p.nameEn !== "",
      "a French name": (p) => p.nameFr !== "",
      "a theme": (p) => p.themes.length > 0,
    }),
  ).toEqual([]);
});

test("every where-to-look entry has no value, and a link and a source", () => {
  expect(references.length).toBeGreaterThan(0);
  expect(
    offenders(references, {
      "no value": (p) => p.value === null,
      "an https link": (p) => /^https:\/\//.test(p.url),
      "a source": (p) => p.source !== "",
    }),
  ).toEqual([]);
});

test("licensed sources are linked, never embedded: HACT's Social Value Bank is a reference without a value", () => {
  const hact = LIBRARY_PROXIES.filter((p) => /hact|social value bank/i.test(`${p.nameEn} ${p.source}`));
  expect(hact.length).toBeGreaterThan(0);
  for (const p of hact) expect(p).toMatchObject({ kind: "reference", value: null });
});

test("ids are unique without regard to case", () => {
  const ids = LIBRARY_PROXIES.map((p) => p.id.toUpperCase());
  expect(new Set(ids).size).toBe(ids.length);
});
