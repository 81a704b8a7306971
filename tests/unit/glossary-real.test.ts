// @vitest-environment node
// The real glossary shipped with the extension.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGlossary } from "../../glossary/build/build";
import { loadDocuments, loadShared } from "../../glossary/build/load";
import { formKey } from "../../glossary/build/normalize";
import { countSentences, countWords } from "../../glossary/build/readability";
import type { CompiledGlossary } from "../../glossary/types";
import { messages, REPO } from "./glossary-fixtures";

// GLOSSARY_ROOT builds another documents folder (a subset while documents are being written).
const ROOT = process.env.GLOSSARY_ROOT ?? join(REPO, "glossary/documents");
const result = buildGlossary(loadDocuments(ROOT, REPO), "glossary/documents", loadShared(ROOT, REPO));
const glossary = result.output?.glossary as CompiledGlossary;

const REQUIRED = [
  "calciphylaxis",
  "calcium",
  "calcification",
  "blood vessels",
  "arteries",
  "arterioles",
  "fatty tissue",
  "bone marrow",
  "blood clot",
  "oxygen deprivation",
  "necrosis",
  "skin necrosis",
  "lesion",
  "kidneys",
  "renal",
  "kidney disease",
  "end-stage renal disease",
  "dialysis",
  "kidney transplant",
  "secondary disease",
  "inflammatory disease",
  "rheumatoid arthritis",
  "hyperparathyroidism",
  "parathyroid glands",
  "ulcerative colitis",
  "autoimmune disease",
  "metastatic cancer",
  "diabetes",
  "obesity",
  "hormones",
  "vitamins",
  "skin trauma",
  "biopsy",
  "imaging",
  "pain management",
  "oxygen therapy",
  "debridement",
  "wet dressings",
  "antibiotics",
  "infection",
  "prognosis",
  "gene therapy",
  "sodium thiosulfate",
  "blood-thinning medication",
  "net-like skin pattern",
  // Forms a reader meets on other health pages.
  "calcific uremic arteriolopathy",
  "CUA",
  "ESRD",
  "CKD",
  "arteriole",
  "necrotic",
  "kidney",
  "wet bandages",
  "parathyroidectomy",
];

const TOPICS = [
  "what-is-it",
  "causes",
  "related-diseases",
  "risk-factors",
  "symptoms",
  "diagnosis",
  "diagnostic-problems",
  "treatment",
  "wound-care",
  "prognosis",
  "research",
];

describe("the calciphylaxis glossary", () => {
  it("builds with no errors", () => {
    expect(messages(result)).toEqual([]);
    expect(result.output).toBeDefined();
  });

  it("has at least 50 entries and a median grade of 8 or lower", () => {
    expect(glossary.terms.length).toBeGreaterThanOrEqual(50);
    expect(result.stats.medianGrade).toBeLessThanOrEqual(8);
    expect(result.stats.maxGrade).toBeLessThanOrEqual(10);
  });

  it.each(REQUIRED)("covers %s", (form) => {
    const cs = form === form.toUpperCase();
    const found = glossary.terms.find((t) =>
      [t.term, ...t.variants].some((f) => formKey(f, cs) === formKey(form, cs)),
    );
    expect(found, form).toBeDefined();
    if (cs) expect(found?.caseSensitive).toContain(form);
  });

  it("keeps the word kidney for the kidneys entry", () => {
    expect(glossary.terms.find((t) => t.variants.includes("kidney"))?.id).toBe("kidneys");
  });

  it("has one topic per section, in document order, each with a 2-5 sentence summary", () => {
    expect(glossary.topics.map((t) => t.id)).toEqual(TOPICS);
    for (const topic of glossary.topics) {
      const n = countSentences(topic.summary);
      expect(n, topic.id).toBeGreaterThanOrEqual(2);
      expect(n, topic.id).toBeLessThanOrEqual(5);
      expect(topic.points.length, topic.id).toBeGreaterThan(0);
      expect(topic.termIds.length, topic.id).toBeGreaterThan(0);
      expect(topic.source, topic.id).not.toMatch(/Getty Images|Popular Now/);
    }
  });

  it("records provenance and the educational-use notice", () => {
    expect(glossary.documents).toEqual([
      expect.objectContaining({
        id: "calciphylaxis",
        title: "Calciphylaxis",
        publisher: "Facty Health",
        origin: "000_7e4f78c0308d6c6f.txt",
      }),
    ]);
    expect(glossary.documents[0]?.disclaimer).toMatch(
      /^This site offers information designed for educational/,
    );
  });

  it("corrects the article's thyroid/parathyroid mix-up", () => {
    expect(glossary.topics.find((t) => t.id === "treatment")?.correction).toMatch(/parathyroid/);
    for (const id of ["parathyroid-glands", "hyperparathyroidism", "parathyroidectomy"]) {
      expect(glossary.terms.find((t) => t.id === id)?.correction, id).toMatch(/parathyroid/);
    }
  });

  it("marks everyday words so they are explained but not underlined", () => {
    const everyday = glossary.terms.filter((t) => t.everyday).map((t) => t.id);
    expect(everyday).toEqual(expect.arrayContaining(["pain", "infection", "wound", "hormones"]));
    expect(everyday).not.toContain("calciphylaxis");
    expect(result.output?.content.everyday).toEqual(everyday);
  });

  it("writes definitions in its own words, not copied from the document", () => {
    const doc = readFileSync(
      join(REPO, "glossary/documents/calciphylaxis/document.md"),
      "utf8",
    ).toLowerCase();
    const docWords = ` ${countWords(doc).join(" ")} `;
    for (const term of glossary.terms) {
      const words = countWords(term.definition.toLowerCase());
      for (let i = 0; i + 6 <= words.length; i++) {
        const run = words.slice(i, i + 6).join(" ");
        expect(docWords.includes(` ${run} `), `${term.id}: "${run}"`).toBe(false);
      }
    }
  });

  const seed = join(REPO, "../shared/seeds/000_7e4f78c0308d6c6f.txt");
  it.runIf(existsSync(seed))("keeps every section's text verbatim from the seed", () => {
    const original = readFileSync(seed, "utf8");
    for (const topic of glossary.topics) {
      for (const paragraph of topic.source.split("\n\n")) expect(original, topic.id).toContain(paragraph);
    }
  });
});
