// Hover intent, pinning, keyboard lookups, styles and a tooltip that is never
// hidden, on our behaviours fixture.

import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import {
  cardFor,
  closeTooltip,
  highlightedIn,
  hoverTimersRan,
  pointOf,
  sendCommand,
  setDisplay,
  TOOLTIP,
  tooltipText,
  waitForHighlightIn,
  watchPointer,
} from "./helpers";
import { recordTooltips } from "./page-side";

let page: Page;

useExtension();
beforeEach(async () => {
  page = await session.context.newPage();
  await page.goto(`${server.origin}/behaviours.html`);
  await waitForHighlightIn(page, "#plain");
  await watchPointer(page);
});
afterEach(async () => {
  await page.close();
});

const tooltipCount = () => page.locator(TOOLTIP).count();

/**
 * Moves the pointer off to the corner and waits until the content script's
 * hover timers for that move have run (the close grace among them); then
 * says how many cards are open.
 */
async function cardsAfterLeaving(): Promise<number> {
  await page.mouse.move(5, 5);
  await hoverTimersRan(page, { x: 5, y: 5 });
  return tooltipCount();
}

/** The positive control of the "stays open" checks: an unpinned card is closed after the same wait. */
async function unpinnedCardCloses(): Promise<void> {
  await cardFor(page, "#plain", "debridement");
  assert.equal(await cardsAfterLeaving(), 0, "control: an unpinned card has closed by then");
}

describe("hover intent", () => {
  test("a fast sweep across several terms opens nothing; resting on one then opens only it", async () => {
    await page.evaluate(recordTooltips);
    const a = await pointOf(page, "#plain", "biopsy");
    const b = await pointOf(page, "#plain", "arterioles");
    await page.mouse.move(a.x, a.y);
    await page.mouse.move(b.x, b.y, { steps: 6 });
    // Off the text, inside the viewport (1100 × 800): the page sees the move.
    const away = { x: Math.min(b.x + 400, 1090), y: Math.min(b.y + 200, 790) };
    await page.mouse.move(away.x, away.y, { steps: 3 });
    // Any card the sweep had started would have opened by now (its show
    // timer was set before the page timer this waits for).
    await hoverTimersRan(page, away);
    assert.equal(await tooltipCount(), 0);
    // Positive control: resting on a term opens its card, the first the page shows.
    assert.match(await cardFor(page, "#plain", "necrosis"), /necrosis/i);
    assert.deepEqual(
      (await page.evaluate<string[]>("window.termlensTips")).map((t) => /necrosis/i.test(t)),
      [true],
      "only the rested-on term opened",
    );
  });

  test("the tooltip waits for the hover delay (default 250 ms), and the delay is a setting", async () => {
    // Timed inside the page (the pointer's arrival to the host's), so a
    // busy test machine cannot make it pass or fail by accident.
    const delayOf = async (text: string) => {
      await page.evaluate(() => {
        const w = window as unknown as { firstMove: number; shownAt: number };
        w.shownAt = 0;
        w.firstMove = 0;
        document.addEventListener("pointermove", () => {
          w.firstMove ||= performance.now();
        });
        new MutationObserver(() => {
          if (!w.shownAt && document.querySelector("termlens-tooltip")) w.shownAt = performance.now();
        }).observe(document.documentElement, { childList: true });
      });
      await cardFor(page, "#plain", text, 4000);
      return page.evaluate(() => {
        const w = window as unknown as { firstMove: number; shownAt: number };
        return w.shownAt - w.firstMove;
      });
    };
    const byDefault = await delayOf("necrosis");
    assert.ok(byDefault >= 240 && byDefault < 1000, `default delay ${byDefault} ms`);
    await closeTooltip(page);
    // One write carries the new delay and a new look; the page applies a
    // write in one call, so once the look shows, the delay is in force too.
    await setDisplay(session, { hoverDelayMs: 1200, highlightStyle: "background" });
    try {
      await page.waitForFunction(() => {
        const probe = document.getElementById("plain") as HTMLElement;
        return getComputedStyle(probe, "::highlight(termlens)").backgroundColor !== "rgba(0, 0, 0, 0)";
      });
      const slow = await delayOf("biopsy");
      assert.ok(slow >= 1190, `configured delay ${slow} ms`);
    } finally {
      await setDisplay(session, {});
    }
  });

  test("the tooltip stays while the pointer moves into it, and can be used", async () => {
    await cardFor(page, "#plain", "debridement");
    const box = await page.locator(TOOLTIP).boundingBox();
    assert.ok(box);
    const inside = { x: box.x + box.width / 2, y: box.y + 8 };
    await page.mouse.move(inside.x, inside.y, { steps: 8 });
    // The pointer crossed the gap between term and card: any close that
    // started then and was not called off has happened by now.
    await hoverTimersRan(page, inside);
    assert.equal(await tooltipCount(), 1, "still open while the pointer is inside");
    // Positive control: leaving it closes it, as seen after the same wait.
    assert.equal(await cardsAfterLeaving(), 0, "closed once the pointer left");
  });

  test("click pins the tooltip; Escape closes it", async () => {
    await unpinnedCardCloses();
    const p = await pointOf(page, "#plain", "calciphylaxis");
    await page.mouse.click(p.x, p.y);
    assert.match(await tooltipText(page), /calciphylaxis/i);
    assert.equal(await cardsAfterLeaving(), 1, "pinned: stays after the pointer leaves");
    assert.equal(await page.locator("termlens-tooltip button[aria-label=Close]").count(), 1);
    await closeTooltip(page);
  });

  test("the topic link opens that topic in the extension", async () => {
    const opened = await openFromCard("debridement", ".source button.link");
    assert.match(
      opened.url(),
      new RegExp(`^chrome-extension://${session.extensionId}/popup\\.html\\?tab=\\d+#topic=wound-care$`),
    );
    assert.equal(await opened.locator("#topic-wound-care").getAttribute("open"), "");
    await opened.close();
  });
});

