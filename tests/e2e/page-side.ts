// Functions that run inside a page, shared by the Chromium tests (helpers.ts,
// Playwright) and the scenarios of both browsers (scenarios/, through a
// driver that serializes them). One argument at most, and no named inner
// functions: tsx (keepNames) would wrap those in a helper the page lacks.
// Also the content script's hover timings that the waits below depend on.

import { DEFAULT_DISPLAY } from "../../lib/settings";

/** The hover delay when the settings do not change it (lib/settings.ts). */
export const HOVER_DELAY_MS = DEFAULT_DISPLAY.hoverDelayMs;
/**
 * How long an unpinned card stays once the pointer has left it
 * (entrypoints/content-script/session.ts, `hideDelay`). Tests that wait on
 * it also check that an unpinned card is closed after the same wait, so a
 * longer grace in the product fails a test rather than passing one.
 */
export const CLOSE_GRACE_MS = 300;
/** Long enough for any hover timer of the content script at the default settings. */
export const HOVER_TIMERS_MS = Math.max(HOVER_DELAY_MS, CLOSE_GRACE_MS);

/** Highlighted texts whose range starts inside `sel` (light DOM or any open shadow root); null: no such element. */
export const highlightedIn = ([sel, name]: [string, string]): string[] | null => {
  let el: Element | null = null;
  const roots: (Document | ShadowRoot)[] = [document];
  while (!el && roots.length) {
    const root = roots.shift() as Document | ShadowRoot;
    el = root.querySelector(sel);
    for (const child of root.querySelectorAll("*")) if (child.shadowRoot) roots.push(child.shadowRoot);
  }
  if (!el) return null;
  const out: string[] = [];
  for (const r of CSS.highlights.get(name) ?? []) {
    if (!el.contains(r.startContainer)) continue;
    const live = new Range();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    out.push(live.toString());
  }
  return out;
};

/** Whether a `termlens` range starts inside the element matched by `sel`. */
export const hasHighlightIn = (sel: string): boolean => {
  const el = document.querySelector(sel);
  for (const r of CSS.highlights.get("termlens") ?? []) if (el?.contains(r.startContainer)) return true;
  return false;
};

/** Scrolls to the first `text` inside `sel` (in `host`'s shadow root when given); the viewport point at its middle. */
export const pointOf = ([sel, text, host]: [string, string, string | null]): {
  x: number;
  y: number;
} | null => {
  const scope = host ? document.querySelector(host)?.shadowRoot : document;
  const root = scope?.querySelector(sel);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i < 0) continue;
    const r = new Range();
    r.setStart(n, i);
    r.setEnd(n, i + text.length);
    r.startContainer.parentElement?.scrollIntoView({ block: "center" });
    const box = r.getClientRects()[0];
    return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
  }
  return null;
};

/** The open tooltip's text once its definition has arrived ("" when none is open). */
export const tooltipNow = (): string => {
  const tip = document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector("[role=tooltip]");
  const text = tip?.textContent ?? "";
  return text.includes("Looking up") ? "" : text;
};

/**
 * Starts logging every tooltip the page shows (the first words of each) into
 * window.termlensTips, as the page changes (animation frames stop in a tab
 * the browser thinks hidden). A string: named callbacks would not survive tsx.
 */
export const recordTooltips = `(() => {
  window.termlensTips = [];
  let last = "";
  const note = () => {
    const tip = document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector("[role=tooltip]");
    const text = tip?.textContent ?? "";
    if (text && text !== last && !text.includes("Looking up")) window.termlensTips.push(text.slice(0, 40));
    last = text;
  };
  const inside = new MutationObserver(note);
  new MutationObserver(() => {
    const root = document.querySelector("termlens-tooltip")?.shadowRoot;
    if (root) inside.observe(root, { subtree: true, childList: true, characterData: true });
    note();
  }).observe(document.documentElement, { childList: true });
})()`;

/**
 * Starts noting, in window.termlensPointer, where the pointer was at each
 * move, once the content script has handled that move: the content script
 * handles a move in an animation frame it asks for while the event passes
 * the document (capturing); this listener runs later on the window
 * (bubbling), so its frame callback runs after that one. Call it before
 * moving the pointer (again after a navigation); once is enough.
 */
export const watchPointer = (): void => {
  const w = window as unknown as { termlensPointer?: { x: number; y: number } };
  if (w.termlensPointer) return;
  w.termlensPointer = { x: Number.NaN, y: Number.NaN };
  window.addEventListener(
    "pointermove",
    (e) => {
      const at = { x: e.clientX, y: e.clientY };
      requestAnimationFrame(() => {
        w.termlensPointer = at;
      });
    },
    { passive: true },
  );
};

/**
 * Waits until the move to [x, y] has been handled (see watchPointer), then
 * sets a timer of `ms` on this window and resolves when it fires. Any timer
 * the content script set while handling that move or an earlier one (the
 * hover delay, the close grace) was set before this one, on the same
 * window's timer queue, and for no longer: it has fired by then (HTML
 * timers with a due time no later than another's, set before it, run
 * first). So after this the page shows whatever the pointer's path made it
 * show: the event order, not the clock, says the content script had its
 * chance. False: the move was never seen (watchPointer not called?).
 */
export const afterPointerTimers = async ([x, y, ms]: [number, number, number]): Promise<boolean> => {
  const w = window as unknown as { termlensPointer?: { x: number; y: number } };
  const end = performance.now() + 20_000;
  for (;;) {
    const p = w.termlensPointer;
    if (!p) return false;
    if (Math.abs(p.x - x) <= 1 && Math.abs(p.y - y) <= 1) break;
    if (performance.now() > end) return false;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  await new Promise((ok) => setTimeout(ok, ms));
  return true;
};

/** Whether the frame's scan is idle, having settled more than `after` times (the tests' scan signal). */
export const scanIdleAfter = (after: number): boolean =>
  document.documentElement.getAttribute("data-termlens-scan") === "idle" &&
  Number(document.documentElement.getAttribute("data-termlens-settled")) > after;

/** How many times the frame's scan has settled (0: not yet, or no signal). */
export const settledCount = (): number =>
  Number(document.documentElement.getAttribute("data-termlens-settled")) || 0;

/** Ranges in the `termlens` highlight (0 when none). */
export const highlightCount = (): number => CSS.highlights.get("termlens")?.size ?? 0;
