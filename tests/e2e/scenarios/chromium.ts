// The scenario driver for Chromium: playwright-core with ../browser.ts `launch`.

import type { Frame, Page } from "playwright-core";
import { launch } from "../browser";
import { openRealPopup } from "../helpers";
import { type Driver, type DriverPage, driverPage, evaluatorOf, extensionCalls } from "./driver";

function evaluator(target: Page | Frame) {
  return evaluatorOf(target, async (expression, timeout) => {
    await target.waitForFunction(expression, undefined, { timeout, polling: "raf" });
  });
}

function wrap(page: Page): DriverPage & { playwright: Page } {
  const wrapped = driverPage<Frame, Page>(page, {
    evaluator,
    async goto(url) {
      await page.goto(url);
    },
    async screenshot(path) {
      await page.screenshot({ path });
    },
  });
  return { ...wrapped, playwright: page };
}

export async function chromiumDriver(): Promise<Driver> {
  // launch sets the scan signal (storage local.testSignals) before any page opens.
  const session = await launch();
  const { context, worker, extensionId } = session;
  const calls = extensionCalls((expression) => worker.evaluate(expression));
  const driver: Driver = {
    name: "chromium",
    extensionOrigin: `chrome-extension://${extensionId}`,
    async newPage() {
      return wrap(await context.newPage());
    },
    async openExtensionPage(path) {
      const page = wrap(await context.newPage());
      await page.goto(`chrome-extension://${extensionId}${path}`);
      return page;
    },
    inExtension: calls.inExtension,
    setStorage: calls.setStorage,
    async tabIdOf(page) {
      await page.bringToFront();
      return calls.tabIdOfUrl(page.url());
    },
    async openPopup(page) {
      const real = await openRealPopup(session, (page as DriverPage & { playwright: Page }).playwright);
      return {
        popup: evaluatorOf(real, (expression, timeout) => real.waitFor(expression, timeout)),
        real: true,
        async close() {
          await real.evaluate("window.close()").catch(() => {});
          await real.detach();
        },
      };
    },
    close: () => session.close(),
  };
  return driver;
}
