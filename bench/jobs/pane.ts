// Child-side measurements of the task pane section: the production bundle's JavaScript, gzipped, that
// the page fetches before its first render, and the time to that render in headless Chromium, against
// a floor page that loads the same office.js and renders one element.

import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import * as zlib from "zlib";
import { median } from "../statistics";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** The page used as the floor: office.js, then one element in #root once Office is ready. */
const FLOOR_PAGE = `<!doctype html><html><head><meta charset="UTF-8" />
<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head>
<body><div id="root"></div><script>Office.onReady(function () {
  var d = document.createElement("div"); d.textContent = "Customer Tiers"; document.getElementById("root").appendChild(d);
});</script></body></html>`;

/** Serves `dir` over http on localhost (plus the floor page at /bench-floor.html); resolves to its origin. */
function serve(dir: string): Promise<{ origin: string; close: () => void }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "text/xml" };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/bench-floor.html") {
      response.writeHead(200, { "content-type": "text/html" }).end(FLOOR_PAGE);
      return;
    }
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(fs.readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

/** Records, from before the first byte of the page, when #root first gets an element. */
const FIRST_RENDER_PROBE = `
  window.__firstRender = undefined;
  new MutationObserver(function (_, observer) {
    var root = document.getElementById("root");
    if (root && root.childElementCount > 0) { window.__firstRender = performance.now(); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

export interface PaneTimings {
  renderMs: number;
  floorMs: number;
  /** Scripts of the page's own origin fetched before the first render, with raw and gzipped bytes. */
  scripts: { file: string; bytes: number; gzipBytes: number }[];
  /** All .js files in the bundle folder, gzipped. */
  allJsGzipBytes: number;
  /** office.js and what it fetched before the render, gzipped (Microsoft's CDN in production). */
  officeGzipBytes: number;
}

function gzipSize(bytes: Buffer): number {
  // zlib's default level (6) is what web servers typically send.
  return zlib.gzipSync(bytes).byteLength;
}

/**
 * Opens the built pane (`dist`/taskpane.html) and the floor page `repeats` times each, interleaved, each in a fresh context.
 * Throws when the page never renders into #root (with the page's first error).
 * @example await paneTimings({ dist: "dist", repeats: 3 }) // { renderMs: 658, floorMs: 354, scripts: [{ file: "taskpane.js", bytes: 570_000, gzipBytes: 170_500 }, ...], ... }
 */
export async function paneTimings(params: { dist: string; repeats: number }): Promise<PaneTimings> {
  const { chromium } = await import("playwright-core");
  const dist = path.resolve(params.dist);
  const officeDist = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const officeFetched = new Map<string, number>();
  try {
    const open = async (page: string) => {
      const context = await browser.newContext();
      await context.route(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/(.*)$/, async (route) => {
        const rest = new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, "");
        const file = path.join(officeDist, rest);
        if (!file.startsWith(officeDist) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
        const body = fs.readFileSync(file);
        officeFetched.set(rest, gzipSize(body));
        return route.fulfill({ status: 200, contentType: "text/javascript", body });
      });
      await context.addInitScript(FIRST_RENDER_PROBE);
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (error) => errors.push(error.message));
      await tab.goto(`${server.origin}/${page}`);
      try {
        await tab.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender !== undefined, undefined, { timeout: 60_000 });
      } catch {
        throw new Error(`${page} never rendered into #root${errors.length ? `: ${errors[0]}` : ""}`);
      }
      const measured = await tab.evaluate(() => {
        const at = (window as unknown as { __firstRender: number }).__firstRender;
        const scripts = performance
          .getEntriesByType("resource")
          .filter((e) => e.name.startsWith(location.origin) && e.name.split("?")[0].endsWith(".js") && e.startTime <= at)
          .map((e) => new URL(e.name).pathname);
        return { at, scripts };
      });
      await context.close();
      return measured;
    };
    await open("taskpane.html"); // warm-up: the first launch pays for Chromium's own start
    const renders: number[] = [];
    const floors: number[] = [];
    let scripts: string[] = [];
    for (let r = 0; r < params.repeats; r++) {
      const pane = await open("taskpane.html");
      renders.push(pane.at);
      scripts = pane.scripts;
      floors.push((await open("bench-floor.html")).at);
    }
    const own = scripts.map((p) => {
      const bytes = fs.readFileSync(path.join(dist, p));
      return { file: p.replace(/^\//, ""), bytes: bytes.byteLength, gzipBytes: gzipSize(bytes) };
    });
    const allJsGzipBytes = fs
      .readdirSync(dist)
      .filter((f) => f.endsWith(".js"))
      .reduce((sum, f) => sum + gzipSize(fs.readFileSync(path.join(dist, f))), 0);
    const officeGzipBytes = [...officeFetched.values()].reduce((a, b) => a + b, 0);
    return { renderMs: median(renders), floorMs: median(floors), scripts: own, allJsGzipBytes, officeGzipBytes };
  } finally {
    await browser.close();
    server.close();
  }
}
