// The task pane's start-up: the only pane file that touches Office. Inside Excel the pane grades the
// active workbook through Office.js; opened as a plain web page it grades .xlsx files in the
// browser, with the .xlsx backend loaded only when a file is opened.
//
// The page loads office.js from Microsoft's CDN (Office requires it), but the pane never depends on
// it outside Office: when there is no `Office` (offline, the CDN blocked) the web page starts at
// once; when office.js is there, the pane waits for Office.onReady — host Excel starts the Excel
// pane, any other answer the web page — and if onReady has not answered within OFFICE_WAIT_MS the
// web page starts anyway. Should Excel answer later after all, the Excel pane replaces it.

import * as React from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { Pane } from "./Pane";
import { paneLanguage } from "./strings";
import { downloadFile } from "./WebWorkbookBar";

/* global document, navigator, Office, window */

/** How long the pane waits for Office.onReady before it starts as a web page. */
const OFFICE_WAIT_MS = 5000;

async function openXlsxInBrowser(bytes: ArrayBuffer) {
  const { openXlsx } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
  return openXlsx(bytes);
}

function systemIsDark(): boolean {
  try {
    return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
  } catch {
    return false;
  }
}

/** Office's theme is dark when its body background is dark. */
function officeIsDark(): boolean {
  try {
    const background = Office.context.officeTheme?.bodyBackgroundColor;
    if (!background) return systemIsDark();
    const n = parseInt(background.replace("#", ""), 16);
    return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 < 128;
  } catch {
    return false;
  }
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
    <FluentProvider theme={systemIsDark() ? webDarkTheme : webLightTheme}>
      <Pane lang={lang} openWorkbook={openXlsxInBrowser} />
    </FluentProvider>,
  );
}

/** The pane in Excel, on the active workbook. */
async function startInExcel(): Promise<void> {
  if (started === "excel") return;
  started = "excel";
  const lang = paneLanguage(Office.context.displayLanguage);
  document.documentElement.lang = lang;
  const { ExcelWorkbook, documentBaseName, documentBytes, openAsNewWorkbook } = await import(/* webpackMode: "eager" */ "../workbook/excel");
  render(
    <FluentProvider theme={officeIsDark() ? webDarkTheme : webLightTheme}>
      <Pane
        lang={lang}
        backend={new ExcelWorkbook()}
        copies={
          // Excel.createWorkbook needs ExcelApi 1.8; where it is missing the copies are downloaded.
          Office.context.requirements.isSetSupported("ExcelApi", "1.8")
            ? { current: documentBytes, deliver: openAsNewWorkbook, verb: "open", baseName: documentBaseName() }
            : { current: documentBytes, deliver: async (name, data) => downloadFile(name, data), verb: "save", baseName: documentBaseName() }
        }
      />
    </FluentProvider>,
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
