import { cellXml, textElement } from "../../src/workbook/executors/xlsx/cellXml";
import { readSheet } from "../../src/workbook/executors/xlsx/sheetScanner";
import { escapeXml } from "../../src/workbook/executors/xlsx/xmlText";
import { storedFormula } from "../../src/workbook/executors/xlsx/storedFormula";

describe("formulas as the file stores them", () => {
  test("functions newer than Excel 2007 get _xlfn., so LibreOffice does not show #NAME?", () => {
    expect(storedFormula("=RANK.EQ(F2,$F$2:$F$201)")).toBe("_xlfn.RANK.EQ(F2,$F$2:$F$201)");
    expect(storedFormula("=IF(PERCENTRANK.INC(A:A,A2)>0.5,1,0)")).toBe("IF(_xlfn.PERCENTRANK.INC(A:A,A2)>0.5,1,0)");
    expect(storedFormula("=SUMPRODUCT(A2:B2,$A$1:$B$1)")).toBe("SUMPRODUCT(A2:B2,$A$1:$B$1)");
  });

  test("text inside string literals and names already prefixed are left alone", () => {
    expect(storedFormula('=IF(A1="RANK.EQ(",1,2)')).toBe('IF(A1="RANK.EQ(",1,2)');
    expect(storedFormula("=_xlfn.RANK.EQ(A1,A:A)")).toBe("_xlfn.RANK.EQ(A1,A:A)");
    expect(storedFormula("=FILTER(A:A,B:B>1)")).toBe("_xlfn._xlws.FILTER(A:A,B:B>1)");
  });

  test("a customer called =HYPERLINK(...) or +1-2 is written as text, never as a formula", () => {
    expect(cellXml(1, 1, '=HYPERLINK("http://x","y")')).toBe(
      '<c r="B2" t="inlineStr"><is><t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t></is></c>',
    );
    expect(cellXml(0, 0, "+1-2")).toBe('<c r="A1" t="inlineStr"><is><t>+1-2</t></is></c>');
  });

  test("a text says xml:space=\"preserve\" exactly where white space needs it, and reads back as written", () => {
    for (const loose of [" C-7", "C-7 ", "A  B", "A\tB", "A\nB", "\u3000客户", "客户\u00a0", " "]) {
      expect(textElement(loose)).toBe(`<t xml:space="preserve">${escapeXml(loose)}</t>`);
    }
    for (const plain of ["A", "C-7", "Region North", "客户 甲", "=1+1", "a<b&c"]) expect(textElement(plain)).toBe(`<t>${escapeXml(plain)}</t>`);
    // As this project's reader reads them back (it trims nothing without the attribute either; Excel and
    // LibreOffice may, which is why the attribute stays wherever white space could be dropped or folded).
    const texts = [" C-7", "C-7 ", "A  B", "A\tB", "A\nB", "Region North", "plain"];
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${texts.map((t, i) => `<row r="${i + 1}">${cellXml(i, 0, t)}</row>`).join("")}</sheetData></worksheet>`;
    expect(readSheet(xml, []).rows.map((row) => row.cells[0].value)).toEqual(texts);
  });

  test("numbers keep their digits; a formula has no cached value; a styled blank keeps its style", () => {
    expect(cellXml(1, 5, 87.5, 3)).toBe('<c r="F2" s="3"><v>87.5</v></c>');
    expect(cellXml(2, 1, { formula: "=RANK.EQ(A3,A:A)" })).toBe('<c r="B3"><f>_xlfn.RANK.EQ(A3,A:A)</f></c>');
    expect(cellXml(0, 0, null, 2)).toBe('<c r="A1" s="2"/>');
    expect(cellXml(0, 0, null)).toBe("");
    expect(cellXml(0, 0, NaN)).toBe('<c r="A1" t="e"><v>#NUM!</v></c>');
  });
});
