// What a switched-off site pays in Firefox because Termlens is installed
// (issue 16). In Firefox the background registers the gate script only for
// the sites that are on (entrypoints/background/gate-registration.ts), so a
// page of an off site should get no script of ours at all. Prints a table,
// whether any script of ours ran on an off page, and PASS/FAIL; returns the
// figures. Never fails the process (it reports). Standalone:
// `npm run build:firefox && npx tsx tests/bench/firefox-off-site.ts [--runs N]`.
//
// Method. Three headless Firefoxes side by side (puppeteer-core over
// WebDriver BiDi, Debian's firefox-esr): "none" without the extension (the
// baseline), "off" with the Firefox build installed and 127.0.0.1 switched
// off, "on" with it installed and the site on (the positive control, and the
// scale). Each browser has one tab, in front (a background tab would be
// painted less), navigated from page to page; the three take turns load by
// load (the order rotating each run), so a busy spell of the shared machine
// weighs on all three alike; one untimed warm-up load of each page first.
// A load's window runs from just before the navigation until SETTLE_MS after
// its `load` event (the gate would run at document_idle), and with the site
// on also until every frame's scan says idle; the same polls of the frames
// run in all three browsers. Requests to other hosts are refused at once
// (a proxy on a closed port), as no page of ours may reach the network.
//
// What is counted, and why this way:
// - "page main thread": the CPU time (user + system) of the main thread of
//   every web content process of the browser, read from
//   /proc/<pid>/task/<pid>/schedstat: the scheduler's own count in
//   nanoseconds (utime and stime in /proc/<pid>/stat step in 10 ms ticks,
//   coarser than a 4 KB gate). Page scripts, content scripts, parsing, style
//   and layout run on that thread. puppeteer keeps all web content in shared
//   "Web Content" processes (fission.webContentIsolationStrategy 0) and the
//   measured tab is the browser's only web page, so the sum is the tab's; the
//   extension's own pages (background, the options page we drive it from)
//   live in the "WebExtensions" process, outside it.
// - "whole Firefox": utime + stime of every process of the browser (parent,
//   content, extension, network, ...) from /proc/<pid>/stat, exited threads
//   included: it also catches what the extension does elsewhere for a
//   navigation (the background's tab listeners). Ticks of 10 ms: only its
//   medians mean anything.
// CPU time, unlike wall time, does not grow while other jobs hold the cores.
// Not used: the Firefox profiler (the earlier scripts/firefox-off-site-cost.ts)
// counted 1 ms samples whose stack ran through our files, so it saw only our
// own frames, never work Firefox does on our behalf, and its profile, written
// while Firefox shut down, was at times never written under load;
// `performance` entries measure the page's wall clock, which other jobs
// stretch (and Firefox has no Long Tasks API); ChromeUtils, with per-process
// CPU figures, is not reachable from pages or WebDriver's content realms.
//
// Reading the figures: a page's loads differ from one another by several ms
// even in one browser ("noise", the baseline's median absolute deviation),
// and two Firefoxes without the extension differ by as much: an A/A run
// (this bench with "off" not installing the extension, webmd-1, 8 pairs)
// gave +5.5 ms where the real "off" gave +4.7. So off − none is reported
// with its spread; the verdict rests on whether our code ran at all.
//
// Did our code run? After each window (outside it): the scan signal (both
// Termlens browsers set `testSignals`, so the content script marks
// data-termlens-scan on <html>) in every frame, and scripting.executeScript
// into every frame of the tab reading the gate's and the content script's
// run-once globals (all content scripts of an extension share one sandbox
// per frame in Firefox, so the probe sees theirs; the "on" browser proves it
// each load). The probe's own sandbox in an off page is dropped at the next
// navigation, inside the next "off" window: a bias against us, if any (runs
// with and without the probe did not differ beyond the noise).

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { SCAN_ATTR } from "../../entrypoints/content-script/scan-signal";
import { findFirefox } from "../e2e/scenarios/firefox";
import { type StaticServer, serve } from "../e2e/server";
import { median } from "./measure";

