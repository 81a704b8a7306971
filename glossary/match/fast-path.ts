// The engine's optional fast path, registered by enablePrefilter()
// (prefilter.ts) once its WebAssembly is compiled. Kept apart so that where it
// is never enabled (the content script, the popup) matchChunks pays nothing
// for it, not even joining a block's chunks, and bundles none of it.
import type { MatchIndex } from "./types";

/** Appends the matches of chunks to out and returns true, or returns false to leave them to the scanner. */
export type FastPath = (ix: MatchIndex, chunks: readonly string[], out: number[]) => boolean;

let fast: FastPath | null = null;

export function setFastPath(fn: FastPath): void {
  fast = fn;
}

export function fastPath(): FastPath | null {
  return fast;
}

/** Whether the fast path is compiled and on. */
export function prefilterEnabled(): boolean {
  return fast !== null;
}
