// The ascending order of a column, with the original index of every value. Ranks, percentiles
// and Pareto classes of a whole column all follow from one walk along this order. A comparison sort
// of indices, or a binary search per value, jumps around a million-row column at random and is
// several times slower than this: an 11-bit LSD radix sort of the high word of the values' bit
// patterns, which reads and writes sequentially and is stable, then an insertion sort of the rare
// groups that share a high word. O(n) unless very many values lie within a few units in the sixth
// significant digit of each other.

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
const PASSES = 3;

/**
 * Working memory for sortedOrder, reused across the columns of one grading run: twelve percentile
 * columns of a million customers would otherwise allocate (and leave to the collector) 12 × 32 MB.
 * With a scratch, the arrays sortedOrder returns are views into it, valid only until its next use.
 */
export class SortScratch {
  private floatSlots: Float64Array[] = [];
  private intSlots: Uint32Array[] = [];

  /** A Float64Array view of `length` in slot `slot`, grown when too small. */
  floats(slot: number, length: number): Float64Array {
    if (!this.floatSlots[slot] || this.floatSlots[slot].length < length) this.floatSlots[slot] = new Float64Array(length);
    return this.floatSlots[slot].subarray(0, length);
  }

  /** A Uint32Array view of `length` in slot `slot`, grown when too small. */
  ints(slot: number, length: number): Uint32Array {
    if (!this.intSlots[slot] || this.intSlots[slot].length < length) this.intSlots[slot] = new Uint32Array(length);
    return this.intSlots[slot].subarray(0, length);
  }
}

/**
 * The non-NaN values of a column sorted ascending (`sorted`), and for each the index it came from
 * (`order`: sorted[k] === values[order[k]]); equal values keep their original order. -0 sorts just
 * before +0 (they compare equal). NaN values are left out. O(n) for values that differ in their top
 * 32 bits (sign, exponent, 20 bits of mantissa); closer neighbours are ordered within their group.
 * Throws nothing. With `scratch` the result lives in the scratch's memory (see SortScratch).
 *
 * @example sortedOrder([30, NaN, 10, 20]) // { sorted: [10, 20, 30], order: [2, 3, 0] }
 */
export function sortedOrder(values: ArrayLike<number>, scratch?: SortScratch): { sorted: Float64Array; order: Uint32Array } {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) m++;
  const sorted = scratch ? scratch.floats(0, m) : new Float64Array(m);
  let order = scratch ? scratch.ints(0, m) : new Uint32Array(m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x === x) {
      sorted[k] = x;
      order[k++] = i;
    }
  }
  if (m < 2) return { sorted, order };

  // A double's bits read as an unsigned integer sort like the double once negative numbers have
  // all their bits flipped and positive numbers their sign bit set. The radix passes sort on the high
  // word only (three passes of 11, 11 and 10 bits; 2048 counters fit in L1), carrying the low word and
  // the index along so that every later step reads sequentially; values that share a high word but not
  // a low one (within about six significant digits of each other) are then put in order by a
  // comparison sort of their small group. Sorting all 64 bits took six passes.
  const words = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * m);
  const loAt = LITTLE_ENDIAN ? 0 : 1;
  const hiAt = 1 - loAt;
  let his = scratch ? scratch.ints(1, m) : new Uint32Array(m);
  let los = scratch ? scratch.ints(2, m) : new Uint32Array(m);
  const counts = new Uint32Array(PASSES * RADIX);
  for (let j = 0; j < m; j++) {
    let h = words[2 * j + hiAt];
    let l = words[2 * j + loAt];
    if (h & 0x80000000) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else {
      h = (h | 0x80000000) >>> 0;
    }
    his[j] = h;
    los[j] = l;
    counts[h & MASK]++;
    counts[RADIX + ((h >>> BITS) & MASK)]++;
    counts[2 * RADIX + (h >>> (2 * BITS))]++;
  }

  let his2 = scratch ? scratch.ints(3, m) : new Uint32Array(m);
  let los2 = scratch ? scratch.ints(4, m) : new Uint32Array(m);
  let order2 = scratch ? scratch.ints(5, m) : new Uint32Array(m);
  const offsets = new Uint32Array(RADIX);
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * RADIX;
    // A pass where every value has the same digit would only copy: skip it.
    let trivial = false;
    for (let d = 0; d < RADIX; d++) {
      const c = counts[base + d];
      if (c === m) trivial = true;
      if (c !== 0) break;
    }
    if (trivial) continue;
    let running = 0;
    for (let d = 0; d < RADIX; d++) {
      offsets[d] = running;
      running += counts[base + d];
    }
    const shift = BITS * pass;
    for (let j = 0; j < m; j++) {
      const h = his[j];
      const at = offsets[(h >>> shift) & MASK]++;
      his2[at] = h;
      los2[at] = los[j];
      order2[at] = order[j];
    }
    let t = his;
    his = his2;
    his2 = t;
    t = los;
    los = los2;
    los2 = t;
    t = order;
    order = order2;
    order2 = t;
  }

  // Groups sharing a high word are in index order (the passes are stable); where their low words
  // differ, order the group by low word, then index.
  for (let start = 0; start < m; ) {
    const h = his[start];
    const l = los[start];
    let end = start + 1;
    let mixed = false;
    while (end < m && his[end] === h) {
      if (los[end] !== l) mixed = true;
      end++;
    }
    if (mixed && end - start <= 32) {
      // Small groups (the usual case: two or three neighbours), by insertion in place.
      for (let q = start + 1; q < end; q++) {
        const lq = los[q];
        const oq = order[q];
        let p = q - 1;
        while (p >= start && (los[p] > lq || (los[p] === lq && order[p] > oq))) {
          los[p + 1] = los[p];
          order[p + 1] = order[p];
          p--;
        }
        los[p + 1] = lq;
        order[p + 1] = oq;
      }
    } else if (mixed) {
      const group = Array.from({ length: end - start }, (_, q) => [los[start + q], order[start + q]]);
      group.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (let q = 0; q < group.length; q++) {
        los[start + q] = group[q][0];
        order[start + q] = group[q][1];
      }
    }
    start = end;
  }

  for (let j = 0; j < m; j++) {
    let h = his[j];
    let l = los[j];
    if (h & 0x80000000) {
      h = (h & 0x7fffffff) >>> 0;
    } else {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    words[2 * j + hiAt] = h;
    words[2 * j + loAt] = l;
  }
  return { sorted, order };
}
