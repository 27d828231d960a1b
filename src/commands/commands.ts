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

Office.onReady(() => {
  Office.actions.associate("showTiersPane", showTiersPane);
});
