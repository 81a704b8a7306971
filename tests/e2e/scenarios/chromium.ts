// The scenario driver for Chromium: playwright-core with ../browser.ts `launch`.

import type { Frame, Page } from "playwright-core";
import { launch } from "../browser";
import { openRealPopup } from "../helpers";
import type { Driver, DriverPage, Evaluator, ExtApi, PageFn } from "./driver";

/** In `inExtension` functions: the extension API where they run. */
declare const api: ExtApi;

/** `fn` as an expression, its argument inlined (for CDP, which takes source). */
export function source<A>(fn: PageFn<A, unknown>, arg?: A): string {
  return typeof fn === "string" ? fn : `(${fn.toString()})(${arg === undefined ? "" : JSON.stringify(arg)})`;
}

function evaluator(target: Page | Frame): Evaluator {
  return {
    // As source, the argument inlined as JSON: one path for strings and functions.
    evaluate: <R, A>(fn: PageFn<A, R>, arg?: A) => target.evaluate(source(fn, arg)) as Promise<R>,
    async waitFor(fn, arg, timeout = 20_000) {
      await target.waitForFunction(source(fn, arg), undefined, { timeout, polling: "raf" });
    },
  };
}

function wrap(page: Page): DriverPage {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  return {
    ...evaluator(page),
    playwright: page,
    errors,
    requests,
    async goto(url) {
      await page.goto(url);
    },
    url: () => page.url(),
    frame(url) {
      const f = page
        .frames()
        .find(
          (fr) => fr !== page.mainFrame() && (url instanceof RegExp ? url.test(fr.url()) : url(fr.url())),
        );
      return f ? evaluator(f) : null;
    },
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    async screenshot(path) {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  } as DriverPage & { playwright: Page };
}

export async function chromiumDriver(): Promise<Driver> {
  const session = await launch();
  const { context, worker, extensionId } = session;
  // Set here too (browser.ts may or may not): frames read it when they start.
  await worker.evaluate("chrome.storage.local.set({ testSignals: true })");
  const inExtension = <R, A>(fn: PageFn<A, R>, arg?: A) =>
    worker.evaluate(
      `(() => { const api = globalThis.browser ?? globalThis.chrome; return ${source(fn, arg)}; })()`,
    ) as Promise<R>;
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
    inExtension,
    async setStorage(area, items) {
      await inExtension(([a, v]: ["local" | "sync", object]) => api.storage[a].set(v), [area, items]);
    },
    async tabIdOf(page) {
      const url = page.url();
      await page.bringToFront();
      const id = await inExtension(
        (u: string) =>
          (
            globalThis as unknown as {
              chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
            }
          ).chrome.tabs
            .query({})
            .then((tabs) => tabs.find((t) => t.url === u)?.id),
        url,
      );
      if (typeof id !== "number") throw new Error(`no tab for ${url}`);
      return id;
    },
    async openPopup(page) {
      const pw = (page as DriverPage & { playwright: Page }).playwright;
      const real = await openRealPopup(session, pw);
      const popup: Evaluator = {
        evaluate: (fn, arg) => real.evaluate(source(fn, arg)),
        waitFor: (fn, arg, timeout) => real.waitFor(source(fn, arg), timeout),
      };
      return {
        popup,
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
