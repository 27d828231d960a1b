// Why a file the analyst chose could not be opened as a workbook, in the analyst's words. The libraries
// underneath (JSZip) say "Can't find end of central directory"; the analyst needs to know what the file
// is and what to do. Decided from the file's first bytes, never from a library's message:
// - D0 CF 11 E0 A1 B1 1A E1 is an OLE compound file ([MS-CFB] 2.2, the header signature). Excel stores
//   an .xls there, and also an .xlsx saved with a password: the encrypted package goes into a compound
//   file with the streams "EncryptionInfo" and "EncryptedPackage" ([MS-OFFCRYPTO] 2.3.4.1, 2.3.4.4);
//   directory entry names are UTF-16LE.
// - "PK" is a zip (an .xlsx is one); a zip that is not a workbook (no xl/workbook.xml) or is damaged.
// - Anything whose first bytes are text (no NUL, no control bytes) is a text file: CSV renamed .xlsx.

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

const MESSAGES: Record<OpenFailureKind, Text> = {
  encrypted: {
    "en-US": "This workbook is protected with a password, so it cannot be read here. In Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and open it again.",
    "zh-CN": "该工作簿设置了打开密码，无法在此读取。请在 Excel 中取消密码（文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码）后保存，再重新打开。",
  },
  xls: {
    "en-US": "This is an old-format Excel file (.xls). In Excel, save it as an Excel Workbook (.xlsx) and open that.",
    "zh-CN": "这是旧格式的 Excel 文件（.xls）。请在 Excel 中另存为“Excel 工作簿（.xlsx）”，再打开新文件。",
  },
  text: {
    "en-US": "This is a text file (such as CSV), not an Excel workbook. Open it in Excel, save it as an Excel Workbook (.xlsx) and open that.",
    "zh-CN": "这是文本文件（例如 CSV），不是 Excel 工作簿。请在 Excel 中打开它，另存为“Excel 工作簿（.xlsx）”，再打开新文件。",
  },
  empty: {
    "en-US": "The file is empty. Choose the workbook again.",
    "zh-CN": "文件是空的。请重新选择工作簿。",
  },
  "not-workbook": {
    "en-US": "This file is not an Excel workbook (.xlsx), or it is damaged. Open it in Excel, save it as an Excel Workbook (.xlsx) and open that.",
    "zh-CN": "该文件不是 Excel 工作簿（.xlsx），或已损坏。请在 Excel 中打开并另存为“Excel 工作簿（.xlsx）”，再打开新文件。",
  },
};

/** The message for a file that could not be opened, in both languages. */
export function openFailureMessage(bytes: Uint8Array): Text {
  return MESSAGES[openFailureKind(bytes)];
}
