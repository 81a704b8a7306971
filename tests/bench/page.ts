// Page-level benchmark in Chromium on the big corpus pages: our main-thread
// time to find and highlight every term of the shipped glossary against
// mark.js marking the seed glossary's terms and variants (mark.js makes a pass
// per form, so it keeps the seed list), against ourselves with the seed
// glossary, the longest task of ours, and the cost of Termlens on a site that
// is switched off. Prints a table and PASS/FAIL per bar; returns the figures.
// Never fails the process (it reports).
//
// Methods. Every time below is thread CPU time from a Chrome trace
// (page-trace.ts); the page is given nothing to read (no performance entries).
// - Ours: each load is traced, with the extension's test signals on (frames
//   mark `data-termlens-scan="idle"` on their root when their scan is done;
//   the shipped build does not). The trace stops once every frame our script
//   runs in says idle. "ours ms" is the CPU time of every renderer task that
//   ran our code, in every frame: the gate, evaluating the injected index and
//   the content script, setup, scan slices. "longest" is the longest such task.
// - Ours with the seed glossary: the same build in a second browser, its
//   injected index (content-index.js) replaced by the seed entries' index,
//   compiled as the build compiles the shipped one (tests/bench/glossaries.ts);
//   measured like ours, load for load beside it.
// - mark.js: the same page in a browser without the extension, mark.js
//   injected, one task (a timer of the page's) making both `mark()` calls (forms the
//   glossary marks case-sensitive with `caseSensitive: true`, the rest with
//   `caseSensitive: false`), traced; its CPU time. Rendering after the DOM
//   change is not counted (nor is ours).
// - The ratios are mark.js / ours and ours / ours-seed on each page, all
//   measured in this bench run, back to back (the browsers stay open), so a
//   busy spell of the machine weighs on all alike: medians of the loads (one
//   mark.js load a page by default, see MARK_RUNS).
// - Off site: "127.0.0.1" switched off in storage, each load traced; the CPU
//   time of every task that ran our code. The same pages with the site on are
//   the positive control: there our scripts ran and said idle.
// Every figure is the median over the runs (RUNS loads, each in a fresh tab),
// after one untimed warm-up load.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Frame, type Page } from "playwright-core";
import { SCAN_ATTR } from "../../entrypoints/content-script/scan-signal";
import type { MatchPattern } from "../../glossary/match/index";
import { CONTENT_DATA_KEY } from "../../lib/content-data";
import { findChrome, launch, type Session } from "../e2e/browser";
import { type StaticServer, serve } from "../e2e/server";
import { seedContentData, seedGlossary, shippedGlossary } from "./glossaries";
import { median } from "./measure";
import { cpuOf, LIGHT_CATEGORIES, ourTasks, startTrace, taskOf } from "./page-trace";

const BIG_BYTES = 850_000;
const RUNS = 3;
/**
 * mark.js makes one pass over the page per form, so one load of it costs many
 * of ours; one load per page keeps the bench short (`--mark-runs` in
 * page-run.ts takes more).
 */
const MARK_RUNS = 1;
/** Only bounds a failure: the wait for our scan ends at the signal. */
const SCAN_MAX_MS = 60_000;
/** A load with the site off: how long to trace after `load` (our gate would run at document_idle). */
const OFF_SETTLE_MS = 1000;
const SLICE_BAR_MS = 50;
/** mark.js with the seed forms / ours with the shipped glossary, at least. */
const RATIO_BAR = 30;
/** Ours with the shipped glossary / ours with the seed glossary, at most. */
const SEED_COST_BAR = 1.5;
const OFF_BAR_MS = 2;
const CONTENT_SCRIPT = "/content-script.js";
const MARK_STAMP = "termlens-bench:mark";

