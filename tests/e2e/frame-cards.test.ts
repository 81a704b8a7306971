// A card for a term in a frame is shown by the top page (lib/frame-cards.ts):
// no frame clips it, and it lies outside the frame's box, so the frame's next
// term stays free to hover. Same-origin, cross-origin and nested frames, a
// result row's card, what closes it (leaving the term, Escape, the frame
// scrolling or leaving the page), the pointer moving into it, a frame too
// big to leave room beside it, and the fallback where the top page has no
// Termlens (its site is off): the card stays in the frame and still never
// blocks the frame's next term.

import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { Frame, Page } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import type { ChromeApi } from "./helpers";

declare const chrome: ChromeApi;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

let page: Page;

useExtension();
beforeEach(async () => {
  page = await session.context.newPage();
  await page.bringToFront();
});
afterEach(async () => {
  await page.close();
});

/** Asks `check` until it answers something truthy; throws saying what did not happen after `timeout`. */
async function until<T>(
  what: string,
  check: () => T | Promise<T>,
  timeout = 20_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const got = await check();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Opens frame-cards.html with `query` and waits until the frame whose URL matches `url` has its terms marked. */
async function openFramed(query: string, url: RegExp, marked = "termlens"): Promise<Frame> {
  await page.goto(`${server.origin}/frame-cards.html?${query}`);
  const frame = await until(`a frame at ${url}`, () => page.frames().find((f) => url.test(f.url())));
  await frame.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) >= 3, marked, { timeout: 20_000 });
  return frame;
}

/** The box of the frame's viewport in the top page (inside the frame element's border). */
async function frameBox(frame: Frame): Promise<Box> {
  const el = await frame.frameElement();
  const box = await el.boundingBox();
  assert.ok(box, "the frame is rendered");
  const inner = await el.evaluate((e: Element) => ({
    x: e.clientLeft,
    y: e.clientTop,
    w: e.clientWidth,
    h: e.clientHeight,
  }));
  return { left: box.x + inner.x, top: box.y + inner.y, width: inner.w, height: inner.h };
}

/** The box of the first `text` inside `sel` in `frame`, in the top page's viewport. */
async function termBox(frame: Frame, sel: string, text: string): Promise<Box> {
  const inner = await frame.evaluate(
    ([s, t]) => {
      const root = document.querySelector(s as string) as Element;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(t as string);
        if (i < 0) continue;
        const r = new Range();
        r.setStart(n, i);
        r.setEnd(n, i + (t as string).length);
        const b = r.getClientRects()[0] as DOMRect;
        return { left: b.left, top: b.top, width: b.width, height: b.height };
      }
      return null;
    },
    [sel, text],
  );
  assert.ok(inner, `"${text}" in ${sel}`);
  const f = await frameBox(frame);
  return { ...inner, left: inner.left + f.left, top: inner.top + f.top };
}

const middle = (b: Box) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });

/**
 * Rests the pointer on `text` in the frame. Right after a load, Chromium's
 * hit-testing data for an out-of-process frame can lag a frame behind, so
 * the pointer moves beside the word until the frame itself has seen it.
 */
async function rest(frame: Frame, sel: string, text: string): Promise<Box> {
  const term = await termBox(frame, sel, text);
  const { x, y } = middle(term);
  await frame.evaluate(() => {
    const w = window as unknown as { sawPointer?: boolean };
    w.sawPointer = false;
    addEventListener("pointermove", () => {
      w.sawPointer = true;
    });
  });
  await until("the frame sees the pointer", async () => {
    await page.mouse.move(x - term.width / 2 - 6, y);
    await page.mouse.move(x - term.width / 2 - 5, y);
    return frame.evaluate(() => (window as unknown as { sawPointer?: boolean }).sawPointer);
  });
  await page.mouse.move(x, y, { steps: 3 });
  return term;
}

/** Waits until `where` (the top page or a frame) shows a card whose text matches `text`, its definition in. */
async function cardIn(where: Page | Frame, text: RegExp): Promise<Box> {
  await where.waitForFunction(
    (src) => {
      const tip = document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector("[role=tooltip]");
      const t = tip?.textContent ?? "";
      return new RegExp(src, "i").test(t) && !t.includes("Looking up");
    },
    text.source,
    { timeout: 20_000 },
  );
  // Placed again once its size changed (a resize observer, before the next frame is drawn).
  return where.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const tip = document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector("[role=tooltip]");
    const b = (tip as Element).getBoundingClientRect();
    return { left: b.left, top: b.top, width: b.width, height: b.height };
  });
}

const hasCard = (where: Page | Frame) => where.evaluate(() => !!document.querySelector("termlens-tooltip"));
const cardGone = (where: Page | Frame) =>
  where.waitForFunction(() => !document.querySelector("termlens-tooltip"), undefined, { timeout: 20_000 });

