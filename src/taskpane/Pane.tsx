// The task pane, laid out like Excel's own panes for a 270-350 px column: the workbook's name and a
// one-line status, the scheme and labels, what Grade will write, and a footer that stays in view with
// Grade / Cancel / Download. Everything else is under "More options"; "Send it to others" and "Who
// moved" appear once there is something to send or compare. It talks only to a WorkbookBackend and
// run.ts (or, as a web page, a backend that runs the whole check and grading in a worker); index.tsx
// decides which.

import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  AriaLiveAnnouncer,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStaticStyles,
  makeStyles,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import type { PyramidRow } from "../engine/types";
import { isCancelled } from "../workbook/cancel";
import { exampleTablesPlan, type ExampleTemplate } from "../workbook/features/exampleTables";
import { ExampleTables } from "./ExampleTables";
import { outputText } from "../workbook/planning/outputText";
import { defaultSettings, gradeWorkbook, inspectWorkbook, type GradeSettings, type Inspection } from "../workbook/run";
import { ORDER_TABLE_NAMES, locateAny } from "../workbook/features/fromOrders";
import { locateTable } from "../workbook/reading/locate";
import { dateSerial } from "../workbook/features/overrides";
import type { Lang, Problem, Progress, Text as Words, WorkbookBackend, WorkbookIndex } from "../workbook/types";
import { customerColumns, valueColumnByName } from "./columns";
import { GradeProgress } from "./GradeProgress";
import { IndicatorTable, ProblemList } from "./InspectionView";
import { MigrationPanel } from "./MigrationPanel";
import { MoreOptions, SchemeSettings, type FieldProblems } from "./SettingsForm";
import { schemeMistake } from "./SchemeEditor";
import { TierSummary } from "./TierSummary";
import { ExplainView, type ExplainSource } from "./ExplainView";
import { GradedCustomers, paneOutcome } from "./explainData";
import { methodName } from "./MethodOptions";
import { SharePanel, type CopyChannel } from "./SharePanel";
import { WebWorkbookBar, downloadFile, gradedName, type SavableWorkbook } from "./WebWorkbookBar";
import type { PaneOutcome } from "./workerProtocol";
import { strings, type Strings } from "./strings";
import { failureText } from "./failureText";

