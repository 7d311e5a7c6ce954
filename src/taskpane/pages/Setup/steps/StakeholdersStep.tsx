import { useEffect, useRef, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { parseTyped } from "../../../../i18n/numbers";
import {
  type RemovedStakeholder,
  type StakeholderRows,
  attachedTo,
  emptyStakeholderForm,
  removeStakeholder,
  restoreStakeholder,
} from "../../../form";
import { TextField } from "../../../components/TextField/TextField";
import { useUi } from "../../../ui";
import { useStepStyles } from "./styles";

export interface StakeholdersStepProps {
  /** the stakeholders, with the inputs and outcomes entered for them (a removal takes its rows along) */
  value: StakeholderRows;
  onChange: (rows: StakeholderRows) => void;
  /** names already in the workbook (continue mode): shown, not editable */
  fixed?: string[];
}

type Counts = { inputs: number; outcomes: number };

/** What the step says after a removal or its undo, and where the focus goes next. */
type Note =
  | { kind: "removed"; name: string; counts: Counts; removed: RemovedStakeholder }
  | { kind: "restored"; name: string; id: string };

/**
 * Who changes or contributes: name, number in group, how involved. Removing a stakeholder that has
 * inputs or outcomes asks first, saying how many go with it; any removal can be undone.
 */
export function StakeholdersStep({ value, onChange, fixed = [] }: StakeholdersStepProps) {
  const { t, lang } = useUi();
  const styles = useStepStyles();
  const [asking, setAsking] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [focus, setFocus] = useState<{ id: string; what: "confirm" | "remove" | "name" | "undo" } | null>(null);
  const cards = useRef(new Map<string, HTMLFieldSetElement>());
  const undoButton = useRef<HTMLButtonElement>(null);
  const stakeholders = value.stakeholders;

  // The focus follows what the user did: to the question, back to Remove, to Undo, to the restored card.
  useEffect(() => {
    if (!focus) return;
    if (focus.what === "undo") undoButton.current?.focus();
    else cards.current.get(focus.id)?.querySelector<HTMLElement>(focus.what === "name" ? '[data-focus="name"] input' : `[data-focus="${focus.what}"]`)?.focus();
    setFocus(null);
  }, [focus]);

  const update = (id: string, patch: Partial<StakeholderRows["stakeholders"][number]>) =>
    onChange({ ...value, stakeholders: stakeholders.map((s) => (s.id === id ? { ...s, ...patch } : s)) });
  const shownName = (k: number) => stakeholders[k].name.trim() || t("stakeholderN", { n: fixed.length + k + 1 });
  const rowsText = ({ inputs, outcomes }: Counts) => {
    const i = inputs === 1 ? t("rowsInputs1") : t("rowsInputsN", { n: inputs });
    const o = outcomes === 1 ? t("rowsOutcomes1") : t("rowsOutcomesN", { n: outcomes });
    return inputs > 0 && outcomes > 0 ? t("rowsBoth", { inputs: i, outcomes: o }) : inputs > 0 ? i : o;
  };

  const remove = (id: string) => {
    const k = stakeholders.findIndex((s) => s.id === id);
    const name = shownName(k);
    const counts = attachedTo(value, id);
    const { rows, removed } = removeStakeholder(value, id);
    if (!removed) return;
    setAsking(null);
    onChange(rows);
    setNote({ kind: "removed", name, counts, removed });
    setFocus({ id, what: "undo" });
  };
  const askOrRemove = (id: string) => {
    const counts = attachedTo(value, id);
    if (counts.inputs + counts.outcomes === 0) return remove(id);
    setAsking(id);
    setFocus({ id, what: "confirm" });
  };
  const undo = () => {
    if (note?.kind !== "removed") return;
    onChange(restoreStakeholder(value, note.removed));
    const id = note.removed.stakeholder.row.id;
    setNote({ kind: "restored", name: note.name, id });
    setFocus({ id, what: "name" });
  };

  return (
    <div className={styles.column}>
      <Text>{t("stakeholdersIntro")}</Text>
      {fixed.length > 0 && <Text>{t("existingStakeholders", { names: fixed.join(", ") })}</Text>}
      {stakeholders.map((s, k) => {
        // Number in group is descriptive (no core rule uses it), so only "is it a number" is checked.
        const size = parseTyped(s.groupSize, lang);
        const questionId = `remove-question-${s.id}`;
        return (
          <fieldset
            key={s.id}
            className={styles.card}
            ref={(el) => {
              if (el) cards.current.set(s.id, el);
              else cards.current.delete(s.id);
            }}
          >
            <legend className={styles.legend}>{t("stakeholderN", { n: fixed.length + k + 1 })}</legend>
            <div data-focus="name">
              <TextField label={t("stakeholderName")} value={s.name} onChange={(v) => update(s.id, { name: v })} autoFocus={k === stakeholders.length - 1 && s.name === ""} />
            </div>
            <TextField
              label={t("groupSize")}
              numeric
              value={s.groupSize}
              onChange={(v) => update(s.id, { groupSize: v })}
              message={typeof size === "string" ? t("groupSizeNotANumber", { value: size }) : undefined}
            />
            <TextField label={t("involvement")} value={s.involvement} onChange={(v) => update(s.id, { involvement: v })} />
            {asking === s.id ? (
              <MessageBar intent="warning" layout="multiline" politeness="polite">
                <MessageBarBody id={questionId}>
                  <MessageBarTitle>{t("removeStakeholderTitle", { name: shownName(k) })}</MessageBarTitle>
                  {t("removeStakeholderBody", { rows: rowsText(attachedTo(value, s.id)) })}
                </MessageBarBody>
                <MessageBarActions>
                  <Button data-focus="confirm" aria-describedby={questionId} onClick={() => remove(s.id)}>
                    {t("removeStakeholderYes")}
                  </Button>
                  <Button
                    onClick={() => {
                      setAsking(null);
                      setFocus({ id: s.id, what: "remove" });
                    }}
                  >
                    {t("cancel")}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ) : (
              <div className={styles.actions}>
                <Button appearance="subtle" data-focus="remove" onClick={() => askOrRemove(s.id)}>
                  {t("remove")}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      {/* One polite region, always there, so what a removal or its undo did is announced once. */}
      <div aria-live="polite" data-testid="stakeholder-note">
        {note && (
          <MessageBar intent={note.kind === "removed" ? "info" : "success"} politeness="polite">
            <MessageBarBody>
              {note.kind === "restored"
                ? t("stakeholderRestored", { name: note.name })
                : note.counts.inputs + note.counts.outcomes > 0
                  ? t("stakeholderRemovedWith", { name: note.name, rows: rowsText(note.counts) })
                  : t("stakeholderRemoved", { name: note.name })}
            </MessageBarBody>
            {note.kind === "removed" && (
              <MessageBarActions>
                <Button ref={undoButton} onClick={undo}>
                  {t("undoRemove")}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
      <Button onClick={() => onChange({ ...value, stakeholders: [...stakeholders, emptyStakeholderForm()] })}>{t("addStakeholder")}</Button>
    </div>
  );
}
