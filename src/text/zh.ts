// Every sentence and word the add-in shows or writes, in Chinese (zh-CN). Typed by the English catalogue:
// a missing key or a parameter the English message does not declare is a type error.

import { BANDS_EXAMPLE, chineseOf, DEFAULT_NAMES, t, UNCALCULATED } from "./format";
import type { BandsReason, TableRole } from "./format";
import type { Catalogue } from "./index";

const TABLE: Record<TableRole, string> = { weights: "权重表", customers: "客户表", orders: "订单表", segments: "细分表" };
const ITEM: Record<TableRole, string> = { weights: "指标", customers: "客户", orders: "订单", segments: "细分" };
const BANDS_REASON: Record<BandsReason, string> = {
  pair: "每一档写作 阈值:分数",
  points: "分数在 0 到 100 之间",
  duplicate: "同一阈值只能出现一次",
  empty: "至少需要一档",
};

export const zh: Catalogue = {
  problems: {
    "table-not-found": (p) =>
      `未找到${TABLE[p.role] ?? TABLE.customers}：查找了名为 ${t(p.names) || DEFAULT_NAMES[p.role]} 的 Excel 表格或工作表。` +
      `本工作簿中的工作表：${t(p.sheets) || "无"}。请重命名表格或工作表，或在设置中选择它。`,
    "table-empty": (p) =>
      `${TABLE[p.role] ?? TABLE.customers}中没有数据。请在顶部放置表头行，其下每行一个${ITEM[p.role] ?? ITEM.customers}。`,
    "missing-header": (p) => `表头行中没有“${chineseOf(p.headers)}”列。请添加该标题的列（可用：${p.headers.join(", ")}）。`,
    "duplicate-header": (p) => `标题“${t(p.header)}”与 ${t(p.first)} 列重复，无法确定读取哪一列。请重命名其中一列。`,
    "duplicate-id": (p) => `客户编号“${t(p.id)}”已在 ${t(p.first)} 出现。请为每个客户使用唯一的编号。`,
    "blank-id": () => `该行有数据但没有客户编号。请填写编号，或删除该行。`,
    "indicator-column-missing": (p) =>
      `指标“${t(p.indicator)}”读取“${t(p.column)}”列，但客户表${t(p.table) ? `（${t(p.table)}）` : ""}中没有该标题。` +
      `请在客户表中添加该列，或在本行的“数据列”中填写客户表的列标题。`,
    "not-a-number": (p) =>
      p.error === UNCALCULATED
        ? `公式没有计算结果${t(p.column) ? `（“${t(p.column)}”列）` : ""}——请先在 Excel 中打开并保存该工作簿（写入该文件的程序不计算公式）。`
        : p.error !== undefined
        ? `单元格${t(p.column) ? `（“${t(p.column)}”列）` : ""}显示错误 ${t(p.error)}。请修正公式、填写数字，或留空。`
        : `“${t(p.value)}”不是数字。请填写数字或留空。`,
    "unknown-direction": (p) => `“${t(p.value)}”不是有效的方向。请填写 正向 或 负向（higher 或 lower）；留空即为正向。`,
    "unknown-scoring": (p) =>
      `“${t(p.value)}”不是有效的计分方式。请填写 极差、百分位、分档 或 原值（minmax、percentile、bands、raw）；留空即为极差。`,
    "malformed-bands": (p) =>
      `无法读取分档“${t(p.value)}”（${BANDS_REASON[p.reason] ?? BANDS_REASON.pair}）。` +
      `请用分号分隔“阈值:分数”，例如 ${BANDS_EXAMPLE}。`,
    "bands-required": (p) =>
      p.noColumn
        ? `指标“${t(p.indicator)}”按分档计分，但表中没有“分档”列。请添加“分档”列并填写，例如 ${BANDS_EXAMPLE}。`
        : `指标“${t(p.indicator)}”按分档计分，但分档为空。请填写此单元格，例如 ${BANDS_EXAMPLE}。`,
    "bands-ignored": (p) => `指标“${t(p.indicator)}”的计分方式为 ${t(p.scoring)}，其分档不会使用。请将计分方式改为分档，或清空分档。`,
    "negative-weight": (p) => `权重 ${t(p.value)} 为负数。请填写大于或等于 0 的权重。`,
    "missing-weight": (p) => `“${t(p.name)}”没有权重。请填写权重，例如 0.2 或 20%。`,
    "zero-weights": (p) =>
      t(p.dimension) === "*"
        ? `所有维度的权重都为 0。请至少为一个维度设置大于 0 的权重。`
        : t(p.dimension)
          ? `维度“${t(p.dimension)}”下所有指标的权重都为 0。请至少为其中一个指标设置大于 0 的权重，或删除该维度。`
          : `所有指标的权重都为 0。请至少为一个指标设置大于 0 的权重。`,
    "unknown-dimension": (p) =>
      `维度“${t(p.dimension)}”没有权重行。请使用以下之一：${t(p.known)}；或添加一行，填写该维度和权重，指标留空。`,
    "missing-dimension": (p) => `指标“${t(p.indicator)}”没有维度，但表中设置了维度权重。请填写以下之一：${t(p.known)}。`,
    "duplicate-dimension": (p) => `维度“${t(p.dimension)}”已在 ${t(p.first)} 设置权重。请只保留其中一行。`,
    "empty-dimension": (p) => `维度“${t(p.dimension)}”有权重但没有指标，已忽略，其余维度的权重按比例调整。请添加其指标，或删除该行。`,
    "missing-indicator": () => `该行没有指标名称。请填写指标名称，或删除该行。`,
    "raw-out-of-range": (p) => `${t(p.value)} 不在 0 到 100 之间，但指标“${t(p.indicator)}”按原值计分。请填写 0 到 100 的分数，或改用其他计分方式。`,
    "duplicate-indicator": (p) => `指标“${t(p.indicator)}”已在 ${t(p.first)} 列出。每个指标只列一次。`,
    "value-column-missing": (p) => `客户表中没有可作为价值列的数字列“${t(p.column)}”。请选择其他价值列，或添加该列。`,
    "more-problems": (p) => `此处还有 ${t(p.count)} 个单元格存在同类问题。请按上面所列的方式一并修正。`,
    "output-collision": (p) => `您的列“${t(p.header)}”与插件写入的列同名。请重命名该列；插件不会覆盖它。`,
    "output-past-last-column": (p) =>
      `该工作表没有空间写入 ${t(p.needed)} 个输出列：在 Excel 最后一列 XFD 之前只剩 ${t(p.free)} 列。请把客户表移到列数较少的工作表，或删除其右侧不用的列。`,
    "totals-row-excluded": (p) => `表“${t(p.table)}”的最后一行是汇总行，不作为客户读取。`,
    "output-sheet-collision": (p) => `您的工作表“${t(p.sheet)}”与插件写入的工作表同名。请重命名该工作表；插件不会覆盖它。`,
    "output-cell-collision": (p) => `此单元格有不是本插件写入的数据，而插件的“${t(p.header)}”列要写在这里。请移开或删除这些数据，然后重新分级；插件不会覆盖它。`,
    "output-columns-blocked": (p) =>
      `您的列“${t(p.header)}”位于插件写入的列右侧，而本次要写 ${t(p.columns)} 列（上次为 ${t(p.was)} 列）。请把该列移到插件列的左侧（或别处），然后重新分级。`,
    "label-count": (p) =>
      `该分级方案需要 ${t(p.needed)} 个等级名称，但提供了 ${t(p.given)} 个（${t(p.labels)}）。请按从高到低填写 ${t(p.needed)} 个名称。`,
    "cannot-grade": (p) => `无法进行分级：${t(p.reason)}。请检查权重表和设置。`,
    "weights-normalised": (p) =>
      `${t(p.subject) ? `${t(p.subject)} 的` : ""}权重合计为 ${t(p.sum) || "非 1 的值"}，不是 1；已按比例调整为合计 1。如非本意，请修改权重。`,
    "dimension-weights-normalised": (p) =>
      `维度权重${t(p.subject) ? `（${t(p.subject)}）` : ""}合计为 ${t(p.sum) || "非 1 的值"}，不是 1；已按比例调整为合计 1。如非本意，请修改权重。`,
    "customers-excluded": (p) => `${t(p.count)} 个客户的指标值为空，未参与分级（${t(p.subject)}）。请补全数据，或选择将空值计为 0 分。`,
    "missing-scored-zero": (p) => `${t(p.count)} 个指标的空值已计为 0 分（${t(p.subject)}）。如不合理，请补全数据。`,
    "no-spread": (p) => `所有客户在 ${t(p.subject)} 上的值都相同，无法区分客户。请检查该列，或将其权重设为 0。`,
    "unknown-potential": (p) => `“${t(p.value)}”不是有效的升级潜力。请填写 是、否 或 任意（yes、no、any）。`,
    "rules-header-missing": (p) => `此工作表需要表头 风险、数据列、条件、值（${t(p.headers)}）。请添加表头，或删除此表以获得预填的版本。`,
    "rule-column-missing": (p) => `客户表中没有数字列“${t(p.column)}”。请填写客户表中某个数字列的标题。`,
    "unknown-condition": (p) => `“${t(p.value)}”不是有效的条件。请填写 > >= < <= = <> 之一。`,
    "override-unknown-customer": (p) => `没有客户编号为“${t(p.id)}”的客户。请更正编号，或删除此调整。`,
    "override-unknown-tier": (p) => `“${t(p.value)}”不是本次分级的等级（${t(p.labels)}）。请填写其中之一。`,
    "not-a-date": (p) => `“${t(p.value)}”不是日期。请填写如 2026-12-31 的日期，或留空。`,
    "period-not-graded": (p) => `期间“${t(p.period)}”没有分级记录（已分级期间：${t(p.periods) || "无"}）。请先设置该期间并分级，或选择已分级的期间。`,
    "not-graded": () => "该工作簿尚未经过客户分级（没有加载项的输出记录）。请先分级，再生成副本。",
    "owner-column-missing": (p) => `客户表中没有“${t(p.column)}”列（现有列：${t(p.headers)}）。请按此处的写法填写负责人列的标题。`,
    "org-table-not-found": (p) => `找不到组织表“${t(p.name)}”（现有工作表：${t(p.sheets)}）。请填写含“负责人”和“经理”两列的工作表或表名。`,
    "org-header-missing": (p) => `组织表需要“负责人”和“经理”两列（或 Owner、Manager）；其标题行为：${t(p.headers)}。请添加或改名这两列。`,
    "not-recalculated": (p) => `“${t(p.column)}”列的公式尚未计算（工作簿以实时公式写出，还未在 Excel 中打开过）。请在 Excel 或 LibreOffice 中打开并保存，或以数值方式分级，然后再生成副本。`,
    "orders-header-missing": (p) => `订单表中没有“${t(p.columnZh)}”列（其标题行为：${t(p.headers)}）。请添加标题为“${t(p.columnZh)}”或“${t(p.column)}”的列。`,
    "order-value-missing": (p) => `该订单没有${t(p.column)}。请填写，或删除该行。`,
    "order-date-unreadable": (p) => `“${t(p.value)}”不是可识别的日期。请填写日期单元格，或如 2006-12-31、${t(p.example)} 的文本。`,
    "order-after-as-of": (p) => `订单日期 ${t(p.value)} 晚于分析日期 ${t(p.asOf)}。请更正日期，或选择更晚的分析日期。`,
    "order-not-a-number": (p) =>
      p.error !== undefined ? `${t(p.column)}单元格显示错误 ${t(p.error)}。请修正公式或填写数字。` : `${t(p.column)}中的“${t(p.value)}”不是数字。请填写数字。`,
    "segments-header-missing": (p) =>
      `细分表中没有“${t(p.column)}”列（其标题行为：${t(p.headers)}）。细分表的列为：细分、R下限、R上限、F下限、F上限、M下限、M上限（或 Segment, R low, R high, F low, F high, M low, M high）。`,
    "segment-bound": (p) => `“${t(p.value)}”不是有效的分值界限。请填写 1 到 ${t(p.bins)} 的整数。`,
    "segment-bounds-crossed": (p) => `下限 ${t(p.low)} 大于上限 ${t(p.high)}，没有客户能匹配。请交换两者。`,
    "not-an-id": (p) =>
      p.error !== undefined
        ? `客户编号单元格显示错误 ${t(p.error)}，不是编号。请修正公式或填写编号。`
        : `客户编号单元格是逻辑值 ${t(p.value)}，不是编号。请填写客户编号（如必须为 TRUE 或 FALSE，请以文本输入）。`,
    "value-overflow": (p) =>
      `“${t(p.column)}”列中的 ${t(p.value)} 过大，该列的数值无法比较或相加（结果超过电子表格能表示的最大数约 1.8E+308）。请检查该值；如确实无误，请换用更大的单位填写。`,
    "weights-overflow": (p) => `权重 ${t(p.value)} 过大，权重无法相加（合计超过电子表格能表示的最大数约 1.8E+308）。请使用较小的权重，例如百分比。`,
    "pca-weight-filled": (p) =>
      `“${t(p.name)}”的权重已填写（${t(p.value)}）；主成分分析法只填写空的权重单元格。请清空权重列，或选择替换现有权重（命令行：--weights-from pca:replace）。`,
    "pca-weights-failed": (p) =>
      `无法用主成分分析法从 ${t(p.count)} 个指标齐全的客户求出权重：${t(p.reason)}。请至少为两个客户填写有差异的指标值，或自行填写权重。`,
    "pca-not-for-rfm": () => `主成分分析法用于填写权重表，而 RFM 方案不使用权重表。请选择其他方案，或使用权重表中的权重。`,
    "growth-column-missing": (p) => `客户表中没有用于判断升级潜力的数字列“${t(p.column)}”。请选择增长率列，或使用填写 是/否 的“潜力”列。`,
  },
  problemWords: { locationEnd: "：", error: "错误：", warning: "警告：" },
  cli: {
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
  --weights-from pca[:replace]
                             用主成分分析法（保留特征值 > 1 的主成分）求出权重，填入权重表的权重列并据此
                             分级；特征值、方差贡献率和载荷写入“因子载荷”工作表。只写入空的权重单元格
                             （或此前由它填写的）；:replace 覆盖您已填写的权重
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
    badWeightsFrom: (text) => `“${text}”不是有效的权重来源。请写 --weights-from pca；要覆盖权重表中已有的权重，请写 --weights-from pca:replace。`,
    weightsFromRfm: "--weights-from 用于填写权重表，而 --scheme rfm 不使用权重表。请去掉其中一个。",
    pcaWeights: (kept, variance, customers, sheet) =>
      `主成分分析法确定权重：保留 ${kept} 个主成分（解释 ${variance} 的方差），基于 ${customers} 个客户；已写入权重表，载荷见“${sheet}”工作表`,
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
  },
  migrate: {
    usage: "用法：tiers migrate <工作簿.xlsx> --from <期间> --to <期间> [--out <副本.xlsx>] [--json <文件|->] [--lang zh-CN|en-US]",
    notXlsx: (file, reason) => `无法将“${file}”读取为 .xlsx 工作簿（${reason}）。`,
    written: (file) => `迁移表已写入 ${file}。`,
    line: (tier, cells) => `  ${tier.padEnd(8)} ${cells}`,
    moved: (up, down, added, lost) => `升级 ${up}，降级 ${down}，新增 ${added}，流失 ${lost}。`,
  },
  share: {
    shareUsage: "用法：tiers share <工作簿.xlsx> [--out <副本.xlsx>] [--formulas values|native] [--lang zh-CN|en-US]",
    splitUsage: "用法：tiers split <已分级.xlsx> --by <负责人列> [--org <表|工作表>] --out <文件夹> [--lang zh-CN|en-US]",
    notXlsx: (file, reason) => `未能为“${file}”生成副本：${reason}`,
    shared: (file) => `可发送的副本已写入 ${file}。`,
    converted: (values, native) => `TIERS 公式：${values} 个替换为数值，${native} 个替换为 Excel 原生公式。`,
    unresolved: (cells) => `警告：以下 TIERS 公式没有可保留的计算结果（请在装有加载项的 Excel 中打开、计算并保存后再生成副本）：${cells}`,
    leftAsIs: (places) => `警告：以下单元格之外的公式调用了 TIERS 函数，已保持原样（请手动替换）：${places}`,
    addin: (removed) => (removed ? "副本打开时不再加载本加载项。" : "该工作簿打开时不加载本加载项，无需移除。"),
    about: (sheet) => `工作表“${sheet}”说明了分级方法。`,
    copy: (file, customers) => `  ${file}：${customers} 位客户`,
    copies: (n, dir) => `已在 ${dir} 写入 ${n} 个副本：`,
  },
  /** The command line's failures that are not the workbook's contents (src/cli/failures.ts). */
  failures: {
    /** A file could not be written (by the operating system's error code). */
    write: {
      ENOENT: (file) => `无法写入“${file}”：所在文件夹不存在。请先创建该文件夹或换一个路径。`,
      ENOTDIR: (file) => `无法使用“${file}”：路径中的某一部分是文件而不是文件夹。`,
      EISDIR: (file) => `“${file}”是一个文件夹。请指定要写入的文件，例如 ${file.replace(/[\\/]+$/, "")}/graded.xlsx。`,
      EACCES: (file) => `无法写入“${file}”：没有权限。请用 --out 换一个有写入权限的文件夹。`,
      EPERM: (file) => `无法写入“${file}”：操作不被允许。请用 --out 换一个有写入权限的文件夹。`,
      EROFS: (file) => `无法写入“${file}”：磁盘为只读。请用 --out 换一个可写入的文件夹。`,
      ENOSPC: (file) => `无法写入“${file}”：磁盘已满。请释放空间后重试；原有文件均未被覆盖。`,
      EDQUOT: (file) => `无法写入“${file}”：磁盘配额已用完。请释放空间后重试；原有文件均未被覆盖。`,
      EFBIG: (file) => `无法写入“${file}”：文件将超过系统允许的大小上限（ulimit -f）。原有文件均未被覆盖。`,
      ENAMETOOLONG: (file) => `无法写入“${file}”：文件名对该文件系统来说太长。`,
      EMFILE: (file) => `无法打开“${file}”：打开的文件过多。请关闭一些程序后重试。`,
    },
    /** A file could not be written, for any other error code. */
    writeOther: (file, code) => `无法写入“${file}”（${code}）。原有文件均未被覆盖。`,
    /** The input could not be read. */
    read: {
      ENOENT: (file) => `找不到工作簿“${file}”。请检查路径。`,
      EISDIR: (file) => `“${file}”是一个文件夹，不是工作簿。请指定 .xlsx 文件。`,
      EACCES: (file) => `无法读取“${file}”：没有权限。`,
      EPERM: (file) => `无法读取“${file}”：操作不被允许。`,
    },
    unexpected: (message) =>
      `tiers 遇到了意料之外的错误（${message}），已停止；没有覆盖任何文件。请将所运行的命令报告给客户分级的维护者（设置 TIERS_DEBUG=1 可显示详细信息）。`,
    clashInput: (option, file) => `${option || "输出"}“${file}”就是输入的工作簿；tiers 不会以这种方式覆盖输入。请换一个路径。`,
    clashOther: (option, other, file) => `${option || "输出"}“${file}”与 ${other || "分级结果"} 是同一个文件；请为每个输出指定不同的路径。`,
  },
  packageErrors: {
    encrypted: () => "该工作簿受密码保护（已加密），无法读取。请在 Excel 中打开它，删除密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），保存后重试。",
    xls: () => "这是 Excel 97-2003 工作簿（.xls），不是 .xlsx。请在 Excel 或 LibreOffice 中打开并另存为 Excel 工作簿（.xlsx）后重试。",
    "not-xlsx": (p) => `该文件不是 Excel 工作簿（.xlsx）${p.detail ? `：${p.detail}` : ""}。如果它是 CSV 或其他格式，请在 Excel 中打开并另存为 Excel 工作簿（.xlsx）。`,
    "too-large": (p) => `工作簿超出了 Excel 的上限或可安全读取的范围：${p.what} 超过 ${p.limit}。未写入任何内容。`,
    "no-content-types": () => "该文件是缺少 [Content_Types].xml 的 zip 包，不是有效的 .xlsx（可能被手工重新压缩过）。请在 Excel 或 LibreOffice 中打开并重新保存；本加载项不修复文件包。",
    "bad-xml": (p) => `工作簿的部件 ${p.part} 不是格式正确的 XML（${p.detail}）。请在 Excel 中打开并重新保存该文件。`,
  },
  openFailure: {
    encrypted: "该工作簿设置了打开密码，无法在此读取。请在 Excel 中取消密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后保存，再重新打开。",
    xls: "这是旧格式的 Excel 文件（.xls）。请在 Excel 中另存为“Excel 工作簿（.xlsx）”，再打开新文件。",
    text: "这是文本文件（例如 CSV），不是 Excel 工作簿。请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”，再打开新文件。",
    empty: "文件是空的。请重新选择工作簿。",
    "not-workbook": "该文件不是 Excel 工作簿（.xlsx），或已损坏。请在 Excel 中打开并另存为“Excel 工作簿（.xlsx）”，再打开新文件。",
  },
  hostTooOld: (api) => `此版本的 Excel 不支持客户分级所需的 ExcelApi ${api}。请更新 Excel，或使用 Excel 网页版。`,
  output: {
    why: "原因",
    copyBaseName: "客户分级",
    copyRoleWord: { salesperson: "", manager: "团队-", all: "" },
    score: "得分",
    rank: "排名",
    tier: "等级",
    strategy: "策略",
    risk: "风险",
    computedTier: "计算等级",
    override: "调整说明",
    summarySheet: "分级汇总",
    title: "客户分级",
    tierHeader: "等级",
    customers: "客户数",
    customerShare: "客户占比",
    value: "价值",
    valueShare: "价值占比",
    spacerCustomers: "占位（客户数）",
    spacerValue: "占位（价值）",
    labelCustomers: "标签（客户数）",
    labelValue: "标签（价值）",
    total: "合计",
    settings: "本工作簿的分级方法",
    gradedOn: "分级时间",
    scheme: "分级方案",
    labels: "等级名称",
    missing: "空值",
    missingExclude: "指标为空的客户不参与分级，列于下方",
    missingZero: "空指标计 0 分",
    weightsTable: "权重表",
    customersTable: "客户表",
    graded: "已分级客户",
    gradedValue: "已分级客户的价值合计",
    excludedCount: "未分级客户",
    valueColumn: "价值列",
    valueIsScore: "（无：价值金字塔使用得分）",
    period: "期间",
    weights: "权重",
    dimension: "维度",
    indicator: "指标",
    column: "数据列",
    direction: "方向",
    scoring: "计分",
    globalWeight: "综合权重",
    min: "最小值",
    max: "最大值",
    excluded: "未分级客户",
    customerId: "客户编号",
    blankIndicators: "空白指标",
    warnings: "提示",
    quantityPyramid: "各等级客户数",
    valuePyramid: "各等级价值",
    historySheet: "分级历史",
    overridden: "已调整",
    yes: "是",
    no: "否",
    migrationSheet: "迁移",
    migrationTitle: (from: string, to: string) => `等级迁移：${from} → ${to}`,
    migrationCustomers: "客户数（行：之前等级，列：之后等级）",
    migrationValue: "价值（行：之前等级，列：之后等级）",
    fromTo: "之前 \\ 之后",
    newCustomers: "新增",
    lostCustomers: "流失",
    upgraded: "升级",
    downgraded: "降级",
    higher: "越高越好",
    lower: "越低越好",
    schemeShares: (p: string) => `按排名（RANK.EQ）的客户比例：${p}`,
    schemePareto: (p: string) => `按累计价值的 ABC（帕累托）分类：${p}`,
    schemeCutoffs: (p: string) => `按得分分档：${p}`,
    schemeRules: (p: string) => `规则，先匹配者优先：${p}`,
    aboutSheet: "关于本次分级",
    aboutMethod: "等级的计算方法",
    aboutLines: [
      "每个指标给出 0 到 100 分：极差法（(x - 最小值) / (最大值 - 最小值)）、百分位（低于 x 的客户占比）、分档或原值；越低越好的指标反向计分。",
      "客户得分 = Σ 指标得分 × 全局权重；全局权重 = 维度权重 × 指标在维度内的权重。",
      "排名与 Excel 的 RANK.EQ 相同：得分相同者并列最优名次。等级按下列方案划分，得分相同者总在同一等级。",
    ],
    aboutCopy: "本副本",
    preparedOn: "生成时间",
    toValues: "替换为数值的 TIERS 公式",
    toNative: "替换为 Excel 原生公式的 TIERS 公式",
    unresolved: "没有保存结果的 TIERS 公式（保持原显示）",
    addinOnOpen: "打开副本时加载本加载项",
    notGradedHere: "本工作簿中没有加载项的分级汇总，仅转换了其中的 TIERS 公式。",
    recordMissing: "本工作簿由旧版本插件分级，未保存分级设置的记录：请重新分级后再准备副本，即可在此列出。",
    copyOf: "本副本包含以下负责人的客户",
    companyWide: "等级与排名为全公司统一评定；上方等级表只统计本副本中的客户。",
    roleSalesperson: "销售",
    roleManager: "经理及其团队",
    roleAll: "全部",
  },
  sheetName: {
    refused: (sheet, fault) => `工作表名称“${sheet}”${fault}，Excel 不接受，因此未写入任何内容。`,
    blank: () => "为空",
    "too-long": (max) => `超过 ${max} 个字符`,
    "forbidden-character": () => "含有 : \\ / ? * [ ] 之一",
    apostrophe: () => "以撇号开头或结尾",
    reserved: () => "是 Excel 保留的名称“History”",
    duplicate: () => "与另一个工作表重名（Excel 不区分大小写）",
  },
  functions: {
    argued: (argument, message) => `${argument}：${message}`,
    refused: (argument, reason) => `参数 ${argument} 无效：${reason}`,
    theCell: "该单元格",
    cell: (k) => `第 ${k} 个单元格`,
    rowColumn: (row, column) => `第 ${row} 行第 ${column} 列`,
    errorCell: (where, error) => `${where}是错误值 ${error}；请更正该单元格，或把它移出区域`,
    dataTypeCell: (where, name) => `${where}是数据类型 ${name}，不是数字；请改为引用它的某个字段（例如 =A2.Price）`,
    notANumber: (where, shown) => `${where}是 ${shown}，不是数字`,
    emptyRange: "区域为空",
    oneRowOrColumn: (rows, columns) => `请给出一行或一列，而不是 ${rows}×${columns} 个单元格`,
    singleCell: "请给出单个单元格",
    explainCustomer: (n) => `请给出客户在 data 中的位置，即 1 到 ${n} 之间的整数`,
    explainBlank: (k) => `第 ${k} 位客户有空值，没有得分`,
    explainTop: (label) => `${label} 已是最高一级，没有更高的级别`,
    explainTopRow: (label) => `${label}：已是最高一级`,
    explainBelow: (next) => `距 ${next} 还差`,
    rowsPerIndicator: (rows, indicators) => `有${rows} 行，但指标有 ${indicators} 个；每个指标应占一行`,
    columnsPerIndicator: (columns, indicators) => `有${columns} 列，但指标有 ${indicators} 个；每个指标应占一列`,
    notSquare: (rows, columns) => `矩阵必须是方阵，而不是 ${rows}×${columns}`,
    blankCell: (where) => `${where}为空`,
    notADirection: (k, shown) => `第 ${k} 个单元格为 ${shown}；请用 "higher"/"lower"（1 或 -1，正向/负向）`,
    directionCount: (given, indicators) => `有 ${given} 个方向，但指标有 ${indicators} 个`,
    notAScoring: (shown) => `请用 "minmax" 或 "percentile"，而不是 ${shown}`,
    notANormalisation: (shown) => `请用 "minmax" 或 "sum"，而不是 ${shown}`,
    notPositive: (k, x) => `第 ${k} 个值为 ${x}，必须大于 0`,
    sharesSum: (sum) => `份额合计为 ${sum}；请给出合计为 1 的小数（0.2, 0.3, 0.5）或合计为 100 的百分数`,
    cutoffAbove100: (k) => `第 ${k} 个界限超过 100%`,
    cutoffsAscending: "界限必须递增（80, 95）",
    labelCount: (given, tiers) => `有 ${given} 个标签，但等级有 ${tiers} 个`,
    weightBlank: (k) => `第 ${k} 个权重为空`,
    weightNegative: (k, w) => `第 ${k} 个权重为 ${w}，权重不能为负`,
    weightsZero: "权重全部为 0",
    weightCount: (given, indicators) => `有 ${given} 个权重，但指标有 ${indicators} 个`,
    valueBlank: (k) => `第 ${k} 个值为空，该客户无法计分`,
    scoreBlank: "得分为空",
    noScores: "没有得分",
    valueIsBlank: "数值为空",
    totalNotPositive: "合计不大于 0，无法计算占总额的份额",
    namePerIndicator: (k) => `请为每个指标给出一个名称（共 ${k} 个）`,
    customerLeftOut: (i) => `第 ${i} 位客户有空值（或文字、TRUE/FALSE），未参与排名`,
    customerBlank: (i) => `第 ${i} 位客户有空值`,
  },
  pane: {
    listSeparator: "，",
    defaultOwnerColumn: "负责人",
    title: "客户分级",
    openWorkbook: "打开工作簿…",
    openHint: "选择一个 .xlsx 文件。文件只在本浏览器中读取，不会上传。",
    download: "下载已分级的工作簿",
    fileName: (name) => `工作簿：${name}`,
    tables: "数据表",
    weightsTable: "权重表",
    customersTable: "客户表",
    byConvention: "按名称查找（权重 / 客户）",
    scheme: "分级方法",
    schemeShares: "按排名的客户比例",
    schemePareto: "帕累托（ABC）累计价值",
    schemeCutoffs: "得分分数线",
    schemeRules: "规则，按顺序首个匹配",
    shareOf: (label) => `${label} 的比例（%）`,
    cutoffOf: (label) => `${label} 的累计价值上限（%）`,
    minimumScore: (label) => `${label} 的最低得分`,
    valueColumn: "价值列（收入、利润）",
    valueColumnHint: "留空则使用名为“销售额”或“收入”的列。",
    sharesSum: (sum) => `比例合计为 ${sum}%；必须合计为 100%。`,
    rules: "规则",
    ruleLabel: "等级",
    ruleColumn: "列",
    ruleOperator: "比较",
    ruleValue: "数值",
    addRule: "添加规则",
    removeRule: (n) => `删除规则 ${n}`,
    otherwise: "无规则匹配时的等级",
    labels: "等级标签",
    labelsCustom: "标签，从高到低，用逗号分隔",
    missing: "指标值为空时",
    missingExclude: "不参与分级并列出该客户",
    missingZero: "该指标按 0 分计",
    period: "期间（可选）",
    periodHint: "保留“分级历史”工作表：再次对同一期间分级只替换该期间。",
    strategy: "为每位客户写入策略（等级 × 升级潜力）",
    growthColumn: "判断升级潜力的增长率列",
    growthHint: "留空：使用名为“同比增长率”或“潜力”的列；增长 10% 及以上视为有潜力。",
    risk: "写入风险等级和重点关注名单",
    mode: "输出",
    modeValues: "数值",
    modeFormulas: "实时 Excel 公式",
    modeFormulasNote: "公式在没有插件的 Excel 中也会重新计算。",
    found: "写入之前",
    customers: "客户数",
    excluded: "未参与",
    indicators: "指标",
    indicator: "指标",
    dimension: "维度",
    globalWeight: "全局权重",
    column: "数据列",
    problems: "问题",
    warnings: "提醒",
    noProblems: "未发现问题。",
    errorsBlock: "请先修正以下错误再分级。",
    goToCell: (at) => `转到 ${at}`,
    checking: "正在检查工作簿…",
    grade: "分级",
    cancel: "取消",
    cancelled: "已取消分级；工作簿保持原样。",
    failed: (message) => `分级失败：${message}`,
    stage: {
      read: "读取数据表",
      parse: "检查数据",
      grade: "计算分级",
      plan: "规划输出",
      write: "写入工作簿",
      done: "完成",
    },
    progress: "分级进度",
    summary: "分级汇总",
    tier: "等级",
    customerShare: "客户占比",
    value: "价值",
    valueShare: "价值占比",
    pyramid: "金字塔",
    quantityPyramid: "客户数",
    valuePyramid: "价值",
    pyramidBar: (tier, share) => `${tier}：${share}`,
    noWorkbook: "请先打开一个工作簿。",
    sharing: "发送给他人",
    sharingHint: "副本按工作簿的当前内容生成；工作簿本身不会改变。",
    shareFormulas: "副本中的 TIERS 公式",
    shareValues: "替换为数值",
    shareNative: "能精确等价时换成 Excel 原生公式，否则为数值",
    prepare: "生成可发送的副本",
    preparing: "正在生成副本…",
    shared: (values, native, about) =>
      `已完成：${values} 个 TIERS 公式替换为数值，${native} 个替换为原生公式；副本打开时不再加载本加载项；工作表“${about}”说明了分级方法。`,
    addinKept: "该工作簿打开时不加载本加载项，无需移除。",
    unresolved: (cells) => `以下 TIERS 公式没有可保留的计算结果，请待其计算完成后重新生成：${cells}。`,
    leftAsIs: (places) => `以下单元格之外的公式调用了 TIERS，已保持原样，请手动替换：${places}。`,
    perOwner: "按负责人生成副本",
    ownerColumn: "负责人列",
    ownerColumnHint: "每位销售只拿到自己的客户；等级仍按全公司评定。",
    orgTable: "组织表（可选：负责人、经理两列）",
    orgTableHint: "工作表名或表名。经理将拿到其团队的客户。",
    split: "生成副本",
    splitting: "正在生成副本…",
    copies: (n) => `共 ${n} 个副本，每个只含其负责人的客户：`,
    copyLine: (file, role, customers) => `${file} — ${role}，${customers} 位客户`,
    roles: { salesperson: "销售", manager: "经理", all: "全部（企业负责人）" },
    saveCopy: "保存",
    openCopy: "打开",
    copyFailed: (message) => `无法生成副本：${message}`,
    migration: "等级迁移",
    migrationHint: "比较“分级历史”工作表中的两个分级期间，并写入“迁移”工作表。",
    fromPeriod: "起始期间",
    toPeriod: "结束期间",
    showMigration: "查看等级变化",
    migrationFailed: (message) => `无法生成迁移：${message}`,
    beforeAfter: "之前 \\ 之后",
    newCustomers: "新增",
    lostCustomers: "流失",
    moved: (up, down, added, lost) => `升级 ${up}，降级 ${down}，新增 ${added}，流失 ${lost}。`,
    migrationWritten: (sheet) => `已写入工作表“${sheet}”。`,
    statusChecking: "正在检查工作簿…",
    statusNone: "尚未打开工作簿",
    statusCustomers: (n) => `${n} 位客户`,
    statusIndicators: (n) => `${n} 个指标`,
    statusProblems: (n) => (n === 0 ? "可以分级" : `${n} 个问题`),
    statusWarnings: (n) => `${n} 条提醒`,
    noTables: "该工作簿还没有“权重”或“客户”表。可以先插入一组示例表查看格式，再把其中的行换成自己的数据。",
    insertExamples: "插入示例表",
    exampleTemplate: "模板",
    templateBasic: "基础：盈利情况与合作关系（12 个客户）",
    templateValue: "客户价值模型：经济价值、社会价值、潜在价值（36 个客户）",
    inserting: "正在插入示例表…",
    insertFailed: (message) => `无法插入示例表：${message}`,
    willWrite: (columns, sheet, creates) => `分级将在“${sheet}”中添加 ${columns} 列；${creates}。`,
    createsSheets: (sheets) => `新建工作表 ${sheets.join("、")}`,
    list: (items) => items.join("、"),
    moreOptions: "更多选项",
    indicatorsHeading: (n) => `指标与权重（${n}）`,
    checkAgain: "重新检查",
    result: "分级结果",
    announceGraded: (n, parts) => `已分级 ${n} 位客户：${parts}。`,
    announceProblems: (n) => `有 ${n} 个问题需要先修正才能分级。`,
    announceCancelled: "已取消分级；工作簿保持原样。",
    pyramidLabel: (tier, customers, value) => `${tier} · ${customers} / ${value}`,
    pyramidLegend: "每条：等级 · 客户占比 / 价值占比。",
    valueIs: (column) => `价值取自“${column}”列。`,
    valueIsScore: "未找到价值列，价值按得分计。可在“更多选项”中选择。",
    cutoffsOrder: "每个等级的最低得分必须低于上一个等级。",
    paretoOrder: "累计价值上限必须逐级升高，并低于 100%。",
    foundAs: (name, kind) => `已找到：${kind === "table" ? "表" : "工作表"}“${name}”`,
    notFound: "未找到",
    pickColumn: "选择一列",
    byName: (hint) => `按名称查找（${hint}）`,
    noColumn: "无",
    ruleCard: (n) => `规则 ${n}`,
    openFailed: "无法打开该文件。",
    saveCopyOf: (owner) => `保存 ${owner} 的副本`,
    openCopyOf: (owner) => `打开 ${owner} 的副本`,
    noOrg: "无（不按经理汇总）",
    valueAuto: "按名称查找（销售额、收入）",
    growthAuto: "按名称查找（同比增长率、潜力）",
    ownerAuto: "选择负责人列",
  },
  labelPresets: [["A", "B", "C"], ["A", "B", "C", "D"], ["关键客户", "普通客户", "小客户"], ["VIP", "高净值", "普通"]],
};
