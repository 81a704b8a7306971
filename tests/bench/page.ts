// Page-level benchmark in Chromium on the big corpus pages (issue 5): our
// main-thread time to find and highlight every term against mark.js marking
// the same terms and variants, the longest slice of ours, and the cost of our
// content script on a site that is switched off. Prints a table and PASS/FAIL
// per bar; returns the figures. Never fails the process (it reports).
//
// Methods
// - Ours: each page is loaded with the built extension; our time is the sum
//   of the `termlens:scan` user-timing measures the content script records
//   per slice, in every frame, once no new one has come for 500 ms. That sum
//   does not include our script's evaluation or the session setup before the
//   first slice, so one extra traced load per page adds up every renderer
//   task that ran our code (see page-trace.ts): "tasks ms" (thread CPU time,
//   setup and script evaluation included, tracing overhead too) and the
//   longest such task (wall time).
// - mark.js: the same page without the extension, mark.js injected, one
//   synchronous `mark()` call timed with performance.now() inside the page;
//   forms the glossary marks case-sensitive get a second call with
//   `caseSensitive: true`, the rest one call with `caseSensitive: false`.
//   Rendering after the DOM change is not counted (nor is ours).
// - Off site: "127.0.0.1" switched off in storage, the page loaded while
//   tracing; the thread CPU time of every renderer task that ran our code
//   (script compile and evaluation, the setting read).
// Every figure is the median over RUNS loads, each in a fresh tab, after one
// untimed warm-up load.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { findChrome, launch, type Session } from "../e2e/browser";
import { type StaticServer, serve } from "../e2e/server";
import { median } from "./measure";
import { ourTasks, startTrace } from "./page-trace";

const BIG_BYTES = 850_000;
const RUNS = 3;
const QUIET_MS = 500;
const OFF_SETTLE_MS = 1000;
const SLICE_BAR_MS = 50;
const RATIO_BAR = 10;
const OFF_BAR_MS = 2;

export interface PageFigures {
  file: string;
  bytes: number;
  /** Sum of our scan slices (user timing), median over runs. */
  oursMs: number;
  /** Longest slice of ours, median over runs of each run's longest. */
  longestSliceMs: number;
  /** Longest slice seen in any run. */
  worstSliceMs: number;
  slices: number;
  terms: number;
  /** Traced load: CPU time of every task that ran our code (setup and evaluation included). */
  tasksMs: number;
  /** Traced load: the longest task that ran our code (thread CPU time). */
  longestTaskMs: number;
  /** The same task's wall time (inflated when the machine is busy). */
  longestTaskWallMs: number;
  /** Frames our script ran in (traced load). */
  frames: number;
  markMs: number;
  marks: number;
  /** mark.js / ours (user timing). */
  ratio: number;
  /** mark.js / ours (all our tasks, traced). */
  ratioTasks: number;
  /** Switched-off site: CPU time of our tasks, median over runs. */
  offMs: number;
  /** Of which our script's evaluation task(s). */
  offEvalMs: number;
}

export interface PageBenchResult {
  skipped?: string;
  pages: PageFigures[];
  medianRatio: number;
  medianRatioTasks: number;
  worstSliceMs: number;
  longestTaskMs: number;
  medianOffMs: number;
  maxOffMs: number;
  pass: { ratio: boolean; slices: boolean; offSite: boolean };
}

export interface PageBenchOptions {
  root?: string;
  runs?: number;
  /** Only these files (names in the corpus' pages folder). */
  only?: string[];
}

const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

interface CorpusPage {
  file: string;
  bytes: number;
}

