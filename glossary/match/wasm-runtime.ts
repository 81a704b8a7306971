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
const BITS_AT = LEAD_AT + 8192;

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
  ): void;
  setupExact(
    slots: number,
    mask: number,
    shift: number,
    next: number,
    formStart: number,
    formLength: number,
    formBytes: number,
    caseSensitive: number,
  ): void;
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

/** Forms as bytes for the exact matcher: ASCII forms only (others get length -1). */
interface FormBytes {
  start: Int32Array;
  length: Int32Array;
  bytes: Uint8Array;
}

const formBytesOf = new WeakMap<MatchIndex, FormBytes>();
// Built at an index's first use here, not at load: where WebAssembly never
// runs (the popup, pages whose policy forbids it) they would be wasted.
const tablesOf = new WeakMap<MatchIndex, PrefilterTables>();

function prefilterTables(ix: MatchIndex): PrefilterTables {
  let t = tablesOf.get(ix);
  if (t === undefined) {
    t = buildPrefilterTables(ix.forms);
    tablesOf.set(ix, t);
  }
  return t;
}

function formBytes(ix: MatchIndex): FormBytes {
  let f = formBytesOf.get(ix);
  if (f !== undefined) return f;
  const count = ix.forms.length;
  const start = new Int32Array(count);
  const length = new Int32Array(count);
  let total = 0;
  for (const form of ix.forms) total += form.length;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (let p = 0; p < count; p++) {
    const form = ix.forms[p] as string;
    let ascii = true;
    for (let i = 0; i < form.length && ascii; i++) ascii = form.charCodeAt(i) < 0x80;
    start[p] = at;
    length[p] = ascii ? form.length : -1;
    if (!ascii) continue;
    for (let i = 0; i < form.length; i++) bytes[at++] = form.charCodeAt(i);
  }
  f = { start, length, bytes: bytes.subarray(0, at) };
  formBytesOf.set(ix, f);
  return f;
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/** Makes ix the index the module reads, copying its tables in (once per switch). */
export function activate(rt: Runtime, ix: MatchIndex): void {
  if (rt.active === ix) return;
  const t = prefilterTables(ix);
  const f = formBytes(ix);
  const { slots, mask, shift } = ix.table;
  const pairsAt = BITS_AT + t.bits.byteLength;
  const slotsAt = align(pairsAt + t.pairs.byteLength, 64);
  const nextAt = slotsAt + slots.byteLength;
  const startAt = nextAt + ix.next.byteLength;
  const lengthAt = startAt + f.start.byteLength;
  const caseAt = lengthAt + f.length.byteLength;
  const bytesAt = caseAt + ix.caseSensitive.byteLength;
  rt.textAt = align(bytesAt + f.bytes.byteLength, 64);
  ensureBytes(rt, rt.textAt + PAGE);
  const { i32, u8 } = rt;
  i32.set(t.first, FIRST_AT >> 2);
  i32.set(t.lead, LEAD_AT >> 2);
  i32.set(t.bits, BITS_AT >> 2);
  i32.set(t.pairs, pairsAt >> 2);
  i32.set(slots, slotsAt >> 2);
  i32.set(ix.next, nextAt >> 2);
  i32.set(f.start, startAt >> 2);
  i32.set(f.length, lengthAt >> 2);
  u8.set(ix.caseSensitive, caseAt);
  u8.set(f.bytes, bytesAt);
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
  );
  rt.ex.setupExact(slotsAt, mask, shift, nextAt, startAt, lengthAt, bytesAt, caseAt);
  rt.active = ix;
}
