// Writes the table of data.json with the npm producers (ExcelJS, SheetJS, excel4node, write-excel-file),
// each in the ways it naturally writes. Run by scripts/make-real-corpus.sh with NODE_PATH pointing at a
// scratch folder where those packages are installed (they are not dependencies of the project).
// Usage: node node-producers.js <out folder>
"use strict";
const fs = require("fs");
const path = require("path");

const OUT = process.argv[2];
const data = JSON.parse(fs.readFileSync(path.join(__dirname, "data.json"), "utf8"));
const version = (name) => require(`${name}/package.json`).version;
const isDate = (v) => v !== null && typeof v === "object" && "date" in v;
const isFormula = (v) => v !== null && typeof v === "object" && "formula" in v;
const asDate = (v) => new Date(`${v.date}T00:00:00Z`);
const written = [];
const done = (file, producer, features, expect) => written.push({ file, producer, features, ...(expect ? { expect } : {}) });

async function exceljs() {
  const ExcelJS = require("exceljs");
  const producer = `ExcelJS ${version("exceljs")}`;
  const cell = (v) => (isDate(v) ? asDate(v) : isFormula(v) ? { formula: v.formula, result: v.value } : v);
  const fill = (ws, rows) => {
    rows.forEach((row) => ws.addRow(row.map(cell)));
    ws.getColumn(8).numFmt = "yyyy-mm-dd";
  };
  // 1. The plain workbook API: shared strings, styles, formulas with results, dates.
  {
    const wb = new ExcelJS.Workbook();
    wb.creator = "corpus";
    wb.created = new Date(Date.UTC(2026, 0, 5));
    wb.modified = wb.created;
    fill(wb.addWorksheet(data.weightsSheet), data.weights);
    fill(wb.addWorksheet(data.customersSheet), data.customers);
    await wb.xlsx.writeFile(path.join(OUT, "exceljs.xlsx"));
    done("exceljs.xlsx", producer, "Workbook API: shared strings, formulas with cached results, dates with a number format, docProps");
  }
  // 2. The customers as an Excel table named 客户 (and the weights as a table named 权重).
  {
    const wb = new ExcelJS.Workbook();
    wb.created = new Date(Date.UTC(2026, 0, 5));
    wb.modified = wb.created;
    for (const [sheet, rows] of [[data.weightsSheet, data.weights], [data.customersSheet, data.customers]]) {
      const ws = wb.addWorksheet(sheet === data.weightsSheet ? "Setup" : "Data");
      ws.addTable({
        name: sheet,
        ref: "A1",
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: rows[0].map((name) => ({ name, filterButton: true })),
        rows: rows.slice(1).map((row) => row.map(cell)),
      });
    }
    await wb.xlsx.writeFile(path.join(OUT, "exceljs-tables.xlsx"));
    done("exceljs-tables.xlsx", producer, "Excel tables named 权重 and 客户 (table parts with autoFilter) on sheets Setup and Data, shared strings");
  }
  // 3. What an analyst's workbook from ExcelJS carries besides data: notes (comments), merged cells,
  // data validation, conditional formats, a hyperlink, an autofilter, a defined name, rich text,
  // frozen panes, a hidden column, fills.
  {
    const wb = new ExcelJS.Workbook();
    wb.created = new Date(Date.UTC(2026, 0, 5));
    wb.modified = wb.created;
    const weights = wb.addWorksheet(data.weightsSheet);
    fill(weights, data.weights);
    weights.getCell("C2").dataValidation = { type: "list", allowBlank: true, formulae: ['"正向,负向"'] };
    weights.mergeCells("E1:G1");
    weights.getCell("E1").value = "权重合计应为 1";
    const ws = wb.addWorksheet(data.customersSheet, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
    fill(ws, data.customers);
    const last = data.customers.length;
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    ws.getCell("D3").note = "文本格式的数字：38,500";
    ws.getCell("A2").value = { text: "C001", hyperlink: "https://example.com/customers/C001" };
    ws.getCell("B4").value = { richText: [{ font: { bold: true }, text: "Acme" }, { text: " Ltd" }] };
    ws.addConditionalFormatting({ ref: `G2:G${last}`, rules: [{ type: "cellIs", operator: "greaterThan", formulae: [4], style: { font: { color: { argb: "FF9C0006" } } } }] });
    ws.autoFilter = `A1:I${last}`;
    ws.getColumn(5).hidden = true;
    ws.getCell("D2").name = "最大销售额";
    await wb.xlsx.writeFile(path.join(OUT, "exceljs-features.xlsx"));
    done("exceljs-features.xlsx", producer, "a note (comments and VML parts), merged cells, data validation, a conditional format, a hyperlink, an autofilter, a defined name, a rich-text name, frozen panes, a hidden column, fills");
  }
  // 4. 积分 as one shared formula (F2 master, F3:F9 sharing it), each with its cached result.
  {
    const wb = new ExcelJS.Workbook();
    wb.created = new Date(Date.UTC(2026, 0, 5));
    wb.modified = wb.created;
    fill(wb.addWorksheet(data.weightsSheet), data.weights);
    const ws = wb.addWorksheet(data.customersSheet);
    fill(ws, data.customers);
    data.customers.slice(1).forEach((row, i) => {
      ws.getCell(`F${i + 2}`).value = i === 0 ? { formula: row[5].formula, result: row[5].value, shareType: "shared", ref: `F2:F${data.customers.length}` } : { sharedFormula: "F2", result: row[5].value };
    });
    await wb.xlsx.writeFile(path.join(OUT, "exceljs-shared-formulas.xlsx"));
    done("exceljs-shared-formulas.xlsx", producer, "积分 as one shared formula (t=\"shared\" ref=\"F2:F9\" si) with cached results");
  }
  // 5. The streaming writer without shared strings: inline strings.
  {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(OUT, "exceljs-stream.xlsx"), useSharedStrings: false, useStyles: true });
    wb.created = new Date(Date.UTC(2026, 0, 5));
    wb.modified = wb.created;
    for (const [sheet, rows] of [[data.weightsSheet, data.weights], [data.customersSheet, data.customers]]) {
      const ws = wb.addWorksheet(sheet);
      ws.getColumn(8).numFmt = "yyyy-mm-dd";
      rows.forEach((row) => ws.addRow(row.map(cell)).commit());
      ws.commit();
    }
    await wb.commit();
    done("exceljs-stream.xlsx", producer, "streaming WorkbookWriter, useSharedStrings false: strings as t=\"str\" cells (no sharedStrings part), no table, formulas with cached results");
  }
}

