// The `grade --json` document: one entry per customer and the tier summary, for scripts and pipelines.

import type { GradeResult } from "../engine/types";

export interface GradeJson {
  customers: { id: string; score: number | null; rank: number | null; tier: string | null }[];
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
 */
export function gradeJson(ids: string[], result: GradeResult): GradeJson {
  return {
    customers: ids.map((id, i) => {
      const graded = result.tier[i] >= 0;
      return {
        id,
        score: graded ? result.score[i] : null,
        rank: graded ? result.rank[i] : null,
        tier: graded ? result.labels[result.tier[i]] : null,
      };
    }),
    summary: result.pyramid.map((row) => ({ ...row })),
    excluded: result.excluded.map(({ id, indicators }) => ({ id, indicators })),
  };
}
