// Live formulas: the method written as native Excel formulas, so that a reader without the add-in can
// change a weight or a sales figure and see the tiers follow. Each formula repeats the engine's
// arithmetic in the engine's order (src/engine/points.ts, score.ts, tiers.ts), so a spreadsheet that
// recalculates gives the engine's scores (to rounding) and exactly its tiers.
//
// Formulas are written in Excel's English form without `_xlfn.` prefixes; the .xlsx executor adds the
// prefixes its file format needs.

import { cumulativeShares } from "../../engine/tiers";
import type { Indicator, TierScheme, WeightTable } from "../../engine/types";
import { absoluteAddress, cellAddress, columnName, parseCellAddress, quoteSheet } from "../reading/address";
import { headerKey } from "../reading/headers";
import type { WeightCells } from "../reading/weightTable";
import type { CellOut } from "../types";

/** Absolute A1 reference to one cell, "$C$5"; with a sheet, "'Tier summary'!$C$5". */
export function absolute(row: number, column: number, sheet?: string): string {
  return absoluteAddress({ top: row, left: column, rows: 1, columns: 1 }, sheet);
}

/** Absolute reference to a run of rows in one column, "$C$2:$C$201". */
export function columnRange(column: number, firstRow: number, lastRow: number, sheet?: string): string {
  const letters = columnName(column);
  const ref = `$${letters}$${firstRow + 1}:$${letters}$${lastRow + 1}`;
  return sheet === undefined ? ref : `${quoteSheet(sheet)}!${ref}`;
}

/** Where the per-indicator statistics live (cells on the summary sheet), as references. */
export interface IndicatorRefs {
  weight: string;
  min: string;
  max: string;
  /** The indicator's data column on the customer sheet, "$C$2:$C$201". */
  range: string;
  /** The indicator's column letter, for the row-relative cell ("C" -> C2). */
  column: string;
}

/** A number as formula text: the shortest text that reads back as the same double. */
export function numberText(x: number): string {
  return String(x);
}

/** The 0..100 points of one indicator at a row, as engine points.ts computes them. */
export function pointsFormula(indicator: Indicator, refs: IndicatorRefs, row: number): string {
  const x = `${refs.column}${row + 1}`;
  const { min, max } = refs;
  const higher = indicator.direction === "higher";
  switch (indicator.scoring) {
    case "minmax":
      return higher
        ? `IF(${max}>${min},((${x}-${min})/(${max}-${min}))*100,100)`
        : `IF(${max}>${min},((${max}-${x})/(${max}-${min}))*100,100)`;
    case "percentile": {
      // SUMPRODUCT compares numbers as numbers; COUNTIF("<"&x) would compare 15-digit text.
      const better = higher
        ? `SUMPRODUCT((${refs.range}<${x})*ISNUMBER(${refs.range}))`
        : `SUMPRODUCT((${refs.range}>${x})*ISNUMBER(${refs.range}))`;
      return `IF(${max}>${min},(${better}/(COUNT(${refs.range})-1))*100,100)`;
    }
    case "bands": {
      const bands = indicator.bands ?? [];
      let formula = "0";
      if (higher) {
        for (const band of bands) formula = `IF(${x}>=${numberText(band.threshold)},${numberText(band.points)},${formula})`;
      } else {
        for (let k = bands.length - 1; k >= 0; k--) {
          formula = `IF(${x}<=${numberText(bands[k].threshold)},${numberText(bands[k].points)},${formula})`;
        }
      }
      return formula;
    }
    case "raw":
      return higher ? x : `100-${x}`;
  }
}

/**
 * A customer's score at a row: Σ weight × points in indicator order, blank ("") when the customer is
 * left out (policy "exclude" and a blank indicator); under policy "zero" a blank scores 0 points.
 */
export function scoreFormula(indicators: Indicator[], refs: IndicatorRefs[], row: number, missing: "exclude" | "zero"): string {
  const cells = refs.map((ref) => `${ref.column}${row + 1}`);
  const terms = indicators.map((indicator, j) => {
    const points = pointsFormula(indicator, refs[j], row);
    return missing === "zero"
      ? `${refs[j].weight}*IF(ISNUMBER(${cells[j]}),${points},0)`
      : `${refs[j].weight}*(${points})`;
  });
  const sum = terms.join("+");
  return missing === "zero" ? sum : `IF(COUNT(${cells.join(",")})<${cells.length},"",${sum})`;
}

/** RANK.EQ among the graded customers ("" cells are not numbers, so RANK.EQ and COUNT skip them). */
export function rankFormula(scoreCell: string, scores: string): string {
  return `IF(${scoreCell}="","",RANK.EQ(${scoreCell},${scores}))`;
}

