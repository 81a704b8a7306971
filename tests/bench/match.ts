// Matcher benchmark: throughput of the engine against one RegExp alternation on
// the visible text of the corpus pages, with the seed and shipped glossaries and the 78k
// vocabulary; index build, serialized size, load time and heap. Prints a table
// and PASS/FAIL per bar; never fails the process (it reports).
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  buildIndex,
  loadIndex,
  type MatchIndex,
  type MatchPattern,
  matchChunks,
  type SerializedIndex,
  serializeIndex,
} from "../../glossary/match/index";
import { loadPages, type Page } from "./extract";
import { scaleGlossary, seedGlossary, shippedGlossary } from "./glossaries";
import { cpuMs, gc, memoryNow, timeMs, warmTurns } from "./measure";
import { alternation, countRegExp } from "./regexp";

/** Rounds of turns, and timed runs in a row per turn (see warmTurns). */
const ROUNDS = 3;
const RUNS = 3;

interface Row {
  label: string;
  terms: number;
  /** The engine on each page's text, the RegExp's input: the bars. */
  mbps: number;
  matches: number;
  reMbps: number;
  reNote: string;
  /** For information: the engine on the text nodes as chunks, and the RegExp after joining them. */
  chunkMbps: number;
  joinMbps: number;
  buildMs: number;
  sizeKB: number;
  parseMs: number;
  loadMs: number;
  /** loadIndex and a first match. */
  readyMs: number;
  heapMB: number;
}

const READY_TEXT = "Calciphylaxis is a rare disease of the small blood vessels of the skin and fat. ".repeat(
  3,
);

const mbps = (chars: number, ms: number) => chars / 1e6 / (ms / 1000);

function runEngine(ix: MatchIndex, pages: readonly Page[]): number {
  let matches = 0;
  for (const p of pages) matches += matchChunks(ix, [p.text]).length;
  return matches;
}

function runEngineChunks(ix: MatchIndex, pages: readonly Page[]): number {
  let matches = 0;
  for (const p of pages) matches += matchChunks(ix, p.chunks).length;
  return matches;
}

/** What a content script would pay to run the RegExp across text nodes: join, then match. */
function runRegExpJoining(re: RegExp, pages: readonly Page[]): number {
  let matches = 0;
  for (const p of pages) matches += countRegExp(re, p.chunks.join(""));
  return matches;
}

function runRegExp(re: RegExp, pages: readonly Page[]): number {
  let matches = 0;
  for (const p of pages) matches += countRegExp(re, p.text);
  return matches;
}

/**
 * Throughput on the same text: each page's visible text, one string, for the
 * engine and the RegExp, each warm and in turns (warmTurns). When the RegExp
 * is too slow to run whole a dozen times (over 1 s a run), it runs on a
 * prefix of about two seconds' worth (at most 200 KB), extrapolated.
 */
function throughput(ix: MatchIndex, terms: readonly string[], pages: readonly Page[], text: string) {
  const re = alternation(terms);
  countRegExp(re, text.slice(0, 2000)); // compiles the pattern outside the timing
  // Its speed, to choose between running it whole and extrapolating: the best
  // of three warm runs on 64 KB, so one collection cannot tip the choice.
  const probe = text.slice(0, 65536);
  countRegExp(re, probe);
  let probeMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const t0 = cpuMs();
    countRegExp(re, probe);
    probeMs = Math.min(probeMs, cpuMs() - t0);
  }
  const rate = probe.length / Math.max(probeMs, 0.01); // chars per ms
  const matches = runEngine(ix, pages);
  const chunkMatches = runEngineChunks(ix, pages);
  if (chunkMatches !== matches) {
    throw new Error(`match bench: ${matches} matches on page text, ${chunkMatches} on chunks`);
  }
  // The RegExp takes its turns too when it is fast enough to run whole.
  const whole = rate * 1000 >= text.length;
  const [engineMs = 0, chunkMs = 0, reMs = 0, joinMs = 0] = warmTurns(
    [
      () => runEngine(ix, pages),
      () => runEngineChunks(ix, pages),
      ...(whole ? [() => runRegExp(re, pages), () => runRegExpJoining(re, pages)] : []),
    ],
    ROUNDS,
    RUNS,
  );
  const common = {
    mbps: mbps(text.length, engineMs),
    matches,
    chunkMbps: mbps(text.length, chunkMs),
  };
  if (whole) {
    return {
      ...common,
      reMbps: mbps(text.length, reMs),
      reNote: "whole text",
      joinMbps: mbps(text.length, joinMs),
    };
  }
  const size = Math.min(200_000, Math.max(8000, Math.round(rate * 2000)));
  const slice = text.slice(0, size);
  const sliceMs = timeMs(() => countRegExp(re, slice), 2, 0);
  return {
    ...common,
    reMbps: mbps(size, sliceMs),
    reNote: `first ${Math.round(size / 1000)} KB, extrapolated`,
    joinMbps: Number.NaN,
  };
}

