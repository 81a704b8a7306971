// AssemblyScript: the exact matcher, so the candidates the prefilter lists
// never reach JavaScript. It is a copy of extend() and readWord() in
// ../walk.ts and verifyAt() in ../verify.ts on the UTF-8 text: the same
// tokens (words with their ignorables and joining apostrophes, a possessive
// "'s", single punctuation characters), the same hash of the normalized
// text, the same table, the same leftmost-longest choice, the first pattern
// of a chain that accepts the span. Offsets are kept in UTF-16 units beside
// the bytes: a character of two or three bytes is one unit.
//
// It hands a candidate to the JavaScript scanner (which then hands the rest
// back) only where a walk meets an astral character (two units, maybe a word)
// or U+FFFD (maybe a lone surrogate before encoding).
import { foldAscii, gapMask, isAlnum, isGap } from "./bytes";
import {
  chBytes,
  chStart,
  chUnit,
  classAt,
  classBeforeSkipping,
  foldLast,
  highClass,
  K_APOS,
  K_BAIL,
  K_IGN,
  K_OTHER,
  K_SEP,
  K_WORD,
} from "./classes";
import { foldOf } from "./unicode";

const SEED: u32 = 0x811c9dc5;
const PRIME: u32 = 0x01000193;
const SPACE: u32 = 32;
const APOSTROPHE: u32 = 39;

let slots: usize = 0; // i32 pairs (hash, value) of ../hash.ts
let slotMask: u32 = 0;
let slotShift: u32 = 0;
// Per pattern, 16 bytes, so one cache line holds all a chain step reads:
// next of its chain (-1 ends), form start (in units of forms), form length,
// case-sensitive (0 or 1).
let records: usize = 0;
let forms: usize = 0; // u16 code units of the normalized forms

// Results of the last exact() call.
let resumeUnits: u32 = 0;
let matchCount: u32 = 0;

export function setupExact(slotsAt: usize, mask: u32, shift: u32, recordsAt: usize, formsAt: usize): void {
  slots = slotsAt;
  slotMask = mask;
  slotShift = shift;
  records = recordsAt;
  forms = formsAt;
}

export function lastResume(): u32 {
  return resumeUnits;
}

export function lastMatchCount(): u32 {
  return matchCount;
}

function probe(h: u32): u32 {
  let s = (h * 0x9e3779b1) >> slotShift;
  let v = load<u32>(slots + ((<usize>s) << 3) + 4);
  while (v != 0 && load<u32>(slots + ((<usize>s) << 3)) != h) {
    s = (s + 1) & slotMask;
    v = load<u32>(slots + ((<usize>s) << 3) + 4);
  }
  return v;
}

/** Whether text[start, end) normalizes to pattern p's form. */
function verify(text: usize, start: u32, end: u32, p: u32): bool {
  const rec = records + ((<usize>p) << 4);
  const form = forms + ((<usize>load<i32>(rec + 4)) << 1);
  const m = load<i32>(rec + 8);
  const fold = load<i32>(rec + 12) == 0;
  let f: i32 = 0;
  let q = start;
  while (q < end) {
    const b = <u32>load<u8>(text + q);
    let c: u32;
    let k: u32;
    if (b < 0x80) {
      q++;
      k = isGap(b) ? K_SEP : K_OTHER;
      c = fold ? foldAscii(b) : b;
    } else {
      k = highClass(text + q, b);
      q += chBytes;
      if (k == K_IGN) continue;
      c = k == K_APOS ? APOSTROPHE : fold ? foldOf(chUnit) : chUnit;
    }
    if (k == K_SEP) {
      while (q < end) {
        const k2 = classAt(text + q);
        if (k2 != K_SEP && k2 != K_IGN) break;
        q += chBytes;
      }
      c = SPACE;
    }
    if (f >= m || <u32>load<u16>(form + ((<usize>f) << 1)) != c) return false;
    f++;
  }
  return f == m;
}

