// Shapes validated drafts into the shipped files. Assumes validation passed.
import { buildIndex, type MatchPattern, serializeIndex } from "../match/index";
import type { CompiledGlossary, ContentData, SourceDocument, Term, Topic } from "../types";
import type { ParsedDocument } from "./document";
import type { EntryDraft, TopicDraft } from "./records";

export function compileGlossary(
  docs: ParsedDocument[],
  topics: TopicDraft[],
  entries: EntryDraft[],
): CompiledGlossary {
  const documents: SourceDocument[] = docs.map((d) => ({
    id: d.id,
    title: d.title,
    publisher: d.publisher,
    origin: d.origin,
    disclaimer: d.disclaimer,
  }));
  // Topics follow the order of the sections in their document.
  const compiledTopics: Topic[] = docs.flatMap((doc) =>
    doc.sections.flatMap((section) => {
      const t = topics.find((x) => x.documentId === doc.id && x.id.value === section.id);
      if (!t) return [];
      const topic: Topic = {
        id: t.id.value,
        title: t.title,
        summary: t.summary.value,
        points: t.points,
        termIds: entries.filter((e) => e.topics.value.includes(t.id.value)).map((e) => e.id.value),
        source: section.text,
        documentId: doc.id,
      };
      if (t.correction) topic.correction = t.correction;
      return [topic];
    }),
  );
  const terms: Term[] = entries.map((e) => {
    const term: Term = {
      id: e.id.value,
      term: e.term.value,
      variants: e.variants.value,
      definition: e.definition.value,
      topicIds: e.topics.value,
      related: e.related.value,
      evidence: e.evidence.value,
      everyday: e.everyday,
      caseSensitive: e.caseSensitive.value,
      documentId: e.documentId,
    };
    if (e.explanation) term.explanation = e.explanation;
    if (e.correction) term.correction = e.correction;
    return term;
  });
  return { documents, topics: compiledTopics, terms };
}

export function matchPatterns(terms: readonly Term[]): MatchPattern[] {
  return terms.flatMap((t) =>
    [t.term, ...t.variants].map((text) => ({
      id: t.id,
      text,
      caseSensitive: t.caseSensitive.includes(text),
    })),
  );
}

export function compileContentData(glossary: CompiledGlossary): ContentData {
  return {
    version: 1,
    index: serializeIndex(buildIndex(matchPatterns(glossary.terms))),
    everyday: glossary.terms.filter((t) => t.everyday).map((t) => t.id),
  };
}
