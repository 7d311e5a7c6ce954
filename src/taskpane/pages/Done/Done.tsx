import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { Assessment } from "../../../sroi";
import type { SheetKey } from "../../../layout/types";
import { downloadBlob, fileNameFrom } from "../../components/Download/download";
import { useUi } from "../../ui";
import type { FoundAssessment } from "../../workbook";
import { checkMessage } from "../../../i18n/checks";

export interface DoneProps {
  found: FoundAssessment;
  assessment: Assessment;
  renamed: { key: SheetKey; wanted: string; got: string }[];
  onHome: () => void;
  /** the Review screen of the assessment just created (checks and sensitivity) */
  onReview?: (found: FoundAssessment) => void;
}

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "stretch" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The sheets an assessment's setup makes; the Proxies sheet is only made on demand (proxy import). */
function createdSheets(found: FoundAssessment): string[] {
  return Object.entries(found.sheetNames)
    .filter(([key, name]) => key !== "proxies" && name)
    .map(([, name]) => name);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Lists the sheets made, and offers the portable file and the portable copy. */
export function Done({ found, assessment, renamed, onHome, onReview }: DoneProps) {
  const { t, workbook } = useUi();
  const styles = useStyles();
  const [busy, setBusy] = useState<"download" | "copy" | null>(null);
  const [note, setNote] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const sheets = createdSheets(found);

  const run = async (what: "download" | "copy", action: () => Promise<string>) => {
    setBusy(what);
    setNote(null);
    try {
      setNote({ intent: "success", text: await action() });
    } catch (e) {
      setNote({ intent: "error", text: t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const download = () =>
    run("download", async () => {
      // Loaded on demand: ExcelJS is large and most users never download the file.
      const [{ writeXlsx }, { buildLayout }] = await Promise.all([import("../../../writers/xlsx"), import("../../../layout/build")]);
      const portable: Assessment = { ...assessment, settings: { ...assessment.settings, portable: true } };
      const bytes = await writeXlsx(buildLayout(portable, { checkText: checkMessage }));
      const file = fileNameFrom(assessment.settings.title, "sroi", "xlsx");
      downloadBlob(bytes, file, XLSX_TYPE);
      return t("downloaded", { file });
    });

  const copy = () =>
    run("copy", async () => {
      const made = await workbook.makePortableCopy(found);
      return t("portableCopyMade", { sheets: createdSheets(made.found).join(", ") });
    });

  return (
    <div className={styles.page}>
      <Title3 as="h1">{t("doneTitle")}</Title3>
      <Text>{t("doneSheets")}</Text>
      <ul className={styles.list} data-testid="sheets">
        {sheets.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {renamed.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <Text block>{t("doneRenamedTitle")}</Text>
            <ul className={styles.list} data-testid="renamed">
              {renamed.map((r) => (
                <li key={r.key}>{t("doneRenamed", { wanted: r.wanted, got: r.got })}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {busy === "download" ? <Spinner size="small" label={t("downloading")} /> : <Button onClick={download} disabled={busy !== null}>{t("downloadXlsx")}</Button>}
      {busy === "copy" ? <Spinner size="small" label={t("loading")} /> : <Button onClick={copy} disabled={busy !== null}>{t("makePortableCopy")}</Button>}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {/* One primary action: what comes next is the results (the review of the assessment just made). */}
      {onReview && (
        <Button appearance="primary" onClick={() => onReview(found)} disabled={busy !== null}>
          {t("reviewOpen")}
        </Button>
      )}
      <Button appearance={onReview ? "secondary" : "primary"} onClick={onHome}>
        {t("backHome")}
      </Button>
    </div>
  );
}
