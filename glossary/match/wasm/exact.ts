// AssemblyScript: the exact matcher for the common case, so most candidates
// the prefilter lists never reach JavaScript. It is a copy, for pure ASCII
// text, of extend() in ../walk.ts and verifyAt() in ../verify.ts: the same
// hash of the normalized text, the same table, the same leftmost-longest
// choice, the first pattern of a chain that accepts the span. At anything
// else (a byte beyond ASCII, a word not standing after a separator or
// punctuation) it stops and hands that candidate to the
// JavaScript scanner, which then hands the rest back.
import { foldAscii, isAlnum, isGap } from "./bytes";
import { APOS, decode, entry, PLAIN } from "./unicode";

const SEED: u32 = 0x811c9dc5;
const PRIME: u32 = 0x01000193;
const SPACE: u32 = 32;

let slots: usize = 0; // i32 pairs (hash, value) of ../hash.ts
let slotMask: u32 = 0;
let slotShift: u32 = 0;
let next: usize = 0; // i32 per pattern: next of its chain, -1 ends
let formStart: usize = 0; // i32 per pattern: offset in formBytes
let formLength: usize = 0; // i32 per pattern: length, -1 when the form is not ASCII
let formBytes: usize = 0;
let caseSensitive: usize = 0; // u8 per pattern

// Results of the last exact() call.
let resumeUnits: u32 = 0;
let matchCount: u32 = 0;

