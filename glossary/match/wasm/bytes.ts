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

/** Bits (16) of the 16 bytes at p (any address) that are ASCII separators. */
@inline
export function gapMask16(p: usize): u32 {
  const v = v128.load(p);
  const gap = v128.or(
    v128.or(i8x16.eq(v, i8x16.splat(0x20)), i8x16.eq(v, i8x16.splat(0x2d))),
    i8x16.lt_u(i8x16.sub(v, i8x16.splat(9)), i8x16.splat(5)),
  );
  return i8x16.bitmask(gap);
}

/** Bits (16) of the 16 bytes at p (any address) that are ASCII letters or digits. */
@inline
export function alnumMask16(p: usize): u32 {
  const v = v128.load(p);
  const alpha = i8x16.lt_s(i8x16.add(v128.or(v, i8x16.splat(0x20)), i8x16.splat(<i8>(128 - 97))), i8x16.splat(<i8>(-128 + 26)));
  const digit = i8x16.lt_s(i8x16.add(v, i8x16.splat(<i8>(128 - 48))), i8x16.splat(<i8>(-128 + 10)));
  return i8x16.bitmask(v128.or(alpha, digit));
}

/** Bits of the 64 bytes at p (any address) that are ASCII separators. */
export function gapMask(p: usize): u64 {
  let gm: u64 = 0;
  for (let k: u32 = 0; k < 4; k++) gm |= (<u64>gapMask16(p + (k << 4))) << (<u64>(k << 4));
  return gm;
}
