// The options of every command, read by Node's util.parseArgs: "--name value" or "--name=value", plus
// positional arguments ("--" ends the options). parseArgs runs non-strict with tokens so that each
// mistake gets its own sentence in the user's language (its strict errors are English only): an unknown
// option, an option without its value, a value given to a flag, an option given twice.

import { parseArgs } from "util";
import type { CliText } from "./cliText";

/** Each option's name without the dashes, and whether it takes a value ("string") or is a flag. */
export type OptionSpec = Record<string, "string" | "boolean">;

export type ParsedOptions<S extends OptionSpec> =
  | {
      ok: true;
      /** The options given: a value for a "string" option, true for a flag. */
      values: { [K in keyof S]?: S[K] extends "string" ? string : true };
      positional: string[];
    }
  | { ok: false; message: (text: CliText) => string };

/**
 * The options and positional arguments of `args`, or why they cannot be used.
 *
 * @example
 * parseOptions(["book.xlsx", "--out=x.xlsx", "--risk"], { out: "string", risk: "boolean" })
 * // { ok: true, values: { out: "x.xlsx", risk: true }, positional: ["book.xlsx"] }
 * parseOptions(["--out", "a", "--out", "b"], { out: "string" }) // { ok: false, message: (t) => t.repeatedOption("--out") }
 */
export function parseOptions<S extends OptionSpec>(args: string[], spec: S): ParsedOptions<S> {
  const options = Object.fromEntries(Object.entries(spec).map(([name, type]) => [name, { type }]));
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | true> = {};
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") positional.push(token.value);
    if (token.kind !== "option") continue;
    const name = token.rawName;
    const type = Object.prototype.hasOwnProperty.call(spec, token.name) ? spec[token.name] : undefined;
    if (type === undefined) return { ok: false, message: (t) => t.unknownOption(name) };
    if (token.name in values) return { ok: false, message: (t) => t.repeatedOption(name) };
    if (type === "boolean") {
      if (token.value !== undefined) return { ok: false, message: (t) => t.flagValue(name) };
      values[token.name] = true;
      continue;
    }
    // "-" alone is a value (--json -); any other dash-word after a separate option is the next option.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
      return { ok: false, message: (t) => t.missingValue(name) };
    }
    values[token.name] = token.value;
  }
  return { ok: true, values: values as Extract<ParsedOptions<S>, { ok: true }>["values"], positional };
}
