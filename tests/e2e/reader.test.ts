// The PDF reader (entrypoints/reader/, issue 17) with real PDFs printed by
// Chromium from our HTML (tests/pdf-fixtures.ts): opened by link, by the file
// picker and by drag and drop; terms highlighted on every page; the tooltip,
// the shortcuts and the popup's "On this page"; find over all pages;
// navigation and zoom; a PDF behind a cookie login; every bad input's
// message; and no request but the PDF. Tests wait for the reader's own
// `data-reader-idle` / `data-reader-state` attributes, never the clock.

import assert from "node:assert/strict";
import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { LIMIT_BYTES, PASSWORD, type PdfFixtures, pdfFixtures, REPORT_PAGES } from "../pdf-fixtures";
import { session, useExtension } from "./fixture";
import { highlightedIn, hover, openPopupFor, sendCommand, TOOLTIP, tooltipText } from "./helpers";

let fixtures: PdfFixtures;
let server: Server;
let origin: string;

/**
 * PDFs by name from the fixtures folder; `/login` sets a session cookie that
 * `/private/<name>` requires (401 without it); `/huge.pdf` announces more
 * than the limit; `/wrong-type/<name>` serves a PDF as text/html.
 */
function startServer(): Promise<void> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const send = (name: string, type = "application/pdf") => {
      let body: Buffer;
      try {
        body = readFileSync(join(fixtures.dir, name));
      } catch {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": type }).end(body);
    };
    if (url.pathname === "/login") {
      res
        .writeHead(200, {
          "content-type": "text/html",
          "set-cookie": "portal-session=ok; Path=/; HttpOnly; SameSite=Lax",
        })
        .end("<title>Signed in</title><p>Signed in.</p>");
    } else if (url.pathname.startsWith("/private/")) {
      if (/(?:^|;\s*)portal-session=ok(?:;|$)/.test(req.headers.cookie ?? "")) send(url.pathname.slice(9));
      else res.writeHead(401, { "content-type": "text/html" }).end("<p>Please sign in.</p>");
    } else if (url.pathname === "/huge.pdf") {
      res.writeHead(200, { "content-type": "application/pdf", "content-length": String(LIMIT_BYTES + 1) });
      res.write("%PDF-1.7\n");
      // The reader stops at the header; the body never ends.
      req.on("close", () => res.destroy());
    } else if (url.pathname.startsWith("/wrong-type/")) {
      send(url.pathname.slice(12), "text/html");
    } else send(url.pathname.slice(1));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", ok));
}

// TERMLENS_EXTENSION_DIR: a build elsewhere than .output (several checkouts' builds side by side).
useExtension({ extensionDir: process.env.TERMLENS_EXTENSION_DIR }, async () => {
  fixtures = pdfFixtures();
  await startServer();
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((ok) => server?.close(ok));
});

const readerUrl = (src?: string) =>
  `chrome-extension://${session.extensionId}/reader.html${src === undefined ? "" : `?src=${encodeURIComponent(src)}`}`;

interface Opened {
  page: Page;
  /** Every URL the reader requested that is not its own (chrome-extension:). */
  requests: string[];
  errors: string[];
}

async function openReader(src?: string): Promise<Opened> {
  const page = await session.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("chrome-extension:")) requests.push(r.url());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(readerUrl(src));
  return { page, requests, errors };
}

/** Waits until the reader is idle (all text read, laid out and matched) or shows a message. */
async function settled(page: Page, timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    () => {
      const d = document.documentElement.dataset;
      return d.readerIdle === "true" || d.readerState === "error" || d.readerState === "password";
    },
    undefined,
    { timeout },
  );
  return page.evaluate(() => document.documentElement.dataset.readerState ?? "");
}

/** Waits until the open card is the one for `term` (its definition arrived). */
async function cardSays(page: Page, term: string): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const tip = document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector("[role=tooltip]");
      const text = tip?.textContent ?? "";
      return text.toLowerCase().includes(t) && !text.includes("Looking up");
    },
    term,
    { timeout: 20_000 },
  );
}

const pageSel = (n: number) => `.page[data-page-number="${n}"]`;

async function errorOf(page: Page): Promise<{ kind: string; text: string }> {
  const box = page.locator(".message.error");
  await box.waitFor();
  return { kind: (await box.getAttribute("data-kind")) ?? "", text: (await box.textContent()) ?? "" };
}

