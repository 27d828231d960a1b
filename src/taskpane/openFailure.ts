// Why a file the analyst chose could not be opened as a workbook, in the analyst's words. The libraries
// underneath (JSZip) say "Can't find end of central directory"; the analyst needs to know what the file
// is and what to do. Decided from the file's first bytes, never from a library's message:
// - D0 CF 11 E0 A1 B1 1A E1 is an OLE compound file ([MS-CFB] 2.2, the header signature). Excel stores
//   an .xls there, and also an .xlsx saved with a password: the encrypted package goes into a compound
//   file with the streams "EncryptionInfo" and "EncryptedPackage" ([MS-OFFCRYPTO] 2.3.4.1, 2.3.4.4);
//   directory entry names are UTF-16LE.
// - "PK" is a zip (an .xlsx is one); a zip that is not a workbook (no xl/workbook.xml) or is damaged.
// - Anything whose first bytes are text (no NUL, no control bytes) is a text file: CSV renamed .xlsx.

import { inBoth } from "../text";
import type { Text } from "../workbook/types";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Array.from(word).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.length === 0) return false;
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) return false;
  return true;
}

export type OpenFailureKind = "encrypted" | "xls" | "text" | "empty" | "not-workbook";

/** What the bytes are, when they are not an .xlsx workbook that can be read. */
export function openFailureKind(bytes: Uint8Array): OpenFailureKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, CFB)) return hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage") ? "encrypted" : "xls";
  if (looksLikeText(bytes)) return "text";
  return "not-workbook";
}


/** The message for a file that could not be opened, in both languages. */
export function openFailureMessage(bytes: Uint8Array): Text {
  const kind = openFailureKind(bytes);
  return inBoth((text) => text.openFailure[kind]);
}
