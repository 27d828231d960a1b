// A pull tokenizer for the XML of a package part, with XML namespaces resolved (Namespaces in XML
// 1.0: prefixes bound by xmlns attributes, scoped to the element and its descendants).
//
// Written by hand rather than with saxes or sax: the executor rewrites a part by splicing text, so it
// needs each element's exact start and end offsets in the part (saxes reports a position after a tag,
// not where it began, and no offsets for the element's end), and it runs once per cell of a sheet of up
// to a million rows, so it must not build an object per attribute. Element and attribute names are
// compared by namespace URI and local name, never by prefix, so <x:row>, <row> and strict-OOXML
// namespaces read alike.

import { unescapeXml, XmlSyntaxError } from "./xmlText";

/** SpreadsheetML's main namespace, transitional and strict (ISO/IEC 29500 Strict). */
export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
/** Office document relationships (the r: of r:id), transitional and strict. */
export const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const OFFICE_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
/** Package relationships (.rels parts; the same in strict). */
export const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Markup compatibility (mc:AlternateContent). */
export const MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** Whether a namespace URI is SpreadsheetML's main namespace, transitional or strict. */
export function isMain(uri: string): boolean {
  return uri === MAIN || uri === MAIN_STRICT;
}

/** Whether a namespace URI is the office-document relationships namespace, transitional or strict. */
export function isOfficeRel(uri: string): boolean {
  return uri === OFFICE_REL || uri === OFFICE_REL_STRICT;
}

export type Scope = Readonly<Record<string, string>>;

/** The scope every document starts in: the xml prefix is bound, the default namespace is none. */
export const ROOT_SCOPE: Scope = Object.freeze({ xml: XML_NS, "": "" });

export const enum Token {
  End = 0,
  Open = 1,
  Close = 2,
  Text = 3,
  /** A comment, processing instruction, XML declaration or document type declaration. */
  Other = 4,
}

export { XmlSyntaxError };

/**
 * Walks a part's XML token by token. After next() returns Open, `name`, `local`, `uri`, the attribute
 * span and `selfClosing` describe the start tag, `start`..`end` its text; after Close, `name`, `local`
 * and `uri` the end tag (a self-closing tag also yields a Close, with start === end). Text tokens carry
 * raw text (entity references unresolved) or a CDATA section's content.
 *
 * @example
 * const t = new XmlTokens('<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="2"/>');
 * t.next(); // Token.Open
 * [t.local, isMain(t.uri), t.attribute("r")] // ["row", true, "2"]
 */
export class XmlTokens {
  kind: Token = Token.End;
  /** Offsets of the current token's text in the part (end exclusive). */
  start = 0;
  end = 0;
  /** The qualified name as written, its local part and its namespace URI ("" for none). */
  name = "";
  local = "";
  uri = "";
  selfClosing = false;
  /** The attribute text of the current start tag (between the name and ">" or "/>"). */
  attrStart = 0;
  attrEnd = 0;
  /** Elements open around the current position (the current start tag included). */
  depth = 0;
  private at: number;
  private scope: Scope;
  private readonly scopes: Scope[] = [];
  private readonly names: string[] = [];
  private pendingClose = false;
  private cdata = false;

  constructor(
    readonly xml: string,
    scope: Scope = ROOT_SCOPE,
    from = 0,
    private readonly to = xml.length,
  ) {
    this.at = from;
    this.scope = scope;
  }

  /** The namespace bindings in force at the current token (after its own declarations for a start tag). */
  get bindings(): Scope {
    return this.scope;
  }

