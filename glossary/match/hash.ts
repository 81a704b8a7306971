// A 32-bit rolling hash of the normalized text and an open-addressing table
// keyed by it. The scanner hashes words straight from char codes, so most
// words are rejected by one probe without allocating a string. A hash hit is
// never trusted for a match: complete entries are verified char by char
// (verify.ts), so collisions cost time, never correctness.

export const SEED = 0x811c9dc5 | 0;
export const PRIME = 0x01000193;

/** FNV-1a step; callers inline `Math.imul(h ^ c, PRIME)` in hot loops. */
export function step(h: number, c: number): number {
  return Math.imul(h ^ c, PRIME);
}

/**
 * Open addressing with linear probing over one Int32Array of (key, value)
 * pairs, so a probe touches one cache line (the 78k table is 4 MB).
 * value = ((head + 1) << 1) | prefixBit, 0 = empty slot.
 * head: first pattern whose whole form hashes to the key (-1: none);
 * prefixBit: some pattern continues past this point.
 */
export interface HashTable {
  slots: Int32Array;
  /** Mask of slot indices (pairs). */
  mask: number;
  shift: number;
}

/** An empty table for `keys` distinct keys: at most half of its slots used. */
export function createTable(keys: number): HashTable {
  let bits = 4;
  while (1 << bits < keys * 2) bits++;
  return tableOf(new Int32Array(2 << bits));
}

/** The table whose (key, value) pairs these are: a power of two of them, at least 16. */
export function tableOf(slots: Int32Array): HashTable {
  const pairs = slots.length >>> 1;
  const bits = 31 - Math.clz32(pairs);
  if (pairs < 16 || slots.length !== 2 << bits) throw new Error("match index: hash table of a wrong size");
  return { slots, mask: pairs - 1, shift: 32 - bits };
}

/** The value stored for h, 0 if absent. Small enough to be inlined in the scanner. */
export function probe(slots: Int32Array, mask: number, shift: number, h: number): number {
  let s = Math.imul(h, 0x9e3779b1) >>> shift;
  for (;;) {
    const v = slots[2 * s + 1] as number;
    if (v === 0 || slots[2 * s] === h) return v;
    s = (s + 1) & mask;
  }
}

export function lookup(t: HashTable, h: number): number {
  return probe(t.slots, t.mask, t.shift, h);
}

/** Index of h's value in slots (its slot, or the empty one where it goes). */
function valueIndex(t: HashTable, h: number): number {
  let s = Math.imul(h, 0x9e3779b1) >>> t.shift;
  while ((t.slots[2 * s + 1] as number) !== 0 && t.slots[2 * s] !== h) s = (s + 1) & t.mask;
  t.slots[2 * s] = h;
  return 2 * s + 1;
}

export function markPrefix(t: HashTable, h: number): void {
  const k = valueIndex(t, h);
  t.slots[k] = (t.slots[k] as number) | 1;
}

/** Appends pattern p to the chain of h, keeping input order (first wins). */
export function addComplete(t: HashTable, h: number, p: number, next: Int32Array): void {
  const k = valueIndex(t, h);
  const v = t.slots[k] as number;
  const head = (v >>> 1) - 1;
  if (head < 0) {
    t.slots[k] = ((p + 1) << 1) | (v & 1);
    return;
  }
  let q = head;
  while ((next[q] as number) >= 0) q = next[q] as number;
  next[q] = p;
}