export interface PageFigures {
  file: string;
  bytes: number;
  /** CPU time of every task that ran our code, median over runs. */
  oursMs: number;
  /** Of which the tasks that evaluated our scripts (gate, index, content script). */
  evalMs: number;
  /** How many tasks ran our code. */
  tasks: number;
  /** Longest task of ours (CPU time), median over runs of each run's longest. */
  longestMs: number;
  /** Longest task of ours seen in any run (CPU time). */
  worstMs: number;
  /** Frames our content script ran in (evaluations in the trace). */
  frames: number;
  /** Frames that reported an idle scan. */
  idleFrames: number;
  /** Frames that never said idle within SCAN_MAX_MS (any run). */
  stuck: string[];
  terms: number;
  /** Ours with the seed glossary: CPU time of every task of ours, median over runs. */
  seedMs: number;
  seedTerms: number;
  /** ours / seed, the medians of this bench's loads of the page. */
  seedCost: number;
  /** mark.js: CPU time of its task, median over runs. */
  markMs: number;
  marks: number;
  /** mark.js / ours, the medians of this bench's loads of the page. */
  ratio: number;
  /** Switched-off site: CPU time of our tasks, median over runs. */
  offMs: number;
  /** Switched-off site: evaluations of any script of ours (any run). */
  offEvals: number;
}

export interface PageBenchResult {
  skipped?: string;
  pages: PageFigures[];
  medianRatio: number;
  medianSeedCost: number;
  longestMs: number;
  worstMs: number;
  medianOffMs: number;
  maxOffMs: number;
  pass: { ratio: boolean; seedCost: boolean; slices: boolean; offSite: boolean };
}

export interface PageBenchOptions {
  root?: string;
  /** The built extension to load (default: the root's .output/chrome-mv3). */
  extensionDir?: string;
  runs?: number;
  /** mark.js loads per page (see MARK_RUNS). */
  markRuns?: number;
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

/** Forms for mark.js, split by case sensitivity. */
function markForms(patterns: readonly MatchPattern[]): { caseless: string[]; caseSensitive: string[] } {
  const caseless = new Set<string>();
  const caseSensitive = new Set<string>();
  for (const p of patterns) (p.caseSensitive ? caseSensitive : caseless).add(p.text);
  return { caseless: [...caseless], caseSensitive: [...caseSensitive] };
}

/** The built extension again, its injected index holding the seed entries only. */
function seedBuild(root: string, builtDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), "termlens-bench-seed-"));
  cpSync(builtDir, dir, { recursive: true });
  // What entrypoints/content-index.ts does, with other data: one object literal.
  writeFileSync(
    join(dir, "content-index.js"),
    `(() => { globalThis[${JSON.stringify(CONTENT_DATA_KEY)}] = ${JSON.stringify(seedContentData(root))}; })();\n`,
  );
  return dir;
}

async function onlyLocal(context: BrowserContext): Promise<void> {
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" ? route.continue() : route.abort();
  });
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Progress on stderr, so a long bench shows where it is without touching the report. */
const progress = (what: string) => process.stderr.write(`  [page bench] ${what}\n`);

/**
 * Frames our script may run in: the page's own origin, about:blank and
 * srcdoc. Blocked loads (chrome-error://) and frames that never navigated
 * (no URL) get nothing of ours.
 */
function mayRunOurs(frame: Frame, origin: string): boolean {
  const url = frame.url();
  return url.startsWith(origin) || url.startsWith("about:");
}

/**
 * A frame's scan signal (undefined when the frame is gone) and, when it has
 * none, whether it holds readable text: the gate starts our script in a
 * subframe only once it does (lib/frame-text.ts, the same test). A string,
 * not a function (see MARK_IN_PAGE).
 */
const FRAME_STATE = `(() => {
  const root = document.documentElement;
  const signal = root && root.getAttribute(${JSON.stringify(SCAN_ATTR)});
  let text = false;
  if (!signal) {
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && !text; n = walker.nextNode()) {
      const parent = n.parentNode && n.parentNode.nodeName.toUpperCase();
      text = !["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE"].includes(parent) && /\\S/.test(n.data);
    }
  }
  return { signal: typeof signal === "string" ? signal : null, text };
})()`;

interface FrameState {
  signal: string | null;
  text: boolean;
}

function stateOf(frame: Frame): Promise<FrameState | undefined> {
  return frame
    .evaluate(FRAME_STATE)
    .then((v) => v as FrameState)
    .catch(() => undefined);
}

/** A frame's scan signal; undefined when the frame is gone. */
async function signalOf(frame: Frame): Promise<string | null | undefined> {
  return (await stateOf(frame))?.signal;
}

/**
 * Waits until every frame our script may run in says its scan is idle (a
 * frame that goes away meanwhile is dropped). Returns how many said so, and
 * the URLs of those that had not by SCAN_MAX_MS.
 */