/** Pins the card of `term` and clicks the link `link` in it; the extension page it opens. */
async function openFromCard(term: string, link: string): Promise<Page> {
  const p = await pointOf(page, "#plain", term);
  await page.mouse.click(p.x, p.y);
  await tooltipText(page);
  const [opened] = await Promise.all([
    session.context.waitForEvent("page"),
    page.locator(`termlens-tooltip ${link}`).click(),
  ]);
  await opened.waitForURL(/popup\.html/);
  return opened;
}

test("the tooltip's 'More about' link opens the full entry", async () => {
  const opened = await openFromCard("necrosis", ".more button.link");
  assert.match(opened.url(), /popup\.html\?tab=\d+#term=necrosis$/);
  await opened.close();
});

describe("finding terms", () => {
  test("editable regions and form fields are left alone", async () => {
    assert.deepEqual(await highlightedIn(page, "#editable"), []);
    assert.deepEqual(await highlightedIn(page, "#field"), []);
  });

  test("everyday words are explained on hover but not underlined", async () => {
    assert.deepEqual(await highlightedIn(page, "#everyday"), []);
    assert.deepEqual(await highlightedIn(page, "#everyday", "termlens-everyday"), ["pain", "infection"]);
    assert.match(await cardFor(page, "#everyday", "infection"), /infection/i);
  });

  test("markup-like page text is shown as text, never parsed", async () => {
    await cardFor(page, "#html-like", "necrosis");
    assert.equal(await page.locator("termlens-tooltip b").count(), 0);
  });

  test("highlight style is a setting (soft background)", async () => {
    const decoration = () =>
      page.evaluate(() => {
        const probe = document.getElementById("plain") as HTMLElement;
        return getComputedStyle(probe, "::highlight(termlens)").backgroundColor;
      });
    const initial = await decoration();
    await setDisplay(session, { highlightStyle: "background" });
    try {
      await page.waitForFunction((before) => {
        const probe = document.getElementById("plain") as HTMLElement;
        return getComputedStyle(probe, "::highlight(termlens)").backgroundColor !== before;
      }, initial);
      assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 1);
    } finally {
      await setDisplay(session, {});
    }
  });
});

