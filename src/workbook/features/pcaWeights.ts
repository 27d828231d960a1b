// Weights from principal components into the weight table (issue 16 §4, beside AHP and entropy): the
// grading run computes engine/pca.ts's weights from the customers' indicator values, grades with them,
// writes them into the weight table's Weight column and shows eigenvalues, variance explained and
// loadings on an owned "Factor loadings" / "因子载荷" sheet.
//
// Whose cells are the Weight cells? The weight table is the analyst's, so the Weight cells are not
// owned like an output column: the run fills a cell only when it is empty, or still holds the number the
// add-in wrote there on an earlier run (recorded in the state, OwnedState.weightCells), or when the
// option explicitly asks to replace the analyst's weights (`replace`, `--weights-from pca:replace`).
// Any other filled cell is a problem naming it, and nothing is written. The cells are never cleared:
// a later run without the option leaves the numbers as the analyst's weights. In Excel the write is a
// plain Range.values of each cell, made undo-safe the way every write of the Office.js executor is: the
// cells' formulas are read first and a cancelled or failed run writes them back (excel/executePlan.ts
// fillCells). Excel's own Ctrl+Z is not relied on: a run also writes the state's Custom XML part, and
// APIs without undo support clear Excel's undo stack (learn.microsoft.com, "Undo support for Excel add-ins").
//
// With dimension rows (a two-level table) a dimension's Weight cell gets the sum of its indicators'
// PCA weights and each indicator's cell its share within the dimension, so that the global weights the
// engine multiplies out are the PCA weights again.

import { pcaWeights } from "../../engine/pca";
import type { PcaWeights } from "../../engine/pca";
import type { WeightTable } from "../../engine/types";
import { cellAddress, parseCellAddress } from "../reading/address";
import { cellText, isBlank } from "../reading/cells";
import { findRole, headerKey } from "../reading/headers";
import { outputText } from "../planning/outputText";
import { textOf } from "../../text";
import { engineReason, problem } from "../reading/problems";
import type { WeightsFromSetting } from "../settings";
import type { Block, CellOut, CellValue, CustomerData, Lang, OutputSheet, OwnedState, Problem, WritePlan } from "../types";
import { HEADER_LOOK, TITLE_LOOK } from "../planning/styles";

/** The owned sheet of eigenvalues, variance explained and loadings, per language. */
export const PCA_SHEETS: Record<Lang, string> = { "en-US": textOf("en-US").output.pcaSheet.name, "zh-CN": textOf("zh-CN").output.pcaSheet.name };

/** A Weight cell the run may fill: an indicator's (its row in the table) or a dimension's. */
interface WeightCell {
  row: number;
  column: number;
  /** The indicator's or dimension's name as written. */
  name: string;
  kind: "indicator" | "dimension";
}

/** What preparePcaWeights found before the weight table is parsed. */
export interface PcaPreparation {
  /** The weight block with every writable Weight cell set to 1, so the parser accepts blank ones. */
  block: Block;
  /** The Weight cells to fill, in table order. */
  cells: WeightCell[];
  /** Filled cells the option may not overwrite. */
  problems: Problem[];
}

/** The PCA weights found for a run, with what the plan writes. */
export interface PcaRun {
  sheet: string;
  pca: PcaWeights;
  /** Customers whose every indicator was filled: the rows the correlation matrix was computed from. */
  customersUsed: number;
  /** Indicator names and dimensions, in weight-table order. */
  indicators: { name: string; dimension?: string }[];
  /** The cells and the numbers written into them. */
  writes: { row: number; column: number; value: number }[];
}

/** True when every cell of a row is blank (as the weight-table parser skips rows). */
function rowIsBlank(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((cell) => isBlank(cell));
}

/**
 * The Weight cells a PCA run fills, and a copy of the weight block the parser accepts with them blank.
 * A cell may be written when it is blank, still holds what the add-in recorded writing there, or the
 * option says replace; otherwise a `pca-weight-filled` problem names it. Dimension rows (a Dimension and
 * no Indicator) are filled too when the table has them. Never throws.
 *
 * @example
 * // Weights!A1:B3 = [["Indicator","Weight"], ["Sales",null], ["Complaints",0.4]]
 * preparePcaWeights(block, { method: "pca", replace: false }, undefined).problems[0].cell // "B3"
 */
