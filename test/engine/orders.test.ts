import fc from "fast-check";
import { customerIndicators, serialOfDate } from "../../src/engine/orders";
import { readRfmOrders } from "./rfmData";

describe("serialOfDate", () => {
  it("gives Excel's 1900-system serials, phantom 1900-02-29 included", () => {
    expect(serialOfDate(1900, 1, 1)).toBe(1);
    expect(serialOfDate(1900, 2, 28)).toBe(59);
    expect(serialOfDate(1900, 3, 1)).toBe(61); // Excel's 60 is the non-existent 1900-02-29
    expect(serialOfDate(2006, 12, 31)).toBe(39082);
    expect(serialOfDate(2025, 1, 1)).toBe(45658);
    expect(serialOfDate(9999, 12, 31)).toBe(2958465); // Excel's last date
  });
  it("rejects dates that do not exist or Excel cannot hold", () => {
    expect(() => serialOfDate(2025, 2, 29)).toThrow(RangeError);
    expect(() => serialOfDate(2025, 13, 1)).toThrow(RangeError);
    expect(() => serialOfDate(1899, 12, 31)).toThrow(RangeError);
  });
});

describe("customerIndicators", () => {
  it("aggregates a hand-checkable order list", () => {
    // as of 45658 (2025-01-01). a: orders on 45650 (100, margin 30), 45640 (30, blank margin);
    // b: 45655 (50, margin 10); c: 45658.75 (same day as the analysis date, time ignored) (20).
    const r = customerIndicators(
      {
        customer: ["a", "b", "a", "c"],
        date: [45650, 45655, 45640, 45658.75],
        amount: [100, 50, 30, 20],
        margin: [30, 10, NaN, NaN],
      },
      45658,
    );
    expect(r.ids).toEqual(["a", "b", "c"]);
    expect(Array.from(r.recencyDays)).toEqual([8, 3, 0]);
    expect(Array.from(r.tenureDays)).toEqual([18, 3, 0]);
    expect(Array.from(r.frequency)).toEqual([2, 1, 1]);
    expect(Array.from(r.monetary)).toEqual([130, 50, 20]);
    expect(Array.from(r.averageOrderValue)).toEqual([65, 50, 20]);
    expect(Array.from(r.margin)).toEqual([30, 10, NaN]);
    expect(Array.from(r.lastOrder)).toEqual([45650, 45655, 45658]);
    expect(Array.from(r.firstOrder)).toEqual([45640, 45655, 45658]);
    expect(r.orders).toBe(4);
  });

  it("names the order that is wrong", () => {
    const base = { customer: ["a", "b"], date: [10, 11], amount: [1, 2] };
    expect(() => customerIndicators({ ...base, customer: ["a", " "] }, 20)).toThrow("order 2 has no customer ID");
    expect(() => customerIndicators({ ...base, date: [NaN, 11] }, 20)).toThrow("order 1 has no valid date");
    expect(() => customerIndicators({ ...base, amount: [1, Infinity] }, 20)).toThrow("order 2 has no valid amount");
    expect(() => customerIndicators(base, 10)).toThrow("order 2 is dated after the analysis date");
    expect(() => customerIndicators({ ...base, amount: [1] }, 20)).toThrow(RangeError);
  });

  it("sums exactly, so row order never changes a customer's totals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: fc.constantFrom("a", "b", "c"), d: fc.integer({ min: 1, max: 100 }), x: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        fc.integer(),
        (rows, seed) => {
          const shuffled = rows.map((r, i) => ({ r, key: (i * 2654435761 + seed) % 1000003 })).sort((p, q) => p.key - q.key).map((p) => p.r);
          const cols = (list: typeof rows) => ({ customer: list.map((r) => r.c), date: list.map((r) => r.d), amount: list.map((r) => r.x) });
          const one = customerIndicators(cols(rows), 100);
          const two = customerIndicators(cols(shuffled), 100);
          for (const id of one.ids) {
            const i = one.ids.indexOf(id);
            const j = two.ids.indexOf(id);
            expect(two.monetary[j]).toBe(one.monetary[i]);
            expect(two.frequency[j]).toBe(one.frequency[i]);
            expect(two.recencyDays[j]).toBe(one.recencyDays[i]);
          }
        },
      ),
    );
  });

  it("gives the published recency, frequency and monetary of R's rfm vignette customers", () => {
    // Source: vignette "RFM - Introduction" of rsquaredacademy/rfm (test/reference/rfm/README.md),
    // first table: customer_id, recency_days, transaction_count, amount, analysis date 2006-12-31.
    const orders = readRfmOrders();
    const r = customerIndicators(orders, serialOfDate(2006, 12, 31));
    expect(r.ids.length).toBe(995);
    expect(r.orders).toBe(4906);
    const published: [string, number, number, number][] = [
      ["Abbey O'Reilly", 205, 6, 472],
      ["Add Senger", 140, 3, 340],
      ["Aden Lesch", 194, 4, 405],
      ["Aden Murphy", 98, 7, 596],
      ["Admiral Senger", 132, 5, 448],
      ["Agness O'Keefe", 90, 9, 843],
      ["Aileen Barton", 84, 9, 763],
      ["Ailene Hermann", 281, 8, 699],
      ["Aiyanna Bruen", 246, 4, 157],
      ["Akeelah Walsh", 160, 7, 779],
    ];
    for (const [id, recency, frequency, amount] of published) {
      const i = r.ids.indexOf(id);
      expect([id, r.recencyDays[i], r.frequency[i], r.monetary[i]]).toEqual([id, recency, frequency, amount]);
    }
  });
});
