// Result detection's cost, in Chromium. On the big corpus pages: the time
// PageResults takes on a page's blocks (with the readers there, the dearer
// path), against our whole main-thread CPU time on that page from the page
// benchmark of the same run (the bar: at most 10%, median over pages), and,
// for information, against the scan alone (reading the blocks, matching and
// marking them with PageTerms), timed in the same run on the same blocks;
// medians over runs; performance.now around 10 scans, then 10 detections:
// its steps are 0.1 ms. On our result fixture pages, and on one long
// results page (the fixtures' bodies repeated): the cost per 100 result rows
// (the bar: at most 2 ms, judged warm; the cold figure is printed beside it,
// most of it one-time per page). The content
// script's own code is bundled with esbuild and run in a plain browser (no
// extension), so the parts can be timed apart.
//
// Per 100 rows, what is timed is a read: one PageResults.add on the page's
// blocks, collected beforehand (finding the result layouts, reading their
// rows, marking them), alone in a task of its own; the clock is that task's
// thread CPU time in a trace, so other processes on a busy machine do not
// count. Cold: the first read after the script was evaluated in a freshly
// opened page (its source made unique, so V8 compiles it anew), the median
// over loads. Warm: reads after WARMUP_READS untimed ones on the same page
// (V8 has optimized the readers), the median over WARM_READS. From both, the
// floor is taken off: the median CPU time of an empty task timed alike (the
// timer's task and the trace mark, about 0.05 ms, are not the read's). Per
// 100 rows: the sum over pages of their medians, over the sum of their rows.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import { findChrome } from "../e2e/browser";
import { serve } from "../e2e/server";
import { median } from "./measure";
import { cpuOf, LIGHT_CATEGORIES, startTrace, taskOf } from "./page-trace";

const BIG_BYTES = 850_000;
const RUNS = 9;
const RATIO_BAR = 0.1;
const PER_100_BAR_MS = 2;
const FIXTURES = [
  "results-table.html",
  "results-pre.html",
  "results-narrative.html",
  "results-dl.html",
  "results-grid.html",
];
/** The long page: every fixture's body, this many times over. */
const LONG_REPEAT = 10;
const COLD_LOADS = 7;
const WARMUP_READS = 200;
const WARM_READS = 21;
const READ_STAMP = "termlens-results-read";

interface Probe {
  scanMs: number;
  detectMs: number;
  rows: number;
  terms: number;
  blocks: number;
}

/** CPU time of reading one page's rows: a median over reads, the floor taken off (ms). */
interface Reads {
  rows: number;
  coldMs: number;
  warmMs: number;
  /** An empty task's CPU time, the same clock (median). */
  floorMs: number;
}

export interface ResultsFigures {
  pages: {
    file: string;
    bytes: number;
    scanMs: number;
    detectMs: number;
    /** detectMs / scanMs (information). */
    ratio: number;
    /** detectMs / our main-thread CPU time on the page (the bar; NaN without the page benchmark). */
    share: number;
    rows: number;
  }[];
  medianRatio: number;
  medianShare: number;
  /** Fixture pages, per 100 rows: warm (the bar) and cold. */
  per100RowsMs: number;
  per100RowsColdMs: number;
  rows: number;
  /** The long page, per 100 rows. */
  longRows: number;
  longPer100Ms: number;
  longPer100ColdMs: number;
  pass: boolean;
}

