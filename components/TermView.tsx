// One term in full: definition, longer explanation, a correction where the
// source is wrong, the quote it comes from, related terms and topics. Props only.

import type { Ref } from "preact";
import type { Term, Topic } from "../glossary/types";

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
}: TermViewProps) {
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
      {term.correction && <p class="correction">{term.correction}</p>}
      {onPage > 0 && (
        <p>
          <button type="button" class="show" onClick={() => onShow(term.id)}>
            Show on the page ({onPage})
          </button>
        </p>
      )}
      {term.evidence && (
        <figure class="evidence">
          <figcaption>From the source document</figcaption>
          <blockquote>{term.evidence}</blockquote>
        </figure>
      )}
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
