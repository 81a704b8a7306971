// "On this page": the distinct terms found in the tab, most frequent first.
// Choosing one shows it on the page; the second button explains it here.

export interface PageTerm {
  id: string;
  term: string;
  count: number;
}

export interface PageTermListProps {
  /** null while the page has not answered (or cannot: a browser page). */
  items: readonly PageTerm[] | null;
  enabled: boolean;
  onShow: (id: string) => void;
  onExplain: (id: string) => void;
}

export function sortPageTerms(items: readonly PageTerm[]): PageTerm[] {
  return [...items].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term));
}

export function PageTermList({ items, enabled, onShow, onExplain }: PageTermListProps) {
  let body: preact.ComponentChild;
  if (!enabled) body = <p class="muted">Termlens is off here, so the page is not read.</p>;
  else if (items === null) body = <p class="muted">Nothing to read on this page.</p>;
  else if (items.length === 0) body = <p class="muted">No explained terms found on this page yet.</p>;
  else
    body = (
      <ul class="page-terms">
        {sortPageTerms(items).map((t) => (
          <li key={t.id} data-term={t.id}>
            <button type="button" class="page-term" onClick={() => onShow(t.id)}>
              <span class="name">{t.term}</span>
              <span class="count">
                {t.count}
                <span class="visually-hidden">{t.count === 1 ? " time" : " times"}</span>
              </span>
            </button>
            <button type="button" class="explain" onClick={() => onExplain(t.id)}>
              About<span class="visually-hidden"> {t.term}</span>
            </button>
          </li>
        ))}
      </ul>
    );
  const n = items?.length ?? 0;
  return (
    <section aria-labelledby="page-terms-heading" class="on-page">
      <h2 id="page-terms-heading">
        On this page{enabled && n > 0 ? <span class="muted"> · {n}</span> : null}
      </h2>
      {body}
    </section>
  );
}
