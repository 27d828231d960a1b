// The `grade --json` document: one entry per customer and the tier summary, for scripts and pipelines.

import type { Explanation } from "../engine/explain";
import type { GradeResult } from "../engine/types";
import type { MethodDetails } from "../workbook/features/methodRun";
import { explanationText } from "../workbook/explainWords";

/** One customer of the JSON document; the optional fields come with the options that ask for them. */
export interface CustomerJson {
  id: string;
  score: number | null;
  rank: number | null;
  tier: string | null;
  /** --explain: global weight × points per indicator (by indicator name); they add up to the score. */
  contributions?: Record<string, number> | null;
  /** --explain: points to the next tier up; null at the top, when left out, or when scores do not decide tiers. */
  gap_to_next_tier?: number | null;
  /** --explain: the Why column's sentence. */
  why?: string | null;
  [method: string]: unknown;
}

/** What --explain adds: the explanations and the indicator names they refer to (weight-table order). */
export interface ExplainJson {
  explanations: (Explanation | null)[];
  indicators: string[];
  lang: "en-US" | "zh-CN";
}

export interface GradeJson {
  customers: CustomerJson[];
  /** --scheme rfm: R's rfm_segment_summary (segments with customers, in the Segments table's order, then Others). */
  segments?: { segment: string; customers: number; orders: number; revenue: number; aov: number }[];
  /** --scheme kmeans: the chosen k, its mean silhouette, the silhouette per k tried, and each cluster's profile. */
  clusters?: {
    k: number;
    silhouette: number;
    silhouette_by_k: { k: number; silhouette: number }[];
    profiles: { label: string; size: number; means: number[]; mean_score: number; silhouette: number | null }[];
  };
  /** --weights-from pca: the weights written into the weight table, and the components behind them. */
  pca?: { weights: { indicator: string; weight: number }[]; eigenvalues: number[]; explained: number[]; kept: number; customers: number };
  summary: { tier: string; customers: number; customerShare: number; value: number; valueShare: number }[];
  excluded: { id: string; indicators: string[] }[];
}

/**
 * The JSON document of a grading run: customers in table order (score, rank and tier null for a
 * customer left out by the missing-value policy), the pyramid per tier best first, and who was left out.
 *
 * @example
 * // ids ["C1","C2"], score [80, NaN], rank [1, 0], tier [0, -1], labels ["A","B"]:
 * // customers: [{ id: "C1", score: 80, rank: 1, tier: "A" }, { id: "C2", score: null, rank: null, tier: null }]
 * // with explain: C1 also gets contributions { Sales: 48, Visits: 32 }, gap_to_next_tier null (top), why "A: the top tier"
 */
export function gradeJson(ids: string[], result: GradeResult, explain?: ExplainJson, method?: MethodDetails): GradeJson {
  return {
    customers: ids.map((id, i) => {
      const graded = result.tier[i] >= 0;
      const customer: CustomerJson = {
        id,
        score: graded ? result.score[i] : null,
        rank: graded ? result.rank[i] : null,
        tier: graded ? result.labels[result.tier[i]] : null,
      };
      if (explain) {
        const e = explain.explanations[i];
        customer.contributions = e ? Object.fromEntries(explain.indicators.map((name, j) => [name, e.contributions[j]])) : null;
        customer.gap_to_next_tier = e?.gap ?? null;
        customer.why = e ? explanationText(e, explain.lang) : null;
      }
      // --scheme rfm: the measures, the scores and the segment (which is also the tier).
      if (method?.kind === "rfm") {
        const rfm = method.customers[i];
        for (const key of ["recency_days", "frequency", "monetary", "r", "f", "m", "rfm_score", "segment"] as const) customer[key] = rfm ? rfm[key] : null;
      }
      // --scheme kmeans: the cluster's number (1 = best mean score); the tier is its label.
      if (method?.kind === "kmeans") customer.cluster = method.cluster[i];
      return customer;
    }),
    ...(method?.kind === "rfm" ? { segments: method.summary.map((row) => ({ ...row })) } : {}),
    ...(method?.kind === "kmeans"
      ? {
          clusters: {
            k: method.k,
            silhouette: method.silhouette,
            silhouette_by_k: method.silhouetteByK,
            profiles: method.profiles.map((p) => ({
              label: p.label,
              size: p.size,
              means: p.means,
              mean_score: p.meanScore,
              silhouette: Number.isFinite(p.silhouette) ? p.silhouette : null,
            })),
          },
        }
      : {}),
    summary: result.pyramid.map((row) => ({ ...row })),
    excluded: result.excluded.map(({ id, indicators }) => ({ id, indicators })),
  };
}
