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

const useStyles = makeStyles({ input: { width: "100%" } });

/**
 * A labelled text box. A problem is shown once the user has typed something or left the box, so a
 * blank form does not open covered in red.
 */
export function TextField({ label, value, onChange, hint, message, numeric, required, autoFocus }: TextFieldProps) {
  const styles = useStyles();
  const [touched, setTouched] = useState(false);
  const shown = message && (touched || value.trim() !== "") ? message : undefined;
  return (
    <Field label={label} hint={hint} required={required} validationMessage={shown} validationState={shown ? "error" : "none"}>
      <Input
        className={styles.input}
        value={value}
        inputMode={numeric ? "decimal" : undefined}
        autoFocus={autoFocus}
        onChange={(_e, d) => onChange(d.value)}
        onBlur={() => setTouched(true)}
      />
    </Field>
  );
}
