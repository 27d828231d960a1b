// The commands bundle outside and inside Office: it associates its one command only when Office is
// there and answers with a host, and never throws without it (the page in a browser, office.js
// blocked). The real page is checked in Chromium by test/e2e/withoutOffice.e2e.test.ts.
import { registerCommands, showTiersPane } from "../../src/commands/commands";

type OfficeLike = Parameters<typeof registerCommands>[0];

function officeAnswering(host: string | null, associate?: (id: string, f: unknown) => void): OfficeLike {
  return { onReady: async () => ({ host, platform: null }), actions: associate ? { associate } : undefined } as unknown as OfficeLike;
}

test("without Office, or outside a host, nothing is associated and nothing throws", async () => {
  await expect(registerCommands(undefined)).resolves.toBe(false);
  const associated: string[] = [];
  await expect(registerCommands(officeAnswering(null, (id) => associated.push(id)))).resolves.toBe(false);
  await expect(registerCommands(officeAnswering("Excel"))).resolves.toBe(false);
  expect(associated).toEqual([]);
});

test("in Excel the manifest's FunctionName is associated with showTiersPane", async () => {
  const associated = new Map<string, unknown>();
  await expect(registerCommands(officeAnswering("Excel", (id, f) => associated.set(id, f)))).resolves.toBe(true);
  expect([...associated]).toEqual([["showTiersPane", showTiersPane]]);
});