const RUNS = 5;
/** After `load`: the gate runs at document_idle, so a load of an off page is watched this long. */
const SETTLE_MS = 1000;
const POLL_MS = 200;
/** Only bounds a failure: with the site on, the window ends when the scan says idle. */
const SCAN_MAX_MS = 30_000;
/**
 * Corpus pages measured when the corpus is there: a health page and the
 * biggest page. (Not readability--yahoo-3: its load ends in a navigation
 * Firefox rejects, which BiDi reports as an error.)
 */
const CORPUS_PAGES = ["readability--webmd-1.html", "scrapinghub--us-china-trade-war.html"];
/** Our own article page (tests/pages), measured always. */
const OWN_PAGE = "health-article.html";
/** Names Firefox gives its processes for web pages (shared, and per site under Fission). */
const WEB_CONTENT = new Set(["Web Content", "Isolated Web Co"]);
const UUID = "6b0d3c4e-1f2a-4c5d-8e9f-0a1b2c3d4e5f";

type Condition = "none" | "off" | "on";
const CONDITIONS: Condition[] = ["none", "off", "on"];

export interface FirefoxPageFigures {
  page: string;
  bytes: number;
  /** Page main thread CPU ms, median of the runs, per condition. */
  main: Record<Condition, number>;
  /** Whole-Firefox CPU ms, median of the runs, per condition. */
  firefox: Record<Condition, number>;
  /** Median over runs of (off − none) and (on − none), each run's loads paired. */
  offMinusNone: number;
  onMinusNone: number;
  firefoxOffMinusNone: number;
  /** Median absolute deviation of the baseline's main-thread loads: the noise. */
  noneSpread: number;
  terms: number;
}

export interface FirefoxOffSiteResult {
  skipped?: string;
  firefox?: string;
  pages: FirefoxPageFigures[];
  /** Off loads (and frames probed) in which a script of ours ran. */
  offLoadsWithOurs: number;
  offLoads: number;
  offFramesProbed: number;
  /** On loads in which the gate and the content script ran and the scan said idle. */
  onLoadsOk: number;
  onLoads: number;
  /** Where the off browser's gate was registered (matches, and what they exclude). */
  registration?: string;
  /** Over every run of every page, the loads paired: medians of off − none and off / none (main thread). */
  pairedLoads: number;
  offMinusNoneMs: number;
  /** The middle half of those paired differences (first and third quartile), ms. */
  offMinusNoneIqr: [number, number];
  offRatio: number;
  onMinusNoneMs: number;
  onRatio: number;
  /** The same for the whole Firefox (ms). */
  firefoxOffMinusNoneMs: number;
  /** Median over pages of the baseline's spread (median absolute deviation of its loads). */
  noiseMs: number;
  pass: { noScript: boolean; control: boolean };
}

export interface FirefoxOffSiteOptions {
  root?: string;
  /** The Firefox build to install (default: the root's .output/firefox-mv2). */
  extensionDir?: string;
  runs?: number;
}

const defaultRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const progress = (what: string) => process.stderr.write(`  [firefox off-site] ${what}\n`);

// ---- CPU time from /proc --------------------------------------------------

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
  } catch {
    return 10;
  }
})();

interface Proc {
  ppid: number;
  comm: string;
  /** utime + stime, ms (ticks). */
  ms: number;
}

function readProc(pid: string): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const f = stat.slice(close + 2).split(" ");
    return {
      ppid: Number(f[1]),
      comm: stat.slice(stat.indexOf("(") + 1, close),
      ms: (Number(f[11]) + Number(f[12])) * TICK_MS,
    };
  } catch {
    return null; // Gone meanwhile.
  }
}

/** Main-thread CPU time of a process in ms, from the scheduler's nanoseconds. */
function mainThreadMs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return 0;
  }
}

interface Counters {
  /** Per web content process: main-thread ms. */
  main: Map<number, number>;
  /** Per process of the browser: utime + stime ms. */
  all: Map<number, number>;
}

