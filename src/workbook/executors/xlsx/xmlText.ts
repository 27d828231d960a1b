// XML text escaping, done by hand because the executor edits parts as text (see openXlsx.ts for why).

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/;

/**
 * Text escaped for an XML element or attribute value; characters XML 1.0 cannot hold are dropped.
 *
 * @example
 * escapeXml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  // Most texts (a million customers' names) need nothing: one test instead of five replacements.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Thrown for text that is not well-formed XML; the message names the offset. (Here, below xmlTokens.ts, which re-exports it.) */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    /**
     * True when the text ends inside a token or an element, so more text could mend it: a window of a
     * streamed sheet then waits for the next piece. Set by the thrower, never read from the wording.
     */
    readonly cut = false,
  ) {
    super(`${reason} (at character ${offset})`);
  }

  /** The same error for text that starts `base` characters into the part (a window of a streamed sheet). */
  shifted(base: number): XmlSyntaxError {
    return base === 0 ? this : new XmlSyntaxError(this.reason, this.offset + base, this.cut);
  }
}

/**
 * Text with XML entities and character references resolved, and Excel's _xHHHH_ escapes decoded.
 *
 * @example
 * unescapeXml("1 &lt; 2 &#x26; 3") // "1 < 2 & 3"
 * unescapeXml("a_x000D_b")         // "a\rb"
 */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0 && text.indexOf("_x") < 0) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string, at: number) => {
      if (ref[0] === "#") {
        const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        // Past Unicode's last code point no character exists (String.fromCodePoint throws a RangeError).
        if (!(code <= 0x10ffff)) throw new XmlSyntaxError(`The character reference ${whole} names no character`, at);
        return String.fromCodePoint(code);
      }
      return NAMED[ref] ?? whole;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/**
 * The value of one attribute in an element's attribute text, unescaped; undefined when absent.
 *
 * @example
 * attribute(' r="B2" t="s"', "t") // "s"
 */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    // Compiled once per name: the sheet scanner asks for "r" and "t" of every cell.
    pattern = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  return unescapeXml(match[2] ?? match[3] ?? "");
}

const WITH_ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/**
 * An element's attribute text with one attribute set (added or replaced), or removed when value is undefined.
 *
 * @example
 * withAttribute(' ref="A1:E9"', "ref", "A1:H9") // ' ref="A1:H9"'
 */
export function withAttribute(attributes: string, name: string, value: string | undefined): string {
  let pattern = WITH_ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    // Compiled once per name: the streamed sheet's editor drops "spans" from every row it changes.
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    WITH_ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const without = attributes.replace(pattern, "");
  return value === undefined ? without : `${without} ${name}="${escapeXml(value)}"`;
}