  next(): Token {
    const xml = this.xml;
    if (this.pendingClose) {
      // The Close half of a self-closing tag.
      this.pendingClose = false;
      this.kind = Token.Close;
      this.start = this.end;
      this.depth--;
      this.scope = this.scopes.pop()!;
      this.names.pop();
      return this.kind;
    }
    const at = this.at;
    if (at >= this.to) return (this.kind = Token.End);
    this.cdata = false;
    this.start = at;
    if (xml.charCodeAt(at) !== 60 /* < */) {
      let lt = xml.indexOf("<", at);
      if (lt < 0 || lt > this.to) lt = this.to;
      this.end = this.at = lt;
      return (this.kind = Token.Text);
    }
    const second = xml.charCodeAt(at + 1);
    if (second === 47 /* / */) {
      const gt = xml.indexOf(">", at + 2);
      if (gt < 0) throw new XmlSyntaxError("An end tag is not closed", at, true);
      // Compared in place with the open element's name: no string is made per end tag.
      const name = this.names.length > 0 ? this.names[this.names.length - 1] : "";
      let after = at + 2 + name.length;
      while (after < gt && xml.charCodeAt(after) <= 32) after++;
      if (this.names.length === 0 || after !== gt || !xml.startsWith(name, at + 2)) {
        throw new XmlSyntaxError(`The end tag ${xml.slice(at, gt + 1)} does not match <${name}>`, at);
      }
      this.names.pop();
      this.resolveName(name, true);
      this.end = this.at = gt + 1;
      this.depth--;
      this.scope = this.scopes.pop()!;
      return (this.kind = Token.Close);
    }
    if (second === 33 /* ! */) {
      if (xml.startsWith("<!--", at)) {
        const close = xml.indexOf("-->", at + 4);
        if (close < 0) throw new XmlSyntaxError("A comment is not closed", at, true);
        this.end = this.at = close + 3;
        return (this.kind = Token.Other);
      }
      if (xml.startsWith("<![CDATA[", at)) {
        const close = xml.indexOf("]]>", at + 9);
        if (close < 0) throw new XmlSyntaxError("A CDATA section is not closed", at, true);
        this.end = this.at = close + 3;
        this.cdata = true;
        return (this.kind = Token.Text);
      }
      // <!DOCTYPE ...> possibly with an internal subset in brackets.
      let i = at + 2;
      let bracket = 0;
      for (; i < xml.length; i++) {
        const c = xml.charCodeAt(i);
        if (c === 91) bracket++;
        else if (c === 93) bracket--;
        else if (c === 62 && bracket <= 0) break;
      }
      this.end = this.at = i + 1;
      return (this.kind = Token.Other);
    }
    if (second === 63 /* ? */) {
      const close = xml.indexOf("?>", at + 2);
      if (close < 0) throw new XmlSyntaxError("A processing instruction is not closed", at, true);
      this.end = this.at = close + 2;
      return (this.kind = Token.Other);
    }
    // A start tag: the name runs to the first white space, "/" or ">".
    let i = at + 1;
    for (;;) {
      const c = xml.charCodeAt(i);
      if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) break;
      if (Number.isNaN(c)) throw new XmlSyntaxError("A start tag is not closed", at, true);
      i++;
    }
    const name = xml.slice(at + 1, i);
    this.attrStart = i;
    // The tag ends at the first ">" outside a quoted attribute value: indexOf (native) finds a candidate,
    // and only the tag's own characters are walked to skip quoted values and notice xmlns declarations.
    let gt = xml.indexOf(">", i);
    if (gt < 0) throw new XmlSyntaxError("A start tag is not closed", at, true);
    let hasXmlns = false;
    /** Where the first prefixed attribute name's colon is (x14ac:dyDescent), to check its prefix once the tag's own declarations are in. */
    let prefixed = -1;
    for (let j = i; j < gt; j++) {
      const c = xml.charCodeAt(j);
      if (c === 120 /* x */ && xml.startsWith("xmlns", j)) hasXmlns = true;
      if (c === 58 /* : */ && prefixed < 0) prefixed = j;
      // "<" outside a quoted value cannot stand in a tag: <worksheet xm</c>lns="..."> is a broken tag, not
      // a tag without its namespace declaration.
      if (c === 60) throw new XmlSyntaxError("A start tag holds a '<'", j);
      if (c !== 34 && c !== 39) continue;
      const close = xml.indexOf(c === 34 ? '"' : "'", j + 1);
      if (close < 0) throw new XmlSyntaxError("An attribute value is not closed", j, true);
      // XML 1.0 §2.3 (AttValue): a value holds no "<", and §3.1: attributes are parted by white space. A
      // stray quote (<c r="A t="s">) would otherwise make a "value" of the markup up to the next quote
      // and drop the cells inside it without a word.
      const lt = xml.indexOf("<", j + 1);
      if (lt >= 0 && lt < close) throw new XmlSyntaxError("An attribute value holds a '<' (or its closing quote is missing)", lt);
      // (Text that ends right after the quote is cut, as a window of a streamed sheet may be: not closed.)
      if (close + 1 >= xml.length) throw new XmlSyntaxError("A start tag is not closed", at, true);
      const after = xml.charCodeAt(close + 1);
      if (!(after === 32 || after === 62 || after === 47 || after === 9 || after === 10 || after === 13)) {
        throw new XmlSyntaxError("Attributes are not separated by white space", close + 1);
      }
      j = close;
      if (close > gt) {
        gt = xml.indexOf(">", close + 1);
        if (gt < 0) throw new XmlSyntaxError("A start tag is not closed", at, true);
      }
    }
    i = gt;
    this.selfClosing = xml.charCodeAt(i - 1) === 47;
    this.attrEnd = this.selfClosing ? i - 1 : i;
    this.end = this.at = i + 1;
    this.scopes.push(this.scope);
    this.names.push(name);
    if (hasXmlns) this.scope = this.declare(this.scope);
    if (prefixed >= 0) this.checkAttributePrefixes(prefixed);
    this.depth++;
    this.resolveName(name, true);
    this.pendingClose = this.selfClosing;
    return (this.kind = Token.Open);
  }

  /**
   * The value of an attribute of the current start tag, entity references resolved; by qualified name
   * as written when `uri` is not given (fine for unprefixed attributes such as r, t, s, which are in no
   * namespace), else by namespace URI and local name.
   */
  attribute(name: string, uri?: string): string | undefined {
    const raw = this.rawAttribute(name, uri);
    return raw === undefined ? undefined : unescapeXml(raw);
  }

  /** An attribute's value as written (entity references unresolved). */
  rawAttribute(name: string, uri?: string): string | undefined {
    const xml = this.xml;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      let c = xml.charCodeAt(i);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++i);
      if (i >= end) break;
      const eq = xml.indexOf("=", i);
      if (eq < 0 || eq >= end) throw new XmlSyntaxError("An attribute has no value", i);
      // Only white space may stand between "=" and the opening quote, and the value closes inside the
      // tag: s=>256" (a value without quotes) is refused, not searched for beyond the tag.
      let q = eq + 1;
      let quote = xml.charCodeAt(q);
      while (quote === 32 || quote === 9 || quote === 10 || quote === 13) quote = xml.charCodeAt(++q);
      if (q >= end || (quote !== 34 && quote !== 39)) throw new XmlSyntaxError("An attribute value is not quoted", i);
      const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0 || close >= end) throw new XmlSyntaxError("An attribute value is not closed", q);
      let nameEnd = eq;
      while (nameEnd > i && xml.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      if (uri === undefined) {
        // Compared in place: no string is made for names that do not match.
        if (nameEnd - i === name.length && xml.startsWith(name, i)) return xml.slice(q + 1, close);
      } else if (this.attributeMatches(xml.slice(i, nameEnd), name, uri)) return xml.slice(q + 1, close);
      i = close + 1;
    }
    return undefined;
  }

  /**
   * Checks the syntax of every attribute of the current start tag (name, "=", a quoted value closed in
   * the tag), which next() leaves to the reads of attributes: throws XmlSyntaxError as rawAttribute does.
   */
  checkAttributes(): void {
    // A name no attribute has ("=" cannot stand in one): rawAttribute walks them all.
    this.rawAttribute("=");
  }

  /** The attribute text of the current start tag, as written. */
  get attributeText(): string {
    return this.xml.slice(this.attrStart, this.attrEnd);
  }

  /** The text of the current Text token, entity references and _xHHHH_ escapes resolved (CDATA as it is). */
  text(): string {
    if (this.cdata) return this.xml.slice(this.start + 9, this.end - 3);
    const raw = this.xml.slice(this.start, this.end);
    return unescapeXml(raw);
  }

  /** After an Open, moves past the element's end (its Close token is consumed); returns the end offset. */
  skipElement(): number {
    const depth = this.depth;
    while (this.next() !== Token.End) {
      if (this.kind === Token.Close && this.depth < depth) return this.end;
    }
    throw new XmlSyntaxError("An element is not closed", this.start, true);
  }

  /**
   * After an Open, moves past the element's end by finding its end tag's text: only for text known
   * to hold no comment, CDATA section or processing instruction after this point (nothing else can
   * hide "</name>"), where the element cannot nest an element of its own name (a row in a row).
   * The content is not checked for well-formedness. Returns the end offset.
   */
  skipPlainElement(): number {
    if (this.selfClosing) {
      this.next();
      return this.end;
    }
    const name = this.names[this.names.length - 1];
    let close = this.xml.indexOf(`</${name}`, this.end);
    // "</row" must be the whole name: followed by ">" or white space.
    while (close >= 0 && this.xml.charCodeAt(close + 2 + name.length) > 32 && this.xml.charCodeAt(close + 2 + name.length) !== 62) {
      close = this.xml.indexOf(`</${name}`, close + 2);
    }
    const gt = close < 0 ? -1 : this.xml.indexOf(">", close);
    if (gt < 0) throw new XmlSyntaxError(`<${name}> is not closed`, this.start, true);
    this.names.pop();
    this.scope = this.scopes.pop()!;
    this.depth--;
    this.kind = Token.Close;
    this.start = close;
    this.end = this.at = gt + 1;
    return this.end;
  }

  /**
   * The text content of the current element (its descendants' text joined), moving past its end.
   * Entity references and Excel's _xHHHH_ escapes resolved.
   */
  textContent(): string {
    if (this.selfClosing) {
      this.next();
      return "";
    }
    const depth = this.depth;
    let text = "";
    while (this.next() !== Token.End) {
      if (this.kind === Token.Text) text += this.text();
      else if (this.kind === Token.Close && this.depth < depth) return text;
    }
    throw new XmlSyntaxError("An element is not closed", this.start, true);
  }

  private attributeMatches(qname: string, local: string, uri: string): boolean {
    const colon = qname.indexOf(":");
    if (colon < 0) return uri === "" && qname === local;
    return qname.slice(colon + 1) === local && this.scope[qname.slice(0, colon)] === uri;
  }

  private resolveName(name: string, element: boolean): void {
    this.name = name;
    const colon = name.indexOf(":");
    if (colon < 0) {
      this.local = name;
      this.uri = element ? this.scope[""] ?? "" : "";
      return;
    }
    const prefix = name.slice(0, colon);
    this.local = name.slice(colon + 1);
    const uri = this.scope[prefix];
    if (uri === undefined) throw undeclared(prefix, name, this.start);
    this.uri = uri;
  }

  /**
   * Every prefixed attribute name of the current start tag, from the colon at `from` on, names a declared
   * prefix (xmlns:p itself declares one).
   */
  private checkAttributePrefixes(from: number): void {
    const xml = this.xml;
    for (let j = from; j < this.attrEnd; j++) {
      const c = xml.charCodeAt(j);
      if (c === 34 || c === 39) {
        j = xml.indexOf(c === 34 ? '"' : "'", j + 1);
        continue;
      }
      if (c !== 58) continue;
      let start = j;
      while (start > this.attrStart && xml.charCodeAt(start - 1) > 32) start--;
      const prefix = xml.slice(start, j);
      if (prefix !== "xmlns" && this.scope[prefix] === undefined) {
        let end = j;
        while (end < this.attrEnd && xml.charCodeAt(end) !== 61 /* = */ && xml.charCodeAt(end) > 32) end++;
        throw undeclared(prefix, xml.slice(start, end), start);
      }
    }
  }

  private declare(parent: Scope): Scope {
    const scope: Record<string, string> = { ...parent };
    const xml = this.xml;
    const pattern = /\s(xmlns(?::([^\s=]+))?)\s*=\s*("([^"]*)"|'([^']*)')/g;
    const text = xml.slice(this.attrStart - 1, this.attrEnd);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const value = unescapeXml(match[4] ?? match[5] ?? "");
      scope[match[2] ?? ""] = value;
    }
    return scope;
  }
}