export interface TierRefs {
  scoreCell: string;
  scores: string;
  /** For pareto: this customer's value cell and the value column. */
  valueCell?: string;
  values?: string;
  /** For rules: the row's cell of each column a rule names, by header. */
  ruleCells?: Record<string, string>;
  /**
   * Cells that already hold RANK.EQ of this row, COUNT of the scores and (pareto) the graded total of
   * the values: with them each row's formula reads a cell instead of scanning the column again, which
   * keeps a large sheet's recalculation from growing with the square of its rows.
   */
  rankCell?: string;
  countCell?: string;
  valueTotalCell?: string;
}

/** The tier label by the scheme, as engine tiers.ts decides it; "" for a customer left out. */
export function tierFormula(scheme: TierScheme, labels: string[], refs: TierRefs): string {
  const text = (label: string) => `"${label.replace(/"/g, '""')}"`;
  const s = refs.scoreCell;
  let chain: string;
  switch (scheme.kind) {
    case "shares": {
      // The engine's own cuts (rounded running sums), so 0.1 + 0.2 is written as 0.3, as it decides.
      const cuts = cumulativeShares(scheme.shares).slice(0, -1);
      chain = text(labels[labels.length - 1]);
      for (let i = cuts.length - 1; i >= 0; i--) {
        const rank = refs.rankCell ?? `RANK.EQ(${s},${refs.scores})`;
        const count = refs.countCell ?? `COUNT(${refs.scores})`;
        chain = `IF(${rank}<=${numberText(cuts[i])}*${count},${text(labels[i])},${chain})`;
      }
      break;
    }
    case "pareto": {
      const v = refs.valueCell as string;
      const values = refs.values as string;
      // Only graded customers count: their score cell holds a number (">=0"); left-out ones hold "".
      const total = refs.valueTotalCell ?? `SUMIFS(${values},${refs.scores},">=0")`;
      const above = `SUMIFS(${values},${values},">"&${v},${refs.scores},">=0")/${total}`;
      chain = text(labels[labels.length - 1]);
      for (let i = scheme.cutoffs.length - 1; i >= 0; i--) {
        chain = `IF(${above}<${numberText(scheme.cutoffs[i])},${text(labels[i])},${chain})`;
      }
      return `IF(OR(${s}="",${v}=""),"",${chain})`;
    }
    case "cutoffs": {
      chain = text(labels[labels.length - 1]);
      for (let i = scheme.cutoffs.length - 1; i >= 0; i--) {
        chain = `IF(${s}>=${numberText(scheme.cutoffs[i])},${text(labels[i])},${chain})`;
      }
      break;
    }
    case "rules": {
      chain = text(scheme.otherwise);
      for (let i = scheme.rules.length - 1; i >= 0; i--) {
        const rule = scheme.rules[i];
        const conditions = rule.conditions.map((c) => {
          const cell = refs.ruleCells?.[c.column] as string;
          // A blank is no number: every condition on it is false, as in the engine.
          return `ISNUMBER(${cell}),${cell}${c.op}${numberText(c.value)}`;
        });
        chain = `IF(AND(${conditions.join(",")}),${text(rule.label)},${chain})`;
      }
      break;
    }
  }
  return `IF(${s}="","",${chain})`;
}

/** Where the customer-side columns of a run are, for formulas that refer to them. */
export interface LiveLayout {
  customerSheet: string;
  firstRow: number;
  lastRow: number;
  /** Sheet column of each indicator, in weight-table order. */
  indicatorColumns: number[];
  valueColumn?: number;
  scoreColumn: number;
  rankColumn: number;
  tierColumn: number;
  /** Sheet column of every user header, by headerKey, for rules. */
  columnsByKey: Map<string, number>;
}

/** Where the summary keeps what the live output formulas read: each indicator's weight, min and max, the count and value total. */
export interface SummaryRefs {
  weightRefs: (j: number) => { weight: string; min: string; max: string };
  countCell?: string;
  valueTotalCell?: string;
}

/**
 * The Score, Rank and Tier columns as live formulas, one per customer row (null on rows without a
 * customer): each row's score from the summary's weights, min and max, its rank among the scores, its
 * tier by the scheme (reading the summary's count and value total once, not scanning the column again).
 */
