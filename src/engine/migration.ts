// Who moved between two gradings (docs/DESIGN.md §2 "Over time"): the tier-to-tier matrix of customers and
// of value, and the lists of upgraded, downgraded, new and lost customers.

import { refuse } from "./errors";
/** One period's grading: a tier label (and optionally a value) per customer id. */
export interface PeriodGrades {
  ids: string[];
  tiers: string[];
  values?: number[];
}

export interface Migration {
  /** Tier labels best first: the given order, then any label only the data uses, in order of appearance. */
  tiers: string[];
  /**
   * counts[i][j]: customers in tier i in the first period and tier j in the second. Row index
   * tiers.length is "new" (not graded in the first period), column index tiers.length is "lost" (not
   * graded in the second), so each row adds up to a first-period tier's size and each column to a
   * second-period tier's size.
   */
  counts: number[][];
  /** The same cells summed over value: the second period's value, or the first's for lost customers. */
  values: number[][];
  upgraded: string[];
  downgraded: string[];
  unchanged: string[];
  new: string[];
  lost: string[];
}

/**
 * The migration between two periods' grades, tiers compared by their position in `labels` (best first).
 * Customers appear in the lists in the second period's order (lost ones in the first period's order).
 *
 * Throws RangeError when ids repeat within a period or the arrays of a period differ in length.
 *
 * @example
 * migration({ ids: ["a", "b", "c"], tiers: ["A", "B", "C"] }, { ids: ["a", "b", "d"], tiers: ["B", "A", "C"] }, ["A", "B", "C"])
 * // upgraded ["b"], downgraded ["a"], new ["d"], lost ["c"]; counts[0][1] = 1 (a: A -> B)
 */
export function migration(from: PeriodGrades, to: PeriodGrades, labels: string[]): Migration {
  check(from, "first");
  check(to, "second");
  const tiers = [...labels];
  for (const label of [...from.tiers, ...to.tiers]) if (!tiers.includes(label)) tiers.push(label);
  const position = new Map(tiers.map((label, i) => [label, i]));
  const k = tiers.length;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  const values = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
  const before = new Map<string, number>();
  from.ids.forEach((id, i) => before.set(id, i));
  const result: Migration = { tiers, counts, values, upgraded: [], downgraded: [], unchanged: [], new: [], lost: [] };

  const seen = new Set<string>();
  to.ids.forEach((id, j) => {
    seen.add(id);
    const now = position.get(to.tiers[j]) as number;
    const value = to.values ? to.values[j] : 0;
    const i = before.get(id);
    const was = i === undefined ? k : (position.get(from.tiers[i]) as number);
    counts[was][now] += 1;
    values[was][now] += value === value ? value : 0;
    if (i === undefined) result.new.push(id);
    else if (now < was) result.upgraded.push(id);
    else if (now > was) result.downgraded.push(id);
    else result.unchanged.push(id);
  });
  from.ids.forEach((id, i) => {
    if (seen.has(id)) return;
    const was = position.get(from.tiers[i]) as number;
    const value = from.values ? from.values[i] : 0;
    counts[was][k] += 1;
    values[was][k] += value === value ? value : 0;
    result.lost.push(id);
  });
  return result;
}

function check(period: PeriodGrades, which: "first" | "second"): void {
  if (period.tiers.length !== period.ids.length || (period.values && period.values.length !== period.ids.length)) {
    throw new RangeError(`the ${which} period has ${period.ids.length} ids but ${period.tiers.length} tiers`);
  }
  const ids = new Set<string>();
  for (const id of period.ids) {
    if (ids.has(id)) refuse("customer-twice", { id, period: which });
    ids.add(id);
  }
}
