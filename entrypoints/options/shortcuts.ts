// Opens the browser's own keyboard-shortcut settings: extensions cannot
// link to chrome:// pages from a page, but may open them in a tab.

import { browser } from "wxt/browser";

export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
  // Firefox 137+ has an API for it; Chromium browsers have a page.
  if (commands.openShortcutSettings) return commands.openShortcutSettings();
  await browser.tabs.create({ url: "chrome://extensions/shortcuts" });
}
