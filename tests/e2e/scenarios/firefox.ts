// The scenario driver for Firefox: puppeteer-core over WebDriver BiDi, with
// Debian's firefox-esr and the build in .output/firefox-mv2 installed as a
// temporary add-on. One browser for all scenarios.
//
// Firefox differs from Chromium here:
// - the extension has no service worker to evaluate in: `inExtension` runs
//   in an extension page (options.html) kept open in a tab of its own;
// - the extension's moz-extension:// UUID is random per install unless the
//   profile fixes it (extensions.webextensions.uuids), which we do;
// - the toolbar popup cannot be opened by script (browserAction.openPopup
//   needs a user gesture): popup.html?tab=<id> is opened as a page instead.

import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import puppeteer, { type Browser, type Frame, type Page } from "puppeteer-core";
import { type Driver, type DriverPage, driverPage, evaluatorOf, extensionCalls } from "./driver";

export const FIREFOX_EXTENSION_DIR = resolve(".output/firefox-mv2");
const ADDON_ID = "termlens@termlens.example";
const UUID = "5e2c1f0a-7d1b-4b7e-9c55-2f1e7a3b9d10";

export function findFirefox(): string {
  const path =
    process.env.FIREFOX_PATH ?? ["/usr/bin/firefox-esr", "/usr/bin/firefox"].find((p) => existsSync(p));
  if (!path || !existsSync(path))
    throw new Error(
      "No Firefox found: install one (Debian: sudo apt-get install firefox-esr) or set FIREFOX_PATH.",
    );
  return path;
}

function evaluator(target: Page | Frame) {
  // Checked from here, each change of the page a round trip away:
  // page.waitForFunction compiles with Function(), which the extension
  // pages' CSP forbids, and its rAF polling stops in background tabs.
  return evaluatorOf(target, async (condition, timeout) => {
    const expression = `(async () => { try { return !!(await (${condition})); } catch { return false; } })()`;
    const end = Date.now() + timeout;
    while (!(await target.evaluate(expression))) {
      if (Date.now() > end)
        throw new Error(`timed out after ${timeout} ms waiting for ${expression.slice(0, 300)}`);
      await new Promise((ok) => setTimeout(ok, 20));
    }
  });
}

function wrap(page: Page): DriverPage {
  return driverPage<Frame, Page>(page, {
    evaluator,
    async goto(url) {
      if (!url.startsWith("moz-extension:")) {
        await page.goto(url, { waitUntil: "load" });
        return;
      }
      // BiDi's browsingContext.navigate does load a moz-extension: page but
      // never reports the load as done (the tab moves to the extension's
      // process), and a page may not navigate itself there: start the
      // navigation, then wait for the extension page to be there.
      const navigation = page.goto(url, { timeout: 20_000 }).catch(() => {});
      const end = Date.now() + 10_000;
      for (;;) {
        const there = await page
          .evaluate((u: string) => location.href === u && document.readyState === "complete", url)
          .catch(() => false);
        if (there) {
          void navigation;
          return;
        }
        if (Date.now() > end) throw new Error(`${url} did not load`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png` });
    },
  });
}

export async function firefoxDriver(opts: { extensionDir?: string } = {}): Promise<Driver> {
  const extensionDir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, "manifest.json")))
    throw new Error(`No Firefox build in ${extensionDir}: run "npm run build:firefox" first.`);
  const browser: Browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: findFirefox(),
    headless: true,
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      // A fixed moz-extension:// host for our add-on.
      "extensions.webextensions.uuids": JSON.stringify({ [ADDON_ID]: UUID }),
      // The extension page we evaluate in sits in a background tab: keep its
      // timers at full speed, as the background page's are.
      "dom.min_background_timeout_value": 4,
      "dom.timeout.enable_budget_timer_throttling": false,
    },
  });
  try {
    await browser.installExtension(extensionDir);
    const origin = `moz-extension://${UUID}`;
    // Our window onto the extension's APIs, and where the scan signal is set
    // before any test page opens (frames read it when they start).
    const hub = wrap(await browser.newPage());
    await hub.goto(`${origin}/options.html`);
    await hub.evaluate("browser.storage.local.set({ testSignals: true })");
    // The background registers the page script at startup: a page opened
    // before that would get none (as in Chromium, see ../browser.ts).
    await hub.waitFor(
      "browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0)",
      undefined,
      10_000,
    );
    const calls = extensionCalls((expression) => hub.evaluate(expression));

    const driver: Driver = {
      name: "firefox",
      extensionOrigin: origin,
      async newPage() {
        return wrap(await browser.newPage());
      },
      async openExtensionPage(path) {
        const page = wrap(await browser.newPage());
        await page.goto(`${origin}${path}`);
        return page;
      },
      inExtension: calls.inExtension,
      setStorage: calls.setStorage,
      tabIdOf: (page) => calls.tabIdOfUrl(page.url()),
      async openPopup(page) {
        const tabId = await driver.tabIdOf(page);
        const popup = wrap(await browser.newPage());
        await popup.goto(`${origin}/popup.html?tab=${tabId}`);
        await popup.waitFor(() => !!document.querySelector("main"));
        return { popup, real: false, close: () => popup.close() };
      },
      close: () => browser.close(),
    };
    return driver;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
