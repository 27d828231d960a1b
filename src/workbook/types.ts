// The workbook as tables: what the parser reads, what the planner writes, and the interface each
// backend (Office.js in workbook/executors/excel/, .xlsx files in workbook/executors/xlsx/) implements.
// Every row and column index here is 0-based and absolute on its sheet (A1 is row 0, column 0).

import type { WeightTable } from "../engine/types";
import type { Lang } from "../text";

/** The two languages (defined with the text catalogue in src/text). */
export type { Lang };

/** A message in both languages. */
export type Text = Record<Lang, string>;

/** A cell as read: Excel error values (#N/A, #DIV/0!) arrive as `{ error: "#N/A" }`. */
export type CellValue = number | string | boolean | null | { error: string };

/** A rectangle of cells on a sheet. */
export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Sheets (with their used range) and Excel tables (with their range, header row included). */
export interface WorkbookIndex {
  sheets: { name: string; used: Box | null }[];
  /** `box` is the table's header and data rows; a totals row (totalsRows of them) is left out of it. */
  tables: { name: string; sheet: string; box: Box; totalsRows?: number }[];
}

/** A table as read: `values[0]` is the header row, at `box.top` on `sheet`. */
export interface Block {
  sheet: string;
  /** The Excel table's name when the block is an Excel table. */
  table?: string;
  box: Box;
  values: CellValue[][];
}

/** A problem found in the workbook: where, and what to do, in both languages. */
export interface Problem {
  severity: "error" | "warning";
  code: string;
  sheet: string;
  /** A1 address of the cell (or a range such as "B2:B9"); "" when it concerns the whole sheet. */
  cell: string;
  message: Text;
}

/** The customer table after parsing: columns the engine reads, and where each customer lives. */
export interface CustomerData {
  ids: string[];
  names?: string[];
  owners?: string[];
  /** One per weight-table indicator, in the weight table's order; NaN = blank. */
  indicatorValues: Float64Array[];
  /** Every numeric column by its header as written, for rules and the value column; NaN = blank. */
  numericColumns: Record<string, Float64Array>;
  /** Sheet row of each customer (0-based, absolute). */
  rows: number[];
  block: Block;
  /** Headers of the block (user columns only: the add-in's own output columns are left out). */
  headers: string[];
}

/** What the add-in owns in a workbook, recorded in the workbook so that a re-run replaces exactly it. */
export interface OwnedState {
  version: 1;
  /** The customer sheet and the header row/column where the output columns start. */
  sheet: string;
  headerRow: number;
  firstColumn: number;
  /** Headers of the output columns, left to right. */
  headers: string[];
  /** Sheets the add-in created (summary, ...). */
  sheets: string[];
  /**
   * Recorded by the Excel executor (optional, older records lack them): the tier column (index into
   * `headers`), the number of data rows and the tier colours, so that a cancelled re-run can put the
   * earlier run's conditional formats back exactly.
   */
  tierColumn?: number;
  rowCount?: number;
  tierStyles?: TierStyle[];
  /**
   * The weight table's Weight cells the add-in filled (PCA weights, workbook/features/pcaWeights.ts) and the
   * numbers it wrote: a cell still holding its number is the add-in's to refill on the next run; one
   * the analyst changed is theirs again.
   */
  weightCells?: { sheet: string; cells: { address: string; value: number }[] };
  /**
   * How the workbook was graded (absent in records written before the Custom XML part, and in the
   * record of a copy): what share, split and migrate need, so nothing is read back from the summary
   * sheet's localized labels.
   */
  grading?: GradingState;
}

/** A value recorded in the state: what a cell showed, never a formula. */
export type RecordedValue = string | number | boolean | null;

/** The grading as the summary sheet shows it, recorded in the state. */
export interface GradingState {
  /** The language the summary was written in. */
  lang: Lang;
  /** The "How this workbook was graded" rows: a stable key (an OutputText field), the label as written, the value. */
  settings: { key: string; label: string; value: RecordedValue }[];
  /** The weights table, header row first (dimension, indicator, column, direction, scoring, global weight). */
  weights: RecordedValue[][];
  /** Tier labels, best first. */
  labels: string[];
  /** The value column's header as written; absent when the score served as the value. */
  valueColumn?: string;
  /** The periods the history holds, in the order first graded (periodic grading). */
  periods?: string[];
}

/** A value to write. Strings are always written as text, never parsed as a formula or number. */
export type CellOut = number | string | boolean | null | { formula: string };

/**
 * How cells look beyond their number format, decided by the plan (planning/styles.ts HEADER_LOOK,
 * TITLE_LOOK) and only translated by the executors. A field left out is the workbook's default: not
 * bold, the default font's size, no border.
 */
export interface CellLook {
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  /** A thin continuous line under each cell. */
  bottomBorder?: boolean;
}

/** A rectangle of values to write at (top, left); `numberFormats` per column when given. */
export interface CellBlock {
  top: number;
  left: number;
  values: CellOut[][];
  numberFormats?: (string | null)[];
  /** How every cell of the block looks (a header row, a title). */
  look?: CellLook;
}

/** A tier colour for conditional formatting ("cell text equals label"). Colours are #RRGGBB. */
export interface TierStyle {
  label: string;
  fill: string;
  font: string;
}

export interface OutputColumns {
  sheet: string;
  /** The Excel table the columns extend, when the customer data is a table. */
  table?: string;
  headerRow: number;
  firstColumn: number;
  /** Data rows start at headerRow + 1; one value per customer row, in sheet order. */
  rowCount: number;
  columns: { header: string; numberFormat: string; values: CellOut[] }[];
  /** Which output column holds the tier (for conditional formatting), index into `columns`. */
  tierColumn: number;
  tierStyles: TierStyle[];
  /**
   * The look of the header cells outside an Excel table. The .xlsx executor gives them the style of the
   * analyst's header cell to their left when it has one, else this look; the Office.js executor
   * writes them plain today (it cannot copy a cell's format below ExcelApi 1.9).
   */
  headerLook?: CellLook;
}

