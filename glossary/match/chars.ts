// Character classes and case folding shared by the pattern compiler, the
// scanner and the verifier. Both tables are filled lazily: classifying all
// 65,536 code units up front would cost tens of milliseconds at load, while
// real pages use a few hundred distinct characters.

export const C_OTHER = 1; // punctuation, symbols, lone low surrogates: a one-unit token
export const C_WORD = 2; // \p{L} \p{N} \p{M}
export const C_SEP = 3; // whitespace and hyphens/dashes: a run of them is one gap
export const C_IGN = 4; // soft hyphen, zero-width characters: removed everywhere
export const C_APOS = 5; // apostrophes, normalized to U+0027
export const C_HIGH = 6; // high surrogate: a word character only if its pair is one

export const APOSTROPHE = 39;
export const SPACE = 32;

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
// Hyphen-minus, U+2010..U+2015 (hyphen, non-breaking hyphen, figure/en/em dash,
// horizontal bar), two/three-em dash, small/full-width hyphen-minus.
const SEP_RE = /^[\s\p{Zs}\u2010-\u2015\u2e3a\u2e3b\ufe58\ufe63\uff0d-]$/u;

/** Class of each UTF-16 code unit; 0 = not computed yet. */
export const CLASS = new Uint8Array(65536);
/**
 * Lowercase of each code unit; 0 = not computed yet (U+0000 is recomputed,
 * harmlessly). Always set for code units whose CLASS is C_WORD.
 */
export const FOLD = new Uint16Array(65536);

export function classify(c: number): number {
  let k: number;
  if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) k = C_IGN;
  else if (c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x2bc || c === 0xff07) k = C_APOS;
  else if (c >= 0xd800 && c <= 0xdbff) k = C_HIGH;
  else if (c >= 0xdc00 && c <= 0xdfff) k = C_OTHER;
  else {
    const s = String.fromCharCode(c);
    k = WORD_RE.test(s) ? C_WORD : SEP_RE.test(s) ? C_SEP : C_OTHER;
  }
  // The scanner folds word characters straight from FOLD, without a "not yet" check.
  if (k === C_WORD) computeFold(c);
  CLASS[c] = k;
  return k;
}

export function charClass(c: number): number {
  return (CLASS[c] as number) || classify(c);
}

/**
 * Per code unit lowercase, kept only when it is one code unit (so offsets never
 * shift): "İ" (whose lowercase is two units) and astral letters compare as written.
 */
export function computeFold(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) {
    FOLD[c] = c;
    return c;
  }
  const l = String.fromCharCode(c).toLowerCase();
  const f = l.length === 1 ? l.charCodeAt(0) : c;
  FOLD[c] = f;
  return f;
}

export function fold(c: number): number {
  return (FOLD[c] as number) || computeFold(c);
}

const astralWord = new Map<number, boolean>();

/** Whether a surrogate pair forms a word character (CJK extension B, math letters...). */
export function isWordPair(hi: number, lo: number): boolean {
  if (lo < 0xdc00 || lo > 0xdfff) return false;
  const cp = ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  let w = astralWord.get(cp);
  if (w === undefined) {
    w = WORD_RE.test(String.fromCodePoint(cp));
    astralWord.set(cp, w);
  }
  return w;
}

/** Number of code units of the word character at p (0 if none). */
export function wordUnitsAt(s: string, p: number): number {
  if (p >= s.length) return 0;
  const c = s.charCodeAt(p);
  const k = charClass(c);
  if (k === C_WORD) return 1;
  if (k === C_HIGH && p + 1 < s.length && isWordPair(c, s.charCodeAt(p + 1))) return 2;
  return 0;
}

/**
 * The canonical form of a pattern: ignorables removed, apostrophes -> U+0027,
 * each run of separators -> one space, trimmed, lowercased unless caseSensitive.
 */
export function normalizeForm(s: string, caseSensitive = false): string {
  const out: number[] = [];
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = charClass(c);
    if (k === C_IGN) continue;
    if (k === C_SEP) {
      gap = out.length > 0;
      continue;
    }
    if (gap) {
      out.push(SPACE);
      gap = false;
    }
    out.push(k === C_APOS ? APOSTROPHE : caseSensitive ? c : fold(c));
  }
  let r = "";
  for (let i = 0; i < out.length; i += 4096) r += String.fromCharCode(...out.slice(i, i + 4096));
  return r;
}

for (let c = 0; c < 128; c++) {
  computeFold(c);
  classify(c);
}
