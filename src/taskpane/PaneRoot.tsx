// The pane's theme, kept in step with its surroundings: Office's theme inside Excel (its body
// background's lightness: Office.context.officeTheme, read by index.tsx and handed in), the browser's
// prefers-color-scheme as a web page. Office raises OfficeThemeChanged only in Outlook (Mailbox 1.14),
// so in Excel the theme is read again when the pane is shown or focused, and every few seconds.

import * as React from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** True for a dark colour ("#1F1F1F"): its luma (ITU-R BT.601 weights) below the middle. */
export function isDarkColour(hex: string): boolean {
  const n = parseInt(hex.replace("#", "").slice(0, 6), 16);
  if (!Number.isFinite(n)) return false;
  return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114 < 128;
}

export interface PaneRootProps {
  /** Office's body background colour now (Office.context.officeTheme.bodyBackgroundColor); absent as a web page. */
  officeBackground?: () => string | undefined;
  children: React.ReactNode;
}

const DARK_QUERY = "(prefers-color-scheme: dark)";

function darkNow(officeBackground?: () => string | undefined): boolean {
  const background = officeBackground?.();
  if (background) return isDarkColour(background);
  return window.matchMedia?.(DARK_QUERY).matches ?? false;
}

export function PaneRoot({ officeBackground, children }: PaneRootProps) {
  const [dark, setDark] = React.useState(() => darkNow(officeBackground));
  React.useEffect(() => {
    const update = () => setDark(darkNow(officeBackground));
    const media = window.matchMedia?.(DARK_QUERY);
    media?.addEventListener?.("change", update);
    window.addEventListener("focus", update);
    document.addEventListener("visibilitychange", update);
    const timer = officeBackground ? window.setInterval(update, 3000) : undefined;
    return () => {
      media?.removeEventListener?.("change", update);
      window.removeEventListener("focus", update);
      document.removeEventListener("visibilitychange", update);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [officeBackground]);
  return <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>{children}</FluentProvider>;
}
