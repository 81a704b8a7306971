// The glossary's matching index as a frame pays for it, measured where a frame
// pays: in Chromium, in an isolated world (as the content scripts' own) of a
// fresh renderer process (a new browser context for each run, so V8 has no
// compiled code, no compilation cache and no warm memory from the runs
// before). What is timed is what the frame does before its first scan:
// evaluating the built content-index.js (parsing and running it: it leaves the
// index in the world's global), then loadIndex on what it left, which is what
// the content script does first (entrypoints/content-script/index.ts reads the
// global, session.ts loads it); the matcher's code is the same source,
// bundled and minified by esbuild, evaluated between the two as
// content-script.js is, and compiled lazily at the first call as in a real
// frame. The page is an empty one, with no script of its own: a page that
// runs scripts first would leave some of the process's memory warm, so this
// is the frame's worst case. Not counted: the content script's own evaluation
// and the browser reading the file.
//
// The clock is the renderer main thread's CPU time, read from a trace: each
// console.timeStamp mark carries the thread's CPU timestamp (tts), so the
// machine's other processes do not count; the figure is the median over runs.
//
// Alone: `tsx tests/bench/index-load.ts [content-index.js] [--runs N] [--json]`
// (build-size.ts runs it so, as a child process).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { type Browser, type CDPSession, chromium } from "playwright-core";
import type { SerializedIndex } from "../../glossary/match/index";
import { injectedContentData } from "../../lib/content-data";
import { findChrome } from "../e2e/browser";
import { median } from "./measure";
import { LIGHT_CATEGORIES, startTrace, type TraceEvent } from "./page-trace";

/** The serialized index the built content-index.js leaves in its world (in Node). */
export function shippedIndex(contentIndexJs: string): SerializedIndex {
  const world = createContext({});
  runInContext(readFileSync(contentIndexJs, "utf8"), world);
  const data = injectedContentData(world);
  if (!data) throw new Error(`${contentIndexJs} did not leave a matching index`);
  return data.index;
}

/** Thread CPU milliseconds of one frame's steps. */
export interface FrameLoad {
  /** Evaluating content-index.js. */
  evalMs: number;
  /** loadIndex on what it left. */
  loadMs: number;
}

export interface FrameLoads {
  runs: FrameLoad[];
  /** Medians over the runs: each step, and the two together (the median of the sums). */
  evalMs: number;
  loadMs: number;
  totalMs: number;
}

export const DEFAULT_RUNS = 9;
const STAMP = "termlens-index-load";
const ORIGIN = "https://frame.termlens.test";

/** The matcher as the content script carries it: bundled and minified. */
async function probeScript(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL("./index-load-probe.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    write: false,
  });
  const text = out.outputFiles[0]?.text;
  if (!text) throw new Error("esbuild wrote no probe");
  return text;
}

type Stamp = TraceEvent & { tts?: number };

/** Thread CPU time (ms) between two of the marks. */
function between(events: readonly Stamp[], from: number, to: number): number {
  const at = (i: number) => {
    const e = events.find((x) => x.name === "TimeStamp" && x.args?.data?.message === `${STAMP}:${i}`);
    if (e?.tts === undefined) throw new Error(`the trace has no thread time for mark ${i}`);
    return e.tts;
  };
  return (at(to) - at(from)) / 1000;
}

async function evaluate(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const r = await cdp.send("Runtime.evaluate", {
    expression,
    contextId,
    returnByValue: true,
    awaitPromise: true,
  });
  if (r.exceptionDetails) {
    throw new Error(`in the frame: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  }
  return r.result.value;
}

async function oneFrame(browser: Browser, indexScript: string, probe: string): Promise<FrameLoad> {
  const context = await browser.newContext();
  try {
    // The script reaches the world by fetch, as text, the way Chrome hands a
    // file to the renderer: no script of the page parses it beforehand.
    await context.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith("/content-index.js")
        ? route.fulfill({ contentType: "text/javascript", body: indexScript })
        : route.fulfill({
            contentType: "text/html",
            body: "<!doctype html><title>A page</title><p>Text.</p>",
          }),
    );
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    const cdp = await context.newCDPSession(page);
    const { frameTree } = await cdp.send("Page.getFrameTree");
    const { executionContextId } = await cdp.send("Page.createIsolatedWorld", {
      frameId: frameTree.frame.id,
      worldName: "Termlens",
    });
    const run = (expression: string) => evaluate(cdp, executionContextId, expression);
    await run(
      `fetch("/content-index.js").then((r) => r.text()).then((t) => { globalThis.termlensIndexSource = t; })`,
    );
    const stop = await startTrace(cdp, LIGHT_CATEGORIES);
    await run(
      `console.timeStamp("${STAMP}:0"); (0, eval)(globalThis.termlensIndexSource); console.timeStamp("${STAMP}:1");`,
    );
    await run(probe); // the content script's evaluation: not counted
    await run(
      `console.timeStamp("${STAMP}:2"); globalThis.termlensIndexProbe(); console.timeStamp("${STAMP}:3");`,
    );
    const events: Stamp[] = await stop();
    return { evalMs: between(events, 0, 1), loadMs: between(events, 2, 3) };
  } finally {
    await context.close();
  }
}

/** `runs` fresh frames, one after another, in one Chromium. */
export async function measureFrameLoads(contentIndexJs: string, runs = DEFAULT_RUNS): Promise<FrameLoads> {
  const indexScript = readFileSync(contentIndexJs, "utf8");
  const probe = await probeScript();
  const browser = await chromium.launch({
    executablePath: findChrome(),
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const all: FrameLoad[] = [];
    for (let i = 0; i < runs; i++) all.push(await oneFrame(browser, indexScript, probe));
    return {
      runs: all,
      evalMs: median(all.map((r) => r.evalMs)),
      loadMs: median(all.map((r) => r.loadMs)),
      totalMs: median(all.map((r) => r.evalMs + r.loadMs)),
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--runs");
  const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : DEFAULT_RUNS;
  const json = args.includes("--json");
  const file = resolve(args.filter((a) => a !== "--json")[0] ?? ".output/chrome-mv3/content-index.js");
  const loads = await measureFrameLoads(file, runs);
  if (json) console.log(JSON.stringify(loads));
  else {
    for (const r of loads.runs)
      console.log(`evaluate ${r.evalMs.toFixed(2)} ms + loadIndex ${r.loadMs.toFixed(2)} ms`);
    console.log(
      `${file}: ${readFileSync(file).length.toLocaleString("en-US")} bytes; median over ${runs} fresh frames, ` +
        `thread CPU: evaluate ${loads.evalMs.toFixed(2)} ms, loadIndex ${loads.loadMs.toFixed(2)} ms, ` +
        `both ${loads.totalMs.toFixed(2)} ms`,
    );
  }
}
