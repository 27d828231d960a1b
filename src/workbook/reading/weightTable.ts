// The weight table (docs/DESIGN.md §4) read from a block of cells: indicators with their weight,
// direction, scoring rule, bands and customer column, optionally grouped in weighted dimensions.
// Every problem is collected in one pass, each at its cell.

import type { Band, Dimension, Direction, Indicator, ScoringRule, WeightTable } from "../../engine/types";
import { boxAddress, cellAddress } from "./address";
import { cellText, isBlank, isErrorValue, readNumber } from "./cells";
import { directionOf, findRole, HEADER_ALIASES, headerKey, scoringOf } from "./headers";
import { problem } from "./problems";
import type { Block, CellValue, Problem } from "../types";

/** Why a Bands cell could not be read; the problem catalogue words each reason. */
export type BandsFault = "pair" | "points" | "duplicate" | "empty";

/**
 * The bands a cell's text describes, sorted by threshold ascending, or the reason it cannot be read.
 * Pairs are threshold:points separated by ";", "；", "，" or line breaks; ":" may be full-width;
 * numbers may carry thousands separators and currency signs ("¥100,000:60"). A plain "," also
 * separates pairs where it cannot belong to a number ("0:20, 100000:60"). Points lie in 0..100.
 * Never throws.
 *
 * @example
 * parseBands("0:20; 100,000:60; 1000000:100")
 * // [{ threshold: 0, points: 20 }, { threshold: 100000, points: 60 }, { threshold: 1000000, points: 100 }]
 * parseBands("0-20") // { fault: "pair" }
 */
export function parseBands(text: string): Band[] | { fault: BandsFault } {
  // Split on the full-width comma before NFKC turns it into a thousands separator.
  const parts = text
    .split(/[;；，\r\n]+/)
    .map((part) => part.normalize("NFKC").trim())
    .filter((part) => part !== "");
  if (parts.length === 0) return { fault: "empty" };
  const pairs: string[] = [];
  for (const part of parts) {
    const split = splitPairs(part);
    if (!split) return { fault: "pair" };
    pairs.push(...split);
  }
  const bands: Band[] = [];
  const seen = new Set<number>();
  for (const pair of pairs) {
    const [left, right] = pair.split(":");
    const threshold = readNumber(left);
    const points = readNumber(right);
    if (typeof threshold !== "number" || typeof points !== "number") return { fault: "pair" };
    if (points < 0 || points > 100) return { fault: "points" };
    if (seen.has(threshold)) return { fault: "duplicate" };
    seen.add(threshold);
    bands.push({ threshold, points });
  }
  return bands.sort((a, b) => a.threshold - b.threshold);
}

/**
 * "0:20, 100000:60" -> ["0:20", "100000:60"]. Between two colons one "," must end the points of a
 * pair; points are at most 100, so it is the first comma ("20, 1,000,000").
 */
function splitPairs(part: string): string[] | undefined {
  const pieces = part.split(":");
  if (pieces.length < 2) return undefined;
  if (pieces.length === 2) return [part];
  const pairs: string[] = [];
  let threshold = pieces[0];
  for (let i = 1; i < pieces.length - 1; i++) {
    const gap = pieces[i];
    const at = gap.indexOf(",");
    if (at < 0) return undefined;
    pairs.push(`${threshold}:${gap.slice(0, at)}`);
    threshold = gap.slice(at + 1);
  }
  pairs.push(`${threshold}:${pieces[pieces.length - 1]}`);
  return pairs;
}

export interface ParsedWeightTable {
  /** Present when no problem is an error. */
  weightTable?: WeightTable;
  problems: Problem[];
  /** A1 address of each indicator's name cell, in the order of `weightTable.indicators`. */
  indicatorCells: string[];
  /** Where the weights are, with `weightTable`: live formulas refer to these cells. */
  weightCells?: WeightCells;
}

/** The weight cells of a parsed weight table, as the parser matched rows to indicators and dimensions. */
export interface WeightCells {
  sheet: string;
  /** Each indicator's Weight cell (A1), in the order of `weightTable.indicators`. */
  indicators: string[];
  /** Each weighed dimension's Weight cell (A1), in the order of `weightTable.dimensions`. */
  dimensions: string[];
}

