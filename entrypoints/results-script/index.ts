// The lab-result readers and card (lib/results, components/ResultCard),
// injected by the background into a frame whose content script met a block
// that may hold results (entrypoints/content-script/page-results.ts). Kept
// out of content-script.js so every other frame loads less; not a
// web-accessible resource, so no page can probe for it. It lives in the
// content scripts' isolated world, which the page cannot read.

import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { RESULT_READING_KEY } from "../../lib/results/reading";
import { resultReading } from "./readers";

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[RESULT_READING_KEY] = resultReading;
});