/**
 * A name whose prefix no xmlns declaration in force binds. Namespaces in XML 1.0 §5 ("Prefix
 * Declared"); Excel reports such a part as unreadable content (ycphs/openxlsx#540, an undeclared xr9:
 * in styles.xml), and LibreOffice stops reading the sheet there (measured: the rest of the sheet is
 * gone), so neither shows what the file says: refused, not skipped.
 */
function undeclared(prefix: string, name: string, at: number): XmlSyntaxError {
  return new XmlSyntaxError(`The prefix "${prefix}" of ${name} is not declared (no xmlns:${prefix})`, at);
}

/** The prefix to write for elements of `uri` where `scope` is in force: "" for the default namespace, undefined when unbound. */
export function prefixFor(scope: Scope, uris: readonly string[]): string | undefined {
  if (uris.includes(scope[""] ?? "")) return "";
  for (const prefix of Object.keys(scope)) if (prefix !== "" && uris.includes(scope[prefix])) return prefix;
  return undefined;
}

/**
 * An XML fragment written by the add-in (unprefixed SpreadsheetML elements, attributes in no
 * namespace) with its element names given `prefix`, for a part whose SpreadsheetML elements are
 * prefixed (<x:worksheet>). Only for fragments the add-in builds: text there is escaped, so "<" only
 * starts tags.
 *
 * @example
 * withPrefix('<c r="A1"><v>1</v></c>', "x") // '<x:c r="A1"><x:v>1</x:v></x:c>'
 */
