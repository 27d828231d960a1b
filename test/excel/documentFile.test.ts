// The open workbook as a file, on a stand-in of Office's file API that keeps its rules: slices of at most
// the requested size, every opened file closed again (Office allows two open handles per document), and
// errors reported through the callback's status.

import { documentBaseName, documentBytes, openAsNewWorkbook } from "../../src/workbook/executors/excel";

interface FakeFile {
  bytes: Uint8Array;
  failSlice?: number;
  failOpen?: string;
}

const SUCCEEDED = "succeeded";
const FAILED = "failed";
let opened = 0;
let closed = 0;
let sliceSizes: number[] = [];
const created: string[] = [];

function install(file: FakeFile, url = "https://contoso.sharepoint.com/sites/sales/Shared%20Documents/Q3%20customers.xlsx"): void {
  opened = 0;
  closed = 0;
  sliceSizes = [];
  created.length = 0;
  const g = globalThis as Record<string, unknown>;
  g.window = globalThis;
  g.Excel = { createWorkbook: async (base64: string) => void created.push(base64) };
  g.Office = {
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
    context: {
      document: {
        url,
        getFileAsync(type: string, options: { sliceSize: number }, callback: (result: unknown) => void) {
          if (type !== "compressed") throw new Error("only the compressed file type is asked for");
          if (file.failOpen) {
            setTimeout(() => callback({ status: FAILED, error: { message: file.failOpen } }));
            return;
          }
          if (opened - closed >= 2) throw new Error("more than two open file handles");
          opened++;
          const size = options.sliceSize;
          const sliceCount = Math.ceil(file.bytes.length / size);
          const value = {
            sliceCount,
            size: file.bytes.length,
            getSliceAsync(index: number, done: (result: unknown) => void) {
              if (index === file.failSlice) {
                setTimeout(() => done({ status: FAILED, error: { message: "The slice could not be read." } }));
                return;
              }
              const data = Array.from(file.bytes.subarray(index * size, (index + 1) * size));
              sliceSizes.push(data.length);
              setTimeout(() => done({ status: SUCCEEDED, value: { data, index } }));
            },
            closeAsync(done?: () => void) {
              closed++;
              setTimeout(() => done?.());
            },
          };
          setTimeout(() => callback({ status: SUCCEEDED, value }));
        },
      },
    },
  };
}

function bytesOf(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7919 + (i >> 8)) & 0xff;
  return bytes;
}

test("reads the document in 4 MB slices, joins them in order and closes the file", async () => {
  const bytes = bytesOf(9 * 1024 * 1024 + 17);
  install({ bytes });
  const read = await documentBytes();
  expect(sliceSizes).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024, 1024 * 1024 + 17]);
  expect(read.length).toBe(bytes.length);
  expect(Buffer.from(read).equals(Buffer.from(bytes))).toBe(true);
  expect([opened, closed]).toEqual([1, 1]);
});

test("a failed slice rejects with Office's message and still closes the file; a failed open rejects", async () => {
  install({ bytes: bytesOf(9 * 1024 * 1024), failSlice: 1 });
  await expect(documentBytes()).rejects.toThrow("The slice could not be read.");
  expect([opened, closed]).toEqual([1, 1]);
  install({ bytes: bytesOf(10), failOpen: "The document is busy." });
  await expect(documentBytes()).rejects.toThrow("The document is busy.");
  expect([opened, closed]).toEqual([0, 0]);
});

test("a copy opens as a new workbook from base64 of exactly its bytes (beyond one 32 KB chunk)", async () => {
  install({ bytes: bytesOf(1) });
  const copy = bytesOf(100_003);
  await openAsNewWorkbook("copy.xlsx", copy);
  expect(created).toHaveLength(1);
  expect(Buffer.from(Buffer.from(created[0], "base64")).equals(Buffer.from(copy))).toBe(true);
});

test("the base name of copies comes from the document's URL or path", () => {
  install({ bytes: bytesOf(1) });
  expect(documentBaseName()).toBe("Q3 customers");
  install({ bytes: bytesOf(1) }, "C:\\Users\\li\\Documents\\客户分级.xlsm");
  expect(documentBaseName()).toBe("客户分级");
  install({ bytes: bytesOf(1) }, "");
  expect(documentBaseName()).toBe("workbook");
  install({ bytes: bytesOf(1) }, "https://x/bad%E0%A4%A.xlsx");
  expect(documentBaseName()).toBe("bad%E0%A4%A");
});
