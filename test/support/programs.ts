// Suites that drive a real program (LibreOffice, Chromium) skip, with a message, where it is not
// installed; in CI (CI=true, as .ci/run and most CI services set it) a missing program fails the run
// instead, so a green CI always means the real programs ran.

/** Whether this run is CI's: the CI variable set to anything but "" , "0" or "false". */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/**
 * `describe(name, body)` when nothing is missing. Otherwise, outside CI, `describe.skip` with a warning
 * naming what is missing; in CI, a suite whose one test fails with that message.
 */
export function describeNeeding(missing: string | undefined, name: string, body: () => void, env: NodeJS.ProcessEnv = process.env): void {
  if (!missing) {
    describe(name, body);
  } else if (inCI(env)) {
    describe(name, () => {
      test(`needs ${missing}`, () => {
        throw new Error(`${missing} is not installed, and CI must run "${name}" (.ci/run installs it).`);
      });
    });
  } else {
    console.warn(`SKIPPED "${name}": ${missing} is not installed; .ci/run installs it.`);
    describe.skip(`${name} [skipped: ${missing} not installed]`, body);
  }
}
