// The two glossaries of the benchmark: the shipped seed glossary (or a
// built-in calciphylaxis list when it is not generated yet) and the 78k-term
// scale vocabulary.
import { existsSync, readFileSync } from "node:fs";
import type { MatchPattern } from "../../glossary/match/index";

const SEED_TERMS = [
  "calciphylaxis",
  "calcific uremic arteriolopathy",
  "CUA",
  "calcium",
  "calcification",
  "vascular calcification",
  "blood vessels",
  "blood vessel",
  "arteries",
  "arterioles",
  "arteriole",
  "necrosis",
  "skin necrosis",
  "kidney disease",
  "chronic kidney disease",
  "CKD",
  "end-stage renal disease",
  "ESRD",
  "kidney failure",
  "dialysis",
  "hemodialysis",
  "peritoneal dialysis",
  "kidney transplant",
  "biopsy",
  "skin biopsy",
  "debridement",
  "wound care",
  "ulcer",
  "ulcers",
  "skin ulcers",
  "sepsis",
  "infection",
  "phosphate",
  "phosphorus",
  "parathyroid hormone",
  "hyperparathyroidism",
  "parathyroidectomy",
  "sodium thiosulfate",
  "warfarin",
  "vitamin K",
  "vitamin D",
  "obesity",
  "diabetes",
  "inflammation",
  "pain",
  "livedo reticularis",
  "hyperbaric oxygen therapy",
  "cinacalcet",
  "thrombosis",
  "prognosis",
  "mortality",
];

export function seedGlossary(root: string): { label: string; patterns: MatchPattern[] } {
  const file = `${root}/glossary/generated/glossary.json`;
  if (existsSync(file)) {
    const g = JSON.parse(readFileSync(file, "utf8")) as {
      terms: { id: string; term: string; variants: string[]; caseSensitive: string[] }[];
    };
    const patterns = g.terms.flatMap((t) =>
      [t.term, ...t.variants].map((text) => ({
        id: t.id,
        text,
        caseSensitive: t.caseSensitive.includes(text),
      })),
    );
    return { label: `seed glossary (generated, ${patterns.length} forms)`, patterns };
  }
  const patterns = SEED_TERMS.map((text, i) => ({
    id: `t${i}`,
    text,
    caseSensitive: /^[A-Z]{2,}$/.test(text),
  }));
  return { label: `seed glossary (built-in, ${patterns.length} terms)`, patterns };
}

/** Distinct terms of the TSV; all-caps short terms (ESRD, IS) are case-sensitive. */
export function scaleGlossary(file: string): MatchPattern[] {
  const seen = new Set<string>();
  const patterns: MatchPattern[] = [];
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 1; i < lines.length; i++) {
    const cols = (lines[i] as string).split("\t");
    const term = (cols[0] ?? "").trim();
    if (term === "" || seen.has(term)) continue;
    seen.add(term);
    const caseSensitive = term.length <= 12 && /\p{Lu}/u.test(term) && !/\p{Ll}/u.test(term);
    patterns.push({ id: cols[4] || term, text: term, caseSensitive });
  }
  return patterns;
}
