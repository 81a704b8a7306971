// Another installed extension cannot drive Termlens: it exposes no external
// messaging, so look-alike messages from a stranger go nowhere.

import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import type { Worker } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import { cardFor, pointOf, waitForTerms } from "./helpers";

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
  await waitForTerms(page);
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

  // Termlens still works as before.
  assert.match(await cardFor(page, "#intro", "arterioles"), /arteriole/i);
  // Positive control: our own card's topic link sends open-topic, after the
  // stranger's, and its tab opens; the stranger's would have opened first.
  const p = await pointOf(page, "#intro", "arterioles");
  await page.mouse.click(p.x, p.y);
  await page.locator("termlens-tooltip button[aria-label=Close]").waitFor();
  const [topic] = await Promise.all([
    session.context.waitForEvent("page"),
    page.locator("termlens-tooltip .source button.link").click(),
  ]);
  await topic.waitForURL(/popup\.html/);
  assert.equal(session.context.pages().length, pagesBefore + 1, "no tab opened by a stranger's open-topic");
  await topic.close();
  await page.close();
});
