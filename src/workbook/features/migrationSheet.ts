// The Migration/迁移 sheet: who moved between two graded periods, as the customer-count and value
// matrices (with New and Lost) shaded as heat maps, and the lists of upgraded, downgraded, new and
// lost customers.

import { migration } from "../../engine/migration";
import type { Migration } from "../../engine/migration";
import { boxAddress } from "../reading/address";
import type { HistoryRow } from "./history";
import { outputText } from "../planning/outputText";
import { HEADER_LOOK, heatMap, TITLE_LOOK } from "../planning/styles";
import type { CellBlock, CellOut, HeatMap, Lang, OutputSheet } from "../types";

/**
 * The migration between two periods of a history, tiers ordered by `labels` (best first).
 * Throws RangeError when a period has no rows.
 *
 * @example
 * migrationOf(rows, "2026-Q2", "2026-Q3", ["A", "B", "C"]).upgraded // ids that moved up
 */
export function migrationOf(rows: HistoryRow[], from: string, to: string, labels: string[]): Migration {
  const before = rows.filter((row) => row.period === from);
  const after = rows.filter((row) => row.period === to);
  if (before.length === 0) throw new RangeError(`no customers were graded in period "${from}"`);
  if (after.length === 0) throw new RangeError(`no customers were graded in period "${to}"`);
  return migration(
    { ids: before.map((row) => row.id), tiers: before.map((row) => row.tier), values: before.map((row) => row.value) },
    { ids: after.map((row) => row.id), tiers: after.map((row) => row.tier), values: after.map((row) => row.value) },
    labels,
  );
}

/** The Migration sheet of a migration, in the given language. */
export function migrationSheet(result: Migration, from: string, to: string, lang: Lang): OutputSheet {
  const text = outputText(lang);
  const blocks: CellBlock[] = [{ top: 0, left: 0, values: [[text.migrationTitle(from, to)]], look: TITLE_LOOK }];
  const heatMaps: HeatMap[] = [];
  let top = 2;
  const matrix = (title: string, cells: number[][]) => {
    const k = result.tiers.length;
    blocks.push({ top, left: 0, values: [[title]], look: HEADER_LOOK });
    blocks.push({
      top: top + 1,
      left: 0,
      look: HEADER_LOOK,
      values: [[text.fromTo, ...result.tiers, text.lostCustomers, text.total]],
    });
    const rowLabels = [...result.tiers, text.newCustomers];
    const body: CellOut[][] = cells.map((row, i) => [rowLabels[i], ...row, row.reduce((s, x) => s + x, 0)]);
    body.push([text.total, ...cells[0].map((_, j) => cells.reduce((s, row) => s + row[j], 0)), cells.flat().reduce((s, x) => s + x, 0)]);
    blocks.push({ top: top + 2, left: 0, values: body, numberFormats: ["@", ...new Array<string>(k + 2).fill("#,##0")] });
    heatMaps.push(heatMap(boxAddress({ top: top + 2, left: 1, rows: k + 1, columns: k + 1 })));
    top += body.length + 4;
  };
  matrix(text.migrationCustomers, result.counts);
  matrix(text.migrationValue, result.values);

  const lists = [result.upgraded, result.downgraded, result.new, result.lost];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  blocks.push({ top, left: 0, look: HEADER_LOOK, values: [[text.upgraded, text.downgraded, text.newCustomers, text.lostCustomers]] });
  if (longest > 0) {
    blocks.push({
      top: top + 1,
      left: 0,
      numberFormats: ["@", "@", "@", "@"],
      values: Array.from({ length: longest }, (_, i) => lists.map((list) => list[i] ?? null)),
    });
  }
  return { name: text.migrationSheet, blocks, columnWidths: [22, 12, 12, 12, 12, 12, 12], charts: [], heatMaps };
}
