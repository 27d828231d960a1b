// Writes data.json as a flat OpenDocument spreadsheet (.fods), the input from which LibreOffice and
// Gnumeric write their .xlsx files (scripts/make-real-corpus.sh). Usage: node fods.js <out.fods>
"use strict";
const fs = require("fs");
const path = require("path");

const data = JSON.parse(fs.readFileSync(path.join(__dirname, "data.json"), "utf8"));
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const cell = (v) => {
  if (v === null) return "<table:table-cell/>";
  if (typeof v === "number") return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  if (typeof v === "string") return `<table:table-cell office:value-type="string"><text:p>${esc(v)}</text:p></table:table-cell>`;
  if ("date" in v) return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${v.date}"><text:p>${v.date}</text:p></table:table-cell>`;
  const formula = v.formula.replace(/\b([A-Z]{1,3}[0-9]+)\b/g, "[.$1]");
  return `<table:table-cell table:formula="of:=${esc(formula)}" office:value-type="float" office:value="${v.value}"><text:p>${v.value}</text:p></table:table-cell>`;
};
const table = (name, rows) =>
  `<table:table table:name="${esc(name)}"><table:table-column table:number-columns-repeated="${rows[0].length}"/>${rows
    .map((row) => `<table:table-row>${row.map(cell).join("")}</table:table-row>`)
    .join("")}</table:table>`;
fs.writeFileSync(
  process.argv[2],
  `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles><number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style><style:style style:name="ceDate" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N37"/></office:automatic-styles>
<office:body><office:spreadsheet>${table(data.weightsSheet, data.weights)}${table(data.customersSheet, data.customers)}</office:spreadsheet></office:body></office:document>
`,
);
