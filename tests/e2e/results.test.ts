// Lab results on the page: hovering a test's name or its value shows the
// result card with the numbers as printed and the value placed on the number
// line; moving straight from row to row shows each card; rows that arrive
// late or sit in a shadow root are found; the page's DOM is never changed.
// With SCREENSHOTS=1 it writes docs/screenshots/result-card.png.

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { scanIdle } from "./cdp-log";
import { server, session, useExtension } from "./fixture";
import { highlightedIn, hover, pointOf, sendCommand, TOOLTIP } from "./helpers";

let page: Page;

useExtension();
beforeEach(async () => {
  page = await session.context.newPage();
});
afterEach(async () => {
  await page.close();
});

async function open(file: string): Promise<void> {
  await page.goto(`${server.origin}/${file}`);
  await scanIdle(page);
}

/** The result card's parts, once a card for `name` is shown. */
async function card(name: string, timeout = 20_000) {
  await page.waitForFunction(
    (n) =>
      document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector(".result-card .rc-name")
        ?.textContent === n,
    name,
    { timeout },
  );
  // No named inner functions in page code: tsx's keepNames would wrap them in a helper the page lacks.
  return page.evaluate(() => {
    const root = document.querySelector("termlens-tooltip")?.shadowRoot as ShadowRoot;
    const marker = root.querySelector(".rc-marker");
    return {
      name: root.querySelector(".rc-name")?.textContent ?? null,
      value: root.querySelector(".rc-value")?.textContent ?? null,
      range: root.querySelector(".rc-range-text")?.textContent ?? null,
      sentence: root.querySelector(".rc-sentence")?.textContent ?? null,
      flag: root.querySelector(".rc-flag")?.textContent ?? null,
      described: root.querySelector(".rc-sr")?.textContent ?? null,
      position: marker ? Number(marker.getAttribute("data-position")) : null,
      role: root.querySelector("[role=tooltip]") !== null,
    };
  });
}

