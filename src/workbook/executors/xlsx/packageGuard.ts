// What is checked before a package is trusted: what kind of file the bytes are (a zip, an encrypted
// workbook, an .xls, something else), and how much a part may inflate to.

import type JSZip from "jszip";
import { packageError } from "./packageErrors";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A stream name as a Compound File directory entry holds it: UTF-16LE ([MS-CFB] 2.6.1). */
function utf16(name: string): Uint8Array {
  const bytes = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) bytes[i * 2] = name.charCodeAt(i);
  return bytes;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  for (let i = haystack.indexOf(first); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/**
 * Refuses bytes that are not a zip package, saying what they are: an Office file encrypted with a
 * password is a Compound File (magic D0 CF 11 E0 A1 B1 1A E1) holding EncryptionInfo and
 * EncryptedPackage streams ([MS-OFFCRYPTO] 2.3.4); an Excel 97-2003 file is a Compound File holding a
 * Workbook (or, before Excel 97, Book) stream ([MS-XLS] 2.1.2). The stream names are found as the
 * directory entries store them (UTF-16LE), which needs no Compound File reader.
 *
 * @example
 * sniffPackage(new TextEncoder().encode("id,name\n1,a")) // throws code "not-xlsx"
 */
export function sniffPackage(bytes: Uint8Array): void {
  if (bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    if (contains(bytes, utf16("EncryptedPackage")) || contains(bytes, utf16("EncryptionInfo"))) throw packageError("encrypted");
    if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) throw packageError("xls");
    throw packageError("not-xlsx", { detail: "it is an older Office file (a Compound File) without a workbook" });
  }
  // A zip starts with a local file header (PK 3 4), or is an empty archive (PK 5 6).
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || !((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) {
    const head = String.fromCharCode(...bytes.subarray(0, 512));
    // eslint-disable-next-line no-control-regex
    const text = head.length > 0 && !/[\u0000-\u0008\u000E-\u001F]/.test(head);
    const detail = bytes.length === 0 ? "the file is empty" : text ? (/^\s*</.test(head) ? "it is text (XML or HTML)" : "it is text (CSV or similar)") : "it is not a zip package";
    throw packageError("not-xlsx", { detail });
  }
}

/**
 * The most a part may inflate to: a whole part is held as one string, and V8 holds at most 2^29 - 24
 * characters (UTF-8 never decodes to more characters than bytes), so 512 MiB; a sheet near Excel's
 * last row is about that size.
 */
export const MAX_PART_BYTES = 512 * 1024 * 1024;
/**
 * The compression-ratio guard: a part inflating past GRACE_BYTES to more than MAX_RATIO times its
 * compressed size is a zip bomb, not a workbook. The values are Apache POI's defaults
 * (ZipSecureFile: minimum inflate ratio 0.01, grace entry size 100 KB), which POI applies to every
 * .xlsx it opens; sheet XML as spreadsheets write it inflates 5 to 30 times.
 */
export const MAX_RATIO = 100;
export const GRACE_BYTES = 100 * 1024;

interface StreamHelper {
  on(event: "data", listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", listener: (error: Error) => void): StreamHelper;
  on(event: "end", listener: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** The sizes the zip's central directory declares for an entry (JSZip keeps them on `_data`). */
function declaredSizes(file: JSZip.JSZipObject): { compressed: number; uncompressed: number } | undefined {
  const data = (file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
  return data && typeof data.compressedSize === "number" && typeof data.uncompressedSize === "number"
    ? { compressed: data.compressedSize, uncompressed: data.uncompressedSize }
    : undefined;
}

/**
 * A part's bytes, inflated under the guards: refused (packageError "too-large") as soon as the
 * inflated bytes pass MAX_PART_BYTES or MAX_RATIO times the compressed size (beyond GRACE_BYTES),
 * whatever the central directory declares, so a bomb never inflates further than the bound.
 */
export function inflatePart(file: JSZip.JSZipObject): Promise<Uint8Array> {
  const sizes = declaredSizes(file);
  const limit = Math.min(MAX_PART_BYTES, sizes ? Math.max(GRACE_BYTES, sizes.compressed * MAX_RATIO) : MAX_PART_BYTES);
  const tooLarge = (size: number) =>
    packageError("too-large", {
      what: `the part ${file.name} (${size.toLocaleString("en-US")} bytes or more inflated${sizes ? ` from ${sizes.compressed.toLocaleString("en-US")} compressed` : ""})`,
      limit: size > MAX_PART_BYTES ? `${MAX_PART_BYTES.toLocaleString("en-US")} bytes` : `${MAX_RATIO} times its compressed size`,
    });
  if (sizes && sizes.uncompressed > limit) return Promise.reject(tooLarge(sizes.uncompressed));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const stream = (file as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (done) return;
        total += chunk.length;
        if (total > limit) {
          done = true;
          stream.pause();
          chunks.length = 0;
          reject(tooLarge(total));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (error) => {
        if (!done) reject(error);
        done = true;
      })
      .on("end", () => {
        if (done) return;
        done = true;
        if (chunks.length === 1) return resolve(chunks[0]);
        const all = new Uint8Array(total);
        let at = 0;
        for (const chunk of chunks) {
          all.set(chunk, at);
          at += chunk.length;
        }
        resolve(all);
      })
      .resume();
  });
}

/** A part's text (UTF-8, or UTF-16 with a byte-order mark, as XML allows), inflated under the guards. */
export async function partString(file: JSZip.JSZipObject): Promise<string> {
  const bytes = await inflatePart(file);
  try {
    // Every browser and Node have TextDecoder; a test DOM (jsdom) may not: JSZip's own decoder then,
    // now that the bounded inflation has shown the part's size is safe.
    if (typeof TextDecoder === "undefined") return await file.async("string");
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes);
    }
    return new TextDecoder("utf-8").decode(bytes);
  } catch (error) {
    throw asTooLarge(error, `the part ${file.name}`);
  }
}

/**
 * A RangeError of V8's string limit ("Invalid string length": a part or a rewritten part over about
 * 512 M characters, a sheet near Excel's last row) as the too-large refusal; other errors as they are.
 */
export function asTooLarge(error: unknown, what: string): unknown {
  if (error instanceof RangeError && /string length/i.test(error.message)) {
    return packageError("too-large", { what, limit: "the 512 M characters a part can have while this version holds each part whole" });
  }
  return error;
}
