// A value the engine refuses reaches a formula's user in the user's language: under Office's Chinese
// display language the #VALUE! message of TIERS.AHP, AHPCR, ENTROPYWEIGHTS and PCAWEIGHTS gives the
// engine's reason in Chinese (the catalogue's engineErrors), after the argument's name; in English it is
// the engine's own message.
import "./customFunctionsGlobal";
import { ahpConsistencyRatio, ahpPriorityWeights, entropyIndicatorWeights, pcaIndicatorWeights } from "../../src/functions/functions";

function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("the call did not fail");
}

function inLanguage<T>(displayLanguage: string, body: () => T): T {
  const global = globalThis as unknown as { Office?: unknown };
  global.Office = { context: { displayLanguage } };
  try {
    return body();
  } finally {
    delete global.Office;
  }
}

const INCONSISTENT = [
  [1, 4],
  [4, 1],
];
const ELEVEN = Array.from({ length: 11 }, () => new Array<number>(11).fill(1));
const CONSTANT = [
  [1, 5],
  [1, 5],
  [1, 5],
];

const CASES: [string, () => unknown, string, string][] = [
  [
    "TIERS.AHP, a matrix that is not reciprocal",
    () => ahpPriorityWeights(INCONSISTENT),
    "matrix: row 2, column 1 is 4 but should be the reciprocal of row 1, column 2, 1/4 = 0.25",
    "参数 matrix 无效：第 2 行第 1 列为 4，但应为第 1 行第 2 列的倒数，即 1/4 = 0.25",
  ],
  [
    "TIERS.AHPCR, more criteria than Saaty's random index covers",
    () => ahpConsistencyRatio(ELEVEN),
    "matrix: Saaty's random index is defined for up to 10 criteria, not 11",
    "参数 matrix 无效：Saaty 随机一致性指标只定义到 10 个准则，这里有 11 个",
  ],
  [
    "TIERS.ENTROPYWEIGHTS, every indicator constant",
    () => entropyIndicatorWeights(CONSTANT),
    "data: every indicator is constant; the entropy method cannot weight them",
    "参数 data 无效：每个指标都是常数，熵权法无法为它们赋权",
  ],
  [
    'TIERS.ENTROPYWEIGHTS, a negative value under "sum"',
    () => entropyIndicatorWeights([[1, 2], [-3, 4]], null as never, "sum"),
    'data: row 2, column 1 is -3; "sum" normalization needs values >= 0',
    '参数 data 无效：第 2 行第 1 列为 -3；"sum" 标准化要求数值不小于 0',
  ],
  [
    "TIERS.PCAWEIGHTS, every indicator constant",
    () => pcaIndicatorWeights(CONSTANT),
    "data: every indicator is constant; principal components cannot weight them",
    "参数 data 无效：每个指标都是常数，主成分无法为它们赋权",
  ],
];

describe("an engine refusal reaches the formula in the display language", () => {
  test.each(CASES)("%s", (_name, call, english, chinese) => {
    expect(excelErrorOf(call)).toMatchObject({ code: "#VALUE!", message: english });
    expect(inLanguage("en-US", () => excelErrorOf(call))).toMatchObject({ code: "#VALUE!", message: english });
    expect(inLanguage("zh-CN", () => excelErrorOf(call))).toMatchObject({ code: "#VALUE!", message: chinese });
  });
});
