// Cancellation, one mechanism for every layer: the caller's AbortSignal is passed down (run.ts, both
// executors, the pane's worker client), each checks it where stopping leaves the workbook as it was,
// and a cancelled call rejects with the error made here. Its name is "AbortError", the name the DOM
// gives an aborted operation (AbortSignal.throwIfAborted, fetch), so callers test the name alone.

const MESSAGE = "The grading run was cancelled; the workbook was not changed.";

/** The error a cancelled call rejects with: name "AbortError". */
export function cancelledError(): Error {
  return Object.assign(new Error(MESSAGE), { name: "AbortError" });
}

/** Throws cancelledError() when the signal has been aborted; nothing otherwise. */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}

/** Whether an error says a call was cancelled (ours, or any "AbortError"). */
export function isCancelled(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "AbortError";
}