function sheetjs() {
  const XLSX = require("xlsx");
  const producer = `SheetJS (npm xlsx) ${version("xlsx")}`;
  const sheet = (rows, cellDates) => {
    const ws = XLSX.utils.aoa_to_sheet(rows.map((row) => row.map((v) => (isDate(v) ? asDate(v) : isFormula(v) ? null : v))), { cellDates });
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isFormula(v)) ws[XLSX.utils.encode_cell({ r, c })] = { t: "n", v: v.value, f: v.formula };
        if (isDate(v)) ws[XLSX.utils.encode_cell({ r, c })].z = "yyyy-mm-dd";
      }),
    );
    return ws;
  };
  const book = (cellDates) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet(data.weights, cellDates), data.weightsSheet);
    XLSX.utils.book_append_sheet(wb, sheet(data.customers, cellDates), data.customersSheet);
    wb.Props = { CreatedDate: new Date(Date.UTC(2026, 0, 5)) };
    return wb;
  };
  XLSX.writeFile(book(false), path.join(OUT, "sheetjs.xlsx"), { bookType: "xlsx", compression: true });
  done("sheetjs.xlsx", producer, "writeFile defaults: strings as t=\"str\" cells without a shared string table, xl/metadata.xml, formulas with cached values, dates as serial numbers");
  XLSX.writeFile(book(false), path.join(OUT, "sheetjs-stored.xlsx"), { bookType: "xlsx" });
  done("sheetjs-stored.xlsx", producer, "writeFile without compression (its default): every zip entry stored, not deflated");
  XLSX.writeFile(book(false), path.join(OUT, "sheetjs-sst.xlsx"), { bookType: "xlsx", bookSST: true, compression: true });
  done("sheetjs-sst.xlsx", producer, "bookSST: a shared string table");
  {
    // Comments, merged cells, a hyperlink, an autofilter and a defined name, as SheetJS writes them.
    const wb = book(false);
    const ws = wb.Sheets[data.customersSheet];
    ws.D3.c = [{ a: "corpus", t: "文本格式的数字：38,500" }];
    ws.A2.l = { Target: "https://example.com/customers/C001" };
    ws["!autofilter"] = { ref: `A1:I${data.customers.length}` };
    wb.Sheets[data.weightsSheet].E1 = { t: "s", v: "权重合计应为 1" };
    wb.Sheets[data.weightsSheet]["!merges"] = [XLSX.utils.decode_range("E1:G1")];
    wb.Sheets[data.weightsSheet]["!ref"] = "A1:G4";
    wb.Workbook = { Names: [{ Name: "销售额区域", Ref: `${data.customersSheet}!$D$2:$D$${data.customers.length}` }] };
    XLSX.writeFile(wb, path.join(OUT, "sheetjs-features.xlsx"), { bookType: "xlsx", compression: true });
    done("sheetjs-features.xlsx", producer, "a comment (comments and VML parts), merged cells, a hyperlink, an autofilter, a defined name");
  }
  XLSX.writeFile(book(true), path.join(OUT, "sheetjs-dates.xlsx"), { bookType: "xlsx", cellDates: true, compression: true });
  done("sheetjs-dates.xlsx", producer, "cellDates: dates stored as t=\"d\" ISO 8601 text");
}

