import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readSheet, sharedStrings, splitCells, splitSheet } from "../../src/workbook/executors/xlsx/sheetScanner";
import { isMain, MAIN, MAIN_STRICT, rootElement, Token, withPrefix, XmlSyntaxError, XmlTokens } from "../../src/workbook/executors/xlsx/xmlTokens";
import { parseRelationships } from "../../src/workbook/executors/xlsx/packageParts";
import { readSheetStream, textChunks } from "../../src/workbook/executors/xlsx/sheetStream";
import type { CellValue } from "../../src/workbook/types";
import { propertySeed } from "../support/seed";

const X = `xmlns:x="${MAIN}"`;

describe("the XML tokenizer: names by namespace, offsets as written", () => {
  test("a prefixed element and the same element in the default namespace resolve alike", () => {
    for (const xml of [`<x:row ${X} r="2"/>`, `<row xmlns="${MAIN}" r="2"/>`, `<s:row xmlns:s="${MAIN_STRICT}" r="2"/>`]) {
      const tokens = new XmlTokens(xml);
      expect(tokens.next()).toBe(Token.Open);
      expect([tokens.local, isMain(tokens.uri), tokens.attribute("r"), tokens.selfClosing]).toEqual(["row", true, "2", true]);
      expect(tokens.next()).toBe(Token.Close);
      expect(tokens.next()).toBe(Token.End);
    }
  });

  test("a prefix is scoped to its element: a sibling that redeclares it gets the new namespace", () => {
    const tokens = new XmlTokens(`<root><a:x xmlns:a="urn:one"/><a:x xmlns:a="urn:two"/></root>`);
    const uris: string[] = [];
    while (tokens.next() !== Token.End) if (tokens.kind === Token.Open && tokens.local === "x") uris.push(tokens.uri);
    expect(uris).toEqual(["urn:one", "urn:two"]);
  });

  test("'>' inside a quoted attribute value does not end the tag; offsets cover the whole tag", () => {
    const xml = `<c ${X.replace("xmlns:x", "xmlns")} r="A1" note='a > b' t="s"><v>1</v></c>`;
    const tokens = new XmlTokens(xml);
    tokens.next();
    expect(tokens.attribute("note")).toBe("a > b");
    expect(tokens.attribute("t")).toBe("s");
    expect(xml.slice(tokens.start, tokens.end)).toBe(xml.slice(0, xml.indexOf("<v>")));
  });

  test("comments, processing instructions, CDATA and entities", () => {
    const tokens = new XmlTokens(`<?xml version="1.0"?><!-- <row> --><t><![CDATA[<a&b>]]>&amp;&#x4E2D;</t>`);
    const seen: string[] = [];
    while (tokens.next() !== Token.End) if (tokens.kind === Token.Text) seen.push(tokens.text());
    expect(seen).toEqual(["<a&b>", "&中"]);
  });

  test("malformed XML is an error with an offset, never a silent misreading", () => {
    const read = (xml: string) => {
      const tokens = new XmlTokens(xml);
      while (tokens.next() !== Token.End);
    };
    expect(() => read("<a><b></a>")).toThrow(XmlSyntaxError);
    expect(() => read('<a b="1></a>')).toThrow(XmlSyntaxError);
  });

  test("a prefix no xmlns declares is refused, on an element or an attribute (Excel finds such a part unreadable; LibreOffice stops reading the sheet there)", () => {
    const read = (xml: string) => {
      const tokens = new XmlTokens(xml);
      while (tokens.next() !== Token.End);
    };
    // It used to be read as an element of no known namespace and skipped: a <y:c> cell was a blank.
    expect(() => read("<p:a/>")).toThrow('The prefix "p" of p:a is not declared (no xmlns:p)');
    expect(() => read(`<worksheet xmlns="${MAIN}"><row r="1" x14ac:dyDescent="0.25"/></worksheet>`)).toThrow('The prefix "x14ac" of x14ac:dyDescent is not declared');
    expect(() => read(`<worksheet xmlns="${MAIN}"><c r="A1" a:b='x:y' c:d="1"/></worksheet>`)).toThrow('The prefix "a" of a:b is not declared');
    // Declared on the same tag, on an ancestor, or the xml prefix: read as before.
    read(`<worksheet xmlns="${MAIN}" xmlns:x14ac="urn:x14ac"><row r="1" x14ac:dyDescent="0.25"/><p:a xmlns:p="urn:p" p:b="1" xml:space="preserve"/></worksheet>`);
    const tokens = new XmlTokens('<p:a xmlns:p="urn:p"/>');
    tokens.next();
    expect([tokens.local, tokens.uri, isMain(tokens.uri)]).toEqual(["a", "urn:p", false]);
  });

  test("an attribute value without quotes is refused when read, whatever follows the tag (it looped for ever)", () => {
    // Found by the near-miss property of plainRowCells.test.ts: s=>256" sent the value search past the tag
    // and, finding no closing quote, back to the tag's start.
    for (const xml of ['<c r="A1" s=>256"><v>3</v></c>', '<c r="A1" s=>256><v>3</v></c>', "<c s=3 r='A1'/>", '<c r="A1" s= >']) {
      const tokens = new XmlTokens(xml);
      tokens.next();
      expect(() => tokens.attribute("t")).toThrow(XmlSyntaxError);
    }
    const tokens = new XmlTokens(`<c r = "A1"\ts\n=\t'3'/>`);
    tokens.next();
    expect([tokens.attribute("r"), tokens.attribute("s")]).toEqual(["A1", "3"]);
  });

  test("a '<' inside a start tag is refused: <worksheet xm</c>lns=...> is a broken tag, not a tag without its namespace", () => {
    const read = (xml: string) => {
      const tokens = new XmlTokens(xml);
      while (tokens.next() !== Token.End);
    };
    expect(() => read(`<worksheet xm</c>lns="${MAIN}"><sheetData/></worksheet>`)).toThrow(XmlSyntaxError);
    expect(() => read('<c r="A1"<v>1</v></c>')).toThrow(XmlSyntaxError);
    // Nor inside a quoted value (XML 1.0 §2.3, AttValue): a stray quote would make a "value" of the
    // markup up to the next quote, and the cells in it would be lost without a word.
    expect(() => read('<c note="a<b"/>')).toThrow("An attribute value holds a '<' (or its closing quote is missing)");
    expect(() => read('<row r="3"><c r="A t="s"><v>13</v></c><c r="B3"><v>1</v></c></row>')).toThrow("Attributes are not separated by white space");
    // A text cut right after a value's closing quote (a window of a streamed sheet) is not closed, not broken.
    expect(() => read('<c a=">" r="A1"')).toThrow("A start tag is not closed");
  });

  test("a sheet that declares no namespace on its root reads alike whole and streamed, whatever it declares further on", async () => {
    const xml = '<worksheet><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData><tableParts count="1"><tablePart xmlns:r="urn:r" r:id="rId1"/></tableParts></worksheet>';
    expect(readSheet(xml, []).rows).toEqual([{ index: 0, cells: [{ column: 0, value: 7 }] }]);
    const bytes = new TextEncoder().encode(xml);
    const store = await readSheetStream(
      textChunks(
        (async function* () {
          for (let at = 0; at < bytes.length; at += 16) yield bytes.subarray(at, at + 16);
        })(),
      ),
      [],
    );
    expect(store.used).toEqual({ top: 0, left: 0, rows: 1, columns: 1 });
    const grid: CellValue[][] = [[null]];
    store.fill({ top: 0, left: 0, rows: 1, columns: 1 }, grid);
    expect(grid).toEqual([[7]]);
  });

  test("withPrefix puts a prefix on the elements of a fragment the add-in wrote", () => {
    expect(withPrefix('<c r="A1" t="inlineStr"><is><t xml:space="preserve">a &lt; b</t></is></c>', "x")).toBe(
      '<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">a &lt; b</x:t></x:is></x:c>',
    );
    expect(withPrefix("<c/>", "")).toBe("<c/>");
  });

  test("rootElement names the prefix a part uses", () => {
    expect(rootElement(`<?xml version="1.0"?>\n<x:worksheet ${X}/>`)).toMatchObject({ prefix: "x", local: "worksheet", uri: MAIN });
  });
});