function chain(text: usize, start: u32, end: u32, head: i32): i32 {
  for (let p = head; p >= 0; p = load<i32>(records + ((<usize>p) << 4))) {
    if (verify(text, start, end, <u32>p)) return p;
  }
  return -1;
}

// The token read last, as tok in ../walk.ts, in bytes and units; NONE: no possessive.
const NONE: u32 = 0xffffffff;
let tH: u32 = 0;
let tEnd: u32 = 0;
let tEndU: u32 = 0;
let tNext: u32 = 0;
let tNextU: u32 = 0;
let tPossH: u32 = 0;
let tPossEnd: u32 = NONE;
let tPossEndU: u32 = 0;

/** Reads the word at q (unit qu), continuing hash h; false to hand it to the scanner. */
function readWord(text: usize, len: u32, q: u32, qu: u32, h: u32): bool {
  let end = q;
  let endU = qu;
  let aposH: u32 = 0;
  let aposEnd: u32 = NONE;
  let aposEndU: u32 = 0;
  let after: u32 = 0; // word units since the last joining apostrophe
  let last: u32 = 0;
  while (q < len) {
    const b = <u32>load<u8>(text + q);
    let width: u32 = 1;
    if (b < 0x80) {
      if (isAlnum(b)) {
        h = (h ^ foldAscii(b)) * PRIME;
        end = ++q;
        endU = ++qu;
        after++;
        last = b;
        continue;
      }
      if (b != 0x27) break;
    } else {
      const k = highClass(text + q, b);
      if (k == K_BAIL) return false;
      if (k == K_WORD) {
        h = (h ^ foldOf(chUnit)) * PRIME;
        q += chBytes;
        end = q;
        endU = ++qu;
        after++;
        last = chUnit;
        continue;
      }
      if (k == K_IGN) {
        q += chBytes;
        qu++;
        continue;
      }
      if (k != K_APOS) break;
      width = chBytes;
    }
    // An apostrophe joins the word when a word character follows it (past ignorables).
    let r = q + width;
    let ru = qu + 1;
    let k: u32 = 0;
    while (r < len) {
      k = classAt(text + r);
      if (k != K_IGN) break;
      r += chBytes;
      ru++;
    }
    if (r >= len) break;
    if (k == K_BAIL) return false; // maybe an astral letter
    if (k != K_WORD) break;
    aposH = h;
    aposEnd = end;
    aposEndU = endU;
    after = 0;
    h = (h ^ APOSTROPHE) * PRIME;
    q = r;
    qu = ru;
  }
  tH = h;
  tEnd = end;
  tEndU = endU;
  tNext = q;
  tNextU = qu;
  // (last | 32) == 115: the single unit after the apostrophe is "s" or "S".
  if (aposEnd != NONE && after == 1 && (last | 32) == 115) {
    tPossEnd = aposEnd;
    tPossEndU = aposEndU;
    tPossH = aposH;
  } else tPossEnd = NONE;
  return true;
}

/** Reads the punctuation character (class k, just read by classAt) at q as a token, continuing hash h. */
@inline
function readPunct(q: u32, qu: u32, k: u32, h: u32): void {
  tH = (h ^ (k == K_APOS ? APOSTROPHE : foldLast())) * PRIME;
  tEnd = q + chBytes;
  tEndU = qu + 1;
  tNext = tEnd;
  tNextU = tEndU;
  tPossEnd = NONE;
}

/**
 * Whether the scanner stands at the candidate at byte b (class k): not when
 * it is inside a word (after a word character, or after an apostrophe that
 * joins two), or is a separator or an ignorable. BAIL: the scanner's to judge.
 */