/** Every process under `root` (the launched Firefox, itself a wrapper script on Debian). */
function counters(root: number): Counters {
  const procs = new Map<number, Proc>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const p = readProc(d);
    if (p) procs.set(Number(d), p);
  }
  const ours = new Set([root]);
  // Parents come before children in no guaranteed order: repeat until stable.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs)
      if (!ours.has(pid) && ours.has(p.ppid)) {
        ours.add(pid);
        grew = true;
      }
  }
  const out: Counters = { main: new Map(), all: new Map() };
  for (const pid of ours) {
    const p = procs.get(pid);
    if (!p) continue;
    out.all.set(pid, p.ms);
    if (WEB_CONTENT.has(p.comm)) out.main.set(pid, mainThreadMs(pid));
  }
  return out;
}

/** CPU ms spent between two readings (a process started meanwhile counts whole). */
function spent(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return ms;
}

// ---- Browsers ---------------------------------------------------------------

interface Instance {
  condition: Condition;
  browser: Browser;
  pid: number;
  tab: Page;
  /** The extension's options page, where extension APIs are evaluated (Termlens browsers). */
  hub?: Page;
  /** The gate's registrations, as the extension reports them. */
  registration?: string;
  tabId?: number;
}

/**
 * A puppeteer page evaluates strings here: tsx would wrap named functions
 * in a helper (`__name`) the page lacks.
 */
async function evaluate<R>(page: Page, expression: string): Promise<R> {
  return (await page.evaluate(expression)) as R;
}