async function assertReport(page: Page): Promise<void> {
  assert.equal(await page.locator(".page").count(), 3, "three pages");
  for (const { page: n, terms } of REPORT_PAGES) {
    const found = (await highlightedIn(page, pageSel(n))) ?? [];
    for (const term of terms)
      assert.ok(found.includes(term), `page ${n}: "${term}" among ${found.join(", ")}`);
  }
}

describe("PDF reader: opening and explaining", () => {
  test("by link: every page explained, the tooltip on hover, no request but the PDF", async () => {
    const src = `${origin}/lab-report.pdf`;
    const { page, requests, errors } = await openReader(src);
    assert.equal(await settled(page), "ready");
    await assertReport(page);
    await hover(page, pageSel(1), "dialysis");
    assert.match(await tooltipText(page), /dialysis[\s\S]*kidneys/i);
    // Straight from one card to the next term's: wait for its card, not any card.
    await hover(page, pageSel(3), "debridement");
    await cardSays(page, "debridement");
    assert.deepEqual(requests, [src], "the reader fetched the PDF and nothing else");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("by the file picker and by dropping a file", async () => {
    const { page } = await openReader();
    await page.locator(".message.welcome").waitFor();
    await page.locator(".welcome [data-testid=file-input]").setInputFiles(fixtures.report);
    assert.equal(await settled(page), "ready");
    await assertReport(page);
    assert.equal(await page.locator(".doc-name").textContent(), "lab-report.pdf");

    // Drop another PDF on the reader: it replaces the first.
    const bytes = readFileSync(fixtures.imageOnly).toString("base64");
    const data = await page.evaluateHandle((b64) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([raw], "scan.pdf", { type: "application/pdf" }));
      return dt;
    }, bytes);
    await page.dispatchEvent("#pages", "dragenter", { dataTransfer: data });
    await page.locator(".drop-overlay").waitFor();
    await page.dispatchEvent("#pages", "drop", { dataTransfer: data });
    await page.waitForFunction(() => document.querySelector(".doc-name")?.textContent === "scan.pdf");
    assert.equal(await settled(page), "ready");
    assert.equal(await page.locator(".page").count(), 1);
    assert.equal(await page.evaluate(() => CSS.highlights.get("termlens")?.size ?? 0), 0, "old terms gone");
    await page.close();
  });

  test("a PDF behind a cookie login opens once the browser is signed in", async () => {
    await session.context.clearCookies();
    const src = `${origin}/private/lab-report.pdf`;
    const before = await openReader(src);
    assert.equal(await settled(before.page), "error");
    const refused = await errorOf(before.page);
    assert.equal(refused.kind, "load-failed");
    assert.match(refused.text, /401[\s\S]*sign in/);
    await before.page.close();

    const login = await session.context.newPage();
    await login.goto(`${origin}/login`);
    const { page } = await openReader(src);
    assert.equal(await settled(page), "ready");
    await assertReport(page);
    await login.close();
    await page.close();
    await session.context.clearCookies();
  });

  test("keyboard shortcuts and the popup's “On this page” reach the reader", async () => {
    const { page } = await openReader(`${origin}/lab-report.pdf`);
    assert.equal(await settled(page), "ready");
    await sendCommand(session, page, "next-term");
    await page.locator(TOOLTIP).waitFor({ state: "visible" });
    const first = await tooltipText(page);
    await sendCommand(session, page, "next-term");
    await page.waitForFunction(
      (before) => {
        const tip = document.querySelector("termlens-tooltip")?.shadowRoot?.querySelector("[role=tooltip]");
        const text = tip?.textContent ?? "";
        return text !== "" && text !== before && !text.includes("Looking up");
      },
      first,
      { timeout: 20_000 },
    );
    assert.notEqual(await tooltipText(page), first, "the next term's card");

    const popup = await openPopupFor(session, page);
    await popup.locator('[data-term="dialysis"]').waitFor();
    assert.match((await popup.locator(".site-switch").textContent()) ?? "", /PDF reader always explains/);
    assert.equal(await popup.getByRole("button", { name: "Open this PDF in Termlens" }).count(), 0);
    await popup.locator('[data-term="debridement"] .page-term').click();
    await page.waitForFunction(() => {
      const tip = document.querySelector("termlens-tooltip")?.shadowRoot?.textContent ?? "";
      return /debridement/i.test(tip) && !tip.includes("Looking up");
    });
    await popup.close();
    await page.close();
  });

  test("the popup offers “Open this PDF in Termlens” on a tab showing a PDF", async () => {
    const tab = await session.context.newPage();
    const src = `${origin}/lab-report.pdf`;
    await tab.goto(src, { waitUntil: "commit" });
    const popup = await openPopupFor(session, tab);
    const open = popup.getByRole("button", { name: "Open this PDF in Termlens" });
    await open.waitFor();
    await open.click();
    await tab.waitForURL(readerUrl(src));
    assert.equal(await settled(tab), "ready");
    await assertReport(tab);
    await popup.close();
    await tab.close();

    const html = await session.context.newPage();
    await html.goto(`${origin}/not-a-pdf.html`).catch(() => {});
    const other = await openPopupFor(session, html);
    await other.locator("main h1").waitFor();
    assert.equal(await other.getByRole("button", { name: "Open this PDF in Termlens" }).count(), 0);
    await other.close();
    await html.close();
  });
});

