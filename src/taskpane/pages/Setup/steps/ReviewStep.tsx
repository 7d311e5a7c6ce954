import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { AssessmentIssue, Computed } from "../../../../sroi";
import { ResultsSummary } from "../../../components/ResultsSummary/ResultsSummary";
import { useUi } from "../../../ui";
import { useStepStyles } from "./styles";

export interface ReviewStepProps {
  computed: Computed;
  currency: string;
  /** the form's 1-based position of each input and outcome kept in the assessment (empty rows are left out) */
  positions: { inputs: number[]; outcomes: number[] };
  onCreate: () => void;
  busy: boolean;
  /** nothing to create (continue mode with nothing added) */
  disabled?: boolean;
  createLabel: string;
  busyLabel: string;
}

/** The results the sheets will compute, or the problems to fix first. */
export function ReviewStep({ computed, currency, positions, onCreate, busy, disabled, createLabel, busyLabel }: ReviewStepProps) {
  const { t, message } = useUi();
  const styles = useStepStyles();
  const problem = (issue: AssessmentIssue) => {
    const section = issue.section === "inputs" ? t("sectionInputs") : issue.section === "outcomes" ? t("sectionOutcomes") : t("sectionSettings");
    const list = issue.section === "inputs" ? positions.inputs : positions.outcomes;
    if (issue.index === undefined) return t("problemAtSettings", { section, message: message(issue) });
    return t("problemAt", { section, n: list[issue.index - 1] ?? issue.index, message: message(issue) });
  };
  return (
    <div className={styles.column}>
      <Text>{t("reviewIntro")}</Text>
      {computed.ok ? (
        <ResultsSummary result={computed.result} currency={currency} />
      ) : (
        <MessageBar intent="warning">
          <MessageBarBody>
            <Text weight="semibold">{t("reviewProblems")}</Text>
            <ul data-testid="problems">
              {computed.issues.map((issue, k) => (
                <li key={k}>{problem(issue)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {busy ? (
        <Spinner size="small" label={busyLabel} />
      ) : (
        <Button appearance="primary" disabled={!computed.ok || disabled} onClick={onCreate}>
          {createLabel}
        </Button>
      )}
    </div>
  );
}
