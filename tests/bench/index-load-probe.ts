// Bundled by index-load.ts (esbuild) and evaluated in an isolated world of a
// fresh Chromium frame: what the content script does with the injected index
// first (entrypoints/content-script/index.ts reads it, session.ts loads it and
// keeps it).

import { loadIndex } from "../../glossary/match/index";
import { injectedContentData } from "../../lib/content-data";

const world = globalThis as Record<string, unknown>;

world.termlensIndexProbe = (): void => {
  const data = injectedContentData();
  if (!data) throw new Error("content-index.js left no matching index");
  world.termlensIndexLoaded = loadIndex(data.index);
};