describe("never hidden", () => {
  test("a term in a clipping box gets a tooltip outside the box, above a max z-index overlay", async () => {
    await cardFor(page, "#clipped", "necrosis");
    const onTop = await page.evaluate(() => {
      const host = document.querySelector("termlens-tooltip") as HTMLElement;
      const card = host.shadowRoot?.querySelector("[role=tooltip]") as HTMLElement;
      const r = card.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { hit: hit?.tagName, popover: host.matches(":popover-open"), height: r.height };
    });
    assert.equal(onTop.hit, "TERMLENS-TOOLTIP");
    assert.equal(onTop.popover, true, "in the top layer");
    assert.ok(onTop.height > 40, "not clipped");
  });

  test("the tooltip follows the term when the page scrolls", async () => {
    await page.setViewportSize({ width: 900, height: 400 });
    await page.evaluate(() => {
      document.body.style.paddingBottom = "2000px";
    });
    await cardFor(page, "#plain", "biopsy");
    const top = () =>
      page.evaluate(
        () => (document.querySelector("termlens-tooltip") as HTMLElement).getBoundingClientRect().top,
      );
    const before = await top();
    await page.evaluate(() => window.scrollBy(0, 60));
    // The card is placed again on the scroll event: wait for it to move at all.
    await page.waitForFunction(
      (from) =>
        (document.querySelector("termlens-tooltip") as HTMLElement).getBoundingClientRect().top !== from,
      before,
    );
    const after = await top();
    assert.ok(Math.abs(before - 60 - after) <= 2, `moved from ${before} to ${after}`);
  });

  test("in fullscreen the tooltip lives inside the fullscreen element", async () => {
    await page.click("#go-fs");
    await page.waitForFunction(() => document.fullscreenElement?.id === "fs");
    await cardFor(page, "#fs-text", "debridement");
    assert.equal(
      await page.evaluate(() => document.querySelector("termlens-tooltip")?.parentElement?.id),
      "fs",
    );
    await page.evaluate(() => document.exitFullscreen());
  });

  test("dark pages get a dark card; reduced motion turns the animation off", async () => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await cardFor(page, "#dark-text", "calciphylaxis");
    const card = await page.evaluate(() => {
      const el = document
        .querySelector("termlens-tooltip")
        ?.shadowRoot?.querySelector(".card") as HTMLElement;
      return { dark: el.classList.contains("dark"), animation: getComputedStyle(el).animationName };
    });
    assert.deepEqual(card, { dark: true, animation: "none" });
    await page.keyboard.press("Escape");
    await cardFor(page, "#plain", "necrosis");
    const light = await page.evaluate(() =>
      document
        .querySelector("termlens-tooltip")
        ?.shadowRoot?.querySelector(".card")
        ?.classList.contains("light"),
    );
    assert.equal(light, true);
  });
});

describe("keyboard and commands", () => {
  test("next and previous term move through the page and open each", async () => {
    await sendCommand(session, page, "next-term", 0);
    assert.match(await tooltipText(page), /biopsy/i);
    await sendCommand(session, page, "next-term", 0);
    assert.match(await tooltipText(page), /necrosis/i);
    await sendCommand(session, page, "previous-term", 0);
    assert.match(await tooltipText(page), /biopsy/i);
  });

  test("explain works on the selected text (shortcut or context menu)", async () => {
    await page.evaluate(() => {
      const text = document.getElementById("plain")?.firstChild as Text;
      const i = text.data.indexOf("debridement");
      getSelection()?.setBaseAndExtent(text, i, text, i + "debridement".length);
    });
    await sendCommand(session, page, "explain");
    assert.match(await tooltipText(page), /debridement/i);
    await page.keyboard.press("Escape");
  });

  test("the explain shortcut pins an open hover card", async () => {
    await unpinnedCardCloses();
    await cardFor(page, "#plain", "necrosis");
    await sendCommand(session, page, "explain");
    await page.locator("termlens-tooltip button[aria-label=Close]").waitFor({ timeout: 20_000 });
    assert.equal(await cardsAfterLeaving(), 1, "pinned");
  });

  test("explaining a selection that is not a term says so", async () => {
    await page.evaluate(() => {
      const text = document.getElementById("plain")?.firstChild as Text;
      const i = text.data.indexOf("team");
      getSelection()?.setBaseAndExtent(text, i, text, i + 4);
    });
    await sendCommand(session, page, "explain");
    assert.match(await tooltipText(page), /not in the Termlens glossary/i);
  });

  test("the tooltip is announced: role tooltip in a polite live region", async () => {
    await cardFor(page, "#plain", "necrosis");
    assert.equal(await page.locator(TOOLTIP).getAttribute("aria-live"), "polite");
  });
});