/** An indicator row as read, before the dimension rows are known. */
interface IndicatorRow {
  indicator: Indicator;
  row: number;
  /** The dimension as written in this row, or carried down from a row above (merged cells). */
  dimension?: string;
  weightValid: boolean;
}

/** A row with a dimension and no indicator: a dimension's weight, or a mere group label. */
interface DimensionRow {
  name: string;
  row: number;
  weight: CellValue | undefined;
}

/**
 * The weight table a block holds. The header row is the block's first non-blank row; Indicator and
 * Weight columns are required; Dimension, Direction (default higher), Scoring (default minmax, or
 * bands when only Bands is filled), Bands and Column (default: the indicator's name) are optional.
 * Rows with a Dimension and a Weight but no Indicator weigh dimensions; then each indicator's weight
 * counts within its dimension, and a blank Dimension cell takes the dimension of the row above (as
 * merged cells read). Without such rows the Dimension column is a label and indicators are weighed
 * among all. Blank rows are skipped; weights may be "40%". Never throws: every problem is returned,
 * and `weightTable` only when none is an error.
 *
 * @example
 * // Weights!A1:C3 = [["Indicator","Weight","Direction"], ["Sales","60%",null], ["Complaints",0.4,"lower"]]
 * parseWeightTable(block).weightTable?.indicators.map((i) => [i.name, i.weight, i.direction])
 * // [["Sales", 0.6, "higher"], ["Complaints", 0.4, "lower"]]
 */