export function preparePcaWeights(block: Block, option: WeightsFromSetting, previous: OwnedState | undefined): PcaPreparation {
  const { sheet, box, values } = block;
  const headerIndex = values.findIndex((row) => !rowIsBlank(row));
  const none: PcaPreparation = { block, cells: [], problems: [] };
  if (headerIndex < 0) return none;
  const headers = values[headerIndex].map(cellText);
  const col = { indicator: findRole(headers, "indicator"), weight: findRole(headers, "weight"), dimension: findRole(headers, "dimension") };
  // The parser reports the missing header; there is nothing to fill.
  if (col.indicator < 0 || col.weight < 0) return none;
  const recorded = new Map<string, number>();
  if (previous?.weightCells && headerKey(previous.weightCells.sheet) === headerKey(sheet)) {
    for (const cell of previous.weightCells.cells) recorded.set(cell.address, cell.value);
  }
  const copy = values.map((row) => row.slice());
  const cells: WeightCell[] = [];
  const problems: Problem[] = [];
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (rowIsBlank(row)) continue;
    const name = cellText(row[col.indicator]);
    const dimension = col.dimension < 0 ? "" : cellText(row[col.dimension]);
    if (name === "" && dimension === "") continue;
    const at = { row: box.top + r, column: box.left + col.weight };
    const address = cellAddress(at.row, at.column);
    const current = row[col.weight];
    const ours = typeof current === "number" && recorded.get(address) === current;
    if (!isBlank(current) && !ours && !option.replace) {
      problems.push(problem("pca-weight-filled", sheet, address, { name: name || dimension, value: cellText(current) }));
      continue;
    }
    cells.push({ ...at, name: name || dimension, kind: name === "" ? "dimension" : "indicator" });
    while (copy[r].length <= col.weight) copy[r].push(null);
    copy[r][col.weight] = 1;
  }
  return { block: { ...block, values: copy }, cells, problems };
}

/**
 * Computes the PCA weights from the customers whose indicators are all filled, puts them into
 * `weightTable` (in place: the run grades with them) and returns what the plan writes. Indicators
 * are matched to their Weight cells by row (`indicatorCells`, the parser's addresses of the indicator
 * names). Returns a problem instead when the components cannot be found (fewer than two complete
 * customers, every indicator constant).
 *
 * @example
 * // Sales and Complaints of four customers r = 0.8 → one component, weights [0.5, 0.5] in the table
 */
export function applyPcaWeights(
  prepared: PcaPreparation,
  weightTable: WeightTable,
  indicatorCells: string[],
  customers: Pick<CustomerData, "indicatorValues" | "ids" | "block">,
  lang: Lang,
): PcaRun | Problem {
  const columns = customers.indicatorValues;
  const rows: number[][] = [];
  for (let i = 0; i < customers.ids.length; i++) {
    const row = columns.map((column) => column[i]);
    if (row.every((x) => Number.isFinite(x))) rows.push(row);
  }
  let pca: PcaWeights;
  try {
    pca = pcaWeights(rows);
  } catch (error) {
    return problem("pca-weights-failed", customers.block.sheet, "", { reason: engineReason(error), count: rows.length });
  }
  const w = pca.weights;
  const indicators = weightTable.indicators;
  const dimensionWeight = new Map<string, number>();
  if (weightTable.dimensions.length > 0) {
    for (const dimension of weightTable.dimensions) dimensionWeight.set(headerKey(dimension.name), 0);
    indicators.forEach((indicator, j) => {
      const key = headerKey(indicator.dimension ?? "");
      dimensionWeight.set(key, (dimensionWeight.get(key) ?? 0) + w[j]);
    });
    for (const dimension of weightTable.dimensions) dimension.weight = dimensionWeight.get(headerKey(dimension.name)) ?? 0;
    indicators.forEach((indicator, j) => {
      const key = headerKey(indicator.dimension ?? "");
      const total = dimensionWeight.get(key) ?? 0;
      // A dimension of constant indicators weighs 0; its indicators share it equally (global weight 0).
      const count = indicators.filter((other) => headerKey(other.dimension ?? "") === key).length;
      indicator.weight = total > 0 ? w[j] / total : 1 / count;
    });
  } else {
    indicators.forEach((indicator, j) => {
      indicator.weight = w[j];
    });
  }
  const byRow = new Map<number, number>();
  indicatorCells.forEach((address, j) => byRow.set(parseCellAddress(address).row, j));
  const writes: PcaRun["writes"] = [];
  for (const cell of prepared.cells) {
    if (cell.kind === "indicator") {
      const j = byRow.get(cell.row);
      if (j !== undefined) writes.push({ row: cell.row, column: cell.column, value: indicators[j].weight });
    } else if (dimensionWeight.has(headerKey(cell.name))) {
      writes.push({ row: cell.row, column: cell.column, value: dimensionWeight.get(headerKey(cell.name))! });
    }
  }
  return {
    sheet: PCA_SHEETS[lang],
    pca,
    customersUsed: rows.length,
    indicators: indicators.map((indicator) => ({ name: indicator.name, dimension: indicator.dimension })),
    writes,
  };
}

