// Another installed extension cannot drive Termlens: it exposes no external
// messaging, so look-alike messages from a stranger go nowhere.

import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import type { Worker } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import { hover, tooltipText } from "./helpers";

let stranger: Worker;

useExtension({ alsoLoad: [resolve("tests/fixtures/other-extension")] }, async () => {
  const isStranger = (w: Worker) => w.url().endsWith("/other-worker.js");
  stranger =
    session.context.serviceWorkers().find(isStranger) ??
    (await session.context.waitForEvent("serviceworker", { predicate: isStranger, timeout: 15_000 }));
});

test("messages from another extension are not received, and change nothing", async () => {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/health-article.html`);
  await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0);
  const pagesBefore = session.context.pages().length;

  const results = (await stranger.evaluate(
    (id) => (globalThis as unknown as { probe(id: string): Promise<unknown> }).probe(id),
    session.extensionId,
  )) as { message: string; reply?: unknown; error?: string }[];
  assert.equal(results.length, 4);
  for (const r of results) {
    assert.ok(
      r.error && /Receiving end does not exist|Could not establish connection/.test(r.error),
      JSON.stringify(r),
    );
  }
  await page.waitForTimeout(300);
  assert.equal(session.context.pages().length, pagesBefore, "no tab opened by a stranger's open-topic");

  // Termlens still works as before.
  await hover(page, "#intro", "arterioles");
  assert.match(await tooltipText(page), /arteriole/i);
  await page.close();
});
