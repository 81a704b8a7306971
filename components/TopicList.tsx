// The document's topics: summary and key points, a correction where the source
// document is wrong, the terms they use, and the source text on demand (shown
// at once for a topic that has only a title).

import type { Term, Topic } from "../glossary/types";

export interface TopicListProps {
  topics: readonly Topic[];
  terms: ReadonlyMap<string, Term>;
  openTopicId?: string;
  /** When given, each term is a button that opens it. */
  onOpenTerm?: (id: string) => void;
}

export function TopicList({ topics, terms, openTopicId, onOpenTerm }: TopicListProps) {
  return (
    <ul class="topics" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic.id}>
          <details class="topic" id={`topic-${topic.id}`} open={topic.id === openTopicId}>
            <summary>{topic.title}</summary>
            {topic.summary ? (
              <p>{topic.summary}</p>
            ) : (
              // A topic with only a title: the section's own words stand for it.
              <blockquote class="topic-source">{topic.source}</blockquote>
            )}
            {topic.correction && (
              <p class="correction">
                <strong>Correction of the source document: </strong>
                {topic.correction}
              </p>
            )}
            {topic.points.length > 0 && (
              <ul class="points">
                {topic.points.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            {topic.termIds.length > 0 && (
              <p class="topic-terms">
                Terms:{" "}
                {onOpenTerm
                  ? topic.termIds
                      .filter((id) => terms.has(id))
                      .map((id, i) => (
                        <span key={id}>
                          {i > 0 && ", "}
                          <button type="button" class="link" onClick={() => onOpenTerm(id)}>
                            {terms.get(id)?.term}
                          </button>
                        </span>
                      ))
                  : topic.termIds
                      .map((id) => terms.get(id)?.term)
                      .filter(Boolean)
                      .join(", ")}
              </p>
            )}
            {topic.summary && (
              <details class="source">
                <summary>Read the source</summary>
                <blockquote>{topic.source}</blockquote>
              </details>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
