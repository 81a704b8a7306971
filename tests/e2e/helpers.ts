// Page-side helpers shared by the e2e tests and the demo.

import type { Page } from "playwright-core";
import type { Session } from "./browser";

/** The part of the extension API the tests call inside the service worker. */
export interface ChromeApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, msg: unknown, opts?: { frameId?: number }): Promise<unknown>;
    update(tabId: number, props: object): Promise<unknown>;
  };
  action: { openPopup(): Promise<void>; getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { sync: { get(k: unknown): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
}
declare const chrome: ChromeApi;

/** Viewport point at the middle of the first `text` inside `selector`. */
export async function pointOf(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([sel, needle]) => {
      const root = document.querySelector(sel as string);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(needle as string);
        if (i < 0) continue;
        const r = new Range();
        r.setStart(n, i);
        r.setEnd(n, i + (needle as string).length);
        r.startContainer.parentElement?.scrollIntoView({ block: "center" });
        const box = r.getClientRects()[0];
        return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
      }
      return null;
    },
    [selector, text],
  );
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

export async function hover(page: Page, selector: string, text: string): Promise<void> {
  // Only the tab in front gets animation frames, where hover is handled.
  await page.bringToFront();
  const { x, y } = await pointOf(page, selector, text);
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 2 });
}

/** The number of ranges in the `termlens` highlight (0 when none). */
export function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => CSS.highlights.get("termlens")?.size ?? 0);
}

/** The highlighted texts, in document order. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get("termlens") ?? [])].map((r) => {
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString();
    }),
  );
}

export const TOOLTIP = "termlens-tooltip [role=tooltip]";

export async function tooltipText(page: Page, timeout = 20_000): Promise<string> {
  const tip = page.locator(TOOLTIP);
  await tip.waitFor({ state: "visible", timeout });
  // Wait for the definition to arrive from the background.
  await page.waitForFunction(
    () => !document.querySelector("termlens-tooltip")?.shadowRoot?.textContent?.includes("Looking up"),
    undefined,
    { timeout },
  );
  return (await tip.textContent()) ?? "";
}

/** The id of the tab showing `page`, from the extension's service worker. */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const id = await session.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.length === 1 ? tabs[0]?.id : tabs.find((t) => t.url === u)?.id;
  }, url);
  if (typeof id !== "number") throw new Error(`no tab id for ${url}`);
  return id;
}

/** The extension's popup page, speaking for the tab that shows `page`. */
export async function openPopupFor(session: Session, page: Page): Promise<Page> {
  const tabId = await tabIdOf(session, page);
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator("main").waitFor();
  return popup;
}

/** Highlighted texts inside the element matched by `selector` (light or shadow DOM). */
export function highlightedIn(
  page: Page | import("playwright-core").Frame,
  selector: string,
  name = "termlens",
) {
  return page.evaluate(
    ([sel, n]) => {
      // No named inner functions here: tsx's keepNames would wrap them in a
      // helper that the page does not have.
      let el: Element | null = null;
      const roots: (Document | ShadowRoot)[] = [document];
      while (!el && roots.length) {
        const root = roots.shift() as Document | ShadowRoot;
        el = root.querySelector(sel as string);
        for (const child of root.querySelectorAll("*")) if (child.shadowRoot) roots.push(child.shadowRoot);
      }
      if (!el) return null;
      const out: string[] = [];
      for (const r of CSS.highlights.get(n as string) ?? []) {
        if (!el.contains(r.startContainer)) continue;
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        out.push(live.toString());
      }
      return out;
    },
    [selector, name],
  );
}

/** Sends a command to the tab's content scripts, as a shortcut or the context menu would. */
export async function sendCommand(
  session: Session,
  page: Page,
  name: string,
  frameId?: number,
): Promise<void> {
  const tabId = await tabIdOf(session, page);
  await session.worker.evaluate(
    ([id, n, f]) =>
      chrome.tabs.sendMessage(
        id as number,
        { type: "command", name: n },
        f === null ? undefined : { frameId: f as number },
      ),
    [tabId, name, frameId ?? null] as const,
  );
}

/** Changes display settings as the options page would. */
export async function setDisplay(session: Session, display: Record<string, unknown>): Promise<void> {
  await session.worker.evaluate((d) => chrome.storage.sync.set({ display: d }), display);
}

/** Waits until a highlighted range starts inside `selector`. */
export async function waitForHighlightIn(page: Page, selector: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      for (const r of CSS.highlights.get("termlens") ?? []) if (el.contains(r.startContainer)) return true;
      return false;
    },
    selector,
    { timeout },
  );
}

/** The real toolbar popup, reached over CDP (it is not in Playwright's page list). */
export interface RealPopup {
  /** Evaluates an expression in the popup and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Types text into the focused element. */
  type(text: string): Promise<void>;
  /** Presses a key (e.g. "ArrowDown", "Enter", "Escape") in the popup. */
  press(key: "ArrowDown" | "ArrowUp" | "Enter" | "Escape"): Promise<void>;
  /** Waits until the expression is truthy. */
  waitFor(expression: string, timeout?: number): Promise<void>;
  detach(): Promise<void>;
}

