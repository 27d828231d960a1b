// Migration between two graded periods, for every surface: read the Tier history sheet the add-in keeps,
// compare two periods, and write the Migration/迁移 sheet (the pane shows the same numbers).

import type { Migration } from "../../engine/migration";
import { headerKey } from "../reading/headers";
import type { HistoryRow } from "./history";
import { historyPeriods } from "./history";
import { migrationOf, migrationSheet } from "./migrationSheet";
import { outputText, OUTPUT_SHEETS } from "../planning/outputText";
import { problem } from "../reading/problems";
import { ownedHistorySheet, readOwnedHistory } from "../run";
import type { Lang, Problem, WorkbookBackend, WritePlan } from "../types";

export interface MigrateSettings {
  from: string;
  to: string;
  /** Language of the Migration sheet. */
  lang: Lang;
}

export type MigrateOutcome =
  | { ok: true; migration: Migration; periods: string[]; plan: WritePlan }
  | { ok: false; problems: Problem[]; periods: string[] };

/**
 * Tier labels best first, as the history shows them: by the mean rank of the rows carrying each label
 * (the best tier has the best ranks), so the matrix reads top-down whatever the labels are.
 */
export function tierOrder(rows: HistoryRow[]): string[] {
  const ranks = new Map<string, { sum: number; count: number }>();
  for (const row of rows) {
    const entry = ranks.get(row.tier) ?? { sum: 0, count: 0 };
    if (Number.isFinite(row.rank)) {
      entry.sum += row.rank;
      entry.count += 1;
    }
    ranks.set(row.tier, entry);
  }
  const mean = (label: string) => {
    const e = ranks.get(label) as { sum: number; count: number };
    return e.count === 0 ? Infinity : e.sum / e.count;
  };
  return [...ranks.keys()].sort((a, b) => mean(a) - mean(b) || a.localeCompare(b));
}

/**
 * The periods the add-in's Tier history sheet holds, in the order they were first graded ([] when there is
 * none): what the pane offers to compare.
 */
export async function gradedPeriods(backend: WorkbookBackend): Promise<string[]> {
  const rows = await readOwnedHistory(backend, await backend.index(), await backend.readState());
  return rows ? historyPeriods(rows) : [];
}

/**
 * The migration from one period to another, written as the Migration sheet through the backend. Writes
 * nothing when the workbook has no Tier history sheet of the add-in's or a period has no rows (ok: false,
 * with the periods the history holds).
 */
export async function migrateWorkbook(backend: WorkbookBackend, settings: MigrateSettings): Promise<MigrateOutcome> {
  const index = await backend.index();
  const previous = await backend.readState();
  const rows = (await readOwnedHistory(backend, index, previous)) ?? [];
  const periods = historyPeriods(rows);
  const problems: Problem[] = [];
  const historyName = outputText(settings.lang).historySheet;
  for (const period of [settings.from, settings.to]) {
    if (!periods.includes(period)) {
      problems.push(problem("period-not-graded", historyName, "", { period, periods: periods.join(", ") }));
    }
  }
  if (!previous || problems.length > 0) {
    if (!previous && problems.length === 0) problems.push(problem("period-not-graded", historyName, "", { period: settings.from, periods: "" }));
    return { ok: false, problems, periods };
  }
  // A customer twice in one period (the sheet is the add-in's, but a reader may have typed in it) is a
  // problem naming the cell, not a fault of the run.
  const sheetName = ownedHistorySheet(index, previous)?.name ?? historyName;
  for (const period of [settings.from, settings.to]) {
    const first = new Map<string, HistoryRow>();
    for (const row of rows) {
      if (row.period !== period) continue;
      const earlier = first.get(row.id);
      if (!earlier) first.set(row.id, row);
      else problems.push(problem("history-customer-twice", sheetName, row.cell ?? "", { id: row.id, period, first: earlier.cell ?? "" }));
    }
  }
  if (problems.length > 0) return { ok: false, problems, periods };
  const migration = migrationOf(rows, settings.from, settings.to, tierOrder(rows));
  const sheet = migrationSheet(migration, settings.from, settings.to, settings.lang);

  // A user sheet of the Migration sheet's name is never overwritten.
  const owned = new Set(previous.sheets.map(headerKey));
  const family = new Set(OUTPUT_SHEETS.slice(4).map(headerKey));
  const clash = index.sheets.find((s) => headerKey(s.name) === headerKey(sheet.name) && !owned.has(headerKey(s.name)));
  if (clash) return { ok: false, problems: [problem("output-sheet-collision", clash.name, "", { sheet: clash.name })], periods };

  const replaced = previous.sheets.filter((name) => family.has(headerKey(name)));
  const plan: WritePlan = {
    previous: { ...previous, headers: [], sheets: replaced },
    state: { ...previous, sheets: [...previous.sheets.filter((name) => !family.has(headerKey(name))), sheet.name] },
    sheets: [sheet],
  };
  await backend.execute(plan);
  return { ok: true, migration, periods, plan };
}

/** The `migrate --json` document (docs/DESIGN.md §5): the tier-to-tier counts among graded tiers, and the lists. */
export function migrationJson(migration: Migration, from: string, to: string) {
  const k = migration.tiers.length;
  const matrix: Record<string, Record<string, number>> = {};
  migration.tiers.forEach((before, i) => {
    matrix[before] = {};
    migration.tiers.forEach((after, j) => (matrix[before][after] = migration.counts[i][j]));
  });
  return {
    from,
    to,
    tiers: migration.tiers,
    matrix,
    upgraded: migration.upgraded,
    downgraded: migration.downgraded,
    new: migration.new,
    lost: migration.lost,
    newByTier: Object.fromEntries(migration.tiers.map((tier, j) => [tier, migration.counts[k][j]])),
    lostByTier: Object.fromEntries(migration.tiers.map((tier, i) => [tier, migration.counts[i][k]])),
  };
}
