// @vitest-environment node
// Each validation rule has a fixture folder under tests/fixtures/glossary/rules/
// whose files replace those of the small valid document "mini".
import { describe, expect, it } from "vitest";
import { buildFixture, buildRule, messages } from "./glossary-fixtures";

const cases: [rule: string, expected: string[]][] = [
  ["yaml-syntax", ["mini/entries.yaml:3: YAML: Map keys must be unique"]],
  ["unknown-field", ['mini/entries.yaml:6: entry: unknown field "meaning"']],
  ["missing-field", ['mini/entries.yaml:1: entry: missing field "definition"']],
  [
    "wrong-type",
    [
      'mini/entries.yaml:3: entry: field "variants" must be a list of non-empty strings',
      'mini/entries.yaml:7: entry: field "everyday" must be true or false',
    ],
  ],
  ["duplicate-id", ['mini/entries.yaml:7: duplicate entry id "gout" (first at mini/entries.yaml:1)']],
  [
    "duplicate-variant",
    [
      'mini/entries.yaml:10: variant "Gouty-Arthritis" of entry "arthritis" is already claimed by entry "gout" (mini/entries.yaml:3)',
    ],
  ],
  [
    "case-sensitive-clash",
    [
      'mini/entries.yaml:11: variant "ua" of entry "urinalysis" is already claimed by entry "uric-acid" (mini/entries.yaml:3)',
    ],
  ],
  [
    "not-within",
    [
      'mini/entries.yaml:3: notWithin "tophaceous arthritis" holds neither "gout" nor a variant',
      'mini/entries.yaml:3: notWithin "uric acid" is a form of entry "uric-acid" (mini/entries.yaml:10)',
    ],
  ],
  [
    "evidence-not-found",
    ['mini/entries.yaml:5: quote not found verbatim in the document: "Gout is a kind of diabetes."'],
  ],
  [
    "unknown-reference",
    [
      'mini/entries.yaml:4: unknown topic "mini-diet"',
      'mini/entries.yaml:5: unknown related entry "purines"',
      "mini/entries.yaml:5: an entry cannot be related to itself",
    ],
  ],
  ["too-many-words", ["mini/entries.yaml:3: definition has 26 words (at most 25)"]],
  [
    "grade-too-high",
    [
      "mini/entries.yaml:3: definition reads at grade 28.4 (at most 10)",
      "base: median definition grade is 28.4 (at most 8)",
    ],
  ],
  ["median-too-high", ["base: median definition grade is 9 (at most 8)"]],
  [
    "no-provenance",
    [
      'mini/document.yaml:1: document has no provenance: missing "publisher" (title, publisher and origin are required)',
      'mini/document.yaml:1: document has no provenance: missing "origin" (title, publisher and origin are required)',
    ],
  ],
  [
    "missing-theme",
    [
      'mini/document.yaml:1: document has no "theme" (one of: kidney, lab-tests, blood-and-anemia, clotting, heart-and-vessels, diabetes, liver, nutrition, wounds-and-skin, infection, care)',
    ],
  ],
  [
    "unknown-theme",
    [
      'mini/document.yaml:5: unknown theme "joints" (one of: kidney, lab-tests, blood-and-anemia, clotting, heart-and-vessels, diabetes, liver, nutrition, wounds-and-skin, infection, care; the list is glossary/themes.ts)',
    ],
  ],
  [
    "sections-and-topics",
    [
      'mini/document.md:7: heading must be "## Title {#topic-id}" with a kebab-case topic id',
      'mini/document.md:11: section "mini-diet" has no topic in topics.yaml',
      'mini/topics.yaml:13: topic "mini-outlook" has no section {#mini-outlook} in mini/document.md',
    ],
  ],
  [
    "summary-sentences",
    [
      "mini/topics.yaml:3: summary must have 2 to 5 sentences, found 1",
      "mini/topics.yaml:9: summary must have 2 to 5 sentences, found 6",
    ],
  ],
  [
    "bad-ids",
    [
      'mini/entries.yaml:1: entry id "Uric_Acid" must be kebab-case',
      'mini/entries.yaml:4: caseSensitive form "UA" is not the term or one of its variants',
    ],
  ],
  [
    "missing-lead",
    [
      'mini/document.md:1: text before the first heading needs a "lead" topic id in mini/document.yaml',
      'mini/topics.yaml:1: topic "mini-intro" has no section {#mini-intro} in mini/document.md',
    ],
  ],
  [
    "quote-without-term",
    [
      'mini/entries.yaml:5: quote contains neither "gout" nor a variant (add the form, cite other words, or give quoteWithoutTerm with the reason): "Uric acid crystals form in a joint"',
      "mini/entries.yaml:12: quoteWithoutTerm is not needed: every quote contains a form",
    ],
  ],
  [
    "references",
    [
      "mini/entries.yaml:13: entry: a citation names a document or a reference, not both",
      'references.yaml:10: reference "unused-2019" needs a pmid, doi or url',
      'references.yaml:10: reference "unused-2019": year must be four digits, or "n.d." when the source shows none',
      'mini/entries.yaml:10: quote not found in the sentences recorded for reference "smith-2020-gout": "Gout is caused by bananas."',
      'mini/entries.yaml:11: unknown reference "no-such-reference" (not in references.yaml)',
      'mini/entries.yaml:16: unknown document "no-such-document" (no folder in glossary/documents)',
      'references.yaml:10: reference "unused-2019" is never cited',
    ],
  ],
  [
    "topic-citations",
    [
      "mini/topics.yaml:5: topic: a key point must be {text, citations} (every key point cites its source)",
      "mini/topics.yaml:13: topic: key point needs a non-empty list of citations",
      'mini/topics.yaml:3: summary needs "summaryCitations" (a summary cites its source)',
      'mini/topics.yaml:11: correction needs "correctionCitations" (a correction cites its source)',
      'mini/topics.yaml:7: quote not found verbatim in the document: "Crystals cause sudden pain."',
    ],
  ],
  [
    "test-cards",
    [
      'mini/entries.yaml:26: entry: a test card needs "measures" (what the test measures)',
      'mini/entries.yaml:16: quote not found verbatim in the document: "Crystals form in the blood."',
    ],
  ],
  [
    "lab-inventory",
    [
      'lab-tests.yaml:5: unknown document "nowhere" for test "Serum urate"',
      'lab-tests.yaml:9: entry "colchicine" for test "Colchicine level" has no test card ("test:" in mini/entries.yaml)',
      'lab-tests.yaml:12: unknown entry "synovial-fluid" for test "Joint fluid test"',
      'lab-tests.yaml:13: test "URIC ACID" is listed twice (first at line 1)',
      'lab-tests.yaml:17: document "mini" mentions neither "Ferritin" nor a form of entry "ferritin"',
    ],
  ],
  [
    // Forms the matcher cannot tell apart collide: curly and straight apostrophes,
    // a soft hyphen or zero-width space beside a hyphen, hyphen and space.
    "unicode-forms",
    [
      'mini/entries.yaml:10: variant "Crohn\u2019s gout" of entry "uric-acid" is already claimed by entry "gout" (mini/entries.yaml:3)',
      'mini/entries.yaml:10: variant "end-\u00adstage gout" of entry "uric-acid" is already claimed by entry "gout" (mini/entries.yaml:3)',
      'mini/entries.yaml:10: variant "end\u200b-stage gout" of entry "uric-acid" is already claimed by entry "gout" (mini/entries.yaml:3)',
      'mini/entries.yaml:10: variant "end stage gout" of entry "uric-acid" is already claimed by entry "gout" (mini/entries.yaml:3)',
      'mini/entries.yaml:17: variant "colchi\u00adcine" repeats another form of entry "colchicine"',
    ],
  ],
  [
    "duplicate-topic-id",
    ['mini/topics.yaml:13: duplicate topic id "mini-treatment" (first at mini/topics.yaml:7)'],
  ],
];

