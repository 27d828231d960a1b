// States for the record's tests: one far over the 255 characters a defined name's text could hold.

import type { OwnedState } from "../../src/workbook/types";

/** A record far over Excel's 255-character text constants: long labels, many columns, Chinese names, XML's own characters. */
export function bigState(): OwnedState {
  const labels = ["战略客户 <A&B>", "重点客户 \"B\"", "一般客户 'C'", "潜力客户 D", "观察客户 E"];
  return {
    version: 1,
    sheet: "客户名单 (2026) & more",
    headerRow: 3,
    firstColumn: 27,
    headers: ["得分", "排名", "等级", "策略", "风险", "计算等级", "调整说明", ...Array.from({ length: 30 }, (_, i) => `指标列 ${i + 1} ]]> </state>`)],
    sheets: ["分级汇总", "分级历史", "重点关注", "迁移"],
    tierColumn: 2,
    rowCount: 1048575,
    tierStyles: labels.map((label) => ({ label, fill: "#C6EFCE", font: "#006100" })),
    grading: {
      lang: "zh-CN",
      settings: [
        { key: "gradedOn", label: "分级时间", value: "2026-11-20" },
        { key: "labels", label: "等级名称", value: labels.join(", ") },
        { key: "graded", label: "已分级客户", value: 1048575 },
        { key: "valueColumn", label: "价值列", value: null },
      ],
      weights: [
        ["维度", "指标", "数据列", "方向", "计分", "综合权重"],
        ["规模", "销售额", "销售额", "正向", "minmax", 0.1234567890123],
        ["", "回款 <天>", "回款天数", "负向", "percentile", 0.8765432109877],
      ],
      labels,
      valueColumn: "销售额",
      periods: ["2026年第1季度", "2026年第2季度", "2026年第3季度"],
    },
  };
}

