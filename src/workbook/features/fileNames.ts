// File names made from what users typed (owner names): safe on every common file system and honest
// about what they are. Pure; runs in Node and in the browser.
// - Characters Windows, macOS or mail clients refuse (\ / : * ? " < > |) become "_".
// - Control characters (C0, DEL, C1), bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE makes
//   "…gnp.exe.xlsx" display as "…xslx.exe.png") and invisible format characters are removed.
// - A name is at most 255 bytes of UTF-8 (ext4, APFS, NTFS's 255 UTF-16 units are then also kept), cut
//   at a character boundary (a whole grapheme: no half of a surrogate pair, no accent without its
//   letter), so a long Chinese name is shortened, not refused halfway through a run.
// - Names of one run never equal each other case-insensitively (NTFS and APFS would merge them), and
//   a name reserved first (the company-wide copy's) is never taken by another.

/** The most bytes a file name may have on the common file systems (ext4, APFS, NTFS in UTF-16 units). */
export const MAX_NAME_BYTES = 255;

// C0 controls and DEL, C1 controls, Arabic letter mark, zero-width and directional marks and
// embeddings/overrides/isolates, line and paragraph separators, word joiner and invisible operators,
// the byte-order mark, interlinear annotation and object replacement controls.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const REFUSED = /[\\/:*?"<>|]/g;

const encoder = new TextEncoder();

/** UTF-8 length of a text. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * A part of a file name from user text: invisible and refused characters handled as above, NFC,
 * trimmed, no leading dots (hidden files) or trailing dots and spaces (Windows drops them); "_" when
 * nothing is left.
 *
 * @example
 * cleanNamePart("Li\u202Egnp.exe") // "Lignp.exe"
 * cleanNamePart("A/B: C")         // "A_B_ C"
 * cleanNamePart(" ..hidden. ")    // "hidden"
 */
export function cleanNamePart(text: string): string {
  const cleaned = text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(REFUSED, "_")
    .trim()
    .replace(/^\.+/, "")
    .replace(/[. ]+$/, "");
  return cleaned || "_";
}

/** The text's graphemes (user-perceived characters), or code points where Intl.Segmenter is missing. */
function graphemes(text: string): string[] {
  const Segmenter = (Intl as unknown as { Segmenter?: new (locale?: string, options?: { granularity: string }) => { segment(text: string): Iterable<{ segment: string }> } }).Segmenter;
  if (Segmenter) return [...new Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.segment);
  return Array.from(text);
}

/**
 * The longest start of `text` whose UTF-8 is at most `bytes` long, cut between graphemes.
 *
 * @example
 * cutToBytes("客户分级", 7) // "客户" (each character is 3 bytes)
 * cutToBytes("abc", 10)    // "abc"
 */
export function cutToBytes(text: string, bytes: number): string {
  if (utf8Bytes(text) <= bytes) return text;
  let out = "";
  let used = 0;
  for (const g of graphemes(text)) {
    const size = utf8Bytes(g);
    if (used + size > bytes) break;
    out += g;
    used += size;
  }
  return out;
}

/**
 * Hands out file names "<base>.<part>.xlsx" (or "<base>.<part> (2).xlsx" on a clash), each at most
 * 255 bytes and different, case-insensitively, from every other name it has handed out or reserved.
 *
 * @example
 * const names = new FileNamer("graded");
 * names.take("everyone") // "graded.everyone.xlsx"
 * names.take("Everyone") // "graded.Everyone (2).xlsx"
 */
export class FileNamer {
  private readonly used = new Set<string>();
  private readonly base: string;

  constructor(
    base: string,
    private readonly extension = ".xlsx",
  ) {
    // The base keeps at most half the room, so every part has room of its own.
    this.base = cutToBytes(cleanNamePart(base), Math.floor((MAX_NAME_BYTES - utf8Bytes(extension)) / 2));
  }

  /** A name for `part` not taken yet (in a case-insensitive sense), now taken. */
  take(part: string): string {
    const cleaned = cleanNamePart(part);
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : ` (${n})`;
      const room = MAX_NAME_BYTES - utf8Bytes(`${this.base}.${suffix}${this.extension}`);
      const name = `${this.base}.${cutToBytes(cleaned, room)}${suffix}${this.extension}`;
      const key = name.normalize("NFC").toLowerCase();
      if (this.used.has(key)) continue;
      this.used.add(key);
      return name;
    }
  }
}
