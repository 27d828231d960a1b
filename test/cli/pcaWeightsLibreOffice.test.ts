// --weights-from pca's graded copy opened by a real program: LibreOffice reads the Weight cells the
// .xlsx executor filled and the Factor loadings sheet, and they equal engine/pca.ts's weights to 1e-12.
// Needs soffice; skipped with a message without it.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pcaWeights } from "../../src/engine/pca";
import { main } from "../../src/cli/main";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { pcaCustomerRows, pcaSheets, pcaTwoLevelWeights } from "../support/pcaFixture";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";
import { capture } from "./capture";

describeWithLibreOffice("PCA weights in LibreOffice", () => {
  test("the Weight column and the Factor loadings sheet read back as engine/pca.ts's weights", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-pca-lo-"));
    try {
      const expected = pcaWeights(pcaCustomerRows());
      const { weights, customers } = pcaSheets();
      const input = path.join(dir, "book.xlsx");
      fs.writeFileSync(input, await buildWorkbook([
        { name: "Weights", rows: weights as FixtureCell[][], table: "Weights" },
        { name: "Customers", rows: customers as FixtureCell[][] },
        { name: "权重两级", rows: pcaTwoLevelWeights() as FixtureCell[][] },
      ]));
      const out = path.join(dir, "graded.xlsx");
      // A Chinese sheet name makes the workbook Chinese; --lang keeps this run's outputs English.
      expect(await main(["grade", input, "--out", out, "--weights-from", "pca", "--lang", "en-US"], capture())).toBe(0);
      const sheets = sheetsAsCsv(out, ["Weights", "Factor loadings"]);
      expect(sheets.Weights[0]).toEqual(["Indicator", "Weight", "Direction"]);
      sheets.Weights.slice(1, 5).forEach((row, j) => expect(Math.abs(Number(row[1]) - expected.weights[j])).toBeLessThan(1e-12));
      const loadings = sheets["Factor loadings"];
      const header = loadings.findIndex((row) => row[1] === "Indicator");
      const weightAt = loadings[header].indexOf("Weight");
      loadings.slice(header + 1, header + 5).forEach((row, j) => expect(Math.abs(Number(row[weightAt]) - expected.weights[j])).toBeLessThan(1e-12));
      const eigen = loadings.findIndex((row) => row[0] === "PC1");
      expect(Math.abs(Number(loadings[eigen][1]) - expected.eigenvalues[0])).toBeLessThan(1e-12);

      // The two-level table of the same customers (chosen with --weights): LibreOffice multiplies the
      // dimension and indicator cells back into the PCA weights.
      const twoLevel = path.join(dir, "two.xlsx");
      expect(await main(["grade", input, "--out", twoLevel, "--weights", "权重两级", "--weights-from", "pca"], capture())).toBe(0);
      const both = sheetsAsCsv(twoLevel, ["权重两级", "因子载荷"]);
      expect(both["因子载荷"][0][0]).toBe("主成分分析法确定权重（因子分析）");
      const two = both["权重两级"];
      const n = (r: number) => Number(two[r][2]);
      const globals = [n(1) * n(2), n(1) * n(3), n(4) * n(5), n(4) * n(6)];
      globals.forEach((g, j) => expect(Math.abs(g - expected.weights[j])).toBeLessThan(1e-12));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240000);
});
