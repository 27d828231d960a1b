// What the pane says for an error no stage turned into a problem: an engine refusal in the pane's language,
// anything else by its message (the workbook layer's own messages are already in the run's language). An
// error from the worker crosses as a name and a message only (workerProtocol Failure); the runs there
// report the engine's refusals as problems.

import { EngineError } from "../engine/errors";
import { engineReason } from "../workbook/reading/problems";
import type { Lang } from "../workbook/types";

/**
 * The words for `error` in `lang`.
 *
 * @example failureText(new EngineError("entropy-few", {}), "zh-CN") // "熵权法至少需要 2 个客户"
 * @example failureText(new Error("disk full"), "zh-CN") // "disk full"
 */
export function failureText(error: unknown, lang: Lang): string {
  if (error instanceof EngineError) return engineReason(error)[lang];
  return String((error as Error)?.message ?? error);
}
