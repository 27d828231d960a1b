import { migration } from "../../src/engine/migration";

const labels = ["A", "B", "C"];

describe("migration between two periods", () => {
  // Q1: a A, b B, c C, e B.   Q2: a B (down), b A (up), d C (new), e B (same); c is lost.
  const q1 = { ids: ["a", "b", "c", "e"], tiers: ["A", "B", "C", "B"], values: [100, 50, 10, 40] };
  const q2 = { ids: ["a", "b", "d", "e"], tiers: ["B", "A", "C", "B"], values: [80, 90, 5, 45] };
  const m = migration(q1, q2, labels);

  test("lists who moved up, down, arrived and left", () => {
    expect(m.upgraded).toEqual(["b"]);
    expect(m.downgraded).toEqual(["a"]);
    expect(m.unchanged).toEqual(["e"]);
    expect(m.new).toEqual(["d"]);
    expect(m.lost).toEqual(["c"]);
  });

  test("the matrix rows add up to the first period's tiers and its columns to the second's", () => {
    // rows A, B, C, new; columns A, B, C, lost
    expect(m.counts).toEqual([
      [0, 1, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
    ]);
    const rowSums = m.counts.slice(0, 3).map((row) => row.reduce((s, x) => s + x, 0));
    expect(rowSums).toEqual([1, 2, 1]); // Q1 has one A, two B, one C
    const columnSums = [0, 1, 2].map((j) => m.counts.reduce((s, row) => s + row[j], 0));
    expect(columnSums).toEqual([1, 2, 1]); // Q2 has one A, two B, one C
  });

  test("the value matrix carries the second period's value, and the first's for lost customers", () => {
    expect(m.values[0][1]).toBe(80); // a, A -> B, worth 80 now
    expect(m.values[1][0]).toBe(90); // b, B -> A
    expect(m.values[2][3]).toBe(10); // c lost, worth 10 before
    expect(m.values[3][2]).toBe(5); // d new
  });

  test("a label only the data uses is appended after the given ones", () => {
    const odd = migration({ ids: ["x"], tiers: ["VIP"] }, { ids: ["x"], tiers: ["A"] }, labels);
    expect(odd.tiers).toEqual(["A", "B", "C", "VIP"]);
    expect(odd.upgraded).toEqual(["x"]);
  });

  test("an id twice in one period is refused", () => {
    expect(() => migration({ ids: ["a", "a"], tiers: ["A", "B"] }, { ids: [], tiers: [] }, labels)).toThrow(RangeError);
  });
});
