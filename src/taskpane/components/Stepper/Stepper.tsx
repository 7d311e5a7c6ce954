import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useUi } from "../../ui";

export interface StepperProps {
  label: string;
  steps: string[];
  current: number;
  /** the steps finished (left, with nothing to fix): marked with a check, and said so to screen readers */
  done?: boolean[];
  onSelect: (index: number) => void;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  // The current step stands out without being a primary button: the screen's one primary action is its way forward.
  current: { fontWeight: tokens.fontWeightSemibold, borderBottom: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  check: { color: tokens.colorStatusSuccessForeground1, fontWeight: tokens.fontWeightBold, marginRight: tokens.spacingHorizontalXXS },
});

/** The setup's steps; any step can be opened at any time, so each is skippable and editable later. */
export function Stepper({ label, steps, current, done = [], onSelect }: StepperProps) {
  const { t } = useUi();
  const styles = useStyles();
  return (
    <nav aria-label={label}>
      <ol className={styles.list}>
        {steps.map((name, k) => {
          const text = `${k + 1}. ${name}`;
          return (
            <li key={name}>
              <Button
                size="small"
                appearance={k === current ? "outline" : "subtle"}
                aria-current={k === current ? "step" : undefined}
                // the name starts with the visible text, so voice control finds it by what it shows
                aria-label={done[k] ? t("stepDone", { step: text }) : undefined}
                className={k === current ? styles.current : undefined}
                onClick={() => onSelect(k)}
              >
                {done[k] && (
                  <span className={styles.check} aria-hidden="true" data-testid="step-done">
                    ✓
                  </span>
                )}
                {text}
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
