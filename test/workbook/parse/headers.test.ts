import { DIRECTION_WORDS, HEADER_ALIASES, directionOf, findRole, headerKey, scoringOf } from "../../../src/workbook/reading/headers";

describe("headers match case-, space- and width-insensitively", () => {
  test("headerKey folds case, width, spaces, _ and -", () => {
    expect(headerKey(" Customer ID ")).toBe("customerid");
    expect(headerKey("customer_id")).toBe("customerid");
    expect(headerKey("CUSTOMER-ID")).toBe("customerid");
    expect(headerKey("Ｗｅｉｇｈｔ")).toBe("weight");
    expect(headerKey("客户　编号")).toBe("客户编号");
  });

  test("roles are found in English and Chinese", () => {
    expect(findRole(["客户编号", "客户名称", "销售额"], "id")).toBe(0);
    expect(findRole(["Sales", "customer id"], "id")).toBe(1);
    expect(findRole(["客户ID"], "id")).toBe(0);
    expect(findRole(["名称", "销售员"], "owner")).toBe(1);
    expect(findRole(["Customer name", "Sales"], "name")).toBe(0);
    expect(findRole(["Customer name", "Sales"], "owner")).toBe(-1);
    expect(findRole(["维度", "指标", "权重", "方向", "计分方式", "分档", "数据列"], "scoring")).toBe(4);
    expect(findRole(["维度", "指标", "权重", "方向", "计分方式", "分档", "数据列"], "column")).toBe(6);
  });

  test("every role has an English and a Chinese header", () => {
    for (const aliases of Object.values(HEADER_ALIASES)) {
      expect(aliases.some((a) => /^[\x20-\x7e]+$/.test(a))).toBe(true);
      expect(aliases.some((a) => /[\u4e00-\u9fff]/.test(a))).toBe(true);
    }
  });
});

describe("direction and scoring words", () => {
  test("directions in both languages, signs and ±1; '-' is not '+'", () => {
    expect(directionOf("Higher")).toBe("higher");
    expect(directionOf("low")).toBe("lower");
    expect(directionOf("正向")).toBe("higher");
    expect(directionOf("负向")).toBe("lower");
    expect(directionOf("+")).toBe("higher");
    expect(directionOf("-")).toBe("lower");
    expect(directionOf("1")).toBe("higher");
    expect(directionOf("-1")).toBe("lower");
    expect(directionOf("－１")).toBe("lower");
    expect(directionOf("up")).toBeUndefined();
    expect(directionOf("constructor")).toBeUndefined();
    expect(Object.keys(DIRECTION_WORDS)).toHaveLength(10);
  });

  test("scoring words in both languages", () => {
    expect(scoringOf("Min-Max")).toBe("minmax");
    expect(scoringOf("最大最小")).toBe("minmax");
    expect(scoringOf("极差")).toBe("minmax");
    expect(scoringOf("百分位")).toBe("percentile");
    expect(scoringOf("BANDS")).toBe("bands");
    expect(scoringOf("分档")).toBe("bands");
    expect(scoringOf("原值")).toBe("raw");
    expect(scoringOf("linear")).toBeUndefined();
  });
});