async function scanIdleEverywhere(page: Page, origin: string): Promise<{ idle: number; stuck: string[] }> {
  const end = Date.now() + SCAN_MAX_MS;
  for (;;) {
    const frames = page.frames().filter((f) => mayRunOurs(f, origin));
    const states = await Promise.all(frames.map(stateOf));
    // Gone, idle, or a subframe with nothing to read (our script waits there).
    const settled = (s: FrameState | undefined, frame: Frame) =>
      s === undefined || s.signal === "idle" || (!s.signal && !s.text && frame !== page.mainFrame());
    const waiting = frames.filter((f, i) => !settled(states[i], f));
    const idle = states.filter((s) => s?.signal === "idle").length;
    if (waiting.length === 0) return { idle, stuck: [] };
    if (Date.now() > end) return { idle, stuck: waiting.map((f) => f.url().slice(0, 60)) };
    await sleep(25);
  }
}

/** Highlights in every frame (`termlens` and `termlens-everyday`). */
async function termsIn(page: Page): Promise<number> {
  let terms = 0;
  for (const frame of page.frames()) {
    const n = await frame
      .evaluate(
        `(CSS.highlights.get("termlens")?.size ?? 0) + (CSS.highlights.get("termlens-everyday")?.size ?? 0)`,
      )
      .catch(() => 0);
    terms += typeof n === "number" ? n : 0;
  }
  return terms;
}

/** Frames holding our scan signal: any means our script ran. */
async function signalledFrames(page: Page): Promise<number> {
  const states = await Promise.all(page.frames().map(signalOf));
  return states.filter((s) => typeof s === "string").length;
}

interface OursRun {
  cpuMs: number;
  evalMs: number;
  tasks: number;
  longestMs: number;
  frames: number;
  idleFrames: number;
  stuck: string[];
  terms: number;
}

interface Ours {
  session: Session;
  origin: string;
  world: string;
}

