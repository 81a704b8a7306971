// `npm run test:corpus`: real pages written by others (../shared/corpus,
// never copied into the repo), each loaded three times from 127.0.0.1 with
// every other host blocked: plainly, with Termlens, plainly again. Termlens
// must add no page or console error, make no request, log nothing of its
// own, leave the page's DOM, scroll position and focus as they are, and keep
// every scan slice short. Pages that differ between the two plain loads are
// reported as nondeterministic (their DOM check is weaker, and says so).

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { launch, type Session } from "../e2e/browser";
import {
  firstDifference,
  isLocal,
  PageLog,
  type PageState,
  pageQuiet,
  pageState,
  type RecordedRequest,
  recordAndBlock,
  type ScanSignal,
  scanIdle,
  termCounts,
  WorkerLog,
} from "../e2e/cdp-log";
import { type StaticServer, serve } from "../e2e/server";

const CORPUS = resolve(process.env.TERMLENS_CORPUS ?? "../shared/corpus");
const FOLDERS = ["pages", "health"];

interface Load {
  state: PageState;
  errors: string[];
  ours: string[];
  ourRequests: string[];
  blocked: number;
  settled: boolean;
  scanned: boolean;
}

interface Row {
  page: string;
  kb: number;
  ms: number;
  terms: number;
  everyday: number;
  scan: ScanSignal;
  blockedPlain: number;
  blockedExt: number;
  extOnlyErrors: string[];
  ours: string[];
  ourRequests: string[];
  dom: "same" | "order" | "DIFF" | "nondet";
  domNote: string;
  /** Underlined words (not the everyday ones) and how often, for the false-positive report. */
  underlined: Map<string, number>;
  scrollFocus: string;
  failures: string[];
}

const present = existsSync(join(CORPUS, "pages"));
if (!present) console.log(`corpus: skipped (no corpus at ${CORPUS})`);

const files = present
  ? FOLDERS.flatMap((f) =>
      existsSync(join(CORPUS, f))
        ? readdirSync(join(CORPUS, f))
            .filter((n) => n.endsWith(".html"))
            .sort()
            .map((n) => `${f}/${n}`)
        : [],
    )
  : [];

