import { Button, Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import type { InputKind } from "../../../../sroi";
import { inputValue } from "../../../../sroi";
import { formatMoney } from "../../../../i18n/numbers";
import { type InputForm, type StakeholderNames, emptyInputForm, toInput } from "../../../form";
import { TextField } from "../../../components/TextField/TextField";
import { useUi } from "../../../ui";
import { useStepStyles } from "./styles";

export interface InputsStepProps {
  value: InputForm[];
  onChange: (i: InputForm[]) => void;
  /** stakeholder names by id, in the order they are listed */
  stakeholders: StakeholderNames;
  currency: string;
}

/** What each stakeholder puts in (method document §1): cash, in kind at market price, time. */
export function InputsStep({ value, onChange, stakeholders, currency }: InputsStepProps) {
  const { t, lang, message } = useUi();
  const styles = useStepStyles();
  const update = (id: string, patch: Partial<InputForm>) => onChange(value.map((i) => (i.id === id ? { ...i, ...patch } : i)));
  return (
    <div className={styles.column}>
      <Text>{t("inputsIntro")}</Text>
      {stakeholders.size === 0 && <Text>{t("noStakeholders")}</Text>}
      {[...stakeholders].map(([stakeholderId, name]) => {
        const shown = name || t("unnamedStakeholder");
        const rows = value.filter((i) => i.stakeholderId === stakeholderId);
        return (
          <section key={stakeholderId} className={styles.group} aria-label={shown}>
            <Subtitle2 as="h3">{shown}</Subtitle2>
            {rows.map((i) => {
              const n = value.indexOf(i) + 1;
              const input = toInput(i, stakeholders, lang);
              // Checked one number at a time so that the message sits under the box it is about.
              const check = (patch: Partial<typeof input>) => {
                const r = inputValue({ ...input, ...patch });
                return r.ok ? undefined : message(r.issue);
              };
              const total = inputValue(input);
              return (
                <fieldset key={i.id} className={styles.card}>
                  <legend className={styles.legend}>{t("inputN", { n })}</legend>
                  <Field label={t("inputKind")} className={styles.narrow}>
                    <Select className={styles.narrow} select={{ className: styles.selectBox }} value={i.kind} onChange={(_e, d) => update(i.id, { kind: d.value as InputKind })}>
                      <option value="cash">{t("kindCash")}</option>
                      <option value="inKind">{t("kindInKind")}</option>
                      <option value="time">{t("kindTime")}</option>
                    </Select>
                  </Field>
                  <TextField label={t("inputDescription")} value={i.description} onChange={(v) => update(i.id, { description: v })} />
                  {i.kind === "time" ? (
                    <div className={styles.row}>
                      <div className={styles.half}>
                        <TextField label={t("hours")} numeric value={i.hours} onChange={(v) => update(i.id, { hours: v })} message={check({ hourlyCost: 0 })} />
                      </div>
                      <div className={styles.half}>
                        <TextField
                          label={t("hourlyCost")}
                          hint={t("hourlyCostHint")}
                          numeric
                          value={i.hourlyCost}
                          onChange={(v) => update(i.id, { hourlyCost: v })}
                          message={check({ hours: 0 })}
                        />
                      </div>
                    </div>
                  ) : (
                    <TextField
                      label={i.kind === "cash" ? t("amount") : t("marketPrice")}
                      numeric
                      value={i.amount}
                      onChange={(v) => update(i.id, { amount: v })}
                      message={check({})}
                    />
                  )}
                  <div className={styles.actions}>
                    <Text className={styles.muted}>{total.ok ? t("inputValue", { value: formatMoney(total.value.toNumber(), currency, lang) }) : ""}</Text>
                    <Button appearance="subtle" onClick={() => onChange(value.filter((x) => x.id !== i.id))}>
                      {t("remove")}
                    </Button>
                  </div>
                </fieldset>
              );
            })}
            <Button onClick={() => onChange([...value, emptyInputForm(stakeholderId)])}>{t("addInputFor", { name: shown })}</Button>
          </section>
        );
      })}
    </div>
  );
}
