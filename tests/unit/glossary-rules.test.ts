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

  it.each(cases)("%s", (rule, expected) => {
    const result = buildRule(rule);
    expect(messages(result)).toEqual(expected);
    // Nothing is shipped when anything is wrong.
    expect(result.output).toBeUndefined();
  });
});
