// The popup's topics and sources, grouped: first "On this page" (the topics
// of the terms found in the tab), then one group per theme (glossary/themes.ts)
// in the list's order, each holding its documents by title, each document its
// topics in the document's order. A filter narrows every group to the topics
// that match all its words, and puts the themes and documents that name them
// before those that only mention them. Pure: the glossary comes in as an argument.
//
// Matching, per query word (lower case, accents dropped, "and"/"of"/… ignored
// when other words remain; a topic must match every word): a word of the
// topic's names (its title, its document's title and publisher, its theme,
// the terms it explains and their variants) starts with it, holds it (5+
// letters: "dialysis" in "hemodialysis") or is it with a typo (4+ letters, as
// in search.ts); or a word of its text (summary, key points, correction, the
// section itself) starts with it (3+ letters) or holds it (5+). A word naming
// a document or theme finds every topic of that document or theme. Each query
// word is tried once against the distinct words of all topics, then each
// topic is a few set lookups: a keystroke stays within a few milliseconds.

import { allowedEdits, editDistance, fold, normalize } from "./search";
import { THEMES, themeOf } from "./themes";
import type { CompiledGlossary, SourceDocument, Topic } from "./types";

/** The id of the first group: the topics of the terms on the current page. */
export const ON_PAGE = "on-page";
/** The id of the last group: documents whose theme is missing or unknown. */
export const OTHER = "other";

export interface DocumentTopics {
  document: SourceDocument;
  /** The topics shown in this group, in the document's order. */
  topics: Topic[];
  /** How many topics the document has in all. */
  total: number;
}

export interface TopicGroup {
  /** ON_PAGE, a theme id, or OTHER. */
  id: string;
  title: string;
  documents: DocumentTopics[];
}

interface TopicWords {
  topic: Topic;
  /** Its title, its document's title and publisher, its theme, its terms and their variants. */
  names: string[];
  /** Its summary, key points, correction and the section's own text (long: made on first use). */
  text: string[];
}

interface Words {
  topics: ReadonlyMap<string, TopicWords>;
  /** Every distinct word of the names and of the texts, each tried once per query word. */
  nameVocabulary: readonly string[];
  textVocabulary: readonly string[];
}

export interface TopicIndex {
  /** The theme groups in display order, each with its documents by title. */
  themes: { id: string; title: string; documents: SourceDocument[] }[];
  documents: ReadonlyMap<string, SourceDocument>;
  /** Each document's topics, in the document's order. */
  topicsOf: ReadonlyMap<string, readonly Topic[]>;
  /** The topics each term belongs to. */
  termTopics: ReadonlyMap<string, readonly string[]>;
  /** The filter's words, made when the first filter is typed (the sections' text is long). */
  words: () => Words;
}

const STOP_WORDS = new Set(["a", "an", "and", "as", "for", "in", "of", "on", "or", "the", "to", "with"]);

const wordsOf = (text: string): string[] => normalize(text).split(" ").filter(Boolean);
const unique = (words: string[]): string[] => [...new Set(words)];

const byTitle = (a: SourceDocument, b: SourceDocument) =>
  a.title.localeCompare(b.title) || a.id.localeCompare(b.id);

function buildWords(glossary: Pick<CompiledGlossary, "documents" | "topics" | "terms">): Words {
  const documents = new Map(glossary.documents.map((d) => [d.id, d]));
  const termNames = new Map(glossary.terms.map((t) => [t.id, [t.term, ...t.variants].join(" ")]));
  const topics = new Map<string, TopicWords>();
  const names = new Set<string>();
  const texts = new Set<string>();
  for (const topic of glossary.topics) {
    const doc = documents.get(topic.documentId);
    const entry = {
      topic,
      names: unique(
        wordsOf(
          [
            topic.title,
            doc?.title ?? "",
            doc ? shortPublisher(doc.publisher) : "",
            themeOf(doc?.theme)?.label ?? "",
            ...topic.termIds.map((id) => termNames.get(id) ?? ""),
          ].join(" "),
        ),
      ),
      text: unique(
        wordsOf([topic.summary, ...topic.points, topic.correction ?? "", topic.source].join(" ")),
      ).filter((w) => w.length >= 3),
    };
    topics.set(topic.id, entry);
    for (const w of entry.names) names.add(w);
    for (const w of entry.text) texts.add(w);
  }
  return { topics, nameVocabulary: [...names], textVocabulary: [...texts] };
}