/** One traced load with the site on, until every frame's scan is idle. */
async function oursOnce(ours: Ours, url: string, serverOrigin: string): Promise<OursRun> {
  const page = await ours.session.context.newPage();
  const cdp = await ours.session.context.newCDPSession(page);
  try {
    const stop = await startTrace(cdp);
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    const { idle, stuck } = await scanIdleEverywhere(page, serverOrigin);
    const tasks = ourTasks(await stop(), ours.origin, ours.world);
    return {
      cpuMs: tasks.cpuMs,
      evalMs: tasks.evalCpuMs,
      tasks: tasks.count,
      longestMs: tasks.longestCpuMs,
      frames: tasks.evals.get(CONTENT_SCRIPT) ?? 0,
      idleFrames: idle,
      stuck,
      terms: await termsIn(page),
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

interface OffRun {
  cpuMs: number;
  evals: number;
}

/** One traced load with the site switched off. */
async function offOnce(ours: Ours, url: string): Promise<OffRun> {
  const page = await ours.session.context.newPage();
  const cdp = await ours.session.context.newCDPSession(page);
  try {
    const stop = await startTrace(cdp);
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await sleep(OFF_SETTLE_MS);
    const tasks = ourTasks(await stop(), ours.origin, ours.world);
    const signalled = await signalledFrames(page);
    if (signalled > 0) throw new Error(`the site is switched off but ${signalled} frames scanned on ${url}`);
    return { cpuMs: tasks.cpuMs, evals: [...tasks.evals.values()].reduce((a, b) => a + b, 0) };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/**
 * Runs in the page: both mark() calls in one task of the page's own (a
 * timer), marked for the trace by a console.timeStamp (this browser has no
 * extension). A string, not a function: tsx would wrap named functions in a
 * helper (`__name`) the page lacks.
 */
const MARK_IN_PAGE = `({ caseless, caseSensitive }) => new Promise((done) => setTimeout(() => {
  let marks = 0;
  const base = { accuracy: "exactly", separateWordSearch: false, acrossElements: false };
  console.timeStamp(${JSON.stringify(MARK_STAMP)});
  const instance = new Mark(document.body);
  instance.mark(caseless, { ...base, caseSensitive: false, done: (n) => { marks += n; } });
  instance.mark(caseSensitive, { ...base, caseSensitive: true, done: (n) => { marks += n; } });
  done(marks);
}, 0))`;

interface MarkRun {
  cpuMs: number;
  marks: number;
}

async function markOnce(
  context: BrowserContext,
  url: string,
  markJs: string,
  forms: ReturnType<typeof markForms>,
): Promise<MarkRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await page.addScriptTag({ content: markJs });
    const stop = await startTrace(cdp, LIGHT_CATEGORIES);
    const marks = (await page.evaluate(`(${MARK_IN_PAGE})(${JSON.stringify(forms)})`)) as number;
    const task = taskOf(await stop(), (e) => e.name === "TimeStamp" && e.args?.data?.message === MARK_STAMP);
    if (!task) throw new Error(`mark.js: its task is not in the trace of ${url}`);
    return { cpuMs: cpuOf(task), marks };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/** Switches Termlens off for 127.0.0.1 and waits until the gate's registration says so. */
async function switchOffLocal(s: Session): Promise<void> {
  const registered = () =>
    s.worker.evaluate(async () =>
      JSON.stringify(
        await (
          globalThis as unknown as {
            chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown> } };
          }
        ).chrome.scripting.getRegisteredContentScripts(),
      ),
    );
  const before = await registered();
  await s.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }
    ).chrome.storage.sync.set({ siteSettings: { rules: { "127.0.0.1": false } } }),
  );
  const end = Date.now() + 15_000;
  while ((await registered()) === before) {
    if (Date.now() > end) throw new Error("switching 127.0.0.1 off did not change the gate's registration");
    await sleep(50);
  }
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");

function printTable(rows: PageFigures[]): void {
  const head = [
    "page",
    "KB",
    "frames",
    "our terms",
    "ours ms",
    "eval ms",
    "tasks",
    "longest",
    "worst",
    "seed ms",
    "seed terms",
    "ours/seed",
    "mark.js ms",
    "mark.js marks",
    "mark.js/ours",
    "off-site ms",
  ];
  const body = rows.map((r) => [
    r.file.replace(/\.html$/, ""),
    String(Math.round(r.bytes / 1000)),
    r.idleFrames === r.frames ? String(r.frames) : `${r.frames} (${r.idleFrames} idle)`,
    String(r.terms),
    f1(r.oursMs),
    f1(r.evalMs),
    String(r.tasks),
    f1(r.longestMs),
    f1(r.worstMs),
    f1(r.seedMs),
    String(r.seedTerms),
    `${r.seedCost.toFixed(2)}x`,
    f1(r.markMs),
    String(r.marks),
    `${f1(r.ratio)}x`,
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
  const markRuns = opts.markRuns ?? MARK_RUNS;
  const corpus = resolve(root, "../shared/corpus/pages");
  const empty = (skipped: string): PageBenchResult => ({
    skipped,
    pages: [],
    medianRatio: Number.NaN,
    medianSeedCost: Number.NaN,
    longestMs: Number.NaN,
    worstMs: Number.NaN,
    medianOffMs: Number.NaN,
    maxOffMs: Number.NaN,
    pass: { ratio: false, seedCost: false, slices: false, offSite: false },
  });
  console.log("== Page benchmark (Chromium, big corpus pages) ==");
  if (!existsSync(join(corpus, "INDEX.tsv"))) {
    const why = `skipped: no corpus at ${corpus}`;
    console.log(`Page benchmark ${why}`);
    return empty(why);
  }
  const builtDir = opts.extensionDir ?? join(root, ".output/chrome-mv3");
  if (!existsSync(join(builtDir, "manifest.json"))) {
    const why = `skipped: no built extension in ${builtDir} (run "npm run build")`;
    console.log(`Page benchmark ${why}`);
    return empty(why);
  }
  // A copy: a build running meanwhile in the shared tree cannot change what is measured.
  const extensionDir = mkdtempSync(join(tmpdir(), "termlens-bench-ext-"));
  cpSync(builtDir, extensionDir, { recursive: true });
  const seedDir = seedBuild(root, extensionDir);
  const seed = seedGlossary(root);
  // Chrome names the content scripts' isolated world after the extension.
  const world = (JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8")) as { name: string })
    .name;
  const markJs = readFileSync(join(root, "node_modules/mark.js/dist/mark.min.js"), "utf8");
  const forms = markForms(seed.patterns);
  let pages = bigPages(corpus);
  if (opts.only) pages = pages.filter((p) => opts.only?.includes(p.file));
  console.log(
    `${pages.length} pages >= ${BIG_BYTES / 1000} KB; ${runs} traced loads each with Termlens and with Termlens-seed ` +
      `(medians), ${markRuns} with mark.js, after a warm-up; ours: the ${shippedGlossary(root).label}; ` +
      `seed: the ${seed.label}; mark.js with the seed forms, ${forms.caseless.length} ` +
      `(caseSensitive: false) + ${forms.caseSensitive.length} (caseSensitive: true)`,
  );

  const t0 = Date.now();
  const server: StaticServer = await serve(corpus);
  const url = (file: string) => `${server.origin}/${encodeURIComponent(file)}`;
  const rows: PageFigures[] = [];
  const oursRuns = new Map<string, OursRun[]>();
  const seedRuns = new Map<string, OursRun[]>();
  const markByPage = new Map<string, MarkRun[]>();
  const offRuns = new Map<string, OffRun[]>();
  let session: Session | undefined;
  let seedSession: Session | undefined;
  const plain = await chromium.launch({
    executablePath: findChrome(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const start = async (dir: string): Promise<[Session, Ours]> => {
      const s = await launch({ extensionDir: dir });
      // The bench waits on the frames' scan signal: on whatever launch's default.
      await s.worker.evaluate(() =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
        ).chrome.storage.local.set({ testSignals: true }),
      );
      await onlyLocal(s.context);
      return [s, { session: s, origin: `chrome-extension://${s.extensionId}`, world }];
    };
    const [full, ours] = await start(extensionDir);
    session = full;
    const [seedOnly, oursSeed] = await start(seedDir);
    seedSession = seedOnly;
    const markContext = await plain.newContext({ viewport: { width: 1100, height: 800 } });
    await onlyLocal(markContext);

    // 1. Site on: ours and mark.js back to back, page by page.
    const first = pages[0];
    if (first) {
      progress(`warm-up on ${first.file}`);
      await oursOnce(ours, url(first.file), server.origin);
      await oursOnce(oursSeed, url(first.file), server.origin);
      // mark.js takes long with every form: its warm-up marks a few.
      const few = { caseless: forms.caseless.slice(0, 10), caseSensitive: forms.caseSensitive.slice(0, 2) };
      await markOnce(markContext, url(first.file), markJs, few);
    }
    for (const p of pages) {
      const o: OursRun[] = [];
      const sd: OursRun[] = [];
      const m: MarkRun[] = [];
      for (let i = 0; i < Math.max(runs, markRuns); i++) {
        if (i < runs) o.push(await oursOnce(ours, url(p.file), server.origin));
        if (i < runs) sd.push(await oursOnce(oursSeed, url(p.file), server.origin));
        if (i < markRuns) m.push(await markOnce(markContext, url(p.file), markJs, forms));
        progress(
          `${p.file} run ${i + 1}: ours ${f1(o[i]?.cpuMs ?? Number.NaN)} ms, seed ${f1(sd[i]?.cpuMs ?? Number.NaN)} ms, ` +
            `mark.js ${f1(m[i]?.cpuMs ?? Number.NaN)} ms`,
        );
      }
      oursRuns.set(p.file, o);
      seedRuns.set(p.file, sd);
      markByPage.set(p.file, m);
    }

    // 2. Switched off for 127.0.0.1.
    await switchOffLocal(session);
    for (const p of pages) {
      const f: OffRun[] = [];
      for (let i = 0; i < runs; i++) f.push(await offOnce(ours, url(p.file)));
      progress(`${p.file} off: ${f.map((r) => f1(r.cpuMs)).join(", ")} ms`);
      offRuns.set(p.file, f);
    }
  } finally {
    await session?.close();
    await seedSession?.close();
    await plain.close();
    await server.close();
    rmSync(extensionDir, { recursive: true, force: true });
    rmSync(seedDir, { recursive: true, force: true });
  }

  for (const p of pages) {
    const o = oursRuns.get(p.file);
    const sd = seedRuns.get(p.file);
    const m = markByPage.get(p.file);
    const f = offRuns.get(p.file);
    if (!o || !sd || !m || !f) continue;
    rows.push({
      file: p.file,
      bytes: p.bytes,
      oursMs: median(o.map((r) => r.cpuMs)),
      evalMs: median(o.map((r) => r.evalMs)),
      tasks: median(o.map((r) => r.tasks)),
      longestMs: median(o.map((r) => r.longestMs)),
      worstMs: Math.max(...o.map((r) => r.longestMs)),
      frames: median(o.map((r) => r.frames)),
      idleFrames: median(o.map((r) => r.idleFrames)),
      stuck: [...new Set(o.flatMap((r) => r.stuck))],
      terms: median(o.map((r) => r.terms)),
      seedMs: median(sd.map((r) => r.cpuMs)),
      seedTerms: median(sd.map((r) => r.terms)),
      seedCost: median(o.map((r) => r.cpuMs)) / median(sd.map((r) => r.cpuMs)),
      markMs: median(m.map((r) => r.cpuMs)),
      marks: median(m.map((r) => r.marks)),
      ratio: median(m.map((r) => r.cpuMs)) / median(o.map((r) => r.cpuMs)),
      offMs: median(f.map((r) => r.cpuMs)),
      offEvals: Math.max(...f.map((r) => r.evals)),
    });
  }
  printTable(rows);
  console.log(`(${Math.round((Date.now() - t0) / 1000)} s)`);
  for (const r of rows) {
    if (r.stuck.length > 0) console.log(`note: ${r.file}: frames not idle in time: ${r.stuck.join(", ")}`);
  }
  const result: PageBenchResult = {
    pages: rows,
    medianRatio: median(rows.map((r) => r.ratio)),
    medianSeedCost: median(rows.map((r) => r.seedCost)),
    longestMs: Math.max(...rows.map((r) => r.longestMs)),
    worstMs: Math.max(...rows.map((r) => r.worstMs)),
    medianOffMs: median(rows.map((r) => r.offMs)),
    maxOffMs: Math.max(...rows.map((r) => r.offMs)),
    pass: { ratio: false, seedCost: false, slices: false, offSite: false },
  };
  result.pass = {
    ratio: result.medianRatio >= RATIO_BAR,
    seedCost: result.medianSeedCost <= SEED_COST_BAR,
    slices: result.longestMs <= SLICE_BAR_MS,
    offSite: result.maxOffMs < OFF_BAR_MS,
  };
  console.log(
    `medians: ours ${f1(median(rows.map((r) => r.oursMs)))} ms, seed ${f1(median(rows.map((r) => r.seedMs)))} ms, mark.js ${f1(median(rows.map((r) => r.markMs)))} ms, ` +
      `ratio ${f1(result.medianRatio)}x, off-site ${f1(result.medianOffMs)} ms`,
  );
  console.log(
    "All times: thread CPU time of whole renderer tasks in a Chrome trace (tracing adds overhead). ours = every task",
  );
  console.log(
    "that ran our code in any frame (gate, index and script evaluation [eval ms], setup, scan slices); longest =",
  );
  console.log(
    "the longest such task (median of runs; worst = any run); frames = evaluations of content-script.js;",
  );
  console.log(
    `mark.js = its one task, ${markRuns} load(s) a page; seed = ours with the seed glossary's index; ratios per page ` +
      "(loads back to back).",
  );
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  const range = (xs: number[], digits: number) =>
    `pages from ${Math.min(...xs).toFixed(digits)}x to ${Math.max(...xs).toFixed(digits)}x`;
  console.log(
    `${verdict(result.pass.ratio)}  median mark.js (seed forms) / ours (shipped glossary) >= ${RATIO_BAR}x: ` +
      `${f1(result.medianRatio)}x (${range(
        rows.map((r) => r.ratio),
        1,
      )})`,
  );
  console.log(
    `${verdict(result.pass.seedCost)}  median ours (shipped glossary) / ours (seed glossary) <= ${SEED_COST_BAR}x: ` +
      `${result.medianSeedCost.toFixed(2)}x (${range(
        rows.map((r) => r.seedCost),
        2,
      )})`,
  );
  console.log(
    `${verdict(result.pass.slices)}  no task of ours > ${SLICE_BAR_MS} ms on any page (median of runs): ` +
      `longest ${f1(result.longestMs)} ms (worst single run ${f1(result.worstMs)} ms)`,
  );
  console.log(
    `${verdict(result.pass.offSite)}  switched-off site < ${OFF_BAR_MS} ms: worst page ${f1(result.maxOffMs)} ms, ` +
      `median ${f1(result.medianOffMs)} ms (scripts of ours evaluated there: ${Math.max(...rows.map((r) => r.offEvals))})`,
  );
  return result;
}
