// The task pane's start-up: the only pane file that touches Office. Inside Excel the pane grades the
// active workbook through Office.js; opened as a plain web page it grades .xlsx files in the
// browser, the workbook held in a Web Worker (startWorker.ts) so long runs never block the page.
//
// The page loads office.js from Microsoft's CDN (Office requires it), but the pane never depends on
// it outside Office: when there is no `Office` (offline, the CDN blocked) the web page starts at
// once; when office.js is there, the pane waits for Office.onReady — host Excel starts the Excel
// pane, any other answer the web page — and if onReady has not answered within OFFICE_WAIT_MS the
// web page starts anyway. Should Excel answer later after all, the Excel pane replaces it.

import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { Pane } from "./Pane";
import { PaneRoot } from "./PaneRoot";
import { paneLanguage } from "./strings";

/* global document, navigator, Excel, Office, window */

/** How long the pane waits for Office.onReady before it starts as a web page. */
const OFFICE_WAIT_MS = 5000;

async function openXlsxInBrowser(file: Blob) {
  const { openInWorker } = await import(/* webpackChunkName: "worker-client" */ "./startWorker");
  return openInWorker(file);
}

/** Office's body background colour, read again whenever the pane asks (the theme can change). */
function officeBackground(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}

/**
 * Calls back whenever a worksheet's data changes (WorksheetCollection.onChanged, ExcelApi 1.7; the
 * manifest requires 1.8), so the pane checks the workbook again after the analyst fixes a cell;
 * returns a function that stops it.
 */
function watchWorksheets(changed: () => void): () => void {
  const added = Excel.run(async (context) => {
    const handler = context.workbook.worksheets.onChanged.add(async () => changed());
    await context.sync();
    return handler;
  }).catch(() => undefined);
  return () =>
    void added.then((handler) =>
      handler
        ? Excel.run(handler.context, async (context) => {
            handler.remove();
            await context.sync();
          }).catch(() => undefined)
        : undefined,
    );
}

let root: Root | undefined;
let started: "web" | "excel" | undefined;

function render(node: React.ReactNode): void {
  const element = document.getElementById("root");
  if (!element) return;
  root ??= createRoot(element);
  root.render(node);
}

/** The pane as a web page: .xlsx files opened, graded and downloaded in the browser. */
function startWebPage(): void {
  if (started) return;
  started = "web";
  const lang = paneLanguage(navigator.language);
  document.documentElement.lang = lang;
  render(
    <PaneRoot>
      <Pane lang={lang} openWorkbook={openXlsxInBrowser} />
    </PaneRoot>,
  );
}

/** The pane in Excel, on the active workbook. */
async function startInExcel(): Promise<void> {
  if (started === "excel") return;
  started = "excel";
  const lang = paneLanguage(Office.context.displayLanguage);
  document.documentElement.lang = lang;
  const { ExcelWorkbook, documentBaseName, documentBytes, openAsNewWorkbook } = await import(/* webpackMode: "eager" */ "../workbook/executors/excel");
  render(
    <PaneRoot officeBackground={officeBackground}>
      <Pane
        lang={lang}
        backend={new ExcelWorkbook()}
        watch={watchWorksheets}
        // Excel.createWorkbook needs ExcelApi 1.8, which the manifest requires.
        copies={{ current: documentBytes, deliver: openAsNewWorkbook, verb: "open", baseName: documentBaseName() }}
      />
    </PaneRoot>,
  );
}

function start(): void {
  const office = typeof Office === "undefined" ? undefined : Office;
  if (!office || typeof office.onReady !== "function") {
    startWebPage();
    return;
  }
  const timer = window.setTimeout(startWebPage, OFFICE_WAIT_MS);
  office.onReady().then(
    (info) => {
      window.clearTimeout(timer);
      if (info.host === office.HostType.Excel) {
        startInExcel().catch((error) => console.error("Customer Tiers: the pane could not start in Excel", error));
      } else {
        startWebPage();
      }
    },
    (error) => {
      window.clearTimeout(timer);
      console.error("Customer Tiers: Office did not start; the pane runs as a web page", error);
      startWebPage();
    },
  );
}

start();