// The page's 8 px body margin would show as a light frame around a dark pane.
const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":lang(zh-CN)": { wordBreak: "keep-all", overflowWrap: "anywhere" },
  },
  body: {
    flexGrow: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { margin: 0, overflowWrap: "anywhere" },
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, outlineStyle: "none" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  h2: { margin: 0 },
  panel: { minWidth: 0 },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

const SchemeSettingsMemo = React.memo(SchemeSettings);
const MoreOptionsMemo = React.memo(MoreOptions);
const ProblemListMemo = React.memo(ProblemList);
const IndicatorTableMemo = React.memo(IndicatorTable);
const TierSummaryMemo = React.memo(TierSummary);
const SharePanelMemo = React.memo(SharePanel);
const MigrationPanelMemo = React.memo(MigrationPanel);

export interface PaneProps {
  lang: Lang;
  /** The workbook in Excel; absent in the web page until a file is opened. */
  backend?: WorkbookBackend;
  /** Web mode: reads an .xlsx chosen by the analyst (loaded on demand). */
  openWorkbook?: (file: Blob) => Promise<SavableWorkbook>;
  /** In Excel: the open workbook's bytes and a way to open a copy (the web page makes its own). */
  copies?: CopyChannel;
  /**
   * In Excel: calls back whenever a worksheet's data changes (Excel's worksheets.onChanged); returns a
   * function that stops watching. The pane then checks the workbook again, debounced.
   */
  watch?: (changed: () => void) => () => void;
  now?: () => Date;
}

/** How long the workbook must stay unchanged before the pane checks it again. */
export const RECHECK_AFTER_MS = 800;

type RunState =
  | { kind: "idle" }
  | { kind: "running"; progress: Progress }
  | { kind: "done"; pyramid: PyramidRow[]; valueColumn?: string; explained?: number }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

/** The whole run: in the worker when the backend offers it (the web page), else here through run.ts. */
interface Runner {
  inspect(settings: GradeSettings): Promise<Inspection>;
  grade(settings: GradeSettings, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<PaneOutcome>;
  insertExamples(lang: Lang, template: ExampleTemplate): Promise<void>;
  /** The explain view's questions about the last grading. */
  findCustomers: ExplainSource["find"];
  explainCustomer: ExplainSource["explain"];
}

function runnerOf(backend: WorkbookBackend): Runner {
  const own = backend as WorkbookBackend & Partial<Runner>;
  if (own.inspect && own.grade && own.insertExamples && own.findCustomers && own.explainCustomer) return own as unknown as Runner;
  let graded: GradedCustomers | undefined;
  return {
    inspect: (settings) => inspectWorkbook(backend, settings),
    grade: async (settings, onProgress, signal) => {
      const outcome = await gradeWorkbook(backend, settings, onProgress, signal);
      const made = paneOutcome(outcome);
      if (outcome.ok) graded = made.graded;
      return made.shown;
    },
    findCustomers: async (query) => graded?.find(query) ?? { matches: [], total: 0 },
    explainCustomer: async (index) => graded?.explainOne(index) ?? null,
    insertExamples: async (lang, template) => {
      const index = await backend.index();
      await backend.execute(exampleTablesPlan(lang, await backend.readState(), index.sheets.map((s) => s.name), template));
    },
  };
}

/** A state setter that keeps the value it has when the new one holds the same data (no drawing again). */
function keepEqual<T>(set: React.Dispatch<React.SetStateAction<T>>): (next: T) => void {
  return (next) => set((current) => (small(next) && JSON.stringify(current) === JSON.stringify(next) ? current : next));
}

/** Worth comparing: not an inspection listing thousands of problems (comparing would cost more than drawing). */
function small(value: unknown): boolean {
  const problems = (value as { problems?: unknown[] } | undefined)?.problems;
  return !Array.isArray(problems) || problems.length <= 500;
}

/** Problems about the settings rather than a cell: said under their control, not in the list. */
const FIELD_OF: Record<string, keyof FieldProblems> = {
  "label-count": "labels",
  "value-column-missing": "valueColumn",
  "growth-column-missing": "growthColumn",
};

/** "200 customers · 8 indicators · 2 problems". */
function statusLine(text: Strings, lang: Lang, inspection: Inspection | undefined, checking: boolean): string {
  if (!inspection) return checking ? text.statusChecking : "";
  const errors = inspection.problems.filter((p) => p.severity === "error").length;
  const warnings = inspection.problems.length - errors;
  const parts = [];
  if (inspection.orders) parts.push(text.statusOrders(new Intl.NumberFormat(lang).format(inspection.orders.orders)));
  if (inspection.customers > 0) parts.push(text.statusCustomers(new Intl.NumberFormat(lang).format(inspection.customers)));
  if (inspection.indicators.length > 0) parts.push(text.statusIndicators(inspection.indicators.length));
  parts.push(text.statusProblems(errors));
  if (warnings > 0) parts.push(text.statusWarnings(warnings));
  return parts.join(" · ");
}

/** "Grade adds Score, Rank and Tier to Customers; creates the sheet Tier summary.", as the check found (run.ts). */
function willWrite(text: Strings, settings: GradeSettings, inspection: Inspection): string {
  const out = outputText(settings.lang);
  const writes = inspection.writes ?? { columns: [out.score, out.rank, out.tier], sheets: [out.summarySheet] };
  return text.willWrite(text.list(writes.columns), inspection.customersSheet ?? "", text.createsSheets(writes.sheets));
}

/** Neither a weight table nor a customer table, nor an Orders table to grade from: offer the examples. */
function noTables(inspection: Inspection | undefined, index?: WorkbookIndex): boolean {
  if (index && !("code" in locateAny(index, "orders", ORDER_TABLE_NAMES))) return false;
  return !!inspection && inspection.problems.filter((p) => p.code === "table-not-found").length === 2;
}

export function Pane(props: PaneProps) {
  useGlobalStyles();
  return (
    <AriaLiveAnnouncer>
      <PaneBody {...props} />
    </AriaLiveAnnouncer>
  );
}

function PaneBody({ lang, backend: excelBackend, openWorkbook, copies, watch, now = () => new Date() }: PaneProps) {
  const styles = useStyles();
  const text = strings(lang);
  const { announce } = useAnnounce();
  const [opened, setOpened] = React.useState<{ backend: SavableWorkbook; name: string }>();
  const [openError, setOpenError] = React.useState<Words>();
  const backend: WorkbookBackend | undefined = excelBackend ?? opened?.backend;
  const runner = React.useMemo(() => (backend ? runnerOf(backend) : undefined), [backend]);
  const [settings, setSettings] = React.useState<GradeSettings>(() => defaultSettings(lang, now()));
  const [index, setIndexAlways] = React.useState<WorkbookIndex>();
  const [columns, setColumnsAlways] = React.useState<string[]>([]);
  const [graded, setGraded] = React.useState(false);
  const [inspection, setInspectionAlways] = React.useState<Inspection>();
  // Re-reading the same workbook must not draw the whole pane again (a run's end stays under 50 ms).
  const [setIndex, setColumns, setInspection] = React.useMemo(
    () => [keepEqual(setIndexAlways), keepEqual(setColumnsAlways), keepEqual(setInspectionAlways)],
    [],
  );
  const [checking, setChecking] = React.useState(false);
  const [checks, setChecks] = React.useState(0);
  const [run, setRun] = React.useState<RunState>({ kind: "idle" });
  const [extraProblems, setExtraProblems] = React.useState<Problem[]>([]);
  const [generation, setGeneration] = React.useState(0);
  const [inserting, setInserting] = React.useState<"no" | "yes" | { failed: string }>("no");
  const [openItems, setOpenItems] = React.useState<string[]>([]);
  const controller = React.useRef<AbortController>();
  const resultRef = React.useRef<HTMLElement>(null);
  const running = run.kind === "running";

  // What the workbook holds: its sheets and tables, the customer table's headers, whether it was graded.
  React.useEffect(() => {
    if (!backend) return;
    let live = true;
    backend.index().then((i) => live && setIndex(i), () => undefined);
    customerColumns(backend, settings).then((c) => live && setColumns(c), () => live && setColumns([]));
    backend.readState().then((s) => live && setGraded((g) => g || !!s?.sheets.length), () => undefined);
    return () => {
      live = false;
    };
  }, [backend, settings.customers, generation, checks]);

  // A workbook with an Orders table and no customer table can only be graded from its orders: the
  // source is set to it (once per workbook; the analyst may change it back under More options).
  const ordersChosen = React.useRef<WorkbookIndex>();
  React.useEffect(() => {
    if (!index || settings.orders || ordersChosen.current === index) return;
    ordersChosen.current = index;
    if ("code" in locateTable(index, "customers", settings.customers) && !("code" in locateAny(index, "orders", ORDER_TABLE_NAMES))) {
      setSettings((s) => ({ ...s, orders: { asOf: dateSerial(now()) } }));
    }
  }, [index]);

  // Check the workbook again whenever the settings change or the analyst asks; a newer check wins.
  React.useEffect(() => {
    if (!runner || running) return;
    let live = true;
    setChecking(true);
    runner
      .inspect(settings)
      .then((found) => {
        if (!live) return;
        setInspection(found);
        const errors = found.problems.filter((p) => p.severity === "error").length;
        if (errors > 0 && !noTables(found, index)) announce(text.announceProblems(errors), { priority: 0 });
      })
      .catch((error) => live && setRun({ kind: "failed", message: failureText(error, lang) }))
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, [runner, settings, checks]);

  // The analyst may fix a cell in the workbook and come back: check again when the pane regains focus.
  React.useEffect(() => {
    const again = () => !running && setChecks((n) => n + 1);
    window.addEventListener("focus", again);
    return () => window.removeEventListener("focus", again);
  }, [running]);

  // The analyst fixes a cell the pane pointed at: check again once the edits pause. A change made by the
  // pane's own run is checked again too, which costs a read and finds the graded workbook.
  const runningNow = React.useRef(running);
  runningNow.current = running;
  React.useEffect(() => {
    if (!watch) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watch(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => !runningNow.current && setChecks((n) => n + 1), RECHECK_AFTER_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      stop();
    };
  }, [watch]);

  // After grading, the result takes the focus (and so a screen reader's attention and the view).
  React.useEffect(() => {
    if (run.kind === "done") resultRef.current?.focus();
  }, [run]);

  const fieldProblems = React.useMemo(() => {
    const found: FieldProblems = {};
    for (const p of inspection?.problems ?? []) {
      const field = FIELD_OF[p.code];
      if (field) found[field] = p.message[lang];
    }
    return found;
  }, [inspection, lang]);
  React.useEffect(() => {
    if (fieldProblems.growthColumn && !openItems.includes("more")) setOpenItems((items) => [...items, "more"]);
  }, [fieldProblems.growthColumn]);

  const grade = async () => {
    if (!runner) return;
    const abort = new AbortController();
    controller.current = abort;
    setExtraProblems([]);
    setRun({ kind: "running", progress: { stage: "read", fraction: 0 } });
    try {
      const outcome = await runner.grade({ ...settings, now: now() }, (progress) => !abort.signal.aborted && setRun({ kind: "running", progress }), abort.signal);
      setInspection(outcome.inspection);
      if (outcome.ok) {
        setRun({ kind: "done", pyramid: outcome.pyramid, valueColumn: settings.valueColumn ?? valueColumnByName(columns), explained: outcome.explained });
        setGraded(true);
        setGeneration((g) => g + 1);
        const count = new Intl.NumberFormat(lang);
        const total = outcome.pyramid.reduce((sum, row) => sum + row.customers, 0);
        announce(text.announceGraded(count.format(total), outcome.pyramid.map((row) => `${row.tier} ${count.format(row.customers)}`).join(text.listSeparator)), { priority: 1 });
      } else {
        setRun({ kind: "idle" });
        const errors = outcome.inspection.problems.filter((p) => p.severity === "error").length;
        announce(text.announceProblems(errors), { priority: 1 });
      }
    } catch (error) {
      if (isCancelled(error)) {
        setRun({ kind: "cancelled" });
        announce(text.announceCancelled, { priority: 1 });
      } else {
        const problem = (error as { problem?: Problem }).problem;
        if (problem) setExtraProblems([problem]);
        setRun({ kind: "failed", message: problem ? problem.message[lang] : failureText(error, lang) });
      }
    }
  };

  const insertExamples = async (template: ExampleTemplate) => {
    if (!runner) return;
    setInserting("yes");
    try {
      await runner.insertExamples(lang, template);
      setInserting("no");
      setSettings((s) => ({ ...s }));
      setChecks((n) => n + 1);
    } catch (error) {
      setInserting({ failed: failureText(error, lang) });
    }
  };

  const download = async () => {
    if (!opened) return;
    downloadFile(gradedName(opened.name), opened.backend.saveFile ? await opened.backend.saveFile() : await opened.backend.save());
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

  // Memoised, like the callbacks below: while a run reports progress only the footer draws again, so
  // the page's thread stays free (the browser test holds every block under 100 ms at 100,000 customers).
  const shown = React.useMemo(
    () => (inspection && extraProblems.length ? { ...inspection, problems: [...extraProblems, ...inspection.problems] } : inspection),
    [inspection, extraProblems],
  );
  // Each message once: what the scheme editor already says under its fields (shares, cut-offs) is not
  // repeated in the method's words ("cut-offs must be strictly descending").
  const editorSays = schemeMistake(settings.scheme);
  const [errors, warnings] = React.useMemo(() => {
    const listed = (shown?.problems ?? []).filter(
      (p) => !FIELD_OF[p.code] && !(noTables(shown, index) && p.code === "table-not-found") && !(editorSays && p.code === "cannot-grade"),
    );
    return [listed.filter((p) => p.severity === "error"), listed.filter((p) => p.severity === "warning")];
  }, [shown, editorSays, index]);
  // A re-check (focus, settings) does not hold Grade back: the run checks the workbook again itself.
  const blocked = !backend || running || !inspection || !inspection.ok;
  const workbookName = opened?.name ?? copies?.baseName;
  const empty = noTables(inspection, index);
  const explainSource = React.useMemo<ExplainSource | undefined>(
    () => runner && { find: (query) => runner.findCustomers(query), explain: (i) => runner.explainCustomer(i) },
    [runner],
  );
  const method = methodName(settings, text);
  const select = React.useMemo(() => (backend?.select ? (sheet: string, cell: string) => void backend.select!(sheet, cell) : undefined), [backend]);
  const toggle = React.useCallback((_: unknown, d: { openItems: unknown[] }) => setOpenItems(d.openItems.map(String)), []);

  return (
    <main className={styles.pane} lang={lang}>
      <div className={styles.body}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold" className={styles.name}>
            {workbookName ?? text.title}
          </Text>
          <Text size={200} id="tiers-status">
            {backend ? statusLine(text, lang, shown, checking) : text.statusNone}
          </Text>
        </header>
        {openWorkbook && (
          <WebWorkbookBar
            text={text}
            lang={lang}
            openWorkbook={openWorkbook}
            opened={opened}
            error={openError}
            onOpened={(o) => {
              setOpenError(undefined);
              setOpened(o);
              setInspection(undefined);
              setGraded(false);
              setRun({ kind: "idle" });
            }}
            onFailed={(why) => {
              // The earlier workbook's name and findings go with it: nothing shown belongs to the bad file.
              setOpened(undefined);
              setInspection(undefined);
              setIndex(undefined);
              setColumns([]);
              setGraded(false);
              setRun({ kind: "idle" });
              setOpenError(why);
              announce(why[lang], { priority: 1 });
            }}
          />
        )}
        {!backend && !openWorkbook && <Text>{text.noWorkbook}</Text>}

        {run.kind === "done" && (
          <section ref={resultRef} tabIndex={-1} className={styles.result} aria-labelledby="tiers-result">
            <Text as="h2" size={400} weight="semibold" id="tiers-result" className={styles.h2}>
              {text.result}
            </Text>
            <TierSummaryMemo rows={run.pyramid} lang={lang} text={text} valueColumn={run.valueColumn} />
          </section>
        )}


        {backend && empty && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <ExampleTables text={text} inserting={inserting} onInsert={(template) => void insertExamples(template)} />
            </MessageBarBody>
          </MessageBar>
        )}

        {backend && !empty && (
          <>
            {/* A disabled fieldset makes every control in it inert during a run without drawing them again. */}
            <fieldset disabled={running} className={styles.fieldset}>
            {method ? (
              <Text>{text.methodNote(method)}</Text>
            ) : (
              <SchemeSettingsMemo settings={settings} index={index} columns={columns} lang={lang} text={text} problems={fieldProblems} onChange={setSettings} />
            )}
            </fieldset>
            {errors.length + warnings.length > 0 && (
              <div className={styles.section}>
                <ProblemListMemo problems={errors} lang={lang} text={text} onSelect={select} label={text.problems} />
                <ProblemListMemo problems={warnings} lang={lang} text={text} onSelect={select} label={text.warnings} />
                <div className={styles.actions}>
                  <Button size="small" disabled={running || checking} onClick={() => setChecks((n) => n + 1)}>
                    {text.checkAgain}
                  </Button>
                </div>
              </div>
            )}
            {shown?.ok && <Text size={200}>{willWrite(text, settings, shown)}</Text>}
            <fieldset disabled={running} className={styles.fieldset}>
            <Accordion collapsible multiple openItems={openItems} onToggle={toggle}>
              {/* Why this tier, after a grading by score: drawn only when opened, so a run's end draws no more than before. */}
              {run.kind === "done" && run.explained !== undefined && explainSource && (
                <AccordionItem value="explain">
                  <AccordionHeader>{text.explainHeading}</AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    <ExplainView source={explainSource} customers={run.explained} lang={lang} text={text} />
                  </AccordionPanel>
                </AccordionItem>
              )}
              {shown && shown.indicators.length > 0 && (
                <AccordionItem value="indicators">
                  <AccordionHeader>{text.indicatorsHeading(shown.indicators.length)}</AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    <IndicatorTableMemo inspection={shown} lang={lang} text={text} />
                  </AccordionPanel>
                </AccordionItem>
              )}
              <AccordionItem value="more">
                <AccordionHeader>{text.moreOptions}</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <MoreOptionsMemo settings={settings} index={index} columns={columns} lang={lang} text={text} problems={fieldProblems} onChange={setSettings} />
                </AccordionPanel>
              </AccordionItem>
              {graded && channel && (
                <AccordionItem value="share">
                  <AccordionHeader>{text.sharing}</AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    <SharePanelMemo text={text} lang={lang} channel={channel} columns={columns} index={index} />
                  </AccordionPanel>
                </AccordionItem>
              )}
            </Accordion>
            <MigrationPanelMemo backend={backend} lang={lang} text={text} generation={generation} />
            </fieldset>
          </>
        )}
      </div>

      {backend && !empty && (
        <footer className={styles.footer} aria-label={text.grade}>
          {run.kind === "running" && <GradeProgress progress={run.progress} text={text} />}
          {run.kind === "cancelled" && (
            <MessageBar intent="warning">
              <MessageBarBody>{text.cancelled}</MessageBarBody>
            </MessageBar>
          )}
          {run.kind === "failed" && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{text.failed(run.message)}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={blocked} onClick={() => void grade()} aria-describedby="tiers-status">
              {text.grade}
            </Button>
            {running && <Button onClick={() => controller.current?.abort()}>{text.cancel}</Button>}
            {opened && run.kind === "done" && (
              <Button appearance="primary" onClick={() => void download()}>
                {text.download}
              </Button>
            )}
          </div>
        </footer>
      )}
    </main>
  );
}
