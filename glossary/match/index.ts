// Termlens term matcher: finds glossary terms in a block of text given as
// chunks (text nodes), in one pass whose cost follows the text, not the glossary.
//
// Rules (each has table-driven tests in tests/unit/match.rules.test.ts):
// - Text is read through a normalization N: soft hyphens and zero-width
//   characters (U+00AD, U+200B..U+200D, U+2060, U+FEFF) are removed wherever
//   they are ("necro\u00adsis" reads "necrosis", "end\u200bstage" reads
//   "endstage"); apostrophes ' ’ ‘ ʼ ＇ are one character; every run of
//   whitespace (any Unicode space, NBSP, line breaks) and hyphens/dashes
//   (- U+2010..U+2015 U+2E3A U+2E3B U+FE58 U+FE63 U+FF0D) is one gap.
//   So "end-stage", "end stage", "end\u00a0stage" and "end – stage" are equal.
// - Word characters are \p{L} \p{N} \p{M} (accented letters, digits,
//   combining marks, CJK, Cyrillic, Arabic...; astral ones too); "_" is not
//   one. An apostrophe between two word characters belongs to the word
//   ("surfer's", "d'Alembert"). No Unicode normalization: a decomposed "é"
//   (e + U+0301) does not match a precomposed one.
// - A match never starts or ends inside a word: "necrosis" is not found in
//   "osteonecrosis" nor in "necrosisX". Other punctuation is a token of its
//   own and must be in the pattern to match ("receptors, adrenergic").
// - Possessives: a term followed by 's or ’s (end of word) matches; the span
//   covers the term only, without the 's. A trailing apostrophe
//   ("calciphylaxis’") is punctuation, so the term matches there anyway.
// - Case-insensitive (per UTF-16 code unit, toLowerCase when it stays one unit)
//   unless the pattern is caseSensitive: "ESRD" then matches only "ESRD".
// - Leftmost-longest, non-overlapping, in document order: "skin necrosis" wins
//   over "necrosis"; after a match, scanning resumes at its end.
// - Several patterns with the same normalized form: the first one (input
//   order) that accepts the span wins; patterns that can never win are dropped
//   at build. Patterns normalizing to "" are dropped. No stemming: variants are
//   separate patterns with the same id.
// - Output: TextMatch start (chunk, offset) of the first character and end
//   (chunk, offset) just past the last one, which may lie in different chunks.
//
// Design (files): chars.ts classes and folding; prepare.ts patterns -> the
// normalized forms; tabulate.ts forms -> the tables: a hash table of every
// prefix ending at a word or punctuation (hash.ts) and a first-word filter
// (filter.ts), built once at glossary build time for the shipped index;
// index-tables.ts tables <-> the serialized form (base64.ts), whose loading
// in each frame only copies them; scan.ts the pass over the chunks (not joined); walk.ts the careful token
// walk for candidates; verify.ts confirms hash hits char by char; chunks.ts
// maps offsets back to (chunk, offset).
//
// Pure: no DOM or Node API, so the content script and the popup can bundle it.
// Not re-entrant across threads (module-level scratch state), which JS
// single-threaded execution makes moot.
import { toChunkMatches } from "./chunks";
import { compile, serialize } from "./index-tables";
import { prepare } from "./prepare";
import { scanChunks } from "./scan";
import { tabulate } from "./tabulate";
import type { MatchIndex, MatchPattern, SerializedIndex, TextMatch } from "./types";

export { normalizeForm } from "./chars";
export type { MatchIndex, MatchPattern, SerializedIndex, TextMatch } from "./types";

export function buildIndex(patterns: readonly MatchPattern[]): MatchIndex {
  return tabulate(prepare(patterns));
}

/** JSON-compatible; loadIndex(JSON.parse(JSON.stringify(it))) matches the same. */
export function serializeIndex(index: MatchIndex): SerializedIndex {
  return serialize(index);
}

/** What a frame does with the shipped index: copies its tables, builds nothing. */
export function loadIndex(data: SerializedIndex): MatchIndex {
  return compile(data);
}

/**
 * The id of phrases that hold a glossary form but name something else (an
 * entry's `notWithin`): leftmost-longest lets them take the text, so the
 * shorter form inside is not matched, and matchChunks never reports them.
 */
export const NOT_A_TERM = "";

export function matchChunks(index: MatchIndex, chunks: readonly string[]): TextMatch[] {
  return withoutNotATerm(matchEveryForm(index, chunks));
}

/** Every match, NOT_A_TERM ones included: for a caller that must know where they end (windows). */
export function matchEveryForm(index: MatchIndex, chunks: readonly string[]): TextMatch[] {
  const raw: number[] = [];
  scanChunks(index, chunks, raw);
  const { ids, meta } = index;
  return toChunkMatches(raw, chunks, (p) => ids[(meta[p] as number) >>> 1] as string);
}

/** The matches to report: NOT_A_TERM ones left out. */
export function withoutNotATerm(matches: TextMatch[]): TextMatch[] {
  return matches.some((m) => m.id === NOT_A_TERM) ? matches.filter((m) => m.id !== NOT_A_TERM) : matches;
}
