import { useEffect, useState } from "react";
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useUi } from "../../ui";
import type { FoundAssessment } from "../../workbook";
import { assessmentPriceYear } from "../../../sroi";

/** What the proxy lookup goes by: the workbook's assessment, when there is one (see ProxyLookupProps). */
export interface ProxyTarget {
  currency?: string;
  /** undefined: no assessment to go by; null: it has no price year */
  priceYear?: number | null;
  priceIndex?: string;
}

export interface HomeProps {
  onStart: () => void;
  onContinue: (found: FoundAssessment) => void;
  /**
   * With the workbook's currency, price year and price index when its assessments agree on them (a
   * proxy in another currency needs a rate; values are revalued to the price year).
   */
  onFindProxy: (target: ProxyTarget) => void;
  /** the value game recorder, with the workbook's currency as onFindProxy has it */
  onValueGame?: (currency?: string) => void;
  /** the Review screen of an assessment found in the workbook (checks and sensitivity) */
  onReview?: (found: FoundAssessment) => void;
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  choice: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "stretch" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { width: "100%", justifyContent: "flex-start", textAlign: "left", height: "auto", paddingTop: "6px", paddingBottom: "6px" },
  itemText: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  muted: { color: tokens.colorNeutralForeground2 },
  review: { marginTop: "2px", marginLeft: tokens.spacingHorizontalS },
});

/** The first screen: start, continue what the workbook holds, or look up a proxy. */
export function Home({ onStart, onContinue, onFindProxy, onValueGame, onReview }: HomeProps) {
  const { t, workbook } = useUi();
  const styles = useStyles();
  const requirements = workbook.checkRequirements();
  const [found, setFound] = useState<FoundAssessment[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!requirements.ok) return;
    let live = true;
    workbook.findAssessments().then(
      (list) => live && setFound(list),
      (e: unknown) => live && setError(t("errorPrefix", { message: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
  }, [workbook]);

  /** The one value the workbook's assessments agree on, or undefined. */
  const agreed = <T,>(pick: (f: FoundAssessment) => T): T | undefined => {
    const values = new Set((found ?? []).map(pick));
    return values.size === 1 ? [...values][0] : undefined;
  };
  const workbookCurrency = () => agreed((f) => f.assessment.settings.currency);
  const workbookTarget = (): ProxyTarget => ({
    currency: workbookCurrency(),
    priceYear: agreed((f) => assessmentPriceYear(f.assessment.settings)),
    priceIndex: agreed((f) => f.assessment.settings.priceIndex),
  });

  return (
    <div className={styles.page}>
      <Title3 as="h1">{t("appTitle")}</Title3>
      <Text>{t("homeIntro")}</Text>
      {!requirements.ok ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("tooOldTitle")}</MessageBarTitle>
            {t("tooOldBody", { missing: requirements.missing.join(", ") })}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.choice}>
            <Button appearance="primary" size="large" onClick={onStart}>
              {t("homeStart")}
            </Button>
            <Text size={200} className={styles.muted}>
              {t("homeStartHint")}
            </Text>
          </div>
          <section className={styles.choice} aria-labelledby="continue-heading">
            <Subtitle2 as="h2" id="continue-heading">
              {t("homeContinue")}
            </Subtitle2>
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {!error && found === null && <Spinner size="tiny" label={t("homeSearching")} />}
            {found !== null && found.length === 0 && <Text className={styles.muted}>{t("homeContinueNone")}</Text>}
            {found !== null && found.length > 0 && (
              <ul className={styles.list}>
                {found.map((f) => {
                  const s = f.assessment.settings;
                  const title = s.title || s.organisation ? t("foundItem", { title: s.title || "…", organisation: s.organisation || "…" }) : t("foundItemUntitled", { suffix: f.suffix || "1" });
                  return (
                    <li key={f.suffix}>
                      <Button className={styles.item} onClick={() => onContinue(f)}>
                        <span className={styles.itemText}>
                          <span id={`found-${f.suffix || "1"}`}>{title}</span>
                          <Text size={200} className={styles.muted}>
                            {t(s.portable ? "foundItemPortable" : "foundItemSheets", { sheet: f.sheetNames.impactMap })}
                          </Text>
                        </span>
                      </Button>
                      {onReview && (
                        <Link
                          as="button"
                          className={styles.review}
                          onClick={() => onReview(f)}
                          aria-label={t("reviewOpenFor", { n: f.suffix || "1" })}
                          aria-describedby={`found-${f.suffix || "1"}`}
                        >
                          {t("reviewOpen")}
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <div className={styles.choice}>
            <Button size="large" onClick={() => onFindProxy(workbookTarget())}>
              {t("homeFindProxy")}
            </Button>
            <Text size={200} className={styles.muted}>
              {t("homeFindProxyHint")}
            </Text>
          </div>
          {onValueGame && (
            <div className={styles.choice}>
              <Button size="large" onClick={() => onValueGame(workbookCurrency())}>
                {t("homeValueGame")}
              </Button>
              <Text size={200} className={styles.muted}>
                {t("homeValueGameHint")}
              </Text>
            </div>
          )}
        </>
      )}
    </div>
  );
}
