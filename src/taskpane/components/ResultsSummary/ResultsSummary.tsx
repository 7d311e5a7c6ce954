import { makeStyles, tokens, Subtitle2 } from "@fluentui/react-components";
import type { AssessmentResult } from "../../../sroi";
import { formatMoney, formatNumber } from "../../../i18n/numbers";
import { useUi } from "../../ui";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  heading: { display: "block", marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalXS },
  ratio: { margin: 0, textAlign: "right", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
});

/** The headline figures of the method document §5, as the Results sheet shows them. */
export function ResultsSummary({ result, currency }: { result: AssessmentResult; currency: string }) {
  const { t, lang } = useUi();
  const styles = useStyles();
  const money = (d: { toNumber(): number }) => formatMoney(d.toNumber(), currency, lang);
  const rows: [string, string, string?][] = [
    [t("totalPresentValue"), money(result.totalPresentValue)],
    [t("totalInputs"), money(result.totalInputs)],
    [t("netPresentValue"), money(result.netPresentValue)],
    [
      t("ratio"),
      result.ratio ? t("ratioValue", { ratio: formatNumber(result.ratio.toNumber(), lang, 2, true) }) : t("notComputable"),
      styles.ratio,
    ],
    [t("netRatio"), result.netRatio ? formatNumber(result.netRatio.toNumber(), lang, 2, true) : t("notComputable")],
    [
      t("payback"),
      result.paybackMonths ? t("paybackValue", { months: formatNumber(result.paybackMonths.toNumber(), lang, 1, true) }) : t("notComputable"),
    ],
  ];
  const shares = result.byStakeholder.filter((s) => s.stakeholder !== "" || !s.presentValue.isZero());
  return (
    <div>
      <dl className={styles.list} data-testid="results">
        {rows.map(([term, value, cls]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={cls ?? styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {shares.length > 0 && (
        <>
          <Subtitle2 as="h3" className={styles.heading}>
            {t("valueByStakeholder")}
          </Subtitle2>
          <dl className={styles.list}>
            {shares.map((s) => (
              <div key={s.stakeholder} style={{ display: "contents" }}>
                <dt className={styles.term}>{s.stakeholder || t("unnamedStakeholder")}</dt>
                <dd className={styles.value}>
                  {t("shareOf", {
                    value: money(s.presentValue),
                    share: s.share ? `${formatNumber(s.share.times(100).toNumber(), lang, 1)} %` : t("notComputable"),
                  })}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
