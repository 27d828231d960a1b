// "Insert example tables" (issue 16 §6): the choice of template (the basic pair, or the customer value
// model: economic + social + potential value) and the button that inserts it. The pane does the writing
// (workbook/features/exampleTables.ts through its runner); this only asks which template.

import * as React from "react";
import { Button, Field, Radio, RadioGroup, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ExampleTemplate } from "../workbook/features/exampleTables";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface ExampleTablesProps {
  text: Strings;
  inserting: "no" | "yes" | { failed: string };
  onInsert: (template: ExampleTemplate) => void;
}

export function ExampleTables({ text, inserting, onInsert }: ExampleTablesProps): React.JSX.Element {
  const styles = useStyles();
  const [template, setTemplate] = React.useState<ExampleTemplate>("basic");
  return (
    <div className={styles.section}>
      <Text>{text.noTables}</Text>
      <Field label={text.exampleTemplate}>
        <RadioGroup value={template} disabled={inserting === "yes"} onChange={(_, d) => setTemplate(d.value as ExampleTemplate)}>
          <Radio value="basic" label={text.templateBasic} />
          <Radio value="value" label={text.templateValue} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={inserting === "yes"} onClick={() => onInsert(template)}>
          {text.insertExamples}
        </Button>
        {inserting === "yes" && <Spinner size="tiny" label={text.inserting} />}
      </div>
      {typeof inserting === "object" && <Text role="alert">{text.insertFailed(inserting.failed)}</Text>}
    </div>
  );
}