describe("glossary validation rules", () => {
  it("the base fixture is valid", () => {
    const result = buildFixture("base");
    expect(messages(result)).toEqual([]);
    expect(result.output?.glossary.terms.map((t) => t.id)).toEqual(["gout", "uric-acid", "colchicine"]);
  });

  it("compiles citations, references, corrections and test cards", () => {
    const result = buildRule("cited-valid");
    expect(messages(result)).toEqual([]);
    const glossary = result.output?.glossary;
    const gout = glossary?.terms.find((t) => t.id === "gout");
    expect(gout?.evidence).toBe("Gout is a kind of arthritis.");
    expect(gout?.citations).toEqual([
      { documentId: "mini", quote: "Gout is a kind of arthritis." },
      { referenceId: "smith-2020-gout", quote: "Gout attacks often start in the big toe." },
    ]);
    const uric = glossary?.terms.find((t) => t.id === "uric-acid");
    expect(uric?.test).toEqual({
      measures: {
        text: "How much uric acid is in your blood.",
        cite: { documentId: "mini", quote: "Uric acid crystals form in a joint" },
      },
      high: {
        text: "Crystals may form in a joint.",
        cite: { documentId: "mini", quote: "Uric acid crystals form in a joint and cause sudden pain." },
      },
      questions: [
        {
          text: "What does my result mean for gout?",
          cite: { referenceId: "smith-2020-gout", quote: "Gout attacks" },
        },
      ],
    });
    expect(glossary?.terms.find((t) => t.id === "colchicine")?.correctionCitations).toEqual([
      { documentId: "mini", quote: "Ice can ease the pain." },
    ]);
    expect(glossary?.references).toEqual([
      {
        id: "smith-2020-gout",
        authors: "Smith A, Jones B",
        title: "Gout in practice",
        source: "Journal of Joints 2020;1:1-2",
        year: "2020",
        pmid: "12345678",
      },
    ]);
    const [intro, treatment] = glossary?.topics ?? [];
    expect(intro).toMatchObject({ id: "mini-intro", summary: "", points: [], summaryCitations: [] });
    expect(treatment?.pointCitations).toEqual([
      [{ documentId: "mini", quote: "Doctors may prescribe colchicine." }],
    ]);
    expect(treatment?.correctionCitations).toEqual([{ documentId: "mini", quote: "Ice can ease the pain." }]);
    expect(result.stats).toMatchObject({
      testCards: 1,
      citations: 11,
      references: 1,
      inventory: { tests: 1, covered: 1 },
    });
  });

  it.each(cases)("%s", (rule, expected) => {
    const result = buildRule(rule);
    expect(messages(result)).toEqual(expected);
    // Nothing is shipped when anything is wrong.
    expect(result.output).toBeUndefined();
  });
});
