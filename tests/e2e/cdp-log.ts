// Watching what the extension does while tests run, in every context:
// console output and uncaught errors split into the page's own and ours
// (the content script's isolated world, the service worker), every network
// request and who made it, our scan slices, and the page's state after it
// settles. Shared by the corpus, privacy, hostile, bad-input and lifecycle suites.
//
// Page-side functions below avoid named inner functions: tsx (keepNames)
// would wrap them in a helper the page does not have.

import type { BrowserContext, CDPSession, Page } from "playwright-core";

const OURS = /chrome-extension:\/\//;

interface CdpContext {
  id: number;
  origin: string;
  name: string;
}
interface CallFrame {
  url: string;
}
interface ConsoleEvent {
  type: string;
  executionContextId: number;
  args: { value?: unknown; description?: string }[];
  stackTrace?: { callFrames: CallFrame[] };
}
interface ExceptionEvent {
  exceptionDetails: {
    executionContextId?: number;
    text: string;
    url?: string;
    exception?: { description?: string };
    stackTrace?: { callFrames: CallFrame[] };
  };
}
interface LogEvent {
  entry: { level: string; text: string; url?: string; source: string };
}
interface RequestEvent {
  request: { url: string };
  initiator: { type: string; url?: string; stack?: { callFrames: CallFrame[]; parent?: unknown } };
}

function where(stack?: {
  callFrames: (CallFrame & { functionName?: string; lineNumber?: number; columnNumber?: number })[];
}): string {
  const f = stack?.callFrames[0];
  return f ? ` at ${f.functionName || "?"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}` : "";
}

function stackIsOurs(stack?: { callFrames: CallFrame[] }): boolean {
  return !!stack?.callFrames.some((f) => OURS.test(f.url));
}

/** Everything one page's console, errors and network say, split into the page's and ours. */
export class PageLog {
  /** The page's own errors (console.error, uncaught exceptions, failed loads). */
  readonly pageErrors: string[] = [];
  /** Errors and warnings from our content script's world or code. */
  readonly ours: string[] = [];
  /** Requests the page made (URLs). */
  readonly requests: string[] = [];
  /** Requests whose initiator stack runs through extension code. */
  readonly ourRequests: string[] = [];
  private readonly contexts = new Map<number, CdpContext>();

  private constructor(readonly cdp: CDPSession) {}

  static async attach(context: BrowserContext, page: Page): Promise<PageLog> {
    const cdp = await context.newCDPSession(page);
    const log = new PageLog(cdp);
    cdp.on("Runtime.executionContextCreated", (e: { context: CdpContext }) =>
      log.contexts.set(e.context.id, e.context),
    );
    cdp.on("Runtime.consoleAPICalled", (e: ConsoleEvent) => log.onConsole(e));
    cdp.on("Runtime.exceptionThrown", (e: ExceptionEvent) => log.onException(e));
    cdp.on("Log.entryAdded", (e: LogEvent) => log.onLog(e));
    cdp.on("Network.requestWillBeSent", (e: RequestEvent) => log.onRequest(e));
    await Promise.all([cdp.send("Runtime.enable"), cdp.send("Log.enable"), cdp.send("Network.enable")]);
    return log;
  }

  private isOurContext(id: number | undefined): boolean {
    return id !== undefined && OURS.test(this.contexts.get(id)?.origin ?? "");
  }

  private onConsole(e: ConsoleEvent): void {
    const text = e.args
      .map((a) => (a.value !== undefined ? String(a.value) : (a.description ?? "")))
      .join(" ");
    const ours = this.isOurContext(e.executionContextId) || stackIsOurs(e.stackTrace);
    if (ours && (e.type === "error" || e.type === "warning" || e.type === "assert"))
      this.ours.push(`console.${e.type}: ${text}`);
    else if (!ours && (e.type === "error" || e.type === "assert"))
      this.pageErrors.push(`console.error: ${text}`);
  }

  private onException(e: ExceptionEvent): void {
    const d = e.exceptionDetails;
    const text = d.exception?.description?.split("\n")[0] ?? d.text;
    if (this.isOurContext(d.executionContextId) || stackIsOurs(d.stackTrace) || OURS.test(d.url ?? ""))
      this.ours.push(`uncaught: ${text}${where(d.stackTrace)}`);
    else this.pageErrors.push(`uncaught: ${text}`);
  }

  private onLog(e: LogEvent): void {
    if (e.entry.level !== "error") return;
    // chrome-extension://invalid/ is how Chromium names another extension's
    // resource that a page asked for (saved pages do): the page's, not ours.
    if (OURS.test(e.entry.url ?? "") && !e.entry.url?.startsWith("chrome-extension://invalid/"))
      this.ours.push(`log: ${e.entry.text} ${e.entry.url}`);
    // Loads we blocked (other hosts) are counted by recordAndBlock, not here.
    else if (e.entry.text.includes("ERR_BLOCKED_BY_CLIENT")) return;
    // Failed loads name no URL in their text; keep the URL so runs compare.
    else
      this.pageErrors.push(`log(${e.entry.source}): ${e.entry.text}${e.entry.url ? ` ${e.entry.url}` : ""}`);
  }