describe("result rows", () => {
  test("names and values are marked; the page's DOM is unchanged", async () => {
    await page.goto(`${server.origin}/results-table.html`);
    const before = await page.evaluate(() => document.body.innerHTML);
    await scanIdle(page);
    const marked = await highlightedIn(page, "#cmp", "termlens-result");
    assert.ok(marked?.includes("Potassium"), `marked: ${marked}`);
    assert.ok(marked?.includes("5.6 mmol/L"));
    assert.ok(!marked?.includes("W2611200342"), "a specimen ID is not a value");
    assert.ok(!marked?.includes("Specimen ID"));
    assert.equal(await page.evaluate(() => document.body.innerHTML), before);
  });

  test("hovering the test's name shows the card with the printed numbers", async () => {
    await open("results-table.html");
    await hover(page, "#cmp", "Potassium");
    const c = await card("Potassium");
    assert.equal(c.role, true);
    assert.equal(c.value, "5.6 mmol/L (millimoles per liter)");
    assert.equal(c.range, "3.5 - 5.1 mmol/L");
    assert.equal(c.sentence, "Your value is above the range this lab lists.");
    assert.equal(c.flag, "High means the lab marked it as higher than its range.");
    assert.match(
      c.described ?? "",
      /runs from 3\.5 to 5\.1\. Your value, 5\.6, is marked; it is above the range/,
    );
  });

  test("hovering the value shows the same card, and the number line places it", async () => {
    await open("results-table.html");
    await hover(page, "#cmp", "99 mg/dL");
    const c = await card("Glucose");
    assert.equal(c.range, "70 - 99 mg/dL");
    assert.equal(c.sentence, "Your value is within the range this lab lists.");
    // 99 is the range's top end: three quarters along the line.
    assert.ok(c.position !== null && Math.abs(c.position - 0.75) < 0.001, `position ${c.position}`);
    // Drawn where the model says: the marker's x within the SVG.
    const drawn = await page.evaluate(() => {
      const root = document.querySelector("termlens-tooltip")?.shadowRoot as ShadowRoot;
      const svg = root.querySelector("svg.rc-line") as SVGSVGElement;
      const dot = root.querySelector(".rc-marker circle") as SVGCircleElement;
      const a = svg.getBoundingClientRect();
      const b = dot.getBoundingClientRect();
      return (b.left + b.width / 2 - a.left) / a.width;
    });
    assert.ok(Math.abs(drawn - 0.75) < 0.02, `drawn at ${drawn}`);
  });

  test("a value far above the range is drawn at the edge, with the words", async () => {
    await open("results-grid.html");
    await hover(page, ".grid", "PTH, intact");
    const c = await card("PTH, intact");
    assert.ok(c.position !== null && c.position > 0.9);
    assert.match(c.described ?? "", /far beyond the edge/);
    assert.match(c.flag ?? "", /critically high\. Follow the lab's or your care team's instructions\.$/);
  });

  test("moving straight from one row to the next shows each card", async () => {
    await open("results-table.html");
    await hover(page, "#cmp", "Sodium");
    await card("Sodium");
    const next = await pointOf(page, "#cmp", "Chloride");
    await page.mouse.move(next.x, next.y, { steps: 4 });
    const c = await card("Chloride", 3000);
    assert.equal(c.range, "98 - 107 mmol/L");
  });

  test("moving straight from term to term in a paragraph shows each card", async () => {
    await open("lab-portal.html");
    await hover(page, "#visit-note", "necrosis");
    await page.locator(TOOLTIP).waitFor({ state: "visible" });
    const next = await pointOf(page, "#visit-note", "calciphylaxis");
    await page.mouse.move(next.x, next.y, { steps: 6 });
    await page.waitForFunction(
      () => /calciphylaxis/i.test(document.querySelector("termlens-tooltip")?.shadowRoot?.textContent ?? ""),
      undefined,
      { timeout: 20_000 },
    );
  });

  test("rows that arrive late, and rows in a shadow root, are found", async () => {
    await open("results-table.html");
    const settled = (await scanIdle(page)).settled;
    await page.evaluate(() => {
      const body = document.querySelector("#cmp tbody") as HTMLElement;
      body.insertAdjacentHTML(
        "beforeend",
        "<tr><td>Magnesium</td><td>1.4 mg/dL</td><td>1.6 - 2.6 mg/dL</td><td>L</td></tr>",
      );
      const host = document.createElement("div");
      host.id = "shadow-host";
      document.body.append(host);
      host.attachShadow({ mode: "open" }).innerHTML =
        "<table id=inner><tr><th>Test</th><th>Result</th><th>Range</th></tr><tr><td>Lipase</td><td>62 U/L</td><td>13 - 60 U/L</td></tr></table>";
    });
    await scanIdle(page, { after: settled });
    await page.waitForFunction(() => {
      const list = [...(CSS.highlights.get("termlens-result") ?? [])].map((r) => {
        const live = new Range();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      });
      return list.includes("Magnesium") && list.includes("Lipase");
    });
    await hover(page, "#cmp", "Magnesium");
    const c = await card("Magnesium");
    assert.equal(c.sentence, "Your value is below the range this lab lists.");
  });

  test("next/previous term reaches result rows", async () => {
    await open("results-table.html");
    // Terms in the headings come first; the first result row is reached in a few steps.
    let name: string | null = null;
    for (let i = 0; i < 12 && name !== "Sodium"; i++) {
      await sendCommand(session, page, "next-term");
      // The step's card is drawn before the command's answer is back: as the
      // command runs, or microtasks later for a result row (its readers came
      // before the scan went idle, which open() awaited).
      await page.locator("termlens-tooltip").waitFor({ state: "attached" });
      name = await page.evaluate(
        () =>
          document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector(".rc-name")?.textContent ??
          null,
      );
    }
    const c = await card("Sodium");
    assert.equal(c.range, "136 - 145 mmol/L");
    await sendCommand(session, page, "next-term");
    await card("Potassium");
    await sendCommand(session, page, "previous-term");
    await card("Sodium");
  });

  test("nothing about the values is sent anywhere", async () => {
    const sent: string[] = [];
    page.on("request", (r) => sent.push(r.url()));
    await open("results-table.html");
    await hover(page, "#cmp", "Creatinine");
    await card("Creatinine");
    assert.deepEqual(
      sent.filter((u) => !u.startsWith(server.origin)),
      [],
    );
  });

  test("the readers load only in frames that may hold results", async () => {
    // What Termlens's isolated world in the page's main frame holds once the scan is idle.
    const worldOf = async (file: string) => {
      const cdp = await session.context.newCDPSession(page);
      const worlds: { id: number; frameId: string }[] = [];
      cdp.on("Runtime.executionContextCreated", (e) => {
        const frameId = (e.context.auxData as { frameId?: string } | undefined)?.frameId ?? "";
        if (e.context.name === "Termlens") worlds.push({ id: e.context.id, frameId });
      });
      await cdp.send("Runtime.enable");
      await open(file);
      const { frameTree } = await cdp.send("Page.getFrameTree");
      const world = worlds.filter((w) => w.frameId === frameTree.frame.id).at(-1);
      assert.ok(world, `Termlens runs on ${file}`);
      const { result } = await cdp.send("Runtime.evaluate", {
        contextId: world.id,
        expression:
          "[typeof globalThis.termlensContentData, typeof globalThis.termlensResultReading].join(' ')",
        returnByValue: true,
      });
      await cdp.detach();
      const [index, readers] = String(result.value).split(" ");
      return { index, readers };
    };
    // Control: a results table has them loaded (beside the index) and its rows marked.
    assert.deepEqual(await worldOf("results-table.html"), { index: "object", readers: "object" });
    assert.ok(await page.evaluate(() => (CSS.highlights.get("termlens-result")?.size ?? 0) > 0));
    // An article with terms and no result layout never loads them.
    assert.deepEqual(await worldOf("health-article.html"), { index: "object", readers: "undefined" });
    assert.ok(await page.evaluate(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0));
  });

  test("screenshot of the number line (SCREENSHOTS=1)", { skip: !process.env.SCREENSHOTS }, async () => {
    await page.setViewportSize({ width: 760, height: 520 });
    await open("results-table.html");
    const p = await pointOf(page, "#cmp", "Potassium");
    await page.mouse.click(p.x, p.y);
    await card("Potassium");
    mkdirSync("docs/screenshots", { recursive: true });
    const box = await page.locator(TOOLTIP).boundingBox();
    assert.ok(box);
    await page.screenshot({
      path: "docs/screenshots/result-card.png",
      clip: {
        x: Math.max(0, box.x - 140),
        y: Math.max(0, box.y - 50),
        width: box.width + 160,
        height: box.height + 60,
      },
    });
  });
});
