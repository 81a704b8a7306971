// The glossaries of the benchmarks: the seed glossary (the entries of the
// first source document, calciphylaxis, which was the whole glossary before
// the other documents came), the shipped glossary (every entry), and the
// 78k-term scale vocabulary. Seed and shipped are read from the generated
// glossary (`npm run glossary`), so both carry today's forms.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { compileContentData, matchPatterns } from "../../glossary/build/compile";
import type { MatchPattern } from "../../glossary/match/index";
import type { CompiledGlossary, ContentData, Term } from "../../glossary/types";

export const SEED_DOCUMENT = "calciphylaxis";

export interface BenchGlossary {
  label: string;
  terms: Term[];
  patterns: MatchPattern[];
}

function generated(root: string): CompiledGlossary {
  return JSON.parse(readFileSync(join(root, "glossary/generated/glossary.json"), "utf8")) as CompiledGlossary;
}

function named(label: string, terms: Term[]): BenchGlossary {
  const patterns = matchPatterns(terms);
  return { label: `${label} (${terms.length} entries, ${patterns.length} forms)`, terms, patterns };
}

/** Every entry the extension ships. */
export function shippedGlossary(root: string): BenchGlossary {
  return named("shipped glossary", generated(root).terms);
}

/** The entries the seed document defines (its entries.yaml), as built today. */
export function seedGlossary(root: string): BenchGlossary {
  const file = join(root, "glossary/documents", SEED_DOCUMENT, "entries.yaml");
  const ids = new Set((parse(readFileSync(file, "utf8")) as { id: string }[]).map((e) => e.id));
  const terms = generated(root).terms.filter((t) => ids.has(t.id));
  if (terms.length !== ids.size)
    throw new Error(`seed glossary: ${ids.size} ids in ${file}, ${terms.length} built`);
  return named("seed glossary", terms);
}

/** The content script's matching data for the seed entries alone, as the build makes it. */
export function seedContentData(root: string): ContentData {
  return compileContentData({ ...generated(root), terms: seedGlossary(root).terms });
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
