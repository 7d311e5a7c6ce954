import { MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { describeReadProblem } from "../../../i18n/workbook";
import { computeAssessment } from "../../../sroi";
import { ResultsSummary } from "../../components/ResultsSummary/ResultsSummary";
import type { SetupForm } from "../../form";
import { Setup } from "../Setup/Setup";
import { useUi } from "../../ui";
import type { FoundAssessment } from "../../workbook";

export interface ContinueProps {
  found: FoundAssessment;
  form: SetupForm;
  onFormChange: (form: SetupForm) => void;
  /** re-read the assessment from the workbook after rows were added */
  onAppended: () => void;
  onHome: () => void;
}

const useStyles = makeStyles({ page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL } });

/** Continue an assessment the workbook holds: its current results, then additions to its tables. */
export function Continue({ found, form, onFormChange, onAppended, onHome }: ContinueProps) {
  const { t, lang, other } = useUi();
  const styles = useStyles();
  const current = computeAssessment(found.assessment);
  return (
    <div className={styles.page}>
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
      <Setup mode={{ kind: "append", found }} form={form} onFormChange={onFormChange} onCreated={() => undefined} onAppended={onAppended} onCancel={onHome} />
      {current.ok && (
        <section aria-label={t("currentResults")}>
          <Subtitle2 as="h2">{t("currentResults")}</Subtitle2>
          <ResultsSummary result={current.result} currency={found.assessment.settings.currency} />
        </section>
      )}
    </div>
  );
}
