// Helpers for the tests that run `tiers` as a real child process (bin/tiers.js through node) and hurt
// it for real: kill -9, a file-size limit, a folder it may not write.

import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { customerHeaders, syntheticCustomers, weightSheetRows } from "../../bench/customers";
import { BUILDS, ensureBuilt } from "../support/builds";

/** bin/tiers.js runs the compiled lib/: each file that runs it as a child process builds it first when stale. */
beforeAll(() => ensureBuilt(BUILDS.lib), 600000);

export const BIN = path.join(__dirname, "..", "..", "bin", "tiers.js");

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  pid: number;
}

/** Options of a child run: a shell prefix (e.g. "ulimit -f 4"), a user to run as, and when to kill it. */
export interface ChildOptions {
  shellPrefix?: string;
  uid?: number;
  gid?: number;
  env?: Record<string, string>;
  /** Called once the child has started; may kill it. */
  onStart?: (child: { pid: number; kill: () => void }) => void;
}

/** Runs `node bin/tiers.js <args>` and resolves when it has exited (by itself or killed). */
export function runTiers(args: string[], options: ChildOptions = {}): Promise<Finished> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const command = options.shellPrefix ? "bash" : process.execPath;
  const argv = options.shellPrefix ? ["-c", `${options.shellPrefix}; exec ${quoted}`] : [BIN, ...args];
  const start = Date.now();
  const child = spawn(command, argv, {
    env: { ...process.env, LANG: "en_US.UTF-8", TIERS_DEBUG: "", ...options.env },
    uid: options.uid,
    gid: options.gid,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const pid = child.pid ?? -1;
  options.onStart?.({ pid, kill: () => child.kill("SIGKILL") });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - start, pid }));
  });
}

/** Lines of text that look like a JavaScript stack frame. */
export function stackFrames(text: string): string[] {
  return text.split("\n").filter((line) => /^\s+at /.test(line));
}

/** Files in a folder whose names mark them as a tiers temporary file. */
export function temporaryFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.includes(".tiers-writing-"));
}

const BIG_VERSION = 1;

/** Column letters of a 0-based column index (A, B, ..., Z, AA, ...). */
function letters(column: number): string {
  let s = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A worksheet's XML for rows of strings (shared, by index into `strings`) and numbers, as Excel writes it. */
function sheetXml(rows: (string | number)[][], strings: Map<string, number>): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  rows.forEach((row, r) => {
    let cells = "";
    row.forEach((value, c) => {
      const ref = `${letters(c)}${r + 1}`;
      if (typeof value === "number") cells += `<c r="${ref}"><v>${value}</v></c>`;
      else if (value !== "") {
        let at = strings.get(value);
        if (at === undefined) strings.set(value, (at = strings.size));
        cells += `<c r="${ref}" t="s"><v>${at}</v></c>`;
      }
    });
    parts.push(`<row r="${r + 1}">${cells}</row>`);
  });
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The path of an .xlsx with the benchmark's 12-indicator weight table and `n` synthetic customers,
 * generated once into the system's temporary folder (shared strings, as Excel writes them) and reused.
 */
export async function bigWorkbook(n: number): Promise<string> {
  const file = path.join(os.tmpdir(), `tiers-cli-test-customers-${n}-v${BIG_VERSION}.xlsx`);
  if (fs.existsSync(file)) return file;
  const customers = syntheticCustomers(n);
  const rows: (string | number)[][] = [customerHeaders()];
  for (let i = 0; i < n; i++) rows.push([customers.ids[i], ...customers.indicatorValues.map((column) => column[i])]);
  const strings = new Map<string, number>();
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  const zip = new JSZip();
  zip.file("xl/worksheets/sheet1.xml", sheetXml(rows, strings));
  zip.file("xl/worksheets/sheet2.xml", sheetXml(weightSheetRows("minmax"), strings));
  const sst = [...strings.keys()].map((s) => `<si><t>${escapeXml(s)}</t></si>`).join("");
  zip.file("xl/sharedStrings.xml", `${head}<sst xmlns="${main}" count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`);
  zip.file(
    "[Content_Types].xml",
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${ct}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/><sheet name="Weights" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const data = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const part = `${file}.${process.pid}.part`;
  fs.writeFileSync(part, data);
  fs.renameSync(part, file);
  return file;
}

/**
 * True when `file` is a complete graded workbook of `n` customers: every part inflates with its CRC-32
 * right, the workbook records what the add-in wrote, and the last customer's row has a Tier cell.
 */
export async function isCompleteGrade(file: string, n: number): Promise<boolean> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(fs.readFileSync(file), { checkCRC32: true });
  } catch {
    return false;
  }
  // The add-in's record (a Custom XML part in its namespace) is written with the rest of the package.
  const record = Object.keys(zip.files).filter((name) => /^customXml\/item\d+\.xml$/.test(name));
  const texts = await Promise.all(record.map((name) => zip.file(name)!.async("string")));
  if (!texts.some((text) => text.includes("urn:customer-tiers:state"))) return false;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = await zip.file(name)!.async("string");
    // After the ID and 12 indicators (A:M) come Score, Rank and Tier (N, O, P).
    if (xml.includes(`<c r="P${n + 1}"`)) return true;
  }
  return false;
}