describe("PDF reader: find, navigation, zoom", () => {
  test("find searches every page and moves between matches; pages and zoom follow", async () => {
    const { page } = await openReader(`${origin}/lab-report.pdf`);
    assert.equal(await settled(page), "ready");
    await page.keyboard.press("Control+f");
    const box = page.getByRole("searchbox", { name: "Find in this PDF" });
    await box.waitFor();
    await box.fill("dialysis");
    const count = page.locator(".find-count");
    await page.waitForFunction(() => document.querySelector(".find-count")?.textContent === "1 of 3");
    const current = () =>
      page.evaluate(() => {
        const r = [...(CSS.highlights.get("termlens-find-current") ?? [])][0] as Range | undefined;
        return r
          ? {
              text: r.toString(),
              page: (r.startContainer.parentElement?.closest(".page") as HTMLElement | null)?.dataset
                .pageNumber,
            }
          : null;
      });
    assert.deepEqual(await current(), { text: "dialysis", page: "1" });
    await box.press("Enter");
    await page.waitForFunction(() => document.querySelector(".find-count")?.textContent === "2 of 3");
    assert.deepEqual(await current(), { text: "dialysis", page: "2" });
    await box.press("Shift+Enter");
    await page.waitForFunction(() => document.querySelector(".find-count")?.textContent === "1 of 3");
    await box.fill("no such words anywhere");
    await page.waitForFunction(() => document.querySelector(".find-count")?.textContent === "Not found");
    assert.equal(await count.textContent(), "Not found");
    await box.press("Escape");
    assert.equal(await page.evaluate(() => CSS.highlights.has("termlens-find")), false);

    // Navigation: the page box, then the arrows.
    const field = page.getByRole("textbox", { name: "Page" });
    await field.fill("3");
    await field.press("Enter");
    await page.waitForFunction(() => document.documentElement.dataset.readerPage === "3");
    const top = await page.locator(pageSel(3)).evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 120, `page 3 at the top of the view (${top})`);
    await page.getByRole("button", { name: "Previous page" }).click();
    await page.waitForFunction(() => document.documentElement.dataset.readerPage === "2");

    // Zoom: the pages grow, terms stay highlighted on the same nodes.
    const width = () => page.locator(pageSel(2)).evaluate((el) => el.getBoundingClientRect().width);
    const before = await width();
    const terms = await page.evaluate(() => CSS.highlights.get("termlens")?.size ?? 0);
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.waitForFunction((w) => {
      const el = document.querySelector('.page[data-page-number="2"]');
      return el && el.getBoundingClientRect().width > w;
    }, before);
    assert.ok((await width()) > before);
    await settled(page);
    assert.equal(await page.evaluate(() => CSS.highlights.get("termlens")?.size ?? 0), terms);
    await hover(page, pageSel(2), "arterioles");
    await cardSays(page, "arteriole");
    await page.close();
  });

  test("find reaches pages never shown (200 pages)", async () => {
    const { page } = await openReader(`${origin}/long-200.pdf`);
    await page.waitForFunction(() => document.documentElement.dataset.readerState === "ready");
    assert.equal(await page.locator(".page").count(), 200);
    await page.keyboard.press("Control+f");
    const box = page.getByRole("searchbox", { name: "Find in this PDF" });
    await box.fill("Page 187");
    await page.waitForFunction(
      () => /^1 of 1$/.test(document.querySelector(".find-count")?.textContent ?? ""),
      undefined,
      {
        timeout: 30_000,
      },
    );
    await page.waitForFunction(() => {
      const r = [...(CSS.highlights.get("termlens-find-current") ?? [])][0] as Range | undefined;
      return (
        (r?.startContainer.parentElement?.closest(".page") as HTMLElement | null)?.dataset.pageNumber ===
        "187"
      );
    });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.readerPage), "187");
    assert.equal(await settled(page, 60_000), "ready");
    const onPage = (await highlightedIn(page, pageSel(200))) ?? [];
    assert.ok(onPage.length > 0, "the last page is explained too");
    await page.close();
  });
});

