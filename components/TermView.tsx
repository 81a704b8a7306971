// One term in full: definition, longer explanation, a correction where the
// source document is wrong, the quotes it is grounded in, related terms and
// topics. Props only. Corrections show here and in the topic, never in the
// tooltip (which shows on any page).

import type { Ref } from "preact";
import type { Citation, Reference, SourceDocument, Term, Topic } from "../glossary/types";

/** Where a quote comes from, in words: the document's title and credit, or the reference. */
export function citationSource(
  c: Citation,
  documents: readonly SourceDocument[] = [],
  references: readonly Reference[] = [],
): string {
  if (c.referenceId !== undefined) {
    const r = references.find((x) => x.id === c.referenceId);
    if (!r) return "A published source";
    const id = r.pmid ? `PMID ${r.pmid}` : r.doi ? `doi:${r.doi}` : (r.url ?? "");
    return [`${r.authors}. ${r.title}. ${r.source}`, r.year === "n.d." ? "" : r.year, id]
      .filter(Boolean)
      .join(", ");
  }
  const d = documents.find((x) => x.id === c.documentId);
  if (!d) return "From the source document";
  return [`${d.title} (${d.publisher})`, d.credit].filter(Boolean).join(". ");
}

export interface TermViewProps {
  term: Term;
  related: readonly Pick<Term, "id" | "term">[];
  topics: readonly Pick<Topic, "id" | "title">[];
  /** Occurrences in the current tab; 0 hides "Show on the page". */
  onPage: number;
  onBack: () => void;
  onOpenTerm: (id: string) => void;
  onOpenTopic: (id: string) => void;
  onShow: (id: string) => void;
  headingRef?: Ref<HTMLHeadingElement>;
  /** To name the source of each quote; without them a generic caption is shown. */
  documents?: readonly SourceDocument[];
  references?: readonly Reference[];
}

export function TermView({
  term,
  related,
  topics,
  onPage,
  onBack,
  onOpenTerm,
  onOpenTopic,
  onShow,
  headingRef,
  documents,
  references,
}: TermViewProps) {
  const citations: readonly Citation[] =
    term.citations ?? (term.evidence ? [{ documentId: term.documentId, quote: term.evidence }] : []);
  return (
    <article class="term-view" aria-labelledby="term-heading">
      <button type="button" class="back" onClick={onBack}>
        ← Back
      </button>
      <h2 id="term-heading" tabIndex={-1} ref={headingRef}>
        {term.term}
      </h2>
      {term.variants.length > 0 && <p class="variants">Also: {term.variants.join(", ")}</p>}
      <p class="definition">{term.definition}</p>
      {term.explanation && <p class="explanation">{term.explanation}</p>}
      {term.correction && (
        <p class="correction">
          <strong>Correction of the source document: </strong>
          {term.correction}
        </p>
      )}
      {onPage > 0 && (
        <p>
          <button type="button" class="show" onClick={() => onShow(term.id)}>
            Show on the page ({onPage})
          </button>
        </p>
      )}
      {citations.map((c, i) => (
        <figure class="evidence" key={`${i}:${c.quote}`}>
          <figcaption>{citationSource(c, documents, references)}</figcaption>
          <blockquote>{c.quote}</blockquote>
        </figure>
      ))}
      {related.length > 0 && (
        <nav aria-label="Related terms">
          <h3>Related terms</h3>
          <ul class="chips">
            {related.map((r) => (
              <li key={r.id}>
                <button type="button" class="chip" onClick={() => onOpenTerm(r.id)}>
                  {r.term}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {topics.length > 0 && (
        <nav aria-label="Topics">
          <h3>In topics</h3>
          <ul class="chips">
            {topics.map((t) => (
              <li key={t.id}>
                <button type="button" class="chip" onClick={() => onOpenTopic(t.id)}>
                  {t.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}
