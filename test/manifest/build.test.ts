/**
 * @jest-environment jsdom
 */
// The production build as Office would load it (dist/, built once with `npm run build` when
// missing): the page's Content-Security-Policy, the three bundles in the one shared-runtime page,
// the functions metadata, and a manifest with no dev URL left.

import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const OFFICE_SCRIPT_HOST = "https://appsforoffice.microsoft.com";
const PRODUCTION_ORIGIN = process.env.ADDIN_URL ?? "https://customer-tiers.example.com/";

beforeAll(() => {
  if (existsSync(join(dist, "taskpane.html"))) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, ADDIN_URL: PRODUCTION_ORIGIN },
  });
});

function page(): Document {
  return new DOMParser().parseFromString(readFileSync(join(dist, "taskpane.html"), "utf8"), "text/html");
}

/** The page's policy as directive -> sources. */
function policy(): Map<string, string[]> {
  const metas = Array.from(page().querySelectorAll("meta")).filter(
    (m) => (m.getAttribute("http-equiv") ?? "").toLowerCase() === "content-security-policy",
  );
  expect(metas).toHaveLength(1);
  const directives = new Map<string, string[]>();
  for (const part of (metas[0].getAttribute("content") ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe("the built task pane page", () => {
  test("allows scripts only from itself and Office's script host, never inline or eval", () => {
    const csp = policy();
    expect(new Set(csp.get("script-src"))).toEqual(new Set(["'self'", OFFICE_SCRIPT_HOST]));
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  test("allows no outbound connection: connect-src is only the page's own origin", () => {
    const connect = policy().get("connect-src") ?? [];
    expect(connect.length).toBe(1);
    expect(["'self'", "'none'"]).toContain(connect[0]);
    for (const sources of policy().values()) {
      expect(sources).not.toContain("*");
      expect(sources).not.toContain("https:");
    }
  });

  test("loads office.js from the Office CDN, then the pane, functions and commands bundles; no inline script", () => {
    const scripts = Array.from(page().querySelectorAll("script"));
    expect(scripts[0].getAttribute("src")).toBe(`${OFFICE_SCRIPT_HOST}/lib/1/hosted/office.js`);
    const own = scripts.slice(1).map((s) => s.getAttribute("src"));
    expect(new Set(own)).toEqual(new Set(["taskpane.js", "functions.js", "commands.js"]));
    for (const script of scripts) expect(script.textContent?.trim()).toBe("");
    expect(page().getElementById("root")).not.toBeNull();
  });

  test("the functions bundle registers every function of functions.json, guarded, and error cells reach them", () => {
    const metadata = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8"));
    const ids: string[] = metadata.functions.map((f: { id: string }) => f.id);
    expect(ids.sort()).toEqual(
      ["AHPCR", "AHPWEIGHTS", "CUSTOMERRANK", "CUSTOMERSCORE", "CUSTOMERTIER", "ENTROPYWEIGHTS", "EXPLAIN", "GRADE", "PARETOCLASS", "PCAWEIGHTS"],
    );
    // Data-type cells arrive as their CellValue JSON, error cells as error values (arguments.ts reads both).
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    const bundle = readFileSync(join(dist, "functions.js"), "utf8");
    for (const id of ids) expect(bundle).toContain(`${id}:`);
    // No bare CustomFunctions.associate("ID", ...) of Microsoft's plugin: it throws outside Office.
    expect(bundle).not.toMatch(/CustomFunctions\.associate\("/);
    expect(bundle).toMatch(/typeof CustomFunctions/);
  });
});

describe("the production manifest", () => {
  test("keeps no localhost URL: every URL is on the production origin", () => {
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/localhost/i);
    const urls = manifest.match(/https:\/\/[^"<\s]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith(PRODUCTION_ORIGIN)).toBe(true);
    for (const icon of ["16", "32", "64", "80"]) expect(existsSync(join(dist, "assets", `icon-${icon}.png`))).toBe(true);
  });
});
