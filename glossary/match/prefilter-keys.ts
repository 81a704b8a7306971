// The tables the WebAssembly prefilter (wasm/prefilter.ts) reads, built from
// the normalized forms: which ASCII first words (told apart by the case of
// their first letter) are a pattern or go on into one, and then with which
// next token (a word or a punctuation character); which ASCII punctuation
// characters begin patterns, alone or with which next token; which non-ASCII
// characters may begin a match. The key arithmetic is the one in
// wasm/prefilter.ts; a collision only lets a word through to the exact
// matcher, so it costs time, never a match.
import { C_OTHER, charClass, fold } from "./chars";

/** The one non-ASCII code unit whose fold is ASCII: the Kelvin sign, folding to "k" (a unit test checks it). */
export const FOLDS_TO_ASCII = [0x212a];
const APOSTROPHES = [0x2018, 0x2019, 0x2bc, 0xff07];

const MIX = 0x27d4eb2f;
const PAIR_MIX = 0x846ca68b | 0;

export interface PrefilterTables {
  /** 65,536-bit set of the folded first code units of the forms (apostrophes as U+0027). */
  first: Int32Array;
  /**
   * 65,536-bit set keyed by the first two UTF-8 bytes of the non-ASCII
   * characters that may begin a match, so most such characters are passed
   * over without decoding them.
   */
  lead: Int32Array;
  /** Two bits per slot of a first word (see slotKey): 1 "alone", 2 "goes on", with its next token in pairs. */
  bits: Int32Array;
  bitsShift: number;
  pairs: Int32Array;
  pairsShift: number;
  /** Up to four ASCII bytes other than letters and digits that begin forms, packed, 0xFF where unused. */
  punct: number;
  /** 0: no form begins so; 1: those in punct; 2: more than four, every such byte of a text is tested. */
  punctMode: number;
  /** 128-bit set of those bytes that make a form alone; for the others the pair filter tests the next token. */
  punctAlone: Int32Array;
}

function isAlnum(c: number): boolean {
  return ((c | 0x20) >= 97 && (c | 0x20) <= 122) || (c >= 48 && c <= 57);
}

/** End of the ASCII letters and digits run starting at i. */
function alnumEnd(s: string, i: number): number {
  while (i < s.length && isAlnum(s.charCodeAt(i))) i++;
  return i;
}

/** Key of the ASCII word s[i, e), as wordKey in wasm/prefilter.ts computes it from bytes. */
function wordKey(s: string, i: number, e: number): number {
  const len = e - i;
  let f = 0;
  for (let k = 0; k < 4 && k < len; k++) f |= (s.charCodeAt(i + k) | 0x20) << (8 * k);
  const z = len >= 2 ? s.charCodeAt(e - 2) | (s.charCodeAt(e - 1) << 8) | 0x2020 : 0;
  return Math.imul(f, 0x9e3779b1) ^ Math.imul(z, 0x85ebca6b) ^ Math.imul(len, 0xc2b2ae35);
}

/** About 256 slots per entry keeps false hits near 0.4% (a common word hit by chance costs every page); at most maxLog bits of index. */
function sized(entries: number, bitsPerSlot: number, maxLog: number): { set: Int32Array; shift: number } {
  let log = 10;
  while (1 << log < entries * 256 && log < maxLog) log++;
  return { set: new Int32Array(((1 << log) * bitsPerSlot) >>> 5), shift: 32 - log };
}

function setBit(set: Int32Array, k: number): void {
  set[k >>> 5] = (set[k >>> 5] as number) | (1 << (k & 31));
}

/** Bit of the "alone" flag of a first word's slot; the "goes on" flag is the next bit. */
function slotBit(key: number, shift: number): number {
  return (Math.imul(key, MIX) >>> shift) << 1;
}

function pairBit(k1: number, k2: number, shift: number): number {
  return Math.imul(k1 ^ ((k2 << 16) | (k2 >>> 16)), PAIR_MIX) >>> shift;
}

/** Mixed into the key of a word whose first letter is an ASCII capital, for its slot (not its pairs). */
const UPPER = 0x5bd1e995 | 0;

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/** Key of a first word's slot: its key, told apart by the case of its first letter. */
function slotKey(key: number, upper: boolean): number {
  return upper ? key ^ UPPER : key;
}

/** Key of an ASCII character other than a letter or digit as the next token, after a gap or not. */
function punctKey(c: number, gap: boolean): number {
  return Math.imul(c | (gap ? 0x100 : 0) | 0x10000, 0x2545f491);
}

/**
 * Key of the next token when a word goes on into an apostrophe or a letter
 * beyond ASCII (the prefilter does not read that far; it tests this key).
 */
const JOIN_KEY = punctKey(0x27, false);

/** Key of a form's first token when it is an ASCII punctuation character, for its pairs. */
function punctFirstKey(c: number): number {
  return punctKey(c, false) ^ 0x68e31da4;
}

/**
 * What the prefilter may test after a form's first token, ending at e1 (a
 * word; or, afterPunct, an ASCII punctuation character):
 * "alone" when the form ends there; "any" when punctuation beyond ASCII (after
 * punctuation: any character beyond ASCII), or a gap and a character beyond
 * ASCII, follow (the text passes there whatever the tables say); else the key
 * of the next token: JOIN_KEY for an apostrophe or a letter beyond ASCII
 * after a word, a word (after a gap, or right after punctuation) (its ASCII letters and digits,
 * whatever follows them: the prefilter tests the same run of the text), or
 * an ASCII character after a gap or not.
 */
