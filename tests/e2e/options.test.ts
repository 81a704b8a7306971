// The options page in Chromium: export/import round-trips, a bad file
// changes nothing, and a 2,000-site list lives within sync storage's quotas
// and still decides where Termlens runs.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { beforeEach, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import { highlightCount, until, waitUntilOff } from "./helpers";

interface SyncApi {
  storage: {
    sync: {
      get(k: null): Promise<Record<string, unknown>>;
      clear(): Promise<void>;
      getBytesInUse(k: string | null): Promise<number>;
    };
  };
}
declare const chrome: SyncApi;

useExtension();
beforeEach(async () => {
  await session.worker.evaluate(() => chrome.storage.sync.clear());
});

const sync = () => session.worker.evaluate(() => chrome.storage.sync.get(null));

async function openOptions(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole("heading", { name: "Termlens settings" }).waitFor();
  return page;
}

async function importFile(options: Page, name: string, text: string): Promise<void> {
  await options.getByLabel("Import settings from a file").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(text),
  });
}

describe("options page", () => {
  test("export then import round-trips all settings", async () => {
    const options = await openOptions();
    await options.getByLabel("Only on sites I switch on").check();
    await options.getByLabel("Add a site to switch on").fill("https://portal.example.com/results");
    await options.getByRole("button", { name: "Add", exact: true }).click();
    await options.getByText("portal.example.com: on").waitFor();
    await options.getByLabel("Soft background").check();
    await options.getByLabel("Dark").check();
    await options.getByLabel(/Hover delay/).fill("600");
    await options.getByLabel(/Hover delay/).blur();
    // Saved when the last of the changes above is in storage.
    const saved = await until("the hover delay is saved", async () => {
      const all = await sync();
      return (all.display as { hoverDelayMs?: number } | undefined)?.hoverDelayMs === 600 && all;
    });

    const [download] = await Promise.all([
      options.waitForEvent("download"),
      options.getByRole("button", { name: "Export settings" }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^termlens-settings-\d{4}-\d\d-\d\d\.json$/);
    const text = await readFile((await download.path()) as string, "utf8");
    const file = JSON.parse(text);
    assert.deepEqual(file.siteSettings, {
      mode: "only-chosen",
      rules: { "portal.example.com": true },
      paused: false,
    });
    assert.deepEqual(file.display, {
      highlightStyle: "background",
      underlineEveryday: false,
      hoverDelayMs: 600,
      theme: "dark",
    });

    // Change everything, then bring the file back.
    await options.getByLabel("Everywhere, except sites I switch off").check();
    await options.getByLabel("Dotted underline").check();
    await options.getByRole("button", { name: "Remove the rule for portal.example.com" }).click();
    await importFile(options, "backup.json", text);
    await options.getByRole("status").filter({ hasText: "Imported backup.json" }).waitFor();
    assert.deepEqual(await sync(), saved);
    assert.equal(await options.getByLabel("Only on sites I switch on").isChecked(), true);
    await options.close();
  });

  test("a bad file changes nothing and says what is wrong and where", async () => {
    const options = await openOptions();
    await options.getByLabel("Add a site to switch off").fill("ads.example.net");
    await options.getByRole("button", { name: "Add", exact: true }).click();
    await options.getByText("ads.example.net: off").waitFor();
    const before = await sync();
    const bad = [
      ["not-json.json", "{ this is not json", /not-json\.json: not valid JSON/],
      ["other.json", JSON.stringify({ theme: "dark" }), /other\.json: "format" must be "termlens-settings"/],
      [
        "evil.json",
        '{"format":"termlens-settings","version":1,"display":{"theme":"neon"},"siteSettings":{"rules":{"__proto__":true}}}',
        /evil\.json: siteSettings\.rules: "__proto__" is not a host name[\s\S]*display\.theme: "neon"/,
      ],
    ] as const;
    for (const [name, text, message] of bad) {
      await importFile(options, name, text);
      const alert = options.getByRole("alert");
      await alert.filter({ hasText: name }).waitFor();
      assert.match((await alert.textContent()) ?? "", /Nothing was changed/);
      assert.match((await alert.textContent()) ?? "", message);
      assert.deepEqual(await sync(), before, `${name} changed nothing`);
    }
    await options.close();
  });

  test("a 2,000-site list fits sync storage and still decides where Termlens runs", async () => {
    const rules: Record<string, boolean> = { "127.0.0.1": false };
    for (let i = 0; i < 2000; i++) rules[`clinic-${i}.health-portal-example.org`] = false;
    const file = {
      format: "termlens-settings",
      version: 1,
      siteSettings: { mode: "everywhere-except", rules, paused: false },
      display: {},
    };
    const options = await openOptions();
    await importFile(options, "big.json", JSON.stringify(file));
    await options.getByRole("status").filter({ hasText: "2001 site rules" }).waitFor();
    await options.getByText("Showing 300 of 2001").waitFor();

    const perItem = await session.worker.evaluate(async () => {
      const all = await chrome.storage.sync.get(null);
      const sizes: Record<string, number> = {};
      for (const k of Object.keys(all)) sizes[k] = await chrome.storage.sync.getBytesInUse(k);
      return { sizes, total: await chrome.storage.sync.getBytesInUse(null) };
    });
    const shards = Object.keys(perItem.sizes).filter((k) => k.startsWith("siteRules."));
    assert.ok(shards.length > 1, `split over ${shards.length} items`);
    assert.ok(Math.max(...Object.values(perItem.sizes)) <= 8192, "every item within 8,192 bytes");
    assert.ok(perItem.total <= 102_400, `total ${perItem.total} within 102,400 bytes`);

    // The rule for 127.0.0.1 is in there somewhere: the page stays plain.
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/health-article.html`);
    await waitUntilOff(session, page);
    assert.equal(await highlightCount(page), 0, "127.0.0.1 is off");

    // Filter, remove it, and the page lights up at once.
    await options.bringToFront();
    await options.getByLabel(/Filter 2001 sites/).fill("127.0");
    await options.getByRole("button", { name: "Remove the rule for 127.0.0.1" }).click();
    await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
      timeout: 20_000,
    });
    await page.close();
    await options.close();
  });
});
