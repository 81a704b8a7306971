// AssemblyScript, compiled to WebAssembly by build.ts (`npm run wasm`); the
// JavaScript side is ../prefilter.ts, which also explains the contract.
//
// One pass over the UTF-8 bytes of a text, 64 bytes at a time with SIMD,
// that lists the UTF-16 offsets where a match may start: ASCII words that
// pass a Bloom-like bit test keyed by the word and the case of its first
// letter (a pattern is the word; or some pattern goes on from it, and then the
// pair of the word and its next token, a word or a punctuation character,
// must pass a second test); words that run into a character that may make
// them another word (zero-width, astral, the Kelvin sign, U+FFFD); ASCII
// punctuation that begins patterns (when it is a pattern alone, or its next
// token passes the pair test); and non-ASCII characters that may begin a
// pattern.
// Every offset where the JavaScript scanner could find a match is listed; most
// words of a page are not, which is the whole saving.

import { alnumMask16, gapMask, gapMask16, isAlnum } from "./bytes";
import { ALWAYS, APOS, decode, entry, foldOf, NOSTART, ODD, PLAIN, setupUnicode } from "./unicode";

export { exact, lastMatchCount, lastResume, setupExact } from "./exact";

// What follows an ASCII word: it ends plainly; it goes on (an apostrophe, a
// letter beyond ASCII: the next token JOIN_KEY of ../prefilter-keys.ts); or
// anything may happen.
const F_PLAIN: u32 = 0;
const F_JOIN: u32 = 1;
const F_ANY: u32 = 2;

// Word filter mixers; ../prefilter-keys.ts has the same numbers.
const MIX: u32 = 0x27d4eb2f;
const UPPER: u32 = 0x5bd1e995;
const JOIN_KEY: u32 = (0x27 | 0x10000) * 0x2545f491;
const PUNCT_FIRST: u32 = 0x68e31da4;

let first: usize = 0; // 65536-bit set: folded first code units of the patterns
let lead: usize = 0; // 65536-bit set: first two UTF-8 bytes of characters that may start a match
let bits: usize = 0; // word filter
let bitsShift: u32 = 0;
let pairs: usize = 0; // pair filter
let pairsShift: u32 = 0;
// ASCII bytes other than letters and digits that start patterns: none (0),
// up to four packed in punct (1; unused bytes 0xFF, which UTF-8 never has),
// or more (2: every such byte of the text is tested against the first set).
let punct: u32 = 0xffffffff;
let punctAlone: usize = 0; // 128-bit set: punctuation bytes that are a form alone
let goesOn: usize = 0; // scratch: the words of a block that go on, 16 bytes each
let keys: usize = 0; // scratch: key and follow of the word starting at each byte of a block, 8 bytes each
let punctMode: u32 = 0;

export function setup(
  flagsAt: usize,
  foldsAt: usize,
  firstAt: usize,
  leadAt: usize,
  bitsAt: usize,
  bShift: u32,
  pairsAt: usize,
  pShift: u32,
  punctBytes: u32,
  punctHow: u32,
  scratchAt: usize,
  punctAloneAt: usize,
): void {
  punctAlone = punctAloneAt;
  goesOn = scratchAt;
  keys = scratchAt + 512; // after goesOn: a block of 64 bytes has at most 32 word starts
  setupUnicode(flagsAt, foldsAt);
  first = firstAt;
  lead = leadAt;
  bits = bitsAt;
  bitsShift = bShift;
  pairs = pairsAt;
  pairsShift = pShift;
  punct = punctBytes;
  punctMode = punctHow;
}

@inline
function bitAt(set: usize, k: u32): bool {
  return ((load<u32>(set + ((<usize>(k >> 5)) << 2)) >> (k & 31)) & 1) != 0;
}

/** What follows an ASCII word whose next byte, at p, is b >= 0x80. */
function followHigh(p: usize, b: u32): u32 {
  const cp = decode(p, b);
  if (cp > 0xffff) return F_ANY;
  const f = entry(cp);
  if ((f & PLAIN) != 0) return F_PLAIN;
  return (f & ODD) != 0 ? F_ANY : F_JOIN;
}

@inline
function follow(p: usize): u32 {
  const b = <u32>load<u8>(p);
  if (b < 0x80) return b == 0x27 ? F_JOIN : F_PLAIN;
  return followHigh(p, b);
}

/** Whether the character at p (lead byte b) may start a match. */
function startsAt(p: usize, b: u32): bool {
  const cp = decode(p, b);
  if (cp > 0xffff) return true;
  const f = entry(cp);
  if ((f & ALWAYS) != 0) return true;
  if ((f & NOSTART) != 0) return false;
  const u: u32 = (f & APOS) != 0 ? 39 : foldOf(cp);
  return bitAt(first, u);
}

