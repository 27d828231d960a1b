// The machine a run measured, for the head of BENCHMARKS.md: figures are only comparable on it.

import * as os from "os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  date: string;
}

/**
 * This machine, now. `date` is an ISO timestamp to the minute (UTC).
 * @example thisMachine() // { cpu: "Intel(R) Xeon(R) Processor @ 2.50GHz", cores: 2, memoryGb: 23.5, node: "v20.20.2", ... }
 */
export function thisMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  };
}
