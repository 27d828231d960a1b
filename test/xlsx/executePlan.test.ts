import JSZip from "jszip";
import type { OutputColumns, OutputSheet, WritePlan } from "../../src/workbook/types";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { PYRAMID_LOOK } from "../../src/workbook/planning/styles";
import { buildWorkbook, packageParts, smallCustomerSheets } from "./buildWorkbook";

// The small fixture grades by hand: Sales 500..100 and Complaints 0..4 (lower is better) give minmax
// points 100, 75, 50, 25, 0 on both, so with weights 0.6/0.4 the scores are 100, 75, 50, 25, 0, and
// shares 20/30/50 of 5 customers make C1 A (rank 1 <= 1), C2 B (rank 2 <= 2.5), the rest C.

const summary: OutputSheet = {
  name: "Tier summary",
  blocks: [
    { top: 0, left: 0, values: [["Customer tiers"]], look: { bold: true, size: 14 } },
    { top: 2, left: 0, values: [["Tier", "Customers", "Spacer", "Label"]], look: { bold: true, bottomBorder: true } },
    {
      top: 3,
      left: 0,
      values: [
        ["A", 1, 1, "1 · 20%"],
        ["B", 1, 1, "1 · 20%"],
        ["C", 3, 0, "3 · 60%"],
      ],
      numberFormats: [null, "#,##0", "0.0", null],
    },
  ],
  columnWidths: [12, 10, 10, 14],
  charts: [
    {
      title: "Customers per tier",
      categories: "A4:A6",
      spacer: "C4:C6",
      values: "B4:B6",
      labels: "D4:D6",
      seriesName: "Customers",
      colours: ["#C6EFCE", "#DDEBF7", "#FFEB9C"],
      anchor: { row: 1, column: 6, rows: 14, columns: 6 },
      look: PYRAMID_LOOK,
    },
  ],
};

/** A grading plan: unlike a migration plan, it always has output columns. */
type GradingPlan = WritePlan & { columns: OutputColumns };

function planFor(options: { table?: string; previous?: WritePlan["state"]; tiers?: string[]; headers?: string[] } = {}): GradingPlan {
  const headers = options.headers ?? ["Score", "Rank", "Tier"];
  const all = {
    Score: { header: "Score", numberFormat: "0.00", values: [100, 75, 50, 25, 0] },
    Rank: { header: "Rank", numberFormat: "0", values: [1, 2, 3, 4, 5] },
    Tier: { header: "Tier", numberFormat: "@", values: options.tiers ?? ["A", "B", "C", "C", "C"] },
  } as const;
  const columns = headers.map((h) => ({ ...all[h as keyof typeof all], values: [...all[h as keyof typeof all].values] }));
  return {
    previous: options.previous,
    state: { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 5, headers, sheets: ["Tier summary"] },
    columns: {
      sheet: "Customers",
      table: options.table,
      headerRow: 0,
      firstColumn: 5,
      rowCount: 5,
      columns,
      tierColumn: headers.indexOf("Tier"),
      tierStyles: [
        { label: "A", fill: "#C6EFCE", font: "#006100" },
        { label: "B", fill: "#DDEBF7", font: "#1F4E78" },
        { label: "C", fill: "#FFEB9C", font: "#9C5700" },
      ],
    },
    sheets: [summary],
  };
}

async function graded(data: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const workbook = await openXlsx(data);
  await workbook.execute(plan);
  return workbook.save();
}

