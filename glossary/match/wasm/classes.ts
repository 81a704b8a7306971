// AssemblyScript: character classes of the UTF-8 text for the exact matcher
// (exact.ts), as ../chars.ts gives them for UTF-16 units, from the flags the
// JavaScript side fills in (unicode.ts).
import { foldAscii, isAlnum, isGap } from "./bytes";
import { ALWAYS, APOS, decode, entry, foldOf, NOSTART, PLAIN } from "./unicode";

// Character classes, as in ../chars.ts, and BAIL.
export const K_OTHER: u32 = 1;
export const K_WORD: u32 = 2;
export const K_SEP: u32 = 3;
export const K_IGN: u32 = 4;
export const K_APOS: u32 = 5;
export const K_BAIL: u32 = 6;

// The character classAt() or classBefore() read last: its bytes, its code
// unit, and (classBefore) where it starts.
export let chBytes: u32 = 1;
export let chUnit: u32 = 0;
export let chStart: u32 = 0;

@inline
function asciiClass(b: u32): u32 {
  if (isAlnum(b)) return K_WORD;
  if (isGap(b)) return K_SEP;
  return b == 0x27 ? K_APOS : K_OTHER;
}

/** Class of the character whose lead byte b >= 0x80 is at p. */
export function highClass(p: usize, b: u32): u32 {
  if (b >= 0xf0 || b < 0xc0) return K_BAIL;
  chBytes = b < 0xe0 ? 2 : 3;
  const cp = decode(p, b);
  chUnit = cp;
  const f = entry(cp);
  if ((f & ALWAYS) != 0) return K_BAIL;
  if ((f & APOS) != 0) return K_APOS;
  if ((f & PLAIN) != 0) return (f & NOSTART) != 0 ? K_SEP : K_OTHER;
  return (f & NOSTART) != 0 ? K_IGN : K_WORD;
}

/** Class of the character at p; sets chBytes and chUnit. */
@inline
export function classAt(p: usize): u32 {
  const b = <u32>load<u8>(p);
  if (b < 0x80) {
    chBytes = 1;
    chUnit = b;
    return asciiClass(b);
  }
  return highClass(p, b);
}

/** Class of the character ending just before byte p > 0 of text; sets chStart and chUnit. */
function classBefore(text: usize, p: u32): u32 {
  let q = p - 1;
  let b = <u32>load<u8>(text + q);
  if (b < 0x80) {
    chStart = q;
    chUnit = b;
    return asciiClass(b);
  }
  while (q > 0 && (b & 0xc0) == 0x80) b = <u32>load<u8>(text + --q);
  chStart = q;
  return highClass(text + q, b);
}

/** Class of the character before byte p, passing over ignorables; 0 at the start of the text. */
export function classBeforeSkipping(text: usize, p: u32): u32 {
  let k: u32 = K_IGN;
  while (k == K_IGN) {
    if (p == 0) return 0;
    k = classBefore(text, p);
    p = chStart;
  }
  return k;
}

/** Fold of the character classAt() read last. */
@inline
export function foldLast(): u32 {
  return chUnit < 0x80 ? foldAscii(chUnit) : foldOf(chUnit);
}
