// Strategy per tier and upgrade potential (docs/DESIGN.md §2 "Management"): a table of tier × potential ->
// action, looked up per customer, and the upgrade potential from a growth indicator and a threshold.

import { refuse } from "./errors";
/** "yes" / "no" match customers with / without upgrade potential; "any" matches both. */
export type PotentialMatch = "yes" | "no" | "any";

export interface StrategyRow {
  tier: string;
  potential: PotentialMatch;
  action: string;
}

/**
 * The action for a customer of tier `tier` with upgrade potential `potential` (undefined: not known):
 * the first row of the table for that tier whose potential matches ("any" matches both). A customer
 * of unknown potential is taken as without: no evidence of potential is no potential. "" when no row
 * matches, or for tier "" (not graded).
 *
 * @example
 * const table = [{ tier: "A", potential: "any", action: "key" }, { tier: "B", potential: "yes", action: "grow" },
 *   { tier: "B", potential: "no", action: "lower cost" }];
 * strategyOf("B", true, table)  // "grow"
 * strategyOf("B", undefined, table) // "lower cost"
 */
export function strategyOf(tier: string, potential: boolean | undefined, table: StrategyRow[]): string {
  if (tier === "") return "";
  const wanted: PotentialMatch = potential ? "yes" : "no";
  const match = table.find((row) => row.tier === tier && (row.potential === wanted || row.potential === "any"));
  return match ? match.action : "";
}

/**
 * Upgrade potential per customer from a growth indicator: growth >= threshold. NaN (a blank) gives
 * undefined: not known.
 *
 * @example potentialFromGrowth(Float64Array.of(0.25, 0.02, NaN), 0.1) // [true, false, undefined]
 */
export function potentialFromGrowth(growth: ArrayLike<number>, threshold: number): (boolean | undefined)[] {
  if (!Number.isFinite(threshold)) refuse("growth-threshold", { threshold });
  return Array.from({ length: growth.length }, (_, i) => (growth[i] === growth[i] ? growth[i] >= threshold : undefined));
}
