import { useState } from "react";
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

const useStyles = makeStyles({
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  // A percentage width lets the box shrink below its default 20 characters in a narrow pane.
  inner: { width: "100%", minWidth: 0 },
});

/**
 * A labelled text box. A problem is shown once the user has typed something or left the box, so a
 * blank form does not open covered in red.
 */
export function TextField({ label, value, onChange, hint, message, numeric, required, autoFocus }: TextFieldProps) {
  const styles = useStyles();
  const [touched, setTouched] = useState(false);
  const shown = message && (touched || value.trim() !== "") ? message : undefined;
  return (
    <Field className={styles.field} label={label} hint={hint} required={required} validationMessage={shown} validationState={shown ? "error" : "none"}>
      <Input
        className={styles.input}
        input={{ className: styles.inner }}
        value={value}
        inputMode={numeric ? "decimal" : undefined}
        autoFocus={autoFocus}
        onChange={(_e, d) => onChange(d.value)}
        onBlur={() => setTouched(true)}
      />
    </Field>
  );
}