function measure(
  label: string,
  patterns: MatchPattern[],
  pages: readonly Page[],
  text: string,
): Row & { ix: MatchIndex } {
  const buildMs = timeMs(() => buildIndex(patterns), 3, 1);
  const json = JSON.stringify(serializeIndex(buildIndex(patterns)));
  const parseMs = timeMs(() => JSON.parse(json), 5, 1);
  const parsed = JSON.parse(json) as SerializedIndex;
  const loadMs = timeMs(() => loadIndex(parsed), 5, 1);
  // Ready to match: loaded, and a first match done.
  const readyMs = timeMs(() => matchChunks(loadIndex(parsed), [READY_TEXT]), 5, 1);

  gc();
  const before = memoryNow();
  const ix = loadIndex(JSON.parse(json) as SerializedIndex);
  gc();
  const heapMB = (memoryNow() - before) / 1e6;

  const t = throughput(
    ix,
    patterns.map((p) => p.text),
    pages,
    text,
  );
  return {
    ix,
    label,
    terms: patterns.length,
    ...t,
    buildMs,
    sizeKB: json.length / 1000,
    parseMs,
    loadMs,
    readyMs,
    heapMB,
  };
}

function table(rows: Row[]): string {
  const head = ["glossary", "terms", "engine MB/s", "RegExp MB/s", "ratio", "build ms"];
  const head2 = ["JSON KB", "JSON.parse ms", "load ms", "ready ms", "heap MB", "matches"];
  const head3 = ["chunks MB/s", "RegExp+join MB/s", "chunks ratio"];
  const ratio = (a: number, b: number) => (Number.isNaN(b) ? "-" : `${(a / b).toFixed(2)}x`);
  const cells = rows.map((r) => [
    r.label,
    String(r.terms),
    r.mbps.toFixed(1),
    `${r.reMbps.toFixed(2)} (${r.reNote})`,
    ratio(r.mbps, r.reMbps),
    r.buildMs.toFixed(1),
    r.sizeKB.toFixed(0),
    r.parseMs.toFixed(1),
    r.loadMs.toFixed(1),
    r.readyMs.toFixed(1),
    r.heapMB.toFixed(1),
    String(r.matches),
    r.chunkMbps.toFixed(1),
    Number.isNaN(r.joinMbps) ? "-" : r.joinMbps.toFixed(1),
    ratio(r.chunkMbps, r.joinMbps),
  ]);
  const all = [[...head, ...head2, ...head3], ...cells];
  const widths = all[0]?.map((_, c) => Math.max(...all.map((row) => (row[c] ?? "").length))) ?? [];
  const line = (row: string[]) => `| ${row.map((s, c) => s.padEnd(widths[c] ?? 0)).join(" | ")} |`;
  return [line(all[0] ?? []), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

function bar(ok: boolean, what: string): string {
  return `${ok ? "PASS" : "FAIL"}  ${what}`;
}

export async function runMatchBench(root: string): Promise<void> {
  const corpus = join(root, "../shared/corpus");
  if (!existsSync(join(corpus, "pages"))) {
    console.log(`match bench: ${corpus} is absent, corpus part skipped`);
    return;
  }
  const pages = loadPages(join(corpus, "pages"));
  const text = pages.map((p) => p.text).join("");
  const chunkCount = pages.reduce((n, p) => n + p.chunks.length, 0);
  console.log(
    `match bench: ${pages.length} pages, ${(text.length / 1e6).toFixed(2)} MB of visible text ` +
      `(1 MB = 10^6 UTF-16 code units; regex-based HTML text extraction), ${chunkCount} text chunks; ` +
      "engine and RegExp both get each page's text as one string; " +
      `median CPU time of ${ROUNDS * RUNS} warm runs, engine and RegExp taking turns (${ROUNDS} rounds of ${RUNS})`,
  );
  const seed = seedGlossary(root);
  const shipped = shippedGlossary(root);
  const rows = [
    measure(seed.label, seed.patterns, pages, text),
    measure(shipped.label, shipped.patterns, pages, text),
  ];
  const vocab = join(corpus, "vocab/combined_scale_glossary.tsv");
  if (existsSync(vocab)) rows.push(measure("78k vocabulary", scaleGlossary(vocab), pages, text));
  console.log(table(rows));
  console.log(
    "heap = heapUsed + arrayBuffers growth after gc with the loaded index alive; load = loadIndex on parsed " +
      "JSON; ready = load and a first match (warm median); for information: chunks = the engine on the page's " +
      "text nodes, against RegExp+join (join the " +
      "text nodes, then match), what each pays on a page's blocks",
  );

  const [seedRow, s, v] = rows;
  if (seedRow === undefined || s === undefined) return;
  // Issue 4's "seed >= RegExp" bar was met by the WebAssembly engine that
  // issue 12 removed; the JavaScript scanner is judged on the pages (the page
  // benchmark), so this is printed, not judged.
  console.log(
    `seed: engine ${(seedRow.mbps / seedRow.reMbps).toFixed(1)}x the RegExp alternation on whole text, ` +
      `${(seedRow.chunkMbps / seedRow.joinMbps).toFixed(1)}x on text nodes (information)`,
  );
  console.log(`shipped: engine ${(s.mbps / s.reMbps).toFixed(1)}x the RegExp alternation (information)`);
  if (v === undefined) {
    console.log("78k vocabulary absent: its bars are skipped");
    return;
  }
  // The 78k-term ratio against the RegExp is printed in the table, not a bar:
  // the WebAssembly engine it once measured was removed (the history is in git).
  console.log(`78k: engine ${(v.mbps / v.reMbps).toFixed(0)}x the RegExp alternation (information)`);
  // Head to head: both engines in the same turns, so a slow spell of a shared
  // machine weighs on both alike (the rows above were measured seconds apart).
  const [shippedMs = 0, bigMs = 0] = warmTurns(
    [() => runEngine(s.ix, pages), () => runEngine(v.ix, pages)],
    ROUNDS + 2,
    RUNS,
  );
  const shippedMbps = mbps(text.length, shippedMs);
  const bigMbps = mbps(text.length, bigMs);
  console.log(
    bar(
      bigMbps >= shippedMbps / 2,
      `78k: throughput >= half of the shipped glossary's (${bigMbps.toFixed(0)} vs ${shippedMbps.toFixed(0)} MB/s, ` +
        `${((100 * bigMbps) / shippedMbps).toFixed(0)}%, both in the same ${ROUNDS + 2} rounds of turns)`,
    ),
  );
  console.log(bar(v.buildMs <= 1000, `78k: index build <= 1 s (${v.buildMs.toFixed(0)} ms)`));
  console.log(
    bar(
      v.readyMs <= 100,
      `78k: load serialized index <= 100 ms (${v.readyMs.toFixed(1)} ms ready to match: load ${v.loadMs.toFixed(1)} ms ` +
        `+ first match; JSON.parse ${v.parseMs.toFixed(1)} ms before)`,
    ),
  );
  console.log(bar(v.heapMB <= 100, `78k: heap <= 100 MB (${v.heapMB.toFixed(1)} MB)`));
}
