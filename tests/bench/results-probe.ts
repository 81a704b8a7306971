// Bundled by results.ts (esbuild) and run inside a benchmark page: the
// content script's own code, timed apart. The scan: reading the page's blocks
// (collectBlocks) and matching and marking them (PageTerms); then the result
// detection added to each batch of blocks (PageResults, as in
// entrypoints/content-script/session.ts), with the readers the results script
// brings (near-block.ts; the card is left out, it draws nothing here).
//
// For the cost per result row, a read is one PageResults.add on the page's
// blocks (collected beforehand): finding the result layouts, reading their
// rows, marking them. Each timed read runs alone in a task of its own,
// marked for the trace by a console.timeStamp, so results.ts reads its
// thread CPU time from a trace; an empty task, timed alike, is the floor
// results.ts subtracts.

import { PageTerms } from "../../entrypoints/content-script/highlighter";
import { PageResults } from "../../entrypoints/content-script/page-results";
import { collectBlocks, type TextBlock } from "../../entrypoints/content-script/text-blocks";
import data from "../../glossary/generated/content-data.json";
import { loadIndex, type SerializedIndex } from "../../glossary/match/index";
import { containerForBlock } from "../../lib/results/near-block";
import type { ResultReading } from "../../lib/results/reading";

const index = loadIndex(data.index as unknown as SerializedIndex);
const reading: ResultReading = { containerForBlock, renderCard() {} };

const probe = globalThis as unknown as Record<string, unknown>;

/**
 * Each part is run this many times in a row and timed as a whole: the clock
 * here ticks in 0.1 ms steps, about what detection takes on a page.
 */
const REPEAT = 10;

probe.termlensResultsProbe = () => {
  const everyday = new Set(data.everyday);
  let terms = new PageTerms(index, everyday);
  let results = new PageResults(reading);
  let blocks: readonly TextBlock[] = [];
  const t0 = performance.now();
  for (let i = 0; i < REPEAT; i++) {
    // The scan: reading the page's blocks, then matching and marking them.
    terms = new PageTerms(index, everyday);
    blocks = collectBlocks(document.body);
    terms.add(blocks);
    terms.work(() => false);
  }
  const t1 = performance.now();
  for (let i = 0; i < REPEAT; i++) {
    results = new PageResults(reading);
    results.add(blocks);
  }
  const t2 = performance.now();
  return {
    scanMs: (t1 - t0) / REPEAT,
    detectMs: (t2 - t1) / REPEAT,
    rows: results.size,
    terms: terms.size,
    blocks: blocks.length,
  };
};

let blocks: readonly TextBlock[] = [];

/** Collects the page's blocks for the reads (untimed); returns how many. */
probe.termlensResultsBlocks = () => {
  blocks = collectBlocks(document.body);
  return blocks.length;
};

/** `n` reads of the page's rows in this task, untimed (a warm-up); returns the rows of the last. */
probe.termlensResultsReads = (n: number) => {
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const results = new PageResults(reading);
    results.add(blocks);
    rows = results.size;
  }
  return rows;
};

/**
 * One read in a task of its own, marked `stamp` for the trace; resolves to
 * the rows found. `empty`: the same task without the read (what the clock
 * counts besides it: the timer's task, the mark).
 */
probe.termlensResultsTimedRead = (stamp: string, empty = false) =>
  new Promise<number>((done) => {
    const results = new PageResults(reading);
    setTimeout(() => {
      console.timeStamp(stamp);
      if (!empty) results.add(blocks);
      // Answered from the next task: the answer's work (the caller's promise
      // callbacks, the result sent back) stays out of the timed one.
      setTimeout(() => done(results.size), 0);
    }, 0);
  });
