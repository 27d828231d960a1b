// The pane's side of the workbook worker: a WorkbookBackend (so the migration and sharing panels work
// unchanged) that also runs the whole check and grading run inside the worker, where the customers
// and the plan stay; only the inspection and the pyramid come back.
//
// Cancel takes effect at once: the worker may be deep in a synchronous step (scanning a sheet,
// building a part) and would hear a message only after it, so Cancel ends the worker instead and a
// fresh one is rebuilt from the file's bytes by replaying, in order, every change that had succeeded
// (gradings with their recorded settings and clock, plans written, example tables). The grading is
// deterministic, so the rebuilt workbook is the one the analyst had before pressing Grade; nothing
// of the cancelled run survives it.

import type { ExampleTemplate } from "../workbook/features/exampleTables";
import { cancelledError } from "../workbook/cancel";
import type { GradeSettings, Inspection } from "../workbook/run";
import type { Box, CellValue, Lang, OwnedState, Progress, WorkbookIndex, WritePlan } from "../workbook/types";
import type { Envelope, Failure, PaneOutcome, Reply, Request, Results } from "./workerProtocol";
import type { CustomerExplanation, CustomerMatches } from "./explainData";

export interface WorkerLike {
  postMessage(message: Envelope, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  terminate(): void;
}

interface Pending {
  request: Request;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?(progress: Progress): void;
}

/** An error carrying what the worker said; `open` is the analyst's message for a file that is not a workbook. */
export class WorkbookError extends Error {
  readonly open?: Failure["open"];
  readonly problem?: Failure["problem"];
  readonly messages?: Failure["messages"];
  constructor(failure: Failure) {
    super(failure.message);
    this.name = failure.name;
    this.open = failure.open;
    this.problem = failure.problem;
    this.messages = failure.messages;
  }
}

export class WorkerWorkbook {
  private worker!: WorkerLike;
  private readonly pending = new Map<number, Pending>();
  private readonly changes: Request[] = [];
  private nextId = 1;

  private constructor(
    private readonly start: () => WorkerLike,
    private readonly original: Blob,
  ) {
    this.boot();
  }

  /**
   * Opens `file` in a new worker; rejects with a WorkbookError whose `open` says why the file cannot be
   * read. The file stays a Blob on this side (a Blob crosses to a worker by reference): copying a large
   * file's bytes here would block the page for seconds (45 MB: 2.7 s measured in Chromium on this machine).
   */
  static async open(start: () => WorkerLike, file: Blob): Promise<WorkerWorkbook> {
    const book = new WorkerWorkbook(start, file);
    try {
      await book.call({ op: "open", file });
    } catch (error) {
      book.close();
      throw error;
    }
    return book;
  }

  private boot(): void {
    this.worker = this.start();
    this.worker.onmessage = (event) => this.receive(event.data);
  }

  private receive(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ("progress" in reply) {
      pending.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.ok) {
      if (isChange(pending.request, reply.value)) this.changes.push(pending.request);
      pending.resolve(reply.value);
    } else {
      pending.reject(new WorkbookError(reply.failure));
    }
  }

  private send(id: number, request: Request): void {
    this.worker.postMessage({ id, ...request } as Envelope);
  }

  private call<K extends Request["op"]>(request: Extract<Request, { op: K }>, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<Results[K]> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    const id = this.nextId++;
    return new Promise<Results[K]>((resolve, reject) => {
      this.pending.set(id, { request, resolve: resolve as (v: unknown) => void, reject, onProgress });
      signal?.addEventListener("abort", () => this.cancel(id), { once: true });
      this.send(id, request);
    });
  }

  /** Ends request `id` now: the worker is replaced by one rebuilt to the state before it. */
  private cancel(id: number): void {
    const cancelled = this.pending.get(id);
    if (!cancelled) return;
    this.pending.delete(id);
    cancelled.reject(cancelledError());
    this.worker.terminate();
    this.boot();
    // Replies to the rebuild have ids no caller waits for; only a failure to rebuild would matter, and
    // the same bytes and the same requests succeeded before.
    this.send(0, { op: "open", file: this.original });
    for (const change of this.changes) this.send(0, change);
    for (const [waiting, pending] of this.pending) this.send(waiting, pending.request);
  }

  close(): void {
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(cancelledError());
    this.pending.clear();
  }

  // The WorkbookBackend, for the panels that read and write through it.
  index(): Promise<WorkbookIndex> {
    return this.call({ op: "index" });
  }
  read(sheet: string, box: Box): Promise<CellValue[][]> {
    return this.call({ op: "read", sheet, box });
  }
  readState(): Promise<OwnedState | undefined> {
    return this.call({ op: "readState" });
  }
  async execute(plan: WritePlan): Promise<void> {
    await this.call({ op: "execute", plan });
  }
  numberFormats(sheet: string, row: number, left: number, columns: number): Promise<(string | null)[]> {
    return this.call({ op: "numberFormats", sheet, row, left, columns });
  }
  save(): Promise<Uint8Array> {
    return this.call({ op: "save" });
  }
  /** The workbook as an .xlsx file, made in the worker (for a download). */
  saveFile(): Promise<Blob> {
    return this.call({ op: "saveFile" });
  }

  // The whole run in the worker.
  inspect(settings: GradeSettings): Promise<Inspection> {
    return this.call({ op: "inspect", settings });
  }
  grade(settings: GradeSettings, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<PaneOutcome> {
    return this.call({ op: "grade", settings }, onProgress, signal);
  }
  /** The last grading's customers whose ID matches `query` (a page of them), for the explain view. */
  findCustomers(query: string): Promise<CustomerMatches> {
    return this.call({ op: "findCustomers", query });
  }
  explainCustomer(index: number): Promise<CustomerExplanation | null> {
    return this.call({ op: "explainCustomer", index });
  }
  insertExamples(lang: Lang, template: ExampleTemplate = "basic"): Promise<void> {
    return this.call({ op: "example", lang, template }).then(() => undefined);
  }
}

/** Requests that changed the workbook (a grading that found problems wrote nothing). */
function isChange(request: Request, value: unknown): boolean {
  if (request.op === "execute" || request.op === "example") return true;
  return request.op === "grade" && (value as PaneOutcome).ok;
}
