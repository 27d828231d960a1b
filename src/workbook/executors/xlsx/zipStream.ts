// JSZip's streams as async iterables and back: a part inflating or a package being generated read
// chunk by chunk with back-pressure, and chunks produced by an async generator handed to JSZip as the
// data of an entry. JSZip reads a Node stream by its on/pause/resume methods only (its
// NodejsStreamInputAdapter), so the adapter here is those three methods over an async iterator,
// written by hand rather than importing Node's stream module into a layer that also runs in browsers.

/** Chunks of bytes as they are produced. */
export type AsyncChunks = AsyncIterable<Uint8Array>;

/** JSZip's StreamHelper (internalStream, generateInternalStream): push-based, pausable. */
export interface StreamHelper {
  on(event: "data", listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", listener: (error: Error) => void): StreamHelper;
  on(event: "end", listener: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/**
 * The chunks of a JSZip stream helper (a part inflating, or a package being generated) as an async
 * iterable, pausing the producer while the consumer is behind. Stops the producer when the consumer
 * stops early. `onChunk` may throw to end the stream with that error (a guard).
 */
export async function* helperChunks(stream: StreamHelper, onChunk?: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let ended = false;
  let paused = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  stream
    .on("data", (chunk) => {
      if (failure !== undefined || ended) return;
      try {
        onChunk?.(chunk);
      } catch (error) {
        failure = error;
        stream.pause();
        signal();
        return;
      }
      queue.push(chunk);
      if (queue.length >= 8 && !paused) {
        paused = true;
        stream.pause();
      }
      signal();
    })
    .on("error", (error) => {
      if (failure === undefined) failure = error;
      signal();
    })
    .on("end", () => {
      ended = true;
      signal();
    })
    .resume();
  try {
    for (;;) {
      if (failure !== undefined) throw failure;
      if (queue.length > 0) {
        const chunk = queue.shift()!;
        if (paused && queue.length < 2) {
          paused = false;
          stream.resume();
        }
        yield chunk;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!ended) stream.pause();
  }
}

/** Chunks joined into one array (`total` their summed length). */
export function concatChunks(chunks: Uint8Array[], total: number): Uint8Array {
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

/** Every chunk of a stream, gathered into one array: where a stream cannot be passed on (a browser's JSZip, the pane's copies). */
export async function gatherChunks(chunks: AsyncChunks): Promise<Uint8Array> {
  const list: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    list.push(chunk);
    total += chunk.length;
  }
  return concatChunks(list, total);
}

/**
 * Whether JSZip can take an entry's data as a stream here: only in Node (JSZip recognises a stream by
 * Node's own checks, which need Buffer); a browser or a Web Worker has none.
 */
export function zipTakesStreams(): boolean {
  return typeof (globalThis as { Buffer?: unknown }).Buffer !== "undefined";
}

/** The minimal readable stream JSZip accepts as an entry's data (Node only: JSZip checks for Buffer). */
export interface ReadableLike {
  on(event: "data" | "error" | "end", listener: (value?: unknown) => void): ReadableLike;
  pause(): ReadableLike;
  resume(): ReadableLike;
}

/**
 * Chunks as a readable stream for JSZip: they are pulled from the iterator only while the stream
 * flows (JSZip pauses it while its compressor is busy), so at most one chunk waits in memory.
 */
export function readableOf(chunks: AsyncChunks): ReadableLike {
  const listeners: Record<string, ((value?: unknown) => void)[]> = { data: [], error: [], end: [] };
  const emit = (event: string, value?: unknown) => {
    for (const listener of listeners[event]) listener(value);
  };
  let iterator: AsyncIterator<Uint8Array> | undefined;
  let flowing = false;
  let pumping = false;
  let finished = false;
  const pump = async () => {
    if (pumping || finished) return;
    pumping = true;
    try {
      iterator ??= chunks[Symbol.asyncIterator]();
      while (flowing && !finished) {
        const next = await iterator.next();
        if (next.done) {
          finished = true;
          emit("end");
        } else emit("data", next.value);
      }
    } catch (error) {
      finished = true;
      emit("error", error);
    } finally {
      pumping = false;
    }
  };
  const stream: ReadableLike = {
    on(event, listener) {
      listeners[event].push(listener);
      return stream;
    },
    pause() {
      flowing = false;
      return stream;
    },
    resume() {
      flowing = true;
      void pump();
      return stream;
    },
  };
  return stream;
}