/** The Factor loadings sheet's words, from the text catalogue. */
const wordsOf = (lang: Lang) => textOf(lang).output.pcaSheet;

/**
 * The "Factor loadings" / "因子载荷" sheet: how many customers were used, the eigenvalues with the
 * variance each explains (and cumulatively), then per indicator its loadings on the kept components
 * (e_jk · √λ_k) and its resulting global weight.
 *
 * @example factorLoadingsSheet(run, "Weights", "en-US").name // "Factor loadings"
 */
export function factorLoadingsSheet(run: PcaRun, weightsSheet: string, lang: Lang): OutputSheet {
  const words = wordsOf(lang);
  const { pca } = run;
  let cumulative = 0;
  const componentRows: CellOut[][] = pca.eigenvalues.map((value, k) => {
    cumulative += pca.explained[k];
    return [words.component(k + 1), value, pca.explained[k], cumulative, k < pca.kept ? words.yes : null];
  });
  const loadingHeaders = Array.from({ length: pca.kept }, (_, k) => words.loading(k + 1));
  const indicatorRows: CellOut[][] = run.indicators.map((indicator, j) => [
    indicator.dimension ?? null,
    indicator.name,
    ...pca.loadings[j],
    pca.weights[j],
  ]);
  const top = 6;
  const second = top + 2 + componentRows.length + 1;
  return {
    name: run.sheet,
    blocks: [
      { top: 0, left: 0, values: [[words.title]], look: TITLE_LOOK },
      { top: 1, left: 0, values: [[words.method]] },
      {
        top: 2,
        left: 0,
        values: [
          [words.customers, run.customersUsed],
          [words.kept, pca.kept],
          [words.weightsAt, weightsSheet],
        ],
        numberFormats: [null, "0"],
      },
      { top, left: 0, values: [[...words.components]], look: HEADER_LOOK },
      { top: top + 1, left: 0, values: componentRows, numberFormats: ["@", "0.0000", "0.00%", "0.00%", "@"] },
      { top: second, left: 0, values: [[...words.indicators, ...loadingHeaders, words.weight]], look: HEADER_LOOK },
      {
        top: second + 1,
        left: 0,
        values: indicatorRows,
        numberFormats: ["@", "@", ...loadingHeaders.map(() => "0.0000"), "0.0000"],
      },
    ],
    columnWidths: [34, 22, ...loadingHeaders.map(() => 14), 12],
    charts: [],
  };
}

/**
 * Adds a PCA run to a grading plan: the Weight cells to fill (recorded in the state), and the owned
 * Factor loadings sheet, replacing an earlier one in either language. Without a run (the option off)
 * an earlier Factor loadings sheet goes, as the watch list does when risk is turned off: the weights
 * it explained are the analyst's now, to change as they like.
 */
export function planPcaWeights(plan: WritePlan, run: PcaRun | undefined, weightsSheet: string, previous: OwnedState | undefined, lang: Lang): void {
  const names = new Set(Object.values(PCA_SHEETS).map(headerKey));
  plan.state.sheets = plan.state.sheets.filter((name) => !names.has(headerKey(name)));
  const earlier = (previous?.sheets ?? []).filter((name) => names.has(headerKey(name)));
  if (plan.previous && earlier.length > 0) {
    plan.previous = { ...plan.previous, sheets: [...plan.previous.sheets.filter((name) => !names.has(headerKey(name))), ...earlier] };
  }
  if (!run) return;
  plan.sheets.push(factorLoadingsSheet(run, weightsSheet, lang));
  plan.state.sheets.push(run.sheet);
  plan.fills = [...(plan.fills ?? []), { sheet: weightsSheet, cells: run.writes }];
  // The summary's "Weight table" row (and its record in the state) says where the weights came from.
  const text = outputText(lang);
  const note = (value: unknown) => `${String(value)} · ${wordsOf(lang).fromPca(run.sheet)}`;
  const summary = plan.sheets.find((sheet) => sheet.name === text.summarySheet);
  for (const block of summary?.blocks ?? []) {
    for (const row of block.values) if (row[0] === text.weightsTable && typeof row[1] === "string") row[1] = note(row[1]);
  }
  for (const entry of plan.state.grading?.settings ?? []) if (entry.key === "weightsTable") entry.value = note(entry.value);
  plan.state.weightCells = { sheet: weightsSheet, cells: run.writes.map((cell) => ({ address: cellAddress(cell.row, cell.column), value: cell.value })) };
}