// Without branches: word lengths are as good as random to the branch
// predictor, and this runs for every word of a page. (For a word of one
// letter the u16 load reads a byte before it, which the select then drops.)
@inline
function wordKey(p: usize, len: u32): u32 {
  const f = (load<u32>(p) | 0x20202020) & <u32>(((<u64>1) << (<u64>min(len, 4) << 3)) - 1);
  const z = select<u32>(<u32>load<u16>(p + len - 2) | 0x2020, 0, len >= 2);
  return (f * 0x9e3779b1) ^ (z * 0x85ebca6b) ^ (len * 0xc2b2ae35);
}

/** Whether the pair of first-token key k and next-token key k2 is in the pair filter. */
@inline
function pairBit(k: u32, k2: u32): bool {
  return bitAt(pairs, ((k ^ rotl<u32>(k2, 16)) * 0x846ca68b) >> pairsShift);
}

/** Key of an ASCII character other than a letter or digit as the next token, after a gap or not. */
@inline
function punctKey(c: u32, gap: bool): u32 {
  return (c | (gap ? <u32>0x100 : 0) | 0x10000) * 0x2545f491;
}

/**
 * Whether the token after the first token ending at e (a plain ASCII word,
 * or an ASCII punctuation character), whose key is k, passes the pair filter: a word after a gap (its ASCII letters and digits, as
 * the tables key it whatever follows them, unless an ignorable or a letter
 * folding to ASCII makes them a different word), an ASCII character after a
 * gap or not; anything beyond ASCII passes, the end of the text does not.
 */
function nextPasses(text: usize, len: u32, k: u32, e: u32): bool {
  // Page text has long runs of spaces (indentation): 16 bytes per step.
  let q = e;
  for (;;) {
    const run = <u32>ctz(~gapMask16(text + q));
    q += run;
    if (run < 16) break;
  }
  if (q >= len) return false;
  const b = <u32>load<u8>(text + q);
  if (b >= 0x80) return true;
  // A word or a punctuation character: both keys are computed and one is
  // selected, as the branch predictor cannot guess which it will be.
  let r = q;
  for (;;) {
    const run = <u32>ctz(~alnumMask16(text + r));
    r += run;
    if (run < 16) break;
  }
  const word = r > q;
  if (word && follow(text + r) == F_ANY) return true;
  return pairBit(k, select<u32>(wordKey(text + q, r - q), punctKey(b, q > e), word));
}

/**
 * Scans the len bytes at text (followed by at least 64 zero bytes) and writes
 * the candidates, ascending, as (byte offset, UTF-16 offset) i32 pairs at
 * out; returns their count.
 */
