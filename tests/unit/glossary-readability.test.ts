// @vitest-environment node
import { describe, expect, it } from "vitest";
import {
  countSentences,
  countSyllables,
  countWords,
  fleschKincaidGrade,
  median,
  withoutForms,
} from "../../glossary/build/readability";

describe("countSyllables", () => {
  it.each([
    ["cat", 1],
    ["table", 2],
    ["blood", 1],
    ["tissue", 2],
    ["kidney", 2],
    ["calcium", 3],
    ["calciphylaxis", 5],
    ["net-like", 2],
    ["well-known", 2],
    ["don't", 2],
    ["2026", 1],
  ])("%s has %i", (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });
});

describe("countWords", () => {
  it.each([
    ["", 0],
    ["Pain.", 1],
    ["It's a net-like pattern.", 4],
    ["Blood, urine or tissue -- all tested.", 6],
    ["end-stage renal disease (ESRD)", 4],
  ])("%j has %i words", (text, n) => {
    expect(countWords(text)).toHaveLength(n);
  });
});

describe("countSentences", () => {
  it.each([
    ["", 0],
    ["No full stop", 1],
    ["One. Two! Three?", 3],
    ['It said "stop." Then it went on.', 2],
    ["Version 2.5 is out.", 1],
    ["Wait... then go.", 2],
  ])("%j has %i sentences", (text, n) => {
    expect(countSentences(text)).toBe(n);
  });
});

describe("fleschKincaidGrade", () => {
  // 0.39 * words/sentences + 11.8 * syllables/words - 15.59, to one decimal.
  it.each([
    ["", 0],
    ["The cat sat on the mat.", -1.4],
    ["Removing dead or infected tissue from a wound so it can heal.", 5.8],
    ["Inflammatory arthropathy characterized by crystallization.", 31.2],
  ])("%j reads at grade %d", (text, grade) => {
    expect(fleschKincaidGrade(text)).toBe(grade);
  });

  it("is higher for longer sentences with the same words", () => {
    const short = "The kidneys clean the blood. They make urine.";
    const long = "The kidneys clean the blood and they make urine.";
    expect(fleschKincaidGrade(long)).toBeGreaterThan(fleschKincaidGrade(short));
  });
});

describe("withoutForms", () => {
  it.each([
    [
      "End-stage renal disease (ESRD) is the last stage.",
      ["end stage renal disease", "ESRD"],
      "is the last stage.",
    ],
    ["A kidney is an organ. Kidneys clean blood.", ["kidney", "kidneys"], "A is an organ. clean blood."],
    ["Calcium in calcification.", ["calcium"], "in calcification."],
    ["Nothing to remove.", [], "Nothing to remove."],
  ])("%j without %j", (text, forms, expected) => {
    expect(withoutForms(text, forms)).toBe(expected);
  });
});

describe("median", () => {
  it.each([
    [[], 0],
    [[3], 3],
    [[9, 1, 5], 5],
    [[1, 2, 3, 4], 2.5],
    [[6.1, 6.2], 6.2],
  ])("median of %j is %d", (values, m) => {
    expect(median(values)).toBe(m);
  });
});
