import { parseBands, parseWeightTable } from "../../../src/workbook/reading/weightTable";
import type { Problem } from "../../../src/workbook/types";
import { blockAt } from "./block";

const where = (problems: Problem[]) => problems.map((p) => `${p.code}@${p.cell}`);

describe("a weight table in English", () => {
  const block = blockAt("Weights", "A1", [
    ["Indicator", "Weight", "Direction", "Scoring", "Bands", "Column"],
    ["Sales", "40%", null, null, null, "Sales 2026"],
    ["Complaints", 0.2, "lower", "percentile", null, null],
    ["Years", 0.3, "+", "bands", "0:20; 3:60; 10:100", null],
    ["Payment rate", 0.1, -1, "raw", null, null],
  ]);
  const parsed = parseWeightTable(block);

  test("reads every column, with the defaults for blanks", () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.weightTable).toEqual({
      dimensions: [],
      indicators: [
        { name: "Sales", weight: 0.4, direction: "higher", scoring: "minmax", column: "Sales 2026" },
        { name: "Complaints", weight: 0.2, direction: "lower", scoring: "percentile", column: "Complaints" },
        {
          name: "Years",
          weight: 0.3,
          direction: "higher",
          scoring: "bands",
          column: "Years",
          bands: [
            { threshold: 0, points: 20 },
            { threshold: 3, points: 60 },
            { threshold: 10, points: 100 },
          ],
        },
        { name: "Payment rate", weight: 0.1, direction: "lower", scoring: "raw", column: "Payment rate" },
      ],
    });
  });

  test("indicatorCells name each indicator's cell", () => {
    expect(parsed.indicatorCells).toEqual(["A2", "A3", "A4", "A5"]);
  });
});

describe("a weight table in Chinese with dimensions, not starting at A1", () => {
  // The block is the sheet's used range B3:F12; its first two rows are blank, so the header is row 5.
  const block = blockAt("权重", "B3", [
    [null, null, null, null, null],
    [null, "  ", null, null, null],
    ["维度", "指标", "权重", "方向", "计分方式"],
    ["盈利情况", null, "50%", null, null],
    ["盈利情况", "销售额", 0.6, "正向", "极差"],
    [null, "同比增长", 0.4, null, "百分位"],
    [null, null, null, null, null],
    ["合作关系", null, 0.5, null, null],
    ["合作关系", "投诉次数", 1, "负向", null],
    [null, null, null, null, null],
  ]);
  const parsed = parseWeightTable(block);

  test("dimension rows weigh dimensions; a blank dimension cell continues the one above (merged cells)", () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.weightTable?.dimensions).toEqual([
      { name: "盈利情况", weight: 0.5 },
      { name: "合作关系", weight: 0.5 },
    ]);
    expect(parsed.weightTable?.indicators.map((i) => [i.name, i.dimension, i.weight, i.direction, i.scoring])).toEqual([
      ["销售额", "盈利情况", 0.6, "higher", "minmax"],
      ["同比增长", "盈利情况", 0.4, "higher", "percentile"],
      ["投诉次数", "合作关系", 1, "lower", "minmax"],
    ]);
  });

  test("addresses are absolute on the sheet", () => {
    expect(parsed.indicatorCells).toEqual(["C7", "C8", "C11"]);
  });
});

describe("a Dimension column without dimension weights is a label", () => {
  test("indicators are weighed among all and carry no dimension", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Dimension", "Indicator", "Weight"],
        ["Profit", "Sales", 0.5],
        ["Profit", "Margin", 0.5],
      ]),
    );
    expect(parsed.weightTable).toEqual({
      dimensions: [],
      indicators: [
        { name: "Sales", weight: 0.5, direction: "higher", scoring: "minmax", column: "Sales" },
        { name: "Margin", weight: 0.5, direction: "higher", scoring: "minmax", column: "Margin" },
      ],
    });
  });
});

