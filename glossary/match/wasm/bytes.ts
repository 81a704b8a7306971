// AssemblyScript: ASCII byte classes shared by the prefilter and the exact
// matcher (compiled with them by build.ts).

/** ASCII letter or digit: a word character. */
@inline
export function isAlnum(b: u32): bool {
  return (b | 0x20) - 97 < 26 || b - 48 < 10;
}

/** ASCII separator: whitespace or hyphen-minus (a run of them is one gap). */
@inline
export function isGap(b: u32): bool {
  return b == 0x20 || b == 0x2d || b - 9 < 5;
}

/** Lowercase of an ASCII byte; other bytes as they are. */
@inline
export function foldAscii(b: u32): u32 {
  return b - 65 < 26 ? b | 0x20 : b;
}
