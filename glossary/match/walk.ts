// The careful path: reads tokens (words with their apostrophes, ignorables and
// possessive "'s"; single punctuation characters) and extends a candidate
// token by token while the table says some pattern continues. Reached only for
// words that pass the scanner's filter, and for the rare unusual characters.
// Works on one string; `walk.touched` tells the caller the answer may depend
// on text past the string's end (the next chunk), so it retries on a window.
import {
  APOSTROPHE,
  C_APOS,
  C_HIGH,
  C_IGN,
  C_OTHER,
  C_SEP,
  C_WORD,
  CLASS,
  charClass,
  classify,
  computeFold,
  FOLD,
  fold,
  isWordPair,
  SPACE,
  wordUnitsAt,
} from "./chars";
import { lookup, PRIME, probe, SEED } from "./hash";
import type { MatchIndex } from "./types";
import { verifyChain } from "./verify";

/**
 * The token just read. A shared object instead of a returned one: the scanner
 * reads one token per word of the page and must not allocate for it.
 */
export const walk = { touched: false };

const tok = {
  h: 0,
  /** After the token's last significant code unit. */
  end: 0,
  /** Where scanning continues (past trailing ignorables). */
  next: 0,
  /** Possessive "'s" at the end of a word: hash and end of the word without it. */
  possH: 0,
  possEnd: -1,
};

/** Reads the word starting at p (a word character), continuing hash h. */
function readWord(text: string, p: number, h: number): void {
  const n = text.length;
  let end = p;
  let aposH = 0;
  let aposEnd = -1;
  let after = 0; // word code units since the last joining apostrophe
  let last = 0;
  while (p < n) {
    const c = text.charCodeAt(p);
    let k = CLASS[c] as number;
    if (k === 0) k = classify(c);
    if (k === C_WORD) {
      let f = FOLD[c] as number;
      if (f === 0) f = computeFold(c);
      h = Math.imul(h ^ f, PRIME);
      end = ++p;
      after++;
      last = c;
      continue;
    }
    if (k === C_IGN) {
      p++;
      continue;
    }
    if (k === C_APOS) {
      let q = p + 1;
      while (q < n && charClass(text.charCodeAt(q)) === C_IGN) q++;
      if (q + 1 >= n) walk.touched = true; // what follows may be in the next chunk
      if (wordUnitsAt(text, q) === 0) break;
      aposH = h;
      aposEnd = end;
      after = 0;
      h = Math.imul(h ^ APOSTROPHE, PRIME);
      p = q;
      continue;
    }
    if (k === C_HIGH) {
      if (p + 1 >= n) {
        walk.touched = true;
        break;
      }
      const lo = text.charCodeAt(p + 1);
      if (isWordPair(c, lo)) {
        h = Math.imul(Math.imul(h ^ c, PRIME) ^ lo, PRIME);
        p += 2;
        end = p;
        after += 2;
        continue;
      }
    }
    break;
  }
  if (p >= n) walk.touched = true;
  tok.h = h;
  tok.end = end;
  tok.next = p;
  // (last | 32) === 115: the single unit after the apostrophe is "s" or "S".
  tok.possEnd = aposEnd >= 0 && after === 1 && (last | 32) === 115 ? aposEnd : -1;
  tok.possH = aposH;
}

function readPunct(p: number, c: number, k: number, h: number): void {
  tok.h = Math.imul(h ^ (k === C_APOS ? APOSTROPHE : fold(c)), PRIME);
  tok.end = p + 1;
  tok.next = p + 1;
  tok.possEnd = -1;
}

/**
 * Longest match starting at `start`, whose first token is in `tok` and whose
 * table value is v. Pushes (start, end, pattern) to out; returns where to resume.
 */