describe("each problem is reported at its cell", () => {
  test("missing Indicator and Weight headers point at the header row", () => {
    const parsed = parseWeightTable(blockAt("W", "B2", [[null], ["Name", "Share"], ["Sales", 1]]));
    expect(where(parsed.problems)).toEqual(["missing-header@B3:C3", "missing-header@B3:C3"]);
    expect(parsed.problems[0].message["en-US"]).toContain('"Indicator"');
    expect(parsed.problems[1].message["zh-CN"]).toContain("“权重”");
    expect(parsed.weightTable).toBeUndefined();
  });

  test("an empty block, and a header without indicators, are empty tables", () => {
    expect(where(parseWeightTable(blockAt("W", "C3", [[null, null], [" ", null]])).problems)).toEqual(["table-empty@C3:D4"]);
    expect(where(parseWeightTable(blockAt("W", "A1", [["Indicator", "Weight"], [null, null]])).problems)).toEqual(["table-empty@A1:B1"]);
  });

  test("weights: missing, negative, not a number, an error value", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Indicator", "Weight"],
        ["Sales", null],
        ["Margin", "(0.2)"],
        ["Growth", "high"],
        ["Share", { error: "#REF!" }],
        ["Years", 0.5],
      ]),
    );
    expect(where(parsed.problems)).toEqual(["missing-weight@B2", "negative-weight@B3", "not-a-number@B4", "not-a-number@B5"]);
    expect(parsed.problems[1].message["en-US"]).toBe("W!B3: the weight -0.2 is negative. Enter a weight of 0 or more.");
    expect(parsed.problems[3].message["en-US"]).toContain("#REF!");
  });

  test("unknown direction and scoring words", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Indicator", "Weight", "Direction", "Scoring"],
        ["Sales", 0.5, "up", null],
        ["Margin", 0.5, null, "linear"],
      ]),
    );
    expect(where(parsed.problems)).toEqual(["unknown-direction@C2", "unknown-scoring@D3"]);
    expect(parsed.problems[0].message["zh-CN"]).toContain("“up”不是有效的方向");
  });

  test("bands: malformed, required, and ignored when another scoring is chosen", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Indicator", "Weight", "Scoring", "Bands"],
        ["A", 0.2, "bands", "0-20"],
        ["B", 0.2, "bands", "0:20; 100:120"],
        ["C", 0.2, "bands", "0:20; 0:60"],
        ["D", 0.2, "分档", null],
        ["E", 0.2, "minmax", "0:20"],
      ]),
    );
    expect(where(parsed.problems)).toEqual(["malformed-bands@D2", "malformed-bands@D3", "malformed-bands@D4", "bands-required@D5", "bands-ignored@D6"]);
    expect(parsed.problems[1].message["en-US"]).toContain("points go from 0 to 100");
    expect(parsed.problems[4].severity).toBe("warning");
  });

  test("bands scoring without a Bands column points at the scoring cell", () => {
    const parsed = parseWeightTable(blockAt("W", "A1", [["Indicator", "Weight", "Scoring"], ["Sales", 1, "bands"]]));
    expect(where(parsed.problems)).toEqual(["bands-required@C2"]);
    expect(parsed.problems[0].message["en-US"]).toContain("no Bands column");
  });

  test("filled bands with a blank scoring cell mean bands scoring", () => {
    const parsed = parseWeightTable(blockAt("W", "A1", [["Indicator", "Weight", "Scoring", "Bands"], ["Sales", 1, null, "0:20；1,000:100"]]));
    expect(parsed.weightTable?.indicators[0]).toMatchObject({ scoring: "bands", bands: [{ threshold: 0, points: 20 }, { threshold: 1000, points: 100 }] });
  });

  test("all weights zero, globally", () => {
    const parsed = parseWeightTable(blockAt("W", "A1", [["Indicator", "Weight"], ["Sales", 0], ["Margin", "0%"]]));
    expect(where(parsed.problems)).toEqual(["zero-weights@B2:B3"]);
  });

  test("dimension problems: unknown, missing, duplicate, empty, all-zero", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Dimension", "Indicator", "Weight"],
        ["Profit", null, 0.6],
        ["Strength", null, 0.4],
        ["Profit", null, 0.1],
        ["Risk", null, 0.2],
        ["Profit", "Sales", 0],
        ["Profit", "Margin", 0],
        ["Strenght", "Capital", 1],
      ]),
    );
    expect(where(parsed.problems)).toEqual([
      "duplicate-dimension@A4",
      "unknown-dimension@A8",
      "empty-dimension@C3",
      "empty-dimension@C5",
      "zero-weights@C2",
    ]);
    expect(parsed.problems[0].message["en-US"]).toContain("already has a weight row at C2");
    expect(parsed.problems[1].message["en-US"]).toContain("Profit, Strength, Risk");
  });

  test("an indicator above every dimension has none, once dimensions are weighed", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Dimension", "Indicator", "Weight"],
        [null, "Sales", 1],
        ["Profit", null, 1],
        ["Profit", "Margin", 1],
      ]),
    );
    expect(where(parsed.problems)).toEqual(["missing-dimension@A2"]);
  });

  test("every dimension weighing 0", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Dimension", "Indicator", "Weight"],
        ["Profit", null, 0],
        ["Profit", "Margin", 1],
      ]),
    );
    expect(where(parsed.problems)).toEqual(["zero-weights@C2:C3"]);
    expect(parsed.problems[0].message["en-US"]).toContain("every dimension weighs 0");
  });

  test("a row with a weight but no indicator, and an indicator listed twice", () => {
    const parsed = parseWeightTable(
      blockAt("W", "A1", [
        ["Indicator", "Weight"],
        [null, 0.5],
        ["Sales", 0.5],
        [" sales ", 0.5],
      ]),
    );
    expect(where(parsed.problems)).toEqual(["missing-indicator@A2", "duplicate-indicator@A4"]);
    expect(parsed.problems[1].message["en-US"]).toContain("already listed at A3");
  });

  test("collect-all: three different problems in one table are three problems", () => {
    const parsed = parseWeightTable(
      blockAt("Weights", "A1", [
        ["Indicator", "Weight", "Direction", "Scoring"],
        ["Sales", -1, null, null],
        ["Margin", 0.5, "sideways", null],
        ["Growth", 0.5, null, "magic"],
      ]),
    );
    expect(where(parsed.problems)).toEqual(["negative-weight@B2", "unknown-direction@C3", "unknown-scoring@D4"]);
    expect(parsed.weightTable).toBeUndefined();
    expect(parsed.indicatorCells).toEqual(["A2", "A3", "A4"]);
  });
});

