// Excel section (issue 8): syncs per grading run and the largest request and response at 200, 100k and
// 1,048,575 customer rows, on the strict stand-in. The floor for syncs is the 200-row run's count plus
// the extra batches the payload alone forces: ceil(bytes / budget) more for the requests and for the
// responses. A run whose syncs grow only by chunk count stays near that floor; one that syncs per row
// or per column does not.

import { notMeasured } from "../figure";
import type { BenchOptions, Figure, Section } from "../figure";
import { inChild } from "../inChild";
import type { ExcelRun } from "../jobs/excel";
import { MB } from "../statistics";

const LIMIT = 5 * 1024 * 1024;
/** Syncs may exceed the chunk floor by half: separate streams (reads, columns, sheets) each end in a part-filled batch. */
const SYNC_TARGET = 1.5;

/** The syncs a run of `run.rows` rows cannot avoid, given the small run's count and the payload budget. */
export function syncFloor(small: ExcelRun, run: ExcelRun): number {
  const chunks = (bytes: number) => Math.ceil(bytes / run.budget);
  return (
    small.syncs +
    Math.max(0, chunks(run.totalRequestBytes) - chunks(small.totalRequestBytes)) +
    Math.max(0, chunks(run.totalResponseBytes) - chunks(small.totalResponseBytes))
  );
}

export function excelSection(sizes?: number[]): Section {
  return {
    name: "excel",
    about:
      "One whole grading run (read, parse, grade, plan, write) through ExcelWorkbook on the strict Excel stand-in (test/support/excel-standin.ts). " +
      "Floor for syncs: the 200-row run's syncs plus the batches the payload forces (total request and response bytes / the executor's budget). " +
      "Target: syncs grow only by chunk count (<= 1.5x that floor) and every request and response < 5 MB.",
    async run(options: BenchOptions): Promise<Figure[]> {
      const chosen = sizes ?? (options.quick ? [200, 100_000] : [200, 100_000, 1_048_575]);
      const figures: Figure[] = [];
      let small: ExcelRun | undefined;
      for (const rows of chosen) {
        const label = rows.toLocaleString("en-US");
        options.log(`excel: ${label} rows`);
        try {
          const { result, maxRssBytes } = await inChild<ExcelRun>("jobs/excel", "excelRun", { rows }, { timeoutMs: 900_000, heapMb: 12_000 });
          small ??= result;
          const floor = syncFloor(small, result);
          const ratio = result.syncs / floor;
          figures.push({
            section: "excel",
            what: `syncs per run, ${label} rows`,
            value: result.syncs,
            unit: "syncs",
            floor: { what: `200-row run + payload chunks`, value: floor },
            ratio,
            target: { text: `<= ${SYNC_TARGET}x the floor`, met: ratio <= SYNC_TARGET },
            note: `run ${(result.ms / 1000).toFixed(1)} s on the stand-in; child peak RSS ${Math.round(maxRssBytes / MB)} MB`,
          });
          const largest = Math.max(result.maxRequestBytes, result.maxResponseBytes);
          figures.push({
            section: "excel",
            what: `largest request / response, ${label} rows`,
            value: largest / MB,
            unit: "MB",
            floor: { what: "Excel on the web's limit", value: LIMIT / MB },
            ratio: largest / LIMIT,
            target: { text: "< 5 MB", met: largest < LIMIT },
            note: `request ${(result.maxRequestBytes / MB).toFixed(2)} MB, response ${(result.maxResponseBytes / MB).toFixed(2)} MB`,
          });
        } catch (error) {
          figures.push(notMeasured("excel", `grading run, ${label} rows`, (error as Error).message));
        }
      }
      return figures;
    },
  };
}