export function parseWeightTable(block: Block): ParsedWeightTable {
  const { sheet, box, values } = block;
  const problems: Problem[] = [];
  // A column the table lacks has no cell; only reachable with an empty cell text, so never shown.
  const at = (r: number, c: number) => (c < 0 ? "" : cellAddress(box.top + r, box.left + c));

  const headerIndex = values.findIndex((row) => !rowIsBlank(row));
  if (headerIndex < 0) {
    return { problems: [problem("table-empty", sheet, boxAddress(box), { role: "weights" })], indicatorCells: [] };
  }
  const headers = values[headerIndex].map(cellText);
  const headerRange = boxAddress({ top: box.top + headerIndex, left: box.left, rows: 1, columns: Math.max(1, headers.length) });
  const col = {
    dimension: findRole(headers, "dimension"),
    indicator: findRole(headers, "indicator"),
    weight: findRole(headers, "weight"),
    direction: findRole(headers, "direction"),
    scoring: findRole(headers, "scoring"),
    bands: findRole(headers, "bands"),
    column: findRole(headers, "column"),
  };
  if (col.indicator < 0) problems.push(problem("missing-header", sheet, headerRange, { headers: HEADER_ALIASES.indicator }));
  if (col.weight < 0) problems.push(problem("missing-header", sheet, headerRange, { headers: HEADER_ALIASES.weight }));
  if (problems.length > 0) return { problems, indicatorCells: [] };

  const text = (row: CellValue[], c: number) => (c < 0 ? "" : cellText(row[c]));
  const indicatorRows: IndicatorRow[] = [];
  const dimensionRows: DimensionRow[] = [];
  const firstIndicatorAt = new Map<string, string>();
  let carriedDimension: string | undefined;

  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (rowIsBlank(row)) continue;
    const name = text(row, col.indicator);
    const dimensionText = text(row, col.dimension);
    if (dimensionText !== "") carriedDimension = dimensionText;

    if (name === "") {
      if (dimensionText !== "") dimensionRows.push({ name: dimensionText, row: r, weight: row[col.weight] });
      else problems.push(problem("missing-indicator", sheet, at(r, col.indicator)));
      continue;
    }

    const weight = readWeight(row[col.weight], name, sheet, at(r, col.weight), headers[col.weight], problems);
    const direction = readDirection(text(row, col.direction), sheet, at(r, col.direction), problems);
    const bandsText = text(row, col.bands);
    const scoringText = text(row, col.scoring);
    let scoring: ScoringRule | undefined = scoringText === "" ? (bandsText !== "" ? "bands" : "minmax") : scoringOf(scoringText);
    if (scoring === undefined) {
      problems.push(problem("unknown-scoring", sheet, at(r, col.scoring), { value: scoringText }));
      scoring = "minmax";
    }
    let bands: Band[] | undefined;
    if (scoring === "bands") {
      if (col.bands < 0) {
        problems.push(problem("bands-required", sheet, at(r, col.scoring), { indicator: name, noColumn: true }));
      } else if (bandsText === "") {
        problems.push(problem("bands-required", sheet, at(r, col.bands), { indicator: name }));
      } else {
        const parsed = parseBands(bandsText);
        if (Array.isArray(parsed)) bands = parsed;
        else problems.push(problem("malformed-bands", sheet, at(r, col.bands), { value: bandsText, reason: parsed.fault }));
      }
    } else if (bandsText !== "") {
      problems.push(problem("bands-ignored", sheet, at(r, col.bands), { indicator: name, scoring: scoringText }));
    }

    const key = headerKey(name);
    const first = firstIndicatorAt.get(key);
    if (first !== undefined) problems.push(problem("duplicate-indicator", sheet, at(r, col.indicator), { indicator: name, first }));
    else firstIndicatorAt.set(key, at(r, col.indicator));

    const indicator: Indicator = {
      name,
      weight: weight ?? 0,
      direction,
      scoring,
      column: text(row, col.column) || name,
    };
    if (bands) indicator.bands = bands;
    indicatorRows.push({ indicator, row: r, dimension: col.dimension < 0 ? undefined : carriedDimension, weightValid: weight !== undefined });
  }

  if (indicatorRows.length === 0) {
    problems.push(problem("table-empty", sheet, headerRange, { role: "weights" }));
    return { problems, indicatorCells: [] };
  }

  // Dimension rows with a weight make the table two-level; rows without one are then missing it.
  const weighsDimensions = dimensionRows.some((d) => !isBlank(d.weight));
  const dimensions: Dimension[] = [];
  const dimensionWeightCells: string[] = [];
  if (weighsDimensions) {
    const byKey = new Map<string, { dimension: Dimension; cell: string; valid: boolean; indicators: IndicatorRow[] }>();
    for (const d of dimensionRows) {
      const cell = at(d.row, col.dimension);
      const key = headerKey(d.name);
      const earlier = byKey.get(key);
      if (earlier) {
        problems.push(problem("duplicate-dimension", sheet, cell, { dimension: d.name, first: earlier.cell }));
        continue;
      }
      const weight = readWeight(d.weight, d.name, sheet, at(d.row, col.weight), headers[col.weight], problems);
      const dimension = { name: d.name, weight: weight ?? 0 };
      byKey.set(key, { dimension, cell: at(d.row, col.weight), valid: weight !== undefined, indicators: [] });
    }
    const known = dimensionRows.map((d) => d.name).filter((n, i, all) => all.indexOf(n) === i).join(", ");
    for (const entry of indicatorRows) {
      const cell = at(entry.row, col.dimension);
      if (entry.dimension === undefined) {
        problems.push(problem("missing-dimension", sheet, cell, { indicator: entry.indicator.name, known }));
        continue;
      }
      const found = byKey.get(headerKey(entry.dimension));
      if (!found) {
        problems.push(problem("unknown-dimension", sheet, cell, { dimension: entry.dimension, known }));
        continue;
      }
      entry.indicator.dimension = found.dimension.name;
      found.indicators.push(entry);
    }
    const used = [...byKey.values()].filter((entry) => {
      if (entry.indicators.length > 0) return true;
      problems.push(problem("empty-dimension", sheet, entry.cell, { dimension: entry.dimension.name }));
      return false;
    });
    dimensions.push(...used.map((entry) => entry.dimension));
    dimensionWeightCells.push(...used.map((entry) => entry.cell));
    if (used.length > 0 && used.every((entry) => entry.valid && entry.dimension.weight === 0)) {
      problems.push(problem("zero-weights", sheet, weightRange(), { dimension: "*" }));
    }
    for (const entry of used) {
      const all = entry.indicators;
      if (entry.dimension.weight > 0 && all.every((i) => i.weightValid && i.indicator.weight === 0)) {
        problems.push(problem("zero-weights", sheet, entry.cell, { dimension: entry.dimension.name }));
      }
    }
  } else if (indicatorRows.every((i) => i.weightValid && i.indicator.weight === 0)) {
    problems.push(problem("zero-weights", sheet, weightRange()));
  }

  // Weights are summed to be normalised: a group whose sum overflows (1e308 + 1e308) would weigh NaN.
  const groups = new Map<string, { weight: number; cell: string }[]>();
  for (const entry of indicatorRows) {
    const key = weighsDimensions ? headerKey(entry.indicator.dimension ?? "") : "";
    const group = groups.get(key) ?? [];
    group.push({ weight: entry.indicator.weight, cell: at(entry.row, col.weight) });
    groups.set(key, group);
  }
  if (weighsDimensions) {
    groups.set(
      "\u0000dimensions",
      dimensionRows.map((d) => ({ weight: readNumber(d.weight) ?? 0, cell: at(d.row, col.weight) })),
    );
  }
  for (const group of groups.values()) {
    const overflow = overflowingWeights(group.map((g) => g.weight));
    for (const k of overflow) problems.push(problem("weights-overflow", sheet, group[k].cell, { value: group[k].weight }));
  }

  const indicatorCells = indicatorRows.map((entry) => at(entry.row, col.indicator));
  const ok = !problems.some((p) => p.severity === "error");
  const weightTable: WeightTable | undefined = ok ? { dimensions, indicators: indicatorRows.map((entry) => entry.indicator) } : undefined;
  if (!weightTable) return { problems, indicatorCells };
  const weightCells = { sheet, indicators: indicatorRows.map((entry) => at(entry.row, col.weight)), dimensions: dimensionWeightCells };
  return { weightTable, problems, indicatorCells, weightCells };

  /** The Weight column below the header: where "all weights are 0" points. */
  function weightRange(): string {
    return boxAddress({ top: box.top + headerIndex + 1, left: box.left + col.weight, rows: Math.max(1, values.length - headerIndex - 1), columns: 1 });
  }
}

