// AssemblyScript: what the JavaScript side knows of a BMP code point (its
// class in ../chars.ts and its fold), asked once per code point through the
// imported cls() and kept in two tables.

@external("env", "cls")
declare function cls(cp: i32): i32;

// Flags of a BMP code point, as cls() returns them (bits 8..23: its fold).
export const KNOWN: u32 = 0x80;
export const PLAIN: u32 = 1; // separator or punctuation: a word before it ends plainly
export const NOSTART: u32 = 4; // separator or ignorable: never starts a match
export const APOS: u32 = 8; // an apostrophe, folded to U+0027
export const ALWAYS: u32 = 16; // a candidate whatever the glossary (U+FFFD from a lone surrogate)
export const ODD: u32 = 32; // ignorable, or a letter folding to ASCII (Kelvin sign): words go on through it

let flags: usize = 0; // u8[65536], 0 = not asked yet
let folds: usize = 0; // u16[65536]

export function setupUnicode(flagsAt: usize, foldsAt: usize): void {
  flags = flagsAt;
  folds = foldsAt;
}

export function entry(cp: u32): u32 {
  let f = <u32>load<u8>(flags + cp);
  if (f == 0) {
    const r = <u32>cls(<i32>cp);
    f = (r & 0xff) | KNOWN;
    store<u8>(flags + cp, <u8>f);
    store<u16>(folds + (<usize>cp << 1), <u16>(r >> 8));
  }
  return f;
}

/** Fold of cp; entry(cp) must have been asked first. */
@inline
export function foldOf(cp: u32): u32 {
  return <u32>load<u16>(folds + (<usize>cp << 1));
}

/** Code point of the sequence at p (lead byte b >= 0xC0); 0x110000 for astral ones. */
@inline
export function decode(p: usize, b: u32): u32 {
  if (b < 0xe0) return ((b & 0x1f) << 6) | (<u32>load<u8>(p + 1) & 0x3f);
  if (b < 0xf0) {
    return ((b & 0x0f) << 12) | ((<u32>load<u8>(p + 1) & 0x3f) << 6) | (<u32>load<u8>(p + 2) & 0x3f);
  }
  return 0x110000;
}
