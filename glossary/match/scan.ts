// The single pass over the chunks. Chunks are not joined: on real pages most
// of the text is whitespace between tags, and copying it costs about as much
// as the whole RegExp baseline. The loop stops only at word starts, finds the
// word end, and rejects most words with a bit test (filter.ts) or one hash
// probe; the rare candidates and unusual characters go to walk.ts, on the
// chunk itself or, when the answer may depend on the next chunks, on a window
// joined from the chunks that follow. Cost follows the text, not the glossary.
import { C_OTHER, C_SEP, C_WORD, CLASS, charClass, classify, FOLD, fold, SPACE } from "./chars";
import { PRIME, probe, SEED } from "./hash";
import type { MatchIndex } from "./types";
import { extendWord, matchAt, walk } from "./walk";

/** Class of the first character after chunk c (skipping empty chunks); SEP at the end. */
function classAfter(chunks: readonly string[], c: number): number {
  for (let d = c + 1; d < chunks.length; d++) {
    const s = chunks[d] as string;
    if (s.length > 0) return charClass(s.charCodeAt(0));
  }
  return C_SEP;
}

/** Moves positions out[mark..] (start, end pairs of triples) by delta. */
function shift(out: number[], mark: number, delta: number): void {
  for (let k = mark; k < out.length; k += 3) {
    out[k] = (out[k] as number) + delta;
    out[k + 1] = (out[k + 1] as number) + delta;
  }
}

/**
 * For a first token that only begins terms ("the", "in", "(" begin some of
 * 78k): whether the plain word after it continues one (true when unsure).
 * Most do not, and this answers without the general walk or a joined window.
 */
function nextWordContinues(
  ix: MatchIndex,
  chunks: readonly string[],
  c: number,
  j: number,
  h: number,
): boolean {
  const cls = CLASS;
  const fl = FOLD;
  let s = chunks[c] as string;
  let n = s.length;
  let p = j;
  let gap = false;
  // The gap may run over the following chunks (whitespace-only text nodes).
  for (;;) {
    while (p < n && cls[s.charCodeAt(p)] === C_SEP) {
      p++;
      gap = true;
    }
    if (p < n) break;
    if (++c >= chunks.length) return false; // the text ends: nothing follows
    s = chunks[c] as string;
    n = s.length;
    p = 0;
  }
  if (cls[s.charCodeAt(p)] !== C_WORD) return true;
  let hw = gap ? Math.imul(h ^ SPACE, PRIME) : h; // no gap: after punctuation
  let e = p;
  let k = C_WORD;
  while (e < n) {
    const d = s.charCodeAt(e);
    k = cls[d] as number;
    if (k !== C_WORD) break;
    hw = Math.imul(hw ^ (fl[d] as number), PRIME);
    e++;
  }
  if (e >= n || (k !== C_SEP && k !== C_OTHER)) return true;
  const t = ix.table;
  return probe(t.slots, t.mask, t.shift, hw) !== 0;
}

/**
 * matchAt at (chunk c, offset i), whose chunk starts at global offset base;
 * returns the global resume position. Tries the chunk alone first, then ever
 * larger windows while the answer touches the end of what it was given.
 */
function careful(
  ix: MatchIndex,
  chunks: readonly string[],
  c: number,
  i: number,
  base: number,
  out: number[],
): number {
  let text = chunks[c] as string;
  let at = i;
  let textBase = base;
  let last = c;
  let size = 64;
  for (;;) {
    walk.touched = false;
    const mark = out.length;
    const r = matchAt(ix, text, at, out);
    if (!walk.touched || last >= chunks.length - 1) {
      shift(out, mark, textBase);
      return textBase + r;
    }
    out.length = mark;
    let w = (chunks[c] as string).slice(i);
    last = c;
    while (w.length < size && last < chunks.length - 1) w += chunks[++last] as string;
    text = w;
    at = 0;
    textBase = base + i;
    size *= 4;
  }
}

