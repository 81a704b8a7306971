// The extension's life around open pages: reloaded (as on an update) with a
// page open, the old content script stops without an error and takes its
// highlights with it, and the page works again once reloaded; the service
// worker stopped by the browser loses nothing a page or the popup needs.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page, Worker } from "playwright-core";
import { EXTENSION_DIR } from "./browser";
import { PageLog, WorkerLog } from "./cdp-log";
import { server, session, useExtension } from "./fixture";
import { type ChromeApi, cardFor, cardsAfterResting, openPopupFor, tooltipText, until } from "./helpers";

declare const chrome: ChromeApi;

let reloadedPage: Page | undefined;

useExtension();

const highlights = () => CSS.highlights.get("termlens")?.size ?? 0;

describe("lifecycle", () => {
  test("the service worker stopped and woken again: tooltips, settings and the popup still right", async () => {
    const workerLog = await WorkerLog.attach(session.context, session.extensionId);
    await session.worker.evaluate(() =>
      chrome.storage.sync.set({ display: { hoverDelayMs: 100 }, lifecycleMarker: 1 }),
    );
    const page = await session.context.newPage();
    const log = await PageLog.attach(session.context, page);
    await page.goto(`${server.origin}/health-article.html`);
    await page.waitForFunction(highlights);
    const stopped = await workerLog.stopWorkers();
    assert.ok(stopped >= 1, "the worker was stopped");
    assert.match(
      await cardFor(page, "#intro", "arterioles", 8000),
      /arteriole/i,
      "a lookup wakes the worker",
    );
    const worker = session.context.serviceWorkers().at(-1) as Worker;
    const stored = await worker.evaluate(() => chrome.storage.sync.get(null));
    assert.equal(stored.lifecycleMarker, 1);
    assert.deepEqual(stored.display, { hoverDelayMs: 100 }, "settings kept");
    await page.keyboard.press("Escape");
    const popup = await openPopupFor({ ...session, worker }, page);
    assert.match((await popup.locator(".site-switch").textContent()) ?? "", /On for 127\.0\.0\.1/);
    await popup.close();
    assert.deepEqual(log.ours, [], "no error of ours in the page");
    assert.deepEqual(workerLog.errors, [], "no error in the worker");
    await workerLog.detach();
    await page.close();
  });

  test("reloading the extension with a page open: the old script stops cleanly", async () => {
    const page = await session.context.newPage();
    const log = await PageLog.attach(session.context, page);
    await page.goto(`${server.origin}/health-article.html`);
    await page.waitForFunction(highlights);
    const workerLog = await WorkerLog.attach(session.context, session.extensionId);
    const before = new Set((await workerLog.workerTargets()).map((t) => t.targetId));
    // Install the extension again over the running one, as an update does
    // (chrome.runtime.reload() does not bring an extension loaded with
    // --load-extension back under this harness).
    const cdp = await session.context.browser()?.newBrowserCDPSession();
    assert.ok(cdp, "a browser CDP session");
    const { id } = (await cdp.send("Extensions.loadUnpacked" as never, { path: EXTENSION_DIR } as never)) as {
      id: string;
    };
    assert.equal(id, session.extensionId, "the same extension, updated in place");
    await cdp.detach();
    // Re-acquire: a new worker target of the same extension appears.
    // MV3 starts the new worker on demand; the page reload below wakes it if needed.
    const fresh = await until(
      "a new worker target appears",
      async () => (await workerLog.workerTargets()).some((t) => !before.has(t.targetId)),
      { timeout: 2000 },
    ).catch(() => false);
    console.log(`  new worker target seen within 2 s: ${fresh}`);
    await workerLog.detach();

    // The orphaned script notices when it is next used (pointer, timers)
    // and takes its highlights away, without an error.
    await page.bringToFront();
    await page.mouse.move(5, 5);
    // After the move's hover timers, any card they would open is open (the
    // next test shows the same wait seeing the card of a live script).
    const cards = await cardsAfterResting(page, "#intro", "arterioles");
    await page.waitForFunction(() => !CSS.highlights.has("termlens"), undefined, { timeout: 20_000 });
    assert.equal(cards, 0, "no tooltip from the orphaned script");
    assert.deepEqual(log.ours, [], "no error or warning of ours");
    assert.deepEqual(log.pageErrors, [], "no error in the page's console");

    reloadedPage = page;
  });

  test("…and the new one works after the page reloads", async () => {
    const page = reloadedPage as Page;
    await page.reload();
    await page.waitForFunction(highlights, undefined, { timeout: 20_000 });
    assert.equal(await cardsAfterResting(page, "#intro", "arterioles"), 1, "control: the card opens");
    assert.match(await tooltipText(page), /arteriole/i);
    await page.close();
  });
});