describe("reading sheets written with prefixes, strict namespaces and markup compatibility", () => {
  const sheet = (body: string, decl = X) => `<x:worksheet ${decl}><x:dimension ref="A1"/><x:sheetData>${body}</x:sheetData></x:worksheet>`;

  test("an Open XML SDK sheet (x: prefix) reads every kind of cell", () => {
    const xml = sheet(
      '<x:row r="1"><x:c r="A1" t="s"><x:v>1</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>Ac</x:t></x:r><x:r><x:t>me</x:t></x:r></x:is></x:c>' +
        '<x:c r="C1" t="b"><x:v>1</x:v></x:c><x:c r="D1" t="e"><x:v>#REF!</x:v></x:c><x:c r="E1" t="d"><x:v>2024-01-01</x:v></x:c><x:c r="F1"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="G1"><x:f>1+1</x:f></x:c></x:row>',
    );
    expect(readSheet(xml, ["zero", "one"]).rows).toEqual([
      {
        index: 0,
        cells: [
          { column: 0, value: "one" },
          { column: 1, value: "Acme" },
          { column: 2, value: true },
          { column: 3, value: { error: "#REF!" } },
          { column: 4, value: 45292 },
          { column: 5, value: 2 },
          { column: 6, value: { error: "#UNCALCULATED" } },
        ],
      },
    ]);
  });

  test("rows inside mc:AlternateContent are read from its Fallback, never from a Choice", () => {
    const mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const xml = sheet(
      `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><mc:AlternateContent ${mc}><mc:Choice Requires="x99"><x:row r="2"><x:c r="A2"><x:v>99</x:v></x:c></x:row></mc:Choice><mc:Fallback><x:row r="2"><x:c r="A2"><x:v>2</x:v></x:c></x:row></mc:Fallback></mc:AlternateContent>`,
    );
    expect(readSheet(xml, []).rows.map((row) => row.cells[0].value)).toEqual([1, 2]);
    expect(splitSheet(xml).rows.map((row) => row.index)).toEqual([0, 1]);
  });

  test("elements of another namespace named like SpreadsheetML ones are not cells", () => {
    const xml = sheet('<x:row r="1"><x:c r="A1"><x:v>1</x:v><o:v xmlns:o="urn:other">9</o:v></x:c><o:c xmlns:o="urn:other" r="B1"><x:v>5</x:v></o:c></x:row>');
    expect(readSheet(xml, []).rows[0].cells).toEqual([{ column: 0, value: 1 }]);
  });

  test("a split keeps each row's text and what stands between rows; cells split with the row's bindings", () => {
    const xml = sheet('<x:row r="1"><x:c r="B1"><x:v>1</x:v></x:c></x:row><!-- kept --><x:row r="3"/>');
    const split = splitSheet(xml);
    expect(split.prefix).toBe("x");
    expect(split.rows.map((row) => [row.index, row.gap, xml.slice(row.start, row.end)])).toEqual([
      [0, "", '<x:row r="1"><x:c r="B1"><x:v>1</x:v></x:c></x:row>'],
      [2, "<!-- kept -->", '<x:row r="3"/>'],
    ]);
    expect(splitCells(split.rows[0].inner, split.rows[0].scope).map((cell) => [cell.column, cell.xml])).toEqual([[1, '<x:c r="B1"><x:v>1</x:v></x:c>']]);
  });

  test("rows past Excel's last row and cells past XFD are refused as too large", () => {
    expect(() => readSheet(sheet('<x:row r="1048577"><x:c><x:v>1</x:v></x:c></x:row>'), [])).toThrow(expect.objectContaining({ code: "too-large" }));
    expect(() => readSheet(sheet('<x:row r="1"><x:c r="XFE1"><x:v>1</x:v></x:c></x:row>'), [])).toThrow(expect.objectContaining({ code: "too-large" }));
    expect(readSheet(sheet('<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'), []).used).toEqual({ top: 1048575, left: 16383, rows: 1, columns: 1 });
  });

  test("a prefixed shared-strings part and prefixed relationships", () => {
    expect(sharedStrings(`<x:sst ${X}><x:si><x:t>甲</x:t></x:si><x:si><x:r><x:t>B</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ビ</x:t></x:rPh></x:si></x:sst>`)).toEqual(["甲", "B"]);
    expect(
      parseRelationships('<pr:Relationships xmlns:pr="http://schemas.openxmlformats.org/package/2006/relationships"><pr:Relationship Id="rId1" Type="t" Target="a.xml"/></pr:Relationships>', "_rels/.rels"),
    ).toEqual([{ id: "rId1", type: "t", target: "a.xml", external: false }]);
  });
});