export function buildTopicIndex(
  glossary: Pick<CompiledGlossary, "documents" | "topics" | "terms">,
): TopicIndex {
  const documents = new Map(glossary.documents.map((d) => [d.id, d]));
  const topicsOf = new Map<string, Topic[]>();
  for (const topic of glossary.topics) {
    const list = topicsOf.get(topic.documentId) ?? [];
    list.push(topic);
    topicsOf.set(topic.documentId, list);
  }
  const termTopics = new Map<string, string[]>();
  for (const t of glossary.terms) termTopics.set(t.id, t.topicIds);

  const withTopics = glossary.documents.filter((d) => topicsOf.has(d.id));
  const themes = [...THEMES, { id: OTHER, label: "Other documents" }]
    .map((theme) => ({
      id: theme.id,
      title: theme.label,
      documents: withTopics
        .filter((d) => (themeOf(d.theme) ? d.theme === theme.id : theme.id === OTHER))
        .sort(byTitle),
    }))
    .filter((g) => g.documents.length > 0);
  let words: Words | undefined;
  return { themes, documents, topicsOf, termTopics, words: () => (words ??= buildWords(glossary)) };
}

/** The words a query filters by; [] shows everything. */
export function queryWords(query: string): string[] {
  const all = wordsOf(query);
  const kept = all.filter((w) => !STOP_WORDS.has(w));
  return kept.length > 0 ? kept : all;
}

const letterCounts = new Int16Array(64);

/**
 * A quick lower bound on the edits from `a` to `b` or to any start of `b`:
 * the letters of `a` that `b` lacks (a substitution or deletion accounts for
 * one each; insertions and swaps for none). Letters are counted by their
 * code's low six bits: sharing a slot only lowers the bound. Most words of
 * the vocabulary fail it and never reach editDistance.
 */
export function missingLetters(a: string, b: string, max: number): number {
  letterCounts.fill(0);
  for (let i = 0; i < b.length; i++) {
    const slot = b.charCodeAt(i) & 63;
    letterCounts[slot] = (letterCounts[slot] as number) + 1;
  }
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const slot = a.charCodeAt(i) & 63;
    const left = letterCounts[slot] as number;
    if (left > 0) letterCounts[slot] = left - 1;
    else if (++missing > max) break;
  }
  return missing;
}

/** A name word fits a query word by its start, inside it (5+ letters: "dialysis" in "hemodialysis"), or with a typo. */
function fitsName(q: string, w: string): boolean {
  if (w.startsWith(q) || (q.length >= 5 && w.includes(q))) return true;
  const max = allowedEdits(q.length);
  if (max === 0) return false;
  const fq = fold(q);
  const fw = fold(w);
  if (missingLetters(fq, fw, max) > max) return false;
  return (
    editDistance(fq, fw, max) <= max ||
    (fw.length > fq.length && editDistance(fq, fw.slice(0, fq.length), max) <= max)
  );
}

/** A text word fits by its start or, for 5+ letters, anywhere inside it; no typos. */
const fitsText = (q: string, w: string): boolean =>
  q.length >= 3 && (w.startsWith(q) || (q.length >= 5 && w.includes(q)));

/**
 * The topics that match every query word, each with how many of the words
 * its names hold (the rest are in its text). Each word is tried once
 * against the vocabularies, then each topic is a few set lookups.
 */
function matchingTopics(index: TopicIndex, query: readonly string[]): Map<string, number> {
  const { topics, nameVocabulary, textVocabulary } = index.words();
  const fits = query.map((q) => ({
    names: new Set(nameVocabulary.filter((w) => fitsName(q, w))),
    text: new Set(textVocabulary.filter((w) => fitsText(q, w))),
  }));
  const out = new Map<string, number>();
  for (const [id, entry] of topics) {
    let inNames = 0;
    const all = fits.every((f) => {
      if (entry.names.some((w) => f.names.has(w))) {
        inNames++;
        return true;
      }
      return entry.text.some((w) => f.text.has(w));
    });
    if (all) out.set(id, inNames);
  }
  return out;
}

/**
 * The topics of the terms found on the page, with how many distinct page
 * terms lead to each and how often they occur.
 */
