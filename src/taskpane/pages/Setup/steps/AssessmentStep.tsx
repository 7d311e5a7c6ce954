import { Checkbox, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../../../sroi";
import { defaultPriceYear, readPriceYear, readRate, readWholeYears } from "../../../../sroi";
import { priceIndices } from "../../../../proxies/cpi";
import { priceIndexName } from "../../../../i18n/proxies";
import { type RatePreset, type SettingsForm, raw, settingsRate } from "../../../form";
import { TextField } from "../../../components/TextField/TextField";
import { useUi } from "../../../ui";
import type { UiKey } from "../../../../i18n/ui";
import { useStepStyles } from "./styles";

const PRESETS: { key: RatePreset; label: UiKey; source: UiKey }[] = [
  { key: "greenBook", label: "presetGreenBook", source: "presetGreenBookSource" },
  { key: "franceStrategie", label: "presetFranceStrategie", source: "presetFranceStrategieSource" },
  { key: "lowRate", label: "presetLowRate", source: "presetLowRateSource" },
  { key: "custom", label: "presetCustom", source: "presetCustomSource" },
];

const useStyles = makeStyles({
  source: { color: tokens.colorNeutralForeground2 },
});

/** Organisation, title, period, currency, and how to discount (method document §5). */
export function AssessmentStep({ value, onChange }: { value: SettingsForm; onChange: (s: SettingsForm) => void }) {
  const { t, lang, message, other } = useUi();
  const styles = { ...useStepStyles(), ...useStyles() };
  const set = <K extends keyof SettingsForm>(key: K, v: SettingsForm[K]) => onChange({ ...value, [key]: v });
  const rate = readRate(settingsRate(value, lang));
  const years = readWholeYears(raw(value.yearsShown, lang), "years");
  const preset = PRESETS.find((p) => p.key === value.preset)!;
  const priceYear = readPriceYear(raw(value.priceYear, lang));
  const periodYear = defaultPriceYear(value.period);
  return (
    <div className={styles.column}>
      <TextField label={t("organisation")} value={value.organisation} onChange={(v) => set("organisation", v)} autoFocus />
      <TextField label={t("title")} value={value.title} onChange={(v) => set("title", v)} />
      <TextField label={t("period")} hint={t("periodHint")} value={value.period} onChange={(v) => set("period", v)} />
      <Field label={t("assessmentType")} className={styles.narrow}>
        <Select className={styles.narrow} select={{ className: styles.selectBox }} value={value.assessmentType} onChange={(_e, d) => set("assessmentType", d.value as SettingsForm["assessmentType"])}>
          <option value="forecast">{t("typeForecast")}</option>
          <option value="evaluative">{t("typeEvaluative")}</option>
        </Select>
      </Field>
      <TextField label={t("scope")} hint={t("scopeHint")} value={value.scope} onChange={(v) => set("scope", v)} />
      <TextField label={t("purpose")} hint={t("purposeHint")} value={value.purpose} onChange={(v) => set("purpose", v)} />
      <TextField label={t("audience")} hint={t("audienceHint")} value={value.audience} onChange={(v) => set("audience", v)} />
      <TextField label={t("currency")} value={value.currency} onChange={(v) => set("currency", v)} />
      <Field label={t("ratePreset")} className={styles.narrow}>
        <Select className={styles.narrow} select={{ className: styles.selectBox }} value={value.preset} onChange={(_e, d) => set("preset", d.value as RatePreset)}>
          {PRESETS.map((p) => (
            <option key={p.key} value={p.key}>
              {t(p.label)}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} className={styles.source} data-testid="rate-source">
        {t(preset.source)}
      </Text>
      {value.preset === "lowRate" && (
        <TextField
          label={t("riskPremium")}
          hint={t("riskPremiumHint")}
          numeric
          value={value.riskPremium}
          onChange={(v) => set("riskPremium", v)}
          message={rate.ok ? undefined : message(rate.issue)}
        />
      )}
      {value.preset === "custom" && (
        <TextField
          label={t("discountRate")}
          hint={t("discountRateHint")}
          numeric
          value={value.rate}
          onChange={(v) => set("rate", v)}
          message={rate.ok ? undefined : message(rate.issue)}
        />
      )}
      <Field hint={t("discountYear1Hint")}>
        <Checkbox label={t("discountYear1")} checked={value.discountYear1} onChange={(_e, d) => set("discountYear1", d.checked === true)} />
      </Field>
      <TextField
        label={t("yearsShown")}
        numeric
        value={value.yearsShown}
        onChange={(v) => set("yearsShown", v)}
        message={years.ok ? undefined : message(years.issue)}
      />
      <TextField
        label={t("priceYear")}
        hint={periodYear === null ? t("priceYearHintNone") : t("priceYearHint", { year: String(periodYear) })}
        numeric
        value={value.priceYear}
        onChange={(v) => set("priceYear", v)}
        message={priceYear.ok ? undefined : message(priceYear.issue)}
      />
      <Field label={t("priceIndex")} hint={t("priceIndexHint")} className={styles.narrow}>
        <Select className={styles.narrow} select={{ className: styles.selectBox }} value={value.priceIndex} onChange={(_e, d) => set("priceIndex", d.value)}>
          {priceIndices().map((code) => (
            <option key={code} value={code}>
              {other(`${code} — ${priceIndexName(code, lang)}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("sheetLanguage")} className={styles.narrow}>
        <Select className={styles.narrow} select={{ className: styles.selectBox }} value={value.language} onChange={(_e, d) => set("language", d.value as Lang)}>
          <option value="en">{t("languageEn")}</option>
          <option value="fr">{t("languageFr")}</option>
        </Select>
      </Field>
      <Field hint={t("portableHint")}>
        <Checkbox label={t("portable")} checked={value.portable} onChange={(_e, d) => set("portable", d.checked === true)} />
      </Field>
    </div>
  );
}