async function probeSource(root: string): Promise<string> {
  const out = await build({
    entryPoints: [join(root, "tests/bench/results-probe.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "chrome120",
    minify: true,
  });
  return out.outputFiles[0]?.text ?? "";
}

async function probe(page: Page, url: string, source: string): Promise<Probe[]> {
  await page.goto(url, { waitUntil: "load" });
  await page.addScriptTag({ content: source });
  const runs: Probe[] = [];
  await page.evaluate("termlensResultsProbe()"); // warm-up
  for (let i = 0; i < RUNS; i++) runs.push((await page.evaluate("termlensResultsProbe()")) as Probe);
  return runs;
}

type Open = (page: Page) => Promise<unknown>;

/**
 * Timed reads of the rows (each a task of its own), thread CPU time from one
 * trace; each read is followed by an empty task timed alike (the floor).
 */
async function timedReads(
  page: Page,
  count: number,
): Promise<{ readMs: number[]; emptyMs: number[]; rows: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const stop = await startTrace(cdp, LIGHT_CATEGORIES);
    let rows = 0;
    for (let i = 0; i < count; i++) {
      rows = (await page.evaluate(`termlensResultsTimedRead("${READ_STAMP}-${i}")`)) as number;
      await page.evaluate(`termlensResultsTimedRead("${READ_STAMP}-empty-${i}", true)`);
    }
    const events = await stop();
    const cpuMs = (stamp: string) => {
      const task = taskOf(events, (e) => e.name === "TimeStamp" && e.args?.data?.message === stamp);
      if (!task) throw new Error(`results bench: ${stamp} is not in the trace`);
      return cpuOf(task);
    };
    const readMs = Array.from({ length: count }, (_, i) => cpuMs(`${READ_STAMP}-${i}`));
    const emptyMs = Array.from({ length: count }, (_, i) => cpuMs(`${READ_STAMP}-empty-${i}`));
    return { readMs, emptyMs, rows };
  } finally {
    await cdp.detach().catch(() => {});
  }
}

let loads = 0;

/** A fresh page with the probe evaluated anew (a unique source: no compiled code is reused), blocks collected. */
async function freshPage(browser: Browser, open: Open, source: string): Promise<Page> {
  const page = await browser.newPage();
  await open(page);
  await page.addScriptTag({ content: `${source}\n// load ${++loads}` });
  await page.evaluate("termlensResultsBlocks()");
  return page;
}

async function reads(browser: Browser, open: Open, source: string): Promise<Reads> {
  const cold: number[] = [];
  let rows = 0;
  for (let i = 0; i < COLD_LOADS; i++) {
    const page = await freshPage(browser, open, source);
    try {
      const first = await timedReads(page, 1);
      cold.push(...first.readMs);
      rows = first.rows;
    } finally {
      await page.close();
    }
  }
  const page = await freshPage(browser, open, source);
  try {
    await page.evaluate(`termlensResultsReads(${WARMUP_READS})`);
    const warm = await timedReads(page, WARM_READS);
    if (warm.rows !== rows) throw new Error(`results bench: ${warm.rows} rows warm, ${rows} cold`);
    const floorMs = median(warm.emptyMs);
    return {
      rows,
      coldMs: median(cold) - floorMs,
      warmMs: median(warm.readMs) - floorMs,
      floorMs,
    };
  } finally {
    await page.close();
  }
}

/** One page holding every fixture's body `times` over (their styles kept). */
function longPage(dir: string, times: number): string {
  const styles: string[] = [];
  const bodies: string[] = [];
  for (const file of FIXTURES) {
    const html = readFileSync(join(dir, file), "utf8");
    styles.push(/<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "");
    bodies.push(/<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? "");
  }
  const body = Array.from({ length: times }, () => bodies.join("\n")).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Results, long</title><style>${styles.join("\n")}</style></head><body>${body}</body></html>`;
}

const per100 = (ms: number, rows: number) => (rows > 0 ? (ms / rows) * 100 : Number.NaN);

/**
 * `corpus: false` leaves the big corpus pages out (the rows part alone: `tsx
 * tests/bench/results.ts --rows`). `oursMs`: our main-thread CPU time per big
 * page from the page benchmark of the same `npm run bench`, what the bar
 * judges detection against; without it the share of the scan is printed alone.
 */
export async function runResultsBench(
  root = resolve("."),
  { corpus: withCorpus = true, oursMs }: { corpus?: boolean; oursMs?: ReadonlyMap<string, number> } = {},
): Promise<ResultsFigures | null> {
  console.log("== Result detection (Chromium: PageResults against PageTerms on the same blocks) ==");
  const source = await probeSource(root);
  const browser = await chromium.launch({ executablePath: findChrome(), args: ["--no-sandbox"] });
  const fixtures = await serve(join(root, "tests/pages"));
  const corpusDir = resolve(root, "../shared/corpus/pages");
  const corpus = withCorpus && existsSync(join(corpusDir, "INDEX.tsv")) ? await serve(corpusDir) : null;
  try {
    const pages: ResultsFigures["pages"] = [];
    if (corpus) {
      const page = await browser.newPage();
      const big = readFileSync(join(corpusDir, "INDEX.tsv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split("\t"))
        .map(([p, b]) => ({ file: (p ?? "").replace(/^pages\//, ""), bytes: Number(b) }))
        .filter((p) => p.bytes >= BIG_BYTES);
      for (const { file, bytes } of big) {
        const runs = await probe(page, `${corpus.origin}/${file}`, source);
        const scanMs = median(runs.map((r) => r.scanMs));
        const detectMs = median(runs.map((r) => r.detectMs));
        const ratio = median(runs.map((r) => r.detectMs / Math.max(r.scanMs, 0.001)));
        const ours = oursMs?.get(file);
        const share = ours ? detectMs / ours : Number.NaN;
        pages.push({ file, bytes, scanMs, detectMs, ratio, share, rows: runs[0]?.rows ?? 0 });
      }
      await page.close();
    } else if (withCorpus) console.log(`(no corpus at ${corpusDir}: the ratio is not measured)`);
    const medianRatio = pages.length ? median(pages.map((p) => p.ratio)) : Number.NaN;
    const shares = pages.map((p) => p.share).filter((x) => !Number.isNaN(x));
    const medianShare = shares.length ? median(shares) : Number.NaN;
    const ratioOk = Number.isNaN(medianShare) || medianShare <= RATIO_BAR;
    if (withCorpus) {
      console.log(
        "page                                              KB    scan ms  detect ms  detect/scan  detect/ours  rows",
      );
      for (const p of pages) {
        console.log(
          `${p.file.slice(0, 48).padEnd(48)} ${String(Math.round(p.bytes / 1024)).padStart(5)} ${p.scanMs
            .toFixed(2)
            .padStart(
              9,
            )} ${p.detectMs.toFixed(2).padStart(10)} ${`${(p.ratio * 100).toFixed(1)}%`.padStart(12)} ${(Number.isNaN(p.share) ? "-" : `${(p.share * 100).toFixed(1)}%`).padStart(12)} ${String(p.rows).padStart(5)}`,
        );
      }
      console.log(
        `detection / scan (reading and matching the blocks alone, warm), median over ${pages.length} big pages: ` +
          `${(medianRatio * 100).toFixed(1)}% (information)`,
      );
      console.log(
        Number.isNaN(medianShare)
          ? "detection / our main-thread CPU time: needs the page benchmark's figures (npm run bench)"
          : `detection / our main-thread CPU time on the page (page benchmark, this run), median over ${shares.length} ` +
              `big pages: ${(medianShare * 100).toFixed(1)}% (bar ≤ ${RATIO_BAR * 100}%) ${ratioOk ? "PASS" : "FAIL"}`,
      );
    }

    // Per 100 rows: CPU time of reading the rows, cold and warm.
    console.log(
      `reading the rows (PageResults.add on the page's blocks), thread CPU ms less the floor (an empty task): cold = first read after a fresh load (median of ${COLD_LOADS} loads), warm = after ${WARMUP_READS} reads (median of ${WARM_READS})`,
    );
    console.log("page                          rows   cold ms   warm ms  floor ms");
    const show = (name: string, r: Reads) =>
      console.log(
        `${name.padEnd(28)} ${String(r.rows).padStart(5)} ${r.coldMs.toFixed(3).padStart(9)} ${r.warmMs.toFixed(3).padStart(9)} ${r.floorMs.toFixed(3).padStart(9)}`,
      );
    let rows = 0;
    let coldMs = 0;
    let warmMs = 0;
    for (const file of FIXTURES) {
      const r = await reads(
        browser,
        (p) => p.goto(`${fixtures.origin}/${file}`, { waitUntil: "load" }),
        source,
      );
      show(file, r);
      rows += r.rows;
      coldMs += r.coldMs;
      warmMs += r.warmMs;
    }
    const html = longPage(join(root, "tests/pages"), LONG_REPEAT);
    const long = await reads(browser, (p) => p.setContent(html, { waitUntil: "load" }), source);
    show(`long page (fixtures x${LONG_REPEAT})`, long);
    const per100RowsMs = per100(warmMs, rows);
    const per100RowsColdMs = per100(coldMs, rows);
    const longPer100Ms = per100(long.warmMs, long.rows);
    const longPer100ColdMs = per100(long.coldMs, long.rows);
    const rowsOk = per100RowsMs <= PER_100_BAR_MS;
    const coldOk = per100RowsColdMs <= PER_100_BAR_MS;
    console.log(
      `long page, per 100 rows (${long.rows} rows): warm ${longPer100Ms.toFixed(2)} ms, cold ${longPer100ColdMs.toFixed(2)} ms`,
    );
    console.log(
      `detection per 100 result rows (${rows} rows on ${FIXTURES.length} fixture pages), thread CPU: warm ${per100RowsMs.toFixed(2)} ms (bar ≤ ${PER_100_BAR_MS} ms) ${rowsOk ? "PASS" : "FAIL"}; cold ${per100RowsColdMs.toFixed(2)} ms (${coldOk ? "within" : "over"} the bar: the first read on a page compiles the readers)`,
    );
    return {
      pages,
      medianRatio,
      medianShare,
      per100RowsMs,
      per100RowsColdMs,
      rows,
      longRows: long.rows,
      longPer100Ms,
      longPer100ColdMs,
      pass: ratioOk && rowsOk,
    };
  } finally {
    await browser.close();
    await fixtures.close();
    await corpus?.close();
  }
}

if (process.argv[1]?.endsWith("results.ts")) {
  await runResultsBench(resolve("."), { corpus: !process.argv.includes("--rows") });
}
