// The pane as a web page: open an .xlsx from disk and download the graded copy. The file is read and
// written in this browser only; nothing is sent anywhere.

import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookBackend } from "../workbook/types";
import type { Strings } from "./strings";

export type SavableWorkbook = WorkbookBackend & { save(): Promise<Uint8Array> };

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "sales.xlsx" -> "sales.graded.xlsx". */
export function gradedName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")}.graded.xlsx`;
}

/** Offers bytes to the browser as a downloaded .xlsx file. */
export function downloadFile(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: XLSX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export interface WebWorkbookBarProps {
  text: Strings;
  openWorkbook(bytes: ArrayBuffer): Promise<SavableWorkbook>;
  opened?: { backend: SavableWorkbook; name: string };
  canDownload: boolean;
  onOpened(opened: { backend: SavableWorkbook; name: string }): void;
}

export function WebWorkbookBar({ text, openWorkbook, opened, canDownload, onOpened }: WebWorkbookBarProps) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [error, setError] = React.useState<string>();

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    try {
      onOpened({ backend: await openWorkbook(await file.arrayBuffer()), name: file.name });
    } catch (e) {
      setError(text.failed(String((e as Error)?.message ?? e)));
    }
  };

  const download = async () => {
    if (!opened) return;
    downloadFile(gradedName(opened.name), await opened.backend.save());
  };

  return (
    <div className={styles.bar}>
      <div className={styles.row}>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={text.openWorkbook}
          tabIndex={-1}
          onChange={(e) => {
            void open(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
        />
        <Button appearance={opened ? "secondary" : "primary"} onClick={() => input.current?.click()}>
          {text.openWorkbook}
        </Button>
        {opened && canDownload && (
          <Button appearance="primary" onClick={() => void download()}>
            {text.download}
          </Button>
        )}
      </div>
      <Text size={200}>{opened ? text.fileName(opened.name) : text.openHint}</Text>
      {error && <Text role="alert">{error}</Text>}
    </div>
  );
}