/**
 * The positions of the weights that make a group's sum overflow: none when the sum is finite, else
 * each weight above MAX_VALUE / (2n) (at least one is).
 *
 * @example
 * overflowingWeights([1e308, 1e308, 0.4]) // [0, 1]
 * overflowingWeights([0.6, 0.4])           // []
 */
export function overflowingWeights(weights: number[]): number[] {
  const sum = weights.reduce((total, w) => total + (w === w ? Math.abs(w) : 0), 0);
  if (Number.isFinite(sum)) return [];
  const limit = Number.MAX_VALUE / (2 * weights.length);
  return weights.flatMap((w, k) => (Math.abs(w) > limit ? [k] : []));
}

/** True when every cell of a row is blank (rows may be shorter than the block: ragged reads). */
function rowIsBlank(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return false;
  return true;
}

/** A weight (indicator or dimension): a number >= 0, "40%" allowed; undefined after a problem. */
function readWeight(
  v: CellValue | undefined,
  name: string,
  sheet: string,
  cell: string,
  header: string,
  problems: Problem[],
): number | undefined {
  const n = readNumber(v);
  if (n === null) {
    problems.push(problem("missing-weight", sheet, cell, { name }));
    return undefined;
  }
  if (n === undefined) {
    problems.push(
      isErrorValue(v)
        ? problem("not-a-number", sheet, cell, { error: v.error, column: header })
        : problem("not-a-number", sheet, cell, { value: cellText(v ?? null), column: header }),
    );
    return undefined;
  }
  if (n < 0) {
    problems.push(problem("negative-weight", sheet, cell, { value: n }));
    return undefined;
  }
  return n;
}

/** A Direction cell: blank is higher (docs/DESIGN.md §4); 1 and -1 may arrive as numbers. */
function readDirection(text: string, sheet: string, cell: string, problems: Problem[]): Direction {
  if (text === "") return "higher";
  const direction = directionOf(text);
  if (direction) return direction;
  problems.push(problem("unknown-direction", sheet, cell, { value: text }));
  return "higher";
}
