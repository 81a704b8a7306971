// The hover card: term, plain definition, where it comes from, and the
// educational-use notice. Props only; the content script owns state.

export interface TooltipProps {
  id: string;
  term: string;
  definition: string;
  topicTitle?: string;
  /** Opens the topic in the extension; absent when there is none. */
  onOpenTopic?: () => void;
  /** Opens the full entry (explanation, related terms, source quote). */
  onOpenTerm?: () => void;
  notice: string;
  pinned: boolean;
  loading?: boolean;
  theme: "light" | "dark";
  onClose: () => void;
}

export function Tooltip(props: TooltipProps) {
  return (
    <div
      class={`card ${props.theme}`}
      role="tooltip"
      id={props.id}
      aria-live="polite"
      data-pinned={props.pinned ? "" : undefined}
    >
      <div class="head">
        <strong class="term">{props.term}</strong>
        {props.pinned && (
          <button type="button" class="close" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        )}
      </div>
      {props.loading ? (
        <p class="definition">Looking up…</p>
      ) : (
        <>
          <p class="definition">{props.definition}</p>
          {props.onOpenTerm && (
            <p class="more">
              <button type="button" class="link" onClick={props.onOpenTerm}>
                More about {props.term}
              </button>
            </p>
          )}
          {props.topicTitle && (
            <p class="source">
              From{" "}
              {props.onOpenTopic ? (
                <button type="button" class="link" onClick={props.onOpenTopic}>
                  {props.topicTitle}
                </button>
              ) : (
                props.topicTitle
              )}
            </p>
          )}
        </>
      )}
      <p class="notice">{props.notice}</p>
    </div>
  );
}
