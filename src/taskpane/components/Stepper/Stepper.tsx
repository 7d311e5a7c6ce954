import { Button, makeStyles, tokens } from "@fluentui/react-components";

export interface StepperProps {
  label: string;
  steps: string[];
  current: number;
  onSelect: (index: number) => void;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  current: { fontWeight: tokens.fontWeightSemibold },
});

/** The setup's steps; any step can be opened at any time, so each is skippable and editable later. */
export function Stepper({ label, steps, current, onSelect }: StepperProps) {
  const styles = useStyles();
  return (
    <nav aria-label={label}>
      <ol className={styles.list}>
        {steps.map((name, k) => (
          <li key={name}>
            <Button
              size="small"
              appearance={k === current ? "primary" : "subtle"}
              aria-current={k === current ? "step" : undefined}
              className={k === current ? styles.current : undefined}
              onClick={() => onSelect(k)}
            >
              {`${k + 1}. ${name}`}
            </Button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