describe("parseBands", () => {
  test.each([
    ["0:20; 100000:60; 1000000:100", [0, 20, 100000, 60, 1000000, 100]],
    ["1000000:100;0:20;100,000:60", [0, 20, 100000, 60, 1000000, 100]],
    ["0：20；100,000：60", [0, 20, 100000, 60]],
    ["0：20，100：60", [0, 20, 100, 60]],
    ["0:20, 1,000,000:100", [0, 20, 1000000, 100]],
    ["¥0:20\n¥100,000:60", [0, 20, 100000, 60]],
    ["0:20;", [0, 20]],
  ])("%p", (text, flat) => {
    const bands = parseBands(text);
    expect(Array.isArray(bands)).toBe(true);
    if (Array.isArray(bands)) expect(bands.flatMap((b) => [b.threshold, b.points])).toEqual(flat);
  });

  test("what cannot be read says why", () => {
    expect(parseBands("0-20")).toEqual({ fault: "pair" });
    // "，" separates pairs, so it cannot group thousands.
    expect(parseBands("0:20；100，000:60")).toEqual({ fault: "pair" });
    expect(parseBands("0:20 100:60")).toEqual({ fault: "pair" });
    expect(parseBands("0:x")).toEqual({ fault: "pair" });
    expect(parseBands("0:101")).toEqual({ fault: "points" });
    expect(parseBands("5:10;5:20")).toEqual({ fault: "duplicate" });
    expect(parseBands(" ; ")).toEqual({ fault: "empty" });
  });
});
