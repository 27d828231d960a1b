// Starts the workbook worker. Its own file because `import.meta.url` (webpack 5's worker syntax) is
// for the browser build only; tests build the host and client without it.

import { WorkerWorkbook } from "./workerClient";

export function openInWorker(file: Blob): Promise<WorkerWorkbook> {
  return WorkerWorkbook.open(() => new Worker(new URL("./workbookWorker.ts", import.meta.url)), file);
}
