// Every word the command line prints, in en-US and zh-CN.

import type { Lang } from "../workbook/types";

const en = {
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
  methodLabels: "rfm and kmeans name their own tiers (segments, clusters): leave out --labels.",
  explainMethod: "--explain explains tiers decided by a score (shares, cutoffs); rfm segments and kmeans clusters are not. Leave out --explain.",
  fileMissing: (file: string) => `Cannot find the workbook "${file}". Check the path.`,
  notXlsx: (file: string, reason: string) => `Cannot read "${file}" as an .xlsx workbook (${reason}). Save it from Excel as .xlsx and try again.`,
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
};

const zh: typeof en = {
  help: `客户分级：按加权指标为 .xlsx 工作簿中的客户分级。

用法：
  tiers grade <工作簿.xlsx> [选项]
  tiers migrate <工作簿.xlsx> --from <期间> --to <期间> [--out <副本.xlsx>] [--json <文件|->]
  tiers share <工作簿.xlsx> [--out <副本.xlsx>] [--formulas values|native]
                             生成可邮寄的副本：替换 TIERS 公式，打开时不加载本加载项，附“关于本次分级”工作表
  tiers split <已分级.xlsx> --by <负责人列> [--org <表|工作表>] --out <文件夹>
                             每位销售一份（只含其客户）、每位经理一份（其团队的客户）、另有全部客户一份；
                             等级仍按全公司评定

grade 的选项：
  --out <分级后.xlsx>        分级结果写到哪里（默认：输入文件旁的 <文件名>.graded.xlsx；
                             只有 --out 指明时才会覆盖输入文件）
  --weights <表|工作表>      权重表（默认：权重 / Weights）
  --customers <表|工作表>    客户表（默认：客户 / Customers）
  --scheme <方案>            shares:20,30,50（默认，按客户占比）| pareto:80,95（按累计价值）| cutoffs:85,70,50（按得分）
                             | rfm（等级 = RFM 细分，取自“细分”工作表，缺少时按 R 语言 rfm 包的默认值写入）
                             | kmeans:4 | kmeans:auto（等级 = 聚类，聚类 1 = 平均得分最高）
  --orders <表|工作表>       按订单表分级：按客户汇总为“客户指标”工作表
  --as-of <yyyy-mm-dd>       --orders 的分析日期（默认：今天）
  --bins <n>                 RFM 每项的分档数（默认 5）
  --rfm-columns <r,f,m>      在客户表上做 RFM：最近购买间隔天数、购买频次、消费金额三列
  --labels <A,B,C>           等级名称，由高到低（默认：A、B、C……按方案所需个数）
  --value <列>               帕累托方案和价值金字塔所用的价值列（如 销售额）
  --missing exclude|zero     指标为空时：排除该客户并列出（默认），或记 0 分
  --formulas                 写入 Excel 原生公式而不是数值
  --period <期间>            本次分级所属期间（如 2026-Q3），记入“分级历史”工作表
  --strategy                 写入“策略”列（等级 × 升级潜力；附可编辑的“策略”工作表）
  --growth <列>[:10%]        判断升级潜力的增长率列及阈值
  --risk                     按“风险规则”工作表写入“风险”列，并生成“重点关注”工作表
  --explain                  写入“原因”列（距上一等级差多少分、哪个指标最易补足）；JSON 中每位客户另有
                             contributions（权重 × 分值）和 gap_to_next_tier
  --json <文件|->            另外以 JSON 写出 { customers: [{ id, score, rank, tier }], summary }（“-”为标准输出）
  --lang zh-CN|en-US         提示信息和写入内容的语言（默认：按工作簿 / LANG）
  -h, --help                 显示本帮助

退出码：0 完成；1 工作簿有问题（逐条列出工作表和单元格）、不是可读取的 .xlsx，或没有任何客户可分级；
2 用法错误，或文件无法读取或写入（不会覆盖任何文件：每个文件先写入临时文件再改名到位）；3 tiers 自身的故障。

示例：
  tiers grade assets/sample-customers.zh-CN.xlsx --scheme pareto:80,95 --labels 关键,普通,小 --json -
`,
  unknownCommand: (command) => `未知命令“${command}”。参见 tiers --help。`,
  noCommand: "请告诉 tiers 要做什么，例如 tiers grade <工作簿.xlsx>。参见 tiers --help。",
  noWorkbook: "请指定要分级的工作簿：tiers grade <工作簿.xlsx>。",
  extraArgument: (arg) => `多余的参数“${arg}”。一次只能为一个工作簿分级。`,
  unknownOption: (option) => `未知选项“${option}”。参见 tiers --help。`,
  missingValue: (option) => `选项 ${option} 需要一个值。参见 tiers --help。`,
  repeatedOption: (option) => `选项 ${option} 出现了不止一次。请只写一次。`,
  flagValue: (option) => `选项 ${option} 不带值。请只写 ${option}。`,
  badScheme: (text) =>
    `“${text}”不是有效的分级方案。请写 shares:20,30,50（客户占比百分数，合计 100）、pareto:80,95（累计价值百分数）、cutoffs:85,70,50（最低得分，由高到低）、rfm，或 kmeans:4 / kmeans:auto（k 为 2 到 20）。`,
  badLabels: (needed, given) => `该方案需要 ${needed} 个等级名称，但 --labels 给了 ${given} 个。请按由高到低每级给一个名称。`,
  blankLabel: "--labels 中有空白的等级名称。请按由高到低为每一级命名，例如 --labels A,B,C。",
  longLabel: (length, max) => `--labels 中有一个等级名称长 ${length} 个字符，最多允许 ${max} 个。请使用较短的名称。`,
  duplicateLabel: (label, first) => `--labels 中的等级名称“${label}”与“${first}”相同。请为每一级使用不同的名称。`,
  badMissing: (text) => `“${text}”不是有效的空值处理方式。请写 --missing exclude 或 --missing zero。`,
  badLang: (text) => `不支持语言“${text}”。请写 --lang zh-CN 或 --lang en-US。`,
  badBins: (text) => `“${text}”不是有效的 RFM 分箱数。请写 2 到 9 的整数，例如 --bins 5。`,
  badRfmColumns: (text) => `“${text ?? ""}”没有给出三列。请写 --rfm-columns "<最近购买间隔天数>,<购买频次>,<消费金额>"，例如 --rfm-columns "间隔,订单数,金额"。`,
  rfmOnly: "--bins 和 --rfm-columns 属于 RFM 方案：请加上 --scheme rfm。",
  badAsOf: (text) => `“${text}”不是日期。请按 yyyy-mm-dd 写分析日期，例如 --as-of 2006-12-31。`,
  asOfNeedsOrders: "--as-of 是订单表的分析日期：请加上 --orders <表|工作表>。",
  methodLabels: "rfm 和 kmeans 自行命名等级（细分、聚类）：请不要使用 --labels。",
  explainMethod: "--explain 解释按得分划分的等级（shares、cutoffs）；rfm 细分和 kmeans 聚类不按得分划分。请去掉 --explain。",
  fileMissing: (file) => `找不到工作簿“${file}”。请检查路径。`,
  notXlsx: (file, reason) => `无法将“${file}”读取为 .xlsx 工作簿（${reason}）。请在 Excel 中另存为 .xlsx 后重试。`,
  problems: (count) => `工作簿有 ${count} 个问题，未写入任何内容。请修正后重新分级：`,
  graded: (customers, excluded, out) => `已为 ${customers} 个客户分级${excluded ? `（${excluded} 个因空值被排除）` : ""}；已写入 ${out}`,
  tierLine: (tier, customers, share) => `  ${tier}：${customers} 个客户（${share}）`,
  jsonWritten: (file) => `已写入 ${file}`,
  clusters: (k, silhouette) => `k 均值聚类：k = ${k}，平均轮廓系数 ${silhouette}`,
  cancelled: "已取消，未写入任何内容。",
  noneGraded: (customers) =>
    `没有任何客户可以分级：全部 ${customers} 个客户都因空值被排除（见上方列表），未写入任何内容。请补全空值（没有计算结果的公式也算空值：请先在 Excel 中打开并保存工作簿），或使用 --missing zero 分级。`,
  stage: { read: "读取", parse: "检查", grade: "分级", plan: "规划", write: "写入", done: "完成" },
};

export type CliText = typeof en;

/**
 * The command line's words in a language.
 *
 * @example
 * cliText("zh-CN").badLang("fr") // "不支持语言“fr”。请写 --lang zh-CN 或 --lang en-US。"
 */
export function cliText(lang: Lang): CliText {
  return lang === "zh-CN" ? zh : en;
}

/**
 * The language for messages: --lang when given, else the LANG / LC_ALL / LC_MESSAGES environment
 * (zh... is Chinese), else English.
 *
 * @example
 * messageLanguage(undefined, { LANG: "zh_CN.UTF-8" }) // "zh-CN"
 * messageLanguage(undefined, {})                      // "en-US"
 */
export function messageLanguage(option: string | undefined, env: Record<string, string | undefined>): Lang {
  if (option === "zh-CN" || option === "en-US") return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en-US";
}
