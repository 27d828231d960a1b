// The ascending order of a column, with the original index of every value. Ranks, percentiles
// and Pareto classes of a whole column all follow from one walk along this order. A comparison sort
// of indices, or a binary search per value, jumps around a million-row column at random and is
// several times slower than this: an 11-bit LSD radix sort of the values' bit patterns, which reads
// and writes sequentially, is stable and takes O(n).

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
const PASSES = 6;

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
 * before +0 (they compare equal). NaN values are left out. O(n). Throws nothing. With `scratch`
 * the result lives in the scratch's memory (see SortScratch).
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
  // all their bits flipped and positive numbers their sign bit set.
  const words = new Uint32Array(sorted.buffer);
  const loAt = LITTLE_ENDIAN ? 0 : 1;
  const hiAt = 1 - loAt;
  // Keys as (lo, hi) word pairs side by side, so a pass moves each key within one cache line.
  // Digits of 11 bits: six passes over the 64-bit keys instead of eight of 8 bits (2048 counters a
  // pass still fit in L1). Digit p is bits 11p .. 11p+10; the third straddles the two words.
  let keys = scratch ? scratch.ints(1, 2 * m) : new Uint32Array(2 * m);
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
    keys[2 * j] = l;
    keys[2 * j + 1] = h;
    counts[l & MASK]++;
    counts[RADIX + ((l >>> 11) & MASK)]++;
    counts[2 * RADIX + (((l >>> 22) | (h << 10)) & MASK)]++;
    counts[3 * RADIX + ((h >>> 1) & MASK)]++;
    counts[4 * RADIX + ((h >>> 12) & MASK)]++;
    counts[5 * RADIX + (h >>> 23)]++;
  }

  let keys2 = scratch ? scratch.ints(2, 2 * m) : new Uint32Array(2 * m);
  let order2 = scratch ? scratch.ints(3, m) : new Uint32Array(m);
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
    // One loop per kind of digit, so the inner loop has no branch on the pass.
    if (pass < 2) {
      const shift = 11 * pass;
      for (let j = 0; j < m; j++) {
        const l = keys[2 * j];
        const at = offsets[(l >>> shift) & MASK]++;
        keys2[2 * at] = l;
        keys2[2 * at + 1] = keys[2 * j + 1];
        order2[at] = order[j];
      }
    } else if (pass === 2) {
      for (let j = 0; j < m; j++) {
        const l = keys[2 * j];
        const h = keys[2 * j + 1];
        const at = offsets[((l >>> 22) | (h << 10)) & MASK]++;
        keys2[2 * at] = l;
        keys2[2 * at + 1] = h;
        order2[at] = order[j];
      }
    } else {
      const shift = 11 * pass - 32;
      for (let j = 0; j < m; j++) {
        const h = keys[2 * j + 1];
        const at = offsets[(h >>> shift) & MASK]++;
        keys2[2 * at] = keys[2 * j];
        keys2[2 * at + 1] = h;
        order2[at] = order[j];
      }
    }
    let t = keys;
    keys = keys2;
    keys2 = t;
    t = order;
    order = order2;
    order2 = t;
  }

  for (let j = 0; j < m; j++) {
    let l = keys[2 * j];
    let h = keys[2 * j + 1];
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
