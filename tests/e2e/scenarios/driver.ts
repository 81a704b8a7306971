// The small surface the shared scenarios (scenarios.ts) drive a browser
// through. Two implementations: Chromium with playwright-core (chromium.ts,
// reusing ../browser.ts `launch`) and Firefox with puppeteer-core over
// WebDriver BiDi (firefox.ts). Page-side functions are serialized into the
// page: no named inner functions in them (tsx's keepNames would wrap them in
// a helper the page does not have), one argument at most.

export type BrowserName = "chromium" | "firefox";

/** A function run in a page, frame or extension page, or the source of an expression. */
export type PageFn<A, R> = string | ((arg: A) => R | Promise<R>);

export interface Evaluator {
  evaluate<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  /** Resolves when `fn` returns something truthy (checked as the page changes, bounded by `timeout`). */
  waitFor<A = undefined>(fn: PageFn<A, unknown>, arg?: A, timeout?: number): Promise<void>;
}

export interface DriverPage extends Evaluator {
  goto(url: string): Promise<void>;
  url(): string;
  /** A frame of this page whose URL matches (null when there is none). */
  frame(url: RegExp | ((url: string) => boolean)): Evaluator | null;
  /** The frame element's box in the page's viewport, for pointing into a frame. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  bringToFront(): Promise<void>;
  /** A PNG of the viewport (for the README's screenshots). */
  screenshot(path: string): Promise<void>;
  /** console.error / uncaught errors seen in this page (any frame, any world the driver can see). */
  readonly errors: string[];
  /** Every URL this page and its frames requested. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** What `inExtension` functions may call on `api` (Firefox's `browser` or Chrome's `chrome`). */
export interface ExtApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, msg: unknown, opts?: { frameId?: number }): Promise<unknown>;
  };
  storage: Record<
    "local" | "sync",
    { get(k: unknown): Promise<Record<string, unknown>>; set(v: object): Promise<void> }
  >;
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  scripting: {
    getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; excludeMatches?: string[] }[]>;
  };
}

export interface Driver {
  readonly name: BrowserName;
  /** moz-extension://<uuid> or chrome-extension://<id> */
  readonly extensionOrigin: string;
  newPage(): Promise<DriverPage>;
  /** Opens an extension page (e.g. "/options.html") in a tab. */
  openExtensionPage(path: string): Promise<DriverPage>;
  /**
   * Runs `fn` where the extension's APIs are (Chromium: the service worker;
   * Firefox: an extension page). `api` inside is `browser` or `chrome`.
   */
  inExtension<R, A = undefined>(fn: PageFn<A, R>, arg?: A): Promise<R>;
  setStorage(area: "local" | "sync", items: Record<string, unknown>): Promise<void>;
  /** The tab id of a page, as the extension knows it. */
  tabIdOf(page: DriverPage): Promise<number>;
  /**
   * The toolbar popup speaking for `page`'s tab. Chromium opens the real
   * popup (action.openPopup); Firefox cannot open it by script
   * (browserAction.openPopup needs a user gesture), so it opens
   * popup.html?tab=<id> as a page: `real` says which.
   */
  openPopup(page: DriverPage): Promise<{ popup: Evaluator; real: boolean; close(): Promise<void> }>;
  close(): Promise<void>;
}

// ---- Shared by both drivers (chromium.ts, firefox.ts) ----

/** `fn` as an expression, its argument inlined as JSON: one path for strings and functions. */
export function source<A>(fn: PageFn<A, unknown>, arg?: A): string {
  return typeof fn === "string" ? fn : `(${fn.toString()})(${arg === undefined ? "" : JSON.stringify(arg)})`;
}

/** `fn` as an expression for where the extension's APIs are, `api` bound to `browser` or `chrome`. */
export function inExtensionSource<A>(fn: PageFn<A, unknown>, arg?: A): string {
  return `(() => { const api = globalThis.browser ?? globalThis.chrome; return ${source(fn, arg)}; })()`;
}

/**
 * An Evaluator over anything that evaluates source (a page, a frame, the
 * real popup); `waitFor` is given the condition as source and a timeout.
 */
export function evaluatorOf(
  target: { evaluate(expression: string): Promise<unknown> },
  waitFor: (expression: string, timeout: number) => Promise<void>,
): Evaluator {
  return {
    evaluate: <R, A>(fn: PageFn<A, R>, arg?: A) => target.evaluate(source(fn, arg)) as Promise<R>,
    waitFor: (fn, arg, timeout = 20_000) => waitFor(source(fn, arg), timeout),
  };
}

/** A frame as Playwright and Puppeteer both offer it, as far as the drivers use it. */
export interface LibFrame {
  url(): string;
}

/** A page as Playwright and Puppeteer both offer it, as far as the drivers use it. */
export interface LibPage<F extends LibFrame> extends LibFrame {
  frames(): F[];
  mainFrame(): F;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void> };
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** What differs between the libraries for one page. */
export interface PageSpecifics<P, F> {
  evaluator(target: P | F): Evaluator;
  goto(url: string): Promise<void>;
  screenshot(path: string): Promise<void>;
}

/** A DriverPage over either library's page: console errors and requests recorded from the start. */
export function driverPage<F extends LibFrame, P extends LibPage<F>>(
  page: P,
  specifics: PageSpecifics<P, F>,
): DriverPage {
  const errors: string[] = [];
  const requests: string[] = [];
  // Both libraries emit these events with these payloads; their typings of
  // `on` (overloads, a generic) fit no one signature, hence the cast.
  const events = page as unknown as {
    on(event: "console", listener: (message: { type(): string; text(): string }) => void): void;
    on(event: "pageerror", listener: (error: unknown) => void): void;
    on(event: "request", listener: (request: { url(): string }) => void): void;
  };
  events.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  events.on("pageerror", (e) => errors.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`));
  events.on("request", (r) => requests.push(r.url()));
  return {
    ...specifics.evaluator(page),
    errors,
    requests,
    goto: specifics.goto,
    url: () => page.url(),
    frame(url) {
      const main = page.mainFrame();
      const f = page
        .frames()
        .find((fr) => fr !== main && (url instanceof RegExp ? url.test(fr.url()) : url(fr.url())));
      return f ? specifics.evaluator(f) : null;
    },
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    screenshot: specifics.screenshot,
    close: () => page.close(),
  };
}

/** The Driver calls that only need somewhere to run code with the extension's APIs. */
export function extensionCalls(
  run: (expression: string) => Promise<unknown>,
): Pick<Driver, "inExtension" | "setStorage"> & { tabIdOfUrl(url: string): Promise<number> } {
  const inExtension = <R, A>(fn: PageFn<A, R>, arg?: A) => run(inExtensionSource(fn, arg)) as Promise<R>;
  return {
    inExtension,
    async setStorage(area, items) {
      await inExtension(([a, v]: ["local" | "sync", object]) => api.storage[a].set(v), [area, items]);
    },
    async tabIdOfUrl(url) {
      const id = await inExtension(
        (u: string) => api.tabs.query({}).then((tabs) => tabs.find((t) => t.url === u)?.id),
        url,
      );
      if (typeof id !== "number") throw new Error(`no tab for ${url}`);
      return id;
    },
  };
}

/** In `inExtension` functions: the extension API where they run. */
declare const api: ExtApi;