function extend(ix: MatchIndex, text: string, start: number, v: number, out: number[]): number {
  // Locals, not imported bindings (see scan.ts): common words ("the", "in")
  // begin some of 78k terms, so this runs for a third of a page's words.
  const cls = CLASS;
  const fl = FOLD;
  const WORD = C_WORD;
  const SEP = C_SEP;
  const IGN = C_IGN;
  const prime = PRIME;
  const { slots, mask, shift } = ix.table;
  const n = text.length;
  const giveUp = tok.next;
  let best = -1;
  let bestEnd = 0;
  let resume = 0;
  let h = tok.h;
  for (;;) {
    if (tok.possEnd >= 0) {
      const pv = lookup(ix.table, tok.possH);
      const pat = pv >= 2 ? verifyChain(ix, text, start, tok.possEnd, (pv >>> 1) - 1) : -1;
      if (pat >= 0) {
        best = pat;
        bestEnd = tok.possEnd;
        resume = tok.next; // past the "'s", which is not a word of its own
      }
    }
    if (v >= 2) {
      const pat = verifyChain(ix, text, start, tok.end, (v >>> 1) - 1);
      if (pat >= 0) {
        best = pat;
        bestEnd = tok.end;
        resume = tok.end;
      }
    }
    if ((v & 1) === 0) break;
    let p = tok.next;
    let gap = false;
    let k = 0;
    while (p < n) {
      k = cls[text.charCodeAt(p)] as number;
      if (k === 0) k = classify(text.charCodeAt(p));
      if (k === SEP) gap = true;
      else if (k !== IGN) break;
      p++;
    }
    if (p >= n) {
      walk.touched = true;
      break;
    }
    if (gap) h = Math.imul(h ^ SPACE, prime);
    const c = text.charCodeAt(p);
    let plain = false;
    if (k === WORD) {
      // The usual next token, a plain word, read inline.
      let e = p + 1;
      let hw = Math.imul(h ^ (fl[c] as number), prime);
      let ke = WORD;
      while (e < n) {
        const d = text.charCodeAt(e);
        ke = cls[d] as number;
        if (ke !== WORD) break;
        hw = Math.imul(hw ^ (fl[d] as number), prime);
        e++;
      }
      if (e < n && (ke === SEP || ke === C_OTHER)) {
        plain = true;
        h = hw;
        tok.end = e;
        tok.next = e;
        tok.possEnd = -1;
      }
    }
    if (!plain) {
      if (k === C_HIGH && p + 1 >= n) walk.touched = true; // a pair split across chunks
      if (k === WORD || (k === C_HIGH && wordUnitsAt(text, p) === 2)) readWord(text, p, h);
      else readPunct(p, c, k, h);
      h = tok.h;
    }
    v = probe(slots, mask, shift, h);
  }
  if (best < 0) return giveUp;
  out.push(start, bestEnd, best);
  return resume;
}

/** Hashes and looks up the word at i in full; returns where to resume. */
function wordAt(ix: MatchIndex, text: string, i: number, out: number[]): number {
  readWord(text, i, SEED);
  const v = lookup(ix.table, tok.h);
  if (v === 0 && (tok.possEnd < 0 || lookup(ix.table, tok.possH) < 2)) return tok.next;
  return extend(ix, text, i, v, out);
}

/** Longest match starting at text[i], any character; returns where to resume. */
export function matchAt(ix: MatchIndex, text: string, i: number, out: number[]): number {
  if (wordUnitsAt(text, i) > 0) return wordAt(ix, text, i, out);
  const c = text.charCodeAt(i);
  const k = charClass(c);
  if (k === C_HIGH && i + 1 >= text.length) walk.touched = true; // a pair split across chunks
  const punctFirst = ix.punctFirst;
  if (punctFirst !== null && k !== C_SEP && k !== C_IGN) {
    if (punctFirst[k === C_APOS ? APOSTROPHE : fold(c)] === 1) {
      readPunct(i, c, k, SEED);
      const v = lookup(ix.table, tok.h);
      if (v !== 0) return extend(ix, text, i, v, out);
    }
  }
  return i + 1;
}

/** Extends a plain word text[i, end) already hashed to h, with table value v. */
export function extendWord(
  ix: MatchIndex,
  text: string,
  i: number,
  end: number,
  h: number,
  v: number,
  out: number[],
): number {
  tok.h = h;
  tok.end = end;
  tok.next = end;
  tok.possEnd = -1;
  return extend(ix, text, i, v, out);
}