const KEYS = {
  ArrowDown: { code: "ArrowDown", keyCode: 40 },
  ArrowUp: { code: "ArrowUp", keyCode: 38 },
  Enter: { code: "Enter", keyCode: 13, text: "\r" },
  Escape: { code: "Escape", keyCode: 27 },
} as const;

/**
 * Opens the real popup for `page` (its tab made active, then
 * chrome.action.openPopup in the service worker) and attaches to it with
 * the browser's CDP session. Messages go through Target.sendMessageToTarget
 * because Playwright's CDP sessions do not route flattened child sessions.
 */
export async function openRealPopup(session: Session, page: Page): Promise<RealPopup> {
  const browser = session.context.browser();
  if (!browser) throw new Error("no browser handle for CDP");
  const cdp = await browser.newBrowserCDPSession();
  const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
  const popupTargets = async () =>
    (await cdp.send("Target.getTargets")).targetInfos
      .filter((t) => t.type === "page" && t.url.startsWith(popupUrl))
      .map((t) => t.targetId);
  // A popup left open by an earlier step closes when another opens: attach
  // only to the one this call opened, never to one on its way out.
  const before = new Set(await popupTargets());
  await page.bringToFront();
  await session.worker.evaluate(() => chrome.action.openPopup());
  let targetId: string | undefined;
  for (let i = 0; i < 150 && !targetId; i++) {
    targetId = (await popupTargets()).find((id) => !before.has(id));
    if (!targetId) await new Promise((r) => setTimeout(r, 100));
  }
  if (!targetId) throw new Error("the popup did not open");
  const popupId = targetId;
  const isOpen = async () => (await popupTargets().catch((): string[] => [])).includes(popupId);
  const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, (msg: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg);
  });
  const send = async (method: string, params: object): Promise<unknown> => {
    const id = nextId++;
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((ok) => pending.set(id, ok));
    await cdp.send("Target.sendMessageToTarget", {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const msg = await reply;
    pending.delete(id);
    if (msg.error) throw new Error(`${method}: ${msg.error.message}`);
    return msg.result;
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = (await send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`in the popup: ${r.exceptionDetails.text} (${expression})`);
    return r.result.value;
  };
  const popup: RealPopup = {
    evaluate,
    async type(text) {
      await send("Input.insertText", { text });
    },
    async press(key) {
      const k = KEYS[key];
      const base = { key, code: k.code, windowsVirtualKeyCode: k.keyCode };
      await send("Input.dispatchKeyEvent", {
        type: "keyDown",
        ...base,
        ...("text" in k ? { text: k.text } : {}),
      });
      await send("Input.dispatchKeyEvent", { type: "keyUp", ...base });
    },
    async waitFor(expression, timeout = 15_000) {
      const end = Date.now() + timeout;
      while (!(await evaluate<boolean>(`!!(${expression})`))) {
        if (Date.now() > end) throw new Error(`timed out waiting in the popup for: ${expression}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async detach() {
      // Close the popup and wait until it is gone, so the next popup is a new one.
      // (A popup that already closed itself, as choosing a term does, never answers.)
      if (await isOpen()) {
        const closing = send("Runtime.evaluate", { expression: "setTimeout(() => window.close(), 0)" });
        await Promise.race([closing.catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
      }
      for (let i = 0; i < 100 && (await isOpen()); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await cdp.send("Target.detachFromTarget", { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
  await popup.waitFor("document.querySelector('main')");
  return popup;
}

/** The badge text of a tab (take the id with tabIdOf first: that focuses the page, closing a popup). */
export function badgeOf(session: Session, tabId: number): Promise<string> {
  return session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** The page's markup, without the tests' scan signal (which the shipped build never sets). */
export function pageHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    clone.removeAttribute("data-termlens-scan");
    clone.removeAttribute("data-termlens-settled");
    return clone.outerHTML;
  });
}

/**
 * Waits until Termlens is settled off in the top frame of `page`: the frame
 * answers that it is off (the gate or the content script read the settings),
 * or, once the page has loaded (registered scripts run by then), nothing of
 * ours answers at all (Chromium gives a switched-off site no script). The
 * event to wait for before asserting that nothing is highlighted.
 */
export async function waitUntilOff(session: Session, page: Page, timeout = 20_000): Promise<void> {
  await page.waitForLoadState("load");
  const tabId = await tabIdOf(session, page);
  const end = Date.now() + timeout;
  for (;;) {
    const reply = (await session.worker
      .evaluate((id) => chrome.tabs.sendMessage(id, { type: "page-info" }, { frameId: 0 }), tabId)
      .catch(() => "no receiver")) as { enabled?: boolean } | "no receiver" | null;
    if (reply === "no receiver" || reply?.enabled === false) return;
    if (Date.now() > end)
      throw new Error(`the page never said Termlens is off there (${JSON.stringify(reply)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
