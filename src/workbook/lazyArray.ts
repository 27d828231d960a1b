// Arrays whose items are made when they are read, for plans too large to hold as arrays (a split copy
// of a million customers): every reader sees the arrays the plan's types say, and the .xlsx executor,
// which reads them a million times, asks the view itself (viewOf) instead of going through the Proxy.

/** What a lazy array is a view of: its length, how its item i is made, and what every item is like. */
export interface ArrayView<T> {
  length: number;
  /** Item i (0 <= i < length), made anew at each call. */
  make: (i: number) => T;
  /** No item is (or, for rows, holds) a formula: a reader looking for formulas need not make any. */
  valuesOnly: boolean;
  /** For rows: every row made has exactly this many items, each present (no hole). */
  width?: number;
  /**
   * For rows of values (with width), both or neither: item j of row i without making the row, and that
   * item as a number when it is a finite number (else NaN: ask cellAt). A writer of a million rows asks
   * these instead of make: no array per row, no number boxed on its way to the text.
   */
  numberAt?: (i: number, j: number) => number;
  cellAt?: (i: number, j: number) => T extends readonly (infer U)[] ? U : never;
}

const views = new WeakMap<object, ArrayView<unknown>>();

/**
 * A read-only array whose items are made when they are read: item i is view.make(i). Written by hand (a
 * Proxy over an empty array): no library makes a lazy array that passes as one. Writing to it throws.
 *
 * @example
 * const squares = lazyArray({ length: 3, make: (i) => i * i, valuesOnly: true });
 * squares[2] // 4
 * [...squares] // [0, 1, 4]
 * viewOf(squares)?.make(1) // 1
 */
export function lazyArray<T>(view: ArrayView<T>): T[] {
  const { length, make } = view;
  const indexOf = (key: string | symbol): number => {
    if (typeof key !== "string") return -1;
    const first = key.charCodeAt(0);
    if (!(first >= 48 && first <= 57)) return -1;
    const i = Number(key);
    return Number.isInteger(i) && i < length ? i : -1;
  };
  const array = new Proxy([] as T[], {
    get(target, key, receiver) {
      if (key === "length") return length;
      const i = indexOf(key);
      return i >= 0 ? make(i) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return indexOf(key) >= 0 || Reflect.has(target, key);
    },
    set() {
      throw new TypeError("A view of the graded table cannot be written to.");
    },
  });
  views.set(array, view as ArrayView<unknown>);
  return array;
}

/** The view behind an array lazyArray made; undefined for any other array. */
export function viewOf<T>(array: readonly T[]): ArrayView<T> | undefined {
  return views.get(array) as ArrayView<T> | undefined;
}
