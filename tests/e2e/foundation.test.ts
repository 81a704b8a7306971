// The extension end to end in Chromium: highlights, tooltip, popup, site switch.

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { server, session, useExtension } from "./fixture";
import {
  cardFor,
  cardsAfterResting,
  closeTooltip,
  highlightCount,
  highlightedTexts,
  openPopupFor,
  pageHtml,
  tooltipText,
  waitForTerms,
  waitUntilOff,
} from "./helpers";

useExtension();

async function open(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/${path}`);
  await waitForTerms(page);
  return page;
}

describe("foundation", () => {
  test("highlights the four terms without changing the page's DOM", async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/health-article.html`);
    const before = await pageHtml(page);
    await waitForTerms(page);
    const texts = (await highlightedTexts(page)).map((t) => t.toLowerCase());
    for (const term of ["calciphylaxis", "arterioles", "necrosis", "debridement"]) {
      assert.ok(texts.includes(term), `${term} highlighted (got ${texts.join(", ")})`);
    }
    const afterHtml = await pageHtml(page);
    assert.equal(afterHtml, before, "page DOM unchanged by highlighting");
    await page.close();
  });

  test("hovering a term shows its tooltip with the definition", async () => {
    const page = await open("health-article.html");
    const text = await cardFor(page, "#intro", "arterioles");
    assert.match(text, /arteriole/i);
    assert.match(text, /arter/i);
    assert.ok(text.length > 40, `a definition is shown: ${text}`);
    const hosts = await page.evaluate(() => document.querySelectorAll("termlens-tooltip").length);
    assert.equal(hosts, 1, "one tooltip host");
    const isOpen = await page.evaluate(() => document.querySelector("termlens-tooltip")?.shadowRoot?.mode);
    assert.equal(isOpen, "open", "open shadow root");
    await closeTooltip(page);
    await page.close();
  });

  test("a term split across elements is one match (skin necrosis on the portal)", async () => {
    const page = await open("lab-portal.html");
    const text = await cardFor(page, "#visit-note", "necrosis");
    assert.match(text, /necrosis/i);
    await page.close();
  });

  test("moving off a term hides the tooltip; plain text shows none", async () => {
    const page = await open("health-article.html");
    // Positive control of the wait: after it, a rested-on term's card is there.
    assert.equal(await cardsAfterResting(page, "#wound-para", "debridement"), 1, "control: the card is open");
    assert.match(await tooltipText(page), /debridement/i);
    // The same wait covers the close grace, and any card plain text could open.
    assert.equal(await cardsAfterResting(page, "#wound-para", "procedure"), 0);
    await page.close();
  });

  test("the popup lists the document's topics and names the site", async () => {
    const page = await open("health-article.html");
    const popup = await openPopupFor(session, page);
    const topics = await popup.locator(".topic > summary").allTextContents();
    assert.ok(topics.length >= 10, `topics listed: ${topics.join(" | ")}`);
    assert.ok(topics.some((t) => /treatment/i.test(t)));
    const label = await popup.locator(".site-switch").textContent();
    assert.equal(label?.trim(), "On for 127.0.0.1");
    assert.match((await popup.locator("footer").textContent()) ?? "", /education/);
    await popup.close();
    await page.close();
  });

  test("switching the site off removes highlights and tooltips in open tabs; on brings them back", async () => {
    const page = await open("health-article.html");
    const other = await open("lab-portal.html");
    const popup = await openPopupFor(session, page);
    const toggle = popup.getByRole("switch");
    assert.equal(await toggle.isChecked(), true);
    await toggle.click();
    await popup.locator(".site-switch", { hasText: "Off for 127.0.0.1" }).waitFor();
    for (const p of [page, other]) {
      await p.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) === 0, undefined, {
        timeout: 20_000,
      });
    }
    // The same wait sees the card once the site is on again (below).
    assert.equal(await cardsAfterResting(page, "#intro", "arterioles"), 0, "no tooltip while off");

    // The choice persists: a fresh load of the site stays off.
    await other.reload();
    await waitUntilOff(session, other);
    assert.equal(await highlightCount(other), 0, "still off after reload");

    await popup.bringToFront();
    await toggle.click();
    await popup.locator(".site-switch", { hasText: "On for 127.0.0.1" }).waitFor();
    for (const p of [page, other]) await waitForTerms(p);
    await page.mouse.move(1, 1);
    assert.equal(
      await cardsAfterResting(page, "#intro", "arterioles"),
      1,
      "control: on again, the card opens",
    );
    assert.match(await tooltipText(page), /arteriole/i);
    await popup.close();
    await other.close();
    await page.close();
  });
});
