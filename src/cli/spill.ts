// Stores on disk for a streamed sheet's inflated bytes (src/workbook/executors/xlsx/partSpill.ts): the
// read that grades a large sheet writes them here and the rewrite that saves it reads them back instead
// of inflating the part again. Each store is a file in the system's temporary folder, created
// exclusively (owner-only), and unlinked at once where the system allows (POSIX): it then has no name,
// so no crash or `kill -9` can leave it behind, and the space returns when the process ends. Where an
// open file keeps its name (Windows), it is removed when the run ends. A store that cannot be created
// or written (a full disk) is simply not used: the part is inflated again.
// Written by hand: a handful of system calls; a temporary-file package would keep the file's name.

import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { SpillStore, SpillStores } from "../workbook/executors/xlsx";

/** Stores in `folder` (the system's temporary folder by default) and the call that frees every one made. */
export function diskSpill(folder = os.tmpdir()): { stores: SpillStores; dispose(): void } {
  const made: SpillStore[] = [];
  const stores: SpillStores = () => {
    const file = path.join(folder, `customer-tiers-${process.pid}-${crypto.randomBytes(6).toString("hex")}.spill`);
    let fd: number;
    try {
      fd = fs.openSync(file, "wx+", 0o600);
    } catch {
      return undefined;
    }
    let named = true;
    try {
      fs.unlinkSync(file);
      named = false;
    } catch {
      // The name stays until dispose (Windows cannot unlink an open file).
    }
    let size = 0;
    let open = true;
    const store: SpillStore = {
      write(bytes) {
        for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done, size + done);
        size += bytes.length;
      },
      *read(chunkBytes) {
        for (let at = 0; at < size; ) {
          const chunk = new Uint8Array(Math.min(chunkBytes, size - at));
          for (let got = 0; got < chunk.length; ) {
            const n = fs.readSync(fd, chunk, got, chunk.length - got, at + got);
            if (n === 0) throw new Error("The temporary copy of a worksheet is shorter than what was written to it");
            got += n;
          }
          at += chunk.length;
          yield chunk;
        }
      },
      dispose() {
        if (!open) return;
        open = false;
        fs.closeSync(fd);
        if (named) fs.rmSync(file, { force: true });
      },
    };
    made.push(store);
    return store;
  };
  return { stores, dispose: () => made.splice(0).forEach((store) => store.dispose()) };
}