function nextKey(form: string, e1: number, afterPunct: boolean): number | "alone" | "any" {
  if (e1 >= form.length) return "alone";
  const c = form.charCodeAt(e1);
  if (afterPunct) {
    // After a punctuation character the prefilter reads the next token as it is.
    if (c >= 0x80) return "any";
    if (isAlnum(c)) return wordKey(form, e1, alnumEnd(form, e1));
  } else {
    if (c === 0x27) return JOIN_KEY;
    if (c >= 0x80) return charClass(c) === C_OTHER ? "any" : JOIN_KEY;
  }
  if (c !== 0x20) return punctKey(c, false);
  const d = form.charCodeAt(e1 + 1);
  if (d >= 0x80) return "any";
  if (isAlnum(d)) return wordKey(form, e1 + 1, alnumEnd(form, e1 + 1));
  return punctKey(d, true);
}

function markLead(lead: Int32Array, u: number): void {
  const b0 = u < 0x800 ? 0xc0 | (u >> 6) : 0xe0 | (u >> 12);
  const b1 = u < 0x800 ? 0x80 | (u & 0x3f) : 0x80 | ((u >> 6) & 0x3f);
  setBit(lead, (b0 << 8) | b1);
}

/** Non-ASCII BMP units that may begin a match, given the first-unit set. */
function leadTable(first: Int32Array): Int32Array {
  const lead = new Int32Array(2048);
  const has = (c: number) => (((first[c >>> 5] as number) >>> (c & 31)) & 1) === 1;
  markLead(lead, 0xfffd); // a lone surrogate, once encoded
  for (const u of FOLDS_TO_ASCII) if (has(fold(u))) markLead(lead, u);
  if (has(0x27)) for (const u of APOSTROPHES) markLead(lead, u);
  let nonAscii = false;
  for (let w = 4; w < first.length && !nonAscii; w++) nonAscii = first[w] !== 0;
  if (nonAscii) {
    // Rare (no first character of the 78k vocabulary is): every unit whose fold begins a form.
    for (let u = 0x80; u < 0x10000; u++) {
      if ((u < 0xd800 || u > 0xdfff) && has(fold(u))) markLead(lead, u);
    }
  }
  return lead;
}

export function buildPrefilterTables(forms: readonly string[], caseSensitive: Uint8Array): PrefilterTables {
  const first = new Int32Array(2048);
  // Typed arrays: keys are full 32-bit integers, which a plain array would
  // box one by one (this runs at a glossary's first fast-path use).
  const slotKeys = new Int32Array(2 * forms.length);
  const slotFlags = new Uint8Array(2 * forms.length); // 0: alone, 1: goes on
  let slots = 0;
  const pairKeys = new Int32Array(2 * forms.length);
  let pairs = 0;
  const punctBytes = new Set<number>();
  const punctAlone = new Int32Array(4);
  for (let i = 0; i < forms.length; i++) {
    const form = forms[i] as string;
    if (form === "") continue;
    const c0 = form.charCodeAt(0);
    setBit(first, fold(c0));
    const e1 = alnumEnd(form, 0);
    if (e1 === 0) {
      // The prefilter lists such a character when the token after it may go on
      // with the form (non-ASCII first characters: when it may begin a form).
      if (c0 >= 0x80) continue;
      punctBytes.add(c0);
      const next = form.length === 1 ? "alone" : nextKey(form, 1, true);
      if (next === "alone") setBit(punctAlone, c0);
      else if (next !== "any") {
        pairKeys[pairs++] = punctFirstKey(c0);
        pairKeys[pairs++] = next;
      }
      continue;
    }
    const k1 = wordKey(form, 0, e1);
    const next = nextKey(form, e1, false);
    const flag = next === "alone" ? 0 : 1;
    // A case-insensitive form begins words of either case; a case-sensitive
    // one only words whose first letter has its case.
    if (caseSensitive[i] === 1) {
      slotFlags[slots] = flag;
      slotKeys[slots++] = slotKey(k1, isUpper(c0));
    } else {
      slotFlags[slots] = flag;
      slotKeys[slots++] = k1;
      if (isLetter(c0)) {
        slotFlags[slots] = flag;
        slotKeys[slots++] = slotKey(k1, true);
      }
    }
    if (next !== "alone" && next !== "any") {
      pairKeys[pairs++] = k1;
      pairKeys[pairs++] = next;
    }
  }
  // 2^20 slots and 2^21 pair bits: 256 KB each at most, inside a core's L2 cache.
  const b = sized(slots, 2, 20);
  for (let i = 0; i < slots; i++)
    setBit(b.set, slotBit(slotKeys[i] as number, b.shift) + (slotFlags[i] as number));
  const p = sized(pairs / 2, 1, 21);
  for (let i = 0; i < pairs; i += 2) {
    setBit(p.set, pairBit(pairKeys[i] as number, pairKeys[i + 1] as number, p.shift));
  }
  const bytes = [...punctBytes];
  let punct = -1; // 0xFF in every byte: never a byte of UTF-8
  if (bytes.length <= 4) {
    for (let i = 0; i < bytes.length; i++)
      punct = (punct & ~(0xff << (8 * i))) | ((bytes[i] as number) << (8 * i));
  }
  return {
    first,
    lead: leadTable(first),
    bits: b.set,
    bitsShift: b.shift,
    pairs: p.set,
    pairsShift: p.shift,
    punct,
    punctMode: bytes.length === 0 ? 0 : bytes.length <= 4 ? 1 : 2,
    punctAlone,
  };
}
