// The engine's warnings in the analyst's words, placed on the sheet they concern.

import type { EngineWarning } from "../../engine/types";
import { problem } from "./problems";
import type { Problem } from "../types";

/** One warning Problem per engine warning: weights on the weight sheet, customers on the customer sheet. */
export function engineWarningProblems(warnings: EngineWarning[], weightsSheet: string, customersSheet: string): Problem[] {
  return warnings.map((warning) => {
    const subject = warning.subject.join(", ");
    switch (warning.code) {
      case "weights-normalised":
      case "dimension-weights-normalised":
        return problem(warning.code, weightsSheet, "", { subject, sum: warning.sum ?? NaN }, "warning");
      case "customers-excluded":
      case "missing-scored-zero":
        return problem(warning.code, customersSheet, "", { count: warning.subject.length, subject: abbreviate(warning.subject) }, "warning");
      case "no-spread":
        return problem(warning.code, weightsSheet, "", { subject }, "warning");
    }
  });
}

/** At most ten ids, then "…": a message names a few, the summary sheet lists them all. */
function abbreviate(ids: string[]): string {
  return ids.length <= 10 ? ids.join(", ") : `${ids.slice(0, 10).join(", ")}, …`;
}
