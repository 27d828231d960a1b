import { cellXml } from "../../src/workbook/executors/xlsx/cellXml";
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
      '<c r="B2" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t></is></c>',
    );
    expect(cellXml(0, 0, "+1-2")).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve">+1-2</t></is></c>');
  });

  test("numbers keep their digits; a formula has no cached value; a styled blank keeps its style", () => {
    expect(cellXml(1, 5, 87.5, 3)).toBe('<c r="F2" s="3"><v>87.5</v></c>');
    expect(cellXml(2, 1, { formula: "=RANK.EQ(A3,A:A)" })).toBe('<c r="B3"><f>_xlfn.RANK.EQ(A3,A:A)</f></c>');
    expect(cellXml(0, 0, null, 2)).toBe('<c r="A1" s="2"/>');
    expect(cellXml(0, 0, null)).toBe("");
    expect(cellXml(0, 0, NaN)).toBe('<c r="A1" t="e"><v>#NUM!</v></c>');
  });
});
