/**
 * Search-as-you-type over the library and the workbook's own proxies (minisearch): accents and case
 * ignored, French and English side by side, prefixes and light typos forgiven, and the synonyms
 * users actually type ("job" finds employment proxies, "SMIC" the minimum wage, "bénévolat"
 * volunteering). When a workbook proxy has a library proxy's id, the workbook's row wins.
 */
import MiniSearch from "minisearch";
import type { ProxyWarning } from "./problems";
import { COUNTRY_LABELS, METHOD_LABELS, THEME_LABELS } from "./vocabulary";
import { fold } from "./text";
import { Proxy, idKey } from "./types";

/**
 * Words that mean the same to a user, in either language (folded: no accents, lower case). A
 * proxy whose text holds one of them is also found by the others.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ["job", "jobs", "emploi", "employment", "insertion", "work", "travail", "employability", "employabilite", "unemployment", "chomage", "jobseeker", "jobseekers", "demandeur d'emploi"],
  ["benevolat", "benevole", "benevoles", "volunteering", "volunteer", "volunteers", "volontariat"],
  ["hospital", "hopital", "hospitalisation", "hospitalization", "hospitalier", "hospitaliere", "inpatient", "clinic", "clinique"],
  ["day", "days", "daily", "jour", "jours", "journee", "journalier", "journaliere"],
  ["minimum wage", "smic", "salaire minimum", "national living wage", "national minimum wage", "living wage"],
  ["rsa", "revenu de solidarite active", "minimum income", "revenu minimum", "minima sociaux", "integration income", "revenu d'integration", "universal credit"],
  ["wellbeing", "well-being", "bien-etre", "wellby", "life satisfaction", "satisfaction de vie"],
  ["mental health", "sante mentale", "psychiatric", "psychiatrie", "psychiatrique"],
  ["training", "formation", "education", "skills", "competences"],
  ["older people", "personnes agees", "elderly", "seniors", "retraite", "vieillesse"],
  ["care home", "nursing home", "ehpad", "etablissement d'hebergement", "maison de retraite"],
  ["doctor", "medecin", "gp", "generaliste", "consultation"],
  ["disability", "handicap", "disabled", "handicape", "handicapes"],
  ["poverty", "pauvrete", "precarite", "exclusion"],
  ["housing", "logement", "homelessness", "sans-abri"],
  ["therapy", "therapie", "counselling", "psychotherapie"],
];

const STOP_WORDS = new Set([
  "a", "an", "and", "of", "the", "in", "for", "or", "to", "per", "with",
  "d", "l", "de", "du", "des", "la", "le", "les", "et", "en", "un", "une", "par", "au", "aux", "ou",
]);

/** Folded words of a text: "Coût d'une journée" → ["cout", "une", "journee"]. */
export function tokens(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "" && !STOP_WORDS.has(t));
}

const SYNONYM_TOKENS = SYNONYMS.map((group) => group.map(tokens));

function containsSequence(words: string[], present: ReadonlySet<string>, seq: string[]): boolean {
  if (seq.length === 0 || !present.has(seq[0])) return false;
  if (seq.length === 1) return true;
  return words.some((_w, i) => seq.every((s, j) => words[i + j] === s));
}

/** The synonyms a proxy's text calls for, as one text field of the index. */
function synonymsOf(text: string): string {
  const words = tokens(text);
  const present = new Set(words);
  const found: string[] = [];
  SYNONYMS.forEach((group, g) => {
    if (SYNONYM_TOKENS[g].some((seq) => containsSequence(words, present, seq))) found.push(...group);
  });
  // each word once: a long synonym group must not outweigh a word of the proxy's own name
  return [...new Set(found.flatMap(tokens))].join(" ");
}

export interface ProxyEntry {
  proxy: Proxy;
  /** a workbook proxy that has the id of a library proxy, and replaces it */
  replacesLibrary: boolean;
}

/** Library and workbook proxies as one list; on an id clash the workbook's row wins. */
export function mergeProxies(library: readonly Proxy[], workbook: readonly Proxy[]): ProxyEntry[] {
  const libraryIds = new Set(library.map((p) => idKey(p.id)));
  const workbookIds = new Set(workbook.map((p) => idKey(p.id)));
  const seen = new Set<string>();
  const own = workbook
    .filter((p) => {
      const k = idKey(p.id);
      if (seen.has(k)) return false; // the first row of a duplicated id, as the lookup does
      seen.add(k);
      return true;
    })
    .map((proxy) => ({ proxy, replacesLibrary: libraryIds.has(idKey(proxy.id)) }));
  const shipped = library.filter((p) => !workbookIds.has(idKey(p.id))).map((proxy) => ({ proxy, replacesLibrary: false }));
  return [...own, ...shipped];
}

