// Nothing leaves the browser: the built extension holds no remote URL, no
// eval, no network API of its own; its permissions are exactly the ones the
// README explains; and while it is used for real (pages, hovers, popup,
// options, settings, a worker restart) every request in every context —
// pages, frames, extension pages, the service worker — is recorded, and
// none is the extension's.

import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, test } from "node:test";
import { EXTENSION_DIR } from "./browser";
import { isLocal, PageLog, type RecordedRequest, recordAndBlock, WorkerLog } from "./cdp-log";
import { server, session, useExtension } from "./fixture";
import { type ChromeApi, cardFor, closeTooltip, openPopupFor, until, waitForTerms } from "./helpers";

declare const chrome: ChromeApi & { runtime: { getManifest(): Record<string, unknown> } };

/** The permissions Termlens asks for; the README explains each. */
const PERMISSIONS = ["contextMenus", "scripting", "storage"];
const MATCHES = ["file:///*", "http://*/*", "https://*/*"];

/** URLs that may appear in the built files, and why. */
const HARMLESS_URLS: [RegExp, string][] = [
  [
    /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace)$/,
    "XML namespaces",
  ],
  [/^https?:\/\/\*\/\*(\.pdf|\.PDF)?(\?\*)?$/, "match patterns (pages; links to PDFs)"],
  [/^https:\/\/wxt\.dev\/[\w./-]*$/, "WXT's own error messages (docs links, never fetched)"],
  [/^https:\/\/github\.com\/wxt-dev\/wxt\/issues\/\d+$/, "WXT's own error messages (never fetched)"],
  [/^http:\/\/\$\{\w+\}$/, "a host the user typed, parsed as a URL (lib/site-rules)"],
  [/^https:\/\/foo\.bar$|^http:\/\/example\.com$/, "pdf.js: bases for parsing relative URLs (never fetched)"],
  [/^https:\/\/(a|x|тест)([#/@?].*)?$/, "core-js (in pdf.js's legacy build): URL parser feature tests"],
  [/^https:\/\/github\.com\/zloirock\/core-js(\/blob\/v[\d.]+\/LICENSE)?$/, "core-js's own licence notice"],
];

/**
 * The PDF reader (its chunk and pdf.js) fetches the one PDF the user chose:
 * it alone may hold network APIs. What it requests is checked in use by
 * tests/e2e/reader.test.ts ("no request but the PDF"). pdf.js also holds a
 * `new Function` feature probe, switched off (isEvalSupported: false) and
 * forbidden anyway by the extension pages' content security policy.
 */
const READER_FILE = /^(chunks\/reader-[\w-]+\.js|pdfjs\/.+\.m?js)$/;
const READER_MAY = new Set(["new Function(", "XMLHttpRequest", "fetch("]);

/** Addresses in the glossary's own data: where each source came from, shown as provenance, never fetched. */
const GLOSSARY_URLS = new Set(
  readFileSync("glossary/generated/glossary.json", "utf8").match(/\bhttps?:\/\/[^\s"'`)<>\\]*/g) ?? [],
);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe("privacy: the build", () => {
  const built = files(EXTENSION_DIR).filter((f) => /\.(js|html|css|json)$/.test(f));

  test("no remote URL in any built file (only namespaces and never-fetched doc links)", () => {
    assert.ok(built.length >= 5, `built files found in ${EXTENSION_DIR}`);
    const unexplained: string[] = [];
    for (const f of built) {
      for (const m of readFileSync(f, "utf8").matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]*/g)) {
        if (!GLOSSARY_URLS.has(m[0]) && !HARMLESS_URLS.some(([re]) => re.test(m[0])))
          unexplained.push(`${relative(EXTENSION_DIR, f)}: ${m[0]}`);
      }
    }
    assert.deepEqual(unexplained, []);
  });

  test("no eval, new Function, string timers, remote imports or network APIs", () => {
    const found: string[] = [];
    for (const f of built.filter((x) => x.endsWith(".js") || x.endsWith(".html"))) {
      const text = readFileSync(f, "utf8");
      const checks: [RegExp, string][] = [
        [/\beval\s*\(/, "eval("],
        [/\bnew\s+Function\s*\(/, "new Function("],
        [/\bset(?:Timeout|Interval)\s*\(\s*["'`]/, "string timer"],
        [/\bimportScripts\s*\(/, "importScripts("],
        [/\bimport\s*\(\s*["'`]https?:/, "remote import("],
        [/\bXMLHttpRequest\b/, "XMLHttpRequest"],
        [/\bWebSocket\b/, "WebSocket"],
        [/\bsendBeacon\b/, "sendBeacon"],
        [/\bEventSource\b/, "EventSource"],
        [/<script[^>]+src=["']?https?:/, "remote <script>"],
        [/<link[^>]+href=["']?https?:/, "remote <link>"],
        [/@import\s+url\(["']?https?:|@font-face[^}]*url\(["']?https?:/, "remote CSS"],
      ];
      const reader = READER_FILE.test(relative(EXTENSION_DIR, f));
      for (const [re, what] of checks)
        if (re.test(text) && !(reader && READER_MAY.has(what)))
          found.push(`${relative(EXTENSION_DIR, f)}: ${what}`);
      // fetch( appears once: Vite's modulepreload polyfill, which fetches
      // <link rel=modulepreload> of the extension's own pages (local files).
      for (const m of text.matchAll(/\bfetch\s*\(/g)) {
        const around = text.slice(Math.max(0, m.index - 400), m.index);
        if (!reader && !/integrity[\s\S]*referrerPolicy[\s\S]*crossOrigin/.test(around))
          found.push(`${relative(EXTENSION_DIR, f)}: fetch( at ${m.index}`);
      }
    }
    assert.deepEqual(found, []);
  });

  test("permissions are exactly the expected ones, and the README explains each", () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));
    assert.deepEqual([...(manifest.permissions ?? [])].sort(), PERMISSIONS);
    // Host access only to the pages the gate script already runs on, to inject
    // the real content script where Termlens is on.
    assert.deepEqual(
      [...(manifest.host_permissions ?? [])].sort(),
      MATCHES,
      "host permissions = the gate's matches",
    );
    assert.equal(manifest.optional_permissions, undefined);
    assert.equal(manifest.optional_host_permissions, undefined);
    assert.equal(manifest.externally_connectable, undefined, "no page or extension may message us");
    assert.equal(manifest.update_url, undefined);
    const csp = JSON.stringify(manifest.content_security_policy ?? "");
    assert.doesNotMatch(csp, /unsafe-eval|https?:/, "no relaxed CSP");
    // On Chromium the gate is registered at run time, only where Termlens is
    // on (entrypoints/background/gate-registration.ts); the manifest lists no content script.
    const scripts = (manifest.content_scripts ?? []) as { matches: string[] }[];
    assert.deepEqual(scripts, []);

    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(
      readme.indexOf("| Permission"),
      readme.indexOf("\n\n", readme.indexOf("| Permission")),
    );
    const listed = [...table.matchAll(/^\| `(\w+)`/gm)].map((m) => m[1]).sort();
    assert.deepEqual(listed, PERMISSIONS, "the README's permission table lists exactly the manifest's");
    for (const p of MATCHES)
      assert.ok(table.includes(`\`${p}\``), `README names the content script match ${p}`);
  });
});

describe("privacy: in use, in every context", () => {
  let net: { all: RecordedRequest[]; blocked: RecordedRequest[] };
  let workerLog: WorkerLog;
  const pageLogs: PageLog[] = [];

  useExtension({}, async () => {
    net = await recordAndBlock(session.context);
    workerLog = await WorkerLog.attach(session.context, session.extensionId);
  });

  test("the runtime manifest names no remote host", async () => {
    const m = await session.worker.evaluate(() => chrome.runtime.getManifest());
    const hosts = JSON.stringify([m.host_permissions, m.permissions, m.externally_connectable]);
    assert.doesNotMatch(hosts, /https?:\/\/(?!\*\/)/);
    const registered = (await session.worker.evaluate(() =>
      (
        chrome as unknown as {
          scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
        }
      ).scripting.getRegisteredContentScripts(),
    )) as { matches?: string[] }[];
    assert.ok(registered.length > 0, "the page script is registered");
    for (const r of registered) for (const m of r.matches ?? []) assert.ok(MATCHES.includes(m), m);
  });

  test("pages, hovers, popup, options, settings and a worker restart: no request of ours", async () => {
    const page = await session.context.newPage();
    pageLogs.push(await PageLog.attach(session.context, page));
    await page.goto(`${server.origin}/health-article.html`);
    await waitForTerms(page);
    assert.match(await cardFor(page, "#intro", "arterioles"), /arteriole/i);
    await closeTooltip(page);
    assert.match(await cardFor(page, "#wound-para", "debridement"), /debridement/i);

    const frames = await session.context.newPage();
    pageLogs.push(await PageLog.attach(session.context, frames));
    await frames.goto(`${server.origin}/lab-portal.html`);
    await waitForTerms(frames);

    const popup = await openPopupFor(session, page);
    pageLogs.push(await PageLog.attach(session.context, popup));
    const toggle = popup.getByRole("switch");
    await toggle.click();
    await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) === 0);
    await toggle.click();
    await page.waitForFunction(() => (CSS.highlights.get("termlens")?.size ?? 0) > 0);
    await popup.close();

    const options = await session.context.newPage();
    pageLogs.push(await PageLog.attach(session.context, options));
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    // A setting changed there and saved (the page has read and written
    // storage, all it does), then put back.
    const display = async () =>
      ((await session.worker.evaluate(() => chrome.storage.sync.get("display"))).display ?? {}) as {
        highlightStyle?: string;
      };
    await options.getByLabel("Soft background").check();
    await until(
      "the options page saved the style",
      async () => (await display()).highlightStyle === "background",
    );
    await options.getByLabel("Dotted underline").check();
    await until(
      "the options page saved the style",
      async () => (await display()).highlightStyle === "underline",
    );
    await options.close();

    // The worker stopped by the browser and woken by a lookup.
    assert.ok((await workerLog.stopWorkers()) >= 1, "a worker was stopped");
    await page.bringToFront();
    await page.mouse.move(1, 1);
    assert.match(await cardFor(page, "#necrosis-para", "necrosis", 8000), /necrosis/i);

    const ours = net.all.filter(
      (r) =>
        r.fromWorker ||
        (r.by.startsWith("chrome-extension://") &&
          !r.url.startsWith(`chrome-extension://${session.extensionId}/`)),
    );
    assert.deepEqual(
      ours,
      [],
      "no request by the service worker or to anything but the extension's own files",
    );
    assert.deepEqual(workerLog.requests, [], "the worker's own network log (CDP) is empty");
    assert.deepEqual(
      pageLogs
        .flatMap((l) => l.ourRequests)
        .filter((u) => !u.startsWith(`chrome-extension://${session.extensionId}/`)),
      [],
      "no request initiated by extension code in any page",
    );
    const pageRequests = net.all.filter((r) => !r.url.startsWith("chrome-extension://"));
    assert.ok(
      pageRequests.every((r) => isLocal(r.url)),
      `only the test server was asked: ${pageRequests.map((r) => r.url).join(" ")}`,
    );
    assert.deepEqual(net.blocked, [], "nothing even tried another host");
    assert.deepEqual(workerLog.errors, [], "no error in the worker");
    assert.deepEqual(
      pageLogs.flatMap((l) => l.ours),
      [],
      "no error or warning of ours in pages",
    );
  });
});
