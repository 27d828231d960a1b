import fc from "fast-check";
import { SortScratch, sortedOrder } from "../../src/engine/sortedOrder";

describe("sortedOrder", () => {
  it("sorts the non-blank values and keeps where each came from", () => {
    const { sorted, order } = sortedOrder([30, NaN, 10, 20]);
    expect(Array.from(sorted)).toEqual([10, 20, 30]);
    expect(Array.from(order)).toEqual([2, 3, 0]);
  });

  it("orders negatives, zeros, fractions and huge values like a numeric sort, ties in original order", () => {
    const values = [5, -1e300, 0.5, -0.25, 0, 1e300, -7, 0.5, 3e-320, -3e-320, 5];
    const { sorted, order } = sortedOrder(values);
    expect(Array.from(sorted)).toEqual([...values].sort((a, b) => a - b));
    order.forEach((i, k) => expect(values[i]).toBe(sorted[k]));
    // The two 0.5 (indices 2 and 7) and the two 5 (0 and 10) keep their order.
    expect(Array.from(order).filter((i) => values[i] === 0.5)).toEqual([2, 7]);
    expect(Array.from(order).filter((i) => values[i] === 5)).toEqual([0, 10]);
  });

  it("handles empty and single-value columns", () => {
    expect(sortedOrder([]).sorted.length).toBe(0);
    expect(Array.from(sortedOrder([NaN, 4]).order)).toEqual([1]);
  });

  it("is a stable numeric sort for any doubles, including neighbours that share their high 32 bits", () => {
    // Doubles of every magnitude and sign, with repeats so that stability is tested, and NaN left out;
    // and values a few units in the last place apart, which the radix passes cannot tell apart (same
    // high word) and the group sort must order.
    const near = fc.tuple(fc.constantFrom(1, -1, 1234.5, -0.001, 1e300, 5e-324), fc.integer({ min: -3, max: 3 })).map(([base, ulps]) => {
      const bits = new BigInt64Array(new Float64Array([base]).buffer);
      bits[0] += BigInt(ulps);
      return new Float64Array(bits.buffer)[0];
    });
    const value = fc.oneof(fc.double(), near, fc.constantFrom(0, -0, 1, -1, 0.5, Number.MIN_VALUE, -Number.MAX_VALUE, Infinity, -Infinity));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const { sorted, order } = sortedOrder(values);
        const expected = values
          .map((v, i) => ({ v, i }))
          .filter(({ v }) => v === v)
          .sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : Object.is(a.v, -0) && Object.is(b.v, 0) ? -1 : Object.is(a.v, 0) && Object.is(b.v, -0) ? 1 : a.i - b.i));
        expect(Array.from(order)).toEqual(expected.map((e) => e.i));
        expect(Array.from(sorted)).toEqual(expected.map((e) => e.v));
      }),
      { numRuns: 300 },
    );
  });

  it("orders a large group of values that share their high 32 bits, with ties, stably", () => {
    // 400 values of 1 + k ulps (k = 0..79, each five times), shuffled: one high word, 80 low words.
    const ulp = 2 ** -52;
    const values = Array.from({ length: 400 }, (_, i) => 1 + ((i * 37) % 80) * ulp);
    const { sorted, order } = sortedOrder(values);
    const expected = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
    expect(Array.from(order)).toEqual(expected.map((e) => e.i));
    expect(Array.from(sorted)).toEqual(expected.map((e) => e.v));
  });

  it("gives the same answer with a reused scratch, column after column of any size", () => {
    const scratch = new SortScratch();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 })), { maxLength: 200 }), (values) => {
        const alone = sortedOrder(values);
        const shared = sortedOrder(values, scratch);
        expect(Array.from(shared.sorted)).toEqual(Array.from(alone.sorted));
        expect(Array.from(shared.order)).toEqual(Array.from(alone.order));
      }),
      { numRuns: 200 },
    );
  });
});
