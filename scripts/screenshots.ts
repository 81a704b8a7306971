// Makes the README's popup screenshots, light and dark:
//   npm run build && tsx scripts/screenshots.ts
// The popup is shown as popup.html?tab=<id> in a tab sized like the real
// popup (the real one cannot be captured headless), speaking for the lab portal.

import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { launch } from "../tests/e2e/browser";
import { openPopupFor } from "../tests/e2e/helpers";
import { serve } from "../tests/e2e/server";

const out = resolve("docs/screenshots");
mkdirSync(out, { recursive: true });
const server = await serve();
for (const scheme of ["light", "dark"] as const) {
  const session = await launch({ colorScheme: scheme });
  const portal = await session.context.newPage();
  await portal.goto(`${server.origin}/lab-portal.html`);
  await portal.waitForSelector("#late-row");
  await portal.waitForTimeout(1500);
  const popup = await openPopupFor(session, portal);
  await popup.locator(".page-terms li").first().waitFor();
  await popup.locator("#search-input").blur();
  const path = resolve(out, `popup-${scheme}.png`);
  await popup.screenshot({ path, clip: { x: 0, y: 0, width: 380, height: 600 } });
  console.log(path);
  await session.close();
}
await server.close();
