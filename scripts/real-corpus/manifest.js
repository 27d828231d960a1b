// Writes test/files/real/manifest.json from the producers' own notes (node-producers.json,
// python-producers.json) and the LibreOffice and Gnumeric files (scripts/make-real-corpus.sh).
// Usage: LO_VERSION=.. GNUMERIC_VERSION=.. node manifest.js <work folder> <manifest.json>
"use strict";
const fs = require("fs");
const path = require("path");

const [work, target] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(path.join(__dirname, "data.json"), "utf8"));
// Eight customers; C004's 投诉次数 is blank, so the default missing-value policy (exclude) leaves it
// ungraded; the other seven get the default shares 20/30/50 % by score: A, B, B, C, C, C, C.
const tiers = ["A", "B", "B", "", "C", "C", "C", "C"];
const graded = (customerSheet) => ({ graded: data.customers.length - 1, excluded: 1, tiers, customerSheet });
const lo = `LibreOffice Calc ${process.env.LO_VERSION}`;
const gnumeric = `Gnumeric ssconvert ${process.env.GNUMERIC_VERSION}`;
const notes = [
  ...JSON.parse(fs.readFileSync(path.join(work, "node-producers.json"), "utf8")),
  ...JSON.parse(fs.readFileSync(path.join(work, "python-producers.json"), "utf8")),
  { file: "libreoffice-calc.xlsx", producer: lo, features: "a flat ODS file saved with the \"Calc MS Excel 2007 XML\" filter: shared strings, formulas with cached values, date styles, docProps" },
  { file: "libreoffice-calc-ooxml.xlsx", producer: lo, features: "a flat ODS file saved with the \"Calc Office Open XML\" filter (its transitional namespaces, like the other filter: LibreOffice writes no strict OOXML)" },
  { file: "libreoffice-calc.xlsm", producer: lo, features: "a flat ODS file saved with the \"Calc MS Excel 2007 VBA XML\" filter: a macro-enabled workbook (sheet.macroEnabled.main+xml) without macros" },
  { file: "libreoffice-calc.xltx", producer: lo, features: "a flat ODS file saved with the \"Calc MS Excel 2007 XML Template\" filter: a template (spreadsheetml.template.main+xml)" },
  { file: "gnumeric-xlsx2.xlsx", producer: gnumeric, features: "LibreOffice's .ods of the tables converted with --export-type=Gnumeric_Excel:xlsx2 (ECMA-376 2nd edition): shared and inline strings, formulas with cached values, docProps/custom.xml" },
  { file: "gnumeric-xlsx.xlsx", producer: gnumeric, features: "LibreOffice's .ods of the tables converted with --export-type=Gnumeric_Excel:xlsx (ECMA-376 1st edition): shared and inline strings, formulas with cached values, docProps/custom.xml" },
  { file: "libreoffice-resaved-features.xlsx", producer: lo, features: "xlsxwriter-features.xlsx opened and saved by Calc (\"Calc MS Excel 2007 XML\"): its chart, comments, conditional formats, validation, merged cells, hyperlink and defined name as LibreOffice writes them" },
  { file: "gnumeric-resaved-features.xlsx", producer: gnumeric, features: "xlsxwriter-features.xlsx converted by ssconvert (Gnumeric_Excel:xlsx2): its chart, comments, conditional formats, validation and the rest as Gnumeric writes them" },
];
const files = notes.map((note) => ({
  file: note.file,
  producer: note.producer,
  features: note.features,
  expect: note.expect ?? graded(note.file === "openpyxl-write-only-tables.xlsx" ? "Q4 客户's data" : /tables/.test(note.file) ? "Data" : data.customersSheet),
}));
fs.writeFileSync(
  target,
  `${JSON.stringify(
    {
      note: "Written by scripts/make-real-corpus.sh: the tables of scripts/real-corpus/data.json written by each real producer named here (its version as installed then), and each file's expected outcome when graded with the default settings. The programs are credited to their authors: LibreOffice (MPL-2.0), Gnumeric (GPL), openpyxl (MIT), XlsxWriter (BSD-2-Clause), ExcelJS (MIT), SheetJS xlsx (Apache-2.0), excel4node (MIT), write-excel-file (MIT).",
      files,
    },
    null,
    2,
  )}\n`,
);