async function waitIn(page: Page, expression: string, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await evaluate<boolean>(page, expression).catch(() => false))) {
    if (Date.now() > end) throw new Error(`Firefox: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * The measured tab in front in every browser (the options page we drive the
 * extension from opens after it): Firefox paints a background tab's page
 * less and throttles its timers, which would favour the Termlens browsers.
 */
async function inFront(instance: Instance): Promise<void> {
  await instance.tab.bringToFront();
  const state = await evaluate<string>(instance.tab, "document.visibilityState");
  if (state !== "visible") throw new Error(`Firefox (${instance.condition}): the measured tab is ${state}`);
}

async function launchFirefox(
  condition: Condition,
  executablePath: string,
  extensionDir: string,
  addonId: string,
): Promise<Instance> {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath,
    headless: true,
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [addonId]: UUID }),
      // The options page we drive the extension from sits in a background tab.
      "dom.min_background_timeout_value": 4,
      "dom.timeout.enable_budget_timer_throttling": false,
      // Nothing leaves the machine, and fast: every address but 127.0.0.1
      // (never proxied) goes to a proxy on a closed port, refused at once.
      // Without it the corpus pages wait 10-20 s for their other hosts.
      "network.proxy.type": 1,
      "network.proxy.http": "127.0.0.1",
      "network.proxy.http_port": 9,
      "network.proxy.ssl": "127.0.0.1",
      "network.proxy.ssl_port": 9,
      "network.proxy.no_proxies_on": "",
    },
  });
  try {
    const pid = browser.process()?.pid;
    if (pid === undefined) throw new Error("Firefox: no process id");
    const instance: Instance = { condition, browser, pid, tab: await browser.newPage() };
    if (condition === "none") {
      await inFront(instance);
      return instance;
    }
    await browser.installExtension(extensionDir);
    const hub = await browser.newPage();
    const url = `moz-extension://${UUID}/options.html`;
    // BiDi never reports a moz-extension: load as done (see tests/e2e/scenarios/firefox.ts).
    void hub.goto(url, { timeout: 20_000 }).catch(() => {});
    await waitIn(
      hub,
      `location.href === ${JSON.stringify(url)} && document.readyState === "complete"`,
      "the options page",
    );
    instance.hub = hub;
    await evaluate(hub, "browser.storage.local.set({ testSignals: true })");
    if (condition === "off") {
      await evaluate(
        hub,
        `browser.storage.sync.set(${JSON.stringify({
          siteSettings: { mode: "everywhere-except", paused: false, shards: 1 },
          siteSettings$: { v: 2 },
          "siteRules.0": { "127.0.0.1": false },
        })})`,
      );
    }
    // The gate's registration follows the setting before any page loads.
    const excluded = `(s) => s.some((r) => (r.excludeMatches ?? []).includes("*://127.0.0.1/*"))`;
    await waitIn(
      hub,
      `browser.scripting.getRegisteredContentScripts().then((s) => s.length > 0 && (${excluded})(s) === ${condition === "off"})`,
      "the gate's registration",
    );
    instance.registration = await evaluate<string>(
      hub,
      `browser.scripting.getRegisteredContentScripts().then((s) => s.map((r) => r.matches.join(", ") + ((r.excludeMatches ?? []).length ? " except " + r.excludeMatches.join(", ") : "")).join("; "))`,
    );
    await inFront(instance);
    return instance;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

interface FrameProbe {
  gate: boolean;
  script: boolean;
}

/** Our run-once globals in every frame of the tab, read through scripting.executeScript. */
async function probe(instance: Instance, url: string): Promise<FrameProbe[]> {
  const hub = instance.hub;
  if (!hub) return [];
  if (instance.tabId === undefined) {
    instance.tabId = await evaluate<number>(
      hub,
      `browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id)`,
    );
    if (typeof instance.tabId !== "number") throw new Error(`Firefox: no tab for ${url}`);
  }
  return evaluate<FrameProbe[]>(
    hub,
    `browser.scripting.executeScript({
      target: { tabId: ${instance.tabId}, allFrames: true },
      func: () => ({ gate: globalThis.termlensGate === true, script: globalThis.termlensLifetime !== undefined }),
    }).then((results) => results.map((r) => r.result ?? { gate: false, script: false }))`,
  );
}

/** The scan signal of every frame (null: none; frames that cannot be read are left out). */
async function signals(page: Page): Promise<(string | null)[]> {
  const read = `document.documentElement && document.documentElement.getAttribute(${JSON.stringify(SCAN_ATTR)})`;
  const states = await Promise.all(
    page.frames().map((f) => f.evaluate(read).catch(() => undefined) as Promise<string | null | undefined>),
  );
  return states.filter((s): s is string | null => s !== undefined);
}

async function terms(page: Page): Promise<number> {
  return evaluate<number>(
    page,
    `(CSS.highlights.get("termlens")?.size ?? 0) + (CSS.highlights.get("termlens-everyday")?.size ?? 0)`,
  ).catch(() => 0);
}

interface Load {
  mainMs: number;
  firefoxMs: number;
  /** Frames with a scan signal, and whether all said idle. */
  signalled: number;
  idle: boolean;
  frames: FrameProbe[];
  terms: number;
}

async function loadOnce(instance: Instance, url: string): Promise<Load> {
  const before = counters(instance.pid);
  await instance.tab.goto(url, { waitUntil: "load", timeout: 60_000 });
  const settled = Date.now() + SETTLE_MS;
  const end = Date.now() + SCAN_MAX_MS;
  let states: (string | null)[] = [];
  for (;;) {
    states = await signals(instance.tab);
    const scanned = states[0] === "idle" && !states.includes("busy");
    if (Date.now() >= settled && (instance.condition !== "on" || scanned || Date.now() > end)) break;
    await sleep(POLL_MS);
  }
  const after = counters(instance.pid);
  const signalled = states.filter((s) => s !== null);
  return {
    mainMs: spent(before.main, after.main),
    firefoxMs: spent(before.all, after.all),
    signalled: signalled.length,
    idle: signalled.length > 0 && signalled.every((s) => s === "idle"),
    frames: await probe(instance, url),
    terms: instance.condition === "on" ? await terms(instance.tab) : 0,
  };
}

// ---- The bench --------------------------------------------------------------

/** Linear-interpolated quantile (q in 0..1). */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const at = (s.length - 1) * q;
  const lo = s[Math.floor(at)] as number;
  const hi = s[Math.ceil(at)] as number;
  return lo + (hi - lo) * (at - Math.floor(at));
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
const signed = (n: number) => (Number.isFinite(n) ? `${n >= 0 ? "+" : ""}${n.toFixed(1)}` : "-");

function firefoxVersion(path: string): string {
  try {
    return execFileSync(path, ["--version"], { encoding: "utf8", timeout: 20_000 }).trim();
  } catch {
    return "Firefox";
  }
}

function printTable(rows: FirefoxPageFigures[]): void {
  const head = [
    "page",
    "KB",
    "main none",
    "main off",
    "main on",
    "off-none",
    "noise",
    "on-none",
    "terms on",
    "FF none",
    "FF off",
    "FF on",
    "FF off-none",
  ];
  const body = rows.map((r) => [
    r.page.replace(/\.html$/, ""),
    String(Math.round(r.bytes / 1000)),
    f1(r.main.none),
    f1(r.main.off),
    f1(r.main.on),
    signed(r.offMinusNone),
    `±${f1(r.noneSpread)}`,
    signed(r.onMinusNone),
    String(r.terms),
    f1(r.firefox.none),
    f1(r.firefox.off),
    f1(r.firefox.on),
    signed(r.firefoxOffMinusNone),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const b of body) console.log(line(b));
}

export async function runFirefoxOffSiteBench(
  opts: FirefoxOffSiteOptions = {},
): Promise<FirefoxOffSiteResult> {
  const root = opts.root ?? defaultRoot;
  const runs = opts.runs ?? RUNS;
  const result: FirefoxOffSiteResult = {
    pages: [],
    offLoadsWithOurs: 0,
    offLoads: 0,
    offFramesProbed: 0,
    onLoadsOk: 0,
    onLoads: 0,
    pairedLoads: 0,
    offMinusNoneMs: Number.NaN,
    offMinusNoneIqr: [Number.NaN, Number.NaN],
    offRatio: Number.NaN,
    onMinusNoneMs: Number.NaN,
    onRatio: Number.NaN,
    firefoxOffMinusNoneMs: Number.NaN,
    noiseMs: Number.NaN,
    pass: { noScript: false, control: false },
  };
  console.log("== Off-site cost in Firefox ==");
  const skip = (why: string): FirefoxOffSiteResult => {
    console.log(`Firefox off-site measurement skipped: ${why}`);
    return { ...result, skipped: why };
  };
  let executablePath: string;
  try {
    executablePath = findFirefox();
  } catch (error) {
    return skip((error as Error).message);
  }
  const builtDir = opts.extensionDir ?? join(root, ".output/firefox-mv2");
  if (!existsSync(join(builtDir, "manifest.json")))
    return skip(`no Firefox build in ${builtDir} (run "npm run build:firefox")`);
  if (!existsSync(`/proc/${process.pid}/task/${process.pid}/schedstat`))
    return skip("no /proc/<pid>/task/<tid>/schedstat here (Linux only): the CPU times come from there");
  result.firefox = firefoxVersion(executablePath);

  // A copy: a build running meanwhile in the shared tree cannot change what is measured.
  const extensionDir = mkdtempSync(join(tmpdir(), "termlens-bench-ff-"));
  cpSync(builtDir, extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, "manifest.json"), "utf8")) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id ?? "termlens@termlens.example";

  const corpus = resolve(root, "../shared/corpus/pages");
  const servers: StaticServer[] = [];
  const instances: Instance[] = [];
  const t0 = Date.now();
  try {
    const own = await serve(join(root, "tests/pages"));
    servers.push(own);
    const pages: { name: string; bytes: number; url: (n: number) => string }[] = [
      {
        name: OWN_PAGE,
        bytes: readFileSync(join(root, "tests/pages", OWN_PAGE)).length,
        url: (n) => `${own.origin}/${OWN_PAGE}?load=${n}`,
      },
    ];
    const fromCorpus = CORPUS_PAGES.filter((p) => existsSync(join(corpus, p)));
    if (fromCorpus.length > 0) {
      const server = await serve(corpus);
      servers.push(server);
      for (const p of fromCorpus)
        pages.push({
          name: p,
          bytes: readFileSync(join(corpus, p)).length,
          url: (n) => `${server.origin}/${encodeURIComponent(p)}?load=${n}`,
        });
    }
    console.log(
      `${result.firefox}; ${pages.length} pages (${fromCorpus.length > 0 ? "ours and the corpus'" : `ours only: no corpus at ${corpus}`}); ` +
        `${runs} loads each in three Firefoxes taking turns (no extension / Termlens with 127.0.0.1 off / on), after a warm-up; medians`,
    );

    for (const c of CONDITIONS) {
      progress(`starting Firefox (${c})`);
      instances.push(await launchFirefox(c, executablePath, extensionDir, addonId));
    }
    result.registration = instances.find((i) => i.condition === "off")?.registration;
    console.log(`With 127.0.0.1 off, the gate is registered for: ${result.registration}`);

    const loads = new Map<string, Record<Condition, Load[]>>();
    let n = 0;
    const record = (page: string, instance: Instance, load: Load) => {
      const byCondition = loads.get(page) ?? { none: [], off: [], on: [] };
      byCondition[instance.condition].push(load);
      loads.set(page, byCondition);
    };
    const check = (page: string, instance: Instance, load: Load) => {
      if (instance.condition === "off") {
        result.offLoads++;
        result.offFramesProbed += load.frames.length;
        if (load.signalled > 0 || load.frames.some((f) => f.gate || f.script)) {
          result.offLoadsWithOurs++;
          progress(
            `${page} off: a script of ours ran (${JSON.stringify(load.frames)}, ${load.signalled} scan signals)`,
          );
        }
      }
      if (instance.condition === "on") {
        result.onLoads++;
        const top = load.frames[0];
        if (top?.gate && top.script && load.idle) result.onLoadsOk++;
        else progress(`${page} on: control failed (${JSON.stringify(load.frames)}, idle ${load.idle})`);
      }
    };

    progress("warm-up");
    for (const p of pages)
      for (const i of instances) {
        const started = Date.now();
        check(p.name, i, await loadOnce(i, p.url(n++)));
        progress(`warm-up ${p.name} (${i.condition}): ${Date.now() - started} ms`);
      }
    for (let r = 0; r < runs; r++) {
      for (const p of pages) {
        const order = instances.map((_, k) => instances[(k + r) % instances.length] as Instance);
        for (const i of order) {
          const load = await loadOnce(i, p.url(n++));
          check(p.name, i, load);
          record(p.name, i, load);
        }
        const got = loads.get(p.name);
        progress(
          `run ${r + 1} ${p.name}: main ms none ${f1(got?.none.at(-1)?.mainMs ?? Number.NaN)}, off ${f1(got?.off.at(-1)?.mainMs ?? Number.NaN)}, on ${f1(got?.on.at(-1)?.mainMs ?? Number.NaN)}`,
        );
      }
    }

    const pairs = {
      off: [] as number[],
      offRatio: [] as number[],
      on: [] as number[],
      onRatio: [] as number[],
      ff: [] as number[],
    };
    for (const p of pages) {
      const l = loads.get(p.name);
      if (!l) continue;
      l.none.forEach((none, i) => {
        const off = l.off[i];
        const on = l.on[i];
        if (!off || !on) return;
        pairs.off.push(off.mainMs - none.mainMs);
        pairs.offRatio.push(off.mainMs / none.mainMs);
        pairs.on.push(on.mainMs - none.mainMs);
        pairs.onRatio.push(on.mainMs / none.mainMs);
        pairs.ff.push(off.firefoxMs - none.firefoxMs);
      });
      const med = (c: Condition, k: "mainMs" | "firefoxMs") => median(l[c].map((x) => x[k]));
      const paired = (c: Condition, k: "mainMs" | "firefoxMs") =>
        median(l[c].map((x, i) => x[k] - (l.none[i]?.[k] ?? Number.NaN)));
      const noneMain = med("none", "mainMs");
      result.pages.push({
        page: p.name,
        bytes: p.bytes,
        main: { none: noneMain, off: med("off", "mainMs"), on: med("on", "mainMs") },
        firefox: { none: med("none", "firefoxMs"), off: med("off", "firefoxMs"), on: med("on", "firefoxMs") },
        offMinusNone: paired("off", "mainMs"),
        onMinusNone: paired("on", "mainMs"),
        firefoxOffMinusNone: paired("off", "firefoxMs"),
        noneSpread: median(l.none.map((x) => Math.abs(x.mainMs - noneMain))),
        terms: median(l.on.map((x) => x.terms)),
      });
    }
    result.pairedLoads = pairs.off.length;
    result.offMinusNoneMs = median(pairs.off);
    result.offMinusNoneIqr = [quantile(pairs.off, 0.25), quantile(pairs.off, 0.75)];
    result.offRatio = median(pairs.offRatio);
    result.onMinusNoneMs = median(pairs.on);
    result.onRatio = median(pairs.onRatio);
    result.firefoxOffMinusNoneMs = median(pairs.ff);
    result.noiseMs = median(result.pages.map((r) => r.noneSpread));
  } catch (error) {
    console.log(`Firefox off-site measurement failed: ${(error as Error).message}`);
    return { ...result, skipped: `failed: ${(error as Error).message}` };
  } finally {
    for (const i of instances) await i.browser.close().catch(() => {});
    for (const s of servers) await s.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }

  const rows = result.pages;
  printTable(rows);
  console.log(`(${Math.round((Date.now() - t0) / 1000)} s)`);
  result.pass = {
    noScript: result.offLoads > 0 && result.offLoadsWithOurs === 0,
    control: result.onLoads > 0 && result.onLoadsOk === result.onLoads,
  };
  console.log(
    "main = CPU ms of the page's main thread (the main threads of the browser's web content processes, /proc",
  );
  console.log(
    "schedstat); FF = CPU ms of the whole Firefox (all its processes, /proc stat, 10 ms ticks). none / off / on =",
  );
  console.log(
    "no extension / Termlens, 127.0.0.1 switched off / on; a load = navigation to load + 1 s (on: to scan idle).",
  );
  console.log(
    "Medians of the loads; off-none, on-none = median of the run-by-run differences; noise = median absolute",
  );
  console.log(
    "deviation of the baseline's loads (how much one page's loads differ with no extension at all).",
  );
  const [q1, q3] = result.offMinusNoneIqr;
  console.log(
    `Off-site cost in Firefox: ${signed(result.offMinusNoneMs)} ms of the page's main thread a load, off / none ` +
      `${result.offRatio.toFixed(2)}x (median of ${result.pairedLoads} paired loads, the middle half from ${signed(q1)} ` +
      `to ${signed(q3)} ms; baseline noise ±${f1(result.noiseMs)} ms); whole Firefox ${signed(result.firefoxOffMinusNoneMs)} ms.`,
  );
  console.log(
    result.offLoadsWithOurs === 0
      ? "No script of ours ran on the off pages (below), so none of that is our code: it is Firefox's own and the noise."
      : "A script of ours ran on an off page (below): the figure includes our code.",
  );
  console.log(
    `With the site on (the scale): ${signed(result.onMinusNoneMs)} ms of the main thread a load (on / none ${result.onRatio.toFixed(2)}x)`,
  );
  const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");
  console.log(
    `${verdict(result.pass.noScript)}  no script of ours ran on a switched-off page: ` +
      `${result.offLoadsWithOurs} of ${result.offLoads} loads (${result.offFramesProbed} frames probed for the gate and the content script, scan signal read in each)`,
  );
  console.log(
    `${verdict(result.pass.control)}  control: with the site on, the gate and the content script ran and the scan said idle in ` +
      `${result.onLoadsOk} of ${result.onLoads} loads`,
  );
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf("--runs");
  await runFirefoxOffSiteBench({ runs: at > 0 ? Number(process.argv[at + 1]) : undefined });
}