describe("executing a write plan on an .xlsx", () => {
  test("Score, Rank and Tier become table columns of the customer table, with their number formats", async () => {
    const data = await graded(await buildWorkbook(smallCustomerSheets({ tables: true })), planFor({ table: "Customers" }));
    const workbook = await openXlsx(data);
    expect(await workbook.read("Customers", { top: 0, left: 5, rows: 6, columns: 3 })).toEqual([
      ["Score", "Rank", "Tier"],
      [100, 1, "A"],
      [75, 2, "B"],
      [50, 3, "C"],
      [25, 4, "C"],
      [0, 5, "C"],
    ]);
    const index = await workbook.index();
    expect(index.tables.find((t) => t.name === "Customers")?.box).toEqual({ top: 0, left: 0, rows: 6, columns: 8 });
    const parts = await packageParts(data);
    const table = parts.get("xl/tables/table1.xml")!;
    expect(table).toContain('ref="A1:H6"');
    expect(table).toContain('<autoFilter ref="A1:H6"/>');
    expect(table).toContain('<tableColumn id="6" name="Score"/><tableColumn id="7" name="Rank"/><tableColumn id="8" name="Tier"/>');
    expect(table).toMatch(/<tableColumns count="8"/);
    // Each output cell points at an xf whose number format is the column's: 0.00 is built-in 2, 0 is 1, @ is 49.
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    const styles = parts.get("xl/styles.xml")!;
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*\/>/g)!;
    const formatOf = (ref: string) => {
      const s = Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)![1]);
      return Number(/numFmtId="(\d+)"/.exec(xfs[s])![1]);
    };
    expect([formatOf("F2"), formatOf("G2"), formatOf("H2")]).toEqual([2, 1, 49]);
    expect(sheet).toContain('<dimension ref="A1:H6"/>');
  });

  test("the tier column is coloured by conditional formatting: one 'cell equals label' rule per tier", async () => {
    const parts = await packageParts(await graded(await buildWorkbook(smallCustomerSheets()), planFor()));
    const sheet = parts.get("xl/worksheets/sheet1.xml")!;
    const format = /<conditionalFormatting sqref="H2:H6">([\s\S]*?)<\/conditionalFormatting>/.exec(sheet)![1];
    const rules = [...format.matchAll(/<cfRule type="cellIs" dxfId="(\d+)" priority="\d+" operator="equal"><formula>&quot;(\w)&quot;<\/formula><\/cfRule>/g)];
    expect(rules.map((rule) => rule[2])).toEqual(["A", "B", "C"]);
    const dxfs = /<dxfs[^>]*>([\s\S]*?)<\/dxfs>/.exec(parts.get("xl/styles.xml")!)![1].match(/<dxf>[\s\S]*?<\/dxf>/g)!;
    expect(dxfs[Number(rules[0][1])]).toBe('<dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf>');
    expect(dxfs[Number(rules[2][1])]).toContain('<bgColor rgb="FFFFEB9C"/>');
  });

  test("the pyramid is a real chart part: stacked bars, a transparent spacer, tiers top to bottom, labels from cells", async () => {
    const parts = await packageParts(await graded(await buildWorkbook(smallCustomerSheets()), planFor()));
    const workbookXml = parts.get("xl/workbook.xml")!;
    expect(workbookXml).toContain('<sheet name="Tier summary" sheetId="3"');
    const sheetRels = parts.get("xl/worksheets/_rels/sheet3.xml.rels")!;
    expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
    expect(parts.get("xl/worksheets/sheet3.xml")).toContain('<drawing r:id="rId1"/>');
    expect(parts.get("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const types = parts.get("[Content_Types].xml")!;
    for (const part of ["/xl/worksheets/sheet3.xml", "/xl/drawings/drawing1.xml", "/xl/charts/chart1.xml"]) expect(types).toContain(`PartName="${part}"`);

    const chart = parts.get("xl/charts/chart1.xml")!;
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(chart).toContain('<c:overlap val="100"/>');
    expect(chart).toContain('<c:orientation val="maxMin"/>');
    const series = chart.match(/<c:ser>[\s\S]*?<\/c:ser>/g)!;
    expect(series).toHaveLength(2);
    expect(series[0]).toContain("<c:spPr><a:noFill/>");
    expect(series[0]).toContain("<c:f>'Tier summary'!$C$4:$C$6</c:f>");
    expect(series[1]).toContain("<c:f>'Tier summary'!$B$4:$B$6</c:f>");
    expect(series[1]).toContain("<c15:f>'Tier summary'!$D$4:$D$6</c15:f>");
    expect(series[1]).toContain('<c15:showDataLabelsRange val="1"/>');
    expect(series[1]).toContain('<c:showVal val="1"/>');
    // Cached points, so the chart is right before any recalculation.
    expect(series[1]).toContain('<c:pt idx="2"><c:v>3</c:v></c:pt>');
    expect(series[1]).toContain('<c:pt idx="0"><c:v>1 · 20%</c:v></c:pt>');
    expect(series[0]).toContain('<c:pt idx="0"><c:v>A</c:v></c:pt>');
  });

  test("the summary sheet holds the blocks with their styles and column widths", async () => {
    const workbook = await openXlsx(await graded(await buildWorkbook(smallCustomerSheets()), planFor()));
    expect(await workbook.read("Tier summary", { top: 0, left: 0, rows: 6, columns: 4 })).toEqual([
      ["Customer tiers", null, null, null],
      [null, null, null, null],
      ["Tier", "Customers", "Spacer", "Label"],
      ["A", 1, 1, "1 · 20%"],
      ["B", 1, 1, "1 · 20%"],
      ["C", 3, 0, "3 · 60%"],
    ]);
    const parts = await packageParts(await workbook.save());
    expect(parts.get("xl/worksheets/sheet3.xml")).toContain('<col min="1" max="1" width="12" customWidth="1"/>');
    expect(parts.get("xl/styles.xml")).toContain('<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>');
    expect(parts.get("xl/styles.xml")).toContain('<bottom style="thin"><color auto="1"/></bottom>');
  });

  test("the record of what the add-in owns is a Custom XML part, read back after saving", async () => {
    const plan = planFor();
    const data = await graded(await buildWorkbook(smallCustomerSheets()), plan);
    const workbook = await openXlsx(data);
    expect(await workbook.readState()).toEqual(plan.state);
    const parts = await packageParts(data);
    expect(parts.get("customXml/item1.xml")).toMatch(/^<\?xml [^>]*\?>\n<state xmlns="urn:customer-tiers:state" format="2">\{/);
    expect(parts.get("xl/workbook.xml")).not.toContain("definedName");
    expect(await (await openXlsx(await buildWorkbook(smallCustomerSheets()))).readState()).toBeUndefined();
  });

  test("tier labels that look like formulas are written as text", async () => {
    const plan = planFor({ tiers: ['=HYPERLINK("http://x","y")', "+1-2", "-3", "=1+1", "@A1"] });
    plan.columns.tierStyles = [];
    const data = await graded(await buildWorkbook(smallCustomerSheets()), plan);
    const workbook = await openXlsx(data);
    expect((await workbook.read("Customers", { top: 1, left: 7, rows: 5, columns: 1 })).map((row) => row[0])).toEqual([
      '=HYPERLINK("http://x","y")',
      "+1-2",
      "-3",
      "=1+1",
      "@A1",
    ]);
    expect((await packageParts(data)).get("xl/worksheets/sheet1.xml")).not.toContain("<f>");
  });
});

describe("losing nothing of the user's workbook", () => {
  const touched = ["xl/worksheets/sheet1.xml", "xl/tables/table1.xml", "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"];

  test("every part the plan does not touch is byte-identical: other sheets, chart, pivot table, image, comment", async () => {
    const original = await buildWorkbook(smallCustomerSheets({ tables: true }), { userParts: true });
    const before = await packageParts(original);
    const after = await packageParts(await graded(original, planFor({ table: "Customers" })));
    const untouched = [...before.keys()].filter((path) => !touched.includes(path));
    expect(untouched).toEqual(
      expect.arrayContaining([
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/media/image1.png",
        "xl/pivotTables/pivotTable1.xml",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
        "xl/comments1.xml",
        "xl/drawings/vmlDrawing1.vml",
        "xl/sharedStrings.xml",
      ]),
    );
    for (const path of untouched) expect([path, after.get(path)]).toEqual([path, before.get(path)]);
  });

  test("in the parts it touches, everything of the user's is still there", async () => {
    const original = await buildWorkbook(smallCustomerSheets({ tables: true }), { userParts: true });
    const before = await packageParts(original);
    const after = await packageParts(await graded(original, planFor({ table: "Customers" })));

    // The customer sheet: each original cell (A..E) unchanged, width, user conditional format,
    // data validation and comment drawing kept.
    const sheetBefore = before.get("xl/worksheets/sheet1.xml")!;
    const sheetAfter = after.get("xl/worksheets/sheet1.xml")!;
    for (const cell of sheetBefore.match(/<c r="[A-E]\d+"[^>]*>[\s\S]*?<\/c>/g)!) expect(sheetAfter).toContain(cell);
    for (const part of [
      '<cols><col min="2" max="2" width="31.5" customWidth="1"/></cols>',
      /<conditionalFormatting sqref="B2:B6">[\s\S]*?<\/conditionalFormatting>/.exec(sheetBefore)![0],
      /<dataValidations[\s\S]*?<\/dataValidations>/.exec(sheetBefore)![0],
      '<legacyDrawing r:id="rIdVml"/>',
      '<tableParts count="1"><tablePart r:id="rIdTable"/></tableParts>',
    ]) {
      expect(sheetAfter).toContain(part);
    }
    // Workbook: the user's defined names and pivot caches; styles: every original item at its index.
    const workbook = after.get("xl/workbook.xml")!;
    expect(workbook).toContain(/<definedName name="_xlnm.Print_Area"[\s\S]*?<\/definedName>/.exec(before.get("xl/workbook.xml")!)![0]);
    expect(workbook).toContain('<definedName name="TaxRate">0.13</definedName>');
    expect(workbook).toContain('<definedName name="NotesData">Notes!$A$1:$B$4</definedName>');
    expect(workbook).toContain('<pivotCaches><pivotCache cacheId="1" r:id="rIdPivotCache"/></pivotCaches>');
    const items = (xml: string, section: string, item: string) =>
      new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)![1].match(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))!;
    for (const [section, item] of [["cellXfs", "xf"], ["fonts", "font"], ["numFmts", "numFmt"], ["dxfs", "dxf"]]) {
      const old = items(before.get("xl/styles.xml")!, section, item);
      expect(items(after.get("xl/styles.xml")!, section, item).slice(0, old.length)).toEqual(old);
    }
    // Relationships and content types: every original entry kept.
    for (const rel of before.get("xl/_rels/workbook.xml.rels")!.match(/<Relationship [^>]*\/>/g)!) expect(after.get("xl/_rels/workbook.xml.rels")).toContain(rel);
    for (const type of before.get("[Content_Types].xml")!.match(/<(Override|Default) [^>]*\/>/g)!) expect(after.get("[Content_Types].xml")).toContain(type);
  });

  test("re-running replaces exactly the add-in's output: a second identical run changes nothing", async () => {
    const original = await buildWorkbook(smallCustomerSheets({ tables: true }), { userParts: true });
    const once = await graded(original, planFor({ table: "Customers" }));
    const workbook = await openXlsx(once);
    const previous = await workbook.readState();
    await workbook.execute(planFor({ table: "Customers", previous }));
    const twice = await workbook.save();
    expect(await packageParts(twice)).toEqual(await packageParts(once));
  });

  test("a re-run with fewer columns clears the old ones and shrinks the table back", async () => {
    const once = await graded(await buildWorkbook(smallCustomerSheets({ tables: true })), planFor({ table: "Customers" }));
    const workbook = await openXlsx(once);
    await workbook.execute(planFor({ table: "Customers", previous: await workbook.readState(), headers: ["Score", "Tier"] }));
    const parts = await packageParts(await workbook.save());
    expect(parts.get("xl/worksheets/sheet1.xml")).not.toMatch(/<c r="H\d+"/);
    expect(parts.get("xl/tables/table1.xml")).toContain('ref="A1:G6"');
    expect(parts.get("xl/tables/table1.xml")).toContain('<tableColumn id="6" name="Score"/><tableColumn id="7" name="Tier"/></tableColumns>');
    expect(parts.get("xl/worksheets/sheet1.xml")!.match(/<conditionalFormatting /g)).toHaveLength(1);
    expect(parts.get("xl/worksheets/sheet1.xml")).toContain('<conditionalFormatting sqref="G2:G6">');
    // One summary sheet, one drawing, one chart: the old ones went.
    expect([...parts.keys()].filter((p) => /^xl\/(worksheets\/sheet|charts\/chart|drawings\/drawing)\d+\.xml$/.test(p))).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
    ]);
    expect(parts.get("xl/workbook.xml")!.match(/<sheet /g)).toHaveLength(3);
  });

  test("a sheet-scoped name of a sheet after a removed add-in sheet keeps pointing at its own sheet", async () => {
    const once = await graded(await buildWorkbook(smallCustomerSheets()), planFor());
    // Move the add-in's sheet to the front, as a user might, and give the last sheet a local name.
    const zip = await JSZip.loadAsync(once);
    let xml = await zip.file("xl/workbook.xml")!.async("string");
    const summarySheet = /<sheet name="Tier summary"[^>]*\/>/.exec(xml)![0];
    xml = xml.replace(summarySheet, "").replace("<sheets>", `<sheets>${summarySheet}`);
    xml = xml.replace("<calcPr", '<definedNames><definedName name="Local" localSheetId="2">Weights!$A$1</definedName></definedNames><calcPr');
    zip.file("xl/workbook.xml", xml);
    const workbook = await openXlsx(await zip.generateAsync({ type: "uint8array" }));
    await workbook.execute(planFor({ previous: await workbook.readState() }));
    const after = (await packageParts(await workbook.save())).get("xl/workbook.xml")!;
    expect(after).toContain('<definedName name="Local" localSheetId="1">Weights!$A$1</definedName>');
    expect([...after.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Customers", "Weights", "Tier summary"]);
  });

  test("a user sheet with the summary's name is never overwritten", async () => {
    const sheets = [...smallCustomerSheets(), { name: "Tier summary", rows: [["my own notes"]] }];
    const workbook = await openXlsx(await buildWorkbook(sheets));
    await expect(workbook.execute(planFor())).rejects.toThrow(/Tier summary/);
    expect(await workbook.read("Tier summary", { top: 0, left: 0, rows: 1, columns: 1 })).toEqual([["my own notes"]]);
  });

  test("a cancelled run leaves the workbook exactly as it was", async () => {
    const original = await buildWorkbook(smallCustomerSheets({ tables: true }), { userParts: true });
    const before = await packageParts(original);
    const workbook = await openXlsx(original);
    const controller = new AbortController();
    // Cancelled while writing: after the first progress report.
    const run = workbook.execute(planFor({ table: "Customers" }), () => controller.abort(), controller.signal);
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(await packageParts(await workbook.save())).toEqual(before);
  });
});

describe("re-running in the other language", () => {
  test("the table's output columns take the new headers", async () => {
    const once = await graded(await buildWorkbook(smallCustomerSheets({ tables: true })), planFor({ table: "Customers" }));
    const workbook = await openXlsx(once);
    const plan = planFor({ table: "Customers", previous: await workbook.readState() });
    plan.columns.columns = plan.columns.columns.map((column, i) => ({ ...column, header: ["得分", "排名", "等级"][i] }));
    plan.state = { ...plan.state, headers: ["得分", "排名", "等级"] };
    await workbook.execute(plan);
    const parts = await packageParts(await workbook.save());
    expect(parts.get("xl/tables/table1.xml")).toContain('<tableColumn id="6" name="得分"/><tableColumn id="7" name="排名"/><tableColumn id="8" name="等级"/></tableColumns>');
    expect((await workbook.read("Customers", { top: 0, left: 5, rows: 1, columns: 3 }))[0]).toEqual(["得分", "排名", "等级"]);
  });
});