function bigPages(corpus: string): CorpusPage[] {
  const rows = readFileSync(join(corpus, "INDEX.tsv"), "utf8").trim().split("\n").slice(1);
  return rows
    .map((line) => line.split("\t"))
    .map(([path, bytes]) => ({ file: (path ?? "").replace(/^pages\//, ""), bytes: Number(bytes) }))
    .filter((p) => p.bytes >= BIG_BYTES)
    .sort((a, b) => b.bytes - a.bytes);
}

/** Every term and variant of the shipped glossary, split by case sensitivity. */
export function glossaryForms(root: string): { caseless: string[]; caseSensitive: string[] } {
  const glossary = JSON.parse(readFileSync(join(root, "glossary/generated/glossary.json"), "utf8")) as {
    terms: { term: string; variants?: string[]; caseSensitive?: string[] }[];
  };
  const caseless = new Set<string>();
  const caseSensitive = new Set<string>();
  for (const t of glossary.terms) {
    const exact = new Set(t.caseSensitive ?? []);
    for (const form of [t.term, ...(t.variants ?? [])])
      (exact.has(form) ? caseSensitive : caseless).add(form);
    for (const form of exact) caseSensitive.add(form);
  }
  return { caseless: [...caseless], caseSensitive: [...caseSensitive] };
}

async function onlyLocal(context: BrowserContext): Promise<void> {
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" ? route.continue() : route.abort();
  });
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface ScanFigures {
  totalMs: number;
  longestMs: number;
  slices: number;
  terms: number;
}

/** Our measures and highlights in every frame of the page. */
async function scanFigures(page: Page): Promise<ScanFigures> {
  const out: ScanFigures = { totalMs: 0, longestMs: 0, slices: 0, terms: 0 };
  for (const frame of page.frames()) {
    const f = await frame
      .evaluate(() => {
        const ms = performance.getEntriesByType("measure").filter((e) => e.name === "termlens:scan");
        return {
          total: ms.reduce((a, e) => a + e.duration, 0),
          longest: ms.reduce((a, e) => Math.max(a, e.duration), 0),
          slices: ms.length,
          terms:
            (CSS.highlights.get("termlens")?.size ?? 0) +
            (CSS.highlights.get("termlens-everyday")?.size ?? 0),
        };
      })
      .catch(() => null);
    if (!f) continue;
    out.totalMs += f.total;
    out.longestMs = Math.max(out.longestMs, f.longest);
    out.slices += f.slices;
    out.terms += f.terms;
  }
  return out;
}

/** Loads the page and waits until our slices stop (none new for QUIET_MS). */
async function loadAndSettle(page: Page, url: string): Promise<ScanFigures> {
  await page.goto(url, { waitUntil: "load", timeout: 60_000 });
  const started = Date.now();
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const { slices } = await scanFigures(page);
    if (slices !== last) {
      last = slices;
      stableSince = Date.now();
    } else if (slices > 0 && Date.now() - stableSince >= QUIET_MS) break;
    if (Date.now() - started > 30_000) break;
    await sleep(100);
  }
  return scanFigures(page);
}

async function oursOnPage(s: Session, url: string, runs: number, world = "Termlens") {
  const runsOut: ScanFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await s.context.newPage();
    runsOut.push(await loadAndSettle(page, url));
    await page.close();
  }
  // One traced load: every task that ran our code, setup included.
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await loadAndSettle(page, url);
  const tasks = ourTasks(await stop(), `chrome-extension://${s.extensionId}`, world);
  await cdp.detach().catch(() => {});
  await page.close();
  return {
    oursMs: median(runsOut.map((r) => r.totalMs)),
    longestSliceMs: median(runsOut.map((r) => r.longestMs)),
    worstSliceMs: Math.max(...runsOut.map((r) => r.longestMs)),
    slices: median(runsOut.map((r) => r.slices)),
    terms: median(runsOut.map((r) => r.terms)),
    tasksMs: tasks.cpuMs,
    longestTaskMs: tasks.longestCpuMs,
    longestTaskWallMs: tasks.longestMs,
    frames: tasks.evals,
  };
}

/** Our CPU time on a page whose site is switched off (median over `runs` traced loads). */
export async function offOnPage(s: Session, url: string, runs: number, world = "Termlens") {
  const cpu: number[] = [];
  const evalCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await s.context.newPage();
    const cdp = await s.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await sleep(OFF_SETTLE_MS);
    const tasks = ourTasks(await stop(), `chrome-extension://${s.extensionId}`, world);
    const { slices } = await scanFigures(page);
    if (slices > 0) throw new Error(`the site is switched off but ${slices} scan slices ran on ${url}`);
    cpu.push(tasks.cpuMs);
    evalCpu.push(tasks.evalCpuMs);
    await cdp.detach().catch(() => {});
    await page.close();
  }
  return { offMs: median(cpu), offEvalMs: median(evalCpu) };
}