/** Appends (start, end, pattern) triples, in offsets of the joined chunks, to out. */
export function scanChunks(ix: MatchIndex, chunks: readonly string[], out: number[]): void {
  // Locals, not imported bindings: module loaders may turn those into getter
  // calls or hole checks, which cost a lot in these loops.
  const cls = CLASS;
  const fl = FOLD;
  const WORD = C_WORD;
  const SEP = C_SEP;
  const OTHER = C_OTHER;
  const seed = SEED;
  const prime = PRIME;
  const { slots, mask, shift: tshift } = ix.table;
  const punctFirst = ix.punctFirst;
  const bits = ix.filter.bits;
  const fshift = ix.filter.shift;
  const m = chunks.length;
  let c = 0;
  let base = 0; // global offset of chunk c
  let i = 0;
  outer: while (c < m) {
    const s = chunks[c] as string;
    const n = s.length;
    // Most text nodes of a page are indentation between tags: skip leading
    // whitespace natively. Safe at a chunk entered from its start, where no
    // token is in progress; what trimStart drops (JS whitespace) is all
    // separators, or U+FEFF, an ignorable, neither of which starts a token.
    if (i === 0 && n > 0 && cls[s.charCodeAt(0)] === SEP) i = n - s.trimStart().length;
    while (i < n) {
      const ch = s.charCodeAt(i);
      const k = cls[ch] as number;
      if (k === SEP) {
        i++;
        while (i < n && cls[s.charCodeAt(i)] === SEP) i++;
        continue;
      }
      if (k === OTHER) {
        const f = (fl[ch] as number) || fold(ch);
        if (punctFirst === null || punctFirst[f] === 0) {
          i++;
          continue;
        }
        const h = Math.imul(seed ^ f, prime);
        const v = probe(slots, mask, tshift, h);
        if (v === 0 || (v === 1 && !nextWordContinues(ix, chunks, c, i + 1, h))) {
          i++;
          continue;
        }
      }
      if (k === 0) {
        classify(ch);
        continue;
      }
      let r: number; // resume offset, relative to base
      if (k === WORD) {
        let j = i + 1;
        let kj = WORD;
        while (j < n) {
          kj = cls[s.charCodeAt(j)] as number;
          if (kj !== WORD) break;
          j++;
        }
        if (j === n) kj = c + 1 < m ? classAfter(chunks, c) : SEP;
        if (kj === SEP || kj === OTHER) {
          // A plain word: bit test (the inlined filterKey), then hash and probe.
          const len = j - i;
          const fb = len > 1 ? (fl[s.charCodeAt(i + 1)] as number) : 0;
          const fc = len > 2 ? (fl[s.charCodeAt(i + 2)] as number) : 0;
          const fy = len > 2 ? (fl[s.charCodeAt(j - 2)] as number) : 0;
          const mix =
            Math.imul(fl[ch] as number, 0x2c1b3c6d) ^
            Math.imul(fb, 0x297a2d39) ^
            Math.imul(fc, 0x63d83595) ^
            Math.imul(fy, 0x1b873593) ^
            (fl[s.charCodeAt(j - 1)] as number);
          const key = Math.imul(mix ^ len, 0x9e3779b1) >>> fshift;
          if (((bits[key >>> 5] as number) & (1 << (key & 31))) === 0) {
            i = j;
            continue;
          }
          let h = seed;
          for (let p = i; p < j; p++) h = Math.imul(h ^ (fl[s.charCodeAt(p)] as number), prime);
          const v = probe(slots, mask, tshift, h);
          if (v === 0 || (v === 1 && !nextWordContinues(ix, chunks, c, j, h))) {
            i = j;
            continue;
          }
          walk.touched = false;
          const mark = out.length;
          r = extendWord(ix, s, i, j, h, v, out);
          if (walk.touched && c + 1 < m) {
            out.length = mark;
            r = careful(ix, chunks, c, i, base, out) - base;
          } else if (out.length !== mark) shift(out, mark, base);
        } else r = careful(ix, chunks, c, i, base, out) - base;
      } else r = careful(ix, chunks, c, i, base, out) - base;
      if (r < n) {
        i = r;
        continue;
      }
      // The match or word ran into later chunks: continue after it.
      const resume = base + r;
      while (c < m && resume >= base + (chunks[c] as string).length) base += (chunks[c++] as string).length;
      i = resume - base;
      continue outer;
    }
    base += n;
    c++;
    i = 0;
  }
}
