// One Excel.run's stream of queued operations, synced only when the next operation would push the
// request past the payload budget or when the caller needs a result. Between syncs it checks the
// abort signal, so a cancelled run stops at a batch boundary where everything queued has happened.

import { throwIfCancelled } from "../../cancel";
import { PAYLOAD_BUDGET } from "./payload";

/** Queues, on a rollback batch, what takes back one step of a run. */
export type UndoStep = (rollback: Batch) => Promise<void>;

export class Batch {
  private queued = 0;
  syncs = 0;
  /** Undo steps for operations queued but not yet synced, and for those that have happened. */
  private pendingUndo: UndoStep[] = [];
  readonly undo: UndoStep[] = [];

  constructor(
    readonly context: Excel.RequestContext,
    private signal?: AbortSignal,
    readonly budget = PAYLOAD_BUDGET,
    /** Suspend recalculation for every write batch (suspendApiCalculationUntilNextSync, ExcelApi 1.6). */
    private suspendCalculation = false,
  ) {}

  /** Makes room for an operation of `bytes` bytes, syncing first when it would not fit. */
  async room(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) await this.sync();
    if (this.queued === 0 && this.suspendCalculation) this.context.workbook.application.suspendApiCalculationUntilNextSync();
    this.queued += bytes;
  }

  /** Sends what is queued, then throws (cancel.ts) when the run was cancelled meanwhile. */
  async sync(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
    this.syncs++;
    this.undo.push(...this.pendingUndo);
    this.pendingUndo = [];
    throwIfCancelled(this.signal);
  }

  /** Sends what is queued without looking at the signal (rolling back must finish). */
  async flush(): Promise<void> {
    if (this.queued === 0) {
      await this.context.sync();
    } else {
      await this.context.sync();
      this.queued = 0;
    }
    this.syncs++;
  }

  /** Registers how to undo what was just queued; it counts once the batch has been synced. */
  onUndo(step: UndoStep): void {
    this.pendingUndo.push(step);
  }

  /** From now on every batch suspends recalculation until its sync, the current one included. */
  setSuspendCalculation(on: boolean): void {
    this.suspendCalculation = on;
    if (on && this.queued > 0) this.context.workbook.application.suspendApiCalculationUntilNextSync();
  }
}
