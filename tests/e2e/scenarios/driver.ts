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
