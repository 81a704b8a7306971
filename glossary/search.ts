// Search over the glossary's terms and topics, for the popup. Pure: the
// compiled glossary comes in as an argument, so tests and any other caller
// use the same engine.
//
// Ranking, best first: the exact term, an exact variant, the term starting
// with the query, a variant starting with it, every query word starting a
// word of a name, the same with typos, then the query in the definition or
// topic text. Typos are forgiven by edit distance (a swap counts as one
// edit), scaled to the word's length, so "kidny" finds kidney disease but
// "pan" does not find "pain". The glossary has under a hundred entries, so a
// scan per keystroke takes well under a millisecond; no index is needed.

import { buildIndex, type MatchIndex, matchChunks } from "./match/index";
import type { CompiledGlossary } from "./types";

export type MatchReason = "term" | "variant" | "prefix" | "word" | "typo" | "text";

export interface SearchHit {
  kind: "term" | "topic";
  id: string;
  title: string;
  /** One line to show under the title: the definition, or the topic's document and summary. */
  detail: string;
  reason: MatchReason;
  score: number;
}

interface Entry {
  kind: "term" | "topic";
  id: string;
  title: string;
  detail: string;
  /** Normalised title, then variants. */
  names: string[];
  nameWords: string[];
  textWords: string[];
}

export interface SearchIndex {
  entries: Entry[];
  /**
   * The page matcher over every term and variant: a query that names a term
   * the way a page would ("end stage renal disease", "calciphylaxis's",
   * "ESRD", a pasted sentence) finds it by the same rules as the highlights.
   */
  terms: MatchIndex;
}

/** Lower case, no accents, words separated by single spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const words = (text: string): string[] => normalize(text).split(" ").filter(Boolean);

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

export function buildSearchIndex(glossary: CompiledGlossary): SearchIndex {
  const entries: Entry[] = [];
  for (const t of glossary.terms) {
    const names = [t.term, ...t.variants].map(normalize);
    entries.push({
      kind: "term",
      id: t.id,
      title: t.term,
      detail: firstSentence(t.definition),
      names,
      nameWords: [...new Set(names.flatMap((n) => n.split(" ")))],
      textWords: [...new Set(words(`${t.definition} ${t.explanation ?? ""}`))].filter((w) => w.length > 2),
    });
  }
  const terms = buildIndex(
    glossary.terms.flatMap((t) =>
      [t.term, ...t.variants].map((text) => ({
        id: t.id,
        text,
        caseSensitive: t.caseSensitive.includes(text),
      })),
    ),
  );
  const documentTitles = new Map(glossary.documents.map((d) => [d.id, d.title]));
  for (const topic of glossary.topics) {
    const name = normalize(topic.title);
    entries.push({
      kind: "topic",
      id: topic.id,
      title: topic.title,
      // Many documents have a "Treatment" or "Symptoms": the detail names whose.
      detail: [documentTitles.get(topic.documentId), firstSentence(topic.summary)]
        .filter(Boolean)
        .join(" — "),
      names: [name],
      nameWords: name.split(" "),
      textWords: [...new Set(words(`${topic.summary} ${topic.points.join(" ")}`))].filter(
        (w) => w.length > 2,
      ),
    });
  }
  return { entries, terms };
}

/** Edits a word of this length may have and still count as a typo of another. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once over `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

const folded = new Map<string, string>();

/** Spelling that sounds alike, folded before typos are counted ("calcifilaxis"). */
export function fold(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    f = word.replace(/ph/g, "f").replace(/y/g, "i").replace(/ae/g, "e");
    // Remembered: the glossary's vocabulary is a few thousand words at most.
    if (folded.size < 20_000) folded.set(word, f);
  }
  return f;
}

/** How well one query word fits a list of words: 0 none, 1 typo, 2 prefix, 3 exact; with the edits used. */
function wordFit(
  q: string,
  candidates: readonly string[],
  allowPrefix: boolean,
): { fit: number; edits: number } {
  let best = { fit: 0, edits: 0 };
  const max = allowedEdits(q.length);
  for (const w of candidates) {
    if (w === q) return { fit: 3, edits: 0 };
    if (allowPrefix && w.startsWith(q)) {
      best = { fit: 2, edits: 0 };
      continue;
    }
    if (best.fit >= 2 || max === 0) continue;
    // A typo in a whole word, or in the start of a longer word ("kidny dis").
    const fq = fold(q);
    const fw = fold(w);
    let d = editDistance(fq, fw, max);
    if (allowPrefix && fw.length > fq.length) {
      for (const len of [fq.length - 1, fq.length, fq.length + 1]) {
        if (len >= 3 && len < fw.length) d = Math.min(d, editDistance(fq, fw.slice(0, len), max));
      }
    }
    if (d <= max && (best.fit === 0 || d < best.edits)) best = { fit: 1, edits: d };
  }
  return best;
}

function score(
  entry: Entry,
  query: string,
  qWords: readonly string[],
): { score: number; reason: MatchReason } | null {
  const [title, ...variants] = entry.names;
  if (title === query) return { score: 100, reason: "term" };
  if (variants.includes(query)) return { score: 90, reason: "variant" };
  if (title?.startsWith(query)) return { score: 80, reason: "prefix" };
  if (variants.some((v) => v.startsWith(query))) return { score: 75, reason: "prefix" };
  // Word by word: every query word must fit a name word, or else the text.
  let worst = 70;
  let reason: MatchReason = "word";
  let edits = 0;
  for (const q of qWords) {
    // A short word is only a prefix when it is the last one (still being typed).
    const name = wordFit(q, entry.nameWords, q.length >= 2 || q === qWords[qWords.length - 1]);
    if (name.fit >= 2) continue;
    if (name.fit === 1) {
      worst = Math.min(worst, 60);
      if (reason === "word") reason = "typo";
      edits += name.edits;
      continue;
    }
    const text = wordFit(q, entry.textWords, q.length >= 4);
    if (text.fit >= 2) {
      worst = Math.min(worst, 40);
      reason = "text";
    } else if (text.fit === 1 && q.length >= 5) {
      worst = Math.min(worst, 30);
      reason = "text";
      edits += text.edits;
    } else return null;
  }
  return { score: worst - edits, reason };
}

/** The best matches for `query`, best first. */
export function search(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const q = normalize(query);
  if (!q) return [];
  const qWords = q.split(" ");
  // Terms the page matcher finds in the query: the whole query is that term
  // (ranked as a variant), or the query mentions it (ranked as a name word).
  const raw = query.trim();
  const named = new Map<string, boolean>();
  for (const m of matchChunks(index.terms, [raw])) {
    const whole = m.startOffset === 0 && m.endOffset >= raw.replace(/['’]s$/, "").length;
    named.set(m.id, (named.get(m.id) ?? false) || whole);
  }
  const hits: SearchHit[] = [];
  for (const entry of index.entries) {
    let s = score(entry, q, qWords);
    const whole = entry.kind === "term" ? named.get(entry.id) : undefined;
    if (whole !== undefined) {
      const byMatcher = whole
        ? { score: 90, reason: "variant" as const }
        : { score: 70, reason: "word" as const };
      if (!s || s.score < byMatcher.score) s = byMatcher;
    }
    if (s) {
      hits.push({ kind: entry.kind, id: entry.id, title: entry.title, detail: entry.detail, ...s });
    }
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      (a.kind === b.kind ? 0 : a.kind === "term" ? -1 : 1) ||
      a.title.length - b.title.length ||
      a.title.localeCompare(b.title),
  );
  return hits.slice(0, limit);
}