function stands(text: usize, len: u32, b: u32, k: u32): u32 {
  if (k == K_SEP || k == K_IGN) return 0;
  if (k == K_BAIL) return K_BAIL;
  if (k == K_OTHER) return 1;
  const before = classBeforeSkipping(text, b);
  if (before == K_BAIL) return K_BAIL;
  if (k == K_WORD) {
    if (before == K_WORD) return 0;
    if (before != K_APOS) return 1;
    // After an apostrophe: inside a word when a word character stands before it.
    const w = classBeforeSkipping(text, chStart);
    if (w == K_BAIL) return K_BAIL;
    return w == K_WORD ? 0 : 1;
  }
  // An apostrophe: inside a word between two word characters.
  if (before != K_WORD) return 1;
  let r = b + chBytesAt(text, b);
  while (r < len) {
    const a = classAt(text + r);
    if (a == K_BAIL) return K_BAIL;
    if (a != K_IGN) return a == K_WORD ? 0 : 1;
    r += chBytes;
  }
  return 1;
}

@inline
function chBytesAt(text: usize, b: u32): u32 {
  classAt(text + b);
  return chBytes;
}

/**
 * Candidates k..count-1 ((byte, unit) pairs at cand), in order, skipping those
 * before resume (units). Writes (start, end, pattern) in units to out, sets
 * lastResume() and lastMatchCount(); returns the index of the first candidate
 * it leaves to JavaScript, or count.
 */
export function exact(text: usize, len: u32, cand: usize, k: u32, count: u32, resume: u32, out: usize): u32 {
  let n: u32 = 0;
  for (; k < count; k++) {
    const b = load<u32>(cand + ((<usize>k) << 3));
    const u = load<u32>(cand + ((<usize>k) << 3) + 4);
    // An astral character is two units whose second may matter even when the
    // first is behind resume: the scanner's.
    if (<u32>load<u8>(text + b) >= 0xf0) break;
    if (u < resume) continue;
    const k0 = classAt(text + b);
    const at = stands(text, len, b, k0);
    if (at == 0) continue;
    if (at == K_BAIL) break;
    let bail = false;
    if (k0 == K_WORD) {
      if (!readWord(text, len, b, u, SEED)) break;
    } else {
      classAt(text + b); // stands() may have read other characters since
      readPunct(b, u, k0, SEED);
    }
    const giveUp = tNextU;
    let h = tH;
    let best: i32 = -1;
    let bestEnd: u32 = 0;
    let bestResume: u32 = 0;
    for (;;) {
      if (tPossEnd != NONE) {
        const pv = probe(tPossH);
        if (pv >= 2) {
          const p = chain(text, b, tPossEnd, <i32>(pv >> 1) - 1);
          if (p >= 0) {
            best = p;
            bestEnd = tPossEndU;
            bestResume = tNextU; // past the "'s", which is not a word of its own
          }
        }
      }
      const v = probe(h);
      if (v >= 2) {
        const p = chain(text, b, tEnd, <i32>(v >> 1) - 1);
        if (p >= 0) {
          best = p;
          bestEnd = tEndU;
          bestResume = tEndU;
        }
      }
      if ((v & 1) == 0) break;
      let r = tNext;
      let ru = tNextU;
      let gap = false;
      let c: u32 = 0;
      // Page text has long runs of spaces (indentation): 64 bytes per step.
      for (;;) {
        const run = <u32>ctz(~gapMask(text + r));
        r += run;
        ru += run;
        if (run != 0) gap = true;
        if (run < 64) break;
      }
      while (r < len) {
        c = classAt(text + r);
        if (c == K_SEP) gap = true;
        else if (c != K_IGN) break;
        r += chBytes;
        ru++;
      }
      if (r >= len) break;
      if (c == K_BAIL) {
        bail = true;
        break;
      }
      if (gap) h = (h ^ SPACE) * PRIME;
      if (c == K_WORD) {
        if (!readWord(text, len, r, ru, h)) {
          bail = true;
          break;
        }
      } else readPunct(r, ru, c, h);
      h = tH;
    }
    if (bail) break;
    if (best >= 0) {
      const o = out + (<usize>n) * 12;
      store<u32>(o, u);
      store<u32>(o + 4, bestEnd);
      store<u32>(o + 8, <u32>best);
      n++;
      resume = bestResume;
    } else resume = giveUp;
  }
  resumeUnits = resume;
  matchCount = n;
  return k;
}
