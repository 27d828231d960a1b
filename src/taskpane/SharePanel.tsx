// "Send it to others": a copy prepared for mailing (TIERS formulas replaced, the add-in not loading
// on open, an About sheet) and one copy per owner holding only that owner's customers. Both work on
// the workbook's bytes as they are now and never change the workbook itself; index.tsx (or the web
// page's bar) says where the bytes come from and where a copy goes. The .xlsx transforms are loaded
// only when the analyst asks for a copy, so they cost the pane's first render nothing.

import * as React from "react";
import { Button, Dropdown, Field, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang, Problem, WorkbookIndex } from "../workbook/types";
import { ColumnPicker } from "./SchemeEditor";
import { sources } from "./SettingsForm";
import { ownerColumnByName } from "./columns";
import type { Strings } from "./strings";
import { failureText } from "./failureText";

/** Where the workbook's bytes come from and where a made copy goes. */
export interface CopyChannel {
  /** The workbook as it is now, as .xlsx bytes. */
  current(): Promise<Uint8Array>;
  /** Hands a copy to the analyst: a download in a browser, a new workbook window in Excel. */
  deliver(fileName: string, data: Uint8Array): Promise<void>;
  /** What handing over is called on this surface. */
  verb: "save" | "open";
  /** The workbook's file name without .xlsx, for the copies' names. */
  baseName: string;
}

interface Copy {
  owner: string;
  role: string;
  customers: number;
  fileName: string;
  data: Uint8Array;
}

type Job =
  | { kind: "idle" }
  | { kind: "working"; what: "share" | "split" }
  | { kind: "shared"; message: string }
  | { kind: "split"; copies: Copy[] }
  | { kind: "problems"; problems: Problem[] }
  | { kind: "failed"; message: string; what: "share" | "split" };

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflowWrap: "anywhere" },
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  fill: { minWidth: 0, width: "100%" },
  h3: { margin: 0 },
});

export interface SharePanelProps {
  text: Strings;
  lang: Lang;
  channel: CopyChannel;
  disabled?: boolean;
  /** The customer table's headers, to pick the owner column from. */
  columns?: string[];
  /** The workbook's sheets and tables, to pick the org table from. */
  index?: WorkbookIndex;
}

export function SharePanel({ text, lang, channel, disabled, columns = [], index }: SharePanelProps) {
  const styles = useStyles();
  const [formulas, setFormulas] = React.useState<"values" | "native">("values");
  const [picked, setOwner] = React.useState<string>();
  const owner = picked ?? ownerColumnByName(columns) ?? text.defaultOwnerColumn;
  const [org, setOrg] = React.useState("");
  const [job, setJob] = React.useState<Job>({ kind: "idle" });
  const working = job.kind === "working";

  const prepare = async () => {
    setJob({ kind: "working", what: "share" });
    try {
      const { prepareForSharing } = await import(/* webpackChunkName: "xlsx" */ "../workbook/executors/xlsx/share");
      const { data, report } = await prepareForSharing(await channel.current(), { lang, formulas });
      await channel.deliver(`${channel.baseName}.shared.xlsx`, data);
      const message = text.shared(report.toValues.length, report.toNative.length, report.aboutSheet);
      const parts = [message, report.addinRemoved ? "" : text.addinKept, report.unresolved.length > 0 ? text.unresolved(report.unresolved.map((c) => `${c.sheet}!${c.cell}`).join(", ")) : "",
        report.leftAsIs.length > 0 ? text.leftAsIs(report.leftAsIs.join(", ")) : ""];
      setJob({ kind: "shared", message: parts.filter(Boolean).join(" ") });
    } catch (error) {
      setJob({ kind: "failed", message: failureText(error, lang), what: "share" });
    }
  };

  const split = async () => {
    setJob({ kind: "working", what: "split" });
    try {
      const { splitByOwner } = await import(/* webpackChunkName: "xlsx" */ "../workbook/executors/xlsx/split");
      const outcome = await splitByOwner(await channel.current(), { by: owner.trim(), org: org.trim() || undefined, lang, baseName: channel.baseName });
      if (!outcome.ok) setJob({ kind: "problems", problems: outcome.problems });
      else setJob({ kind: "split", copies: outcome.copies });
    } catch (error) {
      setJob({ kind: "failed", message: failureText(error, lang), what: "split" });
    }
  };

  const deliver = (copy: Copy) =>
    void channel.deliver(copy.fileName, copy.data).catch((error) => setJob({ kind: "failed", message: failureText(error, lang), what: "split" }));

  const orgs = sources(index);
  return (
    <section className={styles.panel} aria-label={text.sharing}>
      <Text size={200}>{text.sharingHint}</Text>
      <Field label={text.shareFormulas}>
        <RadioGroup value={formulas} onChange={(_, d) => setFormulas(d.value as "values" | "native")} disabled={disabled || working}>
          <Radio value="values" label={text.shareValues} />
          <Radio value="native" label={text.shareNative} />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Button disabled={disabled || working} onClick={() => void prepare()}>
          {text.prepare}
        </Button>
      </div>
      {job.kind === "working" && job.what === "share" && <Spinner size="tiny" label={text.preparing} />}
      {job.kind === "shared" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{job.message}</MessageBarBody>
        </MessageBar>
      )}
      {job.kind === "failed" && job.what === "share" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{text.copyFailed(job.message)}</MessageBarBody>
        </MessageBar>
      )}

      <Text as="h3" size={300} weight="semibold" className={styles.h3}>
        {text.perOwner}
      </Text>
      <ColumnPicker label={text.ownerColumn} hint={text.ownerColumnHint} value={owner} columns={columns} text={text} disabled={disabled || working} onPick={setOwner} />
      <Field label={text.orgTable} hint={text.orgTableHint}>
        <Dropdown className={styles.fill} value={org || text.noOrg} selectedOptions={[org]} onOptionSelect={(_, d) => setOrg(d.optionValue ?? "")} disabled={disabled || working}>
          <Option value="">{text.noOrg}</Option>
          {orgs.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Button disabled={disabled || working || owner.trim() === ""} onClick={() => void split()}>
          {text.split}
        </Button>
      </div>
      {job.kind === "working" && job.what === "split" && <Spinner size="tiny" label={text.splitting} />}
      {job.kind === "failed" && job.what === "split" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{text.copyFailed(job.message)}</MessageBarBody>
        </MessageBar>
      )}
      {job.kind === "problems" &&
        job.problems.map((problem, i) => (
          <MessageBar key={i} intent="error" layout="multiline">
            <MessageBarBody>{problem.message[lang]}</MessageBarBody>
          </MessageBar>
        ))}
      {job.kind === "split" && (
        <>
          <Text>{text.copies(job.copies.length)}</Text>
          <ul className={styles.list}>
            {job.copies.map((copy) => (
              <li key={copy.fileName} className={styles.item}>
                <Text>{text.copyLine(copy.fileName, text.roles[copy.role] ?? copy.role, copy.customers)}</Text>
                <Button size="small" onClick={() => deliver(copy)}>
                  {channel.verb === "open" ? text.openCopyOf(copy.owner) : text.saveCopyOf(copy.owner)}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