  private onRequest(e: RequestEvent): void {
    this.requests.push(e.request.url);
    const i = e.initiator;
    if (OURS.test(i.url ?? "") || stackIsOurs(i.stack)) this.ourRequests.push(e.request.url);
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * The extension's service worker(s), watched through the browser's CDP
 * target: console errors and warnings, uncaught exceptions, and every
 * request it makes. Follows restarts and reloads (new worker targets are
 * attached as they appear).
 */
export class WorkerLog {
  readonly errors: string[] = [];
  readonly requests: string[] = [];
  private readonly sessions = new Map<string, string>(); // sessionId -> targetId
  private nextId = 1;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async attach(context: BrowserContext, extensionId: string): Promise<WorkerLog> {
    const browser = context.browser();
    if (!browser) throw new Error("no browser for this context");
    const cdp = await browser.newBrowserCDPSession();
    const log = new WorkerLog(cdp, extensionId);
    cdp.on("Target.receivedMessageFromTarget", (e: { sessionId: string; message: string }) =>
      log.onMessage(e.message),
    );
    cdp.on("Target.targetCreated", (e: { targetInfo: TargetInfo }) => void log.maybeAttach(e.targetInfo));
    await cdp.send("Target.setDiscoverTargets", { discover: true });
    const { targetInfos } = (await cdp.send("Target.getTargets")) as { targetInfos: TargetInfo[] };
    for (const t of targetInfos) await log.maybeAttach(t);
    return log;
  }

  /** The current worker targets of the extension. */
  async workerTargets(): Promise<TargetInfo[]> {
    const { targetInfos } = (await this.cdp.send("Target.getTargets")) as { targetInfos: TargetInfo[] };
    return targetInfos.filter(
      (t) => t.type === "service_worker" && t.url.startsWith(`chrome-extension://${this.extensionId}/`),
    );
  }

  /** Stops the worker as the browser does when it is idle (closes its target). */
  async stopWorkers(): Promise<number> {
    const targets = await this.workerTargets();
    for (const t of targets) await this.cdp.send("Target.closeTarget", { targetId: t.targetId });
    return targets.length;
  }

  private async maybeAttach(t: TargetInfo): Promise<void> {
    if (t.type !== "service_worker" || !t.url.startsWith(`chrome-extension://${this.extensionId}/`)) return;
    if ([...this.sessions.values()].includes(t.targetId)) return;
    try {
      const { sessionId } = (await this.cdp.send("Target.attachToTarget", {
        targetId: t.targetId,
        flatten: false,
      })) as { sessionId: string };
      this.sessions.set(sessionId, t.targetId);
      for (const method of ["Runtime.enable", "Log.enable", "Network.enable"]) {
        await this.cdp.send("Target.sendMessageToTarget", {
          sessionId,
          message: JSON.stringify({ id: this.nextId++, method, params: {} }),
        });
      }
    } catch {
      // The worker went away while we attached; a new one will be announced.
    }
  }

  private onMessage(raw: string): void {
    const m = JSON.parse(raw) as { method?: string; params?: unknown };
    if (m.method === "Runtime.consoleAPICalled") {
      const e = m.params as ConsoleEvent;
      if (e.type === "error" || e.type === "warning" || e.type === "assert")
        this.errors.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(" ")}`);
    } else if (m.method === "Runtime.exceptionThrown") {
      const d = (m.params as ExceptionEvent).exceptionDetails;
      this.errors.push(`uncaught: ${d.exception?.description?.split("\n")[0] ?? d.text}`);
    } else if (m.method === "Log.entryAdded") {
      const e = (m.params as LogEvent).entry;
      if (e.level === "error") this.errors.push(`log: ${e.text}`);
    } else if (m.method === "Network.requestWillBeSent") {
      this.requests.push((m.params as RequestEvent).request.url);
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}

export interface RecordedRequest {
  url: string;
  /** A request of the extension's service worker. */
  fromWorker: boolean;
  /** The URL of the frame (or worker) that made it. */
  by: string;
}

export function isLocal(url: string): boolean {
  try {
    const u = new URL(url);
    return u.hostname === "127.0.0.1" || u.hostname === "localhost";
  } catch {
    return false;
  }
}

/**
 * Records every request of the context (pages, frames, the service worker)
 * and aborts those to any host but 127.0.0.1/localhost, counting them.
 */
export async function recordAndBlock(context: BrowserContext): Promise<{
  all: RecordedRequest[];
  blocked: RecordedRequest[];
}> {
  const all: RecordedRequest[] = [];
  const blocked: RecordedRequest[] = [];
  const describe = (r: import("playwright-core").Request): RecordedRequest => {
    const worker = r.serviceWorker();
    let by = worker?.url() ?? "";
    if (!worker) {
      try {
        by = r.frame().url();
      } catch {
        by = "?";
      }
    }
    return { url: r.url(), fromWorker: !!worker, by };
  };
  context.on("request", (r) => all.push(describe(r)));
  await context.route(
    (url) => /^(https?|wss?|ftp):/.test(url.protocol) && !isLocal(url.href),
    (route) => {
      blocked.push(describe(route.request()));
      return route.abort("blockedbyclient");
    },
  );
  return { all, blocked };
}

export interface ScanSignal {
  /** null: no scan of ours has finished in this frame yet. */
  state: "busy" | "idle" | null;
  /** How many times the scan has come back to idle. */
  settled: number;
}

// The page-side code below is passed as strings: a hostile page may break
// the built-ins (Array.prototype.map…) that Playwright's argument passing
// uses in the page's world.

function run(target: Page | CDPSession, expression: string): Promise<unknown> {
  return "send" in target ? cdpEval(target, expression) : target.evaluate(expression);
}

/** The frame's scan state, as the content script marks it for tests (entrypoints/content-script/scan-signal.ts). */
export async function scanSignal(page: Page | CDPSession): Promise<ScanSignal> {
  return (await run(
    page,
    `(() => {
    const root = document.documentElement;
    const state = root && root.getAttribute("data-termlens-scan");
    return { state: state === "busy" || state === "idle" ? state : null, settled: Number(root && root.getAttribute("data-termlens-settled")) || 0 };
  })()`,
  )) as ScanSignal;
}

/**
 * Waits for the content script to say its scan is idle (having settled more
 * than `after` times, to wait for a scan after a change). `maxMs` only bounds
 * a failure: the wait ends at the signal.
 */
export async function scanIdle(
  page: Page | CDPSession,
  opts: { after?: number; maxMs?: number } = {},
): Promise<ScanSignal> {
  const { after = 0, maxMs = 20_000 } = opts;
  const end = Date.now() + maxMs;
  for (;;) {
    const s = await scanSignal(page);
    if (s.state === "idle" && s.settled > after) return s;
    if (Date.now() > end) throw new Error(`the scan did not become idle (last: ${JSON.stringify(s)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Terms highlighted now: `termlens` and `termlens-everyday` sizes. A page
 * that hides `CSS.highlights` from its own world may leave the registry as
 * `window.pristineHighlights` for the tests.
 */
export async function termCounts(page: Page | CDPSession): Promise<{ terms: number; everyday: number }> {
  return (await run(
    page,
    `(() => {
    const registry = window.pristineHighlights || CSS.highlights;
    const a = registry.get("termlens");
    const b = registry.get("termlens-everyday");
    return { terms: a ? a.size : 0, everyday: b ? b.size : 0 };
  })()`,
  )) as { terms: number; everyday: number };
}

/**
 * Waits until the page's own DOM has not changed for `quietMs` (at most
 * `maxMs`): for comparing pages with and without Termlens, whose own scripts
 * have no "done" event to wait for. Returns whether it went quiet.
 */
export async function pageQuiet(
  page: Page | CDPSession,
  opts: { quietMs?: number; maxMs?: number } = {},
): Promise<boolean> {
  const { quietMs = 500, maxMs = 5000 } = opts;
  return (await run(
    page,
    `new Promise((resolve) => {
    const quiet = ${Number(quietMs)}, max = ${Number(maxMs)};
    const started = performance.now();
    let last = started;
    let observer = null;
    try {
      observer = new MutationObserver(() => { last = performance.now(); });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    } catch {
      // The page replaced MutationObserver: go by time alone.
    }
    const timer = setInterval(() => {
      const now = performance.now();
      if (now - last >= quiet || now - started >= max) {
        clearInterval(timer);
        if (observer) observer.disconnect();
        resolve(now - last >= quiet);
      }
    }, 50);
  })`,
  )) as boolean;
}

export interface PageState {
  html: string;
  scrollX: number;
  scrollY: number;
  focus: string;
}

/** The page as serialized (our tooltip host removed), its scroll position and focus. */
export function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : "";
    // Our tooltip and the tests' scan signal (never set as shipped) aside.
    const html = (doctype + document.documentElement.outerHTML)
      .replace(/<termlens-tooltip\b[\s\S]*?<\/termlens-tooltip>/g, "")
      .replace(/ data-termlens-(settled|scan)="[^"]*"/g, "");
    const a = document.activeElement;
    const focus = a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ""}` : "none";
    return { html, scrollX: window.scrollX, scrollY: window.scrollY, focus };
  });
}

/** The JS heap in use by the page, in MB (CDP Runtime.getHeapUsage, after a GC). */
export async function heapMb(cdp: CDPSession, gc = true): Promise<number> {
  if (gc) await cdp.send("HeapProfiler.collectGarbage").catch(() => {});
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  return usedSize / 1024 / 1024;
}

/** Where two strings first differ, with a little context (for failure messages). */
export function firstDifference(a: string, b: string, context = 80): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return "identical";
  const from = Math.max(0, i - context);
  return `at ${i}: …${JSON.stringify(a.slice(from, i + context))} vs …${JSON.stringify(b.slice(from, i + context))}`;
}

/**
 * Evaluates `expression` in the page's main world through CDP, bypassing
 * Playwright's in-page helpers (which a hostile page can break).
 */
export async function cdpEval<T>(cdp: CDPSession, expression: string): Promise<T> {
  const r = (await cdp.send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (r.exceptionDetails)
    throw new Error(`in page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}
