import { Button, Text } from "@fluentui/react-components";
import { parseTyped } from "../../../../i18n/numbers";
import { type StakeholderForm, emptyStakeholderForm } from "../../../form";
import { TextField } from "../../../components/TextField/TextField";
import { useUi } from "../../../ui";
import { useStepStyles } from "./styles";


export interface StakeholdersStepProps {
  value: StakeholderForm[];
  onChange: (s: StakeholderForm[]) => void;
  /** names already in the workbook (continue mode): shown, not editable */
  fixed?: string[];
}

/** Who changes or contributes: name, number in group, how involved. */
export function StakeholdersStep({ value, onChange, fixed = [] }: StakeholdersStepProps) {
  const { t, lang } = useUi();
  const styles = useStepStyles();
  const update = (id: string, patch: Partial<StakeholderForm>) => onChange(value.map((s) => (s.id === id ? { ...s, ...patch } : s)));
  return (
    <div className={styles.column}>
      <Text>{t("stakeholdersIntro")}</Text>
      {fixed.length > 0 && <Text>{t("existingStakeholders", { names: fixed.join(", ") })}</Text>}
      {value.map((s, k) => {
        // Number in group is descriptive (no core rule uses it), so only "is it a number" is checked.
        const size = parseTyped(s.groupSize, lang);
        return (
          <fieldset key={s.id} className={styles.card}>
            <legend className={styles.legend}>{t("stakeholderN", { n: fixed.length + k + 1 })}</legend>
            <TextField label={t("stakeholderName")} value={s.name} onChange={(v) => update(s.id, { name: v })} autoFocus={k === value.length - 1 && s.name === ""} />
            <TextField
              label={t("groupSize")}
              numeric
              value={s.groupSize}
              onChange={(v) => update(s.id, { groupSize: v })}
              message={typeof size === "string" ? t("groupSizeNotANumber", { value: size }) : undefined}
            />
            <TextField label={t("involvement")} value={s.involvement} onChange={(v) => update(s.id, { involvement: v })} />
            <div className={styles.actions}>
              <Button appearance="subtle" onClick={() => onChange(value.filter((x) => x.id !== s.id))}>
                {t("remove")}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <Button onClick={() => onChange([...value, emptyStakeholderForm()])}>{t("addStakeholder")}</Button>
    </div>
  );
}
