// The open workbook as a file, for the copies the pane makes (prepare for sharing, per-owner copies):
// its bytes through Office's file API, and a copy opened as a new workbook window. Office code, so it
// lives beside the Office.js executor; the pane reaches it only through index.tsx.

/* global Excel, Office, window */

/**
 * The open workbook as .xlsx bytes, read through Office's file API in 4 MB slices (the largest it
 * allows). The file is always closed again: Office allows only two open file handles per document.
 */
export function documentBytes(): Promise<Uint8Array> {
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
export async function openAsNewWorkbook(_name: string, bytes: Uint8Array): Promise<void> {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  await Excel.createWorkbook(window.btoa(binary));
}

/** The open workbook's file name without its extension, "workbook" when it has none yet (a new, unsaved one). */
export function documentBaseName(): string {
  const last = (Office.context.document.url ?? "").split(/[\\/]/).pop() ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A name that is not valid percent-encoding is used as it is.
  }
  return name.replace(/\.xls[xmb]?$/i, "") || "workbook";
}

