// What the pane says for an error no stage turned into a problem: an engine refusal in the pane's language,
// a refusal of the workbook layer (a broken part, a file too large: packageErrors.ts) in the pane's language,
// anything else by its message. An error from the worker crosses as a name, a message and a refusal's
// sentences (workerProtocol Failure); the runs there report the engine's refusals as problems.

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
  // A refusal of the workbook layer (packageErrors.ts), thrown here or carried across from the worker.
  const messages = (error as { messages?: Partial<Record<Lang, unknown>> } | null)?.messages;
  if (messages && typeof messages[lang] === "string") return messages[lang] as string;
  return String((error as Error)?.message ?? error);
}
