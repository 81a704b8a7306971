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

  const calciphylaxisTopics = () => glossary.topics.filter((t) => t.documentId === "calciphylaxis");

  it("has one topic per section, in document order, each with a 2-5 sentence summary", () => {
    expect(calciphylaxisTopics().map((t) => t.id)).toEqual(TOPICS);
    for (const topic of calciphylaxisTopics()) {
      const n = countSentences(topic.summary);
      expect(n, topic.id).toBeGreaterThanOrEqual(2);
      expect(n, topic.id).toBeLessThanOrEqual(5);
      expect(topic.points.length, topic.id).toBeGreaterThan(0);
      expect(topic.summaryCitations.length, topic.id).toBeGreaterThan(0);
      expect(
        topic.pointCitations.every((c) => c.length > 0),
        topic.id,
      ).toBe(true);
      expect(topic.termIds.length, topic.id).toBeGreaterThan(0);
      expect(topic.source, topic.id).not.toMatch(/Getty Images|Popular Now/);
    }
  });

  it("records provenance and the educational-use notice", () => {
    expect(glossary.documents).toContainEqual(
      expect.objectContaining({
        id: "calciphylaxis",
        title: "Calciphylaxis",
        publisher: "Facty Health",
        origin: "000_7e4f78c0308d6c6f.txt",
      }),
    );
    expect(glossary.documents.find((d) => d.id === "calciphylaxis")?.disclaimer).toMatch(
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
    for (const term of glossary.terms.filter((t) => t.documentId === "calciphylaxis")) {
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
    for (const topic of calciphylaxisTopics()) {
      for (const paragraph of topic.source.split("\n\n")) expect(original, topic.id).toContain(paragraph);
    }
  });

  // Issue 13: the medical review's findings stay fixed.
  const term = (id: string) => glossary.terms.find((t) => t.id === id);
  const topic = (id: string) => glossary.topics.find((t) => t.id === id);

  it("no definition (the tooltip text) speaks of the article; corrections stay in the popup", () => {
    for (const t of glossary.terms) expect(t.definition, t.id).not.toMatch(/\barticle\b/i);
    // The tooltip still gives the right fact plainly.
    expect(term("thyroid-gland")?.definition).toMatch(/parathyroid glands that control calcium/);
    expect(term("parathyroid-glands")?.definition).toMatch(/calcium/);
    for (const id of ["parathyroid-glands", "parathyroidectomy", "thyroid-gland", "hyperparathyroidism"]) {
      expect(term(id)?.correction, id).toMatch(/parathyroid/);
      expect(term(id)?.correctionCitations?.length, id).toBeGreaterThan(0);
    }
  });

  it("names warfarin as a risk and never advises stopping a medicine alone", () => {
    expect(term("warfarin")?.definition).toMatch(/bleeding/);
    expect(term("warfarin")?.explanation).toMatch(/calciphylaxis/);
    expect(term("warfarin")?.variants).toContain("Coumadin");
    expect(term("blood-thinning-medication")?.definition).toMatch(/warfarin/);
    expect(topic("risk-factors")?.summary).toMatch(/warfarin \(Coumadin\)/);
    expect(topic("risk-factors")?.summary).toMatch(/ask your kidney team/);
    expect(
      term("warfarin")?.citations.some((c) => c.referenceId === "yu-2017-warfarin-nonuremic-calciphylaxis"),
    ).toBe(true);
  });

  it("says calciphylaxis is often fatal, often through sepsis, and that no treatment is proven", () => {
    expect(topic("prognosis")?.summary).toMatch(/life-threatening/);
    expect(topic("prognosis")?.summary).toMatch(/sepsis/);
    expect(topic("treatment")?.summary).toMatch(/No medicine is approved/);
    expect(term("sodium-thiosulfate")?.definition).toMatch(/not approved/);
    expect(topic("research")?.summary).toMatch(/No treatment is proven/);
    expect(topic("research")?.summary).not.toMatch(/Researchers are testing gene therapy/);
    expect(topic("research")?.summary).toMatch(/vitamin K/);
  });

  it("has the safety entries the review asked for", () => {
    for (const id of [
      "warfarin",
      "vitamin-k",
      "sepsis",
      "palliative-care",
      "off-label",
      "eschar",
      "non-uremic-calciphylaxis",
    ])
      expect(term(id), id).toBeDefined();
  });

  it("keeps sudden kidney failure apart from end-stage renal disease", () => {
    const esrd = term("end-stage-renal-disease");
    expect(esrd?.variants).not.toContain("kidney failure");
    expect(esrd?.variants).not.toContain("renal failure");
    expect(esrd?.definition).not.toMatch(/end-stage renal disease/i);
  });

  it("matches the document's own words for clotting medicines and trials", () => {
    const forms = (id: string) =>
      [term(id)?.term, ...(term(id)?.variants ?? [])].map((f) => formKey(f ?? "", false));
    expect(forms("blood-thinning-medication")).toContain(formKey("blood clotting medications", false));
    expect(forms("clinical-trials")).toContain(formKey("trials", false));
  });
});