export function setupExact(
  slotsAt: usize,
  mask: u32,
  shift: u32,
  nextAt: usize,
  startAt: usize,
  lengthAt: usize,
  bytesAt: usize,
  caseAt: usize,
): void {
  slots = slotsAt;
  slotMask = mask;
  slotShift = shift;
  next = nextAt;
  formStart = startAt;
  formLength = lengthAt;
  formBytes = bytesAt;
  caseSensitive = caseAt;
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

/** Whether text[start, end) (ASCII) normalizes to pattern p's form. */
function verify(text: usize, start: u32, end: u32, p: u32): bool {
  const m = load<i32>(formLength + ((<usize>p) << 2));
  if (m < 0) return false;
  const form = formBytes + <usize>load<i32>(formStart + ((<usize>p) << 2));
  const fold = load<u8>(caseSensitive + p) == 0;
  let f: i32 = 0;
  let q = start;
  while (q < end) {
    let c = <u32>load<u8>(text + q);
    q++;
    if (isGap(c)) {
      while (q < end && isGap(<u32>load<u8>(text + q))) q++;
      c = SPACE;
    } else if (fold) c = foldAscii(c);
    if (f >= m || <u32>load<u8>(form + f) != c) return false;
    f++;
  }
  return f == m;
}

const STAND: u32 = 0;
const SKIP: u32 = 1;
const BAIL: u32 = 2;

/** Character flags of the sequence whose lead byte is at p, 0 for astral ones. */
function flagsAt(p: usize, b: u32): u32 {
  const cp = decode(p, b);
  return cp > 0xffff ? 0 : entry(cp);
}

/**
 * Whether the scanner stands at the ASCII letter or digit at b > 0: after a
 * separator or punctuation yes, after an apostrophe that follows a letter
 * (inside "rock'n'roll") it never does (SKIP), anything else is its to judge.
 */
function wordStart(text: usize, b: u32): u32 {
  let p = b - 1;
  let c = <u32>load<u8>(text + p);
  let apostrophe = c == 0x27;
  if (c >= 0x80) {
    while (p > 0 && (c & 0xc0) == 0x80) c = <u32>load<u8>(text + --p);
    if (c < 0xc0) return BAIL;
    const f = flagsAt(text + p, c);
    if ((f & APOS) != 0) apostrophe = true;
    else if ((f & PLAIN) == 0) return BAIL;
  } else if (isAlnum(c)) return BAIL;
  if (!apostrophe) return STAND;
  if (p == 0) return STAND;
  const before = <u32>load<u8>(text + p - 1);
  if (before >= 0x80) return BAIL;
  return isAlnum(before) ? SKIP : STAND;
}

/** Whether the character beyond ASCII at q (lead byte c) ends the word before it. */
function endsWord(text: usize, q: u32, c: u32): bool {
  if (c < 0xc0) return false;
  const f = flagsAt(text + q, c);
  if ((f & PLAIN) != 0) return true;
  if ((f & APOS) == 0) return false;
  // An apostrophe ends the word unless a word character follows it.
  const after = <u32>load<u8>(text + q + (c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4));
  return after < 0x80 && !isAlnum(after);
}

function chain(text: usize, start: u32, end: u32, head: i32): i32 {
  for (let p = head; p >= 0; p = load<i32>(next + ((<usize>p) << 2))) {
    if (verify(text, start, end, <u32>p)) return p;
  }
  return -1;
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
    // Characters beyond ASCII are the scanner's (an astral one is two units
    // whose second may matter even when the first is behind resume).
    const c0 = <u32>load<u8>(text + b);
    if (c0 >= 0x80) break;
    if (u < resume) continue;
    // A word must stand where the scanner would: not inside a longer word.
    if (b > 0 && isAlnum(c0)) {
      const at = wordStart(text, b);
      if (at == SKIP) continue;
      if (at == BAIL) break;
    } else if (c0 == 0x27 && b > 0) {
      // An apostrophe between two word characters is inside a word.
      const prev = <u32>load<u8>(text + b - 1);
      const after = <u32>load<u8>(text + b + 1);
      if (prev >= 0x80 || after >= 0x80) break;
      if (isAlnum(prev) && isAlnum(after) && b + 1 < len) continue;
    }
    // The walk: tokens are ASCII words (apostrophes between letters belong
    // to them, "'s" at the end may be a possessive) and single punctuation
    // characters, as readWord() and readPunct() in ../walk.ts.
    let h = SEED;
    let q = b;
    let best: i32 = -1;
    let bestEnd: u32 = 0;
    let bestResume: u32 = 0;
    let firstEnd: u32 = 0;
    let bail = false;
    for (;;) {
      let c = <u32>load<u8>(text + q);
      if (c >= 0x80) {
        bail = true;
        break;
      }
      let possH: u32 = 0;
      let possEnd: u32 = 0; // 0: none (a word never ends at b)
      if (isAlnum(c)) {
        let aposH: u32 = 0;
        let aposEnd: u32 = 0;
        let after: u32 = 0; // characters since the last joining apostrophe
        let last: u32 = 0;
        for (;;) {
          while (q < len && isAlnum(c)) {
            h = (h ^ foldAscii(c)) * PRIME;
            last = c;
            after++;
            c = <u32>load<u8>(text + ++q);
          }
          if (q >= len || c != 0x27) break;
          const d = <u32>load<u8>(text + q + 1);
          if (q + 1 >= len || !isAlnum(d)) {
            if (q + 1 < len && d >= 0x80) bail = true; // maybe a letter beyond ASCII
            break;
          }
          aposH = h;
          aposEnd = q;
          after = 0;
          h = (h ^ 0x27) * PRIME;
          c = d;
          q++;
        }
        if (bail) break;
        // A word going on into a character beyond ASCII is the scanner's to
        // read; punctuation or a space there just ends it.
        if (q < len && c >= 0x80 && !endsWord(text, q, c)) {
          bail = true;
          break;
        }
        if (aposEnd != 0 && after == 1 && (last | 0x20) == 0x73) {
          possH = aposH;
          possEnd = aposEnd;
        }
      } else {
        h = (h ^ c) * PRIME;
        q++;
      }
      if (firstEnd == 0) firstEnd = q;
      if (possEnd != 0) {
        const pv = probe(possH);
        if (pv >= 2) {
          const p = chain(text, b, possEnd, <i32>(pv >> 1) - 1);
          if (p >= 0) {
            best = p;
            bestEnd = possEnd;
            bestResume = q; // past the "'s", which is not a word of its own
          }
        }
      }
      const v = probe(h);
      if (v >= 2) {
        const p = chain(text, b, q, <i32>(v >> 1) - 1);
        if (p >= 0) {
          best = p;
          bestEnd = q;
          bestResume = q;
        }
      }
      if ((v & 1) == 0) break;
      let r = q;
      while (r < len && isGap(<u32>load<u8>(text + r))) r++;
      if (r >= len) break;
      if (<u32>load<u8>(text + r) >= 0x80) {
        bail = true; // a gap or token beyond ASCII
        break;
      }
      if (r > q) h = (h ^ SPACE) * PRIME;
      q = r;
    }
    if (bail) break;
    if (best >= 0) {
      const o = out + (<usize>n) * 12;
      store<u32>(o, u);
      store<u32>(o + 4, u + bestEnd - b);
      store<u32>(o + 8, <u32>best);
      n++;
      resume = u + bestResume - b;
    } else resume = u + firstEnd - b;
  }
  resumeUnits = resume;
  matchCount = n;
  return k;
}
