// Task pane section (issue 8): the production bundle's JavaScript for the first render, gzipped
// (target <= 350 KB), and the time to first render in headless Chromium against a floor page that
// loads the same office.js and renders one element.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { against, notMeasured } from "../figure";
import type { BenchOptions, Figure, Section } from "../figure";
import { inChild } from "../inChild";
import type { PaneTimings } from "../jobs/pane";

const BUNDLE_TARGET_KB = 350;
const KB = 1024;

/**
 * The folder holding the production build: a quick run reuses dist/ when it holds a built pane; a full
 * run builds afresh into the scratch folder (so it measures the source as it is, and never races
 * someone else's `npm run build` in dist/). Throws when the build fails.
 */
function builtPane(options: BenchOptions): { dir: string; how: string } {
  const dist = path.join(options.root, "dist");
  if (options.quick && fs.existsSync(path.join(dist, "taskpane.html")) && fs.existsSync(path.join(dist, "taskpane.js"))) {
    return { dir: dist, how: `dist/ as built ${fs.statSync(path.join(dist, "taskpane.js")).mtime.toISOString().slice(0, 16)} UTC` };
  }
  const out = path.join(options.scratch, "pane-dist");
  options.log("pane: production build (webpack --mode production)");
  const build = spawnSync(process.execPath, [path.join(options.root, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--output-path", out], {
    cwd: options.root,
    encoding: "utf8",
    timeout: 900_000,
  });
  if (build.status !== 0 || !fs.existsSync(path.join(out, "taskpane.html"))) {
    const why = `${build.stderr ?? ""}\n${build.stdout ?? ""}`.split("\n").find((l) => /error/i.test(l)) ?? `exit code ${build.status}`;
    throw new Error(`the production build failed: ${why.trim().slice(0, 200)}`);
  }
  return { dir: out, how: "fresh production build of the current source" };
}

/**
 * The task pane section for bench/run.ts.
 * Its run never throws: a failed build or page becomes a "not measured" figure.
 * @example await paneSection().run(options) // [{ what: "JavaScript for the first render, gzipped", value: 177, unit: "KB", target: { met: true } }, { what: "time to first render", ... }]
 */
export function paneSection(): Section {
  return {
    name: "pane",
    about:
      "The task pane's production build (webpack --mode production) opened as a page over http on localhost in headless Chromium (/usr/bin/chromium, playwright-core), " +
      "office.js routed to node_modules/@microsoft/office-js/dist (outside Office: Office.onReady gives host null). First render: #root gets its first element. " +
      "Bundle: the page's own scripts fetched before the first render, gzipped (zlib level 6); office.js comes from Microsoft's CDN and is reported apart. " +
      "Floor for the render time: a page that loads the same office.js and renders one element on Office.onReady.",
    async run(options: BenchOptions): Promise<Figure[]> {
      let built;
      try {
        built = builtPane(options);
      } catch (error) {
        return [notMeasured("pane", "bundle and first render", (error as Error).message)];
      }
      const repeats = options.quick ? 3 : 7;
      try {
        options.log("pane: headless Chromium");
        const { result } = await inChild<PaneTimings>("jobs/pane", "paneTimings", { dist: built.dir, repeats }, { timeoutMs: 600_000 });
        const ownGzip = result.scripts.reduce((s, f) => s + f.gzipBytes, 0);
        const bundle: Figure = {
          section: "pane",
          what: "JavaScript for the first render, gzipped",
          value: ownGzip / KB,
          unit: "KB",
          target: { text: `<= ${BUNDLE_TARGET_KB} KB`, met: ownGzip / KB <= BUNDLE_TARGET_KB },
          note: `${result.scripts.map((s) => `${s.file} ${(s.gzipBytes / KB).toFixed(1)}`).join(", ")}; all bundle JS ${(result.allJsGzipBytes / KB).toFixed(0)} KB; office.js and its files ${(result.officeGzipBytes / KB).toFixed(0)} KB (CDN); ${built.how}`,
        };
        const render = against("pane", "time to first render", result.renderMs, "ms", { what: "office.js + one element", value: result.floorMs });
        render.note = `median of ${repeats}, cold cache each`;
        return [bundle, render];
      } catch (error) {
        return [notMeasured("pane", "bundle and first render", (error as Error).message)];
      }
    },
  };
}
