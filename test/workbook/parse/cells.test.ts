import { cellText, isBlank, isErrorValue, readNumber } from "../../../src/workbook/reading/cells";

describe("readNumber reads numbers the way an analyst typed them", () => {
  test.each([
    [1200, 1200],
    ["1200", 1200],
    ["1,200", 1200],
    ["1 200", 1200],
    ["1\u00a0200", 1200],
    ["1,234,567.5", 1234567.5],
    ["12%", 0.12],
    ["-3.5%", -0.035],
    ["¥1,200", 1200],
    ["￥1,200", 1200],
    ["$1,200.50", 1200.5],
    ["€ 99", 99],
    ["£7", 7],
    ["-¥1,200", -1200],
    ["¥-1,200", -1200],
    ["１２３", 123],
    ["１，２００", 1200],
    ["(1,200)", -1200],
    ["(¥1,200)", -1200],
    ["\u22125", -5],
    [".5", 0.5],
    ["1.5E+3", 1500],
    ["  42  ", 42],
  ])("%p -> %p", (input, expected) => {
    expect(readNumber(input)).toBeCloseTo(expected, 12);
  });

  test("blanks are null, never 0", () => {
    expect(readNumber(null)).toBeNull();
    expect(readNumber("")).toBeNull();
    expect(readNumber("   ")).toBeNull();
    expect(readNumber("\u3000")).toBeNull();
  });

  test("words, booleans, errors and ambiguous text are not numbers", () => {
    expect(readNumber("abc")).toBeUndefined();
    expect(readNumber("12abc")).toBeUndefined();
    expect(readNumber(true)).toBeUndefined();
    expect(readNumber({ error: "#N/A" })).toBeUndefined();
    expect(readNumber("1,2")).toBeUndefined();
    expect(readNumber("1,20,000")).toBeUndefined();
    expect(readNumber("(-5)")).toBeUndefined();
    expect(readNumber("--5")).toBeUndefined();
    expect(readNumber(NaN)).toBeUndefined();
  });
});

describe("cell kinds and text", () => {
  test("error values are the backends' { error } objects, not text", () => {
    expect(isErrorValue({ error: "#DIV/0!" })).toBe(true);
    expect(isErrorValue("#N/A")).toBe(false);
    expect(isErrorValue(null)).toBe(false);
  });

  test("blank means empty or whitespace", () => {
    expect(isBlank(" ")).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
  });

  test("ids and names read as their shortest text", () => {
    expect(cellText(10001)).toBe("10001");
    expect(cellText(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(cellText(1.5)).toBe("1.5");
    expect(cellText("  C-07 ")).toBe("C-07");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText(null)).toBe("");
  });
});
