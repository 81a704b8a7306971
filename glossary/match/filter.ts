// A first-word filter cheaper than hashing: hashing every word of a page costs
// more than the RegExp baseline spends, so the scanner first checks a bit
// keyed by a plain word's length and its first three and last two folded code
// units (read once the word end is found, at no per-character cost). Only
// words whose bit is set are hashed and looked up.
import { fold } from "./chars";

/**
 * Same arithmetic as the inlined copy in scan.ts. a, b, c: first three folded
 * code units, y, z: last two (b, c, y are 0 where the word is too short).
 */
export function filterKey(
  a: number,
  b: number,
  c: number,
  y: number,
  z: number,
  len: number,
  shift: number,
): number {
  const mix =
    Math.imul(a, 0x2c1b3c6d) ^
    Math.imul(b, 0x297a2d39) ^
    Math.imul(c, 0x63d83595) ^
    Math.imul(y, 0x1b873593) ^
    z;
  return Math.imul(mix ^ len, 0x9e3779b1) >>> shift;
}

export interface Filter {
  bits: Int32Array;
  shift: number;
}

/** log2 of the filter's bits for `words` first words (about 16 bits each, at most 4M). */
export function filterBits(words: number): number {
  let log = 10;
  while (1 << log < words * 16 && log < 22) log++;
  return log;
}

/** An empty filter of 1 << log bits. */
export function createFilter(log: number): Filter {
  return filterOf(new Int32Array(1 << (log - 5)));
}

/** The filter whose bits these are (a power of two of words, at least 32). */
export function filterOf(bits: Int32Array): Filter {
  const log = 31 - Math.clz32(bits.length) + 5;
  if (bits.length < 32 || 1 << (log - 5) !== bits.length)
    throw new Error("match index: filter of a wrong size");
  return { bits, shift: 32 - log };
}

/** Adds the plain word s[0, end). */
export function addWord(f: Filter, s: string, end: number): void {
  const b = end > 1 ? fold(s.charCodeAt(1)) : 0;
  const c = end > 2 ? fold(s.charCodeAt(2)) : 0;
  const y = end > 2 ? fold(s.charCodeAt(end - 2)) : 0;
  const key = filterKey(fold(s.charCodeAt(0)), b, c, y, fold(s.charCodeAt(end - 1)), end, f.shift);
  f.bits[key >>> 5] = (f.bits[key >>> 5] as number) | (1 << (key & 31));
}