export interface ProxyFilters {
  country?: string | readonly string[];
  /** a theme key (employment, health...) */
  theme?: string | readonly string[];
  method?: string | readonly string[];
  currency?: string | readonly string[];
  kind?: Proxy["kind"];
  origin?: Proxy["origin"];
}

export interface ProxyHit extends ProxyEntry {
  /** relevance; 0 for a listing without query */
  score: number;
}

export interface SearchOptions {
  /** at most this many hits (default 50) */
  limit?: number;
  /** countries whose proxies come first among equally relevant ones (e.g. the assessment's) */
  preferCountries?: readonly string[];
}

export interface ProxySearch {
  /** every proxy, workbook rows first */
  entries: readonly ProxyEntry[];
  search(query: string, filters?: ProxyFilters, options?: SearchOptions): ProxyHit[];
  byId(id: string): ProxyEntry | undefined;
  /** the values present, for the filter drop-downs */
  facets: { countries: string[]; themes: string[]; methods: string[]; currencies: string[] };
}

interface Doc {
  key: string;
  id: string;
  nameEn: string;
  nameFr: string;
  themes: string;
  method: string;
  unit: string;
  country: string;
  source: string;
  notes: string;
  synonyms: string;
}

function docOf(key: string, p: Proxy): Doc {
  const themes = p.themes.flatMap((t) => [t, THEME_LABELS.en[t] ?? "", THEME_LABELS.fr[t] ?? ""]).join(" ");
  const method = p.method ? `${METHOD_LABELS.en[p.method]} ${METHOD_LABELS.fr[p.method]}` : "";
  const country = [p.country, COUNTRY_LABELS.en[p.country] ?? "", COUNTRY_LABELS.fr[p.country] ?? ""].join(" ");
  const all = [p.id, p.nameEn, p.nameFr, themes, method, p.unit, p.notes].join(" ");
  return { key, id: p.id, nameEn: p.nameEn, nameFr: p.nameFr, themes, method, unit: p.unit, country, source: p.source, notes: p.notes, synonyms: synonymsOf(all) };
}

const FIELDS = ["id", "nameEn", "nameFr", "themes", "method", "unit", "country", "source", "notes", "synonyms"];
/** Names weigh most, then the id and themes; notes and sources only help. */
const BOOST = { nameEn: 3, nameFr: 3, id: 2, themes: 1.5, synonyms: 1, method: 1, unit: 1, country: 1, source: 0.6, notes: 0.4 };

const asList = (f: string | readonly string[] | undefined): string[] | null =>
  f === undefined || f === "" ? null : (typeof f === "string" ? [f] : [...f]).map(fold);

function matches(p: Proxy, filters: ProxyFilters): boolean {
  const country = asList(filters.country);
  const theme = asList(filters.theme);
  const method = asList(filters.method);
  const currency = asList(filters.currency);
  return (
    (!country || country.includes(fold(p.country))) &&
    (!theme || p.themes.some((t) => theme.includes(fold(t)))) &&
    (!method || method.includes(fold(p.method))) &&
    (!currency || currency.includes(fold(p.currency))) &&
    (!filters.kind || p.kind === filters.kind) &&
    (!filters.origin || p.origin === filters.origin)
  );
}

/** "FR-SMIC-HOUR-GROSS-2025" and "-2026" are one series; only the newest is current. */
const seriesOf = (p: Proxy) => idKey(p.id).replace(/[-_ ]?(19|20)\d\d$/, "");

/** The ids of proxies that a newer proxy of the same series supersedes. */
function supersededIds(entries: readonly ProxyEntry[]): Set<string> {
  const newest = new Map<string, number>();
  for (const { proxy } of entries) {
    if (proxy.priceYear !== null) newest.set(seriesOf(proxy), Math.max(newest.get(seriesOf(proxy)) ?? -Infinity, proxy.priceYear));
  }
  return new Set(
    entries
      .filter(({ proxy }) => proxy.priceYear !== null && proxy.priceYear < newest.get(seriesOf(proxy))!)
      .map(({ proxy }) => idKey(proxy.id)),
  );
}

/**
 * A gentle preference among equally relevant proxies: the organisation's own first, then current
 * and recent prices, and values before "where to look" entries.
 */
