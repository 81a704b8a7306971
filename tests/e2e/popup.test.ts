// The real toolbar popup in Chromium (chrome.action.openPopup, reached over
// CDP): search by keyboard, "on this page" across frames, the badge, the
// topics and sources (the page's first, themes, credits, the filter), the
// site switch across tabs, pause, and allow-list mode.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { beforeEach, describe, test } from "node:test";
import type { Page } from "playwright-core";
import type { CompiledGlossary } from "../../glossary/types";
import { server, session, useExtension } from "./fixture";
import { badgeOf, highlightCount, openRealPopup, type RealPopup, tabIdOf, waitUntilOff } from "./helpers";

interface ChromeClear {
  storage: { sync: { clear(): Promise<void> } };
}

useExtension();
// Each test starts from the default settings, whatever the last one left.
beforeEach(async () => {
  await session.worker.evaluate(() =>
    (globalThis as unknown as { chrome: ChromeClear }).chrome.storage.sync.clear(),
  );
});

async function open(path: string, host = "127.0.0.1"): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`http://${host}:${server.port}/${path}`);
  await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
    timeout: 20_000,
  });
  return page;
}

/** Occurrences highlighted in every frame of the page (terms and everyday words). */
async function pageTotal(page: Page): Promise<number> {
  let total = 0;
  for (const frame of page.frames()) {
    total += await frame
      .evaluate(
        () =>
          (CSS.highlights.get("termlens")?.size ?? 0) + (CSS.highlights.get("termlens-everyday")?.size ?? 0),
      )
      .catch(() => 0);
  }
  return total;
}

const pageTerms = (popup: RealPopup) =>
  popup.evaluate<Record<string, number>>(
    `Object.fromEntries([...document.querySelectorAll('.page-terms li')].map((li) => [li.dataset.term, Number(li.querySelector('.count').firstChild.textContent)]))`,
  );

/** The switch appears once the page has said which site it is on. */
const SWITCH = "document.querySelector('[role=switch]')";

