// The layers are enforced by ESLint (eslint.config.js), not by convention: these probes lint source text
// as if it were a file in each folder and expect the project's own configuration to refuse what
// docs/ARCHITECTURE.md forbids, and to accept what it allows (so a rule that matches everything fails too).

import { ESLint } from "eslint";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
// The configuration is passed as objects: ESLint loads eslint.config.js by a dynamic import(), which jest's
// CommonJS sandbox does not allow. It is the same file `npm run lint` uses.
const config = require(path.join(root, "eslint.config.js"));
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

/** The rule ids of the errors ESLint reports for `code` as the file `file` (relative to the root). */
async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the layers, as ESLint enforces them", () => {
  test("an engine file that imports ../workbook is an error", async () => {
    const found = await errors("src/engine/layerProbe.ts", 'import type { Lang } from "../workbook/types";\nexport const probe = (lang: Lang) => lang;\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^no-restricted-imports: .*src\/engine imports nothing else of the project/);
  });

  test("the engine imports no surface, no Node module, React, Office or file library", async () => {
    for (const source of ["../taskpane/strings", "../cli/main", "fs", "node:path", "path", "react", "jszip", "@fluentui/react-components", "@microsoft/office-js"]) {
      const found = await errors("src/engine/layerProbe.ts", `import * as m from "${source}";\nexport const probe = m;\n`);
      expect([source, found.length]).toEqual([source, 1]);
    }
  });

  test("the engine may import its own files", async () => {
    expect(await errors("src/engine/layerProbe.ts", 'import { rankOf } from "./rank";\nexport const probe = rankOf;\n')).toEqual([]);
  });

  test("workbook never imports a surface; it may import the engine", async () => {
    for (const source of ["../taskpane/strings", "../cli/main", "../commands/commands", "../functions/functions", "../../../taskpane/Pane"]) {
      const file = source.startsWith("../../") ? "src/workbook/executors/xlsx/layerProbe.ts" : "src/workbook/layerProbe.ts";
      expect([source, (await errors(file, `import * as m from "${source}";\nexport const probe = m;\n`)).length]).toEqual([source, 1]);
    }
    expect(await errors("src/workbook/layerProbe.ts", 'import * as m from "../engine";\nexport const probe = m;\n')).toEqual([]);
  });

  test("the text catalogue imports nothing of the project; workbook and every surface may import it, the engine not", async () => {
    for (const source of ["../workbook/types", "../engine", "../cli/main", "../taskpane/strings", "fs", "react"]) {
      expect([source, (await errors("src/text/layerProbe.ts", `import * as m from "${source}";\nexport const probe = m;\n`)).length]).toEqual([source, 1]);
    }
    expect(await errors("src/text/layerProbe.ts", 'import { en } from "./en";\nexport const probe = en;\n')).toEqual([]);
    expect(await errors("src/engine/layerProbe.ts", 'import * as m from "../text";\nexport const probe = m;\n')).toHaveLength(1);
    for (const folder of ["workbook", "workbook/xlsx", "cli", "taskpane", "functions", "commands"]) {
      const up = folder.includes("/") ? "../../text" : "../text";
      expect([folder, await errors(`src/${folder}/layerProbe.ts`, `import { textOf } from "${up}";\nexport const probe = textOf;\n`)]).toEqual([folder, []]);
    }
  });

  test("nothing imports the task pane or the command line", async () => {
    expect(await errors("src/functions/layerProbe.ts", 'import * as m from "../taskpane/strings";\nexport const probe = m;\n')).toHaveLength(1);
    expect(await errors("src/commands/layerProbe.ts", 'import * as m from "../cli/main";\nexport const probe = m;\n')).toHaveLength(1);
    expect(await errors("src/taskpane/layerProbe.ts", 'import * as m from "../cli/main";\nexport const probe = m;\n')).toHaveLength(1);
    expect(await errors("src/cli/layerProbe.ts", 'import * as m from "../taskpane/strings";\nexport const probe = m;\n')).toHaveLength(1);
  });

  test("inside workbook, reading imports no later stage, no stage imports an executor, the executors are peers", async () => {
    const probe = async (file: string, source: string) => (await errors(file, `import * as m from "${source}";\nexport const probe = m;\n`)).length;
    const refused: [string, string][] = [
      ["src/workbook/reading/layerProbe.ts", "../planning/plan"],
      ["src/workbook/reading/layerProbe.ts", "../features/history"],
      ["src/workbook/reading/layerProbe.ts", "../executors/xlsx"],
      ["src/workbook/reading/layerProbe.ts", "../../taskpane/strings"],
      ["src/workbook/planning/layerProbe.ts", "../executors/excel"],
      ["src/workbook/features/layerProbe.ts", "../executors/xlsx/share"],
      ["src/workbook/layerProbe.ts", "./executors/xlsx"],
      ["src/workbook/executors/excel/layerProbe.ts", "../xlsx/cellXml"],
      ["src/workbook/executors/xlsx/layerProbe.ts", "../excel/payload"],
      ["src/workbook/executors/xlsx/layerProbe.ts", "../../../cli/main"],
    ];
    for (const [file, source] of refused) expect([file, source, await probe(file, source)]).toEqual([file, source, 1]);
    const allowed: [string, string][] = [
      ["src/workbook/reading/layerProbe.ts", "./cells"],
      ["src/workbook/reading/layerProbe.ts", "../types"],
      ["src/workbook/reading/layerProbe.ts", "../../engine/types"],
      ["src/workbook/planning/layerProbe.ts", "../reading/address"],
      ["src/workbook/features/layerProbe.ts", "../planning/plan"],
      ["src/workbook/executors/xlsx/layerProbe.ts", "../../features/sharing"],
      ["src/workbook/executors/xlsx/layerProbe.ts", "./xlsxWorkbook"],
      ["src/workbook/executors/excel/layerProbe.ts", "../../planning/plan"],
    ];
    for (const [file, source] of allowed) expect([file, source, await probe(file, source)]).toEqual([file, source, 0]);
  });

  test("the Office.js globals only in workbook/executors/excel, functions, commands and taskpane/index.tsx", async () => {
    const code = "export const probe = () => Excel.run(async () => undefined);\n";
    expect(await errors("src/workbook/layerProbe.ts", code)).toEqual([expect.stringMatching(/^no-restricted-globals: Unexpected use of 'Excel'/)]);
    expect(await errors("src/taskpane/Probe.tsx", code)).toHaveLength(1);
    expect(await errors("src/workbook/executors/excel/layerProbe.ts", code)).toEqual([]);
    expect(await errors("src/workbook/executors/xlsx/layerProbe.ts", code)).toHaveLength(1);
    expect(await errors("src/taskpane/index.tsx", code)).toEqual([]);
  });
});
