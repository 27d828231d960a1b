// A streamed worksheet's inflated bytes kept between the read that grades it and the rewrite that saves
// it, so that the rewrite does not inflate the part a second time (pako's inflate of a million-row
// sheet, about 500 MB of XML, is several seconds of a grade). The .xlsx executor also runs in a browser,
// so it knows no file system: the command line gives it stores on disk (src/cli/spill.ts); without a
// store, or when one fails (a full disk), the part is inflated again, as before.

/** Where one part's bytes are kept. */
export interface SpillStore {
  /** Appends bytes. Throws when they cannot be kept (a full disk): the store is then given up. */
  write(bytes: Uint8Array): void;
  /** The bytes written, in order, in chunks of at most `chunkBytes`. */
  read(chunkBytes: number): Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** Frees what the store holds; it is not used again. */
  dispose(): void;
}

/** Opens a store for one part, or gives undefined when none can be had (the part is then inflated each time). */
export type SpillStores = () => SpillStore | undefined;

/**
 * A part's bytes from `source` (its inflater), kept by the first read that goes to the end: every later
 * read gives them from the store. A read given up half way (the header row found) or failing keeps
 * nothing, and a later read tries again; a store that fails to write is given up for good, and reads
 * go to the source. The bytes are the same either way: the store only ever holds what the source gave,
 * after its guards (ratio, size, grid).
 */
export class SpilledPart {
  private store?: SpillStore;
  private complete = false;
  private failed = false;
  private writing = false;

  constructor(
    private readonly source: () => AsyncIterable<Uint8Array>,
    private readonly stores: SpillStores,
    private readonly chunkBytes: number,
  ) {}

  /** Whether the part's bytes are kept whole (reads no longer inflate it). */
  get kept(): boolean {
    return this.complete;
  }

  async *chunks(): AsyncGenerator<Uint8Array> {
    if (this.complete && this.store) {
      yield* this.store.read(this.chunkBytes);
      return;
    }
    // One read at a time writes: a second read while the first is under way just inflates.
    let store = this.failed || this.writing ? undefined : this.stores();
    if (!store) {
      yield* this.source();
      return;
    }
    this.writing = true;
    let whole = false;
    try {
      for await (const chunk of this.source()) {
        if (store) {
          try {
            store.write(chunk);
          } catch {
            store.dispose();
            store = undefined;
            this.failed = true;
          }
        }
        yield chunk;
      }
      whole = true;
    } finally {
      this.writing = false;
      if (store && whole) {
        this.store = store;
        this.complete = true;
      } else store?.dispose();
    }
  }

  /** Frees the store (the workbook is done with the part, or the part was replaced). */
  dispose(): void {
    this.store?.dispose();
    this.store = undefined;
    this.complete = false;
  }
}
