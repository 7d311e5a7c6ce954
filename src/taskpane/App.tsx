import { Suspense, lazy, useMemo, useState } from "react";
import { FluentProvider, Spinner, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { UiLang } from "../i18n/ui";
import { formatDateTime } from "../i18n/numbers";
import { type SetupForm, emptySetupForm } from "./form";
import { UiContext, makeUi } from "./ui";
import type { FoundAssessment, WorkbookApi } from "./workbook";
import { Home, type ProxyTarget } from "./pages/Home/Home";
import type { Created } from "./pages/Setup/Setup";
import { ErrorBoundary } from "./components/ErrorBoundary/ErrorBoundary";

// Only Home is in the first screen; the other pages (their forms, Fluent inputs, the proxy library)
// load when first opened, so the pane's first paint does not wait for them (issue #9).
const Setup = lazy(() => import("./pages/Setup/Setup").then((m) => ({ default: m.Setup })));
const Done = lazy(() => import("./pages/Done/Done").then((m) => ({ default: m.Done })));
const Continue = lazy(() => import("./pages/Continue/Continue").then((m) => ({ default: m.Continue })));
const ProxyLookup = lazy(() => import("./pages/ProxyLookup/ProxyLookup"));
const ValueGame = lazy(() => import("./pages/ValueGame/ValueGame"));
const Review = lazy(() => import("./pages/Review/Review").then((m) => ({ default: m.Review })));

type View =
  | { kind: "home" }
  | { kind: "setup" }
  | { kind: "done"; created: Created }
  | { kind: "continue"; found: FoundAssessment }
  | ({ kind: "proxies" } & ProxyTarget)
  | { kind: "valueGame"; currency?: string }
  | { kind: "review"; found: FoundAssessment };

const useStyles = makeStyles({
  // Office task panes are 320–350 px wide: one column, no horizontal scrolling.
  root: { padding: tokens.spacingHorizontalM, maxWidth: "640px", boxSizing: "border-box", minHeight: "100vh" },
});

export interface AppProps {
  workbook: WorkbookApi;
  lang: UiLang;
}

export function App({ workbook, lang }: AppProps) {
  const styles = useStyles();
  const ui = useMemo(() => makeUi(lang, workbook), [lang, workbook]);
  const { t } = ui;
  const [view, setView] = useState<View>({ kind: "home" });
  const [setupForm, setSetupForm] = useState<SetupForm>(() => emptySetupForm(ui.lang));
  const [continueForm, setContinueForm] = useState<SetupForm>(() => emptySetupForm(ui.lang));
  const home = () => setView({ kind: "home" });

  return (
    <FluentProvider theme={webLightTheme} lang={ui.lang}>
      <UiContext.Provider value={ui}>
        <main className={styles.root}>
          <ErrorBoundary message={(e) => ui.t("errorPrefix", { message: e.message })} backLabel={ui.t("backHome")} onReset={home}>
          <Suspense fallback={<Spinner label={ui.t("loading")} />}>
          {view.kind === "home" && (
            <Home
              onStart={() => setView({ kind: "setup" })}
              onContinue={(found) => {
                setContinueForm(emptySetupForm(ui.lang));
                setView({ kind: "continue", found });
              }}
              onFindProxy={(target) => setView({ kind: "proxies", ...target })}
              onValueGame={(currency) => setView({ kind: "valueGame", currency })}
              onReview={(found) => setView({ kind: "review", found })}
            />
          )}
          {view.kind === "setup" && (
            <Setup
              mode={{ kind: "new" }}
              form={setupForm}
              onFormChange={setSetupForm}
              onCreated={(created) => {
                // A new assessment starts from a blank form next time; this one lives in the workbook now.
                setSetupForm(emptySetupForm(ui.lang));
                setView({ kind: "done", created });
              }}
              onCancel={home}
            />
          )}
          {view.kind === "done" && (
            <Done
              found={view.created.found}
              assessment={view.created.assessment}
              renamed={view.created.renamed}
              onHome={home}
              onReview={(found) => setView({ kind: "review", found })}
            />
          )}
          {view.kind === "continue" && (
            <Continue
              key={view.found.suffix}
              found={view.found}
              form={continueForm}
              onFormChange={setContinueForm}
              onAppended={() => {
                // The workbook is the truth: read the assessment again, with what was just added.
                const suffix = view.found.suffix;
                workbook.findAssessments().then(
                  (all) => {
                    const fresh = all.find((f) => f.suffix === suffix);
                    if (fresh) setView((v) => (v.kind === "continue" && v.found.suffix === suffix ? { kind: "continue", found: fresh } : v));
                  },
                  () => undefined, // the previous figures stay; the add itself succeeded and said so
                );
              }}
              onHome={home}
            />
          )}
          {view.kind === "proxies" && <ProxyLookup currency={view.currency} priceYear={view.priceYear} priceIndex={view.priceIndex} onClose={home} />}
          {view.kind === "valueGame" && <ValueGame currency={view.currency} onClose={home} />}
          {view.kind === "review" && (
            <Review
              key={view.found.suffix}
              found={view.found}
              onBack={home}
              onRecomputeSensitivity={async () => {
                const suffix = view.found.suffix;
                const { computedAt } = await workbook.recomputeSensitivity(view.found);
                // The workbook is the truth: the screen shows the assessment as it was read now.
                const fresh = (await workbook.findAssessments()).find((f) => f.suffix === suffix);
                if (fresh) setView((v) => (v.kind === "review" && v.found.suffix === suffix ? { kind: "review", found: fresh } : v));
                return t("reviewRecomputed", { time: formatDateTime(computedAt, ui.lang) });
              }}
            />
          )}
          </Suspense>
          </ErrorBoundary>
        </main>
      </UiContext.Provider>
    </FluentProvider>
  );
}
