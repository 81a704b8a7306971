import type { Filter } from "./filter";
import type { HashTable } from "./hash";

export interface MatchPattern {
  id: string;
  text: string;
  caseSensitive: boolean;
}

/** A match across chunks: end is exclusive. */
export interface TextMatch {
  id: string;
  startChunk: number;
  startOffset: number;
  endChunk: number;
  endOffset: number;
}

/**
 * JSON-compatible compiled glossary, in the layout the scanner uses, so that a
 * frame loading it (every frame does) copies tables instead of building them:
 * no form is hashed and no character classified at load. The tables are
 * built from the forms once, at glossary build time (tabulate.ts); binary
 * ones are base64 text (base64.ts), cheap to evaluate as one string literal
 * and decoded natively.
 *
 * `forms` holds the normalized forms joined by "\t" (a normalized form holds
 * no tab or line break: whitespace is one space): lowercased for
 * case-insensitive patterns, as written for case-sensitive ones. `meta[i]` is
 * `idIndex * 2 + (caseSensitive ? 1 : 0)` for form i.
 */
export interface SerializedIndex {
  /** Checked when loaded (index-tables.ts). */
  format: string;
  version: number;
  ids: string[];
  forms: string;
  meta: number[];
  /** The hash table's slots (hash.ts) as Int32 (key, value) pairs: a power of two of them, at least 16. */
  table: string;
  /** MatchIndex.next as (pattern, next pattern) pairs; a pattern not listed ends its chain. */
  chains: number[];
  /** The first-word filter's bits (filter.ts), as Int32 words: a power of two of them, at least 32. */
  filter: string;
  /** Folded code units that start a pattern beginning with punctuation, in increasing order. */
  punctFirst: number[];
}

/** Opaque: build with buildIndex or loadIndex. */
export interface MatchIndex {
  ids: readonly string[];
  /** The forms, joined as in SerializedIndex.forms. */
  formText: string;
  /** formText split, made by the first verification that needs it (verify.ts). */
  forms: string[] | null;
  /** As SerializedIndex.meta. */
  meta: readonly number[];
  table: HashTable;
  /** Next pattern with the same whole-form hash, in input order; -1 ends. */
  next: Int32Array;
  /** First words the scanner may skip without hashing (see filter.ts). */
  filter: Filter;
  /** Code units that start a pattern beginning with punctuation; null if none does. */
  punctFirst: Uint8Array | null;
}
