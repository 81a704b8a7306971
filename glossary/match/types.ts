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
 * JSON-compatible compiled glossary. `forms` holds the normalized forms joined
 * by "\n" (a normalized form never contains a line break): lowercased for
 * case-insensitive patterns, as written for case-sensitive ones. `meta[i]` is
 * `idIndex * 2 + (caseSensitive ? 1 : 0)` for form i. Loading rebuilds the hash
 * table from the forms, which is faster than parsing a serialized table.
 */
export interface SerializedIndex {
  /** Checked when loaded (index-tables.ts). */
  format: string;
  version: number;
  ids: string[];
  forms: string;
  meta: number[];
}

/** Opaque: build with buildIndex or loadIndex. */
export interface MatchIndex {
  data: SerializedIndex;
  table: HashTable;
  /** Verification form per pattern (see SerializedIndex.forms). */
  forms: string[];
  caseSensitive: Uint8Array;
  idOf: Int32Array;
  /** Next pattern with the same whole-form hash, in input order; -1 ends. */
  next: Int32Array;
  /** First words the scanner may skip without hashing (see filter.ts). */
  filter: Filter;
  /** Code units that start a pattern beginning with punctuation; null if none does. */
  punctFirst: Uint8Array | null;
}
