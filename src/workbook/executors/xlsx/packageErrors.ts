// Why a file cannot be read as a workbook, in both languages, with a stable code the command line maps
// to its exit status ("encrypted", "xls", "not-xlsx", "too-large", "no-content-types", "bad-xml").

export type PackageErrorCode = "encrypted" | "xls" | "not-xlsx" | "too-large" | "no-content-types" | "bad-xml";

export interface PackageError extends Error {
  code: PackageErrorCode;
  /** The same sentence in each language the add-in speaks. */
  messages: { "en-US": string; "zh-CN": string };
}

type Params = Record<string, string>;

const MESSAGES: Record<PackageErrorCode, { "en-US": (p: Params) => string; "zh-CN": (p: Params) => string }> = {
  encrypted: {
    "en-US": () =>
      "This workbook is password-protected (encrypted), so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.",
    "zh-CN": () => "该工作簿受密码保护（已加密），无法读取。请在 Excel 中打开它，删除密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），保存后重试。",
  },
  xls: {
    "en-US": () =>
      "This is an Excel 97-2003 workbook (.xls), not an .xlsx. Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx), then try again.",
    "zh-CN": () => "这是 Excel 97-2003 工作簿（.xls），不是 .xlsx。请在 Excel 或 LibreOffice 中打开并另存为 Excel 工作簿（.xlsx）后重试。",
  },
  "not-xlsx": {
    "en-US": (p) => `This file is not an Excel workbook (.xlsx)${p.detail ? `: ${p.detail}` : ""}. If it is a CSV or another format, open it in Excel and save it as an Excel Workbook (.xlsx).`,
    "zh-CN": (p) => `该文件不是 Excel 工作簿（.xlsx）${p.detail ? `：${p.detail}` : ""}。如果它是 CSV 或其他格式，请在 Excel 中打开并另存为 Excel 工作簿（.xlsx）。`,
  },
  "too-large": {
    "en-US": (p) => `The workbook is larger than Excel allows or than can be read safely: ${p.what} exceeds ${p.limit}. Nothing was written.`,
    "zh-CN": (p) => `工作簿超出了 Excel 的上限或可安全读取的范围：${p.what} 超过 ${p.limit}。未写入任何内容。`,
  },
  "no-content-types": {
    "en-US": () =>
      "The file is a zip package without [Content_Types].xml, so it is not a valid .xlsx (it may have been re-zipped by hand). Open it in Excel or LibreOffice and save it again; the add-in does not repair packages.",
    "zh-CN": () => "该文件是缺少 [Content_Types].xml 的 zip 包，不是有效的 .xlsx（可能被手工重新压缩过）。请在 Excel 或 LibreOffice 中打开并重新保存；本加载项不修复文件包。",
  },
  "bad-xml": {
    "en-US": (p) => `The part ${p.part} of the workbook is not well-formed XML (${p.detail}). Open the file in Excel and save it again.`,
    "zh-CN": (p) => `工作簿的部件 ${p.part} 不是格式正确的 XML（${p.detail}）。请在 Excel 中打开并重新保存该文件。`,
  },
};

/**
 * An Error with a stable `code` and its message in en-US (`message`) and zh-CN (`messages`).
 *
 * @example
 * packageError("xls").code // "xls"
 * packageError("too-large", { what: "row 1,048,577", limit: "1,048,576 rows" }).message
 * // "The workbook is larger than Excel allows ...: row 1,048,577 exceeds 1,048,576 rows. Nothing was written."
 */
export function packageError(code: PackageErrorCode, params: Params = {}): PackageError {
  const messages = { "en-US": MESSAGES[code]["en-US"](params), "zh-CN": MESSAGES[code]["zh-CN"](params) };
  return Object.assign(new Error(messages["en-US"]), { code, messages });
}

/** Whether a thrown value is one of these errors. */
export function isPackageError(error: unknown): error is PackageError {
  return error instanceof Error && typeof (error as PackageError).code === "string" && typeof (error as PackageError).messages === "object";
}
