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

export async function tooltipText(page: Page, timeout = 3000): Promise<string> {
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
export async function waitForHighlightIn(page: Page, selector: string, timeout = 5000): Promise<void> {
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
