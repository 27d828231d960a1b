// The task pane: settings, what was found before writing, Grade with progress and Cancel, and the
// tier summary. It talks only to a WorkbookBackend and run.ts; index.tsx decides which backend.

import * as React from "react";
import { Button, Divider, MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { PyramidRow } from "../engine/types";
import { defaultSettings, gradeWorkbook, inspectWorkbook, type GradeSettings, type Inspection } from "../workbook/run";
import type { Lang, Problem, Progress, WorkbookBackend, WorkbookIndex } from "../workbook/types";
import { GradeProgress } from "./GradeProgress";
import { InspectionView } from "./InspectionView";
import { MigrationPanel } from "./MigrationPanel";
import { SettingsForm } from "./SettingsForm";
import { TierSummary } from "./TierSummary";
import { SharePanel, type CopyChannel } from "./SharePanel";
import { WebWorkbookBar, downloadFile, type SavableWorkbook } from "./WebWorkbookBar";
import { strings } from "./strings";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface PaneProps {
  lang: Lang;
  /** The workbook in Excel; absent in the web page until a file is opened. */
  backend?: WorkbookBackend;
  /** Web mode: reads an .xlsx chosen by the analyst (loaded on demand). */
  openWorkbook?: (bytes: ArrayBuffer) => Promise<SavableWorkbook>;
  /** In Excel: the open workbook's bytes and a way to open a copy (the web page makes its own). */
  copies?: CopyChannel;
  now?: () => Date;
}

type RunState =
  | { kind: "idle" }
  | { kind: "running"; progress: Progress }
  | { kind: "done"; pyramid: PyramidRow[] }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

function isAbort(error: unknown): boolean {
  return (error as { name?: string })?.name === "AbortError";
}

export function Pane({ lang, backend: excelBackend, openWorkbook, copies, now = () => new Date() }: PaneProps) {
  const styles = useStyles();
  const text = strings(lang);
  const [opened, setOpened] = React.useState<{ backend: SavableWorkbook; name: string }>();
  const backend: WorkbookBackend | undefined = excelBackend ?? opened?.backend;
  const [settings, setSettings] = React.useState<GradeSettings>(() => defaultSettings(lang, now()));
  const [index, setIndex] = React.useState<WorkbookIndex>();
  const [inspection, setInspection] = React.useState<Inspection>();
  const [checking, setChecking] = React.useState(false);
  const [run, setRun] = React.useState<RunState>({ kind: "idle" });
  const [extraProblems, setExtraProblems] = React.useState<Problem[]>([]);
  const [generation, setGeneration] = React.useState(0);
  const controller = React.useRef<AbortController>();
  const running = run.kind === "running";

  React.useEffect(() => {
    if (!backend) return;
    let live = true;
    backend.index().then((i) => live && setIndex(i), () => undefined);
    return () => {
      live = false;
    };
  }, [backend]);

  // Check the workbook again whenever the settings change; a newer check wins over an older one.
  React.useEffect(() => {
    if (!backend || running) return;
    let live = true;
    setChecking(true);
    inspectWorkbook(backend, settings)
      .then((found) => live && setInspection(found))
      .catch((error) => live && setRun({ kind: "failed", message: String((error as Error)?.message ?? error) }))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [backend, settings]);

  const grade = async () => {
    if (!backend) return;
    const abort = new AbortController();
    controller.current = abort;
    setExtraProblems([]);
    setRun({ kind: "running", progress: { stage: "read", fraction: 0 } });
    try {
      const outcome = await gradeWorkbook(backend, { ...settings, now: now() }, (progress) => setRun({ kind: "running", progress }), abort.signal);
      setInspection(outcome.inspection);
      setRun(outcome.ok ? { kind: "done", pyramid: outcome.result.pyramid } : { kind: "idle" });
      if (outcome.ok) setGeneration((g) => g + 1);
    } catch (error) {
      if (isAbort(error)) setRun({ kind: "cancelled" });
      else {
        const problem = (error as { problem?: Problem }).problem;
        if (problem) setExtraProblems([problem]);
        setRun({ kind: "failed", message: problem ? problem.message[lang] : String((error as Error)?.message ?? error) });
      }
    }
  };

  // The web page's copies come from the opened file as the pane has left it, and are downloaded.
  const channel: CopyChannel | undefined = React.useMemo(
    () =>
      copies ??
      (opened && {
        current: () => opened.backend.save(),
        deliver: async (name: string, data: Uint8Array) => downloadFile(name, data),
        verb: "save" as const,
        baseName: opened.name.replace(/\.xlsx$/i, ""),
      }),
    [copies, opened],
  );

  const shown = inspection && extraProblems.length ? { ...inspection, problems: [...extraProblems, ...inspection.problems] } : inspection;
  const blocked = !backend || running || checking || !inspection || !inspection.ok;

  return (
    <main className={styles.pane} lang={lang}>
      <Title3 as="h1">{text.title}</Title3>
      {openWorkbook && (
        <WebWorkbookBar
          text={text}
          openWorkbook={openWorkbook}
          opened={opened}
          canDownload={run.kind === "done"}
          onOpened={(o) => {
            setOpened(o);
            setInspection(undefined);
            setRun({ kind: "idle" });
          }}
        />
      )}
      {!backend && <Text>{text.noWorkbook}</Text>}
      {backend && (
        <>
          <SettingsForm settings={settings} index={index} lang={lang} text={text} disabled={running} onChange={setSettings} />
          <Divider />
          <section aria-label={text.found}>
            <Title3 as="h2">{text.found}</Title3>
            {checking && !inspection && <Spinner size="tiny" label={text.checking} />}
            {shown && <InspectionView inspection={shown} lang={lang} text={text} onSelect={backend.select ? (s, c) => void backend.select!(s, c) : undefined} />}
          </section>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={blocked} onClick={grade}>
              {text.grade}
            </Button>
            {running && <Button onClick={() => controller.current?.abort()}>{text.cancel}</Button>}
          </div>
          {run.kind === "running" && <GradeProgress progress={run.progress} text={text} />}
          {run.kind === "cancelled" && (
            <MessageBar intent="warning">
              <MessageBarBody>{text.cancelled}</MessageBarBody>
            </MessageBar>
          )}
          {run.kind === "failed" && (
            <MessageBar intent="error">
              <MessageBarBody>{text.failed(run.message)}</MessageBarBody>
            </MessageBar>
          )}
          {run.kind === "done" && (
            <>
              <Title3 as="h2">{text.summary}</Title3>
              <TierSummary rows={run.pyramid} lang={lang} text={text} />
            </>
          )}
          <MigrationPanel backend={backend} lang={lang} text={text} generation={generation} disabled={running} />
          {channel && (
            <>
              <Divider />
              <SharePanel text={text} lang={lang} channel={channel} disabled={running} />
            </>
          )}
        </>
      )}
    </main>
  );
}
