import { useMemo, useState } from "react";
import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type OneWayRow, type OverClaimCheck, type SensitivityField, checkAssessment, computeAssessment, sensitivity } from "../../../sroi";
import { checkMessage, estimateLabel } from "../../../i18n/checks";
import { estimateValue, funderReportHtml } from "../../../i18n/funderReport";
import { formatNumber } from "../../../i18n/numbers";
import { describeReadProblem } from "../../../i18n/workbook";
import { OUTCOMES, type OutcomeKey } from "../../../layout/columns";
import { downloadBlob, fileNameFrom } from "../../components/Download/download";
import { useUi } from "../../ui";
import type { CellTarget, FoundAssessment } from "../../workbook";

export interface ReviewProps {
  found: FoundAssessment;
  onBack: () => void;
  /**
   * Recomputes the Sensitivity sheet's stored values (the writer's `recomputeSensitivity`). When
   * given, the screen shows a "Recompute sensitivity" button that calls it and shows the message it
   * resolves to; when absent (tests of the screen alone), no button.
   */
  onRecomputeSensitivity?: () => Promise<string | void>;
}

/** The estimates of the tornado shown in the pane (the one-way table has 7 per outcome, plus the rate). */
export const TORNADO_ROWS = 10;
/** The top rows whose break-even is shown. */
export const BREAK_EVENS_SHOWN = 3;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  ratio: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightHero700, color: tokens.colorBrandForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  check: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, alignItems: "flex-start" },
  bar: { display: "block", width: "100%", height: "14px" },
  row: { display: "flex", flexDirection: "column", gap: "2px" },
  rowHead: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  nums: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "stretch" },
});

/** Where a check sends the user: the cell it is about, a column for the whole map, the rate's cell. */
export function checkTarget(c: OverClaimCheck): CellTarget | null {
  if (c.field === "discountRate") return { kind: "setting", key: "discountRate" };
  if (c.outcome !== null) return { kind: "outcome", outcome: c.outcome, field: c.field ?? "presentValue" };
  if (c.code === "noDeductionOnMap") return { kind: "column", field: "deadweight" };
  if (c.code === "ratioAboveLimit") return { kind: "column", field: "presentValue" };
  return null;
}

/** Where an estimate of the tornado lives. */
const estimateTarget = (outcome: number | null, field: SensitivityField): CellTarget =>
  outcome === null || field === "discountRate" ? { kind: "setting", key: "discountRate" } : { kind: "outcome", outcome, field };

