// The hover card: term, plain definition, where it comes from, and the
// educational-use notice. Props only; the content script owns state.

export interface TooltipProps {
  id: string;
  term: string;
  definition: string;
  correction?: string;
  topicTitle?: string;
  topicHref?: string;
  notice: string;
  pinned: boolean;
  loading?: boolean;
  onClose: () => void;
}

export function Tooltip(props: TooltipProps) {
  return (
    <div class="card" role="tooltip" id={props.id} aria-live="polite" data-pinned={props.pinned ? "" : undefined}>
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
          {props.correction && <p class="correction">{props.correction}</p>}
          {props.topicTitle && (
            <p class="source">
              From{" "}
              {props.topicHref ? (
                <a href={props.topicHref} target="_blank" rel="noopener">
                  {props.topicTitle}
                </a>
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
