// Lazy views of a table (a split copy's million rows, src/workbook/lazyArray.ts) as the .xlsx executor reads
// them: hasFormula does not walk a view of values only, and the sheet writer finds a dense view's styles
// and extent without making every row — writing the same bytes, and numbering the same styles, as for
// the same values held as plain arrays.

import fc from "fast-check";
import { lazyArray, viewOf } from "../../src/workbook/lazyArray";
import { hasFormula } from "../../src/workbook/executors/xlsx/xlsxWorkbook";
import { SheetXmlWriter } from "../../src/workbook/executors/xlsx/summarySheetXml";
import { EMPTY_STYLESHEET, Stylesheet } from "../../src/workbook/executors/xlsx/stylesheet";
import { escapeXml } from "../../src/workbook/executors/xlsx/xmlText";
import { lastCellColumn } from "../../src/workbook/executors/xlsx/sheetScanner";
import type { CellBlock, CellOut, OutputSheet, WritePlan } from "../../src/workbook/types";

/** A view of `rows` that counts the rows it makes. */
function counted(rows: CellOut[][], width: number | undefined = rows[0]?.length ?? 0) {
  const made = { count: 0 };
  const values = lazyArray({
    length: rows.length,
    make: (i) => {
      made.count++;
      return [...rows[i]];
    },
    valuesOnly: true,
    width,
  });
  return { values, made };
}

describe("lazyArray", () => {
  it("reads as the array it stands for, refuses writes, and gives its view back", () => {
    const squares = lazyArray({ length: 4, make: (i) => i * i, valuesOnly: true });
    expect(squares.length).toBe(4);
    expect(squares[3]).toBe(9);
    expect(squares[4]).toBeUndefined();
    expect([...squares]).toEqual([0, 1, 4, 9]);
    expect(squares.map((x) => x + 1)).toEqual([1, 2, 5, 10]);
    expect(2 in squares).toBe(true);
    expect(4 in squares).toBe(false);
    expect(() => {
      (squares as number[])[0] = 5;
    }).toThrow(TypeError);
    expect(viewOf(squares)?.make(2)).toBe(4);
    expect(viewOf([1, 2])).toBeUndefined();
  });
});

describe("hasFormula", () => {
  const plan = (blocks: CellBlock[], columnValues: CellOut[] = []): WritePlan => ({
    state: { version: 1, sheet: "S", headerRow: 0, firstColumn: 1, headers: ["Tier"], sheets: ["T"] },
    sheets: [{ name: "T", blocks, columnWidths: [], charts: [] }],
    columns: { sheet: "S", headerRow: 0, firstColumn: 1, rowCount: columnValues.length, columns: [{ header: "Tier", numberFormat: "@", values: columnValues }], tierColumn: 0, tierStyles: [] },
  });

  it("answers for a view of values only without making any of its rows", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`C${i}`, i]);
    const { values, made } = counted(rows);
    const column = lazyArray({ length: 1000, make: (i) => (made.count++, `A${i}`), valuesOnly: true });
    expect(hasFormula(plan([{ top: 0, left: 0, values }], column))).toBe(false);
    expect(made.count).toBe(0);
  });

  it("finds a live formula in a block, an output column, or a view that does not say it holds values only", () => {
    const formula = { formula: "=RANK.EQ(B2,B:B)" };
    expect(hasFormula(plan([{ top: 0, left: 0, values: [["a", formula]] }]))).toBe(true);
    expect(hasFormula(plan([], ["A", formula]))).toBe(true);
    const mixed = lazyArray<CellOut[]>({ length: 3, make: (i) => (i === 2 ? [formula] : [i]), valuesOnly: false });
    expect(hasFormula(plan([{ top: 0, left: 0, values: mixed }]))).toBe(true);
    expect(hasFormula(plan([{ top: 0, left: 0, values: [["a", 1]] }], ["A", "B"]))).toBe(false);
  });
});

