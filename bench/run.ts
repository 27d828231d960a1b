// `npm run bench [-- --quick] [-- --only <section>] [-- --out <file>]`: runs the performance suite
// (issue 8), prints a table and writes BENCHMARKS.md. Heavy measurements run in child processes with
// --expose-gc (bench/inChild.ts), so this process needs no flags and `npm run bench` works as is.

import * as fs from "fs";
import * as path from "path";
import type { BenchOptions, Figure, Section } from "./figure";
import { notMeasured } from "./figure";
import { thisMachine } from "./machine";
import { benchmarksMarkdown, consoleTable, sectionMarkdown } from "./report";

/** Every section in report order, each loaded only when it runs so one broken import cannot stop the rest. */
export const SECTION_NAMES = ["engine", "functions", "excel", "xlsx", "scale", "formulas", "pane"];

export interface BenchArgs {
  quick: boolean;
  only?: string;
  out: string;
}

/**
 * The command line's options. Throws RangeError on an unknown option or section.
 *
 * @example parseArgs(["--quick", "--only", "engine"], "/repo") // { quick: true, only: "engine", out: "/repo/BENCHMARKS.md" }
 */
export function parseArgs(argv: string[], root: string): BenchArgs {
  const args: BenchArgs = { quick: false, out: path.join(root, "BENCHMARKS.md") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--quick") args.quick = true;
    else if (a === "--only") {
      const name = argv[++i];
      if (!SECTION_NAMES.includes(name)) throw new RangeError(`--only takes one of ${SECTION_NAMES.join(", ")}; got "${name ?? ""}"`);
      args.only = name;
    } else if (a === "--out") {
      const out = argv[++i];
      if (!out) throw new RangeError("--out needs a file name");
      args.out = path.resolve(out);
    } else throw new RangeError(`unknown option "${a}" (use --quick, --only <section>, --out <file>)`);
  }
  return args;
}

async function loadSection(name: string): Promise<Section> {
  const loaded = (await import(`./sections/${name}`)) as Record<string, () => Section>;
  const make = loaded[`${name}Section`];
  if (typeof make !== "function") throw new Error(`bench/sections/${name}.ts exports no ${name}Section()`);
  return make();
}

/**
 * Runs `sections` (or each named section), prints the table, writes `out`, and returns every figure.
 * A section that throws becomes one "not measured" figure with its error message.
 * @example await runBench({ quick: true, out: "/tmp/B.md" }, [engineSection([500])]) // [{ section: "engine", what: "grade minmax/shares, n = 500", value: 0.9, ratio: 31.2, ... }, ...]
 */
export async function runBench(args: BenchArgs, sections?: Section[], log: (line: string) => void = (l) => console.log(l)): Promise<Figure[]> {
  const root = path.resolve(__dirname, "..");
  const scratch = path.join(root, ".bench-out");
  fs.mkdirSync(scratch, { recursive: true });
  const options: BenchOptions = { quick: args.quick, root, scratch, log };
  const machine = thisMachine();
  const names = sections ? sections.map((s) => s.name) : args.only ? [args.only] : SECTION_NAMES;
  const figures: Figure[] = [];
  const fresh = new Map<string, string>();
  for (const name of names) {
    let section: Section | undefined = sections?.find((s) => s.name === name);
    let found: Figure[];
    try {
      section ??= await loadSection(name);
      log(`== ${name}`);
      const started = Date.now();
      found = await section.run(options);
      log(`== ${name}: ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (error) {
      found = [notMeasured(name, name, (error as Error).message.split("\n")[0])];
    }
    figures.push(...found);
    fresh.set(name, sectionMarkdown(section ?? { name, about: "" }, found, machine.date, args.quick));
  }
  log("");
  log(consoleTable(figures));
  const previous = fs.existsSync(args.out) ? fs.readFileSync(args.out, "utf8") : "";
  const order = sections ? names : SECTION_NAMES;
  fs.writeFileSync(args.out, benchmarksMarkdown(machine, order, fresh, previous));
  log(`\nwrote ${path.relative(process.cwd(), args.out) || args.out}`);
  return figures;
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  let args: BenchArgs;
  try {
    args = parseArgs(process.argv.slice(2), root);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const started = Date.now();
  runBench(args).then(
    () => console.log(`bench finished in ${Math.round((Date.now() - started) / 1000)} s`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