/**
 * Resolves once the frame's and the top page's close grace (started by the
 * pointer's last moves) has run out: by timers of their own, set after each
 * handled those moves (on animation frames) and due no sooner, so they fire
 * after any hover timer the moves set.
 */
async function graceRan(frame: Frame): Promise<void> {
  for (const where of [frame, page])
    await where.evaluate(async (ms) => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await new Promise((r) => setTimeout(r, ms));
    }, CLOSE_GRACE_MS);
}

function overlap(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/** The card lies outside the frame, next to the term: beside it along one axis, close along the other. */
function assertBesideFrame(card: Box, frame: Box, term: Box): void {
  assert.ok(!overlap(card, frame), `card ${JSON.stringify(card)} outside the frame ${JSON.stringify(frame)}`);
  const alignedX = card.left <= term.left + 1 && term.left <= card.left + card.width;
  const alignedY = card.top <= term.top + term.height && term.top <= card.top + card.height;
  assert.ok(
    alignedX || alignedY,
    `card ${JSON.stringify(card)} lines up with the term ${JSON.stringify(term)}`,
  );
  const dx = Math.max(0, card.left - (term.left + term.width), term.left - (card.left + card.width));
  const dy = Math.max(0, card.top - (term.top + term.height), term.top - (card.top + card.height));
  assert.ok(Math.hypot(dx, dy) <= 240, `card within reach of the term (${dx}, ${dy})`);
}

const TERMS = /\/frame-terms\.html/;
/** How long an unpinned card stays once the pointer has left it (hideDelay in entrypoints/content-script/session.ts). */
const CLOSE_GRACE_MS = 300;

describe("a frame's card is shown by the top page", () => {
  const cases: [string, string][] = [
    ["a small same-origin frame", "src=frame-terms.html"],
    ["a cross-origin frame", "src=frame-terms.html&origin=other"],
    [
      "nested frames, each cross-origin to the one around it",
      "src=frame-middle.html&origin=other&w=480&h=230&inner-origin=other",
    ],
    ["nested same-origin frames", "src=frame-middle.html&w=480&h=230"],
  ];
  for (const [name, query] of cases) {
    test(`${name}: the card is in the top page beside the frame; the next term shows the next card`, async () => {
      const frame = await openFramed(query, TERMS);
      const term = await rest(frame, "#t1", "necrosis");
      const card = await cardIn(page, /necrosis/);
      assert.equal(await hasCard(frame), false, "no card inside the frame");
      assert.equal(await page.evaluate(() => document.querySelectorAll("termlens-tooltip").length), 1);
      assertBesideFrame(card, await frameBox(frame), term);

      const next = await rest(frame, "#t2", "calciphylaxis");
      const nextCard = await cardIn(page, /calciphylaxis/);
      assertBesideFrame(nextCard, await frameBox(frame), next);
      assert.equal(await hasCard(frame), false);
    });
  }

  test("a result row's card: drawn by the top page from the row's printed values", async () => {
    const frame = await openFramed(
      "src=frame-results.html&w=480&h=130",
      /\/frame-results\.html/,
      "termlens-result",
    );
    const term = await rest(frame, "#cmp", "Potassium");
    await page.waitForFunction(
      () =>
        document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector(".result-card .rc-name")
          ?.textContent === "Potassium",
      undefined,
      { timeout: 20_000 },
    );
    const shown = await page.evaluate(() => {
      const root = document.querySelector("termlens-tooltip")?.shadowRoot as ShadowRoot;
      const b = root.querySelector("[role=tooltip]")?.getBoundingClientRect() as DOMRect;
      return {
        value: root.querySelector(".rc-value")?.textContent,
        range: root.querySelector(".rc-range-text")?.textContent,
        sentence: root.querySelector(".rc-sentence")?.textContent,
        box: { left: b.left, top: b.top, width: b.width, height: b.height },
      };
    });
    assert.equal(shown.value, "5.6 mmol/L (millimoles per liter)");
    assert.equal(shown.range, "3.5 - 5.1 mmol/L");
    assert.equal(shown.sentence, "Your value is above the range this lab lists.");
    assert.equal(await hasCard(frame), false);
    assertBesideFrame(shown.box, await frameBox(frame), term);
  });

  test("it closes when the pointer leaves the term; pinned, on Escape, when the frame scrolls or leaves the page", async () => {
    const frame = await openFramed("src=frame-terms.html&origin=other", TERMS);
    const out = { x: 700, y: 40 }; // the top page, away from the frame and the card
    // Leaving the term for the frame's empty space.
    const term = await rest(frame, "#t1", "necrosis");
    await cardIn(page, /necrosis/);
    await page.mouse.move(term.left + 330, term.top + 2, { steps: 3 });
    await cardGone(page);

    /** Clicks the term (a pinned card stays when the pointer leaves), then moves out to the page and waits out the close grace. */
    const pin = async (sel: string, text: string, shown: RegExp) => {
      const at = middle(await rest(frame, sel, text));
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction(
        () => !!document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector("[data-pinned]"),
        undefined,
        { timeout: 20_000 },
      );
      await cardIn(page, shown);
      await page.mouse.move(out.x, out.y, { steps: 3 });
      await graceRan(frame);
      assert.equal(await hasCard(page), true, "a pinned card stays when the pointer leaves");
    };

    // Escape (the key goes to the top page): closed there, and the frame
    // knows, so resting on the same term again opens it again.
    await pin("#t1", "necrosis", /necrosis/);
    await page.keyboard.press("Escape");
    await cardGone(page);
    await rest(frame, "#t1", "necrosis");
    await cardIn(page, /necrosis/);
    await page.mouse.move(out.x, out.y, { steps: 3 });
    await cardGone(page);

    // The frame scrolls.
    await pin("#t1", "necrosis", /necrosis/);
    await frame.evaluate(() => {
      const tall = document.createElement("div");
      tall.style.height = "600px";
      document.body.append(tall);
      scrollBy(0, 30);
    });
    await cardGone(page);

    // The frame leaves the page.
    await frame.evaluate(() => scrollTo(0, 0));
    await pin("#t2", "calciphylaxis", /calciphylaxis/);
    await page.evaluate(() => document.getElementById("f")?.remove());
    await cardGone(page);
  });

  test("the pointer can move into the card; leaving it closes it", async () => {
    const frame = await openFramed("src=frame-terms.html&origin=other", TERMS);
    await rest(frame, "#t1", "necrosis");
    const card = await cardIn(page, /necrosis/);
    // Into the card; then past both pages' close grace, by timers of their own
    // set after the frame handled the pointer leaving (it moves on animation
    // frames) and due no sooner, so they fire after any hover timer.
    await page.mouse.move(card.left + 20, card.top + 10, { steps: 4 });
    await graceRan(frame);
    assert.equal(await hasCard(page), true, "still open with the pointer in it");
    // Out to the page: it closes (the control: the same wait sees a close).
    await page.mouse.move(card.left + card.width + 60, card.top + card.height + 60, { steps: 2 });
    await cardGone(page);
  });

  test("in a frame with no room beside it, the card lies over the frame but lets the pointer through to the next term", async () => {
    const frame = await openFramed("src=frame-terms.html&origin=other&w=1040&h=690", TERMS);
    await rest(frame, "#t1", "necrosis");
    const card = await cardIn(page, /necrosis/);
    const next = await termBox(frame, "#t2", "calciphylaxis");
    const point = middle(next);
    // The precondition: the card covers the next term, and the pointer passes through it to the frame.
    assert.ok(overlap(card, next), `card ${JSON.stringify(card)} over the next term ${JSON.stringify(next)}`);
    assert.equal(await page.evaluate((p) => document.elementFromPoint(p.x, p.y)?.tagName, point), "IFRAME");
    await rest(frame, "#t2", "calciphylaxis");
    await cardIn(page, /calciphylaxis/);
  });
});

describe("where the top page has no Termlens (its site is off)", () => {
  beforeEach(async () => {
    await session.worker.evaluate(() =>
      chrome.storage.sync.set({ siteSettings: { rules: { "127.0.0.1": false } } }),
    );
  });
  afterEach(async () => {
    await session.worker.evaluate(() => chrome.storage.sync.set({ siteSettings: { rules: {} } }));
  });

  test("the card stays in the frame, and a card covering the next term never blocks it", async () => {
    // The top page (127.0.0.1) is off; the frame (localhost) is on.
    const frame = await openFramed("src=frame-terms.html&origin=other", TERMS);
    assert.equal(
      await page.evaluate(() => document.documentElement.hasAttribute("data-termlens-scan")),
      false,
      "no Termlens in the top page",
    );
    await rest(frame, "#t1", "necrosis");
    await cardIn(frame, /necrosis/);
    assert.equal(await hasCard(page), false, "nothing in the top page");
    const second = await termBox(frame, "#t2", "calciphylaxis");
    const f = await frameBox(frame);
    const inner = { x: middle(second).x - f.left, y: middle(second).y - f.top };
    // The precondition: in so small a frame the card lies over the next term.
    assert.equal(
      await frame.evaluate((p) => document.elementFromPoint(p.x, p.y)?.tagName, inner),
      "TERMLENS-TOOLTIP",
    );
    await page.mouse.move(middle(second).x, middle(second).y, { steps: 4 });
    await cardIn(frame, /calciphylaxis/);
  });
});