describe("corpus: real pages with and without Termlens", { skip: !present && "no corpus" }, () => {
  let server: StaticServer;
  let session: Session;
  let plainProfile = "";
  let plainSession: Session;
  let plain: BrowserContext;
  let workerLog: WorkerLog;
  let extNet: { all: RecordedRequest[]; blocked: RecordedRequest[] };
  let plainNet: { all: RecordedRequest[]; blocked: RecordedRequest[] };
  const rows: Row[] = [];
  const started = Date.now();

  before(async () => {
    server = await serve(CORPUS);
    session = await launch();
    workerLog = await WorkerLog.attach(session.context, session.extensionId);
    extNet = await recordAndBlock(session.context);
    // The plain browser is launch()'s with an empty extension instead of
    // Termlens, so that only Termlens's code differs (with any extension
    // loaded, Chromium fetches pages' web app manifests; without, it does not).
    plainProfile = mkdtempSync(join(tmpdir(), "termlens-empty-ext-"));
    writeFileSync(
      join(plainProfile, "manifest.json"),
      JSON.stringify({
        manifest_version: 3,
        name: "empty",
        version: "1.0",
        background: { service_worker: "bg.js" },
      }),
    );
    writeFileSync(join(plainProfile, "bg.js"), "");
    plainSession = await launch({ extensionDir: plainProfile });
    plain = plainSession.context;
    plainNet = await recordAndBlock(plain);
  });

  after(async () => {
    printTable(rows, (Date.now() - started) / 1000);
    printUnderlinedOffTopic(rows);
    await session?.close();
    await plainSession?.close();
    if (plainProfile) rmSync(plainProfile, { recursive: true, force: true });
    await server?.close();
  });

  async function load(context: BrowserContext, net: { blocked: RecordedRequest[] }, path: string) {
    const page = await context.newPage();
    const log = await PageLog.attach(context, page);
    const blockedBefore = net.blocked.length;
    const withExt = context === session.context;
    try {
      await page.goto(`${server.origin}/${path}`, { waitUntil: "load", timeout: 30_000 });
      // With Termlens: its scan says when it is done; then the page's own
      // scripts get the same quiet time as without.
      const scan: ScanSignal = withExt
        ? await scanIdle(page, { maxMs: 30_000 }).catch(() => ({ state: null, settled: 0 }))
        : { state: null, settled: 0 };
      const quiet = await pageQuiet(page, { quietMs: 500, maxMs: 6000 });
      const state = await pageState(page);
      const counts = withExt ? await termCounts(page) : { terms: 0, everyday: 0 };
      const underlined = withExt ? await underlinedWords(page) : new Map<string, number>();
      const result: Load = {
        state,
        errors: [...log.pageErrors],
        ours: [...log.ours],
        ourRequests: [...log.ourRequests],
        blocked: net.blocked.length - blockedBefore,
        settled: quiet,
        scanned: scan.state === "idle",
      };
      return { result, scan, counts, underlined };
    } finally {
      await log.detach();
      await page.close();
    }
  }

  test("the reorder check passes moved page nodes and catches added, dropped or changed markup", () => {
    const plain = '<body>\n  <div id="ad">x</div>\n  <p>Hi</p>\n  <iframe name="cmp"></iframe></body>';
    const moved = '<body>\n  <iframe name="cmp"></iframe><div id="ad">x</div>\n  <p>Hi</p>\n  </body>';
    assert.ok(sameNodesReordered(plain, moved));
    assert.ok(
      !sameNodesReordered(plain, plain.replace("<p>Hi</p>", '<p>Hi<mark class="termlens">x</mark></p>')),
    );
    assert.ok(!sameNodesReordered(plain, plain.replace('<div id="ad">x</div>', "")));
    assert.ok(!sameNodesReordered(plain, plain.replace("Hi", "Hi!")));
    // White space counts, and so does the depth a node sits at.
    assert.ok(!sameNodesReordered("<p>Take <b>iron</b></p>", "<p>Take<b>iron</b></p>"));
    assert.ok(!sameNodesReordered("<p>a</p><p>b</p>", "<p>a<p>b</p></p>"));
    // A "<" inside a script is no tag.
    assert.ok(sameNodesReordered("<script>a<b</script><i>x</i><br>", "<i>x</i><script>a<b</script><br>"));
  });

  for (const path of files) {
    test(path, async () => {
      const t0 = Date.now();
      const a = await load(plain, plainNet, path);
      const ext = await load(session.context, extNet, path);
      let b = await load(plain, plainNet, path);
      if (a.result.state.html === b.result.state.html && ext.result.state.html !== a.result.state.html) {
        // Two plain loads can agree by chance on a page whose own scripts race
        // (a consent stub adding frames, say): before blaming Termlens, see
        // whether more plain loads differ on their own.
        for (let i = 0; i < 3 && b.result.state.html === a.result.state.html; i++) {
          b = await load(plain, plainNet, path);
        }
      }
      const failures: string[] = [];

      // Numbers masked: pages put timestamps and random ids in their URLs.
      const plainErrors = new Set([...a.result.errors, ...b.result.errors].map(maskNumbers));
      const extOnlyErrors = ext.result.errors.filter((e) => !plainErrors.has(maskNumbers(e)));
      if (extOnlyErrors.length) failures.push(`errors only with Termlens: ${extOnlyErrors.join(" | ")}`);
      if (ext.result.ours.length) failures.push(`our errors/warnings: ${ext.result.ours.join(" | ")}`);
      if (ext.result.ourRequests.length) failures.push(`our requests: ${ext.result.ourRequests.join(" ")}`);
      if (!ext.result.scanned) failures.push("Termlens never scanned the page");

      const deterministic = a.result.state.html === b.result.state.html;
      let dom: Row["dom"] = "same";
      let domNote = "";
      const extHtml = ext.result.state.html;
      if (deterministic) {
        if (extHtml !== a.result.state.html) {
          domNote = firstDifference(a.result.state.html, extHtml);
          if (sameNodesReordered(a.result.state.html, extHtml)) {
            // A page script that polls for <body> (consent stubs adding a
            // hidden frame, say) appends while the parser is mid-body in one
            // load and after it in another. Termlens never moves page nodes;
            // what it could do wrong (add, drop or change markup) changes the
            // multiset, which is still compared exactly.
            dom = "order";
            domNote = `same markup, other order (the page's own scripts race) ${domNote}`;
          } else {
            dom = "DIFF";
            failures.push(`DOM differs with Termlens ${domNote}`);
          }
        }
      } else {
        // The page changes itself between loads: only say whether what
        // Termlens shows is explained by that (every piece of its DOM seen in
        // a plain load) and whether anything of ours leaked in.
        dom = "nondet";
        const masked = maskNumbers;
        if (masked(a.result.state.html) === masked(b.result.state.html)) {
          // Only numbers change (timestamps, cache busters): compare the rest exactly.
          domNote = "only numbers differ between plain loads; the rest compared exactly";
          if (masked(extHtml) !== masked(a.result.state.html)) {
            dom = "DIFF";
            domNote = firstDifference(masked(a.result.state.html), masked(extHtml));
            failures.push(`DOM differs with Termlens (numbers masked) ${domNote}`);
          }
        } else {
          const seen = new Set([...pieces(a.result.state.html), ...pieces(b.result.state.html)]);
          const unexplained = pieces(extHtml).filter((p) => !seen.has(p));
          domNote = `${unexplained.length} piece(s) not seen in plain loads; plain loads differ ${firstDifference(a.result.state.html, b.result.state.html, 30)}`;
          if (/termlens/i.test(unexplained.join("")))
            failures.push(`our markup in the page: ${unexplained[0]}`);
        }
      }

      const pick = (s: PageState) => `${s.scrollX},${s.scrollY} ${s.focus}`;
      const scrollFocus = pick(ext.result.state);
      if (pick(a.result.state) === pick(b.result.state) && pick(a.result.state) !== scrollFocus)
        failures.push(`scroll/focus changed: ${pick(a.result.state)} -> ${scrollFocus}`);

      rows.push({
        page: path,
        kb: Math.round(Buffer.byteLength(a.result.state.html) / 1024),
        ms: Date.now() - t0,
        terms: ext.counts.terms,
        everyday: ext.counts.everyday,
        scan: ext.scan,
        blockedPlain: a.result.blocked,
        blockedExt: ext.result.blocked,
        extOnlyErrors,
        ours: ext.result.ours,
        ourRequests: ext.result.ourRequests,
        dom,
        domNote,
        underlined: ext.underlined,
        scrollFocus,
        failures,
      });
      assert.deepEqual(failures, [], `${path}: ${failures.join("; ")}`);
    });
  }

  test("the service worker logged no error and made no request; every request was the pages'", () => {
    assert.deepEqual(workerLog.errors, [], "service worker errors");
    assert.deepEqual(workerLog.requests, [], "service worker requests (CDP)");
    const fromExtension = extNet.all.filter((r) => r.fromWorker || r.by.startsWith("chrome-extension://"));
    assert.deepEqual(fromExtension, [], "requests from the extension (worker or its pages)");
    // Every request the pages made went to our server or was blocked.
    const blockedUrls = new Set([...extNet.blocked, ...plainNet.blocked].map((r) => r.url));
    const escaped = [...extNet.all, ...plainNet.all].filter(
      (r) => /^(https?|wss?):/.test(r.url) && !isLocal(r.url) && !blockedUrls.has(r.url),
    );
    assert.deepEqual(escaped, [], "no request reached another host");
  });
});

