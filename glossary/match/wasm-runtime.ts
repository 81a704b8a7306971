// The WebAssembly module of the fast path (wasm/prefilter.ts and
// wasm/exact.ts): compiling it, its memory layout, and copying an index's
// tables into it when that index is used.
import { C_APOS, C_IGN, C_OTHER, C_SEP, C_WORD, charClass, fold } from "./chars";
import { buildPrefilterTables, type PrefilterTables } from "./prefilter-keys";
import type { MatchIndex } from "./types";
import { PREFILTER_WASM } from "./wasm/prefilter-wasm";

const PAGE = 65536;
const FLAGS_AT = PAGE;
const FOLDS_AT = 2 * PAGE;
const FIRST_AT = 4 * PAGE;
const LEAD_AT = FIRST_AT + 8192;
/** The prefilter's scratch (wasm/prefilter.ts): a block's words that go on (32 of 16 bytes), its words' keys (64 of 8). */
const SCRATCH_AT = LEAD_AT + 8192;
const PUNCT_ALONE_AT = SCRATCH_AT + 1024;
const BITS_AT = PUNCT_ALONE_AT + 64;

export interface Exports {
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
    punctMode: number,
    scratch: number,
    punctAlone: number,
  ): void;
  setupExact(slots: number, mask: number, shift: number, records: number, forms: number): void;
  scan(text: number, len: number, out: number): number;
  exact(
    text: number,
    len: number,
    cand: number,
    k: number,
    count: number,
    resume: number,
    out: number,
  ): number;
  lastResume(): number;
  lastMatchCount(): number;
}

export interface Runtime {
  ex: Exports;
  u8: Uint8Array;
  i32: Int32Array;
  active: MatchIndex | null;
  /** Where the text goes: after the active index's tables. */
  textAt: number;
}

/** What cls() answers for a BMP code point: flags (see wasm/unicode.ts) | fold << 8. */
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

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The compiled module, or null where WebAssembly cannot run. */
export function startRuntime(): Runtime | null {
  try {
    if (typeof WebAssembly !== "object") return null;
    // Synchronous compilation: the module is a few KB, under the size
    // browsers allow synchronously on a page's thread.
    const module = new WebAssembly.Module(decodeBase64(PREFILTER_WASM) as BufferSource);
    const instance = new WebAssembly.Instance(module, { env: { cls: classBits } });
    const ex = instance.exports as unknown as Exports;
    return { ex, u8: new Uint8Array(0), i32: new Int32Array(0), active: null, textAt: 0 };
  } catch {
    return null; // a policy forbids WebAssembly, or the engine lacks SIMD
  }
}

export function ensureBytes(rt: Runtime, bytes: number): void {
  const mem = rt.ex.memory;
  if (mem.buffer.byteLength < bytes) mem.grow(Math.ceil((bytes - mem.buffer.byteLength) / PAGE));
  if (rt.u8.buffer !== mem.buffer) {
    rt.u8 = new Uint8Array(mem.buffer);
    rt.i32 = new Int32Array(mem.buffer);
  }
}

/**
 * The patterns as the exact matcher reads them: a 16-byte record each (next
 * of its chain, form start, form length, case-sensitive) and the forms' code units.
 */
interface ExactTables {
  records: Int32Array;
  units: Uint16Array;
}

// Both built at an index's first use here, not at load: where WebAssembly
// never runs (the content script, the popup) they would be wasted.
const exactOf = new WeakMap<MatchIndex, ExactTables>();
const tablesOf = new WeakMap<MatchIndex, PrefilterTables>();

function prefilterTables(ix: MatchIndex): PrefilterTables {
  let t = tablesOf.get(ix);
  if (t === undefined) {
    t = buildPrefilterTables(ix.forms, ix.caseSensitive);
    tablesOf.set(ix, t);
  }
  return t;
}

function exactTables(ix: MatchIndex): ExactTables {
  let t = exactOf.get(ix);
  if (t !== undefined) return t;
  // One pass over the joined forms (forms[p] starts after p line breaks):
  // much faster than reading 78k strings one by one.
  const joined = ix.data.forms;
  const units = new Uint16Array(joined.length);
  for (let i = 0; i < joined.length; i++) units[i] = joined.charCodeAt(i);
  const count = ix.forms.length;
  const records = new Int32Array(4 * count);
  let at = 0;
  for (let p = 0; p < count; p++) {
    const length = (ix.forms[p] as string).length;
    records[4 * p] = ix.next[p] as number;
    records[4 * p + 1] = at;
    records[4 * p + 2] = length;
    records[4 * p + 3] = ix.caseSensitive[p] as number;
    at += length + 1;
  }
  t = { records, units };
  exactOf.set(ix, t);
  return t;
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/** Makes ix the index the module reads, copying its tables in (once per switch). */
export function activate(rt: Runtime, ix: MatchIndex): void {
  if (rt.active === ix) return;
  const t = prefilterTables(ix);
  const e = exactTables(ix);
  const { slots, mask, shift } = ix.table;
  const pairsAt = BITS_AT + t.bits.byteLength;
  const slotsAt = align(pairsAt + t.pairs.byteLength, 64);
  const recordsAt = slotsAt + slots.byteLength;
  const unitsAt = recordsAt + e.records.byteLength;
  rt.textAt = align(unitsAt + e.units.byteLength, 64);
  ensureBytes(rt, rt.textAt + PAGE);
  const { i32, u8 } = rt;
  i32.set(t.first, FIRST_AT >> 2);
  i32.set(t.lead, LEAD_AT >> 2);
  i32.set(t.punctAlone, PUNCT_ALONE_AT >> 2);
  i32.set(t.bits, BITS_AT >> 2);
  i32.set(t.pairs, pairsAt >> 2);
  i32.set(slots, slotsAt >> 2);
  i32.set(e.records, recordsAt >> 2);
  new Uint16Array(u8.buffer, unitsAt, e.units.length).set(e.units);
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
    t.punctMode,
    SCRATCH_AT,
    PUNCT_ALONE_AT,
  );
  rt.ex.setupExact(slotsAt, mask, shift, recordsAt, unitsAt);
  rt.active = ix;
}
