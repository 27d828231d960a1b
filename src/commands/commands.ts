// Ribbon and context-menu commands that run code (manifest ExecuteFunction actions). The ribbon's
// "Grade customers" button opens the pane declaratively (ShowTaskpane); the cell context menu's
// "Grade customers…" runs `showTiersPane` here. Both live in the shared runtime, so opening the
// pane from code reaches the same pane, with its state, as the ribbon button.

/* global Office */

/**
 * Opens the Customer Tiers task pane from a context-menu click, then tells Office the command is
 * done. Returns a promise that resolves once Office was told; never rejects (a failure to show the
 * pane is logged, and the command still completes so Office does not wait forever).
 * @example Office.actions.associate("showTiersPane", showTiersPane) // the manifest's FunctionName
 */
export async function showTiersPane(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error("Customer Tiers: could not open the pane", error);
  } finally {
    event.completed();
  }
}

/**
 * Associates the commands once Office is ready. Outside Office (the page opened in a browser, or
 * office.js blocked) there is no Office, or no Office.actions: nothing to associate, and the bundle
 * must not throw, so the pane beside it still starts.
 * @returns a promise that resolves true when the commands were associated.
 */
export async function registerCommands(office: typeof Office | undefined): Promise<boolean> {
  if (!office || typeof office.onReady !== "function") return false;
  const info = await office.onReady();
  if (!info?.host || !office.actions || typeof office.actions.associate !== "function") return false;
  office.actions.associate("showTiersPane", showTiersPane);
  return true;
}

registerCommands(typeof Office === "undefined" ? undefined : Office).catch((error) =>
  console.error("Customer Tiers: could not register the commands", error),
);
