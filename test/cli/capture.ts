// The command line's input and output captured in memory, for tests that call main() directly; the clock
// is fixed so that dated outputs (the analysis date, the About sheet) are the same on every run.

import type { CliIo } from "../../src/cli/main";

export function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    env: {},
    stderrIsTTY: false,
    now: () => new Date(Date.UTC(2026, 10, 22, 9, 30)),
  };
  return io;
}
