// The pane as a web page: open an .xlsx from disk (the graded copy is downloaded from the pane's
// footer). The file is read and written in this browser only; nothing is sent anywhere. A file that is
// not a workbook is refused in the analyst's words (openFailure.ts), never a library's.

import * as React from "react";
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Text as Words, WorkbookBackend } from "../workbook/types";
import type { Strings } from "./strings";

export type SavableWorkbook = WorkbookBackend & { save(): Promise<Uint8Array>; saveFile?(): Promise<Blob> };

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

/** Offers bytes (or a file already made) to the browser as a downloaded .xlsx file. */
export function downloadFile(name: string, bytes: Uint8Array | Blob): void {
  const url = URL.createObjectURL(bytes instanceof Blob ? bytes : new Blob([new Uint8Array(bytes)], { type: XLSX_TYPE }));
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
  lang: Lang;
  /** Opens the chosen file (a Blob: its bytes are read where the workbook is kept). */
  openWorkbook(file: Blob): Promise<SavableWorkbook>;
  opened?: { backend: SavableWorkbook; name: string };
  /** Why the last file chosen could not be opened. */
  error?: Words;
  onOpened(opened: { backend: SavableWorkbook; name: string }): void;
  onFailed(why: Words): void;
}

/** The analyst's words carried by an open failure (the worker's), else a general one. */
function whyNotOpened(error: unknown, text: Strings): Words {
  const open = (error as { open?: Words })?.open;
  return open ?? { "en-US": text.openFailed, "zh-CN": text.openFailed };
}

export function WebWorkbookBar({ text, lang, openWorkbook, opened, error, onOpened, onFailed }: WebWorkbookBarProps) {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [opening, setOpening] = React.useState(false);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setOpening(true);
    try {
      const backend = await openWorkbook(file);
      opened?.backend && (opened.backend as { close?(): void }).close?.();
      onOpened({ backend, name: file.name });
    } catch (e) {
      opened?.backend && (opened.backend as { close?(): void }).close?.();
      onFailed(whyNotOpened(e, text));
    } finally {
      setOpening(false);
    }
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
        <Button appearance={opened ? "secondary" : "primary"} size={opened ? "small" : "medium"} onClick={() => input.current?.click()}>
          {text.openWorkbook}
        </Button>
        {opening && <Spinner size="tiny" label={text.checking} />}
      </div>
      {!opened && !error && <Text size={200}>{text.openHint}</Text>}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