export function liveOutputColumns(
  layout: LiveLayout,
  rows: number[],
  rowCount: number,
  indicators: Indicator[],
  scheme: TierScheme,
  labels: string[],
  missing: "exclude" | "zero",
  summary: SummaryRefs,
): { score: CellOut[]; rank: CellOut[]; tier: CellOut[] } {
  const score: CellOut[] = new Array(rowCount).fill(null);
  const rank: CellOut[] = new Array(rowCount).fill(null);
  const tier: CellOut[] = new Array(rowCount).fill(null);
  const { firstRow, lastRow, scoreColumn, columnsByKey } = layout;
  const refs: IndicatorRefs[] = indicators.map((_, j) => ({
    ...summary.weightRefs(j),
    range: columnRange(layout.indicatorColumns[j], firstRow, lastRow),
    column: columnName(layout.indicatorColumns[j]),
  }));
  const scores = columnRange(scoreColumn, firstRow, lastRow);
  const values = layout.valueColumn === undefined ? undefined : columnRange(layout.valueColumn, firstRow, lastRow);
  for (const row of rows) {
    const at = row - firstRow;
    const scoreCell = cellAddress(row, scoreColumn);
    score[at] = { formula: scoreFormula(indicators, refs, row, missing) };
    rank[at] = { formula: rankFormula(scoreCell, scores) };
    const ruleCells: Record<string, string> = {};
    if (scheme.kind === "rules") {
      for (const rule of scheme.rules) {
        for (const condition of rule.conditions) {
          const column = columnsByKey.get(headerKey(condition.column));
          if (column !== undefined) ruleCells[condition.column] = cellAddress(row, column);
        }
      }
    }
    tier[at] = {
      formula: tierFormula(scheme, labels, {
        scoreCell,
        scores,
        rankCell: cellAddress(row, layout.rankColumn),
        countCell: summary.countCell,
        valueTotalCell: summary.valueTotalCell,
        valueCell: layout.valueColumn === undefined ? undefined : cellAddress(row, layout.valueColumn),
        values,
        ruleCells,
      }),
    };
  }
  return { score, rank, tier };
}

/** The tier table's rows as formulas over the tier column, so counts, values and charts follow edits. */
export function liveTierTable(rows: CellOut[][], firstRow: number, layout: LiveLayout): void {
  const tiers = columnRange(layout.tierColumn, layout.firstRow, layout.lastRow, layout.customerSheet);
  const values = columnRange(layout.valueColumn ?? layout.scoreColumn, layout.firstRow, layout.lastRow, layout.customerSheet);
  const count = rows.length - 1;
  const at = (column: number, row: number) => cellAddress(row, column);
  const span = (column: number) => `$${columnName(column)}$${firstRow + 1}:$${columnName(column)}$${firstRow + count}`;
  for (let i = 0; i < count; i++) {
    const row = firstRow + i;
    const label = at(0, row);
    rows[i][1] = { formula: `COUNTIF(${tiers},${label})` };
    rows[i][2] = { formula: `IF(SUM(${span(1)})=0,0,${at(1, row)}/SUM(${span(1)}))` };
    rows[i][3] = { formula: `SUMIF(${tiers},${label},${values})` };
    rows[i][4] = { formula: `IF(SUM(${span(3)})=0,0,${at(3, row)}/SUM(${span(3)}))` };
    rows[i][5] = { formula: `(MAX(${span(1)})-${at(1, row)})/2` };
    rows[i][6] = { formula: `(MAX(${span(3)})-MAX(${at(3, row)},0))/2` };
    rows[i][7] = { formula: `TEXT(${at(1, row)},"#,##0")&" · "&TEXT(${at(2, row)},"0.0%")` };
    rows[i][8] = { formula: `TEXT(${at(3, row)},"#,##0")&" · "&TEXT(${at(4, row)},"0.0%")` };
  }
  const total = rows[count];
  total[1] = { formula: `SUM(${span(1)})` };
  total[3] = { formula: `SUM(${span(3)})` };
}

/**
 * Each indicator's global weight as a formula over the weight table's own cells, the engine's rule
 * (src/engine/weights.ts) written out: weight / Σ weights of its dimension × dimension weight / Σ
 * dimension weights. The cells are the parser's (weightTable.ts matched the rows), never found again
 * here. Undefined when the parser gave none.
 */
export function globalWeightFormulas(weightTable: WeightTable, cells: WeightCells | undefined): string[] | undefined {
  const { indicators, dimensions } = weightTable;
  if (!cells || cells.indicators.length !== indicators.length || cells.dimensions.length !== dimensions.length) return undefined;
  const anchored = (a1: string) => {
    const { row, column } = parseCellAddress(a1);
    return absolute(row, column, cells.sheet);
  };
  const own = cells.indicators.map(anchored);
  if (dimensions.length === 0) {
    const all = own.join(",");
    return own.map((cell) => `${cell}/SUM(${all})`);
  }
  const dimensionCell = new Map(dimensions.map((d, k) => [d.name, anchored(cells.dimensions[k])]));
  const allDimensions = [...dimensionCell.values()].join(",");
  return indicators.map((indicator, j) => {
    const siblings = own.filter((_, k) => indicators[k].dimension === indicator.dimension).join(",");
    return `(${dimensionCell.get(indicator.dimension as string)}/SUM(${allDimensions}))*(${own[j]}/SUM(${siblings}))`;
  });
}