describe("SheetXmlWriter with a dense view", () => {
  /** The part's text and the stylesheet after it, for the sheet as built by `blocks`. */
  function written(blocks: CellBlock[]): { xml: string; styles: string; cells: number } {
    const styles = new Stylesheet(EMPTY_STYLESHEET);
    const sheet: OutputSheet = { name: "Customers", blocks, columnWidths: [14, 14], charts: [] };
    const writer = new SheetXmlWriter(sheet, styles);
    return { xml: [...writer.chunks()].join(""), styles: styles.toXml(), cells: writer.cellCount };
  }

  /** The blocks with every view replaced by the plain rows it stands for. */
  function plain(blocks: CellBlock[]): CellBlock[] {
    return blocks.map((block) => ({ ...block, values: block.values.map((row) => [...row]) }));
  }

  const rowsOf = (n: number, make: (i: number) => CellOut[]) => Array.from({ length: n }, (_, i) => make(i));

  const cases: [string, () => CellBlock[]][] = [
    [
      "a header and a table with number formats, blanks here and there",
      () => [
        { top: 0, left: 0, values: [["ID", "Name", "Sales", "Owner"]], look: { bold: true } },
        { top: 1, left: 0, values: counted(rowsOf(50, (i) => [`C${i}`, i % 7 ? `N&<${i}>` : null, i * 1.25, i % 3 ? "Ann" : ""])).values, numberFormats: [null, "@", "0.00", null] },
      ],
    ],
    ["the rightmost column blank in every row, without a style", () => [{ top: 2, left: 1, values: counted(rowsOf(30, (i) => [i, i % 2 ? "x" : null, null])).values }]],
    ["the last rows blank, without a style", () => [{ top: 0, left: 0, values: counted(rowsOf(20, (i) => (i < 15 ? [i, "a"] : [null, ""]))).values }]],
    ["every cell blank", () => [{ top: 0, left: 0, values: counted(rowsOf(10, () => [null, null])).values }]],
    ["blank cells with a style (written, so in the extent)", () => [{ top: 0, left: 0, values: counted(rowsOf(10, (i) => [i < 5 ? i : null, null])).values, numberFormats: [null, "0%"] }]],
    [
      "a plain block over the view's middle rows, one beside it and one below",
      () => [
        { top: 1, left: 0, values: counted(rowsOf(40, (i) => [i, `n${i}`, i / 3])).values, numberFormats: [null, null, "0.0"] },
        { top: 10, left: 1, values: [["over", 5], [null, 6]], numberFormats: ["@", "0.000"] },
        { top: 20, left: 5, values: [["beside"]], look: { bold: true } },
        { top: 60, left: 0, values: [["below", 1]] },
      ],
    ],
    ["an empty view and a view of no columns", () => [{ top: 0, left: 0, values: counted([]).values }, { top: 3, left: 0, values: counted(rowsOf(5, () => []), 0).values }, { top: 9, left: 0, values: [["x"]] }]],
  ];

  /** The blocks with every view given numberAt and cellAt (from its rows), counting the rows it still makes. */
  function cellwise(blocks: CellBlock[]): { blocks: CellBlock[]; made: { count: number } } {
    const made = { count: 0 };
    const out = blocks.map((block) => {
      const view = viewOf(block.values);
      if (!view || view.width === undefined) return block;
      const rows = block.values.map((row) => [...row]);
      const values = lazyArray<CellOut[]>({
        length: rows.length,
        make: (i) => {
          made.count++;
          return [...rows[i]];
        },
        valuesOnly: true,
        width: view.width,
        numberAt: (i, j) => {
          const v = rows[i][j];
          return typeof v === "number" && Number.isFinite(v) ? v : NaN;
        },
        cellAt: (i, j) => rows[i][j],
      });
      return { ...block, values };
    });
    return { blocks: out, made };
  }

  const oddNumbers: [string, () => CellBlock[]] = [
    "numbers that are not finite, negative zero, booleans and texts among numbers",
    () => [{ top: 0, left: 0, values: counted(rowsOf(12, (i) => [i % 4 === 0 ? Infinity : i % 4 === 1 ? -0 : i / 7, i % 2 === 0, i % 3 ? "#REF!" : NaN, -i])).values, numberFormats: [null, null, "0.0", null] }],
  ];

  it.each([...cases, oddNumbers])("cell by cell (numberAt, cellAt) writes the bytes it writes row by row, without making the rows: %s", (_, blocks) => {
    const expected = written(plain(blocks()));
    const { blocks: asked, made } = cellwise(blocks());
    const styles = new Stylesheet(EMPTY_STYLESHEET);
    const writer = new SheetXmlWriter({ name: "Customers", blocks: asked, columnWidths: [14, 14], charts: [] }, styles);
    // The writer may make rows to find a view's extent (its constructor); to write them, it makes only
    // the rows another block overlaps (those are merged cell by cell with the other block's).
    const measured = made.count;
    expect([...writer.chunks()].join("")).toBe(expected.xml);
    expect(styles.toXml()).toBe(expected.styles);
    const overlapped = asked.reduce((sum, block, b) => {
      if (!viewOf(block.values)) return sum;
      let rows = 0;
      for (let r = block.top; r < block.top + block.values.length; r++) {
        if (asked.some((other, o) => o !== b && r >= other.top && r < other.top + other.values.length)) rows++;
      }
      return sum + rows;
    }, 0);
    expect(made.count - measured).toBeLessThanOrEqual(overlapped);
  });

  it.each(cases)("writes the bytes and styles it writes for plain rows: %s", (_, blocks) => {
    const lazy = written(blocks());
    const expected = written(plain(blocks()));
    expect(lazy.xml).toBe(expected.xml);
    expect(lazy.styles).toBe(expected.styles);
    // The count only chooses whether the sheet is streamed: never less than the cells written.
    expect(lazy.cells).toBeGreaterThanOrEqual(expected.cells);
  });

  it.each(cases)("gives each row's last column as lastCellColumn reads it from the row (the editor of output columns decides by it): %s", (_, blocks) => {
    const writer = new SheetXmlWriter({ name: "C", blocks: blocks(), columnWidths: [], charts: [] }, new Stylesheet(EMPTY_STYLESHEET));
    const rows = [...writer.rowBatches()].flat();
    for (const row of rows) expect(row.last).toBe(lastCellColumn(row.inner, ""));
  });

  it("makes a handful of a full table's rows before writing them, then each row once", () => {
    const n = 5000;
    const { values, made } = counted(rowsOf(n, (i) => [`C${i}`, i, i % 4 ? "Ann" : "Bo"]));
    const writer = new SheetXmlWriter({ name: "C", blocks: [{ top: 0, left: 0, values: [["ID", "Sales", "Owner"]] }, { top: 1, left: 0, values, numberFormats: [null, "0.00", null] }], columnWidths: [], charts: [] }, new Stylesheet(EMPTY_STYLESHEET));
    expect(made.count).toBeLessThanOrEqual(2);
    const xml = [...writer.chunks()].join("");
    expect(xml).toContain(`<dimension ref="A1:C${n + 1}"/>`);
    expect(made.count).toBeLessThanOrEqual(n + 2);
  });
});

describe("escapeXml", () => {
  const reference = (text: string) =>
    // eslint-disable-next-line no-control-regex
    text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  it("escapes markup, drops what XML 1.0 cannot hold, and leaves other text as it is", () => {
    expect(escapeXml('a < b & "c" > d')).toBe("a &lt; b &amp; &quot;c&quot; &gt; d");
    expect(escapeXml("x\u0001y\uFFFEz\tw\n")).toBe("xyz\tw\n");
    expect(escapeXml("客户 Ann's")).toBe("客户 Ann's");
    const alphabet = fc.constantFrom("a", "客", "&", "<", ">", '"', "'", "\u0000", "\u0008", "\t", "\n", "\r", "\u001F", "\uFFFE", "\uFFFF", " ");
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 12 }), (chars) => escapeXml(chars.join("")) === reference(chars.join(""))));
  });
});