async function waitUntil(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe("the real popup", () => {
  test("opens with the search box focused; necrotic and kidny are found by keyboard", async () => {
    const page = await open("health-article.html");
    const popup = await openRealPopup(session, page);
    // The popup renders after it opens: wait for it, then check where focus is.
    await popup.waitFor("document.querySelector('#search-input')");
    await popup.waitFor("document.activeElement?.id === 'search-input'");
    assert.equal(await popup.evaluate("document.activeElement.id"), "search-input");
    await popup.type("necrotic");
    await popup.waitFor("document.querySelector('[role=option]')");
    assert.match(
      await popup.evaluate<string>("document.querySelector('[role=option] .result-title').textContent"),
      /^necrosis/,
    );
    await popup.press("Enter");
    await popup.waitFor("document.querySelector('#term-heading')");
    assert.equal(await popup.evaluate("document.querySelector('#term-heading').textContent"), "necrosis");
    await popup.press("Escape");
    await popup.waitFor("document.activeElement.id === 'search-input'");

    await popup.evaluate("(() => { const i = document.querySelector('#search-input'); i.select(); })()");
    await popup.type("kidny");
    await popup.waitFor(
      "[...document.querySelectorAll('[role=option]')].some((o) => o.textContent.startsWith('kidney disease'))",
    );
    const titles = await popup.evaluate<string[]>(
      "[...document.querySelectorAll('[role=option] .result-title')].map((t) => t.firstChild.textContent)",
    );
    const at = titles.indexOf("kidney disease");
    // With hundreds of entries, "kidny" also finds kidneys, donor kidney…
    assert.ok(at >= 0 && at < 5, `kidney disease near the top: ${titles.join(", ")}`);
    for (let i = 0; i < at; i++) await popup.press("ArrowDown");
    assert.equal(
      await popup.evaluate(
        "document.querySelector('[aria-selected=true] .result-title').firstChild.textContent",
      ),
      "kidney disease",
    );
    await popup.press("Enter");
    await popup.waitFor("document.querySelector('#term-heading')?.textContent === 'kidney disease'");
    await popup.detach();
    await page.close();
  });

  test("“on this page” matches the page, frames included, and the badge counts its terms", async () => {
    const page = await open("lab-portal.html");
    await page.waitForSelector("#late-row");
    const tabId = await tabIdOf(session, page);
    const popup = await openRealPopup(session, page);
    let terms: Record<string, number> = {};
    await waitUntil(async () => {
      terms = await pageTerms(popup);
      const sum = Object.values(terms).reduce((a, b) => a + b, 0);
      return sum > 0 && sum === (await pageTotal(page));
    }, "popup counts equal the highlights in all frames");
    assert.ok(terms["blood-clot"], "“thrombosis” in the report frame is listed");
    assert.ok(terms.calciphylaxis && terms.calciphylaxis >= 3, "calciphylaxis counted across frames");
    await waitUntil(
      async () => (await badgeOf(session, tabId)) === String(Object.keys(terms).length),
      "badge = distinct terms",
    );

    // Choosing a term shows it on the page: the popup closes, its tooltip opens.
    await popup.evaluate("document.querySelector('li[data-term=necrosis] .page-term').click()");
    await waitUntil(async () => {
      for (const frame of page.frames()) {
        if (await frame.evaluate(() => !!document.querySelector("termlens-tooltip")).catch(() => false))
          return true;
      }
      return false;
    }, "a tooltip opens on the page");
    await popup.detach();

    // Navigation clears the badge; the new page is counted afresh.
    await page.goto(`${server.origin}/health-article.html`);
    await waitUntil(async () => {
      const text = await badgeOf(session, tabId);
      return text !== "" && text !== String(Object.keys(terms).length);
    }, "badge recounted after navigation");
    await page.close();
  });

  test("topics: the page's first, then themes, each document with its credit; the filter finds a topic by a word", async () => {
    // The glossary the build wrote (the popup's own data), to check which topics belong to the page.
    const glossary = JSON.parse(readFileSync("glossary/generated/glossary.json", "utf8")) as CompiledGlossary;
    const page = await open("lab-portal.html");
    await page.waitForSelector("#late-row");
    const popup = await openRealPopup(session, page);
    // The page's terms come from the background; its topics follow them.
    await popup.waitFor("document.querySelector('.topic-group[data-group=on-page] .topic')");

    const groups = await popup.evaluate<{ id: string; heading: string }[]>(
      "[...document.querySelectorAll('.topic-group')].map((g) => ({ id: g.dataset.group, heading: g.querySelector('h3').firstChild.textContent.trim() }))",
    );
    assert.equal(groups[0]?.id, "on-page", "“On this page” is the first group");
    assert.equal(groups[0]?.heading, "On this page");
    const headings = groups.slice(1).map((g) => g.heading);
    for (const theme of ["Kidney care", "Lab tests", "Blood & anemia", "Wounds & skin"]) {
      assert.ok(headings.includes(theme), `theme heading ${theme}: ${headings.join(" | ")}`);
    }
    // Its topics are those of the terms the popup lists for the page, and only those (read together:
    // a frame's terms may still arrive).
    const { pageTermIds, onPage } = await popup.evaluate<{ pageTermIds: string[]; onPage: string[] }>(
      "({ pageTermIds: [...document.querySelectorAll('.page-terms li')].map((li) => li.dataset.term), onPage: [...document.querySelectorAll('.topic-group[data-group=on-page] .topic')].map((t) => t.dataset.topic) })",
    );
    const ofPage = new Set(
      glossary.terms.filter((t) => pageTermIds.includes(t.id)).flatMap((t) => t.topicIds),
    );
    assert.ok(onPage.includes("what-is-it"), `calciphylaxis is on the portal: ${onPage.join(", ")}`);
    for (const id of onPage) assert.ok(ofPage.has(id), `${id} is a topic of a term on the page`);
    // The first topic in the list is the page's.
    assert.equal(
      await popup.evaluate("document.querySelector('.topic').closest('.topic-group').dataset.group"),
      "on-page",
    );
    // Each document shown open says whose text it is.
    const credits = await popup.evaluate<string[]>(
      "[...document.querySelectorAll('.document[open]')].map((d) => d.querySelector(':scope > .credit')?.textContent ?? '')",
    );
    assert.ok(
      credits.length > 0 && credits.every((c) => c.length > 0),
      `credit lines: ${credits.join(" | ")}`,
    );

    // The filter, by keyboard: a word finds its topic under its theme.
    await popup.evaluate("document.querySelector('#topic-filter').focus()");
    await popup.type("potassium");
    await popup.waitFor("document.querySelector('[data-topic=hd-eating-potassium]')");
    assert.match(
      await popup.evaluate<string>("document.querySelector('#topic-filter-status').textContent"),
      /^\d+ topics? in \d+ documents?$/,
    );
    const found = await popup.evaluate<{ group: string; credit: string }>(
      "(() => { const t = document.querySelector('.topic-group:not([data-group=on-page]) [data-topic=hd-eating-potassium]'); return { group: t.closest('.topic-group').querySelector('h3').firstChild.textContent.trim(), credit: t.closest('.document').querySelector('.credit').textContent }; })()",
    );
    assert.equal(found.group, "Nutrition & vitamins");
    assert.match(found.credit, /^Text from NIDDK .*CC BY 4\.0/);
    const titles = await popup.evaluate<string[]>(
      "[...document.querySelectorAll('.topic > summary')].map((s) => s.textContent)",
    );
    assert.ok(
      titles.length < glossary.topics.length / 2,
      `the filter narrows the list: ${titles.length} topics`,
    );
    // ArrowDown goes to the first topic; Enter opens it.
    await popup.press("ArrowDown");
    await popup.waitFor("document.activeElement?.matches('.topic > summary')");
    await popup.press("Enter");
    await popup.waitFor(
      "document.activeElement.parentElement.open && document.activeElement.parentElement.children.length > 1",
    );
    // Escape in the box brings every topic back.
    await popup.evaluate("document.querySelector('#topic-filter').focus()");
    await popup.press("Escape");
    await popup.waitFor("document.querySelector('#topic-filter').value === ''");
    await popup.waitFor(`document.querySelectorAll('.topic-group').length === ${groups.length}`);
    await popup.detach();
    await page.close();
  });

  test("the switch turns the site off and on in two open tabs; the badge says off", async () => {
    const page = await open("health-article.html");
    const other = await open("lab-portal.html");
    const [pageTab, otherTab] = [await tabIdOf(session, page), await tabIdOf(session, other)];
    const popup = await openRealPopup(session, page);
    await popup.waitFor(SWITCH);
    assert.equal(
      (await popup.evaluate<string>("document.querySelector('.site-switch').textContent")).trim(),
      "On for 127.0.0.1",
    );
    await popup.evaluate("document.querySelector('[role=switch]').click()");
    await popup.waitFor("document.querySelector('.site-switch').textContent.trim() === 'Off for 127.0.0.1'");
    for (const p of [page, other]) {
      await p.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) === 0, undefined, {
        timeout: 15_000,
      });
    }
    await waitUntil(async () => (await badgeOf(session, pageTab)) === "off", "badge off");
    await waitUntil(async () => (await badgeOf(session, otherTab)) === "off", "badge off in the other tab");
    await popup.detach();

    const again = await openRealPopup(session, page);
    await again.waitFor(SWITCH);
    assert.equal(await again.evaluate("document.querySelector('[role=switch]').checked"), false);
    await again.evaluate("document.querySelector('[role=switch]').click()");
    for (const p of [page, other]) {
      await p.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
        timeout: 15_000,
      });
    }
    await waitUntil(async () => /^\d+$/.test(await badgeOf(session, otherTab)), "badge counts again");
    await again.detach();
    await other.close();
    await page.close();
  });

  test("pause everywhere stops every site; pressing again resumes", async () => {
    const page = await open("health-article.html");
    const local = await open("health-article.html", "localhost");
    const popup = await openRealPopup(session, page);
    await popup.waitFor(SWITCH);
    await popup.evaluate("document.querySelector('button.pause').click()");
    await popup.waitFor("document.querySelector('button.pause').getAttribute('aria-pressed') === 'true'");
    assert.equal(await popup.evaluate("document.querySelector('[role=switch]').disabled"), true);
    for (const p of [page, local]) {
      await p.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) === 0, undefined, {
        timeout: 15_000,
      });
    }
    await popup.evaluate("document.querySelector('button.pause').click()");
    for (const p of [page, local]) {
      await p.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
        timeout: 15_000,
      });
    }
    await popup.detach();
    await local.close();
    await page.close();
  });

  test("allow-list mode: only the sites switched on", async () => {
    const page = await open("health-article.html");
    const local = await open("health-article.html", "localhost");
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByLabel("Only on sites I switch on").check();
    for (const p of [page, local]) {
      await p.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) === 0, undefined, {
        timeout: 15_000,
      });
    }
    const popup = await openRealPopup(session, page);
    await popup.waitFor(SWITCH);
    assert.equal(
      (await popup.evaluate<string>("document.querySelector('.site-switch').textContent")).trim(),
      "Off for 127.0.0.1",
    );
    await popup.evaluate("document.querySelector('[role=switch]').click()");
    await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
      timeout: 15_000,
    });
    // The other tab answers that it is off (page-info), not merely "not yet on".
    await waitUntilOff(session, local);
    assert.equal(await highlightCount(local), 0, "a site not chosen stays off");
    await popup.detach();
    // Back to the default for the other tests.
    await options.bringToFront();
    await options.getByLabel("Everywhere, except sites I switch off").check();
    await options.getByRole("button", { name: "Remove the rule for 127.0.0.1" }).click();
    await local.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
      timeout: 15_000,
    });
    await options.close();
    await local.close();
    await page.close();
  });
});
