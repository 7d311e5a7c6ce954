import { Suspense, lazy, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { type Assessment, assessmentPriceYear, computeAssessment } from "../../../sroi";
import { adjustmentNote } from "../../../i18n/proxies";
import type { Proxy } from "../../../proxies/types";
import { proxyName } from "../../../proxies/types";
import { formatNumber } from "../../../i18n/numbers";
import type { UiKey } from "../../../i18n/ui";
import {
  type OutcomeForm,
  type SetupForm,
  isEmptyInput,
  isEmptyOutcomeForm,
  stakeholderNames,
  toAssessment,
  toSettings,
  toInput,
  toOutcome,
  toStakeholder,
} from "../../form";
import { Stepper } from "../../components/Stepper/Stepper";
import { useUi } from "../../ui";
import type { FoundAssessment, WorkbookApi } from "../../workbook";
import { AssessmentStep } from "./steps/AssessmentStep";
import { StakeholdersStep } from "./steps/StakeholdersStep";
import { Exclusions } from "./steps/Exclusions";
import { InputsStep } from "./steps/InputsStep";
import { OutcomesStep } from "./steps/OutcomesStep";
import { ReviewStep } from "./steps/ReviewStep";

// The lookup (and the proxy library with it) loads only when asked for, keeping the first load small.
const ProxyLookup = lazy(() => import("../ProxyLookup/ProxyLookup"));
type ReadyProxy = import("../ProxyLookup/ProxyLookup").ReadyProxy;

type StepKey = "assessment" | "stakeholders" | "inputs" | "outcomes" | "review";
const STEP_LABELS: Record<StepKey, UiKey> = {
  assessment: "stepAssessment",
  stakeholders: "stepStakeholders",
  inputs: "stepInputs",
  outcomes: "stepOutcomes",
  review: "stepReview",
};

export type Created = Awaited<ReturnType<WorkbookApi["scaffoldAssessment"]>> & { assessment: Assessment };

export type SetupMode = { kind: "new" } | { kind: "append"; found: FoundAssessment };

export interface SetupProps {
  mode: SetupMode;
  form: SetupForm;
  onFormChange: (form: SetupForm) => void;
  onCreated: (created: Created) => void;
  /** continue mode: the rows were added (the caller re-reads the workbook) */
  onAppended?: () => void;
  onCancel: () => void;
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  nav: {
    display: "flex",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  top: { display: "flex", justifyContent: "flex-start", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  forward: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  navButton: { minWidth: "auto" },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The guided setup: a new assessment (all five steps, then "Create the sheets"), or additions to one
 * found in the workbook (stakeholders, inputs, outcomes, then "Add to the workbook").
 */
export function Setup({ mode, form, onFormChange, onCreated, onAppended, onCancel }: SetupProps) {
  const { t, lang, workbook } = useUi();
  const styles = useStyles();
  const steps: StepKey[] =
    mode.kind === "new" ? ["assessment", "stakeholders", "inputs", "outcomes", "review"] : ["stakeholders", "inputs", "outcomes", "review"];
  const [current, setCurrent] = useState(0);
  // the steps the user has been on and left: finished, unless something in them is to be fixed
  const [left, setLeft] = useState<ReadonlySet<StepKey>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [addedMessage, setAddedMessage] = useState<string | null>(null);
  const [pickingFor, setPickingFor] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opened = useRef(false);
  // A new step takes the focus to its heading, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (opened.current) heading.current?.focus();
    opened.current = true;
  }, [current]);

  const fixed = mode.kind === "append" ? mode.found.assessment.stakeholders.map((s) => s.name) : [];
  const names = useMemo(() => stakeholderNames(form.stakeholders, fixed), [form.stakeholders, fixed.join("\u0000")]);
  const currency = mode.kind === "append" ? mode.found.assessment.settings.currency : form.settings.currency.trim().toUpperCase() || "EUR";
  // the price year and index proxies are revalued to: the workbook's in continue mode, else the form's
  const priceSettings = mode.kind === "append" ? mode.found.assessment.settings : toSettings(form.settings, lang);
  // a mistyped price year (text) revalues nothing until it is a year
  const priceYear = typeof priceSettings.priceYear === "number" || priceSettings.priceYear === null ? assessmentPriceYear(priceSettings) : null;

  const keptInputs = form.inputs.filter((i) => !isEmptyInput(i));
  const keptOutcomes = form.outcomes.filter((o) => !isEmptyOutcomeForm(o));
  const addition = {
    stakeholders: form.stakeholders.filter((s) => s.name.trim() !== "").map((s) => toStakeholder(s, lang)),
    inputs: keptInputs.map((i) => toInput(i, names, lang)),
    outcomes: keptOutcomes.map((o) => toOutcome(o, names, lang)),
  };
  const assessment: Assessment =
    mode.kind === "new"
      ? toAssessment(form, lang)
      : {
          settings: mode.found.assessment.settings,
          stakeholders: [...mode.found.assessment.stakeholders, ...addition.stakeholders],
          inputs: [...mode.found.assessment.inputs, ...addition.inputs],
          outcomes: [...mode.found.assessment.outcomes, ...addition.outcomes],
        };
  const computed = computeAssessment(assessment);
  // Problems are reported by position in the assessment; show the position the user sees in the form.
  const offset = mode.kind === "append" ? mode.found.assessment : { inputs: [], outcomes: [] };
  const positions = {
    inputs: [...offset.inputs.map((_x, k) => k + 1), ...keptInputs.map((i) => offset.inputs.length + form.inputs.indexOf(i) + 1)],
    outcomes: [...offset.outcomes.map((_x, k) => k + 1), ...keptOutcomes.map((o) => offset.outcomes.length + form.outcomes.indexOf(o) + 1)],
  };

  const go = (k: number) => {
    setError(null);
    if (k !== current) setLeft((l) => new Set([...l, steps[current]]));
    setCurrent(Math.max(0, Math.min(steps.length - 1, k)));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (current < steps.length - 1) go(current + 1);
  };

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      if (mode.kind === "new") {
        const created = await workbook.scaffoldAssessment(assessment);
        onCreated({ ...created, assessment });
      } else {
        await workbook.appendToAssessment(mode.found, addition);
        setAddedMessage(
          t("added", { stakeholders: addition.stakeholders.length, inputs: addition.inputs.length, outcomes: addition.outcomes.length }),
        );
        onFormChange({ ...form, stakeholders: [], inputs: [], outcomes: [] });
        onAppended?.();
      }
    } catch (e) {
      setError(t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const pick = (proxy: Proxy, units: number, ready: ReadyProxy) => {
    // the sheets' language writes the note, as the live writer does
    const note = adjustmentNote(ready, form.settings.language);
    const patch: Partial<OutcomeForm> = {
      proxyName: proxyName(proxy, lang),
      proxyValue: formatNumber(ready.value, lang, 6),
      proxyUnits: formatNumber(units, lang, 6),
      proxyUnit: proxy.unit,
      proxySource: [proxy.source, note].filter(Boolean).join(" — "),
      proxyPriceYear: ready.priceYear === null ? "" : String(ready.priceYear),
      valuationMethod: proxy.method,
      proxyCurrency: ready.conversion?.from ?? "",
      exchangeRate: ready.conversion ? formatNumber(ready.conversion.rate.toNumber(), lang, 10) : "",
      exchangeRateSource: ready.conversion?.source ?? "",
    };
    onFormChange({ ...form, outcomes: form.outcomes.map((o) => (o.id === pickingFor ? { ...o, ...patch } : o)) });
    setPickingFor(null);
  };

  if (pickingFor) {
    return (
      <Suspense fallback={<Spinner label={t("loading")} />}>
        <ProxyLookup currency={currency} priceYear={priceYear} priceIndex={priceSettings.priceIndex} onPick={pick} onClose={() => setPickingFor(null)} />
      </Suspense>
    );
  }

  const step = steps[current];
  const toFix = new Set<StepKey>(computed.ok ? [] : computed.issues.map((i) => (i.section === "settings" ? "assessment" : i.section)));
  const done = steps.map((s, k) => k !== current && s !== "review" && left.has(s) && !toFix.has(s));
  const nothingToAdd = mode.kind === "append" && addition.stakeholders.length + addition.inputs.length + addition.outcomes.length === 0;
  return (
    <div className={styles.page}>
      <div className={styles.top}>
        <Button appearance="subtle" size="small" className={styles.navButton} onClick={onCancel}>
          {t("backHome")}
        </Button>
      </div>
      <Title3 as="h1">{mode.kind === "new" ? t("homeStart") : t("continueTitle")}</Title3>
      {mode.kind === "append" && (
        <Text>{t("continueIntro", { title: mode.found.assessment.settings.title || mode.found.sheetNames.impactMap })}</Text>
      )}
      <Stepper label={t("stepsLabel")} steps={steps.map((s) => t(STEP_LABELS[s]))} current={current} done={done} onSelect={go} />
      <form className={styles.page} onSubmit={submit} noValidate aria-labelledby="step-heading">
        <Text as="h2" id="step-heading" ref={heading} tabIndex={-1} size={400} weight="semibold" block>
          {t(STEP_LABELS[step])} <span className={styles.muted}>· {t("stepOf", { n: current + 1, total: steps.length })}</span>
        </Text>
        {step === "assessment" && (
          <AssessmentStep value={form.settings} onChange={(settings) => onFormChange({ ...form, settings })} />
        )}
        {step === "stakeholders" && (
          <>
            <StakeholdersStep value={form} fixed={fixed} onChange={(rows) => onFormChange({ ...form, ...rows })} />
            {mode.kind === "new" && <Exclusions value={form.exclusions ?? []} onChange={(exclusions) => onFormChange({ ...form, exclusions })} />}
          </>
        )}
        {step === "inputs" && (
          <InputsStep value={form.inputs} stakeholders={names} currency={currency} onChange={(inputs) => onFormChange({ ...form, inputs })} />
        )}
        {step === "outcomes" && (
          <OutcomesStep
            value={form.outcomes}
            stakeholders={names}
            currency={currency}
            onChange={(outcomes) => onFormChange({ ...form, outcomes })}
            onFindProxy={setPickingFor}
          />
        )}
        {step === "review" && (
          <>
            {nothingToAdd && !addedMessage && <Text block>{t("nothingToAdd")}</Text>}
            <ReviewStep
              computed={computed}
              currency={currency}
              positions={positions}
              busy={busy}
              disabled={nothingToAdd}
              onCreate={create}
              createLabel={mode.kind === "new" ? t("createSheets") : t("addToWorkbook")}
              busyLabel={mode.kind === "new" ? t("creating") : t("adding")}
            />
          </>
        )}
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {addedMessage && (
          <MessageBar intent="success">
            <MessageBarBody>{addedMessage}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.nav}>
          <Button type="button" className={styles.navButton} onClick={current === 0 ? onCancel : () => go(current - 1)}>
            {t("back")}
          </Button>
          {current < steps.length - 1 && (
            <div className={styles.forward}>
              {/* One way forward: Next never blocks (a step may stay empty), so a separate Skip did the same. */}
              <Button type="submit" appearance="primary" className={styles.navButton}>
                {t("next")}
              </Button>
            </div>
          )}
        </div>
      </form>
    </div>
  );
}
