// Bad input from outside: corrupted or foreign values in storage, pages that
// imitate our messages, and page text that looks like markup. Termlens falls
// back to defaults with a warning, ignores what is not its own, keeps what
// the user set elsewhere, and never turns page text into HTML.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { PageLog, WorkerLog } from "./cdp-log";
import { server, session, useExtension } from "./fixture";
import { type ChromeApi, cardFor, tabIdOf, tooltipText } from "./helpers";

declare const chrome: ChromeApi & { storage: { sync: { clear(): Promise<void> } } };

let workerLog: WorkerLog;

useExtension({}, async () => {
  workerLog = await WorkerLog.attach(session.context, session.extensionId);
});

async function open(path: string): Promise<{ page: Page; log: PageLog }> {
  const page = await session.context.newPage();
  const log = await PageLog.attach(session.context, page);
  await page.goto(`${server.origin}/${path}`);
  await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
    timeout: 20_000,
  });
  return { page, log };
}

const sync = {
  set: (v: object) => session.worker.evaluate((x) => chrome.storage.sync.set(x), v),
  get: () => session.worker.evaluate(() => chrome.storage.sync.get(null)),
  clear: () => session.worker.evaluate(() => chrome.storage.sync.clear()),
};

describe("bad input", () => {
  for (const [name, stored] of [
    ["numbers and strings", { siteSettings: 42, display: "x" }],
    [
      "wrong fields",
      {
        siteSettings: { mode: "nonsense", paused: "no", rules: { "evil host!": false, "127.0.0.1": "off" } },
        display: { highlightStyle: "<script>", hoverDelayMs: -5, theme: 7, underlineEveryday: "yes" },
      },
    ],
    ["arrays and null", { siteSettings: [1, 2], display: null }],
  ] as const) {
    test(`corrupted storage (${name}): defaults, a warning, tooltips work, other keys kept`, async () => {
      await sync.clear();
      await sync.set({ ...stored, somethingElse: { kept: true } });
      const { page, log } = await open("health-article.html");
      assert.match(await cardFor(page, "#intro", "arterioles"), /arteriole/i);
      // The warning comes from whoever read the value first (page or worker).
      const warnings = [...log.ours, ...workerLog.errors.splice(0)];
      assert.ok(
        warnings.some((m) => /Termlens/.test(m)),
        `a warning: ${warnings.join(" | ") || "none"}`,
      );
      assert.ok(
        warnings.every((m) => /^console\.warning/.test(m)),
        `warnings only, no error: ${warnings.join(" | ")}`,
      );
      assert.deepEqual(log.pageErrors, []);
      const after = await sync.get();
      assert.deepEqual(after.somethingElse, { kept: true }, "a foreign key is left alone");
      await page.close();
    });
  }

  test("a corrupted site setting does not lose the valid display setting beside it", async () => {
    await sync.clear();
    await sync.set({ siteSettings: "garbage", display: { highlightStyle: "background", hoverDelayMs: 100 } });
    const { page, log } = await open("health-article.html");
    const sheet = await page.evaluate(() =>
      [...document.adoptedStyleSheets].some((s) =>
        [...s.cssRules].some((r) => r.cssText.includes("background-color")),
      ),
    );
    assert.ok(sheet, "the user's highlight style still applies");
    assert.deepEqual(
      log.ours.filter((m) => !m.startsWith("console.warning")),
      [],
      "warnings at most, no error",
    );
    await page.close();
    await sync.clear();
  });

  test("pages cannot drive Termlens with look-alike messages (postMessage, DOM events)", async () => {
    const { page, log } = await open("health-article.html");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => {
      const msgs = [
        { type: "command", name: "next-term" },
        { type: "command", name: "explain" },
        { type: "show-term", id: "calciphylaxis" },
        { type: "lookup", id: "necrosis" },
        { type: "page-info" },
      ];
      for (const m of msgs) {
        window.postMessage(m, "*");
        window.postMessage(JSON.stringify(m), "*");
        for (const t of ["termlens", "termlens:command", "message", m.type])
          document.dispatchEvent(new CustomEvent(t, { detail: m, bubbles: true }));
      }
    });
    // DOM events are dispatched at once; posted messages arrive in order, so
    // when one more posted now arrives, every look-alike has been delivered
    // to whoever listens (and a card, opened synchronously as the command
    // and show-term handlers open theirs, would be there).
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          window.addEventListener("message", (e) => e.data === "termlens-test-fence" && done());
          window.postMessage("termlens-test-fence", "*");
        }),
    );
    assert.equal(await page.locator("termlens-tooltip").count(), 0, "no tooltip opened");
    assert.equal(await page.evaluate(() => window.scrollY), 0, "nothing scrolled");
    assert.deepEqual(log.ours, []);
    // Our own extension still can (the same message from the worker works).
    const tabId = await tabIdOf(session, page);
    await session.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: "show-term", id: "debridement" }),
      tabId,
    );
    assert.match(await tooltipText(page), /debridement/i);
    await page.close();
  });

  test("page text that looks like markup is shown as text, never parsed", async () => {
    const page = await session.context.newPage();
    const log = await PageLog.attach(session.context, page);
    await page.goto(`${server.origin}/health-article.html`);
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.id = "xss";
      p.textContent = 'Necrosis <img src=x onerror="window.pwned=1"> <b>bold</b> & debridement';
      document.querySelector("article")?.prepend(p);
      window.scrollTo(0, 0);
    });
    await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0);
    // Select the markup-like text and ask for an explanation (the shortcut).
    await page.evaluate(() => {
      const t = document.getElementById("xss")?.firstChild as Text;
      const r = new Range();
      r.setStart(t, t.data.indexOf("<img"));
      r.setEnd(t, t.data.indexOf("</b>") + 4);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(r);
    });
    const tabId = await tabIdOf(session, page);
    await session.worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: "command", name: "explain" }),
      tabId,
    );
    const text = await tooltipText(page);
    assert.ok(text.includes('<img src=x onerror="window.pwned=1">'), `shown as text: ${text}`);
    const inside = await page.evaluate(() => {
      const root = document.querySelector("termlens-tooltip")?.shadowRoot;
      return { img: root?.querySelectorAll("img").length ?? -1, b: root?.querySelectorAll("b").length ?? -1 };
    });
    assert.deepEqual(inside, { img: 0, b: 0 }, "no element made from page text");
    // Positive control: the same markup made into an element runs its handler
    // (the image fails to load); a copy in the card, made earlier, would have too.
    await page.evaluate(() => {
      const control = document.createElement("div");
      control.innerHTML = '<img src=x onerror="window.controlRan=1">';
      document.body.append(control);
    });
    await page.waitForFunction(() => (window as unknown as { controlRan?: number }).controlRan === 1);
    assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    assert.deepEqual(log.ours, []);
    await page.close();
  });
});
