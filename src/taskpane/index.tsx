// The task pane's start-up: the only pane file that touches Office. Inside Excel the pane grades the
// active workbook through Office.js; opened as a plain web page (Office.onReady gives host null) it
// grades .xlsx files in the browser, with the .xlsx backend loaded only when a file is opened.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { Pane } from "./Pane";
import { paneLanguage } from "./strings";
import { downloadFile } from "./WebWorkbookBar";

/* global document, Excel, navigator, Office, window */

async function openXlsxInBrowser(bytes: ArrayBuffer) {
  const { openXlsx } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
  return openXlsx(bytes);
}

/**
 * The open workbook as .xlsx bytes, read through Office's file API in 4 MB slices (the largest it
 * allows). The file is always closed again: Office allows only two open file handles per document.
 */
function documentBytes(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4 * 1024 * 1024 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(opened.error.message));
        return;
      }
      const file = opened.value;
      const slices: Uint8Array[] = [];
      const finish = (error?: Error) => {
        file.closeAsync(() => {
          if (error) {
            reject(error);
            return;
          }
          const bytes = new Uint8Array(slices.reduce((size, slice) => size + slice.length, 0));
          let at = 0;
          for (const slice of slices) {
            bytes.set(slice, at);
            at += slice.length;
          }
          resolve(bytes);
        });
      };
      const next = (index: number) => {
        if (index >= file.sliceCount) {
          finish();
          return;
        }
        file.getSliceAsync(index, (read) => {
          if (read.status !== Office.AsyncResultStatus.Succeeded) {
            finish(new Error(read.error.message));
            return;
          }
          slices.push(new Uint8Array(read.value.data as ArrayLike<number>));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}

/** Opens bytes as a new workbook window (ExcelApi 1.8); the analyst saves it where they like. */
async function openAsNewWorkbook(_name: string, bytes: Uint8Array): Promise<void> {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await Excel.createWorkbook(window.btoa(binary));
}

/** The open workbook's file name without its extension, "workbook" when it has none yet. */
function documentBaseName(): string {
  const url = Office.context.document.url ?? "";
  const name = decodeURIComponent(url.split(/[\\/]/).pop() ?? "").replace(/\.xlsx$/i, "");
  return name || "workbook";
}

/** Office's theme is dark when its body background is dark. */
function officeIsDark(): boolean {
  try {
    const background = Office.context.officeTheme?.bodyBackgroundColor;
    if (!background) return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
    const n = parseInt(background.replace("#", ""), 16);
    return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 < 128;
  } catch {
    return false;
  }
}

Office.onReady(async (info) => {
  const root = document.getElementById("root");
  if (!root) return;
  const inExcel = info.host === Office.HostType.Excel;
  const lang = paneLanguage(inExcel ? Office.context.displayLanguage : navigator.language);
  document.documentElement.lang = lang;
  const theme = officeIsDark() ? webDarkTheme : webLightTheme;
  if (inExcel) {
    const { ExcelWorkbook } = await import(/* webpackMode: "eager" */ "../workbook/excel");
    createRoot(root).render(
      <FluentProvider theme={theme}>
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
  } else {
    createRoot(root).render(
      <FluentProvider theme={theme}>
        <Pane lang={lang} openWorkbook={openXlsxInBrowser} />
      </FluentProvider>,
    );
  }
});
