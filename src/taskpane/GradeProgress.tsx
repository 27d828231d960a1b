// The progress of a grading run: a bar for the whole run and the stage it is in.

import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import type { Progress } from "../workbook/types";
import type { Strings } from "./strings";

export function GradeProgress({ progress, text }: { progress: Progress; text: Strings }) {
  return (
    <Field label={text.progress} validationMessage={text.stage[progress.stage]} validationState="none">
      <ProgressBar value={Math.max(0, Math.min(1, progress.fraction))} max={1} aria-label={text.progress} />
    </Field>
  );
}
