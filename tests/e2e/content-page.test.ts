// The content script on a realistic lab portal: late results, in-place
// changes, a web component's shadow root, same- and cross-origin frames.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import {
  cardFor,
  closeTooltip,
  highlightedIn,
  pageHtml,
  tooltipText,
  until,
  waitForHighlightIn,
  waitForTerms,
} from "./helpers";

let page: Page;

useExtension({}, async () => {
  page = await session.context.newPage();
  await page.goto(`${server.origin}/lab-portal.html`);
  await waitForHighlightIn(page, "#visit-note");
});

describe("lab portal", () => {
  test("results that arrive late are highlighted", async () => {
    await waitForHighlightIn(page, "#late-row", 5000);
    const texts = await highlightedIn(page, "#late-row");
    assert.deepEqual(texts, ["Calciphylaxis", "arteriole", "calcification"]);
  });

  test('the tooltip of a term the source gets wrong gives the right fact, never "the article"', async () => {
    const text = await cardFor(page, "#results", "hyperparathyroidism");
    assert.match(text, /parathyroid glands/);
    // A portal is not the source article: the card gives the right fact
    // plainly; the correction of the source's wording is the popup's.
    assert.doesNotMatch(text, /article/i);
    await page.keyboard.press("Escape");
  });

  test("new content is highlighted within 300 ms", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const ms = await page.evaluate(async (n) => {
        const p = document.createElement("p");
        p.id = `fresh-${n}`;
        p.textContent = `Update ${n}: the wound shows necrosis; debridement planned.`;
        const t0 = performance.now();
        document.querySelector("main")?.append(p);
        // A loop, not a named callback: tsx's keepNames would break it in the page.
        for (;;) {
          for (const r of CSS.highlights.get("termlens") ?? []) {
            if (p.contains(r.startContainer)) return performance.now() - t0;
          }
          await new Promise((tick) => requestAnimationFrame(tick));
        }
      }, i);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    console.log(`  new content highlighted after ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
    assert.ok((times[times.length - 1] as number) < 300, `slowest ${times[times.length - 1]} ms`);
  });

  test("text that changes in place is re-read", async () => {
    await page.waitForFunction(
      () => document.getElementById("live-status")?.textContent?.includes("necrosis"),
      undefined,
      {
        timeout: 20_000,
      },
    );
    await waitForHighlightIn(page, "#live-status");
    assert.deepEqual(await highlightedIn(page, "#live-status"), ["necrosis"]);
    // Back to "stable, healing": the highlight's range collapses with the
    // text it covered and stays in the registry until the text is re-read,
    // which drops it; so no range left in the element means it was re-read.
    await page.waitForFunction(
      () => {
        const el = document.getElementById("live-status");
        if (el?.textContent !== "stable, healing") return false;
        for (const r of CSS.highlights.get("termlens") ?? []) if (el.contains(r.startContainer)) return false;
        return true;
      },
      undefined,
      { timeout: 20_000 },
    );
    assert.deepEqual(await highlightedIn(page, "#live-status"), []);
  });

  test("removed content leaves no highlight behind", async () => {
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.id = "doomed";
      p.textContent = "Temporary note about debridement.";
      document.querySelector("main")?.append(p);
    });
    await waitForHighlightIn(page, "#doomed");
    const before = await page.evaluate(() => CSS.highlights.get("termlens")?.size ?? 0);
    await page.evaluate(() => document.getElementById("doomed")?.remove());
    await page.waitForFunction((n) => (CSS.highlights.get("termlens")?.size ?? 0) === n - 1, before, {
      timeout: 20_000,
    });
  });

  test("a note inside a web component's open shadow root is highlighted and explained", async () => {
    const texts = await highlightedIn(page, "#shadow-note");
    assert.deepEqual(texts, ["wet dressings", "necrotic"]);
    const point = await page.evaluate(() => {
      const root = document.querySelector("care-note")?.shadowRoot;
      const text = root?.querySelector("p")?.firstChild as Text;
      const i = text.data.indexOf("necrotic");
      const r = new Range();
      r.setStart(text, i);
      r.setEnd(text, i + 8);
      r.startContainer.parentElement?.scrollIntoView({ block: "center" });
      const box = r.getClientRects()[0] as DOMRect;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.bringToFront();
    await page.mouse.move(point.x - 2, point.y);
    await page.mouse.move(point.x, point.y);
    assert.match(await tooltipText(page), /necrosis/i);
    await page.keyboard.press("Escape");
  });

  test("same-origin and cross-origin report frames are read", async () => {
    const same = page.frame({ url: /127\.0\.0\.1.*report\.html$/ });
    const cross = page.frame({ url: /localhost.*report\.html\?kind=imaging/ });
    assert.ok(same && cross, "both frames loaded");
    await waitForTerms(same);
    await waitForTerms(cross);
    assert.deepEqual(await highlightedIn(same, "#report-text"), [
      "calcification",
      "thrombosis",
      "necrosis",
      "Debridement",
    ]);
    const crossTexts = await highlightedIn(cross, "#report-text");
    assert.ok(crossTexts?.includes("calciphylaxis") && crossTexts.includes("arterioles"), String(crossTexts));
  });

  test("a frame without an address, filled in by the page, is read as part of the page", async () => {
    const blank = page.frames().find((f) => f.url() === "about:blank");
    assert.ok(blank, "the about:blank frame exists");
    await waitForTerms(blank);
    assert.deepEqual(await highlightedIn(blank, "#blank-text"), ["necrosis"]);
  });

  test("hovering a term inside a cross-origin frame shows its card in the top page", async () => {
    await page.bringToFront();
    const frameEl = page.locator("#cross-origin-report");
    await frameEl.scrollIntoViewIfNeeded();
    const cross = page.frame({ url: /localhost.*report\.html\?kind=imaging/ });
    assert.ok(cross);
    const box = await frameEl.boundingBox();
    const inner = await cross.evaluate(() => {
      const text = document.getElementById("report-text")?.firstChild as Text;
      const i = text.data.indexOf("calciphylaxis");
      const r = new Range();
      r.setStart(text, i);
      r.setEnd(text, i + "calciphylaxis".length);
      const b = r.getClientRects()[0] as DOMRect;
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    });
    assert.ok(box);
    // Right after a scroll, Chromium's hit-testing data for an out-of-process
    // frame can lag a frame behind, so the first move may land on the page:
    // move until the frame itself has seen the pointer, then onto the word.
    await cross.evaluate(() => {
      const w = window as unknown as { sawPointer?: boolean };
      w.sawPointer = false;
      window.addEventListener("pointermove", () => {
        w.sawPointer = true;
      });
    });
    await until("the frame sees the pointer", async () => {
      await page.mouse.move(box.x + inner.x - 6, box.y + inner.y + 1);
      await page.mouse.move(box.x + inner.x - 5, box.y + inner.y + 1);
      return cross.evaluate(() => (window as unknown as { sawPointer?: boolean }).sawPointer);
    });
    await page.mouse.move(box.x + inner.x, box.y + inner.y + 1, { steps: 4 });
    // Shown by the top page (lib/frame-cards.ts), so the frame does not clip it.
    assert.match(await tooltipText(page), /calciphylaxis/i);
    assert.equal(await cross.locator("termlens-tooltip").count(), 0, "not in the frame");
  });

  test("on a scrolled page, the part in view is read first", async () => {
    const long = await session.context.newPage();
    await long.goto(`${server.origin}/long-article.html`);
    await long.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 1000, undefined, {
      timeout: 20_000,
    });
    const firstTop = await long.evaluate(() => {
      const [r] = CSS.highlights.get("termlens") ?? [];
      if (!r) return null;
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return { top: live.getBoundingClientRect().top, height: innerHeight, scrolled: scrollY };
    });
    assert.ok(firstTop && firstTop.scrolled > 10_000, "the page is scrolled far down");
    assert.ok(
      firstTop.top >= 0 && firstTop.top <= firstTop.height,
      `first term read is in view: ${JSON.stringify(firstTop)}`,
    );
    await long.close();
  });

  test("the page's DOM is unchanged apart from the tooltip host", async () => {
    const fresh = await session.context.newPage();
    await fresh.goto(`${server.origin}/health-article.html`);
    // The tests' scan signal (off as shipped, see page-traces.test.ts) aside.
    const before = await pageHtml(fresh);
    await waitForTerms(fresh);
    await cardFor(fresh, "#intro", "arterioles");
    const withHost = await fresh.evaluate(() => document.querySelectorAll("termlens-tooltip").length);
    assert.equal(withHost, 1);
    assert.equal(await pageHtml(fresh, true), before);
    await closeTooltip(fresh);
    const after = await pageHtml(fresh);
    assert.equal(after, before);
    await fresh.close();
  });
});
