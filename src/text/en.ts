// Every sentence and word the add-in shows or writes, in English (en-US). Its type is the catalogue's:
// zh.ts must give every key, and each message takes exactly the parameters declared here.
// Output text written into workbooks (sheet names, headers, summary labels) is part of the file format:
// change it only together with the readers that recognise it.

import { BANDS_EXAMPLE, DEFAULT_NAMES, t, UNCALCULATED } from "./format";
import type { BandsReason, TableRole, Value } from "./format";

const TABLE: Record<TableRole, string> = { weights: "weight table", customers: "customer table", orders: "Orders table", segments: "Segments table" };
const ITEM: Record<TableRole, string> = { weights: "indicator", customers: "customer", orders: "order", segments: "segment" };
const BANDS_REASON: Record<BandsReason, string> = {
  pair: "each band is threshold:points",
  points: "points go from 0 to 100",
  duplicate: "each threshold may appear once",
  empty: "at least one band is needed",
};

export const en = {
  /** Workbook problems by code (workbook/reading/problems.ts adds where and how severe). */
  problems: {
    "table-not-found": (p: { names?: Value; role: TableRole; sheets?: Value }) =>
      `No ${TABLE[p.role] ?? TABLE.customers} found: looked for an Excel table or a sheet named ${t(p.names) || DEFAULT_NAMES[p.role]}. ` +
      `Sheets in this workbook: ${t(p.sheets) || "none"}. Rename the table or sheet, or choose it in the settings.`,
    "table-empty": (p: { role: TableRole }) =>
      `the ${TABLE[p.role] ?? TABLE.customers} has no data. Put a header row at the top and one ${ITEM[p.role] ?? ITEM.customers} per row below it.`,
    "missing-header": (p: { headers: readonly string[] }) =>
      `the header row has no "${p.headers[0]}" column. Add a column with that header (accepted: ${p.headers.join(", ")}).`,
    "duplicate-header": (p: { header: Value; first: Value }) =>
      `the header "${t(p.header)}" also heads column ${t(p.first)}, so it is unclear which to read. Rename one of the two.`,
    "duplicate-id": (p: { id: Value; first: Value }) => `customer ID "${t(p.id)}" already appears in ${t(p.first)}. Give each customer its own ID.`,
    "blank-id": () => `this row has data but no customer ID. Enter an ID, or delete the row.`,
    "indicator-column-missing": (p: { indicator: Value; column: Value; table?: Value }) =>
      `indicator "${t(p.indicator)}" reads the column "${t(p.column)}", but the customer table${t(p.table) ? ` (${t(p.table)})` : ""} ` +
      `has no such header. Add that column to the customer table, or write the customer header's name in this row's Column cell.`,
    "not-a-number": (p: { error?: string; column?: Value; value?: Value }) =>
      p.error === UNCALCULATED
        ? `formula without a calculated value — open and save the workbook in Excel first${t(p.column) ? ` (column "${t(p.column)}"; the file was written by a program that does not calculate)` : ""}.`
        : p.error !== undefined
        ? `the cell shows the error ${t(p.error)}${t(p.column) ? ` in column "${t(p.column)}"` : ""}. Fix its formula, enter a number, or leave the cell blank.`
        : `"${t(p.value)}" is not a number. Enter a number or leave the cell blank.`,
    "unknown-direction": (p: { value: Value }) => `"${t(p.value)}" is not a direction. Enter higher or lower (正向 or 负向); blank means higher.`,
    "unknown-scoring": (p: { value: Value }) =>
      `"${t(p.value)}" is not a scoring rule. Enter minmax, percentile, bands or raw (极差, 百分位, 分档, 原值); blank means minmax.`,
    "malformed-bands": (p: { value: Value; reason: BandsReason }) =>
      `the bands "${t(p.value)}" cannot be read (${BANDS_REASON[p.reason] ?? BANDS_REASON.pair}). ` +
      `Write threshold:points pairs separated by semicolons, e.g. ${BANDS_EXAMPLE}.`,
    "bands-required": (p: { indicator: Value; noColumn?: boolean }) =>
      p.noColumn
        ? `indicator "${t(p.indicator)}" is scored by bands, but the table has no Bands column. Add a Bands column and fill it, e.g. ${BANDS_EXAMPLE}.`
        : `indicator "${t(p.indicator)}" is scored by bands, but its bands are empty. Fill this cell, e.g. ${BANDS_EXAMPLE}.`,
    "bands-ignored": (p: { indicator: Value; scoring: Value }) =>
      `indicator "${t(p.indicator)}" is scored by ${t(p.scoring)}, so its bands are not used. Set its scoring to bands, or clear the bands.`,
    "negative-weight": (p: { value: Value }) => `the weight ${t(p.value)} is negative. Enter a weight of 0 or more.`,
    "missing-weight": (p: { name: Value }) => `"${t(p.name)}" has no weight. Enter a weight such as 0.2 or 20%.`,
    "zero-weights": (p: { dimension?: Value }) =>
      t(p.dimension) === "*"
        ? `every dimension weighs 0. Give at least one dimension a weight above 0.`
        : t(p.dimension)
          ? `every indicator of dimension "${t(p.dimension)}" weighs 0. Give at least one of them a weight above 0, or set the dimension's weight to 0 and remove it.`
          : `every indicator weighs 0. Give at least one indicator a weight above 0.`,
    "unknown-dimension": (p: { dimension: Value; known: Value }) =>
      `the dimension "${t(p.dimension)}" has no weight row. Use one of: ${t(p.known)}; or add a row with this dimension, its weight and an empty Indicator.`,
    "missing-dimension": (p: { indicator: Value; known: Value }) =>
      `indicator "${t(p.indicator)}" has no dimension, but the table weighs dimensions. Enter one of: ${t(p.known)}.`,
    "duplicate-dimension": (p: { dimension: Value; first: Value }) => `the dimension "${t(p.dimension)}" already has a weight row at ${t(p.first)}. Keep one of the two rows.`,
    "empty-dimension": (p: { dimension: Value }) =>
      `the dimension "${t(p.dimension)}" has a weight but no indicators, so it is left out and the other dimensions' weights are rescaled. Add its indicators, or delete the row.`,
    "missing-indicator": () => `this row has no indicator name. Enter the indicator's name, or delete the row.`,
    "raw-out-of-range": (p: { value: Value; indicator: Value }) =>
      `${t(p.value)} is outside 0..100, but indicator "${t(p.indicator)}" is scored raw (already points). Enter points from 0 to 100, or choose another scoring rule.`,
    "duplicate-indicator": (p: { indicator: Value; first: Value }) => `the indicator "${t(p.indicator)}" is already listed at ${t(p.first)}. List each indicator once.`,
    "value-column-missing": (p: { column: Value }) =>
      `the customer table has no numeric column "${t(p.column)}" to use as the value. Choose another value column, or add this one.`,
    "more-problems": (p: { count: Value }) => `${t(p.count)} more cells here have a problem of the same kind. Fix the ones listed above the same way.`,
    "output-collision": (p: { header: Value }) =>
      `your column "${t(p.header)}" has the name of a column the add-in writes. Rename your column; the add-in never overwrites it.`,
    "output-past-last-column": (p: { needed: Value; free: Value }) =>
      `the sheet has no room for the ${t(p.needed)} output columns: only ${t(p.free)} columns are left before XFD, Excel's last column. Move the customer table to a sheet with fewer columns, or delete unused columns on its right.`,
    "totals-row-excluded": (p: { table: Value }) => `the last row of table "${t(p.table)}" is its totals row; it is not read as a customer.`,
    "output-sheet-collision": (p: { sheet: Value }) =>
      `your sheet "${t(p.sheet)}" has the name of a sheet the add-in writes. Rename your sheet; the add-in never overwrites it.`,
    "output-cell-collision": (p: { header: Value }) =>
      `this cell holds data the add-in did not write, where its column "${t(p.header)}" goes. Move or delete that data (or the column's other cells), then grade again; the add-in never overwrites it.`,
    "output-columns-blocked": (p: { header: Value; columns: Value; was: Value }) =>
      `your column "${t(p.header)}" sits right of the add-in's columns, and this run writes ${t(p.columns)} columns where the last one wrote ${t(p.was)}. Move your column left of the add-in's columns (or elsewhere), then grade again.`,
    "label-count": (p: { needed: Value; given: Value; labels: Value }) =>
      `the tier scheme needs ${t(p.needed)} labels but ${t(p.given)} were given (${t(p.labels)}). Enter ${t(p.needed)} labels, best first.`,
    "cannot-grade": (p: { reason: Value }) => `the customers cannot be graded: ${t(p.reason)}. Check the weight table and the settings.`,
    "weights-normalised": (p: { subject?: Value; sum?: Value }) =>
      `the weights ${t(p.subject) ? `of ${t(p.subject)} ` : ""}add up to ${t(p.sum) || "a total other than 1"}, not 1; they were rescaled to add up to 1. Adjust them if that is not what you meant.`,
    "dimension-weights-normalised": (p: { subject?: Value; sum?: Value }) =>
      `the dimension weights ${t(p.subject) ? `(${t(p.subject)}) ` : ""}add up to ${t(p.sum) || "a total other than 1"}, not 1; they were rescaled to add up to 1. Adjust them if that is not what you meant.`,
    "customers-excluded": (p: { count: Value; subject: Value }) =>
      `${t(p.count)} customers have blank indicator values and were left out of the grading (${t(p.subject)}). Fill their values, or choose to score blanks as 0 points.`,
    "missing-scored-zero": (p: { count: Value; subject: Value }) =>
      // count is the number of indicators with blanks (subject names them), not of customers.
      `blank values of ${t(p.count)} indicator${p.count === 1 ? "" : "s"} were scored as 0 points (${t(p.subject)}). Fill them if 0 points is not fair.`,
    "no-spread": (p: { subject: Value }) =>
      `every customer has the same value for ${t(p.subject)}, so it does not separate customers. Check the column, or give it weight 0.`,
    "unknown-potential": (p: { value: Value }) => `"${t(p.value)}" is not an upgrade potential. Enter yes, no or any (是, 否 or 任意).`,
    "rules-header-missing": (p: { headers: string }) => `this sheet needs the headers ${t(p.headers)} (风险, 数据列, 条件, 值). Add them, or delete the sheet to get a pre-filled one.`,
    "rule-column-missing": (p: { column: Value }) => `the customer table has no numeric column "${t(p.column)}". Enter the header of a numeric customer column.`,
    "unknown-condition": (p: { value: Value }) => `"${t(p.value)}" is not a condition. Enter one of > >= < <= = <>.`,
    "override-unknown-customer": (p: { id: Value }) => `no customer has the ID "${t(p.id)}". Correct the ID, or delete the override.`,
    "override-unknown-tier": (p: { value: Value; labels: Value }) => `"${t(p.value)}" is not one of this grading's tiers (${t(p.labels)}). Enter one of them.`,
    "not-a-date": (p: { value: Value }) => `"${t(p.value)}" is not a date. Enter a date such as 2026-12-31, or leave the cell blank.`,
    "period-not-graded": (p: { period: Value; periods?: Value }) =>
      `no customers were graded for period "${t(p.period)}" (graded periods: ${t(p.periods) || "none"}). Grade that period first with a period set, or pick a graded one.`,
    "history-customer-twice": (p: { id: Value; period: Value; first: Value }) =>
      `customer "${t(p.id)}" appears twice in period "${t(p.period)}" of the history (first in ${t(p.first)}). Delete one of the two rows, or grade the period again to rewrite it.`,
    "not-graded": () => "this workbook has not been graded by Customer Tiers (it holds no record of the add-in's output). Grade it first, then make the copies.",
    "owner-column-missing": (p: { column: Value; headers: string }) => `the customer table has no column "${t(p.column)}" (its columns: ${t(p.headers)}). Enter the owner column's header as it is written here.`,
    "org-table-not-found": (p: { name: Value; sheets: Value }) => `there is no sheet or table "${t(p.name)}" for the org table (sheets: ${t(p.sheets)}). Enter the name of the sheet or table with the columns Owner and Manager.`,
    "org-header-missing": (p: { headers: string }) => `the org table needs the columns Owner and Manager (or 负责人 and 经理); its header row has: ${t(p.headers)}. Add or rename the two headers.`,
    "not-recalculated": (p: { column: Value }) =>
      `the column "${t(p.column)}" holds formulas that were never calculated (the workbook was written with live formulas and not yet opened in Excel). Open and save it in Excel or LibreOffice, or grade it with values, then make the copies.`,
    "orders-header-missing": (p: { column: Value; headers: string; columnZh: Value }) => `the Orders table has no "${t(p.column)}" column (its header row has: ${t(p.headers)}). Add a column headed "${t(p.column)}" or "${t(p.columnZh)}".`,
    "order-value-missing": (p: { column: Value }) => `this order has no ${t(p.column)}. Enter it, or delete the row.`,
    "order-date-unreadable": (p: { value: Value; example: Value }) => `"${t(p.value)}" is not a date the add-in can read. Enter a date cell, or text such as 2006-12-31 or ${t(p.example)}.`,
    "order-after-as-of": (p: { value: Value; asOf: Value }) => `the order date ${t(p.value)} is after the analysis date ${t(p.asOf)}. Correct the date, or choose a later analysis date.`,
    "order-not-a-number": (p: { error?: string; column: Value; value?: Value }) =>
      p.error !== undefined
        ? `the ${t(p.column)} cell shows the error ${t(p.error)}. Fix its formula or enter a number.`
        : `"${t(p.value)}" in ${t(p.column)} is not a number. Enter a number.`,
    "segments-header-missing": (p: { column: Value; headers: string }) =>
      `the Segments table has no "${t(p.column)}" column (its header row has: ${t(p.headers)}). Its columns are Segment, R low, R high, F low, F high, M low, M high (or 细分, R下限, R上限, F下限, F上限, M下限, M上限).`,
    "segment-bound": (p: { value: Value; bins: Value }) => `"${t(p.value)}" is not a score bound. Enter a whole number from 1 to ${t(p.bins)}.`,
    "segment-bounds-crossed": (p: { low: Value; high: Value }) => `the low bound ${t(p.low)} is above the high bound ${t(p.high)}, so no customer can match. Swap them.`,
    "not-an-id": (p: { error?: string; value?: Value }) =>
      p.error !== undefined
        ? `the customer ID cell shows the error ${t(p.error)}, which is not an ID. Fix its formula or type the ID.`
        : `the customer ID cell holds the logical value ${t(p.value)}, which is not an ID. Type the customer's ID (as text if it must read TRUE or FALSE).`,
    "value-overflow": (p: { value: Value; column: Value }) =>
      `${t(p.value)} in column "${t(p.column)}" is so large that the column's values cannot be compared or added up (the result exceeds the largest number a spreadsheet holds, about 1.8E+308). Check the value; enter it in a smaller unit if it is right.`,
    "weights-overflow": (p: { value: Value }) =>
      `the weight ${t(p.value)} is so large that the weights cannot be added up (the sum exceeds the largest number a spreadsheet holds, about 1.8E+308). Use smaller weights, such as percentages.`,
    "pca-weight-filled": (p: { value: Value; name: Value }) =>
      `the weight of "${t(p.name)}" is already filled (${t(p.value)}); weights from principal components fill only empty Weight cells. Clear the Weight cells, or choose to replace the weights (command line: --weights-from pca:replace).`,
    "pca-weight-shared-formula": (p: { range: Value }) =>
      `this Weight cell's formula is copied by the other cells of ${t(p.range)} (one shared formula in the file), so a weight written into it alone would take their formulas too. Replace the formulas of ${t(p.range)} with their values or clear them, then run again; or grade the workbook in Excel.`,
    "pca-weights-failed": (p: { reason: Value; count: Value }) =>
      `weights cannot be found from principal components of ${t(p.count)} customers with every indicator filled: ${t(p.reason)}. Fill the indicators of at least two customers, with values that vary, or enter the weights yourself.`,
    "pca-not-for-rfm": () => `weights from principal components fill a weight table, and the rfm scheme uses none. Choose another scheme, or leave the weights to the table.`,
    "growth-column-missing": (p: { column: Value }) =>
      `the customer table has no numeric column "${t(p.column)}" to judge upgrade potential by. Choose the growth column, or a Potential column of yes/no.`,
  },
  /** A problem's location ends with this ("Customers!C7: "); a listed problem starts with its severity. */
  problemWords: { locationEnd: ": ", error: "Error: ", warning: "Warning: " },
  /** The command line (src/cli). */
  cli: {
    help: `Customer Tiers: grade the customers of an .xlsx workbook by weighted indicators.

Usage:
  tiers grade <workbook.xlsx> [options]
  tiers migrate <workbook.xlsx> --from <period> --to <period> [--out <copy.xlsx>] [--json <file|->]
  tiers share <workbook.xlsx> [--out <copy.xlsx>] [--formulas values|native]
                             a copy safe to mail: TIERS formulas replaced, the add-in not loaded on open,
                             an "About this grading" sheet
  tiers split <graded.xlsx> --by <owner column> [--org <table|sheet>] --out <folder>
                             one copy per salesperson (their customers only), per manager (their team's)
                             and one with everyone; tiers stay company-wide

Options for grade:
  --out <graded.xlsx>        where to write the graded copy (default: <name>.graded.xlsx beside the input;
                             the input is only overwritten when --out names it)
  --weights <table|sheet>    the weight table (default: Weights / 权重)
  --customers <table|sheet>  the customer table (default: Customers / 客户)
  --scheme <scheme>          shares:20,30,50 (default) | pareto:80,95 | cutoffs:85,70,50 | rfm (tier = RFM segment,
                             from the Segments sheet; written with R's rfm defaults when missing) | kmeans:4 |
                             kmeans:auto (tier = cluster, Cluster 1 = best mean score)
  --orders <table|sheet>     grade an Orders table: aggregated per customer into a Customer indicators sheet
  --as-of <yyyy-mm-dd>       the analysis date of --orders (default: today)
  --bins <n>                 RFM bins per measure (default 5)
  --rfm-columns <r,f,m>      rfm on a customer table: its recency (days), frequency and monetary columns
  --weights-from pca[:replace]
                             fill the weight table's Weight column with weights from principal components
                             of the indicators (eigenvalue > 1 kept) and grade with them; the eigenvalues,
                             variance explained and loadings go on a Factor loadings sheet. Only empty
                             Weight cells (or those it filled before) are written; :replace overwrites yours
  --labels <A,B,C>           tier labels, best first (default: A, B, C, ... as many as the scheme needs)
  --value <column>           value column for pareto and the value pyramid (e.g. Sales)
  --missing exclude|zero     blank indicator: leave the customer out and list it (default), or score 0 points
  --formulas                 write native Excel formulas instead of values
  --period <label>           the period this grading is for (2026-Q3): kept in the Tier history sheet
  --strategy                 write a Strategy column (tier x upgrade potential; a Strategies sheet to edit)
  --growth <column>[:10%]    the growth column that judges upgrade potential, and its threshold
  --risk                     write a Risk column by the Risk rules sheet, and a Watch list sheet
  --explain                  write a Why column (the points to the next tier and the indicator that closes
                             them); the JSON gets contributions (weight x points) and gap_to_next_tier
  --json <file|->            also write { customers: [{ id, score, rank, tier }], summary } as JSON ("-": stdout)
  --lang zh-CN|en-US         language of messages and of what is written (default: the workbook's / LANG)
  -h, --help                 this help

Exit codes: 0 done; 1 the workbook has problems (each listed with sheet and cell), is not a readable .xlsx,
or no customer could be graded; 2 bad usage or a file that cannot be read or written (nothing is
overwritten: every file is written to a temporary file and renamed into place); 3 a fault of tiers itself.

Example:
  tiers grade assets/sample-customers.en-US.xlsx --scheme pareto:80,95 --labels A,B,C --json -
`,
    unknownCommand: (command: string) => `Unknown command "${command}". See tiers --help.`,
    noCommand: "Tell tiers what to do, e.g. tiers grade <workbook.xlsx>. See tiers --help.",
    noWorkbook: "Name the workbook to grade: tiers grade <workbook.xlsx>.",
    extraArgument: (arg: string) => `Unexpected argument "${arg}". Only one workbook can be graded at a time.`,
    unknownOption: (option: string) => `Unknown option "${option}". See tiers --help.`,
    missingValue: (option: string) => `The option ${option} needs a value. See tiers --help.`,
    repeatedOption: (option: string) => `The option ${option} is given more than once. Give it once.`,
    flagValue: (option: string) => `The option ${option} takes no value. Write ${option} alone.`,
    badScheme: (text: string) =>
      `"${text}" is not a tier scheme. Write shares:20,30,50 (percent of customers, adding up to 100), pareto:80,95 (cumulative percent of value), cutoffs:85,70,50 (minimum scores, descending), rfm, or kmeans:4 / kmeans:auto (k from 2 to 20).`,
    badLabels: (needed: number, given: number) => `The scheme needs ${needed} tier labels but --labels gives ${given}. Give one label per tier, best first.`,
    blankLabel: "A tier label in --labels is blank. Give each tier a name, best first, e.g. --labels A,B,C.",
    longLabel: (length: number, max: number) => `A tier label in --labels is ${length} characters long; at most ${max} are allowed. Use a shorter name.`,
    duplicateLabel: (label: string, first: string) => `The tier label "${label}" in --labels is the same as "${first}". Give each tier its own name.`,
    badMissing: (text: string) => `"${text}" is not a missing-value policy. Write --missing exclude or --missing zero.`,
    badLang: (text: string) => `"${text}" is not a language this tool speaks. Write --lang zh-CN or --lang en-US.`,
    badBins: (text: string) => `"${text}" is not a number of RFM bins. Write a whole number from 2 to 9, e.g. --bins 5.`,
    badRfmColumns: (text: string | undefined) =>
      `"${text ?? ""}" does not name three columns. Write --rfm-columns "<recency days>,<frequency>,<monetary>", e.g. --rfm-columns "Recency,Orders,Revenue".`,
    rfmOnly: "--bins and --rfm-columns belong to the RFM scheme: add --scheme rfm.",
    badAsOf: (text: string) => `"${text}" is not a date. Write the analysis date as yyyy-mm-dd, e.g. --as-of 2006-12-31.`,
    asOfNeedsOrders: "--as-of is the analysis date of an Orders table: add --orders <table|sheet>.",
    badWeightsFrom: (text: string) => `"${text}" is not a source of weights. Write --weights-from pca, or --weights-from pca:replace to overwrite weights already in the table.`,
    weightsFromRfm: "--weights-from fills a weight table, and --scheme rfm uses none. Leave out one of them.",
    pcaWeights: (kept: number, variance: string, customers: number, sheet: string) =>
      `Weights from principal components: ${kept} component${kept === 1 ? "" : "s"} kept (${variance} of the variance), from ${customers} customers; written to the weight table, loadings on the ${sheet} sheet`,
    methodLabels: "rfm and kmeans name their own tiers (segments, clusters): leave out --labels.",
    explainMethod: "--explain explains tiers decided by a score (shares, cutoffs); rfm segments and kmeans clusters are not. Leave out --explain.",
    fileMissing: (file: string) => `Cannot find the workbook "${file}". Check the path.`,
    notXlsx: (file: string, reason: string) => `Cannot read "${file}" as an .xlsx workbook (${reason}). Save it from Excel as .xlsx and try again.`,
    /** A refusal of the reader that is a whole sentence with its own fix (src/workbook/executors/xlsx/packageErrors.ts). */
    refused: (file: string, sentence: string) => `Cannot read "${file}": ${sentence}`,
    problems: (count: number) => `The workbook has ${count} problem${count === 1 ? "" : "s"}; nothing was written. Fix them and grade again:`,
    graded: (customers: number, excluded: number, out: string) =>
      `Graded ${customers} customers${excluded ? ` (${excluded} left out for blank values)` : ""}; wrote ${out}`,
    tierLine: (tier: string, customers: number, share: string) => `  ${tier}: ${customers} customers (${share})`,
    jsonWritten: (file: string) => `Wrote ${file}`,
    clusters: (k: number, silhouette: string) => `k-means: k = ${k}, mean silhouette ${silhouette}`,
    cancelled: "Cancelled; nothing was written.",
    noneGraded: (customers: number) =>
      `No customer could be graded: all ${customers} were left out for blank values (listed above); nothing was written. Fill the blanks (formulas without a calculated value count as blank: open and save the workbook in Excel first), or grade with --missing zero.`,
    stage: { read: "reading", parse: "checking", grade: "grading", plan: "planning", write: "writing", done: "done" },
  },
  /** `tiers migrate`. */
  migrate: {
    usage: "Usage: tiers migrate <workbook.xlsx> --from <period> --to <period> [--out <copy.xlsx>] [--json <file|->] [--lang zh-CN|en-US]",
    notXlsx: (file: string, reason: string) => `"${file}" could not be read as an .xlsx workbook (${reason}).`,
    written: (file: string) => `Migration sheet written to ${file}.`,
    line: (tier: string, cells: string) => `  ${tier.padEnd(8)} ${cells}`,
    moved: (up: number, down: number, added: number, lost: number) => `Upgraded ${up}, downgraded ${down}, new ${added}, lost ${lost}.`,
  },
  /** `tiers share` and `tiers split`. */
  share: {
    shareUsage: "Usage: tiers share <workbook.xlsx> [--out <copy.xlsx>] [--formulas values|native] [--lang zh-CN|en-US]",
    splitUsage: "Usage: tiers split <graded.xlsx> --by <owner column> [--org <table|sheet>] --out <folder> [--lang zh-CN|en-US]",
    notXlsx: (file: string, reason: string) => `No copy was made of "${file}": ${reason}`,
    shared: (file: string) => `Copy for sharing written to ${file}.`,
    converted: (values: number, native: number) => `TIERS formulas: ${values} replaced by their values, ${native} by native Excel formulas.`,
    unresolved: (cells: string) => `Warning: these TIERS formulas had no calculated value to keep (open the workbook in Excel with the add-in, let it calculate, save, and share again): ${cells}`,
    leftAsIs: (places: string) => `Warning: these formulas outside cells call TIERS functions and were left as they are (replace them by hand): ${places}`,
    addin: (removed: boolean): string => (removed ? "The add-in no longer opens with the copy." : "The workbook did not open the add-in; nothing to remove."),
    about: (sheet: string) => `The sheet "${sheet}" says how it was graded.`,
    copy: (file: string, customers: number) => `  ${file}: ${customers} customers`,
    copies: (n: number, dir: string) => `${n} copies written to ${dir}:`,
  },
  /** The command line's failures that are not the workbook's contents (src/cli/failures.ts). */
  failures: {
    /** A file could not be written (by the operating system's error code). */
    write: {
      ENOENT: (file: string) => `Cannot write "${file}": its folder does not exist. Create the folder or choose another path.`,
      ENOTDIR: (file: string) => `Cannot use "${file}": a part of that path is a file, not a folder.`,
      EISDIR: (file: string) => `"${file}" is a folder. Name a file to write, e.g. ${file.replace(/[\\/]+$/, "")}/graded.xlsx.`,
      EACCES: (file: string) => `Cannot write "${file}": permission denied. Choose a folder you can write to (--out).`,
      EPERM: (file: string) => `Cannot write "${file}": the operation is not permitted. Choose a folder you can write to (--out).`,
      EROFS: (file: string) => `Cannot write "${file}": the disk is read-only. Choose a folder you can write to (--out).`,
      ENOSPC: (file: string) => `Cannot write "${file}": the disk is full. Free some space and run again; nothing was overwritten.`,
      EDQUOT: (file: string) => `Cannot write "${file}": your disk quota is used up. Free some space and run again; nothing was overwritten.`,
      EFBIG: (file: string) => `Cannot write "${file}": the file would exceed the size limit for files (ulimit -f). Nothing was overwritten.`,
      ENAMETOOLONG: (file: string) => `Cannot write "${file}": the name is too long for the file system.`,
      EMFILE: (file: string) => `Cannot open "${file}": too many files are open. Close some programs and run again.`,
    },
    /** A file could not be written, for any other error code. */
    writeOther: (file: string, code: string) => `Cannot write "${file}" (${code}). Nothing was overwritten.`,
    /** The input could not be read. */
    read: {
      ENOENT: (file: string) => `Cannot find the workbook "${file}". Check the path.`,
      EISDIR: (file: string) => `"${file}" is a folder, not a workbook. Name the .xlsx file.`,
      EACCES: (file: string) => `Cannot read "${file}": permission denied.`,
      EPERM: (file: string) => `Cannot read "${file}": the operation is not permitted.`,
    },
    unexpected: (message: string) =>
      `tiers stopped on an error it did not expect (${message}); no file was overwritten. Please report it to the maintainers of Customer Tiers with the command you ran (TIERS_DEBUG=1 shows the details).`,
    clashInput: (option: string, file: string) => `${option || "The output"} "${file}" is the input workbook; tiers never writes over its input that way. Choose another path.`,
    clashOther: (option: string, other: string, file: string) => `${option || "The output"} "${file}" is the same file as ${other || "the graded copy"}; give each output its own path.`,
  },
  /** Why a file cannot be read as a workbook, by code (src/workbook/executors/xlsx/packageErrors.ts). */
  packageErrors: {
    encrypted: () =>
      "This workbook is password-protected (encrypted), so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.",
    xls: () =>
      "This is an Excel 97-2003 workbook (.xls), not an .xlsx. Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx), then try again.",
    "not-xlsx": (p: { detail?: string }) => `This file is not an Excel workbook (.xlsx)${p.detail ? `: ${p.detail}` : ""}. If it is a CSV or another format, open it in Excel and save it as an Excel Workbook (.xlsx).`,
    "too-large": (p: { what: string; limit: string }) => `The workbook is larger than Excel allows or than can be read safely: ${p.what} exceeds ${p.limit}. Nothing was written.`,
    "no-content-types": () =>
      "The file is a zip package without [Content_Types].xml, so it is not a valid .xlsx (it may have been re-zipped by hand). Open it in Excel or LibreOffice and save it again; the add-in does not repair packages.",
    "bad-xml": (p: { part: string; detail: string }) => `The part ${p.part} of the workbook cannot be read: ${p.detail}. Open the file in Excel and save it again.`,
  },
  /** Why a file chosen in the pane could not be opened (src/taskpane/openFailure.ts). */
  openFailure: {
    encrypted: "This workbook is protected with a password, so it cannot be read here. In Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and open it again.",
    xls: "This is an old-format Excel file (.xls). In Excel, save it as an Excel Workbook (.xlsx) and open that.",
    text: "This is a text file (such as CSV), not an Excel workbook. Open it in Excel, save it as an Excel Workbook (.xlsx) and open that.",
    empty: "The file is empty. Choose the workbook again.",
    "not-workbook": "This file is not an Excel workbook (.xlsx), or it is damaged. Open it in Excel, save it as an Excel Workbook (.xlsx) and open that.",
  },
  /** The Excel host lacks the ExcelApi set the add-in needs (src/workbook/executors/excel/features.ts). */
  hostTooOld: (api: string) => `This version of Excel does not support ExcelApi ${api}, which Customer Tiers needs. Update Excel, or use Excel on the web.`,
  /** Everything written into a workbook (src/workbook/planning/outputText.ts): part of the file format, byte for byte. */
  output: {
    /** The Factor loadings / 因子载荷 sheet of PCA weights (workbook/features/pcaWeights.ts). */
    pcaSheet: {
      name: "Factor loadings",
      title: "Weights from principal components (factor analysis)",
      method:
        "Principal components of the indicators' correlation matrix; components with eigenvalue > 1 kept (at least one); weight ∝ Σ (eigenvalue / Σ kept eigenvalues) × |eigenvector component|, adding up to 1.",
      customers: "Customers used (every indicator filled)",
      kept: "Components kept",
      weightsAt: "Weights written to",
      components: ["Component", "Eigenvalue", "Variance explained", "Cumulative", "Kept"],
      indicators: ["Dimension", "Indicator"],
      loading: (k: number) => `Loading PC${k}`,
      weight: "Weight",
      component: (k: number) => `PC${k}`,
      yes: "yes",
      fromPca: (sheet: string) => `weights from principal components (see ${sheet})`,
    },
    /** The explanation column's header (src/workbook/features/methodOutputs.ts). */
    why: "Why",
    /** Per-owner copies' file names (src/workbook/executors/xlsx/split.ts): the default base, and the word before an owner. */
    copyBaseName: "customer-tiers",
    /** Insert example tables when a sheet of an example table's name is already there (features/exampleTables.ts). */
    exampleSheetTaken: (name: string) => `The workbook already has a sheet named "${name}". Rename or delete it, then insert the example tables again.`,
    copyRoleWord: { salesperson: "", manager: "team of ", all: "" },
    score: "Score",
    rank: "Rank",
    tier: "Tier",
    strategy: "Strategy",
    risk: "Risk",
    computedTier: "Computed tier",
    override: "Override",
    summarySheet: "Tier summary",
    title: "Customer tiers",
    tierHeader: "Tier",
    customers: "Customers",
    customerShare: "Share of customers",
    value: "Value",
    valueShare: "Share of value",
    spacerCustomers: "Spacer (customers)",
    spacerValue: "Spacer (value)",
    labelCustomers: "Label (customers)",
    labelValue: "Label (value)",
    total: "Total",
    settings: "How this workbook was graded",
    gradedOn: "Graded on",
    scheme: "Tier scheme",
    labels: "Tier labels",
    missing: "Blank values",
    missingExclude: "customers with a blank indicator are left out and listed below",
    missingZero: "a blank indicator scores 0 points",
    weightsTable: "Weight table",
    customersTable: "Customer table",
    graded: "Customers graded",
    gradedValue: "Value of the graded customers",
    excludedCount: "Customers left out",
    valueColumn: "Value column",
    valueIsScore: "(none: the value pyramid uses the score)",
    period: "Period",
    weights: "Weights",
    dimension: "Dimension",
    indicator: "Indicator",
    column: "Column",
    direction: "Direction",
    scoring: "Scoring",
    globalWeight: "Global weight",
    min: "Minimum",
    max: "Maximum",
    excluded: "Customers left out",
    customerId: "Customer ID",
    blankIndicators: "Blank indicators",
    warnings: "Warnings",
    quantityPyramid: "Customers per tier",
    valuePyramid: "Value per tier",
    // Not "History": Excel reserves that name for sheets (sheetNames.ts).
    historySheet: "Tier history",
    overridden: "Overridden",
    yes: "yes",
    no: "no",
    migrationSheet: "Migration",
    migrationTitle: (from: string, to: string) => `Tier migration from ${from} to ${to}`,
    migrationCustomers: "Customers (rows: tier before, columns: tier after)",
    migrationValue: "Value (rows: tier before, columns: tier after)",
    fromTo: "Before \\ after",
    newCustomers: "New",
    lostCustomers: "Lost",
    upgraded: "Upgraded",
    downgraded: "Downgraded",
    higher: "higher is better",
    lower: "lower is better",
    schemeShares: (p: string) => `shares of customers by rank (RANK.EQ): ${p}`,
    schemePareto: (p: string) => `Pareto (ABC) by cumulative value: ${p}`,
    schemeCutoffs: (p: string) => `score cut-offs: ${p}`,
    schemeRules: (p: string) => `rules, first match wins: ${p}`,
    aboutSheet: "About this grading",
    aboutMethod: "How the tiers were computed",
    aboutLines: [
      "Each indicator gives points from 0 to 100: min-max ((x - min) / (max - min)), percentile (the share of customers below x), bands, or the raw value; reversed where lower is better.",
      "A customer's score is the sum of points x global weight; a global weight is the dimension's weight times the indicator's weight within it.",
      "The rank follows Excel's RANK.EQ: equal scores share the best rank. Tiers follow the scheme below, and equal scores always share a tier.",
    ],
    aboutCopy: "This copy",
    preparedOn: "Prepared for sharing on",
    toValues: "TIERS formulas replaced by their values",
    toNative: "TIERS formulas replaced by native Excel formulas",
    unresolved: "TIERS formulas without a stored value (left as they showed)",
    addinOnOpen: "The add-in opens with this copy",
    notGradedHere: "The add-in's tier summary is not in this workbook: only its TIERS formulas were converted.",
    recordMissing: "This workbook was graded by an earlier version of the add-in, which kept no record of its settings: grade it again, then prepare the copy, to list them here.",
    copyOf: "This copy holds the customers of",
    companyWide: "Tiers and ranks are the company-wide grading; the tier table above counts this copy's customers only.",
    roleSalesperson: "salesperson",
    roleManager: "manager and team",
    roleAll: "everyone",
    /** R rfm's default segments (src/engine/rfm.ts DEFAULT_RFM_SEGMENTS) by the package's names, for a pre-filled Segments table. */
    rfmSegments: {
      Champions: "Champions",
      "Potential Loyalist": "Potential Loyalist",
      "Loyal Customers": "Loyal Customers",
      Promising: "Promising",
      "New Customers": "New Customers",
      "Can't Lose Them": "Can't Lose Them",
      "At Risk": "At Risk",
      "Need Attention": "Need Attention",
      "About To Sleep": "About To Sleep",
      Lost: "Lost",
      Others: "Others",
    },
  },
  /** Why a customer is in its tier (the engine's ExplanationReason, put together by workbook/explainWords.ts). */
  explain: {
    byValue: (label: string) => `${label}: tiered by cumulative value, not by score`,
    byRule: (label: string) => `${label}: tiered by rule, not by score`,
    topTier: (label: string) => `${label}: the top tier`,
    gap: (label: string, gap: string, next: string) => `${label}: ${gap} points below ${next}`,
    closes: (gapSentence: string, indicator: string, change: string) => `${gapSentence}; ${indicator} ${change} would close it`,
    noneCloses: (gapSentence: string) => `${gapSentence}; no single indicator can close it`,
  },
  /** A sheet name Excel would refuse (src/workbook/planning/sheetNames.ts): the sentence, and each fault by the longest name. */
  sheetName: {
    refused: (sheet: string, fault: string) => `The sheet name "${sheet}" ${fault}; Excel refuses it, so nothing was written.`,
    blank: (_max: number) => "is blank",
    "too-long": (max: number) => `is longer than ${max} characters`,
    "forbidden-character": (_max: number) => "holds one of : \\ / ? * [ ]",
    apostrophe: (_max: number) => "begins or ends with an apostrophe",
    reserved: (_max: number) => 'is "History", a name Excel reserves',
    duplicate: (_max: number) => "is already the name of another sheet (Excel ignores case)",
  },
  /** The TIERS custom functions' messages (src/functions). */
  functions: {
    /** "<argument>: <message>", the form of every message of a TIERS function. */
    argued: (argument: string, message: string) => `${argument}: ${message}`,
    /** A value the engine refused; `reason` is engineErrors' words for its code in the same language. */
    refused: (argument: string, reason: string) => `${argument}: ${reason}`,
    theCell: "the cell",
    cell: (k: number) => `cell ${k}`,
    rowColumn: (row: number, column: number) => `row ${row}, column ${column}`,
    errorCell: (where: string, error: string) => `${where} holds the error ${error}; correct that cell, or leave it out of the range`,
    dataTypeCell: (where: string, name: string) =>
      `${where} holds a data type, ${name}, not a number; refer to one of its fields instead (for example =A2.Price)`,
    notANumber: (where: string, shown: string) => `${where} holds ${shown}, not a number`,
    emptyRange: "the range is empty",
    oneRowOrColumn: (rows: number, columns: number) => `give one row or one column, not ${rows}×${columns} cells`,
    singleCell: "give a single cell",
    explainCustomer: (n: number) => `give the customer's position in data, a whole number from 1 to ${n}`,
    explainBlank: (k: number) => `customer ${k} has a blank value and no score`,
    explainTop: (label: string) => `${label} is the top tier; there is no tier above`,
    explainTopRow: (label: string) => `${label}: the top tier`,
    explainBelow: (next: string) => `points below ${next}`,
    rowsPerIndicator: (rows: number, indicators: number) => `${rows} rows for ${indicators} indicators; give one row per indicator`,
    columnsPerIndicator: (columns: number, indicators: number) => `${columns} columns for ${indicators} indicators; give one column per indicator`,
    notSquare: (rows: number, columns: number) => `the matrix must be square, not ${rows}×${columns}`,
    blankCell: (where: string) => `${where} is blank`,
    notADirection: (k: number, shown: string) => `cell ${k} says ${shown}; use "higher" or "lower" (1 or -1)`,
    directionCount: (given: number, indicators: number) => `${given} directions for ${indicators} indicators`,
    notAScoring: (shown: string) => `use "minmax" or "percentile", not ${shown}`,
    notANormalisation: (shown: string) => `use "minmax" or "sum", not ${shown}`,
    notPositive: (k: number, x: number) => `value ${k} is ${x}; it must be greater than 0`,
    sharesSum: (sum: number) => `the shares add up to ${sum}; give fractions adding up to 1 (0.2, 0.3, 0.5) or percentages adding up to 100`,
    cutoffAbove100: (k: number) => `cut-off ${k} is above 100 %`,
    cutoffsAscending: "cut-offs must be ascending (80, 95)",
    labelCount: (given: number, tiers: number) => `${given} labels for ${tiers} tiers`,
    weightBlank: (k: number) => `weight ${k} is blank`,
    weightNegative: (k: number, w: number) => `weight ${k} is ${w}; weights cannot be negative`,
    weightsZero: "all weights are 0",
    weightCount: (given: number, indicators: number) => `${given} weights for ${indicators} indicators`,
    valueBlank: (k: number) => `value ${k} is blank, so the customer has no score`,
    scoreBlank: "the score is blank",
    noScores: "there are no scores",
    valueIsBlank: "the value is blank",
    totalNotPositive: "they add up to 0 or less; a share of the total needs a positive total",
    namePerIndicator: (k: number) => `give one name per indicator (${k})`,
    customerLeftOut: (i: number) => `customer ${i} has a blank (or text, TRUE/FALSE) among its values and is left out of the ranks`,
    customerBlank: (i: number) => `customer ${i} has a blank value`,
  },
  /**
   * The engine's refusals (src/engine/errors.ts), keyed by its codes; the English repeats the engine's own
   * message word for word (test/engine/errors.test.ts), the parameters are the engine's, counted from 1.
   */
  engineErrors: {
    "shares-empty": () => "the shares scheme needs at least one share",
    "share-not-positive": (p: { share: number; value: number }) => `share ${p.share} is ${p.value}; shares must be positive`,
    "shares-sum": (p: { sum: number }) => `the shares add up to ${p.sum}, not 1`,
    "pareto-cutoffs-empty": () => "the pareto scheme needs at least one cut-off",
    "pareto-cutoff-range": (p: { cutoff: number; value: number }) =>
      `pareto cut-off ${p.cutoff} is ${p.value}; cut-offs are fractions in (0, 1]`,
    "pareto-cutoff-order": (p: { cutoff: number }) => `pareto cut-off ${p.cutoff}: cut-offs must be strictly ascending`,
    "value-infinite": () => "a value is infinite",
    "pareto-total": (p: { total: number }) => `the values add up to ${p.total}; a Pareto class needs a positive total`,
    "cutoffs-empty": () => "the cutoffs scheme needs at least one cut-off",
    "cutoff-not-number": (p: { cutoff: number }) => `cut-off ${p.cutoff} is not a number`,
    "cutoff-order": (p: { cutoff: number }) => `cut-off ${p.cutoff}: cut-offs must be strictly descending`,
    "rule-column-missing": (p: { rule: string; column: string }) =>
      `rule "${p.rule}" reads column "${p.column}", which does not exist`,
    "rule-operator": (p: { rule: string; op: string }) => `rule "${p.rule}": unknown operator "${p.op}"`,
    "rule-value": (p: { rule: string; value: string }) => `rule "${p.rule}": "${p.value}" is not a number`,
    "shares-labels": (p: { shares: number; labels: number }) =>
      `${p.shares} shares need ${p.shares} labels, found ${p.labels}`,
    "cutoffs-labels": (p: { cutoffs: number; expected: number; labels: number }) =>
      `${p.cutoffs} cut-offs need ${p.expected} labels, found ${p.labels}`,
    "pareto-no-value": () => "the pareto scheme needs a value column",
    "weight-missing": (p: { kind: "indicator" | "dimension"; name: string }) => `${p.kind} "${p.name}" has no weight`,
    "weight-invalid": (p: { kind: "indicator" | "dimension"; name: string; weight: number }) =>
      `${p.kind} "${p.name}" has weight ${p.weight}; weights must be finite and not negative`,
    "no-indicators": () => "the weight table has no indicators",
    "indicator-weights-zero": () => "all indicator weights are zero",
    "dimension-twice": (p: { dimension: string }) => `dimension "${p.dimension}" is listed twice`,
    "dimension-weights-zero": () => "all dimension weights are zero",
    "indicator-no-dimension": (p: { indicator: string }) =>
      `indicator "${p.indicator}" names no dimension, but the table has dimensions`,
    "indicator-unknown-dimension": (p: { indicator: string; dimension: string }) =>
      `indicator "${p.indicator}" names dimension "${p.dimension}", which does not exist`,
    "dimension-no-indicators": (p: { dimension: string }) => `dimension "${p.dimension}" has no indicators`,
    "dimension-indicator-weights-zero": (p: { dimension: string }) => `all indicator weights of dimension "${p.dimension}" are zero`,
    "value-infinite-at": (p: { value: number }) => `value ${p.value} is infinite`,
    "bands-empty": () => "scoring by bands needs at least one band",
    "band-threshold": (p: { band: number }) => `band ${p.band} has no finite threshold`,
    "band-points": (p: { band: number; points: number }) =>
      `band ${p.band} gives ${p.points} points; points are 0..100`,
    "band-order": (p: { band: number }) => `band ${p.band}: thresholds must be strictly ascending`,
    "scoring-unknown": (p: { scoring: string }) => `unknown scoring rule "${p.scoring}"`,
    "direction-unknown": (p: { direction: string }) => `unknown direction "${p.direction}"`,
    "raw-points-range": (p: { value: number }) => `raw points must be within 0..100, found ${p.value}`,
    "indicator-infinite": () => "an indicator value is infinite",
    "scoring-no-values": (p: { scoring: string }) => `${p.scoring} scoring needs at least one value in the column`,
    "matrix-empty": () => "the comparison matrix is empty",
    "matrix-not-square": (p: { rows: number; row: number; entries: number }) =>
      `the comparison matrix is not square: it has ${p.rows} rows but row ${p.row} has ${p.entries} entries`,
    "comparison-not-positive": (p: { row: number; column: number; value: string }) =>
      `row ${p.row}, column ${p.column} is ${p.value}; comparisons must be positive numbers`,
    "diagonal-not-one": (p: { row: number; column: number; value: number }) =>
      `row ${p.row}, column ${p.column} is ${p.value}; the diagonal must be 1`,
    "not-reciprocal": (p: { row: number; column: number; value: number; pairRow: number; pairColumn: number; pairValue: number; reciprocal: number }) =>
      `row ${p.row}, column ${p.column} is ${p.value} but should be the reciprocal of row ${p.pairRow}, column ${p.pairColumn}, 1/${p.pairValue} = ${p.reciprocal}`,
    "ahp-too-many": (p: { n: number }) => `Saaty's random index is defined for up to 10 criteria, not ${p.n}`,
    "row-length": (p: { row: number; count: number; indicators: number }) =>
      `row ${p.row} has ${p.count} values for ${p.indicators} indicators`,
    "cell-not-number": (p: { row: number; column: number }) => `row ${p.row}, column ${p.column} is not a number`,
    "normalization-unknown": (p: { normalization: string }) =>
      `unknown normalization "${p.normalization}"; use "minmax" or "sum"`,
    "entropy-few": () => "the entropy method needs at least 2 customers",
    "direction-at-unknown": (p: { index: number; direction: string }) =>
      `direction ${p.index} is "${p.direction}"; use "higher" or "lower"`,
    "sum-negative": (p: { row: number; column: number; value: number }) =>
      `row ${p.row}, column ${p.column} is ${p.value}; "sum" normalization needs values >= 0`,
    "entropy-constant": () => "every indicator is constant; the entropy method cannot weight them",
    "correlation-few": () => "a correlation needs at least 2 customers",
    "pca-constant": () => "every indicator is constant; principal components cannot weight them",
    "standardise-few": () => "standardising needs at least 2 customers",
    "k-range": (p: { k: number; n: number }) => `k = ${p.k}: use a whole number from 1 to the ${p.n} customers`,
    "choose-k-few": () => "choosing k needs at least 3 customers",
    "bins-count": (p: { bins: number }) => `${p.bins} bins: use a whole number of at least 2`,
    "bins-whole": (p: { bins: number }) => `bins must be a whole number of at least 2, not ${p.bins}`,
    "rfm-empty": () => "RFM scores need at least one customer",
    "value-not-number": (p: { value: number }) => `value ${p.value} is not a number`,
    "threshold-not-number": (p: { threshold: number }) => `threshold ${p.threshold} is not a number`,
    "thresholds-order": () => "the thresholds must be ascending",
    "thresholds-empty": () => "give at least one threshold",
    "segment-bound": (p: { segment: number; name: string }) =>
      `segment ${p.segment} ("${p.name}") has a bound that is not a number`,
    "segment-bounds-order": (p: { segment: number; name: string }) =>
      `segment ${p.segment} ("${p.name}") has a low bound above its high bound`,
    "scores-outside": (p: { customer: number; rBins: number; fBins: number }) =>
      `customer ${p.customer} has scores outside 1..${p.rBins} × 1..${p.fBins}`,
    "as-of-not-date": () => "the analysis date is not a date",
    "order-no-id": (p: { order: number }) => `order ${p.order} has no customer ID`,
    "order-no-date": (p: { order: number }) => `order ${p.order} has no valid date`,
    "order-after-as-of": (p: { order: number }) => `order ${p.order} is dated after the analysis date`,
    "order-no-amount": (p: { order: number }) => `order ${p.order} has no valid amount`,
    "order-margin-infinite": (p: { order: number }) => `order ${p.order} has an infinite margin`,
    "date-invalid": (p: { year: number; month: number; day: number }) => `${p.year}-${p.month}-${p.day} is not a date`,
    "date-out-of-range": (p: { year: number; month: number; day: number }) =>
      `${p.year}-${p.month}-${p.day} is not a date Excel can hold`,
    "customer-twice": (p: { id: string; period: "first" | "second" }) =>
      `customer "${p.id}" appears twice in the ${p.period} period`,
    "tier-no-label": (p: { customer: number; tier: number }) =>
      `customer ${p.customer} is in tier ${p.tier}, which has no label`,
    "growth-threshold": (p: { threshold: number }) => `the growth threshold ${p.threshold} is not a number`,
  },
  /** The task pane (src/taskpane): every word it shows. */
  pane: {
    listSeparator: ", ",
    /** The owner column split proposes when no column is named like one. */
    defaultOwnerColumn: "Owner",
    title: "Customer Tiers",
    openWorkbook: "Open workbook…",
    openHint: "Choose an .xlsx file. It is read in this browser and never uploaded.",
    download: "Download graded workbook",
    fileName: (name: string) => `Workbook: ${name}`,
    tables: "Tables",
    weightsTable: "Weight table",
    customersTable: "Customer table",
    byConvention: "Found by name (Weights / Customers)",
    scheme: "Tier scheme",
    schemeShares: "Shares of customers by rank",
    schemePareto: "Pareto (ABC) by cumulative value",
    schemeCutoffs: "Score cut-offs",
    schemeRules: "Rules, first match wins",
    shareOf: (label: string) => `Share of ${label} (%)`,
    cutoffOf: (label: string) => `Cumulative value up to ${label} (%)`,
    minimumScore: (label: string) => `Minimum score for ${label}`,
    valueColumn: "Value column (revenue, profit)",
    valueColumnHint: "Leave empty to use a column named Sales or Revenue.",
    sharesSum: (sum: string) => `Shares add up to ${sum} %; they must add up to 100 %.`,
    rules: "Rules",
    ruleLabel: "Tier",
    ruleColumn: "Column",
    ruleOperator: "Comparison",
    ruleValue: "Value",
    addRule: "Add rule",
    removeRule: (n: number) => `Remove rule ${n}`,
    otherwise: "Tier when no rule matches",
    labels: "Tier labels",
    labelsCustom: "Labels, best first, separated by commas",
    missing: "Blank indicator values",
    missingExclude: "Leave the customer out and list it",
    missingZero: "Score the indicator as 0 points",
    period: "Period (optional)",
    periodHint: "Keeps a Tier history sheet: grading the same period again replaces only that period.",
    strategy: "Write a strategy per customer (tier × upgrade potential)",
    growthColumn: "Growth column for upgrade potential",
    growthHint: "Blank: a column named YoY growth or Potential; growth of 10 % or more is potential.",
    risk: "Write risk levels and a watch list",
    mode: "Output",
    modeValues: "Values",
    modeFormulas: "Live Excel formulas",
    modeFormulasNote: "Formulas recalculate in Excel without the add-in.",
    found: "Before writing",
    customers: "Customers",
    excluded: "Left out",
    indicators: "Indicators",
    indicator: "Indicator",
    dimension: "Dimension",
    globalWeight: "Global weight",
    column: "Column",
    problems: "Problems",
    warnings: "Warnings",
    noProblems: "No problems found.",
    errorsBlock: "Fix the errors below before grading.",
    goToCell: (at: string) => `Go to ${at}`,
    checking: "Checking the workbook…",
    grade: "Grade",
    cancel: "Cancel",
    cancelled: "Grading was cancelled; the workbook is as it was.",
    failed: (message: string) => `Grading failed: ${message}`,
    stage: {
      read: "Reading the tables",
      parse: "Checking the data",
      grade: "Grading",
      plan: "Planning the output",
      write: "Writing to the workbook",
      done: "Done",
    } as Record<string, string>,
    progress: "Grading progress",
    summary: "Tier summary",
    tier: "Tier",
    customerShare: "Share of customers",
    value: "Value",
    valueShare: "Share of value",
    pyramid: "Pyramid",
    quantityPyramid: "Customers",
    valuePyramid: "Value",
    pyramidBar: (tier: string, share: string) => `${tier}: ${share}`,
    noWorkbook: "Open a workbook to start.",
    sharing: "Send it to others",
    sharingHint: "Copies are made from the workbook as it is now; the workbook itself is not changed.",
    shareFormulas: "TIERS formulas in the copy",
    shareValues: "Their values",
    shareNative: "Native Excel formulas where exact, values elsewhere",
    prepare: "Prepare a copy for sharing",
    preparing: "Preparing the copy…",
    shared: (values: number, native: number, about: string) =>
      `Ready: ${values} TIERS formula(s) replaced by values, ${native} by native formulas; the add-in does not open with the copy; the sheet “${about}” says how it was graded.`,
    addinKept: "The workbook did not load the add-in on open; nothing to remove.",
    unresolved: (cells: string) => `These TIERS formulas had no calculated value to keep; let them calculate, then prepare again: ${cells}.`,
    leftAsIs: (places: string) => `These formulas outside cells call TIERS and were left as they are; replace them by hand: ${places}.`,
    perOwner: "Copies per owner",
    ownerColumn: "Owner column",
    ownerColumnHint: "Each salesperson gets only their own customers; tiers stay company-wide.",
    orgTable: "Org table (optional: columns Owner, Manager)",
    orgTableHint: "A sheet or table name. Managers then get their team's customers.",
    split: "Make the copies",
    splitting: "Making the copies…",
    copies: (n: number) => `${n} copies, each holding only its owner's customers:`,
    copyLine: (file: string, role: string, customers: number) => `${file} — ${role}, ${customers} customers`,
    roles: { salesperson: "salesperson", manager: "manager", all: "everyone (business owner)" } as Record<string, string>,
    saveCopy: "Save",
    openCopy: "Open",
    copyFailed: (message: string) => `The copy could not be made: ${message}`,
    migration: "Who moved",
    migrationHint: "Compare two graded periods of the Tier history sheet; the Migration sheet is written too.",
    fromPeriod: "From period",
    toPeriod: "To period",
    showMigration: "Show who moved",
    migrationFailed: (message: string) => `The migration could not be made: ${message}`,
    beforeAfter: "Before \\ after",
    newCustomers: "New",
    lostCustomers: "Lost",
    moved: (up: number, down: number, added: number, lost: number) => `Upgraded ${up}, downgraded ${down}, new ${added}, lost ${lost}.`,
    migrationWritten: (sheet: string) => `Written to the sheet “${sheet}”.`,
    // The first screen and the footer.
    statusChecking: "Checking the workbook…",
    statusNone: "No workbook open",
    statusCustomers: (n: string) => `${n} customers`,
    statusIndicators: (n: number) => `${n} indicator${n === 1 ? "" : "s"}`,
    statusProblems: (n: number) => (n === 0 ? "ready to grade" : `${n} problem${n === 1 ? "" : "s"}`),
    statusWarnings: (n: number) => `${n} warning${n === 1 ? "" : "s"}`,
    noTables: "This workbook has no Weights or Customers table yet. Insert an example pair to see the layout, then replace its rows with your own.",
    insertExamples: "Insert example tables",
    exampleTemplate: "Template",
    templateBasic: "Basic: profitability and cooperation (12 customers)",
    templateValue: "Customer value model: economic, social and potential value (36 customers)",
    inserting: "Inserting the example tables…",
    insertFailed: (message: string) => `The example tables could not be inserted: ${message}`,
    willWrite: (columns: string, sheet: string, creates: string) => `Grade adds ${columns} to ${sheet}; ${creates}.`,
    createsSheets: (sheets: string[]) => `creates the sheet${sheets.length === 1 ? "" : "s"} ${sheets.join(", ")}`,
    list: (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`),
    moreOptions: "More options",
    indicatorsHeading: (n: number) => `Indicators and weights (${n})`,
    checkAgain: "Check again",
    result: "Result",
    announceGraded: (n: string, parts: string) => `Graded ${n}: ${parts}.`,
    announceProblems: (n: number) => `${n} problem${n === 1 ? "" : "s"} to fix before grading.`,
    announceCancelled: "Grading cancelled; the workbook is unchanged.",
    pyramidLabel: (tier: string, customers: string, value: string) => `${tier} · ${customers} / ${value}`,
    pyramidLegend: "Each bar: tier · share of customers / share of value.",
    valueIs: (column: string) => `Value is the column “${column}”.`,
    valueIsScore: "No value column was found, so value is the score. Pick one under More options.",
    cutoffsOrder: "Each tier's minimum score must be lower than the one above it.",
    paretoOrder: "Each cumulative share must be higher than the one above it, and below 100 %.",
    foundAs: (name: string, kind: "table" | "sheet") => `Found: ${kind === "table" ? "the table" : "the sheet"} “${name}”`,
    notFound: "Not found",
    pickColumn: "Pick a column",
    byName: (hint: string) => `Found by name (${hint})`,
    noColumn: "None",
    ruleCard: (n: number) => `Rule ${n}`,
    openFailed: "This file could not be opened.",
    saveCopyOf: (owner: string) => `Save ${owner}'s copy`,
    openCopyOf: (owner: string) => `Open ${owner}'s copy`,
    noOrg: "None (no managers)",
    valueAuto: "Found by name (Sales, Revenue)",
    growthAuto: "Found by name (YoY growth, Potential)",
    ownerAuto: "Pick the owner column",
    // Methods (issue 16): where the customers come from, the method and its settings, the Why column.
    source: "Grade from",
    sourceCustomers: "The customer table",
    sourceOrders: "An Orders table (one row per order)",
    ordersTable: "Orders table",
    ordersAuto: "Found by name (Orders / 订单)",
    asOf: "Analysis date",
    asOfHint: "Recency counts the days from each customer's last order to this date.",
    method: "Method",
    methodScore: "Weighted score (weight table)",
    methodRfm: "RFM segments (as R's rfm package)",
    methodKmeans: "k-means clusters",
    rfmRecency: "Recency column (days since the last order)",
    rfmFrequency: "Frequency column (orders)",
    rfmMonetary: "Monetary column (amount)",
    rfmAuto: (column: string) => `Found by name (${column})`,
    bins: "Bins per measure",
    clusters: "Number of clusters",
    clustersAuto: "Best mean silhouette (k = 2–8)",
    methodNote: (method: string) => `Tiers come from ${method}; change the method under More options.`,
    explainColumn: "Explain each tier (a Why column)",
    pcaWeights: "Weights from principal components (factor analysis)",
    pcaWeightsHint: "Fills the weight table's empty Weight cells and writes a Factor loadings sheet; weights you entered are never overwritten.",
    pcaWeightsRfmHint: "RFM segments use no weight table.",
    explainMethodHint: "Only tiers decided by a score are explained; RFM segments and clusters are not.",
    statusOrders: (n: string) => `${n} orders`,
    // The explain view after grading.
    explainHeading: "Why this tier",
    explainPick: "Find a customer",
    explainPickHint: (n: string) => `Type part of a customer ID (${n} customers).`,
    explainMore: (shown: number, total: string) => `${shown} of ${total} matches shown; type more to narrow.`,
    explainNoMatch: "No customer ID matches.",
    explainLeftOut: (id: string) => `${id} was left out (a blank indicator): it has no tier to explain.`,
    explainTier: (id: string, tier: string, score: string) => `${id}: tier ${tier}, score ${score}`,
    explainBars: "Each indicator's contribution (global weight × points); they add up to the score",
    explainBar: (share: string) => `${share} of the score`,
    explainTotal: "Score (the sum)",
    explainGap: (gap: string, next: string) => `${gap} points below ${next}.`,
    explainClose: (name: string, change: string, from: string, to: string) => `${name} ${change} (from ${from} to ${to}) would close the gap alone.`,
    explainNoClose: "No single indicator can close the gap alone.",
  },
  /** Tier label presets the pane offers. */
  labelPresets: [["A", "B", "C"], ["A", "B", "C", "D"], ["Key", "Ordinary", "Small"], ["VIP", "High value", "Ordinary"]],
};