/** The checks of an assessment of the workbook, each selecting its cell, and the tornado of its estimates. */
export function Review({ found, onBack, onRecomputeSensitivity }: ReviewProps) {
  const { t, lang, other, workbook, message } = useUi();
  const styles = useStyles();
  const a = found.assessment;
  const sheetLang = a.settings.language;
  const currency = a.settings.currency;
  const computed = useMemo(() => computeAssessment(a), [a]);
  const checked = useMemo(() => checkAssessment(a), [a]);
  const sens = useMemo(() => sensitivity(a), [a]);
  const [status, setStatus] = useState<{ intent: "success" | "error" | "info"; text: string } | null>(null);
  const [busy, setBusy] = useState<"select" | "recompute" | null>(null);

  const ratioText = (x: number) => t("ratioValue", { ratio: formatNumber(x, lang, 2, true) });
  const percent = (x: number) => `${formatNumber(x * 100, lang, 0)}${lang === "fr" ? "\u202f" : "\u00a0"}%`;
  const columnName = (field: OutcomeKey) =>
    OUTCOMES.columns.find((c) => c.key === field)!.header[sheetLang];
  const placeOf = (target: CellTarget): string =>
    target.kind === "setting"
      ? t("reviewPlaceRate")
      : target.kind === "column"
        ? t("reviewPlaceColumn", { column: columnName(target.field) })
        : t("reviewPlaceOutcome", { n: target.outcome, column: columnName(target.field) });
  const estimateName = (row: { outcome: number | null; field: SensitivityField }) =>
    row.outcome === null ? other(capitalise(estimateLabel(row.field, lang))) : t("reviewEstimateOutcome", { n: row.outcome, field: other(estimateLabel(row.field, lang)) });

  const select = async (target: CellTarget) => {
    setBusy("select");
    setStatus({ intent: "info", text: t("reviewSelecting") });
    try {
      const where = await workbook.selectAssessmentCell(found, target);
      setStatus({ intent: "success", text: t("reviewSelected", { address: where.address, sheet: where.sheet }) });
    } catch (e) {
      setStatus({ intent: "error", text: t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const recompute = async () => {
    if (!onRecomputeSensitivity) return;
    setBusy("recompute");
    try {
      const said = await onRecomputeSensitivity();
      setStatus(said ? { intent: "success", text: said } : null);
    } catch (e) {
      setStatus({ intent: "error", text: t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const downloadReport = () => {
    const html = funderReportHtml(a, lang);
    if (html === null) return;
    const file = fileNameFrom(a.settings.title, "sroi-report", "html");
    downloadBlob(html, file, "text/html;charset=utf-8");
    setStatus({ intent: "success", text: t("downloaded", { file }) });
  };

  const title = a.settings.title.trim() || a.settings.organisation.trim() || t("reviewUntitled");
  const checks = checked.ok ? checked.checks : [];
  const ratio = computed.ok ? (computed.result.ratio?.toNumber() ?? null) : null;

  return (
    <div className={styles.page}>
      <Title3 as="h1">{t("reviewTitle", { title })}</Title3>
      <Text className={styles.muted}>{t("reviewScreenIntro")}</Text>
      {found.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <Text block>{t("readProblems")}</Text>
            <ul data-testid="read-problems">
              {found.problems.map((p, k) => (
                <li key={k}>{other(describeReadProblem(p, lang))}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {!computed.ok ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <Text block>{t("reviewInvalid")}</Text>
            <ul>
              {computed.issues.map((issue, k) => (
                <li key={k}>{message(issue)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <section aria-labelledby="review-ratio">
            <Text id="review-ratio" block className={styles.muted}>
              {t("reviewRatio")}
            </Text>
            {ratio === null ? (
              <Text block>{t("reviewNoRatio")}</Text>
            ) : (
              <>
                <Text block className={styles.ratio} data-testid="review-ratio">
                  {ratioText(ratio)}
                </Text>
                {sens.ok && (
                  <Text block size={200} data-testid="review-range">
                    {t("reviewRange", {
                      p10: ratioText(sens.value.range.p10),
                      p90: ratioText(sens.value.range.p90),
                      draws: formatNumber(sens.value.range.draws, lang, 0),
                      variation: percent(sens.value.range.variation),
                    })}
                  </Text>
                )}
              </>
            )}
          </section>

          <section aria-labelledby="review-checks">
            <Subtitle2 as="h2" id="review-checks">
              {t("reviewChecks", { count: checks.length })}
            </Subtitle2>
            {checks.length === 0 ? (
              <Text block>{t("reviewChecksNone")}</Text>
            ) : (
              <ul className={styles.list} data-testid="review-checks">
                {checks.map((c, k) => {
                  const target = checkTarget(c);
                  return (
                    <li key={k} className={styles.check}>
                      <Badge size="small" appearance="tint" color={c.severity === "warning" ? "warning" : "informative"}>
                        {t(c.severity === "warning" ? "reviewWarning" : "reviewInfo")}
                      </Badge>
                      <Text>{other(checkMessage(c, lang))}</Text>
                      {target && (
                        <Link as="button" disabled={busy !== null} aria-label={t("reviewShowCellLabel", { place: placeOf(target) })} onClick={() => select(target)}>
                          {t("reviewShowCell")}
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          {sens.ok && ratio !== null && (
            <section aria-labelledby="review-tornado">
              <Subtitle2 as="h2" id="review-tornado">
                {t("reviewTornado")}
              </Subtitle2>
              <Text block size={200} className={styles.muted}>
                {t("reviewTornadoIntro", { variation: percent(sens.value.range.variation) })}
              </Text>
              <Tornado
                rows={sens.value.oneWay.slice(0, TORNADO_ROWS)}
                ratio={ratio}
                name={estimateName}
                range={(row) => t("reviewTornadoRange", { low: formatNumber(Math.min(row.ratioLow, row.ratioHigh), lang, 2, true), high: ratioText(Math.max(row.ratioLow, row.ratioHigh)) })}
                breakEven={(row, k) => {
                  if (k >= BREAK_EVENS_SHOWN) return null;
                  const even = sens.value.switchingValues.find((s) => s.outcome === row.outcome && s.field === row.field)?.breakEven ?? null;
                  if (even === null) return t(ratio >= 1 ? "reviewBreakEvenNoneAbove" : "reviewBreakEvenNoneBelow");
                  return t("reviewBreakEven", { value: estimateValue(row.field, even, currency, lang) });
                }}
                onSelect={(row) => select(estimateTarget(row.outcome, row.field))}
                selectLabel={(row) => t("reviewShowCellLabel", { place: placeOf(estimateTarget(row.outcome, row.field)) })}
                disabled={busy !== null}
              />
            </section>
          )}
        </>
      )}

      <div role="status" aria-live="polite">
        {status && (
          <MessageBar intent={status.intent} layout="multiline">
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      <div className={styles.actions}>
        {onRecomputeSensitivity &&
          (busy === "recompute" ? (
            <Spinner size="small" label={t("loading")} />
          ) : (
            <Button onClick={recompute} disabled={busy !== null}>
              {t("reviewRecompute")}
            </Button>
          ))}
        {computed.ok && (
          <>
            <Button onClick={downloadReport} disabled={busy !== null}>
              {t("reviewDownloadReport")}
            </Button>
            <Text size={200} className={styles.muted}>
              {t("reviewDownloadHint")}
            </Text>
          </>
        )}
        <Button appearance="primary" onClick={onBack}>
          {t("backHome")}
        </Button>
      </div>
    </div>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface TornadoProps {
  rows: OneWayRow[];
  ratio: number;
  name: (row: OneWayRow) => string;
  range: (row: OneWayRow) => string;
  breakEven: (row: OneWayRow, k: number) => string | null;
  onSelect: (row: OneWayRow) => void;
  selectLabel: (row: OneWayRow) => string;
  disabled: boolean;
}

/**
 * The one-way table as a tornado: one list item per estimate, largest swing first, its name (a link
 * that selects its cell), the ratio at both ends in words, and a bar drawn to one scale for all rows
 * (decorative: the words say the same), with a line at the ratio now.
 */
function Tornado({ rows, ratio, name, range, breakEven, onSelect, selectLabel, disabled }: TornadoProps) {
  const styles = useStyles();
  const lo = Math.min(ratio, ...rows.map((r) => Math.min(r.ratioLow, r.ratioHigh)));
  const hi = Math.max(ratio, ...rows.map((r) => Math.max(r.ratioLow, r.ratioHigh)));
  const span = hi - lo || 1;
  const x = (v: number) => 2 + ((v - lo) / span) * 96; // percent of the width, 2 % margins
  return (
    <ol className={styles.list} data-testid="tornado">
      {rows.map((row, k) => {
        const a = Math.min(row.ratioLow, row.ratioHigh);
        const b = Math.max(row.ratioLow, row.ratioHigh);
        const even = breakEven(row, k);
        return (
          <li key={`${row.outcome}-${row.field}`} className={styles.row} data-field={row.field} data-outcome={row.outcome ?? ""}>
            <span className={styles.rowHead}>
              <Link as="button" disabled={disabled} aria-label={`${name(row)}. ${selectLabel(row)}`} onClick={() => onSelect(row)}>
                {name(row)}
              </Link>
              <Text size={200} className={styles.nums}>
                {range(row)}
              </Text>
            </span>
            <svg className={styles.bar} viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x={x(a)} y={2} width={Math.max(0.5, x(b) - x(a))} height={10} fill={tokens.colorBrandBackground} />
              <line x1={x(ratio)} x2={x(ratio)} y1={0} y2={14} stroke={tokens.colorNeutralForeground1} strokeWidth={0.6} vectorEffect="non-scaling-stroke" />
            </svg>
            {even && (
              <Text size={200} data-testid="break-even">
                {even}
              </Text>
            )}
          </li>
        );
      })}
    </ol>
  );
}
