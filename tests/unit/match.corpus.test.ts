// Real text written by others (../shared/corpus, beside the checkout): the
// engine agrees with the reference on NIH health articles, the 78k-term
// vocabulary gives well-formed matches on real pages.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndex, type MatchPattern, matchChunks, normalizeForm } from "../../glossary/match/index";
import { htmlChunks } from "../bench/extract";
import { scaleGlossary } from "../bench/glossaries";
import { referenceMatch } from "./match-reference";

// Vitest runs from the project root; the corpus sits beside the checkout.
const CORPUS = resolve(process.cwd(), "../shared/corpus");
const present = existsSync(join(CORPUS, "health")) && existsSync(join(CORPUS, "pages"));
if (!present) console.log(`match corpus tests skipped: ${CORPUS} is absent`);

/** Focus terms and synonyms of the health articles, plus nested and short terms. */
function healthGlossary(): MatchPattern[] {
  const rows = readFileSync(join(CORPUS, "health/INDEX.tsv"), "utf8").trim().split("\n").slice(1);
  const terms = rows.flatMap((r) => {
    const [, , focus = "", synonyms = ""] = r.split("\t");
    return [focus, ...synonyms.split("|")].filter((t) => t.trim() !== "");
  });
  const extra = [
    "kidney",
    "kidney disease",
    "chronic kidney disease",
    "blood",
    "blood pressure",
    "high blood pressure",
  ];
  const patterns = [...terms, ...extra].map((text, i) => ({ id: `h${i}`, text, caseSensitive: false }));
  return [
    ...patterns,
    { id: "ckd", text: "CKD", caseSensitive: true },
    { id: "esrd", text: "ESRD", caseSensitive: true },
  ];
}

const pageChunks = (dir: string, name: string) => htmlChunks(readFileSync(join(CORPUS, dir, name), "utf8"));

describe.skipIf(!present)("corpus", () => {
  it("health articles: engine = reference", () => {
    const glossary = healthGlossary();
    const index = buildIndex(glossary);
    let total = 0;
    for (const name of readdirSync(join(CORPUS, "health")).filter((f) => f.endsWith(".html"))) {
      const chunks = pageChunks("health", name);
      const got = matchChunks(index, chunks);
      expect(got, name).toEqual(referenceMatch(glossary, chunks));
      total += got.length;
    }
    expect(total).toBeGreaterThan(50);
  });

  it("78k vocabulary on real pages: ordered, non-overlapping, each span normalizes to a term of its id", () => {
    const patterns = scaleGlossary(join(CORPUS, "vocab/combined_scale_glossary.tsv"));
    const formsOf = new Map<string, Set<string>>();
    for (const p of patterns) {
      const set = formsOf.get(p.id) ?? new Set<string>();
      set.add(normalizeForm(p.text));
      formsOf.set(p.id, set);
    }
    const index = buildIndex(patterns);
    const pages = readdirSync(join(CORPUS, "pages"))
      .filter((f) => f.endsWith(".html"))
      .slice(0, 12);
    for (const name of pages) {
      const chunks = pageChunks("pages", name);
      const starts = chunks.map((_, i) => chunks.slice(0, i).join("").length);
      const text = chunks.join("");
      let prevEnd = 0;
      for (const m of matchChunks(index, chunks)) {
        const from = (starts[m.startChunk] as number) + m.startOffset;
        const to = (starts[m.endChunk] as number) + m.endOffset;
        expect(from, name).toBeGreaterThanOrEqual(prevEnd);
        expect(to).toBeGreaterThan(from);
        expect(formsOf.get(m.id)?.has(normalizeForm(text.slice(from, to)))).toBe(true);
        prevEnd = to;
      }
    }
  });
});
