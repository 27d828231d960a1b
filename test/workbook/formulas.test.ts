import type { Indicator } from "../../src/engine/types";
import { absolute, columnRange, pointsFormula, rankFormula, scoreFormula, tierFormula } from "../../src/workbook/planning/formulas";

const sales: Indicator = { name: "Sales", weight: 1, direction: "higher", scoring: "minmax", column: "Sales" };
const refs = { weight: "$F$20", min: "$G$20", max: "$H$20", range: "$C$2:$C$8", column: "C" };

describe("live formulas", () => {
  test("references are absolute, and quoted when the sheet name needs it", () => {
    expect(absolute(19, 5)).toBe("$F$20");
    expect(absolute(19, 5, "Tier summary")).toBe("'Tier summary'!$F$20");
    expect(columnRange(2, 1, 7)).toBe("$C$2:$C$8");
  });

  test("minmax points repeat the engine's arithmetic, 100 for a column with no spread", () => {
    expect(pointsFormula(sales, refs, 4)).toBe("IF($H$20>$G$20,((C5-$G$20)/($H$20-$G$20))*100,100)");
    expect(pointsFormula({ ...sales, direction: "lower" }, refs, 4)).toBe(
      "IF($H$20>$G$20,(($H$20-C5)/($H$20-$G$20))*100,100)",
    );
  });

  test("percentile counts numbers below x as numbers, not as 15-digit text", () => {
    expect(pointsFormula({ ...sales, scoring: "percentile" }, refs, 1)).toBe(
      "IF($H$20>$G$20,(SUMPRODUCT(($C$2:$C$8<C2)*ISNUMBER($C$2:$C$8))/(COUNT($C$2:$C$8)-1))*100,100)",
    );
  });

  test("bands: the largest threshold reached wins, 0 below every band", () => {
    const bands = [
      { threshold: 0, points: 20 },
      { threshold: 100000, points: 60 },
      { threshold: 1000000, points: 100 },
    ];
    expect(pointsFormula({ ...sales, scoring: "bands", bands }, refs, 1)).toBe(
      "IF(C2>=1000000,100,IF(C2>=100000,60,IF(C2>=0,20,0)))",
    );
    expect(pointsFormula({ ...sales, scoring: "bands", direction: "lower", bands }, refs, 1)).toBe(
      "IF(C2<=0,20,IF(C2<=100000,60,IF(C2<=1000000,100,0)))",
    );
  });

  test("a score is blank when the customer is left out, and sums weight × points in indicator order", () => {
    const raw: Indicator = { ...sales, name: "NPS", scoring: "raw", column: "NPS" };
    const second = { ...refs, weight: "$F$21", column: "D" };
    expect(scoreFormula([raw, raw], [refs, second], 1, "exclude")).toBe('IF(COUNT(C2,D2)<2,"",$F$20*(C2)+$F$21*(D2))');
    expect(scoreFormula([raw, raw], [refs, second], 1, "zero")).toBe(
      "$F$20*IF(ISNUMBER(C2),C2,0)+$F$21*IF(ISNUMBER(D2),D2,0)",
    );
  });

  test("rank is RANK.EQ over the score column", () => {
    expect(rankFormula("K2", "$K$2:$K$8")).toBe('IF(K2="","",RANK.EQ(K2,$K$2:$K$8))');
  });

  test("shares 20/30/50 is the analyst's RANK.EQ formula", () => {
    const formula = tierFormula({ kind: "shares", shares: [0.2, 0.3, 0.5] }, ["A", "B", "C"], {
      scoreCell: "K2",
      scores: "$K$2:$K$8",
    });
    expect(formula).toBe(
      'IF(K2="","",IF(RANK.EQ(K2,$K$2:$K$8)<=0.2*COUNT($K$2:$K$8),"A",IF(RANK.EQ(K2,$K$2:$K$8)<=0.5*COUNT($K$2:$K$8),"B","C")))',
    );
  });

  test("pareto is SUMIF of larger values over the total, counting graded customers only", () => {
    const formula = tierFormula({ kind: "pareto", cutoffs: [0.8, 0.95] }, ["A", "B", "C"], {
      scoreCell: "K2",
      scores: "$K$2:$K$8",
      valueCell: "C2",
      values: "$C$2:$C$8",
    });
    const above = 'SUMIFS($C$2:$C$8,$C$2:$C$8,">"&C2,$K$2:$K$8,">=0")/SUMIFS($C$2:$C$8,$K$2:$K$8,">=0")';
    expect(formula).toBe(`IF(OR(K2="",C2=""),"",IF(${above}<0.8,"A",IF(${above}<0.95,"B","C")))`);
  });

  test("cut-offs and rules; a condition on a blank cell is false", () => {
    expect(tierFormula({ kind: "cutoffs", cutoffs: [85, 70, 50] }, ["A", "B", "C", "D"], { scoreCell: "K2", scores: "" })).toBe(
      'IF(K2="","",IF(K2>=85,"A",IF(K2>=70,"B",IF(K2>=50,"C","D"))))',
    );
    const rules = tierFormula(
      { kind: "rules", rules: [{ label: "VIP", conditions: [{ column: "Spend", op: ">", value: 100000 }] }], otherwise: "Other" },
      ["VIP", "Other"],
      { scoreCell: "K2", scores: "", ruleCells: { Spend: "E2" } },
    );
    expect(rules).toBe('IF(K2="","",IF(AND(ISNUMBER(E2),E2>100000),"VIP","Other"))');
  });
});
