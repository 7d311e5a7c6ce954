import { useState } from "react";
import { Button, Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import { checkOutcome } from "../../../../sroi";
import type { Field as CoreField } from "../../../../sroi";
import { formatMoney } from "../../../../i18n/numbers";
import { type UiKey, unitLabel } from "../../../../i18n/ui";
import { type OutcomeForm, type StakeholderNames, emptyOutcomeForm, isEmptyOutcomeForm, toOutcome } from "../../../form";
import { TextField } from "../../../components/TextField/TextField";
import { type HelpKey, helpText } from "../../../../layout/help";
import { useUi } from "../../../ui";
import { useStepStyles } from "./styles";

export interface OutcomesStepProps {
  value: OutcomeForm[];
  onChange: (o: OutcomeForm[]) => void;
  stakeholders: StakeholderNames;
  currency: string;
  /** opens the proxy lookup for this outcome */
  onFindProxy: (outcomeId: string) => void;
}

type NumberKey = "quantity" | "duration" | "proxyValue" | "proxyUnits" | "deadweight" | "displacement" | "attribution" | "dropOff";

/** Which box each of the core's fields is typed in. */
const BOX: Partial<Record<CoreField, keyof OutcomeForm>> = {
  quantity: "quantity",
  duration: "duration",
  start: "start",
  proxy: "proxyValue",
  units: "proxyUnits",
  deadweight: "deadweight",
  displacement: "displacement",
  attribution: "attribution",
  dropOff: "dropOff",
};

const DEDUCTIONS: NumberKey[] = ["deadweight", "displacement", "attribution", "dropOff"];

/** The stage 1–2 choices of an outcome, each with its label's key. */
const INTENT_OPTIONS: readonly (readonly [OutcomeForm["intended"], UiKey])[] = [
  ["intended", "intendedYes"],
  ["unintended", "intendedNo"],
];
const POLARITY_OPTIONS: readonly (readonly [OutcomeForm["polarity"], UiKey])[] = [
  ["positive", "polarityPositive"],
  ["negative", "polarityNegative"],
];

/**
 * What changes per stakeholder (method document §3–4), checked as the user types by the core's
 * checkOutcome. Each card folds to its summary (stakeholder, description, net impact, what is to fix),
 * so a long list stays readable.
 */
export function OutcomesStep({ value, onChange, stakeholders, currency, onFindProxy }: OutcomesStepProps) {
  const { t, lang, message, other } = useUi();
  /** The estimate's help: what it is, the guiding question, what published reports use (the sheets' input message too). */
  const help = (key: HelpKey, more?: string) => [other(helpText(key, lang)), more].filter(Boolean).join(" ");
  const styles = useStepStyles();
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setFolded((f) => (f.has(id) ? new Set([...f].filter((x) => x !== id)) : new Set([...f, id])));
  const update = (id: string, patch: Partial<OutcomeForm>) => onChange(value.map((o) => (o.id === id ? { ...o, ...patch } : o)));
  return (
    <div className={styles.column}>
      <Text>{t("outcomesIntro")}</Text>
      {stakeholders.size === 0 && <Text>{t("noStakeholders")}</Text>}
      {[...stakeholders].map(([stakeholderId, name]) => {
        const shown = name || t("unnamedStakeholder");
        const rows = value.filter((o) => o.stakeholderId === stakeholderId);
        return (
          <section key={stakeholderId} className={styles.group} aria-label={shown}>
            <Subtitle2 as="h3">{shown}</Subtitle2>
            {rows.map((o) => {
              const n = value.indexOf(o) + 1;
              const checked = checkOutcome(toOutcome(o, stakeholders, lang));
              const messages: Partial<Record<keyof OutcomeForm, string>> = {};
              for (const issue of checked.issues) {
                const box = BOX[issue.field];
                if (box && !messages[box]) messages[box] = message(issue);
              }
              const isFolded = folded.has(o.id);
              const bodyId = `outcome-body-${o.id}`;
              /** A stage 1–2 choice of the outcome (intended or not, for the better or the worse). */
              const choiceBox = <K extends "intended" | "polarity">(key: K, label: string, options: readonly (readonly [OutcomeForm[K], UiKey])[]) => (
                <Field label={label} className={styles.narrow}>
                  <Select className={styles.narrow} select={{ className: styles.selectBox }} value={o[key]} onChange={(_e, d) => update(o.id, { [key]: d.value as OutcomeForm[K] })}>
                    {options.map(([v, label]) => (
                      <option key={v} value={v}>
                        {t(label)}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
              const numberBox = (key: NumberKey, hint?: string) => (
                <TextField label={t(key as UiKey)} hint={hint} numeric value={o[key]} onChange={(v) => update(o.id, { [key]: v })} message={messages[key]} />
              );
              return (
                <fieldset key={o.id} className={styles.card} data-testid={`outcome-${n}`}>
                  <legend className={styles.legend}>
                    <Button appearance="transparent" size="small" className={styles.disclosure} aria-expanded={!isFolded} aria-controls={bodyId} onClick={() => toggle(o.id)}>
                      <span aria-hidden="true" className={styles.chevron}>
                        {isFolded ? "▸" : "▾"}
                      </span>
                      {t("outcomeN", { n })}
                    </Button>
                  </legend>
                  <div id={bodyId} className={styles.cardBody}>
                    {isFolded ? (
                      <>
                        <Text>{`${shown} · ${o.description.trim() || t("outcomeNoDescription")}`}</Text>
                        {!isEmptyOutcomeForm(o) && checked.issues.length > 0 && <Text className={styles.toFix}>{t("outcomeToFix", { count: checked.issues.length })}</Text>}
                      </>
                    ) : (
                      <>
                        <TextField label={t("activity")} value={o.activity} onChange={(v) => update(o.id, { activity: v })} />
                        <TextField label={t("output")} hint={t("outputHint")} value={o.output} onChange={(v) => update(o.id, { output: v })} />
                        <TextField label={t("description")} value={o.description} onChange={(v) => update(o.id, { description: v })} autoFocus={o.description === "" && o === value[value.length - 1]} />
                        {choiceBox("intended", t("intended"), INTENT_OPTIONS)}
                        {choiceBox("polarity", t("polarity"), POLARITY_OPTIONS)}
                        <TextField label={t("indicator")} value={o.indicator} onChange={(v) => update(o.id, { indicator: v })} />
                        <TextField label={t("source")} value={o.source} onChange={(v) => update(o.id, { source: v })} />
                        {numberBox("quantity", help("quantity"))}
                        {numberBox("duration", help("duration"))}
                        <Field label={t("start")} hint={help("start")} className={styles.narrow} validationMessage={messages.start} validationState={messages.start ? "error" : "none"}>
                          <Select className={styles.narrow} select={{ className: styles.selectBox }} value={o.start} onChange={(_e, d) => update(o.id, { start: d.value as "1" | "2" })}>
                            <option value="1">{t("start1")}</option>
                            <option value="2">{t("start2")}</option>
                          </Select>
                        </Field>
                        <TextField label={t("proxyName")} value={o.proxyName} onChange={(v) => update(o.id, { proxyName: v })} />
                        <div className={styles.rowEnd}>
                          <div className={styles.half}>{numberBox("proxyValue", help("proxyValue"))}</div>
                          <Button onClick={() => onFindProxy(o.id)}>{t("findProxy")}</Button>
                        </div>
                        <div className={styles.half}>
                          {numberBox("proxyUnits", o.proxyUnit ? t("proxyUnitsHintUnit", { unit: unitLabel(o.proxyUnit, lang) }) : t("proxyUnitsHint"))}
                        </div>
                        <TextField label={t("proxySource")} value={o.proxySource} onChange={(v) => update(o.id, { proxySource: v })} />
                        {DEDUCTIONS.map((key) => (
                          <div key={key}>{numberBox(key, help(key, t("percentHint")))}</div>
                        ))}
                        <TextField label={t("justification")} hint={t("justificationHint")} value={o.justification} onChange={(v) => update(o.id, { justification: v })} />
                      </>
                    )}
                  </div>
                  <div className={styles.actions}>
                    <Text className={styles.muted} aria-live="polite">
                      {checked.value ? t("netImpactIs", { value: formatMoney(checked.value.netImpact.toNumber(), currency, lang) }) : ""}
                    </Text>
                    <Button appearance="subtle" onClick={() => onChange(value.filter((x) => x.id !== o.id))}>
                      {t("remove")}
                    </Button>
                  </div>
                </fieldset>
              );
            })}
            <Button onClick={() => onChange([...value, emptyOutcomeForm(stakeholderId)])}>{t("addOutcomeFor", { name: shown })}</Button>
          </section>
        );
      })}
    </div>
  );
}
