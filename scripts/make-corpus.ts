// Writes the reader's corpus (npm run corpus): test/files/*.xlsx and test/files/manifest.json.
//
// Each file holds the same two tables (Weights; Customers C1..C5 whose tiers are known: A, B, C, C, C)
// written the way one producer or one feature of the format writes them, so a test can grade every
// file and check the outcome, that nothing else in the package changed, and that LibreOffice opens the
// result. The "-like" files are built part by part from what each producer is known to write (the
// namespaces, string storage, references); the files from real programs are written by those programs
// here (xlsx-populate, LibreOffice) or copied from packages that ship them (credited in the manifest).
// Adversarial files (encrypted, .xls, CSV renamed, no [Content_Types].xml) sit beside them.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
// xlsx-populate ships no type declarations.
const XlsxPopulate = require("xlsx-populate");

const OUT = path.join(__dirname, "..", "test", "files");
const ROOT = path.join(__dirname, "..");

const T_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const S_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const T_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const S_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const CT = (kind: string) => `application/vnd.openxmlformats-officedocument.${kind}`;

type Cell = string | number | { formula: string; value: number; shared?: string } | { date: string } | { rich: [string, string] } | null;

const CUSTOMERS: Cell[][] = [
  ["Customer ID", "Name", "Owner", "Sales", "Complaints"],
  ["C1", "Acme Ltd", "Li", 500, 0],
  ["C2", "Beta Co", "Li", 400, 1],
  ["C3", "Gamma", "Wu", 300, 2],
  ["C4", "Delta", "Wu", 200, 3],
  ["C5", "Epsilon", "Wu", 100, 4],
];
const WEIGHTS: Cell[][] = [
  ["Indicator", "Weight", "Direction"],
  ["Sales", 0.6, "higher"],
  ["Complaints", 0.4, "lower"],
];
const TIERS = ["A", "B", "C", "C", "C"];

interface Style {
  /** Prefix for SpreadsheetML elements ("" = default namespace). */
  prefix?: string;
  strict?: boolean;
  strings?: "shared" | "inline";
  /** Cells and rows without r attributes. */
  noRefs?: boolean;
  noDimension?: boolean;
  noStyles?: boolean;
  noDocProps?: boolean;
  /** Excel-style extras: mc:AlternateContent in workbook.xml, x14ac row attributes, docProps. */
  excelExtras?: boolean;
  /** The customer sheet's part name (e.g. "xl/worksheets/Sheet1.xml") and a drawing with a chart on it. */
  customerPart?: string;
  chartOnCustomers?: boolean;
  /** Customers as an Excel table with a totals row. */
  totalsRow?: boolean;
  /** The customer sheet uses every column to XFD. */
  fullWidth?: boolean;
  /** Extra columns on the customer sheet: a t="d" date, a shared formula, a rich-text note. */
  extraColumns?: "date" | "sharedFormula" | "rich" | "uncalculated";
}

function letters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function customerRows(style: Style): Cell[][] {
  const rows = CUSTOMERS.map((row) => [...row]);
  switch (style.extraColumns) {
    case "date":
      rows[0].push("Since");
      ["2019-03-01", "2020-07-15", "2021-01-31", "2022-11-02", "2024-02-29"].forEach((d, i) => rows[i + 1].push({ date: d }));
      break;
    case "sharedFormula":
      // Sales computed from Units by one shared formula (D2:D6), values cached as Excel saves them.
      rows[0].push("Units");
      rows.forEach((row, i) => {
        if (i === 0) return;
        row.push((row[3] as number) / 100);
        row[3] = { formula: i === 1 ? "F2*100" : "", value: row[3] as number, shared: i === 1 ? "D2:D6" : "" };
      });
      break;
    case "rich":
      rows.forEach((row, i) => {
        if (i > 0) row[1] = { rich: [String(row[1]).split(" ")[0], String(row[1]).slice(String(row[1]).split(" ")[0].length)] };
      });
      break;
    case "uncalculated":
      rows[3][3] = { formula: "100*3", value: NaN };
      break;
    default:
  }
  if (style.totalsRow) rows.push(["Total", null, null, { formula: "SUBTOTAL(109,Customers[Sales])", value: 1500 }, { formula: "SUBTOTAL(109,Customers[Complaints])", value: 10 }]);
  return rows;
}

