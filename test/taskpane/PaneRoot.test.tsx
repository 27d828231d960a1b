/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, render } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { PaneRoot, isDarkColour } from "../../src/taskpane/PaneRoot";

// The theme FluentProvider applies is written as CSS variables into a style tag: read the background.
function background(): string | undefined {
  const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join("\n");
  const all = [...css.matchAll(/--colorNeutralBackground1:\s*([^;]+);/g)];
  return all.at(-1)?.[1].trim();
}

let systemDark = false;
const listeners = new Set<() => void>();
beforeEach(() => {
  systemDark = false;
  listeners.clear();
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query.includes("dark") && systemDark;
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  })) as unknown as typeof window.matchMedia;
});

test("Office's dark and light body colours", () => {
  expect(isDarkColour("#1F1F1F")).toBe(true);
  expect(isDarkColour("#FFFFFF")).toBe(false);
  expect(isDarkColour("#E6E6E6")).toBe(false);
  expect(isDarkColour("#262626")).toBe(true);
});

test("as a web page the theme follows the system's light or dark setting as it changes", () => {
  const view = render(<PaneRoot>x</PaneRoot>);
  expect(background()).toBe(webLightTheme.colorNeutralBackground1);
  systemDark = true;
  act(() => listeners.forEach((listener) => listener()));
  expect(background()).toBe(webDarkTheme.colorNeutralBackground1);
  view.unmount();
});

test("in Excel the theme follows Office's, read again when the pane regains focus", () => {
  let office = "#FFFFFF";
  systemDark = true; // Office's theme wins over the system's
  const view = render(<PaneRoot officeBackground={() => office}>x</PaneRoot>);
  expect(background()).toBe(webLightTheme.colorNeutralBackground1);
  office = "#1F1F1F";
  act(() => void window.dispatchEvent(new Event("focus")));
  expect(background()).toBe(webDarkTheme.colorNeutralBackground1);
  view.unmount();
});
