// The .xlsx executor's summary sheet: the charts' helper columns hidden and out of the tier table,
// each tier's bar a c:dPt in the tier's colour, and hidden cells plotted so the charts keep their data.

import { tierStyles } from "../../src/workbook/planning/styles";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { splitCells } from "../../src/workbook/executors/xlsx/sheetScanner";
import { columnName } from "../../src/workbook/reading/address";
import { buildWorkbook, packageParts, smallCustomerSheets } from "./buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

async function gradedParts() {
  const workbook = await openXlsx(await buildWorkbook(smallCustomerSheets()));
  const outcome = await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  return { parts: await packageParts(await workbook.save()), labels: outcome.result.labels };
}

/** The worksheet part holding the drawing (the summary sheet). */
function summaryXml(parts: Map<string, string>): string {
  const sheets = [...parts.entries()].filter(([name, xml]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && xml.includes("<drawing "));
  expect(sheets).toHaveLength(1);
  return sheets[0][1];
}

describe("the summary sheet as the .xlsx executor writes it", () => {
  test("each pyramid's bar series has one c:dPt per tier, filled with the tier's colour; the spacer has none", async () => {
    const { parts, labels } = await gradedParts();
    const fills = tierStyles(labels).map((style) => style.fill.slice(1).toUpperCase());
    const charts = [...parts.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(2);
    for (const name of charts) {
      const chart = parts.get(name)!;
      const [spacer, bars] = chart.match(/<c:ser>[\s\S]*?<\/c:ser>/g)!;
      expect(spacer).not.toContain("<c:dPt>");
      const points = [...bars.matchAll(/<c:dPt><c:idx val="(\d+)"\/>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"\/>[\s\S]*?<\/c:dPt>/g)];
      expect(points.map((p) => [Number(p[1]), p[2]])).toEqual(fills.map((fill, i) => [i, fill]));
      // CT_BarSer order: the points come before the data labels and the categories.
      expect(bars.lastIndexOf("</c:dPt>")).toBeLessThan(bars.indexOf("<c:dLbls>"));
      expect(chart).toContain('<c:plotVisOnly val="0"/>');
    }
  });

  test("the helper cells are in hidden columns AA:AD, and the tier table's rows stop at column E", async () => {
    const { parts, labels } = await gradedParts();
    const sheet = summaryXml(parts);
    for (const column of [27, 28, 29, 30]) expect(sheet).toMatch(new RegExp(`<col min="${column}" max="${column}"[^>]* hidden="1"/>`));
    expect(sheet.match(/hidden="1"/g)).toHaveLength(4);
    for (let row = 3; row <= 3 + labels.length + 1; row++) {
      const xml = new RegExp(`<row r="${row}">([\\s\\S]*?)</row>`).exec(sheet)![1];
      // Each row's cells as the reader places them.
      const columns = splitCells(xml).map((cell) => columnName(cell.column));
      const total = row === 3 + labels.length + 1;
      expect(columns).toEqual(total ? ["A", "B", "C", "D", "E"] : ["A", "B", "C", "D", "E", "AA", "AB", "AC", "AD"]);
    }
    const chart = [...parts.entries()].find(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name))![1];
    expect(chart).toContain("!$AA$4:$AA$6</c:f>");
    expect(chart).toContain("!$AC$4:$AC$6</c15:f>");
  });
});
