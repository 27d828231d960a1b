// The ascending order of a column, with the original index of every value. Ranks, percentiles
// and Pareto classes of a whole column all follow from one walk along this order. A comparison sort
// of indices, or a binary search per value, jumps around a million-row column at random and is
// several times slower than this: an 8-bit LSD radix sort of the values' bit patterns, which reads
// and writes sequentially, is stable and takes O(n).

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The non-NaN values of a column sorted ascending (`sorted`), and for each the index it came from
 * (`order`: sorted[k] === values[order[k]]); equal values keep their original order. -0 sorts just
 * before +0 (they compare equal). NaN values are left out. O(n). Throws nothing.
 *
 * @example sortedOrder([30, NaN, 10, 20]) // { sorted: [10, 20, 30], order: [2, 3, 0] }
 */
export function sortedOrder(values: ArrayLike<number>): { sorted: Float64Array; order: Uint32Array } {
  const n = values.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) m++;
  const sorted = new Float64Array(m);
  let order = new Uint32Array(m);
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
  let keys = new Uint32Array(2 * m);
  const counts = new Uint32Array(8 * 256);
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
    counts[l & 255]++;
    counts[256 + ((l >>> 8) & 255)]++;
    counts[512 + ((l >>> 16) & 255)]++;
    counts[768 + (l >>> 24)]++;
    counts[1024 + (h & 255)]++;
    counts[1280 + ((h >>> 8) & 255)]++;
    counts[1536 + ((h >>> 16) & 255)]++;
    counts[1792 + (h >>> 24)]++;
  }

  let keys2 = new Uint32Array(2 * m);
  let order2 = new Uint32Array(m);
  const offsets = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    // A pass where every value has the same digit would only copy: skip it.
    let trivial = false;
    for (let d = 0; d < 256; d++) {
      const c = counts[base + d];
      if (c === m) trivial = true;
      if (c !== 0) break;
    }
    if (trivial) continue;
    let running = 0;
    for (let d = 0; d < 256; d++) {
      offsets[d] = running;
      running += counts[base + d];
    }
    const shift = (pass & 3) * 8;
    const word = pass >= 4 ? 1 : 0;
    for (let j = 0; j < m; j++) {
      const l = keys[2 * j];
      const h = keys[2 * j + 1];
      const d = ((word ? h : l) >>> shift) & 255;
      const at = offsets[d]++;
      keys2[2 * at] = l;
      keys2[2 * at + 1] = h;
      order2[at] = order[j];
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
