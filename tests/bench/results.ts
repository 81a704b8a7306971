// Result detection's cost, in Chromium: on the big corpus pages, the time
// PageResults adds to a scan against the scan itself (reading the blocks,
// matching and marking them with PageTerms), both timed in the same run on
// the same blocks (the bar: at most 10%, median over pages of each page's
// median over runs); on our result fixture pages, its cost per 100 result
// rows (the bar: at most 2 ms). The content script's own code is bundled
// with esbuild and run in a plain browser (no extension), so the two parts
// can be timed apart. The denominator leaves out the rest of our main-thread
// time (evaluating our scripts, setup, highlight painting is the browser's),
// so the ratio is an upper bound of what the page bench would show.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { chromium, type Page } from "playwright-core";
import { findChrome } from "../e2e/browser";
import { serve } from "../e2e/server";
import { median } from "./measure";

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

interface Probe {
  scanMs: number;
  detectMs: number;
  rows: number;
  terms: number;
  blocks: number;
}

export interface ResultsFigures {
  pages: { file: string; bytes: number; scanMs: number; detectMs: number; ratio: number; rows: number }[];
  medianRatio: number;
  per100RowsMs: number;
  rows: number;
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

export async function runResultsBench(root = resolve(".")): Promise<ResultsFigures | null> {
  console.log("== Result detection (Chromium: PageResults against PageTerms on the same blocks) ==");
  const source = await probeSource(root);
  const browser = await chromium.launch({ executablePath: findChrome(), args: ["--no-sandbox"] });
  const fixtures = await serve(join(root, "tests/pages"));
  const corpusDir = resolve(root, "../shared/corpus/pages");
  const corpus = existsSync(join(corpusDir, "INDEX.tsv")) ? await serve(corpusDir) : null;
  try {
    const page = await browser.newPage();
    const pages: ResultsFigures["pages"] = [];
    if (corpus) {
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
        pages.push({ file, bytes, scanMs, detectMs, ratio, rows: runs[0]?.rows ?? 0 });
      }
    } else console.log(`(no corpus at ${corpusDir}: the ratio is not measured)`);
    const perRun: number[] = Array.from({ length: RUNS }, () => 0);
    let rows = 0;
    for (const file of FIXTURES) {
      const runs = await probe(page, `${fixtures.origin}/${file}`, source);
      runs.forEach((r, i) => {
        perRun[i] = (perRun[i] ?? 0) + r.detectMs;
      });
      rows += runs[0]?.rows ?? 0;
    }
    const per100RowsMs = rows > 0 ? (median(perRun) / rows) * 100 : Number.NaN;
    const medianRatio = pages.length ? median(pages.map((p) => p.ratio)) : Number.NaN;
    console.log(
      "page                                              KB    scan ms  detect ms  detect/scan  rows",
    );
    for (const p of pages) {
      console.log(
        `${p.file.slice(0, 48).padEnd(48)} ${String(Math.round(p.bytes / 1024)).padStart(5)} ${p.scanMs
          .toFixed(2)
          .padStart(
            9,
          )} ${p.detectMs.toFixed(2).padStart(10)} ${`${(p.ratio * 100).toFixed(1)}%`.padStart(12)} ${String(p.rows).padStart(5)}`,
      );
    }
    const ratioOk = Number.isNaN(medianRatio) || medianRatio <= RATIO_BAR;
    const rowsOk = per100RowsMs <= PER_100_BAR_MS;
    console.log(
      `detection / scan, median over ${pages.length} big pages: ${(medianRatio * 100).toFixed(1)}% (bar ≤ ${RATIO_BAR * 100}%) ${ratioOk ? "PASS" : "FAIL"}`,
    );
    console.log(
      `detection per 100 result rows (${rows} rows on ${FIXTURES.length} fixture pages): ${per100RowsMs.toFixed(2)} ms (bar ≤ ${PER_100_BAR_MS} ms) ${rowsOk ? "PASS" : "FAIL"}`,
    );
    return { pages, medianRatio, per100RowsMs, rows, pass: ratioOk && rowsOk };
  } finally {
    await browser.close();
    await fixtures.close();
    await corpus?.close();
  }
}

if (process.argv[1]?.endsWith("results.ts")) await runResultsBench();
