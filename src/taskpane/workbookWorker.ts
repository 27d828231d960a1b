// The Web Worker that holds the analyst's .xlsx when the pane runs as a web page (started by
// startWorker.ts). All the work is in workerHost.ts.

import { workbookHost } from "./workerHost";
import type { Envelope, Reply } from "./workerProtocol";

interface WorkerScope {
  postMessage(message: Reply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Envelope>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = workbookHost((reply, transfer) => scope.postMessage(reply, transfer ?? []));
scope.onmessage = (event) => void handle(event.data);