function preference(p: Proxy, superseded: ReadonlySet<string>): number {
  const recency = p.priceYear ? Math.min(Math.max(p.priceYear - 2000, 0), 40) * 0.01 : 0;
  return (
    (1 + recency) *
    (p.origin === "workbook" ? 1.1 : 1) *
    (p.kind === "reference" ? 0.85 : 1) *
    (superseded.has(idKey(p.id)) ? 0.8 : 1)
  );
}

export function createProxySearch(library: readonly Proxy[], workbook: readonly Proxy[] = []): ProxySearch {
  const entries = mergeProxies(library, workbook);
  const byKey = new Map(entries.map((e) => [idKey(e.proxy.id), e]));
  const superseded = supersededIds(entries);

  const index = new MiniSearch<Doc>({
    idField: "key",
    fields: FIELDS,
    storeFields: [],
    tokenize: tokens,
    processTerm: (term) => term,
    searchOptions: {
      boost: BOOST,
      prefix: true,
      // one typo in words of 5 to 9 letters, two beyond; short words must be exact (rsa, gp, job)
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      maxFuzzy: 2,
      combineWith: "AND",
      boostDocument: (key) => preference(byKey.get(key as string)!.proxy, superseded),
    },
  });
  index.addAll(entries.map((e) => docOf(idKey(e.proxy.id), e.proxy)));

  const sortedValues = (f: (p: Proxy) => string[]) => [...new Set(entries.flatMap((e) => f(e.proxy)).filter(Boolean))].sort();

  return {
    entries,
    byId: (id) => byKey.get(idKey(id)),
    facets: {
      countries: sortedValues((p) => [p.country]),
      themes: sortedValues((p) => p.themes),
      methods: sortedValues((p) => [p.method]),
      currencies: sortedValues((p) => [p.currency]),
    },
    search(query, filters = {}, options = {}) {
      const limit = options.limit ?? 50;
      const wanted = (e: ProxyEntry) => matches(e.proxy, filters);
      const preferred = new Set((options.preferCountries ?? []).map(fold));
      const countryBoost = (p: Proxy) => (preferred.has(fold(p.country)) ? 1.5 : 1);
      if (tokens(query).length === 0) {
        const listed = entries.filter(wanted).map((e) => ({ e, rank: preference(e.proxy, superseded) * countryBoost(e.proxy) }));
        listed.sort((a, b) => b.rank - a.rank || a.e.proxy.id.localeCompare(b.e.proxy.id));
        return listed.slice(0, limit).map(({ e }) => ({ ...e, score: 0 }));
      }
      const hits: ProxyHit[] = index
        .search(query, {
          boostDocument: (key) => {
            const p = byKey.get(key as string)!.proxy;
            return preference(p, superseded) * countryBoost(p);
          },
        })
        .map((r) => ({ ...byKey.get(r.id as string)!, score: r.score }))
        .filter(wanted);
      // an id typed in full comes first, whatever else matches
      const exact = byKey.get(idKey(query));
      if (exact && wanted(exact)) {
        const rest = hits.filter((h) => h.proxy !== exact.proxy);
        return [{ ...exact, score: (hits[0]?.score ?? 0) + 1 }, ...rest].slice(0, limit);
      }
      return hits.slice(0, limit);
    },
  };
}

// ---------------------------------------------------------------------------------------------

export interface WarningContext {
  /** the assessment's currency (ISO code) */
  assessmentCurrency?: string;
  /** default: this year */
  currentYear?: number;
  /** prices older than this many years are flagged (default 3) */
  maxAge?: number;
}

/** What a user should know before using a proxy (texts: describeProxyWarning in src/i18n/proxies.ts). */
export function proxyWarnings(proxy: Proxy, context: WarningContext = {}): ProxyWarning[] {
  const warnings: ProxyWarning[] = [];
  if (proxy.kind === "reference") {
    warnings.push({ code: "referenceOnly", url: proxy.url });
    return warnings;
  }
  const currentYear = context.currentYear ?? new Date().getFullYear();
  const maxAge = context.maxAge ?? 3;
  if (proxy.priceYear === null) warnings.push({ code: "noPriceYear" });
  else if (currentYear - proxy.priceYear > maxAge) {
    warnings.push({ code: "oldPriceYear", priceYear: proxy.priceYear, age: currentYear - proxy.priceYear });
  }
  const assessment = context.assessmentCurrency?.trim().toUpperCase();
  if (assessment && proxy.currency && proxy.currency.toUpperCase() !== assessment) {
    warnings.push({ code: "currencyDiffers", currency: proxy.currency, assessmentCurrency: assessment });
  }
  if (proxy.source.trim() === "" && proxy.url.trim() === "") warnings.push({ code: "noSource" });
  return warnings;
}
