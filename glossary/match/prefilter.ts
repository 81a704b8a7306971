// The fast path of matchChunks: a WebAssembly pass (wasm/prefilter.ts) over
// the UTF-8 bytes of the text lists the few offsets where a match may start
// (every offset where one does: see prefilter-keys.ts and the header of
// wasm/prefilter.ts); the exact matcher in WebAssembly (wasm/exact.ts)
// settles those, and hands to the JavaScript scanner (scan.ts) only those
// whose walk meets an astral character or U+FFFD (maybe a lone surrogate
// before encoding); the scanner runs from the last separator before each.
// Otherwise JavaScript never reads the text.
//
// The JavaScript scanner alone reads every character (about 280-300 MB/s here
// with our glossary, below V8's own RegExp engine); the SIMD pass reads 64
// bytes per step.
//
// Off until enablePrefilter() is called, and the content script never calls
// it, for two measured reasons:
// - On a page whose security policy forbids WebAssembly, compiling it in the
//   content script's world fails *and* fires a securitypolicyviolation at the
//   page (and maybe a report to its server): the site would learn Termlens is
//   there (tests/e2e/page-policy.test.ts shows it).
// - Where it may compile, it still costs the page more than it saves: a page's
//   blocks are short, and compiling plus copying the index in costs a few ms
//   per frame. On the 9 big corpus pages our median scan time was 20.8 ms with
//   it and 14.5 ms without (npm run bench's page part, 5 runs each).
// So the fast path serves long texts in a warm process (the benchmark, tools);
// without it matchChunks uses the scanner alone: same matches.
import { C_SEP, CLASS, charClass } from "./chars";
import { setFastPath } from "./fast-path";
import { scanChunks } from "./scan";
import type { MatchIndex } from "./types";
import { activate, ensureBytes, type Runtime, startRuntime } from "./wasm-runtime";

/** Below this many code units the call costs more than reading the text. */
export const MIN_TEXT = 48;
/** Above this the buffers would hold on to too much memory for one call. */
export const MAX_TEXT = 1 << 20;

let runtime: Runtime | null = null;

const encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;

/**
 * Compiles the WebAssembly part, once; returns whether the fast path is on.
 * Call it only where WebAssembly may compile (see the header).
 */
export function enablePrefilter(): boolean {
  runtime ??= startRuntime();
  if (runtime !== null) setFastPath(matchFast);
  return runtime !== null;
}

/** The JavaScript scanner on candidate p of text, from where it may stand; returns where it stands after. */
function scanAround(ix: MatchIndex, one: string[], p: number, pos: number, out: number[]): number {
  const text = one[0] as string;
  // An astral character is two units, and its second may begin a pattern
  // (a lone low surrogate is a punctuation token of its own).
  const c = text.charCodeAt(p);
  const limit = c >= 0xd800 && c <= 0xdbff ? p + 1 : p;
  if (limit < pos) return pos;
  // Back to just after a separator: the scanner stands there whatever came
  // before, as no token (matched or not) runs across a separator unmatched.
  const cls = CLASS;
  let q = p;
  while (q > pos) {
    const d = text.charCodeAt(q - 1);
    if (((cls[d] as number) || charClass(d)) === C_SEP) break;
    q--;
  }
  return scanChunks(ix, one, out, Math.max(q, pos), limit);
}

/** Size of the module's memory (its tables and text buffers), 0 when off. */
export function prefilterMemoryBytes(): number {
  return runtime?.ex.memory.buffer.byteLength ?? 0;
}

/**
 * The fast path as matchChunks calls it: one string, joined only for a block
 * whose length is in [MIN_TEXT, MAX_TEXT]; others are left to the scanner.
 */
function matchFast(ix: MatchIndex, chunks: readonly string[], out: number[]): boolean {
  let n = 0;
  for (const c of chunks) n += c.length;
  if (n < MIN_TEXT || n > MAX_TEXT) return false;
  return prefilterScan(ix, chunks.length === 1 ? (chunks[0] as string) : chunks.join(""), out);
}

/**
 * Appends the matches of text (as scanChunks would for [text]) to out and
 * returns true; returns false, leaving out alone, when the fast path is off.
 */
export function prefilterScan(ix: MatchIndex, text: string, out: number[]): boolean {
  const n = text.length;
  const rt = runtime;
  if (rt === null || encoder === null) return false;
  activate(rt, ix);
  const textAt = rt.textAt;
  const candAt = (textAt + 3 * n + 64 + 63) & ~63;
  const matchesAt = candAt + 8 * (n + 1);
  ensureBytes(rt, matchesAt + 12 * (n + 1));
  const { u8, ex } = rt;
  const written = encoder.encodeInto(text, u8.subarray(textAt, textAt + 3 * n)).written;
  u8.fill(0, textAt + written, textAt + written + 64);
  const count = ex.scan(textAt, written, candAt);
  const i32 = rt.i32;
  const one = [text];
  let pos = 0; // where the scanner stands: all before it is done
  let k = 0;
  while (k < count) {
    k = ex.exact(textAt, written, candAt, k, count, pos, matchesAt);
    for (let m = matchesAt >> 2, end = m + 3 * ex.lastMatchCount(); m < end; m += 3) {
      out.push(i32[m] as number, i32[m + 1] as number, i32[m + 2] as number);
    }
    pos = ex.lastResume();
    if (k >= count) break;
    pos = scanAround(ix, one, i32[(candAt >> 2) + 2 * k + 1] as number, pos, out);
    k++;
  }
  return true;
}
