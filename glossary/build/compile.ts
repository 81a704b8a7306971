// Shapes validated drafts into the shipped files. Assumes validation passed.
import { buildIndex, type MatchPattern, NOT_A_TERM, serializeIndex } from "../match/index";
import type {
  Citation,
  CitedText,
  CompiledGlossary,
  ContentData,
  Reference,
  SourceDocument,
  Term,
  TestCard,
  Topic,
} from "../types";
import type { ParsedDocument } from "./document";
import type { EntryDraft, ReferenceDraft, TopicDraft } from "./records";
import type { CitationDraft, CitedTextDraft } from "./schema";

/** A citation names its document even when the YAML left it implicit. */
function citation(c: CitationDraft, ownDocument: string): Citation {
  return c.reference !== undefined
    ? { referenceId: c.reference, quote: c.quote }
    : { documentId: c.document ?? ownDocument, quote: c.quote };
}

function cited(p: CitedTextDraft | undefined, ownDocument: string): CitedText | undefined {
  return p ? { text: p.text, cite: citation(p.cite, ownDocument) } : undefined;
}

export function compileGlossary(
  docs: ParsedDocument[],
  topics: TopicDraft[],
  entries: EntryDraft[],
  references: ReferenceDraft[] = [],
): CompiledGlossary {
  const documents: SourceDocument[] = docs.map((d) => {
    const doc: SourceDocument = {
      id: d.id,
      title: d.title,
      publisher: d.publisher,
      origin: d.origin,
      disclaimer: d.disclaimer,
    };
    if (d.credit) doc.credit = d.credit;
    if (d.theme) doc.theme = d.theme;
    return doc;
  });
  // Topics follow the order of the sections in their document.
  const compiledTopics: Topic[] = docs.flatMap((doc) =>
    doc.sections.flatMap((section) => {
      const t = topics.find((x) => x.documentId === doc.id && x.id.value === section.id);
      if (!t) return [];
      const own = (list: readonly CitationDraft[]) => list.map((c) => citation(c, doc.id));
      const topic: Topic = {
        id: t.id.value,
        title: t.title,
        summary: t.summary?.value ?? "",
        points: t.points.map((p) => p.text),
        termIds: entries.filter((e) => e.topics.value.includes(t.id.value)).map((e) => e.id.value),
        source: section.text,
        documentId: doc.id,
        summaryCitations: own(t.summaryCitations?.value ?? []),
        pointCitations: t.points.map((p) => own(p.citations)),
      };
      if (t.correction) {
        topic.correction = t.correction.value;
        topic.correctionCitations = own(t.correctionCitations?.value ?? []);
      }
      return [topic];
    }),
  );
  const terms: Term[] = entries.map((e) => {
    const citations = e.citations.value.map((c) => citation(c, e.documentId));
    const term: Term = {
      id: e.id.value,
      term: e.term.value,
      variants: e.variants.value,
      definition: e.definition.value,
      topicIds: e.topics.value,
      related: e.related.value,
      evidence: citations[0]?.quote ?? "",
      citations,
      everyday: e.everyday,
      caseSensitive: e.caseSensitive.value,
      documentId: e.documentId,
    };
    if (e.explanation) term.explanation = e.explanation;
    if (e.notWithin.value.length > 0) term.notWithin = e.notWithin.value;
    if (e.correction) {
      term.correction = e.correction.value;
      term.correctionCitations = (e.correctionCitations?.value ?? []).map((c) => citation(c, e.documentId));
    }
    if (e.test) {
      const test: TestCard = {
        measures: cited(e.test.measures, e.documentId) as CitedText,
        questions: e.test.questions.map((q) => cited(q, e.documentId) as CitedText),
      };
      for (const key of ["why", "high", "low"] as const) {
        const part = cited(e.test[key], e.documentId);
        if (part) test[key] = part;
      }
      term.test = test;
    }
    return term;
  });
  const refs: Reference[] = references.map((r) => {
    const ref: Reference = {
      id: r.id.value,
      authors: r.authors,
      title: r.title,
      source: r.source,
      year: r.year,
    };
    for (const key of ["pmid", "doi", "url"] as const) if (r[key]) ref[key] = r[key];
    return ref;
  });
  return { documents, topics: compiledTopics, terms, references: refs };
}

export function matchPatterns(terms: readonly Term[]): MatchPattern[] {
  return terms.flatMap((t) => [
    ...[t.term, ...t.variants].map((text) => ({
      id: t.id,
      text,
      caseSensitive: t.caseSensitive.includes(text),
    })),
    ...(t.notWithin ?? []).map((text) => ({ id: NOT_A_TERM, text, caseSensitive: false })),
  ]);
}

export function compileContentData(glossary: CompiledGlossary): ContentData {
  return {
    version: 1,
    index: serializeIndex(buildIndex(matchPatterns(glossary.terms))),
    everyday: glossary.terms.filter((t) => t.everyday).map((t) => t.id),
  };
}
