import { useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../sroi";
import type { GameGood, ValueGame } from "../../../layout/valueGame";
import { parseTyped } from "../../../i18n/numbers";
import type { Translate } from "../../../i18n/ui";
import { type StarterGood, starterGoods } from "../../../proxies/goods";
import { TextField } from "../../components/TextField/TextField";
import { useUi } from "../../ui";

/** A good as typed: price and year stay text until the game starts, so a typing mistake is shown, not lost. */
export interface DraftGood {
  name: string;
  price: string;
  priceYear: string;
  source: string;
  url: string;
}

export interface GameDraft {
  currency: string;
  benefits: string[];
  goods: DraftGood[];
}

const CURRENCIES = ["EUR", "GBP"] as const;

/** A number typed back as the user's language writes it (0,94 in French), without thousands separators. */
const typedNumber = (n: number, lang: Lang) => (lang === "fr" ? String(n).replace(".", ",") : String(n));

export function draftGood(g: StarterGood, lang: Lang): DraftGood {
  return {
    name: lang === "fr" ? g.nameFr : g.nameEn,
    price: typedNumber(g.price, lang),
    priceYear: String(g.priceYear),
    source: g.source,
    url: g.url,
  };
}

export function newDraft(currency: string, lang: Lang): GameDraft {
  return { currency, benefits: [""], goods: starterGoods(currency).map((g) => draftGood(g, lang)) };
}

export const isBlankGood = (g: DraftGood) => g.name.trim() === "" && g.price.trim() === "" && g.priceYear.trim() === "" && g.source.trim() === "";

/** A typed good as the game holds it, or what is wrong with it (naming it as "Good n"). */
export function checkGood(g: DraftGood, n: number, currency: string, lang: Lang, t: Translate): GameGood | string {
  const name = g.name.trim();
  if (name === "") return t("vgBlankGood", { n });
  const price = parseTyped(g.price, lang);
  if (typeof price !== "number" || !(price > 0)) return t("vgBadPrice", { n, name, value: g.price.trim() });
  const year = g.priceYear.trim() === "" ? null : Number(g.priceYear.trim());
  if (year !== null && (!Number.isInteger(year) || year < 1900 || year > 2100)) return t("vgBadYear", { n, name, value: g.priceYear.trim() });
  return { name, price, currency, priceYear: year, source: g.source.trim(), url: g.url.trim() };
}

/** The game the draft describes, or what to fix first (each message says which good and what). */
export function checkDraft(d: GameDraft, lang: Lang, t: Translate): { game: ValueGame } | { errors: string[] } {
  const errors: string[] = [];
  const benefits = d.benefits.map((b) => b.trim()).filter(Boolean);
  if (benefits.length === 0) errors.push(t("vgNeedBenefit"));
  const seen = new Set<string>();
  const twice = (name: string) => {
    const key = name.toLowerCase();
    if (seen.has(key)) errors.push(t("vgDuplicate", { name }));
    seen.add(key);
  };
  benefits.forEach(twice);
  seen.clear();
  const before = errors.length;
  const goods: GameGood[] = [];
  d.goods.forEach((g, i) => {
    if (isBlankGood(g)) return;
    if (g.name.trim()) twice(g.name.trim());
    const r = checkGood(g, i + 1, d.currency, lang, t);
    if (typeof r === "string") errors.push(r);
    else goods.push(r);
  });
  if (goods.length === 0 && errors.length === before) errors.push(t("vgNeedGood"));
  return errors.length ? { errors } : { game: { benefits, goods, placements: [] } };
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: 0 },
  good: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
    margin: 0,
    border: "none",
  },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Define the game: its currency, the benefits to value, the goods with their prices and sources. */
export function GameSetup({ draft, onChange, onStart, busy }: { draft: GameDraft; onChange: (d: GameDraft) => void; onStart: (game: ValueGame) => void; busy: boolean }) {
  const { t, lang } = useUi();
  const styles = useStyles();
  const [errors, setErrors] = useState<string[]>([]);
  const setBenefit = (i: number, v: string) => onChange({ ...draft, benefits: draft.benefits.map((b, k) => (k === i ? v : b)) });
  const setGood = (i: number, patch: Partial<DraftGood>) => onChange({ ...draft, goods: draft.goods.map((g, k) => (k === i ? { ...g, ...patch } : g)) });

  const start = () => {
    const r = checkDraft(draft, lang, t);
    if ("errors" in r) return setErrors(r.errors);
    setErrors([]);
    onStart(r.game);
  };

  return (
    <>
      <Field label={t("vgCurrency")} hint={t("vgCurrencyHint")}>
        <Select value={draft.currency} onChange={(_e, d) => onChange({ ...draft, currency: d.value, goods: starterGoods(d.value).map((g) => draftGood(g, lang)) })}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>

      <section className={styles.section} aria-labelledby="vg-benefits">
        <Subtitle2 as="h2" id="vg-benefits">
          {t("vgBenefits")}
        </Subtitle2>
        {draft.benefits.map((b, i) => (
          <div key={i} className={styles.row}>
            <div className={styles.grow}>
              <TextField label={t("vgBenefit", { n: i + 1 })} value={b} onChange={(v) => setBenefit(i, v)} />
            </div>
            <Button aria-label={t("vgRemoveItem", { name: b || t("vgBenefit", { n: i + 1 }) })} onClick={() => onChange({ ...draft, benefits: draft.benefits.filter((_x, k) => k !== i) })}>
              {t("remove")}
            </Button>
          </div>
        ))}
        <Button onClick={() => onChange({ ...draft, benefits: [...draft.benefits, ""] })}>{t("vgAddBenefit")}</Button>
      </section>

      <section className={styles.section} aria-labelledby="vg-goods">
        <Subtitle2 as="h2" id="vg-goods">
          {t("vgGoods")}
        </Subtitle2>
        <Text size={200} className={styles.muted}>
          {t("vgGoodsHint")}
        </Text>
        {draft.goods.map((g, i) => (
          <fieldset key={i} className={styles.good} aria-label={t("vgGood", { n: i + 1 })}>
            <TextField label={t("vgGoodName")} value={g.name} onChange={(v) => setGood(i, { name: v })} />
            <div className={styles.pair}>
              <TextField label={`${t("vgGoodPrice")} (${draft.currency})`} value={g.price} numeric onChange={(v) => setGood(i, { price: v })} />
              <TextField label={t("vgGoodYear")} value={g.priceYear} numeric onChange={(v) => setGood(i, { priceYear: v })} />
            </div>
            <TextField label={t("proxySourceLabel")} value={g.source} onChange={(v) => setGood(i, { source: v })} />
            <Button aria-label={t("vgRemoveItem", { name: g.name || t("vgGood", { n: i + 1 }) })} onClick={() => onChange({ ...draft, goods: draft.goods.filter((_x, k) => k !== i) })}>
              {t("remove")}
            </Button>
          </fieldset>
        ))}
        <Button onClick={() => onChange({ ...draft, goods: [...draft.goods, { name: "", price: "", priceYear: "", source: "", url: "" }] })}>{t("vgAddGood")}</Button>
      </section>

      {errors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <Text block>{t("vgFixFirst")}</Text>
            <ul data-testid="vg-errors">
              {errors.map((e, k) => (
                <li key={k}>{e}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={busy} onClick={start}>
        {t("vgStart")}
      </Button>
    </>
  );
}
