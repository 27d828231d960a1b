// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went, by function self time: what
// BENCHMARKS.md's notes cite when a target is missed. `ts-node bench/profileSummary.ts <file> [top]`.

import * as fs from "fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  where: string;
  selfMs: number;
  share: number;
}

/**
 * Self time per function (name, file and line), largest first; `share` is of the whole profile.
 * Throws SyntaxError on a file that is not JSON.
 *
 * @example hotSpots(profile, 2) // [{ where: "rankEq src/engine/rank.ts:24", selfMs: 180.4, share: 0.41 }, ...]
 */
export function hotSpots(profile: CpuProfile, top = 15): HotSpot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, k) => {
    const us = profile.timeDeltas[k] ?? 0;
    total += us;
    const frame = byId.get(id)?.callFrame;
    const file = frame?.url.replace(/^file:\/\//, "").replace(/.*\/(src|bench|node_modules)\//, "$1/") ?? "";
    const where = frame ? `${frame.functionName || "(anonymous)"} ${file}${file ? `:${frame.lineNumber + 1}` : ""}`.trim() : "?";
    self.set(where, (self.get(where) ?? 0) + us);
  });
  return [...self.entries()]
    .map(([where, us]) => ({ where, selfMs: us / 1000, share: total > 0 ? us / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  const spots = hotSpots(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile, Number(top ?? 15));
  for (const s of spots) console.log(`${s.selfMs.toFixed(1).padStart(9)} ms ${(100 * s.share).toFixed(1).padStart(5)} %  ${s.where}`);
}
