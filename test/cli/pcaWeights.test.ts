// tiers grade --weights-from pca[:replace] (issue 16 §4): the flag's forms, its bad usage, and a run
// whose graded copy holds the PCA weights and whose JSON reports them.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pcaWeights } from "../../src/engine/pca";
import { parseCommand } from "../../src/cli/gradeArguments";
import { cliText } from "../../src/cli/cliText";
import { main } from "../../src/cli/main";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { pcaCustomerRows, pcaSheets } from "../support/pcaFixture";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";
import { capture } from "./capture";

const options = (argv: string[]) => {
  const parsed = parseCommand(["grade", "book.xlsx", ...argv]);
  if (parsed.kind !== "grade") throw new Error(parsed.kind === "usage" ? parsed.message(cliText("en-US")) : "help");
  return parsed.options;
};
const usage = (argv: string[]) => {
  const parsed = parseCommand(["grade", "book.xlsx", ...argv]);
  return parsed.kind === "usage" ? parsed.message(cliText("en-US")) : undefined;
};

describe("--weights-from", () => {
  test("pca fills, pca:replace overwrites; absent leaves the weights to the table", () => {
    expect(options(["--weights-from", "pca"]).weightsFrom).toEqual({ method: "pca", replace: false });
    expect(options(["--weights-from=PCA:replace"]).weightsFrom).toEqual({ method: "pca", replace: true });
    expect(options([]).weightsFrom).toBeUndefined();
  });

  test("anything else, or with --scheme rfm, is bad usage", () => {
    expect(usage(["--weights-from", "ahp"])).toContain("--weights-from pca:replace");
    expect(usage(["--weights-from", "pca:overwrite"])).toContain("is not a source of weights");
    expect(usage(["--weights-from", "pca", "--scheme", "rfm"])).toContain("--scheme rfm uses none");
  });

  test("a run writes the PCA weights into the graded copy and the JSON, and says so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-pca-"));
    try {
      const { weights, customers } = pcaSheets();
      const input = path.join(dir, "book.xlsx");
      fs.writeFileSync(input, await buildWorkbook([
        { name: "Weights", rows: weights as FixtureCell[][] },
        { name: "Customers", rows: customers as FixtureCell[][] },
      ]));
      const out = path.join(dir, "graded.xlsx");
      const io = capture();
      expect(await main(["grade", input, "--out", out, "--weights-from", "pca", "--json", "-"], io)).toBe(0);
      const expected = pcaWeights(pcaCustomerRows());
      const json = JSON.parse(io.out);
      expect(json.pca.weights.map((w: { indicator: string }) => w.indicator)).toEqual(["Sales", "Growth", "Years", "Complaints"]);
      json.pca.weights.forEach((w: { weight: number }, j: number) => expect(Math.abs(w.weight - expected.weights[j])).toBeLessThan(1e-12));
      expect(json.pca.kept).toBe(expected.kept);
      expect(io.err).toContain("Weights from principal components");
      const graded = await openXlsx(fs.readFileSync(out));
      const cells = await graded.read("Weights", { top: 1, left: 1, rows: 4, columns: 1 });
      cells.forEach(([value], j) => expect(Math.abs((value as number) - expected.weights[j])).toBeLessThan(1e-12));
      // The input is untouched, and a filled table stops a second run on the graded copy's input.
      const again = capture();
      const filled = path.join(dir, "filled.xlsx");
      fs.writeFileSync(filled, await buildWorkbook([
        { name: "Weights", rows: pcaSheets([0.25, 0.25, 0.25, 0.25]).weights as FixtureCell[][] },
        { name: "Customers", rows: customers as FixtureCell[][] },
      ]));
      expect(await main(["grade", filled, "--out", path.join(dir, "x.xlsx"), "--weights-from", "pca"], again)).toBe(1);
      expect(again.err).toContain("Weights!B2");
      expect(await main(["grade", filled, "--out", path.join(dir, "x.xlsx"), "--weights-from", "pca:replace"], capture())).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
