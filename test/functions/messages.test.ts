// The custom functions' messages come from the text catalogue (src/text, key `functions`): pinned here in
// both languages as they read before the move, so the catalogue changes no word a formula shows.
import { directionsOf, engineRefusal, labelsOf, matrixOf, sharesOf } from "../../src/functions/arguments";
import { ArgumentError } from "../../src/functions/arguments";
import { EngineError } from "../../src/engine/errors";

function refusal(call: () => unknown): ArgumentError {
  try {
    call();
  } catch (error) {
    if (error instanceof ArgumentError) return error;
    throw error;
  }
  throw new Error("no ArgumentError");
}

test("each message reads as before, in English and Chinese", () => {
  const cases: [ArgumentError, string, string][] = [
    [refusal(() => matrixOf([[1, "x"], [2, 1]], "matrix")), 'matrix: row 1, column 2 holds "x", not a number', 'matrix：第 1 行第 2 列是 "x"，不是数字'],
    [refusal(() => matrixOf([[1, 2, 3], [1, 2, 3]], "matrix")), "matrix: the matrix must be square, not 2×3", "matrix：矩阵必须是方阵，而不是 2×3"],
    [
      refusal(() => directionsOf([["up", "lower"]], "directions", 2)),
      'directions: cell 1 says "up"; use "higher" or "lower" (1 or -1)',
      'directions：第 1 个单元格为 "up"；请用 "higher"/"lower"（1 或 -1，正向/负向）',
    ],
    [
      refusal(() => sharesOf([[0.2, 0.3]], "shares")),
      "shares: the shares add up to 0.5; give fractions adding up to 1 (0.2, 0.3, 0.5) or percentages adding up to 100",
      "shares：份额合计为 0.5；请给出合计为 1 的小数（0.2, 0.3, 0.5）或合计为 100 的百分数",
    ],
    [refusal(() => labelsOf([["A", "B"]], "labels", 3)), "labels: 2 labels for 3 tiers", "labels：有 2 个标签，但等级有 3 个"],
    // A RangeError that is not one of the engine's refusals keeps its message in both languages.
    [engineRefusal("matrix", new RangeError("row 2, column 1 should be 1/3")), "matrix: row 2, column 1 should be 1/3", "参数 matrix 无效：row 2, column 1 should be 1/3"],
    // An engine refusal is said in each language by its code.
    [engineRefusal("matrix", new EngineError("matrix-empty", {})), "matrix: the comparison matrix is empty", "参数 matrix 无效：判断矩阵为空"],
  ];
  for (const [error, en, zh] of cases) expect(error.text).toEqual({ "en-US": en, "zh-CN": zh });
});
