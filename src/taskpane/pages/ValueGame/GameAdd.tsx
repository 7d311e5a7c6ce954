import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ValueGame } from "../../../layout/valueGame";
import type { GameAdditions } from "../../workbook";
import { TextField } from "../../components/TextField/TextField";
import { useUi } from "../../ui";
import { type DraftGood, checkGood } from "./GameSetup";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

const BLANK: DraftGood = { name: "", price: "", priceYear: "", source: "", url: "" };
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A benefit or a good added while the game goes on (someone names a benefit nobody listed): appended
 * to the sheet like the participants; participants already recorded have not placed it.
 */
export function GameAdd({ game, onAdd, busy }: { game: ValueGame; onAdd: (add: GameAdditions) => Promise<boolean>; busy: boolean }) {
  const { t, lang } = useUi();
  const styles = useStyles();
  const [benefit, setBenefit] = useState("");
  const [good, setGood] = useState<DraftGood>(BLANK);
  const [error, setError] = useState<string | null>(null);
  const currency = game.goods[0]?.currency ?? "EUR";

  const addBenefit = async () => {
    const name = benefit.trim();
    if (name === "") return setError(t("vgNeedBenefit"));
    if (game.benefits.some((b) => same(b, name))) return setError(t("vgDuplicate", { name }));
    setError(null);
    if (await onAdd({ benefits: [name] })) setBenefit("");
  };

  const addGood = async () => {
    const r = checkGood(good, game.goods.length + 1, currency, lang, t);
    if (typeof r === "string") return setError(r);
    if (game.goods.some((g) => same(g.name, r.name))) return setError(t("vgDuplicate", { name: r.name }));
    setError(null);
    if (await onAdd({ goods: [r] })) setGood(BLANK);
  };

  return (
    <section className={styles.section} aria-labelledby="vg-add">
      <Subtitle2 as="h2" id="vg-add">
        {t("vgAddTitle")}
      </Subtitle2>
      <TextField label={t("vgBenefit", { n: game.benefits.length + 1 })} value={benefit} onChange={setBenefit} />
      <Button disabled={busy} onClick={addBenefit}>
        {t("vgAddBenefit")}
      </Button>
      <TextField label={t("vgGood", { n: game.goods.length + 1 })} value={good.name} onChange={(v) => setGood({ ...good, name: v })} />
      <div className={styles.pair}>
        <TextField label={`${t("vgGoodPrice")} (${currency})`} value={good.price} numeric onChange={(v) => setGood({ ...good, price: v })} />
        <TextField label={t("vgGoodYear")} value={good.priceYear} numeric onChange={(v) => setGood({ ...good, priceYear: v })} />
      </div>
      <TextField label={t("proxySourceLabel")} value={good.source} onChange={(v) => setGood({ ...good, source: v })} />
      <Button disabled={busy} onClick={addGood}>
        {t("vgAddGood")}
      </Button>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
