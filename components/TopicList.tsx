// A document's topics: summary and key points, a correction where the source
// document is wrong, the terms they use, and the source text on demand (shown
// at once for a topic that has only a title). A topic's content is made only
// while it is open (components/Disclosure.tsx).

import type { Term, Topic } from "../glossary/types";
import { Disclosure } from "./Disclosure";

export interface TopicListProps {
  topics: readonly Topic[];
  terms: ReadonlyMap<string, Term>;
  openTopicId?: string;
  /** When given, each term is a button that opens it. */
  onOpenTerm?: (id: string) => void;
  /** The element id of each topic; `topic-<id>` unless told (a topic listed twice needs a second id). */
  idOf?: (topicId: string) => string;
  label?: string;
}

function TopicBody({
  topic,
  terms,
  onOpenTerm,
}: { topic: Topic } & Pick<TopicListProps, "terms" | "onOpenTerm">) {
  return (
    <>
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
    </>
  );
}

export function TopicList({
  topics,
  terms,
  openTopicId,
  onOpenTerm,
  idOf = (id) => `topic-${id}`,
  label = "Topics",
}: TopicListProps) {
  return (
    <ul class="topics" aria-label={label}>
      {topics.map((topic) => (
        <li key={topic.id}>
          <Disclosure
            class="topic"
            id={idOf(topic.id)}
            data={{ topic: topic.id }}
            open={topic.id === openTopicId}
            summary={topic.title}
          >
            {() => <TopicBody topic={topic} terms={terms} onOpenTerm={onOpenTerm} />}
          </Disclosure>
        </li>
      ))}
    </ul>
  );
}
