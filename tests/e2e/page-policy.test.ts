// On a page whose security policy forbids eval or WebAssembly, anything of
// ours that tried either would fire a "securitypolicyviolation" at the page
// (and maybe a report to its server), telling the site that Termlens is
// there. Each page here is scanned to the end and must have seen no
// violation; the last test shows such a violation would be seen.

import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { scanIdle } from "./cdp-log";
import { server, session, useExtension } from "./fixture";

useExtension();

interface Outcome {
  violations: string[];
  highlights: number;
}

/** Makes the page keep every securitypolicyviolation it sees in window.violations. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

async function visit(path: string): Promise<Outcome> {
  const page = await session.context.newPage();
  await recordViolations(page);
  await page.goto(`${server.origin}${path}`);
  await page.bringToFront();
  await scanIdle(page);
  const outcome = await page.evaluate(() => ({
    violations: (window as unknown as { violations: string[] }).violations,
    highlights: CSS.highlights.get("termlens")?.size ?? 0,
  }));
  await page.close();
  return outcome;
}

const STRICT = encodeURIComponent("script-src 'self'");

for (const [label, path] of [
  ["no policy", "/health-article.html"],
  ["an enforced policy header forbidding WebAssembly", `/health-article.html?csp=${STRICT}`],
  ["a report-only policy header forbidding it", `/health-article.html?csp-report-only=${STRICT}`],
  ["a <meta> policy forbidding it", "/csp-meta.html"],
] as const) {
  test(`${label}: terms found, no violation`, async () => {
    const o = await visit(path);
    assert.ok(o.highlights > 0);
    assert.deepEqual(o.violations, []);
  });
}

test("control: WebAssembly compiled in our world on such a page is seen by the page", async () => {
  // Shows the checks above can fail: the page's listener does see a compile
  // made in Termlens's isolated world.
  const page = await session.context.newPage();
  await recordViolations(page);
  const cdp = await session.context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on("Runtime.executionContextCreated", (e) => {
    if (e.context.name === "Termlens") worlds.push(e.context.id);
  });
  await cdp.send("Runtime.enable");
  await page.goto(`${server.origin}/health-article.html?csp=${STRICT}`);
  await page.bringToFront();
  await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0, undefined, {
    timeout: 20_000,
  });
  const world = worlds.at(-1);
  assert.ok(world !== undefined, "Termlens's isolated world exists");
  await cdp.send("Runtime.evaluate", {
    contextId: world,
    expression: "try { new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])) } catch {}",
  });
  // The violation event reaches the page in a task of its own: wait for it.
  await page
    .waitForFunction(
      () => (window as unknown as { violations: string[] }).violations.some((v) => v.includes("wasm-eval")),
      undefined,
      { timeout: 20_000 },
    )
    .catch(async () => {
      const seen = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
      assert.fail(`the page never saw a wasm-eval violation; it saw: ${JSON.stringify(seen)}`);
    });
  await cdp.detach();
  await page.close();
});