/**
 * How a pyramid chart is drawn, decided by the plan (planning/styles.ts PYRAMID_LOOK) and only
 * translated by the executors (Office.js chart properties; DrawingML elements in the chart part).
 */
export interface PyramidLook {
  /** Space between the bars, in percent of a bar's width (0-500): c:gapWidth, ChartSeries.gapWidth. */
  gapWidth: number;
  /** The spacer series drawn with no fill and no line, so that each visible bar sits centred. */
  hideSpacer: boolean;
  /** The first category (the best tier) on top: the category axis reversed (c:orientation maxMin, reversePlotOrder). */
  firstOnTop: boolean;
  /** A legend beside the chart. */
  legend: boolean;
  /** The value axis shown; its numbers count the spacer too, which a pyramid hides. */
  valueAxis: boolean;
  /** Where each bar's data label sits: the positions a stacked bar allows (c:dLblPos ctr, inEnd, inBase). */
  labelPosition: "Center" | "InsideEnd" | "InsideBase";
}

/**
 * A native bar chart drawn as a pyramid: a stacked bar whose first series is a spacer, categories
 * (tiers) in the order given, drawn as `look` says. All ranges are A1 on the chart's sheet.
 */
export interface PyramidChart {
  title: string;
  /** Tier labels, best first (the top of the pyramid). */
  categories: string;
  /** The invisible spacer series: (max - value) / 2. */
  spacer: string;
  /** The visible series. */
  values: string;
  /** Data-label text per tier ("12 · 20%"): a range of text cells. */
  labels: string;
  seriesName: string;
  /** Each category's bar fill ("#RRGGBB"), in the order of `categories` (the tiers' colours, planning/styles.ts tierStyles). */
  colours: string[];
  /** Where to put it: top-left cell and size in cells. */
  anchor: { row: number; column: number; rows: number; columns: number };
  /** How it is drawn. */
  look: PyramidLook;
}

export interface OutputSheet {
  name: string;
  blocks: CellBlock[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  charts: PyramidChart[];
  /**
   * Columns (0-based) to hide: the charts' helper cells. Charts still draw from them (both executors
   * set the chart to plot hidden cells).
   */
  hiddenColumns?: number[];
  /** Ranges to shade as a heat map: a two-colour scale by conditional formatting, colours the plan's. */
  heatMaps?: HeatMap[];
}

/** A two-colour scale over an A1 range on the sheet: `low` at the range's minimum, `high` at its maximum ("#RRGGBB"). */
export interface HeatMap {
  range: string;
  low: string;
  high: string;
}

/** Everything one grading run writes. Plain data: the Excel and .xlsx executors run the same plan. */
export interface WritePlan {
  /** What the workbook held of the add-in's before this run (to remove), if anything. */
  previous?: OwnedState;
  /** What it owns after this run (the executor records it in the workbook). */
  state: OwnedState;
  /**
   * The output columns; absent for a plan that writes only sheets (the migration sheet of `tiers
   * migrate`). Without them, `previous` (when given) lists only the sheets to replace and its
   * `headers` is [], so no customer sheet is touched.
   */
  columns?: OutputColumns;
  sheets: OutputSheet[];
  /**
   * Rows appended below the last used row of a sheet the add-in never rewrites (the audit log): the
   * sheet is created with `header` as its first row (in `headerLook`) when it does not exist. Never
   * owned, never cleared.
   */
  appends?: { sheet: string; header: CellOut[]; rows: CellOut[][]; headerLook?: CellLook }[];
  /**
   * Cells of the analyst's own tables that the run fills because an option asked for it (the weight
   * table's Weight cells under PCA weights). The planner has decided each may be written (empty, the
   * add-in's own from an earlier run, or the option says replace); the executors write the number,
   * keep the cell's format, and a cancelled Excel run puts back what the cell held. Never owned as a
   * column or sheet, never cleared; the state lists them (OwnedState.weightCells).
   */
  fills?: { sheet: string; cells: { row: number; column: number; value: number }[] }[];
}

export interface Progress {
  stage: "read" | "parse" | "grade" | "plan" | "write" | "done";
  /** 0..1 within the whole run. */
  fraction: number;
}

/** The workbook as the task pane and the command line see it, whatever runs underneath. */
export interface WorkbookBackend {
  index(): Promise<WorkbookIndex>;
  /** The values of a rectangle; each table is read once. */
  read(sheet: string, box: Box): Promise<CellValue[][]>;
  /** The add-in's record of what it wrote in an earlier run, if any. */
  readState(): Promise<OwnedState | undefined>;
  /** Runs a write plan; on abort, leaves the workbook as it was before the call. */
  execute(plan: WritePlan, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<void>;
  /**
   * The number format codes of `columns` cells of one row from `left` (null = General); optional, for
   * copies that rebuild a table from its values (per-owner copies keep date and number formats).
   */
  numberFormats?(sheet: string, row: number, left: number, columns: number): Promise<(string | null)[]>;
  /**
   * Of `cells` (0-based) of `sheet`, those a write cannot replace alone, with the range of the formula
   * that other cells copy from each (a shared formula in a file); optional: Excel has none.
   */
  sharedFormulaStarts?(sheet: string, cells: { row: number; column: number }[]): Promise<{ row: number; column: number; range: string }[]>;
  /** Selects a cell for the analyst (the pane's problem links); optional. */
  select?(sheet: string, cell: string): Promise<void>;
}

export type { WeightTable };