async function excel4node() {
  const xl = require("excel4node");
  const producer = `excel4node ${version("excel4node")}`;
  const write = async (file, formulas) => {
    const wb = new xl.Workbook({ dateFormat: "yyyy-mm-dd", author: "corpus" });
    for (const [name, rows] of [[data.weightsSheet, data.weights], [data.customersSheet, data.customers]]) {
      const ws = wb.addWorksheet(name);
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          const at = ws.cell(r + 1, c + 1);
          if (typeof v === "number") at.number(v);
          else if (typeof v === "string") at.string(v);
          else if (isDate(v)) at.date(asDate(v));
          else if (formulas) at.formula(v.formula);
          else at.number(v.value);
        }),
      );
    }
    fs.writeFileSync(path.join(OUT, file), await wb.writeToBuffer());
  };
  await write("excel4node.xlsx", false);
  done("excel4node.xlsx", producer, "shared strings, dates with a number format, 积分 written as numbers");
  await write("excel4node-formulas.xlsx", true);
  done("excel4node-formulas.xlsx", producer, "积分 as formulas: excel4node writes <f> without a cached <v>", { problems: ["not-a-number"] });
}

async function writeExcelFile() {
  const writeXlsxFile = require("write-excel-file/node");
  const write = writeXlsxFile.default ?? writeXlsxFile;
  const producer = `write-excel-file ${version("write-excel-file")}`;
  const sheetData = (rows) =>
    rows.map((row) =>
      row.map((v) => {
        if (v === null) return null;
        if (typeof v === "number") return { type: Number, value: v };
        if (typeof v === "string") return { type: String, value: v };
        if (isDate(v)) return { type: Date, value: asDate(v), format: "yyyy-mm-dd" };
        return { type: Number, value: v.value };
      }),
    );
  await write([
    { data: sheetData(data.weights), sheet: data.weightsSheet },
    { data: sheetData(data.customers), sheet: data.customersSheet, stickyRowsCount: 1 },
  ]).toFile(path.join(OUT, "write-excel-file.xlsx"));
  done("write-excel-file.xlsx", producer, "shared strings, dates with a custom number format, a frozen header row, 积分 as numbers");
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  await exceljs();
  sheetjs();
  await excel4node();
  await writeExcelFile();
  fs.writeFileSync(path.join(OUT, "node-producers.json"), JSON.stringify(written, null, 2));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
