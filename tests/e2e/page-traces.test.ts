// A page must not be able to tell that Termlens is installed from anything
// but the highlights it asked for by being read: no message posted to it, no
// DOM event, no attribute or element left behind, no entry on its
// performance timeline. The page records all of that while the shipped
// extension works on it; a control run with the tests' scan signal on shows
// the same recorder does see a trace of ours.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import { cardFor, closeTooltip, waitForTerms } from "./helpers";

useExtension({ testSignals: false });

interface Seen {
  messages: string[];
  events: string[];
  attributes: string[];
  added: string[];
  timeline: string[];
}

/** The page listens from its first script on, in its own world. */
async function recordTraces(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Seen = { messages: [], events: [], attributes: [], added: [], timeline: [] };
    (window as unknown as { seen: Seen }).seen = seen;
    window.addEventListener("message", (e) => seen.messages.push(JSON.stringify(e.data)));
    // WXT's content-script context announced itself with these.
    for (const type of ["wxt:content-script-started", "termlens", "termlens:scan"]) {
      document.addEventListener(type, () => seen.events.push(type), true);
      window.addEventListener(type, () => seen.events.push(type), true);
    }
    // From the parsed page on (our scripts run at document idle, after it).
    document.addEventListener("DOMContentLoaded", () => {
      new MutationObserver((records) => {
        for (const r of records) {
          // The tooltip's host is ours to style (the test contract's element).
          if (r.type === "attributes" && (r.target as Element).tagName !== "TERMLENS-TOOLTIP")
            seen.attributes.push(`${(r.target as Element).tagName}@${r.attributeName}`);
          for (const n of r.addedNodes)
            if (n.nodeType === 1) seen.added.push((n as Element).tagName.toLowerCase());
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
  });
}

async function visit(page: Page): Promise<Seen> {
  await page.goto(`${server.origin}/health-article.html`);
  await waitForTerms(page);
  assert.match(await cardFor(page, "#intro", "arterioles"), /arteriole/i);
  await closeTooltip(page);
  return page.evaluate(() => {
    const seen = (window as unknown as { seen: Seen }).seen;
    seen.timeline = performance
      .getEntries()
      .filter((e) => e.entryType === "mark" || e.entryType === "measure")
      .map((e) => e.name);
    return seen;
  });
}

test("the shipped extension at work leaves the page nothing to observe", async () => {
  const page = await session.context.newPage();
  await recordTraces(page);
  const seen = await visit(page);
  assert.deepEqual(seen.messages, [], "window messages");
  assert.deepEqual(seen.events, [], "DOM events");
  assert.deepEqual(seen.attributes, [], "attributes set on the page's elements");
  // The tooltip's own element is the test contract: shown, then gone.
  assert.deepEqual(
    seen.added.filter((t) => t !== "termlens-tooltip"),
    [],
    "elements added besides the tooltip",
  );
  assert.deepEqual(seen.timeline, [], "user-timing entries");
  await page.close();
});

test("control: the recorder sees a trace of ours (the tests' scan signal) and a posted message", async () => {
  await session.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({ testSignals: true }),
  );
  const page = await session.context.newPage();
  await recordTraces(page);
  await page.evaluate(() => window.postMessage({ probe: 1 }, "*")).catch(() => {});
  const seen = await visit(page);
  assert.ok(seen.attributes.includes("HTML@data-termlens-scan"), JSON.stringify(seen.attributes));
  await page.evaluate(() => window.postMessage({ probe: 2 }, "*"));
  const messages = await page.waitForFunction(
    () => (window as unknown as { seen: Seen }).seen.messages.length,
  );
  assert.ok(await messages.jsonValue());
  await session.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
    ).chrome.storage.local.set({ testSignals: false }),
  );
  await page.close();
});
