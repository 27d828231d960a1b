// ADDIN_URL, the one name README.md gives for the production address: the webpack config, invoked
// as `npm run build` invokes it (production mode, ADDIN_URL in the environment), rewrites every
// localhost URL of manifest.xml to it. The manifest is transformed by the config's own copy step,
// the one that writes dist/manifest.xml (build.test.ts checks the built file itself).
import { readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
const ADDIN_URL = "https://example.test/addin/";

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer) => string | Buffer;
}

/** The production manifest exactly as the config's copy step writes it, under the given environment. */
async function builtManifest(env: Record<string, string | undefined>, mode = "production"): Promise<string> {
  const saved = { ADDIN_URL: process.env.ADDIN_URL, TIERS_URL_PROD: process.env.TIERS_URL_PROD };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    const configure = require(join(root, "webpack.config.js"));
    const config = await configure({}, { mode });
    const copy = config.plugins.find((plugin: { constructor: { name: string } }) => plugin.constructor.name === "CopyPlugin");
    const pattern = (copy.patterns as CopyPattern[]).find((p) => p.from === "manifest.xml");
    if (!pattern?.transform) throw new Error("the config copies manifest.xml without a transform");
    return String(pattern.transform(readFileSync(join(root, "manifest.xml"))));
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

test("ADDIN_URL replaces every localhost URL of the manifest, and every URL is then on it", async () => {
  const source = readFileSync(join(root, "manifest.xml"), "utf8");
  const localhost = source.match(/https:\/\/localhost:3000\/[^"<\s]*/g) ?? [];
  expect(localhost.length).toBeGreaterThan(8);

  const manifest = await builtManifest({ ADDIN_URL });
  expect(manifest).not.toMatch(/localhost/i);
  const urls = manifest.match(/https:\/\/[^"<\s]+/g) ?? [];
  const ours = urls.filter((url) => url.startsWith(ADDIN_URL));
  expect(ours).toHaveLength(localhost.length);
  // Each localhost URL became the same path under ADDIN_URL, in order.
  expect(ours).toEqual(localhost.map((url) => url.replace("https://localhost:3000/", ADDIN_URL)));
});

test("a URL without the trailing slash gets one; the old name TIERS_URL_PROD is not read", async () => {
  expect(await builtManifest({ ADDIN_URL: "https://example.test/addin" })).toContain(`${ADDIN_URL}taskpane.html`);
  const manifest = await builtManifest({ ADDIN_URL: undefined, TIERS_URL_PROD: "https://old-name.example.test/" });
  expect(manifest).not.toContain("old-name.example.test");
  expect(manifest).toContain("https://customer-tiers.example.com/taskpane.html");
});

test("an ADDIN_URL that is not https is refused with a message naming it", async () => {
  await expect(builtManifest({ ADDIN_URL: "http://example.test/addin/" })).rejects.toThrow(/ADDIN_URL must be an https:\/\/ URL/);
});

test("the development build keeps localhost", async () => {
  expect(await builtManifest({ ADDIN_URL }, "development")).toContain("https://localhost:3000/taskpane.html");
});
