// `npm start`: Chromium with Termlens on our two demo pages. With a display it
// is a normal window you can use; on a headless server it hovers a term,
// saves screenshots of the tooltip and the popup, prints their paths, exits.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { launch } from "../tests/e2e/browser";
import { hover, openPopupFor, tooltipText } from "../tests/e2e/helpers";
import { serve } from "../tests/e2e/server";

const hasDisplay =
  process.platform === "darwin" ||
  process.platform === "win32" ||
  !!process.env.DISPLAY ||
  !!process.env.WAYLAND_DISPLAY;

const server = await serve();
const session = await launch({ headless: !hasDisplay });
const article = await session.context.newPage();
await article.goto(`${server.origin}/health-article.html`);
const portal = await session.context.newPage();
await portal.goto(`${server.origin}/lab-portal.html`);

if (hasDisplay) {
  await article.bringToFront();
  console.log(`Termlens is running in Chromium on:\n  ${article.url()}\n  ${portal.url()}`);
  console.log("Hover a dotted word. Close the browser window (or press Ctrl+C) to stop.");
  await new Promise<void>((done) => {
    session.context.on("close", () => done());
    process.on("SIGINT", () => done());
  });
  await server.close();
  process.exit(0);
}

const out = resolve("demo-output");
mkdirSync(out, { recursive: true });
await article.bringToFront();
await article.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0);
await hover(article, "#intro", "arterioles");
const text = await tooltipText(article);
const tooltipPng = resolve(out, "tooltip.png");
await article.screenshot({ path: tooltipPng });

const popup = await openPopupFor(session, article);
await popup.locator("#topic-treatment > summary").click();
const popupPng = resolve(out, "popup.png");
await popup.screenshot({ path: popupPng, fullPage: true });

console.log(`Hovered "arterioles"; the tooltip said: ${text.replace(/\s+/g, " ").slice(0, 120)}…`);
console.log(`Screenshots:\n  ${tooltipPng}\n  ${popupPng}`);
await session.close();
await server.close();
