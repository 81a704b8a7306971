// The WebAssembly prefilter (glossary/match/prefilter.ts) must never change a
// result: forced on, it gives the scanner's matches and the reference's, on
// random texts long enough to span several 64-byte blocks.
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { fold } from "../../glossary/match/chars";
import { buildIndex, type MatchPattern, matchChunks } from "../../glossary/match/index";
import { enablePrefilter, MAX_TEXT, prefilterScan } from "../../glossary/match/prefilter";
import { FOLDS_TO_ASCII } from "../../glossary/match/prefilter-keys";
import { scanChunks } from "../../glossary/match/scan";
import { referenceMatch } from "./match-reference";

// ASCII words (so whole words and word pairs reach the bit tests; in both
// cases, as case-sensitive patterns tell first words apart by the case of
// their first letter), words followed by punctuation (as in "a/c"), the
// Kelvin sign (folds to "k"), a title-case digraph, accented and astral
// letters, separators ASCII and not, invisible characters, apostrophes and
// punctuation, ASCII (more than four kinds, and control characters) and not.
const UNITS = [
  "ab",
  "ba",
  "abs",
  "AB",
  "Ab",
  "/",
  "k",
  "K",
  "\u212a",
  "\u01c5",
  "\u01c6",
  "s",
  "1",
  "é",
  "É",
  "\u0301",
  "𠀀",
  "😀",
  " ",
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
  "(",
  ")",
  ",",
  "!",
  "\u0000",
  "\u001f",
  "\u007f",
  "\u201c",
  "\ud800",
];
const unit = fc.constantFrom(...UNITS);
const textOf = (min: number, max: number) =>
  fc.array(unit, { minLength: min, maxLength: max }).map((u) => u.join(""));

const pattern: fc.Arbitrary<MatchPattern> = fc.record({
  id: fc.constantFrom("p0", "p1", "p2"),
  text: textOf(1, 5),
  caseSensitive: fc.boolean(),
});

const case_ = textOf(0, 160).chain((text) => {
  const cut = fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: 12 }), fc.boolean())
    .map(([from, len, caseSensitive]) => ({
      id: "q",
      text: text.slice(from, from + len + 1),
      caseSensitive,
    }));
  return fc.tuple(
    fc.constant(text),
    fc.array(cut, { maxLength: 6 }),
    fc.array(pattern, { minLength: 1, maxLength: 10 }),
  );
});

function fast(g: MatchPattern[], text: string): number[] {
  const out: number[] = [];
  expect(prefilterScan(buildIndex(g), text, out)).toBe(true);
  return out;
}

function slow(g: MatchPattern[], text: string): number[] {
  const out: number[] = [];
  scanChunks(buildIndex(g), [text], out);
  return out;
}

const RUNS = { numRuns: Number(process.env.MATCH_RUNS ?? 1500) };

beforeAll(() => {
  expect(enablePrefilter()).toBe(true);
});

