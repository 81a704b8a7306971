// The engine against the reference matcher (match-reference.ts) on random
// texts, glossaries and chunkings. Small alphabets make hits, nested terms,
// case clashes and odd separators frequent.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildIndex,
  loadIndex,
  type MatchPattern,
  matchChunks,
  type SerializedIndex,
  serializeIndex,
} from "../../glossary/match/index";
import { referenceMatch } from "./match-reference";

// Letters in two cases, an accented letter, a combining mark, a digit, an
// astral letter (U+20000) and an emoji, separators, invisible characters,
// apostrophes and punctuation.
const UNITS = [
  "a",
  "a",
  "b",
  "b",
  "A",
  "B",
  "s",
  "S",
  "é",
  "\u0301",
  "1",
  "𠀀",
  "😀",
  " ",
  " ",
  "-",
  "\u00a0",
  "\n",
  "\u2013",
  "\u00ad",
  "\u200b",
  "'",
  "\u2019",
  ".",
  ",",
  "(",
];
const unit = fc.constantFrom(...UNITS);
const textOf = (max: number) => fc.array(unit, { maxLength: max }).map((u) => u.join(""));

const pattern: fc.Arbitrary<MatchPattern> = fc.record({
  id: fc.constantFrom("p0", "p1", "p2", "p3", "p4", "p5"),
  text: textOf(6),
  caseSensitive: fc.boolean(),
});
const glossary = fc.array(pattern, { minLength: 1, maxLength: 12 });

/** A text cut into chunks at random places (possibly empty chunks, split pairs). */
const chunked = textOf(60).chain((text) =>
  fc.array(fc.nat({ max: text.length }), { maxLength: 6 }).map((cuts) => {
    const sorted = [...cuts].sort((x, y) => x - y);
    const chunks: string[] = [];
    let prev = 0;
    for (const c of sorted) {
      chunks.push(text.slice(prev, c));
      prev = c;
    }
    chunks.push(text.slice(prev));
    return chunks;
  }),
);

/** Glossary whose terms are cut out of the text, so most runs have hits. */
const glossaryFromText = chunked.chain((chunks) => {
  const text = chunks.join("");
  const slice = fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: 8 }), fc.boolean(), fc.constantFrom("q0", "q1", "q2"))
    .map(([from, len, caseSensitive, id]) => ({ id, text: text.slice(from, from + len + 1), caseSensitive }));
  return fc.tuple(fc.constant(chunks), fc.array(slice, { minLength: 1, maxLength: 8 }), glossary);
});

const RUNS = { numRuns: Number(process.env.MATCH_RUNS ?? 1500) };

describe("engine = reference", () => {
  it("random glossaries on random chunked texts", () => {
    fc.assert(
      fc.property(glossary, chunked, (g, chunks) => {
        expect(matchChunks(buildIndex(g), chunks)).toEqual(referenceMatch(g, chunks));
      }),
      RUNS,
    );
  });

  it("terms taken from the text itself", () => {
    fc.assert(
      fc.property(glossaryFromText, ([chunks, fromText, random]) => {
        const g = [...fromText, ...random];
        expect(matchChunks(buildIndex(g), chunks)).toEqual(referenceMatch(g, chunks));
      }),
      RUNS,
    );
  });

  it("the same matches whatever the chunking", () => {
    fc.assert(
      fc.property(glossaryFromText, ([chunks, g]) => {
        const ix = buildIndex(g);
        const whole = matchChunks(ix, [chunks.join("")]);
        const asOffsets = (ms: typeof whole, cs: string[]) => {
          const starts = cs.map((_, i) => cs.slice(0, i).join("").length);
          return ms.map((m) => [
            m.id,
            (starts[m.startChunk] ?? 0) + m.startOffset,
            (starts[m.endChunk] ?? 0) + m.endOffset,
          ]);
        };
        expect(asOffsets(matchChunks(ix, chunks), chunks)).toEqual(asOffsets(whole, [chunks.join("")]));
      }),
      RUNS,
    );
  });

  it("a serialized index round-trips through JSON to the same matches", () => {
    fc.assert(
      fc.property(glossaryFromText, ([chunks, g, more]) => {
        const ix = buildIndex([...g, ...more]);
        const loaded = loadIndex(JSON.parse(JSON.stringify(serializeIndex(ix))) as SerializedIndex);
        expect(matchChunks(loaded, chunks)).toEqual(matchChunks(ix, chunks));
      }),
      { numRuns: 300 },
    );
  });
});
