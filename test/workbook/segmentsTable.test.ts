import { DEFAULT_RFM_SEGMENTS } from "../../src/engine/rfm";
import { defaultSegmentRows, parseSegmentsTable } from "../../src/workbook/reading/segmentsTable";
import type { Block, CellValue } from "../../src/workbook/types";

function block(values: CellValue[][], sheet = "Segments"): Block {
  return { sheet, box: { top: 0, left: 0, rows: values.length, columns: Math.max(...values.map((r) => r.length)) }, values };
}

describe("Segments / 细分 table", () => {
  it("writes R's rfm defaults and reads them back, in both languages", () => {
    const en = defaultSegmentRows("en-US");
    expect(en[0]).toEqual(["Segment", "R low", "R high", "F low", "F high", "M low", "M high"]);
    expect(en[2]).toEqual(["Potential Loyalist", 3, 5, 3, 5, 2, 5]);
    expect(parseSegmentsTable(block(en as CellValue[][])).segments).toEqual(DEFAULT_RFM_SEGMENTS);
    const zh = defaultSegmentRows("zh-CN");
    expect(zh[0]).toEqual(["细分", "R下限", "R上限", "F下限", "F上限", "M下限", "M上限"]);
    const read = parseSegmentsTable(block(zh as CellValue[][], "细分")).segments!;
    expect(read.map((s) => s.name)).toEqual(["重要价值客户", "潜在忠诚客户", "忠诚客户", "有潜力客户", "新客户", "不能失去的客户", "流失风险客户", "需要关注客户", "即将沉睡客户", "已流失客户"]);
    expect(read.map(({ name: _, ...bounds }) => bounds)).toEqual(DEFAULT_RFM_SEGMENTS.map(({ name: _, ...bounds }) => bounds));
  });

  it("keeps the row order, skips blank rows and extra columns, names a nameless row", () => {
    const r = parseSegmentsTable(
      block([
        [null],
        ["Description", "M high", "M low", "F high", "F low", "R high", "R low", "Segment"],
        ["best", 5, 4, 5, 4, 5, 4, "Top"],
        [null, null, null, null, null, null, null, null],
        ["", "3", 1, 3, 1, 3, 1, ""],
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.segments).toEqual([
      { name: "Top", rLow: 4, rHigh: 5, fLow: 4, fHigh: 5, mLow: 4, mHigh: 5 },
      { name: "Segment 2", rLow: 1, rHigh: 3, fLow: 1, fHigh: 3, mLow: 1, mHigh: 3 },
    ]);
  });

  it("names bad bounds and missing columns", () => {
    const r = parseSegmentsTable(
      block([
        ["细分", "R下限", "R上限", "F下限", "F上限", "M下限", "M上限"],
        ["甲", 5, 3, 1, 5, 1, 6],
        ["乙", 1.5, 2, "x", 5, 1, 5],
      ], "细分"),
    );
    expect(r.segments).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
      ["segment-bound", "G2"],
      ["segment-bounds-crossed", "B2:C2"],
      ["segment-bound", "B3"],
      ["segment-bound", "D3"],
    ]);
    expect(r.problems[1].message["zh-CN"]).toBe("细分!B2:C2：下限 5 大于上限 3，没有客户能匹配。请交换两者。");
    expect(r.problems[0].message["en-US"]).toBe('细分!G2: "6" is not a score bound. Enter a whole number from 1 to 5.');
    const missing = parseSegmentsTable(block([["Segment", "R low", "R high"], ["a", 1, 2]]));
    expect(missing.problems.map((p) => p.code)).toEqual(["segments-header-missing", "segments-header-missing", "segments-header-missing", "segments-header-missing"]);
  });
});
