// PLACEHOLDER written by the skeleton so the page builds; the task pane's engineer replaces it with
// the real app. It mounts into <div id="root"> of taskpane.html and exports nothing.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

/* global document, Office */

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Text>Customer Tiers · 客户分级</Text>
    </FluentProvider>,
  );
});