describe("PDF reader: bad input gets a message, never a blank page", () => {
  const cases: [string, () => string, string, RegExp][] = [
    ["not a PDF", () => `${origin}/not-a-pdf.pdf`, "not-pdf", /is not a PDF/],
    ["a damaged PDF", () => `${origin}/damaged.pdf`, "damaged", /damaged/],
    ["a missing file (404)", () => `${origin}/nothing-here.pdf`, "load-failed", /404/],
    ["a server that does not answer", () => "http://127.0.0.1:9/report.pdf", "load-failed", /did not answer/],
    [
      "over the size limit (by its header)",
      () => `${origin}/huge.pdf`,
      "too-large",
      /too large[\s\S]*100 MB/,
    ],
    ["a link the reader cannot open", () => "javascript:alert(1)", "bad-url", /http, https and file/],
    ["not an address", () => "lab report.pdf", "bad-url", /not a valid address/],
  ];
  for (const [name, src, kind, text] of cases) {
    test(name, async () => {
      const { page, errors } = await openReader(src());
      assert.equal(await settled(page), "error");
      const shown = await errorOf(page);
      assert.equal(shown.kind, kind);
      assert.match(shown.text, text);
      assert.ok(await page.locator(".message.error button.open").isVisible(), "a way to open another PDF");
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test("a file: link opens where the browser lets the extension read files", async () => {
    // Chromium grants an extension loaded with --load-extension access to file URLs.
    const { page, requests } = await openReader(`file://${fixtures.report}`);
    assert.equal(await settled(page), "ready");
    await assertReport(page);
    assert.deepEqual(requests, [`file://${fixtures.report}`]);
    await page.close();
  });

  test("a PDF served as text/html still opens (the bytes decide)", async () => {
    const { page } = await openReader(`${origin}/wrong-type/lab-report.pdf`);
    assert.equal(await settled(page), "ready");
    await page.close();
  });

  test("a password-protected PDF asks for its password", async () => {
    const { page } = await openReader(`${origin}/encrypted.pdf`);
    assert.equal(await settled(page), "password");
    const field = page.getByLabel("Password");
    await field.fill("wrong");
    await field.press("Enter");
    await page.getByText("That password is not right").waitFor();
    await field.fill(PASSWORD);
    await page.getByRole("button", { name: "Open", exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dataset.readerState !== "password");
    assert.equal(await settled(page), "ready");
    await assertReport(page);

    const again = await openReader(`${origin}/encrypted.pdf`);
    assert.equal(await settled(again.page), "password");
    await again.page.getByRole("button", { name: "Cancel" }).click();
    assert.equal((await errorOf(again.page)).kind, "password");
    await again.page.close();
    await page.close();
  });

  test("a scan without text says there is no text to explain", async () => {
    const { page } = await openReader(`${origin}/image-only.pdf`);
    assert.equal(await settled(page), "ready");
    const notice = page.locator('.notice[data-kind="no-text"]');
    assert.match((await notice.textContent()) ?? "", /no text to explain/);
    assert.ok(await page.locator(".page canvas").isVisible(), "the page itself is still shown");
    await page.close();
  });

  test("a file over the limit is refused before it is read", async () => {
    const big = join(fixtures.dir, "over-limit.pdf");
    writeFileSync(big, "%PDF-1.7\n");
    truncateSync(big, LIMIT_BYTES + 1); // sparse: no 100 MB written
    try {
      const { page } = await openReader();
      await page.locator(".welcome [data-testid=file-input]").setInputFiles(big);
      assert.equal(await settled(page), "error");
      const shown = await errorOf(page);
      assert.equal(shown.kind, "too-large");
      assert.match(shown.text, /up to 100 MB/);
      await page.close();
    } finally {
      rmSync(big, { force: true });
    }
  });

  test("a file that is not a PDF, picked from disk", async () => {
    const { page } = await openReader();
    await page.locator(".welcome [data-testid=file-input]").setInputFiles(fixtures.notPdf);
    assert.equal(await settled(page), "error");
    assert.equal((await errorOf(page)).kind, "not-pdf");
    await page.close();
  });
});
