// The glossary's matching index as a frame receives it: evaluates the built
// content-index.js in a fresh context (as Chrome injects it before the content
// script) and times loadIndex on what it leaves there. Run as a child process
// (`node --import tsx tests/bench/index-load.ts <content-index.js>`), it prints
// the milliseconds of one cold call, the cost a new frame pays, as JSON:
// wall time and the process's CPU time (which counts V8's helper threads too).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { loadIndex, type SerializedIndex } from "../../glossary/match/index";
import { injectedContentData } from "../../lib/content-data";
import { cpuMs } from "./measure";

/** The serialized index the built content-index.js leaves in its world. */
export function shippedIndex(contentIndexJs: string): SerializedIndex {
  const world = createContext({});
  runInContext(readFileSync(contentIndexJs, "utf8"), world);
  const data = injectedContentData(world);
  if (!data) throw new Error(`${contentIndexJs} did not leave a matching index`);
  return data.index;
}

export interface LoadTime {
  wallMs: number;
  cpuMs: number;
}

/** Milliseconds of one loadIndex call. */
export function timeLoad(index: SerializedIndex): LoadTime {
  const c0 = cpuMs();
  const t0 = performance.now();
  loadIndex(index);
  const wallMs = performance.now() - t0;
  return { wallMs, cpuMs: cpuMs() - c0 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: index-load.ts <content-index.js>");
  const index = shippedIndex(file);
  console.log(JSON.stringify(timeLoad(index)));
}
