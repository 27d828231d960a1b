// What the pane's explain view asks of the last grading: the customers whose ID matches what the analyst
// types (a page of them, never all 100,000) and one customer's explanation from engine/explain.ts, as
// plain data that crosses from the worker. The explanations are computed on the first question.

import { changeWords, type Explanation } from "../engine/explain";
import type { GradeOutcome } from "../workbook/run";
import { explanationText } from "../workbook/explainWords";
import type { PaneOutcome } from "./workerProtocol";

/** One customer's explanation as the view shows it. */
export interface CustomerExplanation {
  index: number;
  id: string;
  /** The computed tier (an override is a person's decision, shown in its own column). */
  tier: string;
  score: number;
  /** Global weight × points per indicator, weight-table order; they add up to the score. */
  contributions: { name: string; value: number }[];
  /** Points to the next tier up and its label; absent at the top or when scores do not decide tiers. */
  gap?: number;
  nextTier?: string;
  /** The one indicator whose change alone closes the gap: from, to, and the change in words ("+18 %"). */
  close?: { name: string; from: number; to: number; change: string };
  /** The Why column's sentence in both languages. */
  text: { en: string; zh: string };
}

/** A page of matching customers and how many match in all. */
export interface CustomerMatches {
  matches: { index: number; id: string }[];
  total: number;
}

/**
 * How many matches a search returns: enough to pick from, few enough to draw within a frame (50 Fluent
 * options took up to 127 ms of the page's thread in Chromium on this busy machine; typing narrows the rest).
 */
export const MATCH_LIMIT = 20;

export class GradedCustomers {
  private keys?: string[];
  private all?: (Explanation | null)[];

  constructor(
    private readonly ids: string[],
    private readonly indicators: string[],
    private readonly labels: string[],
    private readonly explain: () => (Explanation | null)[],
  ) {}

  get count(): number {
    return this.ids.length;
  }

  /**
   * Customers whose ID contains `query` (case- and width-insensitive), IDs that start with it first,
   * then table order; at most `limit`, with the total count. An empty query lists the first customers.
   *
   * @example new GradedCustomers(["C10", "AC1", "C1"], [], [], () => []).find("c1") // { matches: [C10, C1, AC1], total: 3 }
   */
  find(query: string, limit = MATCH_LIMIT): CustomerMatches {
    const keys = (this.keys ??= this.ids.map(key));
    const wanted = key(query.trim());
    const starts: number[] = [];
    const contains: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const at = keys[i].indexOf(wanted);
      if (at === 0) starts.push(i);
      else if (at > 0) contains.push(i);
    }
    const order = starts.length >= limit ? starts.slice(0, limit) : [...starts, ...contains.slice(0, limit - starts.length)];
    return { matches: order.map((index) => ({ index, id: this.ids[index] })), total: starts.length + contains.length };
  }

  /** Customer `index`'s explanation; null when the customer was left out (a blank indicator). */
  explainOne(index: number): CustomerExplanation | null {
    const all = (this.all ??= this.explain());
    const e = all[index];
    if (!e) return null;
    return {
      index,
      id: this.ids[index],
      tier: this.labels[e.tier],
      score: e.score,
      contributions: e.contributions.map((value, j) => ({ name: this.indicators[j], value })),
      ...(e.gap !== undefined && e.nextTier !== undefined ? { gap: e.gap, nextTier: this.labels[e.nextTier] } : {}),
      ...(e.close ? { close: { name: e.close.name, from: e.close.from, to: e.close.to, change: changeWords(e.close) } } : {}),
      text: { en: explanationText(e, "en-US"), zh: explanationText(e, "zh-CN") },
    };
  }
}

/** What of a grading the pane is sent, and the graded customers the explain view asks about (tiers by score). */
export function paneOutcome(outcome: GradeOutcome): { shown: PaneOutcome; graded?: GradedCustomers } {
  if (!outcome.ok) return { shown: outcome };
  const explain = outcome.explain;
  const graded = explain
    ? new GradedCustomers(outcome.customers.ids, outcome.inspection.indicators.map((i) => i.name), outcome.result.labels, explain)
    : undefined;
  return { shown: { ok: true, inspection: outcome.inspection, pyramid: outcome.result.pyramid, ...(graded ? { explained: graded.count } : {}) }, graded };
}

function key(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}