describe("parts as some producers write them", () => {
  test("an empty <v/> is no value; an empty text result of a formula is the empty string", () => {
    const xml = `<x:worksheet ${X}><x:sheetData><x:row r="1"><x:c r="A1"><x:v/></x:c><x:c r="B1" t="str"><x:f>""</x:f><x:v></x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(readSheet(xml, []).rows).toEqual([{ index: 0, cells: [{ column: 1, value: "" }] }]);
  });

  test("a workbook whose parts are UTF-16 reads, and a rewritten part declares the UTF-8 it is written in", async () => {
    const JSZip = (await import("jszip")).default;
    const { openXlsx } = await import("../../src/workbook/executors/xlsx");
    const { buildWorkbook, smallCustomerSheets } = await import("./buildWorkbook");
    const { defaultSettings, gradeWorkbook } = await import("../../src/workbook/run");
    const zip = await JSZip.loadAsync(await buildWorkbook(smallCustomerSheets()));
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
    for (const part of ["xl/workbook.xml", "xl/sharedStrings.xml"]) zip.file(part, utf16(await zip.file(part)!.async("string")));
    const workbook = await openXlsx(await zip.generateAsync({ type: "uint8array" }));
    const outcome = await gradeWorkbook(workbook, defaultSettings("en-US", new Date(Date.UTC(2026, 0, 1))));
    expect(outcome.ok).toBe(true);
    const saved = await JSZip.loadAsync(await workbook.save());
    const text = await saved.file("xl/workbook.xml")!.async("string");
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect((await openXlsx(await saved.generateAsync({ type: "uint8array" })).then((w) => w.index())).sheets.map((s) => s.name)).toContain("Tier summary");
  });
});

describe("hostile text: reading ends, with cells or a refusal", () => {
  // Sheets and shared strings as producers write them (the corpus), cut, spliced and patched with pieces
  // of markup at random places: every token ends further on than the one before (a self-closing
  // element's Close, of no width, where its Open ends), or the text is refused, and the readers end,
  // returning or throwing, never loop (an unquoted attribute value once did).
  const pieces = [" ", "<", ">", '"', "'", "/", "=", "x:", "<!--", "-->", "<![CDATA[", "]]>", "<?", "?>", "&", "&amp;", "&#", ";", 'r="', "<c", "</c>", "<v>", "</v>", "<row", "</row>", 'xmlns="', "\n", "1", "<is><t>", "<f>", ' t="s"'];
  const texts: string[] = [];
  beforeAll(async () => {
    const JSZip = (await import("jszip")).default;
    for (const name of ["excel-like.xlsx", "openxml-sdk-prefixed.xlsx", "strict.xlsx", "rich-text.xlsx", "shared-formulas.xlsx", "libreoffice.xlsx"]) {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(__dirname, "..", "files", name)));
      for (const part of Object.keys(zip.files).filter((p) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(p))) texts.push(await zip.file(part)!.async("string"));
    }
  });

  test("any few edits of a real sheet (fast-check)", () => {
    expect(texts.length).toBeGreaterThan(10);
    const edit = fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...pieces), fc.integer({ min: 1, max: 6 }));
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        let xml = texts[which % texts.length];
        for (const [at, how, piece, length] of edits) {
          const k = at % (xml.length + 1);
          xml = xml.slice(0, k) + (how === "delete" ? "" : piece) + xml.slice(how === "insert" ? k : k + (how === "delete" ? length : piece.length));
        }
        const tokens = new XmlTokens(xml);
        const ends: number[] = [];
        let refused: unknown;
        try {
          while (tokens.next() !== Token.End && ends.length <= 2 * xml.length) {
            const moved = ends.length === 0 || tokens.end > ends[ends.length - 1] || (tokens.kind === Token.Close && tokens.start === tokens.end);
            if (!moved) throw new Error(`A token at ${tokens.start} ends where the one before it ended`);
            ends.push(tokens.end);
            if (tokens.kind === Token.Open) [tokens.attribute("r"), tokens.attribute("t"), tokens.attribute("id", MAIN)].forEach(() => undefined);
          }
        } catch (error) {
          refused = error;
        }
        if (refused !== undefined) expect(refused).toBeInstanceOf(XmlSyntaxError);
        expect(ends.length).toBeLessThanOrEqual(2 * xml.length);
        for (const read of [() => readSheet(xml, ["a"]), () => splitSheet(xml), () => sharedStrings(xml), () => splitCells(xml), () => rootElement(xml)]) {
          try {
            read();
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
          }
        }
      }),
      { numRuns: 2000, seed: propertySeed(20261203) },
    );
  });
});