describe("prefilter", () => {
  it("gives the scanner's matches on random texts and glossaries", () => {
    fc.assert(
      fc.property(case_, ([text, cut, random]) => {
        const g = [...cut, ...random];
        expect(fast(g, text)).toEqual(slow(g, text));
      }),
      RUNS,
    );
  });

  it("matchChunks on long texts equals the reference", () => {
    fc.assert(
      fc.property(case_, ([text, cut, random]) => {
        const g = [...cut, ...random];
        const padded = `${text} ${"filler words ".repeat(4)}${text}`;
        expect(matchChunks(buildIndex(g), [padded])).toEqual(referenceMatch(g, [padded]));
      }),
      { numRuns: 500 },
    );
  });

  const filler = "x ".repeat(40);
  // [case, text, terms, how many matches]
  const cases: [string, string, string[], number][] = [
    ["Kelvin sign folds to k", `${filler}\u212aidney failure`, ["kidney failure"], 1],
    ["soft hyphen inside the first word", `${filler}necro\u00adsis`, ["necrosis"], 1],
    ["zero-width space inside the second word", `${filler}skin necr\u200bosis`, ["skin necrosis"], 1],
    [
      "pair across a line break and hyphen",
      `${filler}end-\nstage renal disease`,
      ["end-stage renal disease"],
      1,
    ],
    [
      "pair whose second word ends in a curly possessive",
      `${filler}skin necrosis\u2019s`,
      ["skin necrosis"],
      1,
    ],
    ["first word before a no-break space", `${filler}renal\u00a0disease`, ["renal disease"], 1],
    ["a pattern starting with punctuation", `${filler}(calcium)`, ["(calcium)"], 1],
    ["a pattern starting with a non-ASCII letter", `${filler}Ménière disease`, ["ménière disease"], 1],
    ["word at a 64-byte block edge", `${"y".repeat(60)} calciphylaxis`, ["calciphylaxis"], 1],
    ["word crossing a block edge", `${"z ".repeat(31)}calciphylaxis`, ["calciphylaxis"], 1],
    ["after a multi-byte character the offsets hold", `${"é😀“ ".repeat(30)}necrosis`, ["necrosis"], 1],
    [
      "more than four punctuation starters, one a control character",
      `${filler}\u007fz`,
      ["(a", ")b", ".c", ",d", "!e", "\u007fz"],
      1,
    ],
    ["a pattern starting with NUL", `${filler}\u0000z`, ["\u0000z"], 1],
    ["no match in the zero bytes after the text", filler, ["\u0000", "("], 0],
    ["a pattern starting with a quote", `${filler}"a" "lop" ear "lop"`, ['"lop" ear'], 1],
    ["punctuation starting a pattern, then a gap", `${filler}( a) ( b) (b)`, ["( b)"], 1],
    ["punctuation that is a pattern alone", `${filler}a # b #`, ["#"], 2],
    ["punctuation then punctuation", `${filler}(( a (a ((a`, ["((a"], 1],
    ["a case-insensitive word in capitals", `${filler}All ALL all`, ["all"], 3],
    [
      "first word followed by punctuation",
      `${filler}a/c separation aftercare, a c`,
      ["a/c separation aftercare"],
      1,
    ],
    ["first word, a gap and punctuation", `${filler}vitamin (D) vitamin D`, ["vitamin (d)"], 1],
    ["digits and a comma", `${filler}1,2 dimethylhydrazine 1 2`, ["1,2 dimethylhydrazine"], 1],
    ["first word joined by a curly apostrophe", `${filler}Down\u2019s syndrome`, ["down's syndrome"], 1],
    [
      "first word going on into a letter beyond ASCII",
      `${filler}a\u03b22m amyloidosis`,
      ["a\u03b22m amyloidosis"],
      1,
    ],
    ["a pair across a long run of spaces", `${filler}renal${" ".repeat(150)}disease`, ["renal disease"], 1],
    [
      "punctuation after a long run of spaces",
      `${filler}version${" ".repeat(100)}, fetal`,
      ["version, fetal"],
      0,
    ],
    ["a second word with a soft hyphen", `${filler}the sto\u00adry`, ["the story"], 1],
    ["a second word with the Kelvin sign", `${filler}the wor\u212a`, ["the work"], 1],
    ["a second word going on into a letter beyond ASCII", `${filler}the caf\u00e9`, ["the caf\u00e9"], 1],
  ];
  it.each(cases)("%s", (_, text, terms, count) => {
    const g = terms.map((t) => ({ id: t, text: t, caseSensitive: false }));
    const got = fast(g, text);
    expect(got).toEqual(slow(g, text));
    expect(got.length / 3).toBe(count);
  });

  it("a block full of words that go on (the prefilter's per-block lists at their longest)", () => {
    const text = `${"a ".repeat(40)}b ${"c,".repeat(40)}d`;
    const g = ["a b", "c,d", "a"].map((t) => ({ id: t, text: t, caseSensitive: false }));
    const got = fast(g, text);
    expect(got).toEqual(slow(g, text));
    expect(got.length / 3).toBe(41);
  });

  it("a glossary with no forms, on text with astral characters", () => {
    const g = [{ id: "x", text: "\u00ad", caseSensitive: false }];
    const text = `${filler}😀 𠀀 \ud800 x`;
    expect(fast(g, text)).toEqual([]);
    expect(slow(g, text)).toEqual([]);
  });

  it("a text of MAX_TEXT units", () => {
    const unit = "Calciphylaxis\u2019s skin necrosis, ESRD and end\u00a0stage renal disease 😀 caf\u00e9. ";
    const text = unit.repeat(Math.floor(MAX_TEXT / unit.length));
    const g = ["calciphylaxis", "skin necrosis", "end-stage renal disease", "café"].map((t) => ({
      id: t,
      text: t,
      caseSensitive: false,
    }));
    g.push({ id: "ESRD", text: "ESRD", caseSensitive: true });
    const got = fast(g, text);
    expect(got).toEqual(slow(g, text));
    expect(got.length / 3).toBe(5 * Math.floor(MAX_TEXT / unit.length));
  });

  // Case-sensitive first words are told apart by the case of their first letter.
  const sensitive: [string, string, string[], number][] = [
    ["an abbreviation is not the lowercase word", `${filler}is Is IS`, ["IS"], 1],
    ["a lowercase-first abbreviation", `${filler}ph PH pH Ph`, ["pH"], 1],
    ["an abbreviation starting with a digit", `${filler}5ht 5HT`, ["5HT"], 1],
    ["an abbreviation going on", `${filler}all cells ALL cells`, ["ALL cells"], 1],
  ];
  it.each(sensitive)("case-sensitive: %s", (_, text, terms, count) => {
    const g = terms.map((t) => ({ id: t, text: t, caseSensitive: true }));
    const got = fast(g, text);
    expect(got).toEqual(slow(g, text));
    expect(got.length / 3).toBe(count);
  });

  it("the only non-ASCII units folding to ASCII are the ones the lead table special-cases", () => {
    const found: number[] = [];
    for (let u = 0x80; u < 0x10000; u++) if ((u < 0xd800 || u > 0xdfff) && fold(u) < 0x80) found.push(u);
    expect(found).toEqual(FOLDS_TO_ASCII);
  });

  it("the committed WebAssembly is what prefilter.ts compiles to", () => {
    const out = execFileSync(
      process.execPath,
      ["--import", "tsx", "glossary/match/wasm/build.ts", "--check"],
      {
        encoding: "utf8",
      },
    );
    expect(out).toContain("up to date");
  }, 60_000);
});
