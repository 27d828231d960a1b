// Builds small .xlsx workbooks part by part for the tests, so every fixture is visible in code and
// nothing depends on a binary file. `userParts` adds one of each kind of thing a user keeps in a
// workbook (another sheet with a chart, a pivot table, an image, a comment, defined names, data
// validation, conditional formats, styles, column widths), for the "loses nothing" tests.

import JSZip from "jszip";

export type FixtureCell =
  | string
  | number
  | boolean
  | null
  | { error: string }
  | { inline: string }
  | { date: string }
  /** A cell written as given (formulas with cached values, shared formulas): the XML of <c> for its reference. */
  | { raw: (ref: string) => string };

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** An Excel table over the whole grid. */
  table?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const T = (kind: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
const CT = (kind: string) => `application/vnd.openxmlformats-officedocument.${kind}`;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function letters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The tiny PNG of the image part: 1x1 red. */
export const RED_PIXEL_PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64"),
);

/**
 * An .xlsx with the given sheets (strings as shared strings, { inline } as inline strings, { date } as
 * t="d"), and with `userParts` one of each kind of user part on a sheet "Notes" and on the first sheet.
 */
export async function buildWorkbook(sheets: FixtureSheet[], options: { userParts?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const stringIndex = (s: string) => {
    let at = indexes.get(s);
    if (at === undefined) indexes.set(s, (at = strings.push(s) - 1));
    return at;
  };
  const overrides: [string, string][] = [
    ["/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"],
    ["/xl/styles.xml", CT("spreadsheetml.styles+xml")],
    ["/xl/sharedStrings.xml", CT("spreadsheetml.sharedStrings+xml")],
  ];
  const workbookRels: string[] = [
    `<Relationship Id="rIdStyles" Type="${T("styles")}" Target="styles.xml"/>`,
    `<Relationship Id="rIdStrings" Type="${T("sharedStrings")}" Target="sharedStrings.xml"/>`,
  ];
  const all = options.userParts ? [...sheets, { name: "Notes", rows: [["Month", "Amount"], ["Jan", 10], ["Feb", 20], ["Mar", 15]] as FixtureCell[][] }] : sheets;
  let tableNumber = 0;

  all.forEach((sheet, s) => {
    const rowsXml = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((value, c) => {
            const ref = `${letters(c)}${r + 1}`;
            const style = options.userParts && r === 0 ? ' s="1"' : "";
            if (value === null) return "";
            if (typeof value === "number") return `<c r="${ref}"${style}><v>${value}</v></c>`;
            if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
            if (typeof value === "string") return `<c r="${ref}"${style} t="s"><v>${stringIndex(value)}</v></c>`;
            if ("error" in value) return `<c r="${ref}" t="e"><v>${escape(value.error)}</v></c>`;
            if ("raw" in value) return value.raw(ref);
            if ("inline" in value) return `<c r="${ref}" t="inlineStr"><is><t>${escape(value.inline)}</t></is></c>`;
            return `<c r="${ref}" t="d"><v>${value.date}</v></c>`;
          })
          .join("");
        return `<row r="${r + 1}" spans="1:${row.length}">${cells}</row>`;
      })
      .join("");
    const width = Math.max(...sheet.rows.map((row) => row.length));
    const ref = `A1:${letters(width - 1)}${sheet.rows.length}`;
    const sheetRels: string[] = [];
    let extra = "";
    let cols = "";
    if (sheet.table) {
      tableNumber++;
      const headers = sheet.rows[0].map((h) => escape(String(h)));
      zip.file(
        `xl/tables/table${tableNumber}.xml`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="${tableNumber}" name="${sheet.table}" displayName="${sheet.table}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${headers.map((h, i) => `<tableColumn id="${i + 1}" name="${h}"/>`).join("")}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      );
      overrides.push([`/xl/tables/table${tableNumber}.xml`, CT("spreadsheetml.table+xml")]);
      sheetRels.push(`<Relationship Id="rIdTable" Type="${T("table")}" Target="../tables/table${tableNumber}.xml"/>`);
    }
    if (options.userParts && s === 0) {
      // On the customer sheet: a width, a user conditional format, a data validation, a comment.
      cols = '<cols><col min="2" max="2" width="31.5" customWidth="1"/></cols>';
      extra +=
        `<conditionalFormatting sqref="B2:B${sheet.rows.length}"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="Acme"><formula>NOT(ISERROR(SEARCH("Acme",B2)))</formula></cfRule></conditionalFormatting>` +
        `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" showErrorMessage="1" sqref="D2:D${sheet.rows.length}"><formula1>0</formula1><formula2>1000000000</formula2></dataValidation></dataValidations>`;
      sheetRels.push(`<Relationship Id="rIdComments" Type="${T("comments")}" Target="../comments1.xml"/>`);
      sheetRels.push(`<Relationship Id="rIdVml" Type="${T("vmlDrawing")}" Target="../drawings/vmlDrawing1.vml"/>`);
      extra += '<legacyDrawing r:id="rIdVml"/>';
      zip.file(
        "xl/comments1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>Analyst</author></authors><commentList><comment ref="A2" authorId="0"><text><t>Key account since 2019</t></text></comment></commentList></comments>`,
      );
      zip.file(
        "xl/drawings/vmlDrawing1.vml",
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Row>1</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
      );
      overrides.push(["/xl/comments1.xml", CT("spreadsheetml.comments+xml")]);
    }
    if (options.userParts && sheet.name === "Notes") {
      // Another sheet with a chart and an image in one drawing, and a pivot table over its data.
      cols = '<cols><col min="1" max="1" width="14" customWidth="1"/></cols>';
      sheetRels.push(`<Relationship Id="rIdDrawing" Type="${T("drawing")}" Target="../drawings/drawing1.xml"/>`);
      sheetRels.push(`<Relationship Id="rIdPivot" Type="${T("pivotTable")}" Target="../pivotTables/pivotTable1.xml"/>`);
      extra += '<drawing r:id="rIdDrawing"/>';
      zip.file("xl/media/image1.png", RED_PIXEL_PNG);
      zip.file(
        "xl/drawings/drawing1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Amounts"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor><xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rIdImage"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
      );
      zip.file(
        "xl/drawings/_rels/drawing1.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rIdChart" Type="${T("chart")}" Target="../charts/chart1.xml"/><Relationship Id="rIdImage" Type="${T("image")}" Target="../media/image1.png"/></Relationships>`,
      );
      zip.file(
        "xl/charts/chart1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Notes!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Notes!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
      );
      zip.file(
        "xl/pivotCache/pivotCacheDefinition1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rIdRecords" refreshOnLoad="1" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="Notes"/></cacheSource><cacheFields count="2"><cacheField name="Month" numFmtId="0"><sharedItems count="3"><s v="Jan"/><s v="Feb"/><s v="Mar"/></sharedItems></cacheField><cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="10" maxValue="20"/></cacheField></cacheFields></pivotCacheDefinition>`,
      );
      zip.file(
        "xl/pivotCache/pivotCacheRecords1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="${MAIN}" count="3"><r><x v="0"/><n v="10"/></r><r><x v="1"/><n v="20"/></r><r><x v="2"/><n v="15"/></r></pivotCacheRecords>`,
      );
      zip.file(
        "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rIdRecords" Type="${T("pivotCacheRecords")}" Target="pivotCacheRecords1.xml"/></Relationships>`,
      );
      zip.file(
        "xl/pivotTables/pivotTable1.xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${MAIN}" name="PivotAmounts" cacheId="1" dataCaption="Values" updatedVersion="6" createdVersion="6"><location ref="A20:B24" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Amount" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
      );
      zip.file(
        "xl/pivotTables/_rels/pivotTable1.xml.rels",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rIdCache" Type="${T("pivotCacheDefinition")}" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
      );
      workbookRels.push(`<Relationship Id="rIdPivotCache" Type="${T("pivotCacheDefinition")}" Target="pivotCache/pivotCacheDefinition1.xml"/>`);
      overrides.push(
        ["/xl/drawings/drawing1.xml", CT("drawing+xml")],
        ["/xl/charts/chart1.xml", CT("drawingml.chart+xml")],
        ["/xl/pivotCache/pivotCacheDefinition1.xml", CT("spreadsheetml.pivotCacheDefinition+xml")],
        ["/xl/pivotCache/pivotCacheRecords1.xml", CT("spreadsheetml.pivotCacheRecords+xml")],
        ["/xl/pivotTables/pivotTable1.xml", CT("spreadsheetml.pivotTable+xml")],
      );
    }
    const tableParts = sheet.table ? '<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts>' : "";
    zip.file(
      `xl/worksheets/sheet${s + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="${ref}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rowsXml}</sheetData>${extra.replace('<legacyDrawing r:id="rIdVml"/>', "")}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${extra.includes("legacyDrawing") ? '<legacyDrawing r:id="rIdVml"/>' : ""}${tableParts}</worksheet>`.replace(
        /(<drawing r:id="rIdDrawing"\/>)(<pageMargins[^>]*\/>)/,
        "$2$1",
      ),
    );
    if (sheetRels.length) {
      zip.file(`xl/worksheets/_rels/sheet${s + 1}.xml.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${sheetRels.join("")}</Relationships>`);
    }
    overrides.push([`/xl/worksheets/sheet${s + 1}.xml`, CT("spreadsheetml.worksheet+xml")]);
    workbookRels.push(`<Relationship Id="rIdSheet${s + 1}" Type="${T("worksheet")}" Target="worksheets/sheet${s + 1}.xml"/>`);
  });

  const names = options.userParts
    ? `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'${all[0].name}'!$A$1:$C$5</definedName><definedName name="TaxRate">0.13</definedName><definedName name="NotesData">Notes!$A$1:$B$4</definedName></definedNames>`
    : "";
  const pivotCaches = options.userParts ? '<pivotCaches><pivotCache cacheId="1" r:id="rIdPivotCache"/></pivotCaches>' : "";
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${all
      .map((sheet, s) => `<sheet name="${escape(sheet.name)}" sheetId="${s + 1}" r:id="rIdSheet${s + 1}"/>`)
      .join("")}</sheets>${names}<calcPr calcId="191029"/>${pivotCaches}</workbook>`,
  );
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${workbookRels.join("")}</Relationships>`);
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><i/><sz val="12"/><color rgb="FF7030A0"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><b/><color rgb="FFFF0000"/></font></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join("")}</sst>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${T("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${overrides
      .map(([name, type]) => `<Override PartName="${name}" ContentType="${type}"/>`)
      .join("")}</Types>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

/** Every part of a package by path, as text (binary parts as base64), to compare before and after. */
export async function packageParts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files).sort()) {
    const file = zip.files[path];
    if (file.dir) continue;
    parts.set(path, /\.(png|jpe?g|bin|emf)$/.test(path) ? await file.async("base64") : await file.async("string"));
  }
  return parts;
}

/** A small customer workbook: 2 indicators, 5 customers, as sheets or Excel tables. */
export function smallCustomerSheets(options: { tables?: boolean; names?: string[] } = {}): FixtureSheet[] {
  const names = options.names ?? ["Acme Ltd", "Beta Co", "Gamma", "Delta", "Epsilon"];
  return [
    {
      name: "Customers",
      table: options.tables ? "Customers" : undefined,
      rows: [
        ["Customer ID", "Name", "Owner", "Sales", "Complaints"],
        ["C1", names[0], "Li", 500, 0],
        ["C2", names[1], "Li", 400, 1],
        ["C3", names[2], "Wu", 300, 2],
        ["C4", names[3], "Wu", 200, 3],
        ["C5", names[4], "Wu", 100, 4],
      ],
    },
    {
      name: "Weights",
      table: options.tables ? "Weights" : undefined,
      rows: [
        ["Indicator", "Weight", "Direction"],
        ["Sales", 0.6, "higher"],
        ["Complaints", 0.4, "lower"],
      ],
    },
  ];
}
