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
/**
 * A sync carrying less than this is not a chunk of bulk data (budget / 16: 256 KB for a 4 MB budget).
 * Throws nothing.
 * @example smallSync(200 * 1024, 4 * 1024 * 1024) // true
 * @example smallSync(1.5 * 1024 * 1024, 4 * 1024 * 1024) // false
 */
export function smallSync(bytes: number, budget: number): boolean {
  return bytes < budget / 16;
}

/**
 * The syncs a run of `run.rows` rows cannot avoid, given the small run's count and the payload budget.
 * Throws nothing.
 * @example syncFloor({ syncs: 8, totalRequestBytes: 14e3, totalResponseBytes: 40e3, ... }, { totalRequestBytes: 50 * MB, totalResponseBytes: 196 * MB, budget: 4 * MB, ... }) // 8 + 12 + 48 = 68
 */
export function syncFloor(small: ExcelRun, run: ExcelRun): number {
  const chunks = (bytes: number) => Math.ceil(bytes / run.budget);
  return (
    small.syncs +
    Math.max(0, chunks(run.totalRequestBytes) - chunks(small.totalRequestBytes)) +
    Math.max(0, chunks(run.totalResponseBytes) - chunks(small.totalResponseBytes))
  );
}

/**
 * The Excel section for bench/run.ts; `sizes` overrides the row counts (the first is the baseline).
 * Its run never throws: a size whose child fails becomes a "not measured" figure.
 * @example await excelSection([200]).run(options) // [{ what: "syncs per run, 200 rows", value: 8, ... }, { what: "largest request / response, 200 rows", ... }]
 */
export function excelSection(sizes?: number[]): Section {
  return {
    name: "excel",
    about:
      "One whole grading run (read, parse, grade, plan, write) through ExcelWorkbook on the strict Excel stand-in (test/support/excel-standin.ts). " +
      "Floor for syncs: the 200-row run's syncs plus the batches the payload forces (total request and response bytes / the executor's budget). " +
      "Target: syncs grow only by chunk count — the larger runs have no more small syncs (< budget / 16 each) than the 200-row run has syncs — and every request and response < 5 MB. " +
      "The ratio to the floor shows how full the chunks are (1.00x: every batch filled to the budget).",
    async run(options: BenchOptions): Promise<Figure[]> {
      const chosen = sizes ?? (options.quick ? [200, 20_000] : [200, 100_000, 1_048_575]);
      const figures: Figure[] = [];
      let base: ExcelRun | undefined;
      for (const rows of chosen) {
        const label = rows.toLocaleString("en-US");
        options.log(`excel: ${label} rows`);
        try {
          const { result, maxRssBytes } = await inChild<ExcelRun>("jobs/excel", "excelRun", { rows }, { timeoutMs: 900_000, heapMb: 12_000 });
          base ??= result;
          const floor = syncFloor(base, result);
          const smallSyncs = result.syncBytes.filter((b) => smallSync(b, result.budget)).length;
          const chunks = result.syncs - smallSyncs;
          figures.push({
            section: "excel",
            what: `syncs per run, ${label} rows`,
            value: result.syncs,
            unit: "syncs",
            floor: { what: `200-row run + payload chunks`, value: floor },
            ratio: result.syncs / floor,
            target: { text: "only chunks added", met: smallSyncs <= base.syncs && Math.max(result.maxRequestBytes, result.maxResponseBytes) < LIMIT },
            note:
              `${smallSyncs} small syncs + ${chunks} chunk syncs (avg ${chunks ? ((result.syncBytes.filter((b) => !smallSync(b, result.budget)).reduce((a, b) => a + b, 0) / chunks) / MB).toFixed(2) : "0"} MB); ` +
              `run ${(result.ms / 1000).toFixed(1)} s on the stand-in; child peak RSS ${Math.round(maxRssBytes / MB)} MB`,
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
