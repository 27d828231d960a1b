// Offline checks of manifest.xml: what `office-addin-manifest validate` would ask Microsoft's web
// service, and the shared-runtime wiring that the service does not check (docs/ENVIRONMENT.md).

import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { DOMParser, Element } from "@xmldom/xmldom";

const root = join(__dirname, "..", "..");
const manifestText = readFileSync(join(root, "manifest.xml"), "utf8");

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== "warning") errors.push(`${level}: ${message}`);
    },
  }).parseFromString(text, "text/xml");
  return { doc, errors };
}

const { doc, errors: parseErrors } = parseXml(manifestText);

/** Every element in document order whose local name is `name` (namespace prefixes ignored). */
function elements(name: string, under: Element = doc.documentElement as Element): Element[] {
  return Array.from(under.getElementsByTagName("*")).filter((e) => e.localName === name) as Element[];
}

function only(name: string, under?: Element): Element {
  const found = elements(name, under);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** Resource id -> its DefaultValue, over bt:Images, bt:Urls, bt:ShortStrings and bt:LongStrings. */
function resources(): Map<string, { kind: string; value: string; element: Element }> {
  const map = new Map<string, { kind: string; value: string; element: Element }>();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const group of elements(kind, only("Resources"))) {
      for (const item of Array.from(group.childNodes).filter((n) => n.nodeType === 1) as Element[]) {
        const id = item.getAttribute("id") as string;
        if (map.has(id)) throw new Error(`resource id ${id} is defined twice`);
        map.set(id, { kind, value: item.getAttribute("DefaultValue") as string, element: item });
      }
    }
  }
  return map;
}

function resolve(resid: string): string {
  const found = resources().get(resid);
  if (!found) throw new Error(`resid ${resid} does not resolve`);
  return found.value;
}

function resid(element: Element): string {
  return element.getAttribute("resid") as string;
}

/** Width and height from a PNG's IHDR chunk (bytes 16..24, big-endian). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The dev server serves assets/ at /assets/, so a manifest URL maps back to a file in the repo. */
function repoFileOf(url: string): string {
  const path = new URL(url).pathname;
  return join(root, decodeURIComponent(path));
}

describe("manifest.xml", () => {
  test("is well-formed XML with an OfficeApp task-pane root", () => {
    expect(parseErrors).toEqual([]);
    expect(doc.documentElement?.localName).toBe("OfficeApp");
    expect(doc.documentElement?.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  test("has a fixed GUID as its Id", () => {
    expect(only("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("is named Customer Tiers, 客户分级 in Chinese, with a description in both languages", () => {
    const name = only("DisplayName");
    expect(name.getAttribute("DefaultValue")).toBe("Customer Tiers");
    const nameOverride = elements("Override", name)[0];
    expect([nameOverride.getAttribute("Locale"), nameOverride.getAttribute("Value")]).toEqual(["zh-CN", "客户分级"]);
    const top = Array.from((doc.documentElement as Element).childNodes) as Element[];
    const description = top.find((e) => e.nodeType === 1 && e.localName === "Description") as Element;
    expect(description.getAttribute("DefaultValue")?.length).toBeGreaterThan(20);
    expect(elements("Override", description)[0].getAttribute("Locale")).toBe("zh-CN");
  });

  test("runs in Excel workbooks with read-write access and requires the shared runtime 1.1", () => {
    const hosts = elements("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"));
    expect(new Set(hosts)).toEqual(new Set(["Workbook"]));
    expect(only("Permissions").textContent).toBe("ReadWriteDocument");
    const shared = elements("Set").filter((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(shared).toHaveLength(1);
    expect(shared[0].getAttribute("MinVersion")).toBe("1.1");
  });

  test("every resid resolves to a resource, with ids of at most 32 characters", () => {
    const ids = resources();
    const used = Array.from(doc.getElementsByTagName("*")).filter((e) => (e as Element).hasAttribute("resid"));
    expect(used.length).toBeGreaterThan(10);
    for (const element of used as Element[]) {
      expect(ids.has(resid(element)) ? resid(element) : `missing ${resid(element)}`).toBe(resid(element));
    }
    for (const id of ids.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("short strings fit 125 characters and long strings 250, in every language", () => {
    for (const { kind, element } of resources().values()) {
      const limit = kind === "ShortStrings" ? 125 : kind === "LongStrings" ? 250 : 2048;
      const texts = [element.getAttribute("DefaultValue") as string].concat(
        elements("Override", element).map((o) => o.getAttribute("Value") as string),
      );
      for (const text of texts) expect(text.length).toBeLessThanOrEqual(limit);
    }
  });

  test("the runtime, the functions page, the function file and the pane are one page", () => {
    const runtime = only("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = resolve(resid(runtime));
    const customFunctions = elements("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions");
    expect(customFunctions).toBeDefined();
    const cf = customFunctions as Element;
    const cfPage = resolve(resid(only("SourceLocation", only("Page", cf))));
    const functionFile = resolve(resid(only("FunctionFile")));
    const paneActions = elements("Action").filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(paneActions.length).toBeGreaterThanOrEqual(1);
    const panes = paneActions.map((a) => resolve(resid(only("SourceLocation", a))));
    const defaultPage = only("SourceLocation", only("DefaultSettings")).getAttribute("DefaultValue");
    expect(new Set([page, cfPage, functionFile, defaultPage, ...panes])).toEqual(
      new Set(["https://localhost:3000/taskpane.html"]),
    );
    // The script and metadata are the functions entry's webpack outputs, served beside the page.
    const script = resolve(resid(only("SourceLocation", only("Script", cf))));
    const metadata = resolve(resid(only("SourceLocation", only("Metadata", cf))));
    expect(script).toBe(new URL("functions.js", page).href);
    expect(metadata).toBe(new URL("functions.json", page).href);
  });

  test("the custom functions live in the TIERS namespace, a valid id of at most 32 characters", () => {
    const namespace = resolve(resid(only("Namespace")));
    expect(namespace).toBe("TIERS");
    expect(namespace).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
  });

  test("a ribbon button opens the pane and the context-menu command names a registered action", () => {
    const buttons = elements("Control").filter((c) => c.getAttribute("xsi:type") === "Button");
    const openers = buttons.filter((b) => only("Action", b).getAttribute("xsi:type") === "ShowTaskpane");
    expect(openers.map((b) => b.getAttribute("id"))).toEqual(["Tiers.OpenPane"]);
    const functionNames = elements("FunctionName").map((f) => f.textContent);
    expect(functionNames).toEqual(["showTiersPane"]);
    const commands = readFileSync(join(root, "src", "commands", "commands.ts"), "utf8");
    expect(commands).toContain(`Office.actions.associate("showTiersPane"`);
  });

  test("every URL is https", () => {
    const urls = Array.from(doc.getElementsByTagName("*")).flatMap((e) =>
      Array.from((e as Element).attributes)
        .map((a) => a.value)
        .filter((v) => /^[a-z]+:\/\//i.test(v) && !v.startsWith("http://schemas.microsoft.com/"))
        .filter((v) => !v.startsWith("http://www.w3.org/")),
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  test("icons exist in assets/ at 16, 32, 64 and 80 px and each reference matches its size", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(join(root, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
    const images = resources();
    for (const image of elements("Image")) {
      if (!image.hasAttribute("resid")) continue;
      const url = images.get(resid(image))?.value as string;
      const size = Number(image.getAttribute("size"));
      expect(pngSize(repoFileOf(url))).toEqual({ width: size, height: size });
    }
    for (const [tag, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]] as const) {
      const file = repoFileOf(only(tag).getAttribute("DefaultValue") as string);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});
