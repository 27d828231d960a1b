import { rankEq, rankOf } from "../../src/engine/rank";

describe("rankEq (Excel RANK.EQ, largest first)", () => {
  it("gives ties the best rank and skips the next", () => {
    expect(Array.from(rankEq([70, 90, 80, 80]))).toEqual([4, 1, 2, 2]);
  });

  it("gives NaN rank 0 and leaves it out of everyone's count", () => {
    expect(Array.from(rankEq([5, NaN, 7]))).toEqual([2, 0, 1]);
  });

  it("treats 0 and -0 as one score, and orders negatives", () => {
    expect(Array.from(rankEq([0, -0, -3, 2]))).toEqual([2, 2, 4, 1]);
  });

  it("agrees with the one-pass rankOf", () => {
    const scores = [12.5, 99, 12.5, 0, NaN, 47.25, 99, 3];
    const ranks = rankEq(scores);
    scores.forEach((s, i) => expect(rankOf(s, scores)).toBe(ranks[i]));
  });

  it("ranks a value that is not among the scores where it would stand", () => {
    expect(rankOf(75, [70, 90, 80, 80])).toBe(4);
    expect(rankOf(NaN, [1, 2])).toBe(0);
  });

  it("handles an empty list", () => {
    expect(rankEq([]).length).toBe(0);
  });
});
