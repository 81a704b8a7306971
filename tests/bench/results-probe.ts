// Bundled by results.ts (esbuild) and run inside a benchmark page: the
// content script's own code, timed apart. The scan: reading the page's blocks
// (collectBlocks) and matching and marking them (PageTerms); then the result
// detection added to each batch of blocks (PageResults, as in
// entrypoints/content-script/session.ts).

import { PageTerms } from "../../entrypoints/content-script/highlighter";
import { PageResults } from "../../entrypoints/content-script/page-results";
import { collectBlocks } from "../../entrypoints/content-script/text-blocks";
import { resultReading } from "../../entrypoints/results-script/readers";
import data from "../../glossary/generated/content-data.json";
import { loadIndex, type SerializedIndex } from "../../glossary/match/index";

const index = loadIndex(data.index as unknown as SerializedIndex);

(globalThis as unknown as { termlensResultsProbe: () => unknown }).termlensResultsProbe = () => {
  const terms = new PageTerms(index, new Set(data.everyday));
  const results = new PageResults(resultReading);
  const t0 = performance.now();
  // The scan: reading the page's blocks, then matching and marking them.
  const blocks = collectBlocks(document.body);
  terms.add(blocks);
  terms.work(() => false);
  const t1 = performance.now();
  results.add(blocks);
  const t2 = performance.now();
  return { scanMs: t1 - t0, detectMs: t2 - t1, rows: results.size, terms: terms.size, blocks: blocks.length };
};
