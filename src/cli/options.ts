// The options of the smaller commands (migrate, share, split): "--name value" or "--name=value", plus
// positional arguments. `grade` has its own parser (gradeArguments.ts) for its richer checks.

/** Options by name and positional arguments, or undefined when an option is unknown or lacks its value. */
export function parseOptions(args: string[], names: readonly string[]): { values: Record<string, string>; positional: string[] } | undefined {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (!names.includes(name) || value === undefined) return undefined;
    values[name] = value;
  }
  return { values, positional };
}
