import { useId, useState } from "react";
import { Button, Field, Label, MessageBar, MessageBarBody, Subtitle2, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { type ImportResult, importProxies, toCsv } from "../../../proxies/csv";
import { describeFileProblem, describeImportProblem, describeKeptAsText } from "../../../i18n/proxies";
import { downloadBlob } from "../../components/Download/download";
import { useUi } from "../../ui";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  report: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  file: { maxWidth: "100%" },
  fileField: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

/** The bytes of a picked file; FileReader, because Blob.arrayBuffer is missing from older Office webviews. */
function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/**
 * Import proxies from a CSV file or pasted cells: the report comes first, row by row, and nothing is
 * written until the user confirms an import with no refused row. Export writes the workbook's own.
 */
export function ProxyImport({ ownCount, onImported }: { ownCount: number; onImported: () => void }) {
  const { t, lang, workbook, other } = useUi();
  const styles = useStyles();
  const fileId = useId();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [pasted, setPasted] = useState("");
  const [report, setReport] = useState<ImportResult | null>(null);
  const [note, setNote] = useState<{ intent: "success" | "error" | "info"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const failed = (e: unknown) => setNote({ intent: "error", text: t("errorPrefix", { message: e instanceof Error ? e.message : String(e) }) });

  const check = () => {
    setNote(null);
    // A file wins over pasted text; pasted cells from Excel arrive tab-separated, which the reader detects.
    const input = bytes ?? pasted;
    setReport(importProxies(input));
  };

  const canImport = report !== null && report.fileProblems.length === 0 && report.rejected.length === 0 && report.accepted.length > 0;

  const confirm = async () => {
    if (!report || !canImport) return;
    setBusy(true);
    try {
      const r = await workbook.writeWorkbookProxies(report.accepted.map((a) => a.proxy));
      setNote({ intent: "success", text: r.created ? t("importDoneCreated", { written: r.written }) : t("importDone", { written: r.written }) });
      setReport(null);
      setPasted("");
      onImported();
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = async () => {
    setNote(null);
    try {
      const rows = await workbook.readWorkbookProxies();
      if (rows.length === 0) {
        setNote({ intent: "info", text: t("exportNone") });
        return;
      }
      // French Excel opens ";"-separated files with decimal commas; English Excel "," with points.
      const csv = toCsv(rows, { separator: lang === "fr" ? ";" : ",", headers: "keys" });
      const file = "sroi-proxies.csv";
      downloadBlob(csv, file, "text/csv;charset=utf-8");
      setNote({ intent: "success", text: t("exportDone", { count: rows.length, file }) });
    } catch (e) {
      failed(e);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="import-heading">
      <Subtitle2 as="h2" id="import-heading">
        {t("importTitle")}
      </Subtitle2>
      <Text className={styles.muted}>{t("workbookProxies", { count: ownCount })}</Text>
      {/* A native file picker: Field only labels Fluent controls, so the label is tied by id here. */}
      <div className={styles.fileField}>
        <Label htmlFor={fileId}>{t("importFile")}</Label>
        <input
          id={fileId}
          className={styles.file}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setReport(null);
            setBytes(file ? await readBytes(file) : null);
          }}
        />
      </div>
      <Field label={t("importPaste")}>
        <Textarea value={pasted} resize="vertical" rows={4} onChange={(_e, d) => (setPasted(d.value), setReport(null))} />
      </Field>
      <Button onClick={check} disabled={bytes === null && pasted.trim() === ""}>
        {t("importCheck")}
      </Button>
      {report && (
        <div data-testid="import-report">
          {report.fileProblems.map((p, k) => (
            <MessageBar key={k} intent="error" layout="multiline">
              <MessageBarBody>{other(describeFileProblem(p, lang))}</MessageBarBody>
            </MessageBar>
          ))}
          {report.fileProblems.length === 0 && <Text block>{t("importReport", { accepted: report.accepted.length, rejected: report.rejected.length })}</Text>}
          {report.rejected.length > 0 && (
            <ul className={styles.report}>
              {report.rejected.map((r) => (
                <li key={r.row}>{r.problems.map((p) => other(describeImportProblem(p, lang))).join(" ")}</li>
              ))}
            </ul>
          )}
          {report.keptAsText.length > 0 && (
            <>
              <Text block>{t("importKeptAsText")}</Text>
              <ul className={styles.report}>
                {report.keptAsText.map((k) => (
                  <li key={`${k.row}:${k.column}`}>{other(describeKeptAsText(k, lang))}</li>
                ))}
              </ul>
            </>
          )}
          {canImport ? (
            <Button appearance="primary" disabled={busy} onClick={confirm}>
              {t("importConfirm", { count: report.accepted.length })}
            </Button>
          ) : (
            report.fileProblems.length === 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t("importFixFirst")}</MessageBarBody>
              </MessageBar>
            )
          )}
        </div>
      )}
      {note && (
        <MessageBar intent={note.intent} layout="multiline">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button onClick={exportCsv}>{t("exportCsv")}</Button>
    </section>
  );
}