/** Runs in the page: both mark() calls, timed together; mark.js is synchronous. */
const MARK_IN_PAGE = `({ caseless, caseSensitive }) => {
  let marks = 0;
  const base = { accuracy: "exactly", separateWordSearch: false, acrossElements: false };
  const t0 = performance.now();
  const instance = new Mark(document.body);
  instance.mark(caseless, { ...base, caseSensitive: false, done: (n) => { marks += n; } });
  instance.mark(caseSensitive, { ...base, caseSensitive: true, done: (n) => { marks += n; } });
  return { ms: performance.now() - t0, marks };
}`;

async function markOnPage(
  context: BrowserContext,
  url: string,
  markJs: string,
  forms: ReturnType<typeof glossaryForms>,
  runs: number,
) {
  const times: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.addScriptTag({ content: markJs });
    // A string, not a function: tsx would wrap named functions in a helper
    // (`__name`) that does not exist in the page.
    const r = (await page.evaluate(`(${MARK_IN_PAGE})(${JSON.stringify(forms)})`)) as {
      ms: number;
      marks: number;
    };
    times.push(r.ms);
    counts.push(r.marks);
    await page.close();
  }
  return { markMs: median(times), marks: median(counts) };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");

function printTable(rows: PageFigures[]): void {
  const head = [
    "page",
    "KB",
    "ours ms",
    "longest slice",
    "slices",
    "our terms",
    "tasks ms*",
    "longest task*",
    "frames",
    "mark.js ms",
    "mark.js marks",
    "ratio",
    "ratio*",
    "off-site ms",
  ];
  const body = rows.map((r) => [
    r.file.replace(/\.html$/, ""),
    String(Math.round(r.bytes / 1000)),
    f1(r.oursMs),
    f1(r.longestSliceMs),
    String(r.slices),
    String(r.terms),
    f1(r.tasksMs),
    f1(r.longestTaskMs),
    String(r.frames),
    f1(r.markMs),
    String(r.marks),
    `${f1(r.ratio)}x`,
    `${f1(r.ratioTasks)}x`,
    f1(r.offMs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

export async function runPageBench(opts: PageBenchOptions = {}): Promise<PageBenchResult> {
  const root = opts.root ?? defaultRoot;
  const runs = opts.runs ?? RUNS;
  const corpus = resolve(root, "../shared/corpus/pages");
  const empty = (skipped: string): PageBenchResult => ({
    skipped,
    pages: [],
    medianRatio: Number.NaN,
    medianRatioTasks: Number.NaN,
    worstSliceMs: Number.NaN,
    longestTaskMs: Number.NaN,
    medianOffMs: Number.NaN,
    maxOffMs: Number.NaN,
    pass: { ratio: false, slices: false, offSite: false },
  });
  console.log("\n== Page benchmark (Chromium, big corpus pages) ==");
  if (!existsSync(join(corpus, "INDEX.tsv"))) {
    const why = `skipped: no corpus at ${corpus}`;
    console.log(`Page benchmark ${why}`);
    return empty(why);
  }
  const extensionDir = join(root, ".output/chrome-mv3");
  if (!existsSync(join(extensionDir, "manifest.json"))) {
    const why = `skipped: no built extension in ${extensionDir} (run "npm run build")`;
    console.log(`Page benchmark ${why}`);
    return empty(why);
  }
  // Chrome names the content scripts' isolated world after the extension.
  const world = (JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8")) as { name: string })
    .name;
  const markPath = join(root, "node_modules/mark.js/dist/mark.min.js");
  const markJs = readFileSync(markPath, "utf8");
  const forms = glossaryForms(root);
  let pages = bigPages(corpus);
  if (opts.only) pages = pages.filter((p) => opts.only?.includes(p.file));
  console.log(
    `${pages.length} pages >= ${BIG_BYTES / 1000} KB; ${runs} runs each (medians) after a warm-up; ` +
      `mark.js with ${forms.caseless.length} forms (caseSensitive: false) + ${forms.caseSensitive.length} (caseSensitive: true)`,
  );

  const t0 = Date.now();
  const server: StaticServer = await serve(corpus);
  const url = (file: string) => `${server.origin}/${encodeURIComponent(file)}`;
  const rows: PageFigures[] = [];
  const ours = new Map<string, Awaited<ReturnType<typeof oursOnPage>>>();
  const marks = new Map<string, Awaited<ReturnType<typeof markOnPage>>>();
  const off = new Map<string, Awaited<ReturnType<typeof offOnPage>>>();
  try {
    // 1. Ours, site on.
    const s = await launch({ extensionDir });
    try {
      await onlyLocal(s.context);
      const warm = await s.context.newPage();
      if (pages[0]) await loadAndSettle(warm, url(pages[0].file));
      await warm.close();
      for (const p of pages) ours.set(p.file, await oursOnPage(s, url(p.file), runs, world));

      // 3. Switched off for 127.0.0.1.
      await s.worker.evaluate(() =>
        (
          globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
        ).chrome.storage.sync.set({ siteSettings: { rules: { "127.0.0.1": false } } }),
      );
      for (const p of pages) off.set(p.file, await offOnPage(s, url(p.file), runs, world));
    } finally {
      await s.close();
    }

    // 2. mark.js, no extension.
    const browser = await chromium.launch({
      executablePath: findChrome(),
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
      ],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
      await onlyLocal(context);
      if (pages[0]) await markOnPage(context, url(pages[0].file), markJs, forms, 1);
      for (const p of pages) marks.set(p.file, await markOnPage(context, url(p.file), markJs, forms, runs));
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }

  for (const p of pages) {
    const o = ours.get(p.file);
    const m = marks.get(p.file);
    const f = off.get(p.file);
    if (!o || !m || !f) continue;
    rows.push({
      file: p.file,
      bytes: p.bytes,
      ...o,
      ...m,
      ratio: m.markMs / o.oursMs,
      ratioTasks: m.markMs / o.tasksMs,
      ...f,
    });
  }
  printTable(rows);
  console.log(`(${Math.round((Date.now() - t0) / 1000)} s)`);
  const result: PageBenchResult = {
    pages: rows,
    medianRatio: median(rows.map((r) => r.ratio)),
    medianRatioTasks: median(rows.map((r) => r.ratioTasks)),
    worstSliceMs: Math.max(...rows.map((r) => r.worstSliceMs)),
    longestTaskMs: Math.max(...rows.map((r) => r.longestTaskMs)),
    medianOffMs: median(rows.map((r) => r.offMs)),
    maxOffMs: Math.max(...rows.map((r) => r.offMs)),
    pass: { ratio: false, slices: false, offSite: false },
  };
  result.pass = {
    ratio: result.medianRatio >= RATIO_BAR,
    slices: rows.every((r) => r.longestSliceMs <= SLICE_BAR_MS),
    offSite: result.maxOffMs < OFF_BAR_MS,
  };
  console.log(
    `medians: ours ${f1(median(rows.map((r) => r.oursMs)))} ms (all our tasks* ${f1(median(rows.map((r) => r.tasksMs)))} ms), ` +
      `mark.js ${f1(median(rows.map((r) => r.markMs)))} ms, ratio ${f1(result.medianRatio)}x (vs all our tasks* ${f1(result.medianRatioTasks)}x), ` +
      `off-site ${f1(result.medianOffMs)} ms`,
  );
  console.log(
    "* one traced load per page: every renderer task that ran our code, script evaluation and setup",
  );
  console.log(
    "  included; thread CPU time (tracing adds overhead). Off-site: CPU time of our tasks, all frames.",
  );
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(
    `${verdict(result.pass.ratio)}  median mark.js / ours >= ${RATIO_BAR}x: ${f1(result.medianRatio)}x (user timing); ` +
      `${f1(result.medianRatioTasks)}x counting every task of ours`,
  );
  console.log(
    `${verdict(result.pass.slices)}  no slice > ${SLICE_BAR_MS} ms on any page: longest ${f1(Math.max(...rows.map((r) => r.longestSliceMs)))} ms ` +
      `(median of runs; worst single run ${f1(result.worstSliceMs)} ms; longest task of ours, traced: ${f1(result.longestTaskMs)} ms CPU)`,
  );
  console.log(
    `${verdict(result.pass.offSite)}  switched-off site < ${OFF_BAR_MS} ms: worst page ${f1(result.maxOffMs)} ms, median ${f1(result.medianOffMs)} ms ` +
      `(CPU time of our tasks, traced; script evaluation alone median ${f1(median(rows.map((r) => r.offEvalMs)))} ms)`,
  );
  return result;
}