export function withPrefix(fragment: string, prefix: string): string {
  if (!prefix) return fragment;
  return fragment.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}:`);
}

/**
 * The root element of a part (as rootElement gives it) after reading the whole part: throws an
 * XmlSyntaxError when the text is not well-formed (a tag, comment or element not closed, an end tag that
 * does not match, a second root, no root at all). For the small parts the add-in edits by pattern
 * (styles, tables), so that an edit never lands in text a spreadsheet would refuse anyway.
 */
export function wellFormedRoot(xml: string): NonNullable<ReturnType<typeof rootElement>> {
  const tokens = new XmlTokens(xml);
  let root: ReturnType<typeof rootElement>;
  while (tokens.next() !== Token.End) {
    if (tokens.kind === Token.Text && tokens.depth === 0 && xml.slice(tokens.start, tokens.end).trim() !== "") {
      throw new XmlSyntaxError("Text stands outside the root element", tokens.start);
    }
    if (tokens.kind !== Token.Open) continue;
    tokens.checkAttributes();
    if (tokens.depth !== 1) continue;
    if (root) throw new XmlSyntaxError(`A second root element <${tokens.name}> follows the first`, tokens.start);
    const colon = tokens.name.indexOf(":");
    root = { prefix: colon < 0 ? "" : tokens.name.slice(0, colon), uri: tokens.uri, local: tokens.local, scope: tokens.bindings, start: tokens.start, end: tokens.end };
  }
  if (!root) throw new XmlSyntaxError("The part has no root element", 0);
  if (tokens.depth !== 0) throw new XmlSyntaxError("An element is not closed", xml.length);
  return root;
}

/** The root element of a part: its qualified name's prefix, namespace URI and bindings. */
export function rootElement(xml: string): { prefix: string; uri: string; local: string; scope: Scope; start: number; end: number } | undefined {
  const tokens = new XmlTokens(xml);
  while (tokens.next() !== Token.End) {
    if (tokens.kind === Token.Open) {
      const colon = tokens.name.indexOf(":");
      return {
        prefix: colon < 0 ? "" : tokens.name.slice(0, colon),
        uri: tokens.uri,
        local: tokens.local,
        scope: tokens.bindings,
        start: tokens.start,
        end: tokens.end,
      };
    }
  }
  return undefined;
}
