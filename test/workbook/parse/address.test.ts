import { absoluteAddress, absoluteRange, boxAddress, cellAddress, columnName, parseBoxAddress, parseCellAddress, quoteSheet, rangeCorners } from "../../../src/workbook/reading/address";

describe("A1 addresses", () => {
  test("columns count A..Z, then AA: bijective base 26", () => {
    expect(columnName(0)).toBe("A");
    expect(columnName(25)).toBe("Z");
    expect(columnName(26)).toBe("AA");
    expect(columnName(27)).toBe("AB");
    expect(columnName(701)).toBe("ZZ");
    expect(columnName(702)).toBe("AAA");
    expect(columnName(16383)).toBe("XFD");
    expect(() => columnName(-1)).toThrow(RangeError);
  });

  test("a cell is its column letters and its 1-based row", () => {
    expect(cellAddress(0, 0)).toBe("A1");
    expect(cellAddress(6, 2)).toBe("C7");
    expect(cellAddress(1048575, 16383)).toBe("XFD1048576");
  });

  test("a box spans its first to its last cell; one cell is just that cell", () => {
    expect(boxAddress({ top: 1, left: 1, rows: 8, columns: 3 })).toBe("B2:D9");
    expect(boxAddress({ top: 4, left: 27, rows: 1, columns: 1 })).toBe("AB5");
    expect(() => boxAddress({ top: 0, left: 0, rows: 0, columns: 3 })).toThrow(RangeError);
  });

  test("parsing is the inverse, with $ anchors and sheet prefixes ignored", () => {
    expect(parseCellAddress("C7")).toEqual({ row: 6, column: 2 });
    expect(parseCellAddress("$AA$1")).toEqual({ row: 0, column: 26 });
    expect(parseBoxAddress("B2:D9")).toEqual({ top: 1, left: 1, rows: 8, columns: 3 });
    expect(parseBoxAddress("A1")).toEqual({ top: 0, left: 0, rows: 1, columns: 1 });
    expect(parseBoxAddress("$A$1:$C$3")).toEqual({ top: 0, left: 0, rows: 3, columns: 3 });
    expect(parseBoxAddress("Sheet1!A1:C3")).toEqual({ top: 0, left: 0, rows: 3, columns: 3 });
    expect(parseBoxAddress("'My sheet'!D9:B2")).toEqual({ top: 1, left: 1, rows: 8, columns: 3 });
    expect(parseBoxAddress("'客户 2026'!A2")).toEqual({ top: 1, left: 0, rows: 1, columns: 1 });
  });

  test("what is not an address is refused", () => {
    expect(() => parseCellAddress("7C")).toThrow(SyntaxError);
    expect(() => parseCellAddress("A0")).toThrow(SyntaxError);
    expect(() => parseBoxAddress("A1:B2:C3")).toThrow(SyntaxError);
    expect(() => parseCellAddress("XFE1")).toThrow(RangeError);
  });

  test("sheet names are quoted in formulas only when Excel needs it", () => {
    expect(quoteSheet("Customers")).toBe("Customers");
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("ABC1")).toBe("'ABC1'");
    expect(quoteSheet("My sheet")).toBe("'My sheet'");
    expect(quoteSheet("Bob's")).toBe("'Bob''s'");
    expect(quoteSheet("客户")).toBe("'客户'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("R1C1")).toBe("'R1C1'");
    expect(quoteSheet("2026")).toBe("'2026'");
  });

  test("every column from A to XFD reads back as its index; XFE is past Excel's grid", () => {
    for (let column = 0; column <= 16383; column++) {
      const letters = columnName(column);
      expect(parseCellAddress(`${letters}1`).column).toBe(column);
      expect(parseCellAddress(`$${letters.toLowerCase()}$1`).column).toBe(column);
    }
    expect(columnName(16383)).toBe("XFD");
    expect(() => parseCellAddress("XFE1")).toThrow(RangeError);
    expect(() => parseCellAddress("A1048577")).toThrow(RangeError);
    expect(parseCellAddress("XFD1048576")).toEqual({ row: 1048575, column: 16383 });
  });

  test("absolute addresses anchor both corners and quote the sheet by quoteSheet's rule", () => {
    expect(absoluteAddress({ top: 3, left: 1, rows: 3, columns: 1 })).toBe("$B$4:$B$6");
    expect(absoluteAddress({ top: 0, left: 0, rows: 1, columns: 1 }, "Customers")).toBe("Customers!$A$1");
    expect(absoluteAddress({ top: 1048575, left: 16383, rows: 1, columns: 1 }, "Tier summary")).toBe("'Tier summary'!$XFD$1048576");
    expect(absoluteRange("Tier summary", "B4:B6")).toBe("'Tier summary'!$B$4:$B$6");
    expect(absoluteRange("分级汇总", "$AA$2")).toBe("'分级汇总'!$AA$2");
    expect(absoluteRange("Bob's", "A1:C3")).toBe("'Bob''s'!$A$1:$C$3");
    // Unquoted these read as an R1C1 reference or a Boolean: the one rule quotes them for charts too.
    expect(absoluteRange("R1C1", "A1:A3")).toBe("'R1C1'!$A$1:$A$3");
    expect(absoluteRange("TRUE", "A1")).toBe("'TRUE'!$A$1");
    expect(absoluteRange("Other", "'Tier summary'!$B$4")).toBe("'Tier summary'!$B$4");
    expect(() => absoluteAddress({ top: 0, left: 0, rows: 0, columns: 1 })).toThrow(RangeError);
  });

  test("a range's corners, in either order, with anchors and a sheet prefix ignored", () => {
    expect(rangeCorners("B2:D9")).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(rangeCorners("$D$9:$B$2")).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(rangeCorners("'My sheet'!C3")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(() => rangeCorners("B2:")).toThrow(SyntaxError);
  });
});
