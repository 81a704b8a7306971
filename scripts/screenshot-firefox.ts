// docs/screenshots/tooltip-firefox.png: the tooltip in Firefox, taken the
// way the tests drive it (tests/e2e/scenarios/firefox.ts). Needs the Firefox
// build: npm run build:firefox && tsx scripts/screenshot-firefox.ts

import { resolve } from "node:path";
import { firefoxDriver } from "../tests/e2e/scenarios/firefox";
import { type StaticServer, serve } from "../tests/e2e/server";

const server: StaticServer = await serve();
const driver = await firefoxDriver();
try {
  const page = await driver.newPage();
  await page.goto(`${server.origin}/health-article.html`);
  await page.waitFor(
    () => document.documentElement.getAttribute("data-termlens-scan") === "idle",
    undefined,
    10_000,
  );
  await page.bringToFront();
  const point = await page.evaluate(() => {
    const root = document.querySelector("#intro");
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf("arterioles");
      if (i < 0) continue;
      const r = new Range();
      r.setStart(n, i);
      r.setEnd(n, i + "arterioles".length);
      const box = r.getClientRects()[0];
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    }
    return null;
  });
  if (!point) throw new Error('"arterioles" not found in #intro');
  await page.mouseMove(point.x - 3, point.y);
  await page.mouseMove(point.x, point.y, 2);
  await page.waitFor(() => {
    const text = document.querySelector("termlens-tooltip")?.shadowRoot?.textContent ?? "";
    return text.includes("arterioles") && !text.includes("Looking up");
  });
  // The card fades in (120 ms): take it once its animation is over.
  await page.waitFor(() => {
    const root = document.querySelector("termlens-tooltip")?.shadowRoot;
    return !!root && root.getAnimations().every((a) => a.playState !== "running");
  });
  const path = resolve("docs/screenshots/tooltip-firefox.png");
  await page.screenshot(path);
  console.log(`Hovered "arterioles" in Firefox: ${path}`);
} finally {
  await driver.close();
  await server.close();
}