export function scan(text: usize, len: u32, out: usize): u32 {
  const c31 = i8x16.splat(<i8>(128 - 97));
  const cAlphaEnd = i8x16.splat(<i8>(-128 + 26));
  const c80 = i8x16.splat(<i8>(128 - 48));
  const cDigitEnd = i8x16.splat(<i8>(-128 + 10));
  const c20 = i8x16.splat(0x20);
  const cC0 = i8x16.splat(<i8>0xc0);
  const cF0 = i8x16.splat(<i8>0xf0);
  const p0 = i8x16.splat(<i8>(punct & 0xff));
  const p1 = i8x16.splat(<i8>((punct >> 8) & 0xff));
  const p2 = i8x16.splat(<i8>((punct >> 16) & 0xff));
  const p3 = i8x16.splat(<i8>(punct >> 24));
  let n: u32 = 0;
  let carry: u64 = 0; // the previous block ended inside a word
  let shrink: u32 = 0; // UTF-8 bytes minus UTF-16 units before this block
  for (let p: u32 = 0; p < len; p += 64) {
    const block = text + p;
    let m: u64 = 0;
    let hi: u64 = 0;
    let pm: u64 = 0;
    for (let k: u32 = 0; k < 4; k++) {
      const v = v128.load(block + (k << 4));
      // Unsigned range checks as one signed compare each: shifting the range
      // to start at -128 (x + 128 - lo) leaves it below -128 + its size.
      const alpha = i8x16.lt_s(i8x16.add(v128.or(v, c20), c31), cAlphaEnd);
      const digit = i8x16.lt_s(i8x16.add(v, c80), cDigitEnd);
      m |= (<u64>i8x16.bitmask(v128.or(alpha, digit))) << (<u64>(k << 4));
      hi |= (<u64>i8x16.bitmask(v)) << (<u64>(k << 4));
      if (punctMode == 1) {
        const eq = v128.or(v128.or(i8x16.eq(v, p0), i8x16.eq(v, p1)), v128.or(i8x16.eq(v, p2), i8x16.eq(v, p3)));
        pm |= (<u64>i8x16.bitmask(eq)) << (<u64>(k << 4));
      }
    }
    // The zero bytes after the text are no characters of it.
    const valid: u64 = len - p >= 64 ? <u64>-1 : ((<u64>1) << (<u64>(len - p))) - 1;
    if (punctMode == 2) pm = ~(m | hi);
    pm &= valid;
    let cand: u64 = 0;
    let starts = m & ~((m << 1) | carry);
    carry = m >> 63;
    // Two loops: the first reads every word's table bits without branching
    // on them (which words pass is as good as random to the branch
    // predictor) and lists the words that go on; the second tests those
    // against their next token.
    let goers: u32 = 0;
    while (starts != 0) {
      const s = <u32>ctz(starts);
      starts &= starts - 1;
      let e = p + s + <u32>ctz(~(m >> (<u64>s)));
      if (e >= p + 64) {
        e = p + 64;
        while (isAlnum(<u32>load<u8>(text + e))) e++;
      }
      const fw = follow(text + e);
      const k = wordKey(block + s, e - p - s);
      // Two bits per slot: 1 = some pattern is this word; 2 = some pattern
      // goes on from it (the pair filter says with which next token). The
      // slot's key tells words apart by the case of their first letter, for
      // case-sensitive patterns.
      const slot = ((((<u32>load<u8>(block + s)) - 65 < 26 ? k ^ UPPER : k) * MIX) >> bitsShift) << 1;
      const two = (load<u32>(bits + (<usize>(slot >> 5) << 2)) >> (slot & 31)) & 3;
      cand |= select<u64>((<u64>1) << (<u64>s), 0, (two & 1) != 0 || fw == F_ANY);
      const row = goesOn + (<usize>goers << 4);
      store<u32>(row, s);
      store<u32>(row + 4, e);
      store<u32>(row + 8, k);
      store<u32>(row + 12, fw);
      goers += <u32>(two == 2 && fw != F_ANY);
      // Every word's key and follow, by start, for the words before it.
      store<u32>(keys + (<usize>s << 3), k);
      store<u32>(keys + (<usize>s << 3) + 4, fw);
    }
    if (goers != 0) {
      const gm = gapMask(block);
      for (let i: u32 = 0; i < goers; i++) {
        const row = goesOn + (<usize>i << 4);
        const e = load<u32>(row + 4);
        const k = load<u32>(row + 8);
        const g = e - p; // the word's end, in the block
        const run = g < 64 ? <u32>ctz(~(gm >> (<u64>g))) : 0;
        const q = g + run; // the next token, in the block
        let passes: bool;
        if (load<u32>(row + 12) == F_JOIN) passes = pairBit(k, JOIN_KEY);
        else if (run > 0 && q < 64 && ((m >> (<u64>q)) & 1) != 0) {
          // After a gap, a word starting in this block: its key is known.
          const next = keys + (<usize>q << 3);
          passes = load<u32>(next + 4) == F_ANY || pairBit(k, load<u32>(next));
        } else passes = nextPasses(text, len, k, e);
        cand |= select<u64>((<u64>1) << (<u64>load<u32>(row)), 0, passes);
      }
    }
    if (pm != 0) {
      while (pm != 0) {
        const s = <u32>ctz(pm);
        pm &= pm - 1;
        const b = <u32>load<u8>(block + s);
        if (b == 0x2d || !bitAt(first, b)) continue;
        if (bitAt(punctAlone, b) || nextPasses(text, len, punctKey(b, false) ^ PUNCT_FIRST, p + s + 1)) {
          cand |= (<u64>1) << (<u64>s);
        }
      }
    }
    let cont: u64 = 0;
    let four: u64 = 0;
    if (hi != 0) {
      let leads: u64 = 0;
      for (let k: u32 = 0; k < 4; k++) {
        const v = v128.load(block + (k << 4));
        leads |= (<u64>i8x16.bitmask(i8x16.ge_u(v, cC0))) << (<u64>(k << 4));
        four |= (<u64>i8x16.bitmask(i8x16.ge_u(v, cF0))) << (<u64>(k << 4));
      }
      cont = hi & ~leads;
      let l = leads;
      while (l != 0) {
        const s = <u32>ctz(l);
        l &= l - 1;
        const b = <u32>load<u8>(block + s);
        if (b >= 0xf0) cand |= (<u64>1) << (<u64>s); // astral: the scanner decides
        else if (bitAt(lead, (b << 8) | <u32>load<u8>(block + s + 1)) && startsAt(block + s, b)) {
          cand |= (<u64>1) << (<u64>s);
        }
      }
    }
    cand &= valid;
    while (cand != 0) {
      const s = <u32>ctz(cand);
      cand &= cand - 1;
      const below = ((<u64>1) << (<u64>s)) - 1;
      const off = p + s - shrink - <u32>popcnt(cont & below) + <u32>popcnt(four & below);
      store<u32>(out + (<usize>n << 3), p + s);
      store<u32>(out + (<usize>n << 3) + 4, off);
      n++;
    }
    if (hi != 0) shrink += <u32>popcnt(cont) - <u32>popcnt(four);
  }
  return n;
}
