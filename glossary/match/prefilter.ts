// The fast path of matchChunks: a WebAssembly pass (wasm/prefilter.ts) over
// the UTF-8 bytes of the text lists the few offsets where a match may start,
// and the exact scanner (scan.ts) runs only around those, from the last
// separator before each. Every offset where a match starts is listed (see
// prefilter-keys.ts and the module header of wasm/prefilter.ts); the rest of
// the text, most of it, is never read by JavaScript.
//
// The JavaScript scanner alone reads every character (about 350 MB/s here at
// best, below V8's own RegExp engine); the SIMD pass reads 64 bytes per step.
//
// Off until enablePrefilter() is called: in a content script, compiling
// WebAssembly on a page whose security policy forbids it would fail *and*
// tell the page (lib/page-policy.ts), so the caller decides. Until then, or
// where WebAssembly cannot run, matchChunks uses the scanner alone: same
// matches, slower.
import { C_APOS, C_IGN, C_OTHER, C_SEP, C_WORD, CLASS, charClass, fold } from "./chars";
import type { PrefilterTables } from "./prefilter-keys";
import { scanChunks } from "./scan";
import type { MatchIndex } from "./types";
import { PREFILTER_WASM } from "./wasm/prefilter-wasm";

/** Below this many code units the call costs more than reading the text. */
export const MIN_TEXT = 48;
/** Above this the buffers would hold on to too much memory for one call. */
export const MAX_TEXT = 1 << 20;

const PAGE = 65536;
const FLAGS_AT = PAGE;
const FOLDS_AT = 2 * PAGE;
const FIRST_AT = 4 * PAGE;
const LEAD_AT = FIRST_AT + 8192;
const BITS_AT = LEAD_AT + 8192;

interface Exports {
  memory: WebAssembly.Memory;
  setup(
    flags: number,
    folds: number,
    first: number,
    lead: number,
    bits: number,
    bitsShift: number,
    pairs: number,
    pairsShift: number,
    punct: number,
    manyPunct: number,
  ): void;
  scan(text: number, len: number, out: number): number;
}

interface Runtime {
  ex: Exports;
  u8: Uint8Array;
  i32: Int32Array;
  tables: PrefilterTables | null;
  textAt: number;
}

/** What cls() answers for a BMP code point: flags (see wasm/prefilter.ts) | fold << 8. */
export function classBits(cp: number): number {
  if (cp === 0xfffd) return 16 | 32; // maybe a lone surrogate, which UTF-8 cannot carry
  const k = charClass(cp);
  const plain = k === C_SEP || k === C_OTHER ? 1 : 0;
  const noStart = k === C_SEP || k === C_IGN ? 4 : 0;
  const apos = k === C_APOS ? 8 : 0;
  const f = fold(cp);
  // A word runs on through these, so the ASCII part before them proves nothing.
  const odd = k === C_IGN || (k === C_WORD && f < 0x80) ? 32 : 0;
  return plain | noStart | apos | odd | (f << 8);
}

let runtime: Runtime | null = null;

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function start(): Runtime | null {
  try {
    if (typeof WebAssembly !== "object") return null;
    // Synchronous compilation: the module is 2 KB, under the size browsers
    // allow synchronously on a page's thread.
    const module = new WebAssembly.Module(decodeBase64(PREFILTER_WASM) as BufferSource);
    const instance = new WebAssembly.Instance(module, { env: { cls: classBits } });
    const ex = instance.exports as unknown as Exports;
    return { ex, u8: new Uint8Array(0), i32: new Int32Array(0), tables: null, textAt: 0 };
  } catch {
    return null; // a page's or an extension's policy forbids WebAssembly
  }
}

function ensureBytes(rt: Runtime, bytes: number): void {
  const mem = rt.ex.memory;
  if (mem.buffer.byteLength < bytes) mem.grow(Math.ceil((bytes - mem.buffer.byteLength) / PAGE));
  if (rt.u8.buffer !== mem.buffer) {
    rt.u8 = new Uint8Array(mem.buffer);
    rt.i32 = new Int32Array(mem.buffer);
  }
}

function activate(rt: Runtime, t: PrefilterTables): void {
  if (rt.tables === t) return;
  const pairsAt = BITS_AT + t.bits.byteLength;
  rt.textAt = (pairsAt + t.pairs.byteLength + 63) & ~63;
  ensureBytes(rt, rt.textAt + PAGE);
  rt.i32.set(t.first, FIRST_AT >> 2);
  rt.i32.set(t.lead, LEAD_AT >> 2);
  rt.i32.set(t.bits, BITS_AT >> 2);
  rt.i32.set(t.pairs, pairsAt >> 2);
  rt.ex.setup(
    FLAGS_AT,
    FOLDS_AT,
    FIRST_AT,
    LEAD_AT,
    BITS_AT,
    t.bitsShift,
    pairsAt,
    t.pairsShift,
    t.punct,
    t.manyPunct ? 1 : 0,
  );
  rt.tables = t;
}

const encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;

/**
 * Compiles the WebAssembly part, once; returns whether the fast path is on.
 * Call it only where WebAssembly may compile (see the header).
 */
export function enablePrefilter(): boolean {
  runtime ??= start();
  return runtime !== null;
}

export function prefilterEnabled(): boolean {
  return runtime !== null;
}

/**
 * Appends the matches of text (as scanChunks would for [text]) to out and
 * returns true; returns false, leaving out alone, when the fast path is off
 * or text is outside [MIN_TEXT, MAX_TEXT] (unless forced).
 */
export function prefilterScan(ix: MatchIndex, text: string, out: number[], force = false): boolean {
  const n = text.length;
  if (!force && (n < MIN_TEXT || n > MAX_TEXT)) return false;
  const rt = runtime;
  if (rt === null || encoder === null) return false;
  activate(rt, ix.prefilter);
  const textAt = rt.textAt;
  const outAt = (textAt + 3 * n + 64 + 63) & ~63;
  ensureBytes(rt, outAt + 4 * (n + 1));
  const u8 = rt.u8;
  const written = encoder.encodeInto(text, u8.subarray(textAt, textAt + 3 * n)).written;
  u8.fill(0, textAt + written, textAt + written + 64);
  const count = rt.ex.scan(textAt, written, outAt);
  const cand = rt.i32;
  const cls = CLASS;
  const one = [text];
  let pos = 0; // where the scanner stands: all before it is done
  for (let k = outAt >> 2, end = k + count; k < end; k++) {
    const p = cand[k] as number;
    // An astral character is two units, and its second may begin a pattern
    // (a lone low surrogate is a punctuation token of its own).
    const c = text.charCodeAt(p);
    const limit = c >= 0xd800 && c <= 0xdbff ? p + 1 : p;
    if (limit < pos) continue;
    // Back to just after a separator: the scanner stands there whatever came
    // before, as no token (matched or not) runs across a separator unmatched.
    let q = p;
    while (q > pos) {
      const d = text.charCodeAt(q - 1);
      if (((cls[d] as number) || charClass(d)) === C_SEP) break;
      q--;
    }
    pos = scanChunks(ix, one, out, Math.max(q, pos), limit);
  }
  return true;
}