/** The underlined words of the page's main frame (the "termlens" highlight), lowercased, with counts. */
async function underlinedWords(page: Page): Promise<Map<string, number>> {
  const words = await page.evaluate(() =>
    // The highlight holds StaticRanges, which have no text of their own.
    [...(CSS.highlights.get("termlens") ?? [])].map((r) => {
      const live = new Range();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live.toString().replace(/\s+/g, " ").toLowerCase();
    }),
  );
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Pages of pages/ whose INDEX.tsv counts no health words: news, shopping, tech. */
function nonHealthPages(): Set<string> {
  const index = join(CORPUS, "pages", "INDEX.tsv");
  if (!existsSync(index)) return new Set();
  const [head = "", ...lines] = readFileSync(index, "utf8").trim().split("\n");
  const cols = head.split("\t");
  const file = cols.indexOf("file");
  const hits = cols.indexOf("health_hits");
  return new Set(
    lines
      .map((l) => l.split("\t"))
      .filter((c) => c[hits] === "0")
      .map((c) => c[file] ?? ""),
  );
}

/**
 * False positives: on pages about something else, every underlined word must
 * be one a general reader may not know. Printed for review with each page.
 */
function printUnderlinedOffTopic(rows: Row[]): void {
  const offTopic = nonHealthPages();
  const picked = rows.filter((r) => offTopic.has(r.page));
  if (picked.length === 0) return;
  console.log(`\nUnderlined on the ${picked.length} pages that are not about health (word ×count):`);
  for (const r of picked) {
    const words = [...r.underlined].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    console.log(
      `  ${r.page.replace(/\.html$/, "")}: ${words.length ? words.map(([w, n]) => `${w} ×${n}`).join(", ") : "none"}`,
    );
  }
}

function maskNumbers(text: string): string {
  return text.replace(/\d+/g, "#");
}

/** The serialized DOM cut into tags and text runs, for comparing nondeterministic pages. */
function pieces(html: string): string[] {
  return html.split(/(?=<)/);
}

const VOID_TAGS = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Elements whose text is serialized as it is, "<" included: no tags are read inside them. */
const RAW_TAGS = new Set([
  "script",
  "style",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
  "textarea",
  "title",
]);

/**
 * The serialization as tags and texts (a text as serialized between two
 * tags, white space and all), each keyed by how deep in the tree it sits.
 */
function tokensByDepth(html: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let raw: string | null = null;
  for (const token of html.split(/(<\/?[a-zA-Z][^<>]*>)/)) {
    if (token === "") continue;
    const tag = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(token);
    const name = tag?.[2]?.toLowerCase() ?? "";
    if (!tag || (raw !== null && !(tag[1] && name === raw))) {
      out.push(`${depth}|${token}`);
      continue;
    }
    if (tag[1]) {
      depth--;
      raw = null;
    }
    out.push(`${depth}|${token}`);
    if (!tag[1] && !VOID_TAGS.has(name)) {
      depth++;
      if (RAW_TAGS.has(name)) raw = name;
    }
  }
  return out;
}

/**
 * Whether two serializations hold the same tags and texts at the same
 * depths, only in another order: nodes moved within a level, nothing added,
 * dropped, changed (white space included) or put at another depth.
 */
function sameNodesReordered(a: string, b: string): boolean {
  const x = tokensByDepth(a).sort();
  const y = tokensByDepth(b).sort();
  return x.length === y.length && x.every((p, i) => p === y[i]);
}

function printTable(rows: Row[], seconds: number): void {
  if (rows.length === 0) return;
  const header = ["page", "KB", "terms", "evd", "scans", "blocked", "DOM", "errs+", "ours", "time"];
  const lines = rows.map((r) => [
    r.page.replace(/\.html$/, "").slice(0, 44),
    String(r.kb),
    String(r.terms),
    String(r.everyday),
    String(r.scan.settled),
    `${r.blockedPlain}/${r.blockedExt}`,
    r.dom,
    String(r.extOnlyErrors.length),
    String(r.ours.length + r.ourRequests.length),
    `${(r.ms / 1000).toFixed(1)}s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\n${fmt(header)}`);
  for (const l of lines) console.log(fmt(l));
  for (const r of rows.filter((x) => x.dom === "nondet"))
    console.log(`  nondeterministic: ${r.page}: ${r.domNote}`);
  for (const r of rows.filter((x) => x.dom === "order"))
    console.log(`  reordered by the page: ${r.page}: ${r.domNote}`);
  for (const r of rows.filter((x) => x.failures.length))
    console.log(`  FAIL ${r.page}: ${r.failures.join("; ")}`);
  const failed = rows.filter((r) => r.failures.length).length;
  const nondet = rows.filter((r) => r.dom === "nondet").length;
  const terms = rows.reduce((n, r) => n + r.terms, 0);
  const blocked = rows.reduce((n, r) => n + r.blockedExt, 0);
  console.log(
    `\ncorpus: ${rows.length} pages, ${rows.length - failed} passed, ${failed} failed, ${nondet} nondeterministic; ` +
      `${terms} terms (slice times: npm run bench); ${blocked} page requests to other hosts blocked; ` +
      `0 requests by Termlens expected, ${rows.reduce((n, r) => n + r.ourRequests.length, 0)} seen; ${seconds.toFixed(0)} s`,
  );
}
