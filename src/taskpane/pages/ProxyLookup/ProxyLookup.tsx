import { useEffect, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { LIBRARY_PROXIES } from "../../../proxies/library.generated";
import { type ProxyEntry, type ProxyFilters, createProxySearch, proxyWarnings } from "../../../proxies/search";
import { type Proxy, proxyName } from "../../../proxies/types";
import { ORIGIN_LABELS, adjustmentNote, countryLabel, describeNotRebased, describeProxyWarning, methodLabel, themeLabel } from "../../../i18n/proxies";
import { type ProxyAdjustment, adjustProxy, foreignCurrency } from "../../../proxies/adjust";
import { DEFAULT_PRICE_INDEX } from "../../../proxies/cpi";
import { formatMoney, formatNumber, parseTyped } from "../../../i18n/numbers";
import { type UiKey, unitLabel } from "../../../i18n/ui";
import { unitsPerYear } from "../../../proxies/vocabulary";
import { useUi } from "../../ui";
import type { UseProxyResult } from "../../workbook";
import { ProxyImport } from "./ProxyImport";

/** A proxy ready for the assessment: converted and revalued (adjustProxy). */
export type ReadyProxy = Extract<ProxyAdjustment, { status: "ready" }>;

export interface ProxyLookupProps {
  /** the assessment's currency: a proxy in another one needs a rate before it is used */
  currency?: string;
  /**
   * The assessment's price year (proxies are shown and written revalued to it) and its price index;
   * undefined when the lookup has no assessment to go by (nothing is revalued, nothing is said).
   */
  priceYear?: number | null;
  priceIndex?: string;
  /** picking for a form (guided setup): the chosen proxy, its units per person and its value made ready go back to the caller, not into the workbook */
  onPick?: (proxy: Proxy, units: number, ready: ReadyProxy) => void;
  onClose: () => void;
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // aligned at the bottom, so a label that wraps in French does not push its box out of line
  filters: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS, alignItems: "end" },
  narrow: { minWidth: 0, maxWidth: "100%" },
  selectBox: { width: "100%", minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hit: { width: "100%", height: "auto", justifyContent: "flex-start", textAlign: "left", paddingTop: "6px", paddingBottom: "6px" },
  hitText: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px", minWidth: 0 },
  hitLine: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center", flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground2 },
  details: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type FilterKey = "country" | "theme" | "method" | "currency";
const FILTERS: { key: FilterKey; label: UiKey; facet: "countries" | "themes" | "methods" | "currencies" }[] = [
  { key: "country", label: "filterCountry", facet: "countries" },
  { key: "theme", label: "filterTheme", facet: "themes" },
  { key: "method", label: "filterMethod", facet: "methods" },
  { key: "currency", label: "filterCurrency", facet: "currencies" },
];

/** Search the library and the workbook's own proxies; see where a value comes from; use it. */
export default function ProxyLookup({ currency, priceYear, priceIndex = DEFAULT_PRICE_INDEX, onPick, onClose }: ProxyLookupProps) {
  const { t, lang, workbook, other } = useUi();
  const styles = useStyles();
  const [own, setOwn] = useState<Proxy[]>([]);
  const [query, setQuery] = useState("");
  const [filters, setFilters] = useState<Record<FilterKey, string>>({ country: "", theme: "", method: "", currency: "" });
  const [selected, setSelected] = useState<ProxyEntry | null>(null);
  const [confirm, setConfirm] = useState<Extract<UseProxyResult, { status: "needsConfirmation" }> | null>(null);
  const [note, setNote] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  // Units per person, asked with the unit's count in a year (a monthly proxy: 12); blank when the
  // unit implies none (days, hours, sessions), so the user says it.
  const [unitsText, setUnitsText] = useState("");
  // a proxy in another currency: the rate the user gives, with its date and source
  const [rate, setRate] = useState({ value: "", date: "", source: "" });
  const choose = (h: ProxyEntry) => {
    const perYear = unitsPerYear(h.proxy.unit);
    setUnitsText(perYear === null ? "" : formatNumber(perYear, lang, 6));
    setRate({ value: "", date: "", source: "" });
    setSelected(h);
    setNote(null);
  };
  const typedRate = parseTyped(rate.value, lang);
  const givenRate = typeof typedRate === "number" && typedRate > 0 && rate.date.trim() !== "" && rate.source.trim() !== "" ? typedRate : null;
  const target = { currency: currency ?? "", priceYear: priceYear ?? null, priceIndex };
  /** The proxy as this assessment needs it (converted, revalued); only for proxies with a value. */
  const adjust = (p: Proxy): ProxyAdjustment =>
    adjustProxy(p, target, givenRate === null ? undefined : { rate: givenRate, source: `${rate.source.trim()}, ${rate.date.trim()}` });
  const typedUnits = parseTyped(unitsText, lang);
  const units = typeof typedUnits === "number" && typedUnits >= 0 ? typedUnits : null;

  const reload = () =>
    workbook.readWorkbookProxies().then(
      (rows) => setOwn(rows),
      (e: unknown) => setNote({ intent: "error", text: t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }) }),
    );
  useEffect(() => {
    void reload();
  }, [workbook]);

  const search = useMemo(() => createProxySearch(LIBRARY_PROXIES, own), [own]);
  const wanted: ProxyFilters = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ""));
  // Among equally relevant proxies, those of the assessment's country come first.
  const preferCountries = (currency ?? "").toUpperCase() === "GBP" || (!currency && lang === "en") ? ["UK"] : ["FR", "BE"];
  const hits = useMemo(
    () => search.search(query, wanted, { limit: 50, preferCountries }),
    [search, query, JSON.stringify(wanted), preferCountries.join()],
  );

  const facetLabel = (key: FilterKey, v: string) =>
    other(key === "country" ? countryLabel(v, lang) : key === "theme" ? themeLabel(v, lang) : key === "method" ? methodLabel(v as Proxy["method"], lang) : v);
  const valueText = (p: Proxy) => (p.value === null ? "" : `${formatMoney(p.value, p.currency || "EUR", lang)} ${unitLabel(p.unit, lang)}`.trim());
  /** In the list: the value in the assessment's price year, when it can be revalued (not for another currency, which needs its rate first). */
  const rebasedText = (p: Proxy): string => {
    if (p.value === null || priceYear === undefined || priceYear === null || foreignCurrency(p, target.currency)) return "";
    const a = adjustProxy(p, { ...target, currency: p.currency });
    return a.status === "ready" && a.rebase ? t("listRebased", { value: formatMoney(a.value, p.currency || "EUR", lang), year: String(a.rebase.toYear) }) : "";
  };

  const use = async (proxy: Proxy, overwrite: boolean) => {
    setNote(null);
    const ready = adjust(proxy);
    if (units === null || ready.status !== "ready") return;
    if (onPick) {
      onPick(proxy, units, ready);
      return;
    }
    try {
      const r = await workbook.useProxy(proxy, { overwrite, units, adjusted: ready });
      if (r.status === "needsConfirmation") setConfirm(r);
      else {
        setConfirm(null);
        setNote({ intent: "success", text: t("useProxyDone", { address: r.address }) });
      }
    } catch (e) {
      setNote({ intent: "error", text: t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const header = (
    <div className={styles.actions}>
      <Button onClick={onClose}>{t("back")}</Button>
      {!onPick && <Button onClick={() => setImporting(true)}>{t("importExport")}</Button>}
    </div>
  );

  if (importing) {
    return (
      <div className={styles.page}>
        <div className={styles.actions}>
          <Button onClick={() => setImporting(false)}>{t("backToResults")}</Button>
        </div>
        <Title3 as="h1">{t("importExport")}</Title3>
        <ProxyImport ownCount={own.length} onImported={reload} />
      </div>
    );
  }

  if (selected) {
    const p = selected.proxy;
    // the currency and the price year are dealt with below (a rate asked, the value revalued)
    const warnings = proxyWarnings(p, { assessmentCurrency: currency }).filter((w) => w.code !== "currencyDiffers" && !(w.code === "oldPriceYear" && priceYear));
    const ready = p.value === null ? null : adjust(p);
    const foreign = foreignCurrency(p, target.currency);
    const shownCurrency = foreign ? target.currency : p.currency || "EUR";
    const rows: [UiKey, string][] = [
      ["proxyValue", valueText(p)],
      ["proxyYear", p.priceYear === null ? "" : String(p.priceYear)],
      ["proxyMethod", other(methodLabel(p.method, lang))],
      ["proxyCountry", other(countryLabel(p.country, lang))],
      ["proxyThemes", other(p.themes.map((x) => themeLabel(x, lang)).join(", "))],
      ["proxySourceLabel", p.source],
      ["proxyNotes", p.notes],
      ["proxyId", p.id],
      ["proxyOrigin", other(ORIGIN_LABELS[lang][p.origin])],
    ];
    return (
      <div className={styles.page}>
        <div className={styles.actions}>
          <Button onClick={() => (setSelected(null), setConfirm(null), setNote(null))}>{t("backToResults")}</Button>
        </div>
        <Title3 as="h1">{proxyName(p, lang)}</Title3>
        {warnings.map((w) => (
          <MessageBar key={w.code} intent="warning" layout="multiline">
            <MessageBarBody>{other(describeProxyWarning(w, lang))}</MessageBarBody>
          </MessageBar>
        ))}
        <dl className={styles.details} data-testid="proxy-details">
          {rows
            .filter(([, v]) => v !== "")
            .map(([k, v]) => (
              <div key={k} style={{ display: "contents" }}>
                <dt className={styles.term}>{t(k)}</dt>
                <dd className={styles.value}>{v}</dd>
              </div>
            ))}
        </dl>
        {p.url && (
          <Link href={p.url} target="_blank" rel="noopener noreferrer">
            {t("openSource")}
          </Link>
        )}
        {confirm ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("replaceTitle", { addresses: confirm.occupied.map((o) => o.address).join(", ") })}</MessageBarTitle>
              <ul>
                {confirm.occupied.map((o) => (
                  <li key={o.address}>{t("replaceList", { address: o.address, value: o.value })}</li>
                ))}
              </ul>
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => use(p, true)}>
                {t("replaceYes")}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t("cancel")}</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <>
            {p.kind !== "reference" && p.value !== null && (
              <Field
                label={t("unitsPerPerson")}
                hint={t(unitsPerYear(p.unit) === null ? "unitsNeeded" : "unitsHint", { unit: unitLabel(p.unit, lang) })}
                validationMessage={unitsText.trim() !== "" && units === null ? t("unitsInvalid") : undefined}
                validationState={unitsText.trim() !== "" && units === null ? "error" : "none"}
              >
                <Input inputMode="decimal" value={unitsText} onChange={(_e, d) => setUnitsText(d.value)} />
              </Field>
            )}
            {foreign && p.value !== null && (
              <div className={styles.page} role="group" aria-label={t("foreignTitle", { from: p.currency.toUpperCase(), to: target.currency.toUpperCase() })}>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{t("foreignTitle", { from: p.currency.toUpperCase(), to: target.currency.toUpperCase() })}</MessageBarTitle>
                    {t("foreignBody")}
                  </MessageBarBody>
                </MessageBar>
                <Field
                  label={t("exchangeRate", { from: p.currency.toUpperCase(), to: target.currency.toUpperCase() })}
                  hint={t("exchangeRateHint")}
                  validationMessage={rate.value.trim() !== "" && !(typeof typedRate === "number" && typedRate > 0) ? t("exchangeRateInvalid") : undefined}
                  validationState={rate.value.trim() !== "" && !(typeof typedRate === "number" && typedRate > 0) ? "error" : "none"}
                >
                  <Input inputMode="decimal" value={rate.value} onChange={(_e, d) => setRate({ ...rate, value: d.value })} />
                </Field>
                <Field label={t("exchangeRateDate")}>
                  <Input type="date" value={rate.date} onChange={(_e, d) => setRate({ ...rate, date: d.value })} />
                </Field>
                <Field label={t("exchangeRateSource")}>
                  <Input value={rate.source} onChange={(_e, d) => setRate({ ...rate, source: d.value })} />
                </Field>
                {ready?.status === "needsRate" && <Text className={styles.muted}>{t("exchangeRateMissing")}</Text>}
              </div>
            )}
            {ready?.status === "ready" && (ready.conversion || ready.rebase) && (
              <Text data-testid="proxy-adjusted">{t("inAssessmentTerms", { note: other(adjustmentNote(ready, lang)) })}</Text>
            )}
            {ready?.status === "ready" && ready.notRebased && priceYear !== undefined && (
              <Text className={styles.muted} data-testid="proxy-not-rebased">
                {other(describeNotRebased(ready.notRebased, p.priceYear, lang))}
              </Text>
            )}
            {ready?.status === "ready" && units !== null && (
              <Text aria-live="polite" data-testid="value-per-person">
                {t("valuePerPerson", {
                  value: formatMoney(ready.value * units, shownCurrency, lang),
                  units: formatNumber(units, lang, 6),
                  proxy: formatMoney(ready.value, shownCurrency, lang),
                })}
              </Text>
            )}
            <div className={styles.actions}>
              <Button appearance="primary" disabled={p.kind === "reference" || ready?.status !== "ready" || units === null} onClick={() => use(p, false)}>
                {t("useProxy")}
              </Button>
              {foreign && <Button onClick={() => (setSelected(null), setNote(null))}>{t("chooseAnother")}</Button>}
            </div>
          </>
        )}
        {note && (
          <MessageBar intent={note.intent}>
            <MessageBarBody>{note.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    );
  }

  return (
    <div className={styles.page}>
      {header}
      <Title3 as="h1">{t("proxyTitle")}</Title3>
      <Field label={t("proxySearch")} hint={t("proxySearchHint")}>
        <Input type="search" value={query} autoFocus onChange={(_e, d) => setQuery(d.value)} />
      </Field>
      <div className={styles.filters}>
        {FILTERS.map((f) => (
          <Field key={f.key} label={t(f.label)} className={styles.narrow}>
            <Select className={styles.narrow} select={{ className: styles.selectBox }} value={filters[f.key]} onChange={(_e, d) => setFilters({ ...filters, [f.key]: d.value })}>
              <option value="">{t("filterAll")}</option>
              {search.facets[f.facet].map((v) => (
                <option key={v} value={v}>
                  {facetLabel(f.key, v)}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Text aria-live="polite" className={styles.muted}>
        {hits.length === 0 ? t("noResults") : t("resultsCount", { count: hits.length })}
      </Text>
      <ul className={styles.list} aria-label={t("proxyTitle")}>
        {hits.map((h) => (
          <li key={`${h.proxy.origin}:${h.proxy.id}`}>
            <Button className={styles.hit} onClick={() => choose(h)}>
              <span className={styles.hitText}>
                <span>{proxyName(h.proxy, lang)}</span>
                <span className={styles.hitLine}>
                  <Badge size="small" appearance={h.proxy.origin === "workbook" ? "filled" : "outline"} color={h.proxy.origin === "workbook" ? "brand" : "informative"}>
                    {other(ORIGIN_LABELS[lang][h.proxy.origin])}
                  </Badge>
                  <Text size={200} className={styles.muted}>
                    {[valueText(h.proxy), h.proxy.priceYear ?? "", rebasedText(h.proxy)].filter((x) => x !== "").join(" · ")}
                  </Text>
                </span>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
