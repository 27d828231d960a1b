// Formulas as the file stores them. Functions newer than Excel 2007 are stored with a _xlfn. prefix
// (dynamic-array ones with _xlfn._xlws.); without it LibreOffice and older Excel show #NAME?.

const NEWER_FUNCTIONS = [
  "RANK.EQ", "RANK.AVG", "PERCENTRANK.INC", "PERCENTRANK.EXC", "PERCENTILE.INC", "PERCENTILE.EXC",
  "QUARTILE.INC", "QUARTILE.EXC", "STDEV.S", "STDEV.P", "VAR.S", "VAR.P", "MODE.SNGL", "MODE.MULT",
  "NORM.DIST", "NORM.INV", "NORM.S.DIST", "NORM.S.INV", "IFNA", "IFS", "SWITCH", "MAXIFS", "MINIFS",
  "CONCAT", "TEXTJOIN", "XLOOKUP", "XMATCH", "UNIQUE", "SEQUENCE", "SORTBY", "LET", "CEILING.MATH",
  "FLOOR.MATH", "AGGREGATE",
];
const WORKSHEET_FUNCTIONS = ["FILTER", "SORT"];

const NAME = new RegExp(
  `(^|[^A-Za-z0-9_.])(${[...NEWER_FUNCTIONS, ...WORKSHEET_FUNCTIONS].map((f) => f.replace(/\./g, "\\.")).join("|")})\\(`,
  "gi",
);

/**
 * A formula as stored in <f>: no leading "=", newer functions prefixed, string literals untouched.
 *
 * @example
 * storedFormula("=RANK.EQ(F2,$F$2:$F$9)")        // "_xlfn.RANK.EQ(F2,$F$2:$F$9)"
 * storedFormula('=IF(A1="RANK.EQ(",1,FILTER(B:B,C:C))') // 'IF(A1="RANK.EQ(",1,_xlfn._xlws.FILTER(B:B,C:C))'
 */
export function storedFormula(formula: string): string {
  const text = formula.replace(/^\s*=/, "");
  // Split on string literals ("" is an escaped quote inside one) so only code is rewritten.
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(NAME, (_, before: string, name: string) => {
            const upper = name.toUpperCase();
            const prefix = WORKSHEET_FUNCTIONS.includes(upper) ? "_xlfn._xlws." : "_xlfn.";
            return `${before}${prefix}${upper}(`;
          }),
    )
    .join("");
}