/** An .xlsx built part by part in one producer's style. */
async function styled(style: Style): Promise<Uint8Array> {
  const p = style.prefix ?? "";
  const q = (name: string) => (p ? `${p}:${name}` : name);
  const main = style.strict ? S_MAIN : T_MAIN;
  const rel = style.strict ? S_REL : T_REL;
  const relType = (kind: string) => `${rel}/${kind}`;
  const mainDecl = p ? `xmlns:${p}="${main}"` : `xmlns="${main}"`;
  const zip = new JSZip();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const richItems: string[] = [];
  const shared = (text: string) => {
    let at = stringIndex.get(text);
    if (at === undefined) {
      at = strings.length;
      strings.push(`<${q("si")}><${q("t")}>${escape(text)}</${q("t")}></${q("si")}>`);
      stringIndex.set(text, at);
    }
    return at;
  };
  const useShared = (style.strings ?? "shared") === "shared";
  const overrides: [string, string][] = [["/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"]];
  const workbookRels: string[] = [];
  const sheetXml = (rows: Cell[][], extra: { table?: boolean; drawing?: boolean } = {}) => {
    const width = Math.max(...rows.map((row) => row.length));
    const body = rows
      .map((row, r) => {
        const cells = row
          .map((value, c) => {
            const ref = style.noRefs ? "" : ` r="${letters(c)}${r + 1}"`;
            if (value === null) return "";
            if (typeof value === "number") return `<${q("c")}${ref}><${q("v")}>${value}</${q("v")}></${q("c")}>`;
            if (typeof value === "string") {
              return useShared
                ? `<${q("c")}${ref} t="s"><${q("v")}>${shared(value)}</${q("v")}></${q("c")}>`
                : `<${q("c")}${ref} t="inlineStr"><${q("is")}><${q("t")}>${escape(value)}</${q("t")}></${q("is")}></${q("c")}>`;
            }
            if ("date" in value) return `<${q("c")}${ref} t="d"><${q("v")}>${value.date}</${q("v")}></${q("c")}>`;
            if ("rich" in value) {
              const runs = `<${q("r")}><${q("t")} xml:space="preserve">${escape(value.rich[0])}</${q("t")}></${q("r")}><${q("r")}><${q("rPr")}><${q("b")}/></${q("rPr")}><${q("t")} xml:space="preserve">${escape(value.rich[1])}</${q("t")}></${q("r")}>`;
              richItems.push(`<${q("si")}>${runs}</${q("si")}>`);
              return `<${q("c")}${ref} t="s"><${q("v")}>RICH${richItems.length - 1}</${q("v")}></${q("c")}>`;
            }
            const f = value.shared !== undefined
              ? value.formula
                ? `<${q("f")} t="shared" ref="${value.shared}" si="0">${escape(value.formula)}</${q("f")}>`
                : `<${q("f")} t="shared" si="0"/>`
              : `<${q("f")}>${escape(value.formula)}</${q("f")}>`;
            return Number.isNaN(value.value) ? `<${q("c")}${ref}>${f}</${q("c")}>` : `<${q("c")}${ref}>${f}<${q("v")}>${value.value}</${q("v")}></${q("c")}>`;
          })
          .join("");
        const rowRef = style.noRefs ? "" : ` r="${r + 1}"`;
        const spans = style.excelExtras ? ` spans="1:${width}" x14ac:dyDescent="0.25"` : "";
        return `<${q("row")}${rowRef}${spans}>${cells}</${q("row")}>`;
      })
      .join("");
    const dimension = style.noDimension ? "" : `<${q("dimension")} ref="A1:${letters(width - 1)}${rows.length}"/>`;
    const ns = style.excelExtras
      ? ` xmlns:r="${rel}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"`
      : ` xmlns:r="${rel}"`;
    const drawing = extra.drawing ? `<${q("drawing")} r:id="rId1"/>` : "";
    const table = extra.table ? `<${q("tableParts")} count="1"><${q("tablePart")} r:id="rId2"/></${q("tableParts")}>` : "";
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q("worksheet")} ${mainDecl}${ns}>${dimension}<${q("sheetViews")}><${q("sheetView")} workbookViewId="0"/></${q("sheetViews")}>` +
      `<${q("sheetFormatPr")} defaultRowHeight="15"/><${q("sheetData")}>${body}</${q("sheetData")}><${q("pageMargins")} left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${drawing}${table}</${q("worksheet")}>`
    );
  };

  let customers = customerRows(style);
  if (style.fullWidth) customers = customers.map((row, i) => [...row, ...new Array(16384 - row.length - 1).fill(null), i === 0 ? "Last" : i]);
  const weightsPart = "xl/worksheets/sheet1.xml";
  const customersPart = style.customerPart ?? "xl/worksheets/sheet2.xml";
  zip.file(weightsPart, sheetXml(WEIGHTS));
  const customerXml = sheetXml(customers, { table: style.totalsRow, drawing: style.chartOnCustomers });
  overrides.push([`/${weightsPart}`, CT("spreadsheetml.worksheet+xml")], [`/${customersPart}`, CT("spreadsheetml.worksheet+xml")]);
  workbookRels.push(`<Relationship Id="rId1" Type="${relType("worksheet")}" Target="${weightsPart.slice(3)}"/>`);
  workbookRels.push(`<Relationship Id="rId2" Type="${relType("worksheet")}" Target="${customersPart.slice(3)}"/>`);
  const customerRels: string[] = [];
  if (style.chartOnCustomers) {
    // The user's chart on the customer sheet, related from the sheet's own .rels part.
    customerRels.push(`<Relationship Id="rId1" Type="${relType("drawing")}" Target="../drawings/drawing1.xml"/>`);
    zip.file(
      "xl/drawings/drawing1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Sales chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${T_REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    );
    zip.file(
      "xl/drawings/_rels/drawing1.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${relType("chart")}" Target="../charts/chart1.xml"/></Relationships>`,
    );
    zip.file(
      "xl/charts/chart1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Customers!$A$2:$A$6</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Customers!$D$2:$D$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
    );
    overrides.push(["/xl/drawings/drawing1.xml", CT("drawing+xml")], ["/xl/charts/chart1.xml", CT("drawingml.chart+xml")]);
  }
  if (style.totalsRow) {
    const last = customers.length;
    const headers = customers[0].map((h) => escape(String(h)));
    customerRels.push(`<Relationship Id="rId2" Type="${relType("table")}" Target="../tables/table1.xml"/>`);
    zip.file(
      "xl/tables/table1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q("table")} ${mainDecl} id="1" name="Customers" displayName="Customers" ref="A1:${letters(headers.length - 1)}${last}" totalsRowCount="1"><${q("autoFilter")} ref="A1:${letters(headers.length - 1)}${last - 1}"/><${q("tableColumns")} count="${headers.length}">${headers
        .map((h, i) => `<${q("tableColumn")} id="${i + 1}" name="${h}"${i === 0 ? ' totalsRowLabel="Total"' : i >= 3 ? ' totalsRowFunction="sum"' : ""}/>`)
        .join("")}</${q("tableColumns")}><${q("tableStyleInfo")} name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></${q("table")}>`,
    );
    overrides.push(["/xl/tables/table1.xml", CT("spreadsheetml.table+xml")]);
  }
  zip.file(customersPart, customerXml);
  if (customerRels.length) {
    const relsPart = customersPart.replace(/([^/]+)$/, "_rels/$1.rels");
    zip.file(relsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${customerRels.join("")}</Relationships>`);
  }
  if (useShared || richItems.length) {
    let items = strings.join("");
    const firstRich = strings.length;
    items += richItems.join("");
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q("sst")} ${mainDecl} count="${strings.length + richItems.length}" uniqueCount="${strings.length + richItems.length}">${items}</${q("sst")}>`,
    );
    for (const part of [weightsPart, customersPart]) {
      const text = await zip.file(part)!.async("string");
      zip.file(part, text.replace(/RICH(\d+)/g, (_, n: string) => String(firstRich + parseInt(n, 10))));
    }
    overrides.push(["/xl/sharedStrings.xml", CT("spreadsheetml.sharedStrings+xml")]);
    workbookRels.push(`<Relationship Id="rId3" Type="${relType("sharedStrings")}" Target="sharedStrings.xml"/>`);
  }
  if (!style.noStyles) {
    zip.file(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q("styleSheet")} ${mainDecl}><${q("fonts")} count="1"><${q("font")}><${q("sz")} val="11"/><${q("name")} val="Calibri"/></${q("font")}></${q("fonts")}><${q("fills")} count="2"><${q("fill")}><${q("patternFill")} patternType="none"/></${q("fill")}><${q("fill")}><${q("patternFill")} patternType="gray125"/></${q("fill")}></${q("fills")}><${q("borders")} count="1"><${q("border")}><${q("left")}/><${q("right")}/><${q("top")}/><${q("bottom")}/><${q("diagonal")}/></${q("border")}></${q("borders")}><${q("cellStyleXfs")} count="1"><${q("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0"/></${q("cellStyleXfs")}><${q("cellXfs")} count="2"><${q("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${q("xf")} numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${q("cellXfs")}><${q("cellStyles")} count="1"><${q("cellStyle")} name="Normal" xfId="0" builtinId="0"/></${q("cellStyles")}></${q("styleSheet")}>`,
    );
    overrides.push(["/xl/styles.xml", CT("spreadsheetml.styles+xml")]);
    workbookRels.push(`<Relationship Id="rId4" Type="${relType("styles")}" Target="styles.xml"/>`);
  }
  const alternate = style.excelExtras
    ? `<mc:AlternateContent xmlns:mc="${MC}"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\analyst\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>`
    : "";
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${q("workbook")} ${mainDecl} xmlns:r="${rel}"><${q("workbookPr")}${style.strict ? ' dateCompatibility="0"' : ""}/>${alternate}<${q("bookViews")}><${q("workbookView")} activeTab="1"/></${q("bookViews")}><${q("sheets")}><${q("sheet")} name="Weights" sheetId="1" r:id="rId1"/><${q("sheet")} name="Customers" sheetId="2" r:id="rId2"/></${q("sheets")}><${q("calcPr")} calcId="191029"/></${q("workbook")}>`,
  );
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${workbookRels.join("")}</Relationships>`);
  const rootRels = [`<Relationship Id="rId1" Type="${relType("officeDocument")}" Target="xl/workbook.xml"/>`];
  if (!style.noDocProps) {
    zip.file(
      "docProps/core.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Analyst</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created></cp:coreProperties>`,
    );
    zip.file(
      "docProps/app.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${style.strict ? "http://purl.oclc.org/ooxml/officeDocument/extendedProperties" : "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}"><Application>Microsoft Excel</Application></Properties>`,
    );
    rootRels.push(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`);
    rootRels.push(`<Relationship Id="rId3" Type="${relType("extendedProperties").replace(`${T_REL}/extendedProperties`, `${T_REL}/extended-properties`)}" Target="docProps/app.xml"/>`);
    overrides.push(["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"], ["/docProps/app.xml", CT("extended-properties+xml")]);
  }
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rootRels.join("")}</Relationships>`);
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides
      .map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`)
      .join("")}</Types>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export interface CorpusEntry {
  file: string;
  producer: string;
  features: string;
  expect: { graded: number; tiers: string[]; customerSheet: string } | { refused: string } | { problems: string[] };
  /** Where a file that is not ours came from. */
  source?: string;
}

function soffice(args: string[], cwd: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], { cwd, stdio: "pipe", timeout: 180000 });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const graded = { graded: 5, tiers: TIERS, customerSheet: "Customers" };
  const entries: CorpusEntry[] = [];
  const add = async (file: string, producer: string, features: string, style: Style, expect: CorpusEntry["expect"] = graded) => {
    fs.writeFileSync(path.join(OUT, file), await styled(style));
    entries.push({ file, producer, features, expect });
  };

  await add("excel-like.xlsx", "Excel-like", "shared strings, cell and row references, styles, dimension, spans and x14ac:dyDescent, mc:AlternateContent in workbook.xml, docProps", { excelExtras: true });
  await add("libreoffice-like.xlsx", "LibreOffice-like", "shared strings, references, styles, no mc: extensions", {});
  await add("google-sheets-like.xlsx", "Google Sheets-like", "shared strings, references, no dimension, no docProps", { noDimension: true, noDocProps: true });
  await add("wps-like.xlsx", "WPS-like", "shared strings, references, Excel extras (x14ac, mc:AlternateContent)", { excelExtras: true, noDocProps: true });
  await add("openpyxl-like-inline.xlsx", "openpyxl-like (write-only / streaming writers)", "inline strings (t=\"inlineStr\"), no sharedStrings part", { strings: "inline" });
  await add("openxml-sdk-prefixed.xlsx", "Open XML SDK-like", "every SpreadsheetML element with the x: prefix, no default namespace", { prefix: "x" });
  await add("prefixed-s.xlsx", "Open XML SDK-like", "the s: prefix, inline strings, no styles", { prefix: "s", strings: "inline", noStyles: true });
  await add("strict.xlsx", "Excel strict OOXML-like", "ISO/IEC 29500 Strict namespaces (purl.oclc.org) for parts and relationships", { strict: true });
  await add("dates-t-d.xlsx", "t=\"d\" dates", "a column of ISO 8601 dates stored as t=\"d\"", { extraColumns: "date" });
  await add("shared-formulas.xlsx", "shared formulas", "the Sales indicator computed by one shared formula with cached values", { extraColumns: "sharedFormula" });
  await add("rich-text.xlsx", "rich text", "customer names as rich-text shared strings (two runs, one bold)", { extraColumns: "rich" });
  await add("no-dimension-no-refs.xlsx", "no references", "no dimension, rows and cells without r attributes", { noDimension: true, noRefs: true });
  await add("minimal-parts.xlsx", "minimal package", "no sharedStrings, no styles, no docProps (every optional part missing)", { strings: "inline", noStyles: true, noDocProps: true });
  await add("case-sheet-part-with-chart.xlsx", "case-insensitive part names", "the customer sheet is xl/worksheets/Sheet2.xml (upper case S) with its own drawing and chart: a new sheet2.xml would be the same part", {
    customerPart: "xl/worksheets/Sheet2.xml",
    chartOnCustomers: true,
  });
  await add("totals-row.xlsx", "Excel table with a totals row", "Customers is an Excel table whose last row is its totals row (totalsRowCount=\"1\")", { totalsRow: true });
  await add("uncalculated-formula.xlsx", "formula without a saved value", "an indicator cell with <f> but no <v>", { extraColumns: "uncalculated" }, { problems: ["not-a-number"] });
  await add("full-width.xlsx", "a sheet using all 16,384 columns", "the customer sheet's header runs to XFD: no room for output columns", { fullWidth: true }, { problems: ["output-past-last-column"] });

  // Files written by real programs.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-"));
  const populate = await XlsxPopulate.fromBlankAsync();
  populate.sheet(0).name("Weights");
  populate.sheet(0).cell("A1").value(WEIGHTS as unknown as string[][]);
  populate.addSheet("Customers").cell("A1").value(CUSTOMERS as unknown as string[][]);
  fs.writeFileSync(path.join(OUT, "xlsx-populate.xlsx"), await populate.outputAsync());
  entries.push({ file: "xlsx-populate.xlsx", producer: "xlsx-populate 1.21 (written by the program)", features: "as xlsx-populate writes a new workbook", expect: graded });

  fs.copyFileSync(path.join(OUT, "excel-like.xlsx"), path.join(tmp, "libreoffice.xlsx"));
  soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(tmp, "out"), "libreoffice.xlsx"], tmp);
  fs.copyFileSync(path.join(tmp, "out", "libreoffice.xlsx"), path.join(OUT, "libreoffice.xlsx"));
  entries.push({ file: "libreoffice.xlsx", producer: "LibreOffice Calc 7.4 (written by the program)", features: "excel-like.xlsx opened and saved as .xlsx by LibreOffice", expect: graded });

  soffice(["--convert-to", "xls:MS Excel 97", "--outdir", path.join(tmp, "out"), "libreoffice.xlsx"], tmp);
  fs.copyFileSync(path.join(tmp, "out", "libreoffice.xls"), path.join(OUT, "excel-97.xlsx"));
  entries.push({ file: "excel-97.xlsx", producer: "LibreOffice Calc 7.4, Excel 97-2003 format", features: "an .xls (BIFF8 in a Compound File) named .xlsx", expect: { refused: "xls" } });

  fs.copyFileSync(path.join(ROOT, "node_modules/xlsx-populate/examples/encryption/in.xlsx"), path.join(OUT, "encrypted.xlsx"));
  entries.push({
    file: "encrypted.xlsx",
    producer: "a password-protected workbook (Excel encryption, password open sesame)",
    features: "a Compound File with EncryptionInfo and EncryptedPackage",
    expect: { refused: "encrypted" },
    source: "xlsx-populate 1.21.0, examples/encryption/in.xlsx (MIT licence, github.com/dtjohnson/xlsx-populate)",
  });
  for (const name of ["ExcelWorkbookWithContent.xlsx", "ExcelWorkbookWithTaskPane.xlsx"]) {
    fs.copyFileSync(path.join(ROOT, "node_modules/office-addin-dev-settings/templates", name), path.join(OUT, `excel-${name}`));
    entries.push({
      file: `excel-${name}`,
      producer: "Microsoft Excel (a template shipped by Microsoft)",
      features: "a real Excel file without a weight or customer table",
      expect: { problems: ["table-not-found"] },
      source: `office-addin-dev-settings, templates/${name} (MIT licence, github.com/OfficeDev/Office-Addin-Scripts)`,
    });
  }
  fs.copyFileSync(path.join(ROOT, "node_modules/xlsx-populate/examples/ranges/template.xlsx"), path.join(OUT, "xlsx-populate-template.xlsx"));
  entries.push({
    file: "xlsx-populate-template.xlsx",
    producer: "Microsoft Excel (an example workbook shipped with xlsx-populate)",
    features: "a real workbook without a weight or customer table",
    expect: { problems: ["table-not-found"] },
    source: "xlsx-populate 1.21.0, examples/ranges/template.xlsx (MIT licence)",
  });

  fs.writeFileSync(path.join(OUT, "csv-renamed.xlsx"), "Customer ID,Name,Sales\nC1,Acme Ltd,500\nC2,Beta Co,400\n");
  entries.push({ file: "csv-renamed.xlsx", producer: "a CSV file renamed to .xlsx", features: "text, not a zip", expect: { refused: "not-xlsx" } });

  const noTypes = await JSZip.loadAsync(fs.readFileSync(path.join(OUT, "libreoffice-like.xlsx")));
  noTypes.remove("[Content_Types].xml");
  fs.writeFileSync(path.join(OUT, "no-content-types.xlsx"), await noTypes.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  entries.push({ file: "no-content-types.xlsx", producer: "a package re-zipped without [Content_Types].xml", features: "no content types part", expect: { refused: "no-content-types" } });

  fs.rmSync(tmp, { recursive: true, force: true });
  fs.writeFileSync(path.join(OUT, "manifest.json"), `${JSON.stringify({ note: "Written by scripts/make-corpus.ts (npm run corpus); each file's expected outcome when graded with the default settings.", files: entries }, null, 2)}\n`);
  console.log(`${entries.length} files in ${path.relative(ROOT, OUT)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
