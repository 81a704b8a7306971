// Page-side helpers shared by the e2e tests and the demo.

import type { Frame, Page } from "playwright-core";
import type { Session } from "./browser";
import {
  afterPointerTimers,
  HOVER_TIMERS_MS,
  hasHighlightIn,
  highlightedIn as highlightedInPage,
  pointOf as pointOfPage,
  watchPointer as watchPointerInPage,
} from "./page-side";

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

/** Viewport point at the middle of the first `text` inside `selector` (scrolled into view). */
export async function pointOf(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(pointOfPage, [selector, text, null] as [string, string, null]);
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}

/** Rests the pointer on `text` inside `selector`; returns where it rests (for hoverTimersRan). */
export async function hover(page: Page, selector: string, text: string): Promise<{ x: number; y: number }> {
  // Only the tab in front gets animation frames, where hover is handled.
  await page.bringToFront();
  await watchPointer(page);
  const { x, y } = await pointOf(page, selector, text);
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y, { steps: 2 });
  return { x, y };
}

/**
 * Rests the pointer on `text` inside `selector` and waits until the hover
 * timers of that move have run (hoverTimersRan); then, how many cards are
 * open: 1 where resting opened one (the positive control), 0 where nothing
 * opened (the check it controls).
 */
export async function cardsAfterResting(page: Page, selector: string, text: string): Promise<number> {
  const at = await hover(page, selector, text);
  await hoverTimersRan(page, at);
  return page.locator("termlens-tooltip").count();
}

/** Rests the pointer on `text` inside `selector`; the card's text once its definition is there. */
export async function cardFor(page: Page, selector: string, text: string, timeout = 20_000): Promise<string> {
  await hover(page, selector, text);
  return tooltipText(page, timeout);
}

/** Starts noting the pointer's moves in the page as the content script handles them (see page-side.ts). */
export async function watchPointer(page: Page | Frame): Promise<void> {
  await page.evaluate(watchPointerInPage);
}

/**
 * Resolves once the content script has handled the pointer's move to `at`
 * (its last move) and every hover timer that move or an earlier one set
 * (the hover delay, the close grace: at most `ms`) has fired: a timer of the
 * page's own, set after them and due no sooner, fires after them (page-side.ts,
 * afterPointerTimers). The event to wait for before asserting that a move
 * opened or closed nothing. Call watchPointer (hover does) before moving.
 */
export async function hoverTimersRan(
  page: Page | Frame,
  at: { x: number; y: number },
  ms = HOVER_TIMERS_MS,
): Promise<void> {
  const seen = await page.evaluate(afterPointerTimers, [at.x, at.y, ms] as [number, number, number]);
  if (!seen) throw new Error(`the page never saw the pointer at ${JSON.stringify(at)} (watchPointer first)`);
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

/** Waits until the page has highlighted terms (its scan found some). */
export async function waitForTerms(page: Page | Frame, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, { timeout });
}

/** Closes the open card with Escape and waits until its host has left the page. */
export async function closeTooltip(page: Page, timeout = 20_000): Promise<void> {
  await page.keyboard.press("Escape");
  await page.locator("termlens-tooltip").waitFor({ state: "detached", timeout });
}

/**
 * Asks `check` every `every` ms until it answers something truthy, and
 * returns that; after `timeout`, throws saying what did not happen.
 */
export async function until<T>(
  what: string | (() => string),
  check: () => T | Promise<T>,
  { timeout = 20_000, every = 50 } = {},
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > end)
      throw new Error(
        `timed out after ${timeout} ms waiting until ${typeof what === "string" ? what : what()}`,
      );
    await new Promise((r) => setTimeout(r, every));
  }
}

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

/** Highlighted texts inside the element matched by `selector` (light or shadow DOM); null: no such element. */
export function highlightedIn(
  page: Page | Frame,
  selector: string,
  name = "termlens",
): Promise<string[] | null> {
  return page.evaluate(highlightedInPage, [selector, name] as [string, string]);
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
export async function waitForHighlightIn(
  page: Page | Frame,
  selector: string,
  timeout = 20_000,
): Promise<void> {
  await page.waitForFunction(hasHighlightIn, selector, { timeout });
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

/**
 * The page's markup, without the tests' scan signal (which the shipped
 * build never sets) and, with `dropTooltip`, without our tooltip's host.
 */
export function pageHtml(page: Page, dropTooltip = false): Promise<string> {
  return page.evaluate((drop) => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    if (drop) for (const host of clone.querySelectorAll("termlens-tooltip")) host.remove();
    clone.removeAttribute("data-termlens-scan");
    clone.removeAttribute("data-termlens-settled");
    return clone.outerHTML;
  }, dropTooltip);
}

/**
 * Waits until Termlens is settled off in the top frame of `page`: the frame
 * answers that it is off (the gate or the content script read the settings),
 * or, once the page has loaded and gone idle (registered scripts have run by
 * then: loadedAndIdle), nothing of ours answers at all (Chromium gives a
 * switched-off site no script). The
 * event to wait for before asserting that nothing is highlighted.
 */
export async function waitUntilOff(session: Session, page: Page, timeout = 20_000): Promise<void> {
  await loadedAndIdle(page);
  const tabId = await tabIdOf(session, page);
  let reply: unknown;
  await until(
    () => `the page says Termlens is off there (last answer: ${JSON.stringify(reply)})`,
    async () => {
      reply = await session.worker
        .evaluate((id) => chrome.tabs.sendMessage(id, { type: "page-info" }, { frameId: 0 }), tabId)
        .catch(() => "no receiver");
      return reply === "no receiver" || (reply as { enabled?: boolean } | null)?.enabled === false;
    },
    { timeout },
  );
}

/**
 * Waits for the page's load event, then for an idle moment of its main
 * thread: scripts registered to run at document_idle (our gate) are
 * injected at the latest in a task queued as the load finishes, and idle
 * callbacks run only when no other task is waiting, so any such script of
 * ours has run by then.
 */
export async function loadedAndIdle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done())));
}
