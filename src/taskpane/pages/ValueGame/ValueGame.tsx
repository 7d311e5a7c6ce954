import { useEffect, useState } from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type GamePlacement, type ValueGame as Game, participantsOf, valueGameResults } from "../../../layout/valueGame";
import { formatMoney } from "../../../i18n/numbers";
import { describeValueGameProblem, valueGameProxies, withFreeIds } from "../../../i18n/valueGame";
import type { ValueGameProblem } from "../../../layout/valueGame";
import { TextField } from "../../components/TextField/TextField";
import { useUi } from "../../ui";
import type { GameAdditions } from "../../workbook";
import { GameAdd } from "./GameAdd";
import { type GameDraft, GameSetup, newDraft } from "./GameSetup";

export interface ValueGameProps {
  /** the workbook's currency when its assessments agree on one */
  currency?: string;
  onClose: () => void;
  /** today as YYYY-MM-DD (tests pass a fixed day) */
  today?: () => string;
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  table: { tableLayout: "auto" },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
  // A drop-down as wide as its longest option (a good's name and price) would push out of the pane.
  narrow: { minWidth: 0, maxWidth: "100%" },
  selectBox: { width: "100%", minWidth: 0 },
});

const SKIP = "\u0000skipped";
const isoToday = () => new Date().toISOString().slice(0, 10);

type Note = { intent: "success" | "error" | "info"; text: string };

/**
 * The value game recorder: define the benefits and the goods (a new game), or resume the one the
 * workbook holds; record participants one by one into the Value game sheet; see each benefit's
 * count, median and spread; save them as proxies to the Proxies sheet.
 */
