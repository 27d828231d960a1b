// The task pane's start-up: the only pane file that touches Office. Inside Excel the pane grades the
// active workbook through Office.js; opened as a plain web page (Office.onReady gives host null) it
// grades .xlsx files in the browser, with the .xlsx backend loaded only when a file is opened.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { Pane } from "./Pane";
import { PaneRoot } from "./PaneRoot";
import { paneLanguage } from "./strings";
import { downloadFile } from "./WebWorkbookBar";

/* global document, navigator, Excel, Office */

// As a web page the workbook lives in a Web Worker (startWorker.ts), so long runs never block the page.
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
 * Calls back whenever a worksheet's data changes (WorksheetCollection.onChanged, ExcelApi 1.7), so the
 * pane checks the workbook again after the analyst fixes a cell; returns a function that stops it.
 */
function watchWorksheets(changed: () => void): () => void {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.7")) return () => undefined;
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

Office.onReady(async (info) => {
  const root = document.getElementById("root");
  if (!root) return;
  const inExcel = info.host === Office.HostType.Excel;
  const lang = paneLanguage(inExcel ? Office.context.displayLanguage : navigator.language);
  document.documentElement.lang = lang;
  if (inExcel) {
    const { ExcelWorkbook, documentBaseName, documentBytes, openAsNewWorkbook } = await import(/* webpackMode: "eager" */ "../workbook/excel");
    createRoot(root).render(
      <PaneRoot officeBackground={officeBackground}>
        <Pane
          lang={lang}
          backend={new ExcelWorkbook()}
          watch={watchWorksheets}
          copies={
            // Excel.createWorkbook needs ExcelApi 1.8; where it is missing the copies are downloaded.
            Office.context.requirements.isSetSupported("ExcelApi", "1.8")
              ? { current: documentBytes, deliver: openAsNewWorkbook, verb: "open", baseName: documentBaseName() }
              : { current: documentBytes, deliver: async (name, data) => downloadFile(name, data), verb: "save", baseName: documentBaseName() }
          }
        />
      </PaneRoot>,
    );
  } else {
    createRoot(root).render(
      <PaneRoot>
        <Pane lang={lang} openWorkbook={openXlsxInBrowser} />
      </PaneRoot>,
    );
  }
});
