import { useEffect, useState } from "react";
import { Field, Input, makeStyles } from "@fluentui/react-components";

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  /** the core's message for this field, if its value is refused */
  message?: string;
  /** numbers get a decimal keypad on touch devices */
  numeric?: boolean;
  required?: boolean;
  autoFocus?: boolean;
}

/** How long the user stops typing before a new problem is shown and announced. */
export const PAUSE_MS = 800;

const useStyles = makeStyles({
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  // A percentage width lets the box shrink below its default 20 characters in a narrow pane.
  inner: { width: "100%", minWidth: 0 },
  // the message's live region is always there (so that it is announced), and takes no room when empty
  noMessage: { marginTop: 0 },
});

/**
 * A labelled text box. A problem is shown once the user has typed something or left the box, so a
 * blank form does not open covered in red; a new problem waits until the user leaves the box or
 * pauses (PAUSE_MS), so nothing is said on every keystroke, and a fixed one goes at once. The
 * message is a polite live region (Fluent's own is an alert, which interrupts).
 */
export function TextField({ label, value, onChange, hint, message, numeric, required, autoFocus }: TextFieldProps) {
  const styles = useStyles();
  const [touched, setTouched] = useState(false);
  // the message as last settled: a problem shown stays while it is the same, a fix clears it at once
  const [settled, setSettled] = useState<string | undefined>(message);
  useEffect(() => {
    if (message === undefined) return setSettled(undefined);
    setSettled((s) => (s === message ? s : undefined));
    const timer = setTimeout(() => setSettled(message), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [message, value]);
  const shown = settled && (touched || value.trim() !== "") ? settled : undefined;
  return (
    <Field
      className={styles.field}
      label={label}
      hint={hint}
      required={required}
      validationMessage={{ children: shown, role: undefined, "aria-live": "polite", className: shown ? undefined : styles.noMessage }}
      validationState={shown ? "error" : "none"}
    >
      <Input
        className={styles.input}
        input={{ className: styles.inner }}
        value={value}
        inputMode={numeric ? "decimal" : undefined}
        autoFocus={autoFocus}
        onChange={(_e, d) => onChange(d.value)}
        onBlur={() => {
          setTouched(true);
          setSettled(message);
        }}
      />
    </Field>
  );
}
