// A switched-off site gets no script of ours at all, and switching it on
// starts Termlens in its open tabs without a reload.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import { type ChromeApi, highlightCount, loadedAndIdle, waitForTerms } from "./helpers";

declare const chrome: ChromeApi & {
  scripting: { getRegisteredContentScripts(): Promise<{ excludeMatches?: string[] }[]> };
};

useExtension();

/**
 * Loads `url` and says whether any script of ours ran in it by the time the
 * page has loaded and gone idle (scripts registered for document_idle have
 * run by then: see loadedAndIdle). Chromium may still create an (empty)
 * isolated world named after the extension, so we look inside it for the
 * gate's and the content script's globals. The switched-on load is the
 * positive control: the same wait finds our gate there.
 */
async function ourScriptRan(page: Page, url: string): Promise<boolean> {
  const cdp = await session.context.newCDPSession(page);
  let worlds: number[] = [];
  cdp.on("Runtime.executionContextCreated", (e) => {
    if (e.context.name === "Termlens") worlds.push(e.context.id);
  });
  // Navigating clears the old document's worlds: count only the new page's.
  cdp.on("Runtime.executionContextsCleared", () => {
    worlds = [];
  });
  await cdp.send("Runtime.enable");
  await page.goto(url);
  await loadedAndIdle(page);
  // A round trip on this session: the worlds created before now have been reported on it.
  await cdp.send("Runtime.evaluate", { expression: "0" });
  let ran = false;
  for (const contextId of worlds) {
    const { result } = await cdp.send("Runtime.evaluate", {
      contextId,
      expression:
        "typeof gate !== 'undefined' || typeof contentScript !== 'undefined' || !!globalThis.termlensGate || !!globalThis.termlensLifetime",
      returnByValue: true,
    });
    ran ||= result.value === true;
  }
  await cdp.detach();
  return ran;
}

test("a switched-off site gets no script; switching it on starts Termlens in the open tab", async () => {
  const page = await session.context.newPage();
  const url = `${server.origin}/health-article.html`;
  assert.equal(await ourScriptRan(page, url), true, "on: our scripts run");

  await session.worker.evaluate(() =>
    chrome.storage.sync.set({ siteSettings: { rules: { "127.0.0.1": false } } }),
  );
  await session.worker.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const [gate] = await chrome.scripting.getRegisteredContentScripts();
      if (gate?.excludeMatches?.includes("*://127.0.0.1/*")) return;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    throw new Error("the registration did not follow the setting");
  });
  assert.equal(await ourScriptRan(page, url), false, "off: no script of ours runs");
  assert.equal(await highlightCount(page), 0);

  await session.worker.evaluate(() => chrome.storage.sync.set({ siteSettings: { rules: {} } }));
  await waitForTerms(page);
  await page.close();
});
