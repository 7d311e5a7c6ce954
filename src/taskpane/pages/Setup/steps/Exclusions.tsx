import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { type ExclusionForm, emptyExclusionForm } from "../../../form";
import { TextField } from "../../../components/TextField/TextField";
import { useUi } from "../../../ui";
import { useStepStyles } from "./styles";

/**
 * What was left out of the analysis and why (the Value Map's audit trail: "include only what is
 * material"): written to the workbook's Exclusions table, read back by the CLI and the report.
 */
export function Exclusions({ value, onChange }: { value: ExclusionForm[]; onChange: (x: ExclusionForm[]) => void }) {
  const { t } = useUi();
  const styles = useStepStyles();
  const update = (id: string, patch: Partial<ExclusionForm>) => onChange(value.map((x) => (x.id === id ? { ...x, ...patch } : x)));
  return (
    <section className={styles.group} aria-label={t("exclusionsTitle")}>
      <Subtitle2 as="h3">{t("exclusionsTitle")}</Subtitle2>
      <Text>{t("exclusionsIntro")}</Text>
      {value.map((x, k) => (
        <fieldset key={x.id} className={styles.card}>
          <legend className={styles.legend}>{t("exclusionN", { n: k + 1 })}</legend>
          <TextField label={t("exclusionItem")} value={x.item} onChange={(v) => update(x.id, { item: v })} autoFocus={k === value.length - 1 && x.item === ""} />
          <TextField label={t("exclusionReason")} value={x.reason} onChange={(v) => update(x.id, { reason: v })} />
          <div className={styles.actions}>
            <Button appearance="subtle" onClick={() => onChange(value.filter((y) => y.id !== x.id))}>
              {t("remove")}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button onClick={() => onChange([...value, emptyExclusionForm()])}>{t("addExclusion")}</Button>
    </section>
  );
}
