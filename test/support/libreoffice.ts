// LibreOffice as the independent judge of the .xlsx files the add-in writes: it opens them,
// recalculates every formula (a private profile sets OOXMLRecalcMode to "always"), and converts them to
// CSV and PDF; pdftoppm renders pages as a person would see them.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describeNeeding } from "./programs";

const SOFFICE_CANDIDATES = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/libreoffice/program/soffice"];

/** The soffice binary, or undefined when LibreOffice is not installed (CI installs it). */
export const soffice: string | undefined = SOFFICE_CANDIDATES.find((file) => fs.existsSync(file));

/** pdftoppm (poppler-utils), or undefined. */
export const pdftoppm: string | undefined = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((file) => fs.existsSync(file));

/**
 * `describe` when LibreOffice and pdftoppm are installed; else skipped with a message saying so, so a
 * missing LibreOffice is visible in the test output and never silently passes, and in CI (CI=true) a failure.
 */
export function describeWithLibreOffice(name: string, body: () => void): void {
  const missing = !soffice ? "LibreOffice (soffice)" : !pdftoppm ? "pdftoppm (poppler-utils)" : undefined;
  describeNeeding(missing, name, body);
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh working directory with a private LibreOffice profile that always recalculates on load. */
export function libreOfficeWorkspace(): { dir: string; profile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-lo-"));
  const profile = path.join(dir, "profile");
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return { dir, profile };
}

function run(profile: string, args: string[]): void {
  if (!soffice) throw new Error("LibreOffice is not installed");
  execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", ...args], {
    stdio: "pipe",
    timeout: 180000,
  });
}

/** A tiny CSV reader (RFC 4180: quotes, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Every sheet of a workbook as LibreOffice computes it (formulas recalculated), by sheet name: raw
 * values, not as formatted. One soffice run for all sheets.
 */
export function sheetsAsCsv(xlsx: string, sheetNames: string[]): Record<string, string[][]> {
  const { dir, profile } = libreOfficeWorkspace();
  const input = path.join(dir, "book.xlsx");
  fs.copyFileSync(xlsx, input);
  // Tokens: comma, double quote, UTF-8, from line 1, -, -, quote text no, -, save as shown NO (raw
  // values), formulas no, -, sheet -1 = every sheet to book-<Sheet>.csv.
  run(profile, ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, input]);
  const sheets: Record<string, string[][]> = {};
  for (const name of sheetNames) {
    const file = path.join(dir, `book-${name}.csv`);
    if (fs.existsSync(file)) sheets[name] = parseCsv(fs.readFileSync(file, "utf8"));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return sheets;
}

/** A page rendered by pdftoppm as raw RGB pixels (PPM). */
export interface Page {
  width: number;
  height: number;
  rgb: Uint8Array;
  png: string;
}

function readPpm(file: string): { width: number; height: number; rgb: Uint8Array } {
  const data = fs.readFileSync(file);
  // P6 header: magic, width, height, maxval, each separated by whitespace, then binary RGB.
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]))) i++;
    let token = "";
    while (!/\s/.test(String.fromCharCode(data[i]))) token += String.fromCharCode(data[i++]);
    tokens.push(token);
  }
  if (tokens[0] !== "P6") throw new Error(`not a PPM: ${tokens[0]}`);
  return { width: Number(tokens[1]), height: Number(tokens[2]), rgb: new Uint8Array(data.buffer, data.byteOffset + i + 1) };
}

/**
 * Each sheet of the workbook rendered as one page (LibreOffice's SinglePageSheets PDF export), page n
 * being sheet n; returns the requested page (1-based) as pixels, with a PNG beside it for a person.
 */
export function renderSheet(xlsx: string, page: number, dpi = 60): Page {
  if (!pdftoppm) throw new Error("pdftoppm is not installed");
  const { dir, profile } = libreOfficeWorkspace();
  const input = path.join(dir, "book.xlsx");
  fs.copyFileSync(xlsx, input);
  run(profile, ["--convert-to", 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}', "--outdir", dir, input]);
  const pdf = path.join(dir, "book.pdf");
  const base = path.join(dir, "page");
  execFileSync(pdftoppm, ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, base], { timeout: 60000 });
  execFileSync(pdftoppm, ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, base], { timeout: 60000 });
  const pixels = readPpm(`${base}.ppm`);
  // The PNG stays for a person to look at; the profile and the intermediate files go.
  fs.rmSync(profile, { recursive: true, force: true });
  for (const file of [input, pdf, `${base}.ppm`]) fs.rmSync(file, { force: true });
  return { ...pixels, png: `${base}.png` };
}

/**
 * Pixels of a colour family in a page: the chart bars are the only blue on the summary sheet.
 * Returns the count and the x-runs (column ranges) where such pixels occur.
 */
export function colouredPixels(page: Page, isColour: (r: number, g: number, b: number) => boolean): { count: number; columns: [number, number][] } {
  let count = 0;
  const used = new Array<boolean>(page.width).fill(false);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      const at = (y * page.width + x) * 3;
      if (isColour(page.rgb[at], page.rgb[at + 1], page.rgb[at + 2])) {
        count++;
        used[x] = true;
      }
    }
  }
  const columns: [number, number][] = [];
  for (let x = 0; x < page.width; x++) {
    if (!used[x]) continue;
    const start = x;
    while (x + 1 < page.width && used[x + 1]) x++;
    columns.push([start, x]);
  }
  return { count, columns };
}