export function pageTopics(
  index: TopicIndex,
  counts: Readonly<Record<string, number>>,
): Map<string, { terms: number; count: number }> {
  const out = new Map<string, { terms: number; count: number }>();
  for (const [termId, count] of Object.entries(counts)) {
    if (!(count > 0)) continue;
    for (const topicId of index.termTopics.get(termId) ?? []) {
      const seen = out.get(topicId) ?? { terms: 0, count: 0 };
      out.set(topicId, { terms: seen.terms + 1, count: seen.count + count });
    }
  }
  return out;
}

export interface GroupOptions {
  /** Occurrences of each term in the current tab (the popup's "On this page"). */
  counts?: Readonly<Record<string, number>>;
  /** The filter; empty or only spaces shows every topic. */
  query?: string;
}

/**
 * The groups to show: "On this page" first (its documents by how many of the
 * page's terms lead to them, then by occurrences, then by title), then the
 * themes. A topic of the page is also listed under its theme, so every
 * document there is whole. With a query, only matching topics remain,
 * empty documents and groups are left out, and the themes and their
 * documents whose topics name the words (title, document, theme, terms) come
 * before those that only mention them in their text.
 */
export function groupTopics(index: TopicIndex, options: GroupOptions = {}): TopicGroup[] {
  const words = queryWords(options.query ?? "");
  const matching = words.length > 0 ? matchingTopics(index, words) : null;
  const keep = (topic: Topic) => matching === null || matching.has(topic.id);
  const groups: TopicGroup[] = [];

  const onPage = pageTopics(index, options.counts ?? {});
  if (onPage.size > 0) {
    const docs: (DocumentTopics & { terms: number; count: number })[] = [];
    for (const [docId, all] of index.topicsOf) {
      const document = index.documents.get(docId);
      if (!document) continue;
      let terms = 0;
      let count = 0;
      const topics: Topic[] = [];
      for (const topic of all) {
        const hit = onPage.get(topic.id);
        if (!hit || !keep(topic)) continue;
        topics.push(topic);
        terms += hit.terms;
        count += hit.count;
      }
      if (topics.length > 0) docs.push({ document, topics, total: all.length, terms, count });
    }
    docs.sort((a, b) => b.terms - a.terms || b.count - a.count || byTitle(a.document, b.document));
    if (docs.length > 0) {
      groups.push({
        id: ON_PAGE,
        title: "On this page",
        documents: docs.map(({ document, topics, total }) => ({ document, topics, total })),
      });
    }
  }

  // With a query, what names the words comes before what only mentions them:
  // themes and documents by their best topic (how many words its names hold),
  // ties in the usual order (sort is stable).
  const best = (topics: readonly Topic[]) => Math.max(0, ...topics.map((t) => matching?.get(t.id) ?? 0));
  const themed: (TopicGroup & { best: number })[] = [];
  for (const theme of index.themes) {
    const documents: (DocumentTopics & { best: number })[] = [];
    for (const document of theme.documents) {
      const all = index.topicsOf.get(document.id) ?? [];
      const topics = all.filter(keep);
      if (topics.length > 0) documents.push({ document, topics, total: all.length, best: best(topics) });
    }
    if (documents.length === 0) continue;
    documents.sort((a, b) => b.best - a.best);
    themed.push({
      id: theme.id,
      title: theme.title,
      documents: documents.map(({ document, topics, total }) => ({ document, topics, total })),
      best: Math.max(...documents.map((d) => d.best)),
    });
  }
  themed.sort((a, b) => b.best - a.best);
  for (const { id, title, documents } of themed) groups.push({ id, title, documents });
  return groups;
}

/** Distinct topics and documents in the groups (a topic on the page counts once). */
export function countShown(groups: readonly TopicGroup[]): { topics: number; documents: number } {
  const topics = new Set<string>();
  const documents = new Set<string>();
  for (const g of groups) {
    for (const d of g.documents) {
      documents.add(d.document.id);
      for (const t of d.topics) topics.add(t.id);
    }
  }
  return { topics: topics.size, documents: documents.size };
}

/**
 * A short name for who published a document, for its line in the list:
 * the acronym in parentheses ("… Blood Institute (NHLBI)" → "NHLBI"), else
 * the name before them ("MedlinePlus (U.S. National Library of Medicine)" →
 * "MedlinePlus"), else the whole name.
 */
export function shortPublisher(publisher: string): string {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(publisher.trim());
  if (!m) return publisher.trim();
  const [, before = "", inside = ""] = m;
  if (/^[A-Z0-9&.-]{2,}$/.test(inside)) return inside;
  return before || inside;
}