export function ValueGame({ currency, onClose, today = isoToday }: ValueGameProps) {
  const { t, lang, workbook, other } = useUi();
  const styles = useStyles();
  const [loading, setLoading] = useState(true);
  const [sheet, setSheet] = useState<string | null>(null);
  const [game, setGame] = useState<Game | null>(null);
  const [problems, setProblems] = useState<ValueGameProblem[]>([]);
  const [draft, setDraft] = useState<GameDraft>(() => newDraft(currency === "GBP" ? "GBP" : "EUR", lang));
  const [participant, setParticipant] = useState("");
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);

  const failed = (e: unknown) => setNote({ intent: "error", text: t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }) });

  const load = async () => {
    setLoading(true);
    try {
      const found = await workbook.readValueGame();
      setSheet(found?.sheet ?? null);
      setGame(found?.game ?? null);
      setProblems(found?.problems ?? []);
      setChoices({});
    } catch (e) {
      failed(e);
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    void load();
  }, [workbook]);

  const start = async (g: Game) => {
    setBusy(true);
    setNote(null);
    try {
      const r = await workbook.startValueGame(g);
      setSheet(r.sheet);
      setGame(g);
      setProblems([]);
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const recorded = game ? participantsOf(game) : [];
  const participantName = participant.trim() || t("vgParticipantDefault", { n: recorded.length + 1 });

  const record = async () => {
    if (!game || !sheet) return;
    const missing = game.benefits.filter((b) => !choices[b]);
    if (missing.length) return setNote({ intent: "error", text: t("vgChooseAll", { benefits: missing.join(", ") }) });
    const placements: GamePlacement[] = game.benefits.map((b) => ({ participant: participantName, benefit: b, good: choices[b] === SKIP ? null : choices[b] }));
    setBusy(true);
    setNote(null);
    try {
      await workbook.appendValueGame({ placements });
      setGame({ ...game, placements: [...game.placements, ...placements] });
      setChoices({});
      setParticipant("");
      setNote({ intent: "success", text: t("vgRecorded", { participant: participantName, sheet }) });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const add = async (a: GameAdditions): Promise<boolean> => {
    if (!game || !sheet) return false;
    setBusy(true);
    setNote(null);
    try {
      await workbook.appendValueGame(a);
      setGame({ ...game, benefits: [...game.benefits, ...(a.benefits ?? [])], goods: [...game.goods, ...(a.goods ?? [])] });
      const name = [...(a.benefits ?? []), ...(a.goods ?? []).map((g) => g.name)].join(", ");
      setNote({ intent: "success", text: t("vgAdded", { name, sheet }) });
      return true;
    } catch (e) {
      failed(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const results = game ? valueGameResults(game) : [];
  const money = (n: number) => formatMoney(n, game?.goods[0]?.currency ?? draft.currency, lang);

  const save = async () => {
    if (!game) return;
    const made = valueGameProxies(game, results, today(), lang);
    if (made.length === 0) return;
    setBusy(true);
    setNote(null);
    try {
      // ids the workbook's Proxies sheet does not have yet: saving again adds, never clashes
      const proxies = withFreeIds(made, (await workbook.readWorkbookProxies()).map((p) => p.id));
      const r = await workbook.writeWorkbookProxies(proxies);
      setNote({ intent: "success", text: r.created ? t("importDoneCreated", { written: r.written }) : t("importDone", { written: r.written }) });
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <Title3 as="h1">{t("vgTitle")}</Title3>
      <Text>{t("vgIntro")}</Text>
      {loading && <Spinner size="tiny" label={t("vgReading")} />}

      {!loading && !game && <GameSetup draft={draft} onChange={setDraft} onStart={start} busy={busy} />}

      {!loading && game && sheet && (
        <>
          <Text>{t("vgInSheet", { sheet })}</Text>
          {problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <Text block>{t("vgProblems")}</Text>
                <ul data-testid="vg-problems">
                  {problems.map((p, k) => (
                    <li key={k}>{other(describeValueGameProblem(p, sheet, lang))}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}

          <section className={styles.section} aria-labelledby="vg-record">
            <Subtitle2 as="h2" id="vg-record">
              {t("vgRecordTitle")}
            </Subtitle2>
            <TextField label={t("vgParticipant")} value={participant} hint={participant.trim() ? undefined : participantName} onChange={setParticipant} />
            {game.benefits.map((b) => (
              <Field key={b} label={b} className={styles.narrow}>
                <Select className={styles.narrow} select={{ className: styles.selectBox }} value={choices[b] ?? ""} onChange={(_e, d) => setChoices({ ...choices, [b]: d.value })}>
                  <option value="">{t("vgChoose")}</option>
                  {game.goods.map((g) => (
                    <option key={g.name} value={g.name}>
                      {t("vgGoodOption", { name: g.name, price: money(g.price) })}
                    </option>
                  ))}
                  <option value={SKIP}>{t("vgSkipped")}</option>
                </Select>
              </Field>
            ))}
            <Button appearance="primary" disabled={busy} onClick={record}>
              {t("vgRecord")}
            </Button>
          </section>

          <section className={styles.section} aria-labelledby="vg-results">
            <Subtitle2 as="h2" id="vg-results">
              {t("vgResults")}
            </Subtitle2>
            <Text className={styles.muted}>{t("vgRecordedCount", { count: recorded.length })}</Text>
            <Table size="small" className={styles.table} aria-labelledby="vg-results">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t("vgColBenefit")}</TableHeaderCell>
                  <TableHeaderCell>{t("vgColCount")}</TableHeaderCell>
                  <TableHeaderCell>{t("vgColMedian")}</TableHeaderCell>
                  <TableHeaderCell>{t("vgColRange")}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {results.map((r) => (
                  <TableRow key={r.benefit}>
                    <TableCell>
                      {r.benefit}
                      {r.stats && (
                        <Text size={200} className={styles.detail}>
                          {t("vgQuartiles", { p25: money(r.stats.p25), p75: money(r.stats.p75) })}
                        </Text>
                      )}
                      {r.skipped > 0 && (
                        <Text size={200} className={styles.detail}>
                          {t("vgSkippedBy", { count: r.skipped })}
                        </Text>
                      )}
                    </TableCell>
                    {r.stats ? (
                      <>
                        <TableCell>{r.stats.participants}</TableCell>
                        <TableCell>{money(r.stats.median)}</TableCell>
                        <TableCell>{t("vgRangeValue", { min: money(r.stats.min), max: money(r.stats.max) })}</TableCell>
                      </>
                    ) : (
                      <>
                        <TableCell>0</TableCell>
                        <TableCell colSpan={2}>{t("vgNotPlaced")}</TableCell>
                      </>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Text size={200} className={styles.muted}>
              {t("vgSaveHint")}
            </Text>
            <div className={styles.actions}>
              <Button appearance="primary" disabled={busy || results.every((r) => !r.stats)} onClick={save}>
                {t("vgSave")}
              </Button>
              <Button disabled={busy} onClick={() => void load()}>
                {t("vgReload")}
              </Button>
            </div>
          </section>

          <GameAdd game={game} onAdd={add} busy={busy} />
        </>
      )}

      {note && (
        <MessageBar intent={note.intent} layout="multiline">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button onClick={onClose}>{t("backHome")}</Button>
    </div>
  );
}

export default ValueGame;
