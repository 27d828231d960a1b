// The choices an analyst makes for one grading run, shared by the pane and the command line.

import type { MissingPolicy, TierScheme } from "../engine/types";
import type { StrategySettings } from "./features/management";
import type { Lang } from "./types";

export interface GradeSettings {
  /** Weight table: an Excel table or sheet name; default Weights/权重. */
  weights?: string;
  /** Customer table: an Excel table or sheet name; default Customers/客户. */
  customers?: string;
  scheme: TierScheme;
  /** Tier labels best first (for `rules`, the rules carry their own labels). */
  labels: string[];
  missing: MissingPolicy;
  /** The value column for `pareto` and the value pyramid (revenue, profit); found by name when absent. */
  valueColumn?: string;
  /** Language of the headers and sheets the add-in writes. */
  lang: Lang;
  /** "values" writes numbers; "formulas" writes native Excel formulas (see the sharing issue). */
  mode: "values" | "formulas";
  period?: string;
  /** Write a Strategy/策略 column: the action for each customer's tier and upgrade potential. */
  strategy?: StrategySettings;
  /** Write a Risk/风险 column by the risk rules, and the Watch list/重点关注 sheet. */
  risk?: boolean;
  /** Write a Why/原因 column explaining each customer's tier (engine/explain.ts). */
  explain?: boolean;
  /** A method that decides tiers itself instead of `scheme` (issue 16): RFM segments or k-means clusters. */
  method?: MethodSetting;
  /**
   * Weights from the data instead of the weight table's Weight column (issue 16 §4): "pca" fills the
   * Weight cells with principal-component weights (workbook/features/pcaWeights.ts) and grades with them; only
   * empty cells or cells the add-in filled before, unless `replace` asks to overwrite the analyst's.
   */
  weightsFrom?: WeightsFromSetting;
  /**
   * Grade an Orders / 订单 table (issue 16 §1): `table` (default Orders / 订单) aggregated per customer as
   * of `asOf` (an Excel serial day) into the Customer indicators / 客户指标 sheet, which is then graded.
   */
  orders?: OrdersSetting;
  /** When the run happens: written on the summary sheet. The engine never reads a clock; callers pass it. */
  now: Date;
}

/** RFM (bins per measure; the customer table's recency, frequency, monetary columns) or k-means (k or "auto"). */
export type MethodSetting = { kind: "rfm"; bins: number; columns?: [string, string, string] } | { kind: "kmeans"; k: number | "auto" };

/** Where the weights come from when not from the analyst: principal components of the indicators. */
export interface WeightsFromSetting {
  method: "pca";
  /** Overwrite Weight cells that hold the analyst's own values (never without this). */
  replace: boolean;
}

/** The Orders table to grade from and the analysis date (an Excel serial day; the caller's clock). */
export interface OrdersSetting {
  table?: string;
  asOf: number;
}

/** Shares 20/30/50 with labels A, B, C; customers with a blank indicator are left out and listed. */
export function defaultSettings(lang: Lang, now: Date): GradeSettings {
  return {
    scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] },
    labels: ["A", "B", "C"],
    missing: "exclude",
    lang,
    mode: "values",
    now,
  };
}

/** The labels a scheme needs, best first: rules bring their own. */
export function schemeLabels(settings: GradeSettings): string[] {
  const scheme = settings.scheme;
  if (scheme.kind === "rules") return [...scheme.rules.map((rule) => rule.label), scheme.otherwise];
  return settings.labels;
}

/** How many labels a scheme needs. */
export function labelCount(scheme: TierScheme): number {
  switch (scheme.kind) {
    case "shares":
      return scheme.shares.length;
    case "pareto":
    case "cutoffs":
      return scheme.cutoffs.length + 1;
    case "rules":
      return scheme.rules.length + 1;
  }
}
