// TIERS.* formulas as a file stores them, and their native Excel equivalents where one is exact.
//
// A custom function is stored in the file under a prefixed name: TIERS.CUSTOMERTIER(...) is written as
// _xldudf_TIERS_CUSTOMERTIER(...) (the namespace and the function joined by "_"; "." is accepted too). Files edited by
// other tools may carry the display form TIERS.CUSTOMERTIER(...); both are recognised.
// Written by hand: it is a small scanner over formula text (string literals, nested parentheses and
// array constants), not a formula engine, and no package parses Excel formulas both ways.

const CALL = /(?:_xldudf_TIERS[_.]|TIERS\.)([A-Za-z][A-Za-z0-9]*)\s*\(/iy;
const ANY_CALL = /(?:_xldudf_TIERS[_.]|(?<![A-Za-z0-9_.])TIERS\.)[A-Za-z]/i;

/**
 * Whether a formula (stored form, no leading "=") calls a TIERS function outside its string literals.
 *
 * @example
 * hasTiersCall("_xldudf_TIERS_CUSTOMERRANK(F2,$F$2:$F$9)") // true
 * hasTiersCall('IF(A1="TIERS.GRADE(",1,2)')               // false
 */
export function hasTiersCall(formula: string): boolean {
  if (!ANY_CALL.test(formula)) return false;
  return codeParts(formula).some((part) => ANY_CALL.test(part));
}

/** The formula's text outside string literals. */
function codeParts(formula: string): string[] {
  return formula.split(/"(?:[^"]|"")*"/);
}

/** The end (index after ")") and the top-level arguments of a call whose "(" is at `open`. */
function callArguments(formula: string, open: number): { args: string[]; end: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      i++;
      while (i < formula.length && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
    } else if (ch === "(" || ch === "{") {
      depth++;
    } else if (ch === ")" || ch === "}") {
      depth--;
      if (depth === 0) {
        args.push(formula.slice(start, i));
        return { args: args.length === 1 && args[0].trim() === "" ? [] : args, end: i + 1 };
      }
    } else if (ch === "," && depth === 1) {
      args.push(formula.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

/**
 * The native formula of one TIERS call, when Excel has an exact equivalent: CUSTOMERRANK is RANK.EQ,
 * CUSTOMERTIER with its default shares and labels is the RANK.EQ/COUNT chain of docs/DESIGN.md §2, and
 * PARETOCLASS with its default cut-offs and labels is the SUMIF chain. Undefined otherwise.
 */
function nativeCall(name: string, args: string[]): string | undefined {
  const fn = name.toUpperCase();
  if (args.length !== 2 || args.some((arg) => arg.trim() === "")) return undefined;
  const [x, range] = args;
  if (fn === "CUSTOMERRANK") return `_xlfn.RANK.EQ(${x},${range})`;
  if (fn === "CUSTOMERTIER") {
    const rank = `_xlfn.RANK.EQ(${x},${range})`;
    return `IF(${rank}<=0.2*COUNT(${range}),"A",IF(${rank}<=0.5*COUNT(${range}),"B","C"))`;
  }
  if (fn === "PARETOCLASS") {
    const share = `SUMIF(${range},">"&${x})/SUM(${range})`;
    return `IF(${share}<0.8,"A",IF(${share}<0.95,"B","C"))`;
  }
  return undefined;
}

/**
 * The formula with every TIERS call replaced by its exact native equivalent (stored form, `_xlfn.`
 * prefixes included), or undefined when any call has none (GRADE, CUSTOMERSCORE, AHP..., or a call
 * with non-default shares, cut-offs or labels): such a formula can only become its value.
 *
 * @example
 * nativeFormula("_xldudf_TIERS_CUSTOMERRANK(F2,$F$2:$F$9)")
 * // "_xlfn.RANK.EQ(F2,$F$2:$F$9)"
 * nativeFormula("_xldudf_TIERS_CUSTOMERTIER(F2,$F$2:$F$9)")
 * // 'IF(_xlfn.RANK.EQ(F2,$F$2:$F$9)<=0.2*COUNT($F$2:$F$9),"A",IF(_xlfn.RANK.EQ(F2,$F$2:$F$9)<=0.5*COUNT($F$2:$F$9),"B","C"))'
 * nativeFormula("_xldudf_TIERS_CUSTOMERTIER(F2,$F$2:$F$9,{0.1,0.9})") // undefined
 */
export function nativeFormula(formula: string): string | undefined {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i === 0 ? "" : formula[i - 1];
    CALL.lastIndex = i;
    const match = /[A-Za-z0-9_.]/.test(before) ? null : CALL.exec(formula);
    if (!match) {
      out += ch;
      i++;
      continue;
    }
    const call = callArguments(formula, i + match[0].length - 1);
    if (!call) return undefined;
    const args: string[] = [];
    for (const arg of call.args) {
      const inner = nativeFormula(arg);
      if (inner === undefined) return undefined;
      args.push(inner);
    }
    const native = nativeCall(match[1], args);
    if (native === undefined) return undefined;
    out += native;
    i = call.end;
  }
  return out;
}
