// The popup's topics and sources: a filter box, then the groups made by
// glossary/topic-groups.ts ("On this page" first, then one per theme), each
// listing its documents with their credit line and, inside, their topics.
// Props only. Documents of the page, of a filter's results or holding the
// topic a link opened are open; the others show one line until opened.
// Keyboard: in the box, ArrowDown or Enter goes to the first topic, Escape
// clears; in the list, ArrowUp / ArrowDown move between the summaries (and
// back up to the box), Enter or Space opens one.

import type { Ref } from "preact";
import { countShown, ON_PAGE, shortPublisher, type TopicGroup } from "../glossary/topic-groups";
import type { SourceDocument, Term } from "../glossary/types";
import { Disclosure } from "./Disclosure";
import { TopicList } from "./TopicList";

export interface TopicBrowserProps {
  groups: readonly TopicGroup[];
  terms: ReadonlyMap<string, Term>;
  /** How many documents the glossary has, for the heading. */
  documentCount: number;
  query: string;
  onQuery: (query: string) => void;
  openTopicId?: string;
  onOpenTerm?: (id: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

/** The line a document's licence asks for, or who published it when there is none. */
export function creditLine(document: Pick<SourceDocument, "publisher" | "credit">): string {
  return document.credit ?? `From ${document.publisher}.`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const FILTER_ID = "topic-filter";
const GROUPS_ID = "topic-groups";
const STATUS_ID = "topic-filter-status";

/** Summaries in the list that can be seen (not inside a closed <details>). */
function visibleSummaries(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>("details > summary")].filter((s) => {
    for (
      let d = s.parentElement?.parentElement?.closest("details");
      d;
      d = d.parentElement?.closest("details")
    ) {
      if (!d.open) return false;
    }
    return true;
  });
}

export function TopicBrowser({
  groups,
  terms,
  documentCount,
  query,
  onQuery,
  openTopicId,
  onOpenTerm,
  inputRef,
}: TopicBrowserProps) {
  const filtering = query.trim() !== "";
  const shown = countShown(groups);
  // A topic listed under "On this page" keeps the plain id there (deep links
  // and the tooltip's topic link land on the first one a reader sees).
  const onPage = new Set(
    groups.find((g) => g.id === ON_PAGE)?.documents.flatMap((d) => d.topics.map((t) => t.id)) ?? [],
  );

  const onFilterKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && query !== "") {
      e.preventDefault();
      onQuery("");
    } else if (e.key === "ArrowDown" || (e.key === "Enter" && filtering)) {
      const root = document.getElementById(GROUPS_ID);
      const first =
        root?.querySelector<HTMLElement>(".topic > summary") ??
        (root ? visibleSummaries(root)[0] : undefined);
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const onListKey = (e: KeyboardEvent) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const target = e.target as HTMLElement;
    if (target.tagName !== "SUMMARY") return;
    const list = visibleSummaries(e.currentTarget as HTMLElement);
    const at = list.indexOf(target);
    if (at < 0) return;
    e.preventDefault();
    const next = list[at + (e.key === "ArrowDown" ? 1 : -1)];
    if (next) next.focus();
    else if (e.key === "ArrowUp") document.getElementById(FILTER_ID)?.focus();
  };

  return (
    <section aria-labelledby="topics-heading" class="topic-browser">
      <h2 id="topics-heading">
        Topics and sources <span class="muted">· {plural(documentCount, "document", "documents")}</span>
      </h2>
      <div class="topic-filter">
        <label for={FILTER_ID} class="visually-hidden">
          Filter topics
        </label>
        <input
          id={FILTER_ID}
          ref={inputRef}
          type="search"
          autocomplete="off"
          spellcheck={false}
          placeholder="Filter topics by word, document or theme"
          aria-controls={GROUPS_ID}
          aria-describedby={STATUS_ID}
          value={query}
          onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={onFilterKey}
        />
      </div>
      <p id={STATUS_ID} class={filtering ? "filter-status" : "visually-hidden"} role="status">
        {filtering
          ? shown.topics === 0
            ? `No topic matches “${query.trim()}”.`
            : `${plural(shown.topics, "topic", "topics")} in ${plural(shown.documents, "document", "documents")}`
          : ""}
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys only move between the summaries inside, which take focus themselves */}
      <div id={GROUPS_ID} class="topic-groups" onKeyDown={onListKey}>
        {groups.map((group) => (
          <section
            key={group.id}
            class={group.id === ON_PAGE ? "topic-group on-page-topics" : "topic-group"}
            data-group={group.id}
            aria-labelledby={`topic-group-${group.id}`}
          >
            <h3 id={`topic-group-${group.id}`}>
              {group.title}{" "}
              <span class="muted">· {plural(group.documents.length, "document", "documents")}</span>
            </h3>
            <ul class="documents">
              {group.documents.map(({ document, topics, total }) => (
                <li key={document.id}>
                  <Disclosure
                    class="document"
                    data={{ document: document.id }}
                    open={
                      group.id === ON_PAGE ||
                      filtering ||
                      (openTopicId !== undefined && topics.some((t) => t.id === openTopicId))
                    }
                    summary={
                      <>
                        <span class="document-title">{document.title}</span>{" "}
                        <span class="document-meta">
                          {shortPublisher(document.publisher)} ·{" "}
                          {topics.length < total
                            ? `${topics.length} of ${plural(total, "topic", "topics")}`
                            : plural(total, "topic", "topics")}
                        </span>
                      </>
                    }
                  >
                    {() => (
                      <>
                        <p class="credit">{creditLine(document)}</p>
                        <TopicList
                          topics={topics}
                          terms={terms}
                          openTopicId={openTopicId}
                          onOpenTerm={onOpenTerm}
                          label={`Topics of ${document.title}`}
                          idOf={(id) =>
                            group.id === ON_PAGE || !onPage.has(id)
                              ? `topic-${id}`
                              : `topic-${id}-${group.id}`
                          }
                        />
                      </>
                    )}
                  </Disclosure>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
