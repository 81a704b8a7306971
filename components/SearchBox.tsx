// The popup's search: a combobox whose results are a listbox. Arrow keys move
// through the results while focus stays in the box (aria-activedescendant), so
// typing and choosing never fight; Enter opens, Escape clears. Props only.

import type { Ref } from "preact";
import type { SearchHit } from "../glossary/search";

export interface SearchBoxProps {
  query: string;
  hits: readonly SearchHit[];
  /** Index of the highlighted result, -1 for none. */
  active: number;
  onQuery: (query: string) => void;
  onActive: (index: number) => void;
  onChoose: (hit: SearchHit) => void;
  /** Escape in an empty box (the container decides what that means). */
  onEscape?: () => void;
  inputRef?: Ref<HTMLInputElement>;
}

const LIST_ID = "search-results";
const optionId = (i: number) => `search-hit-${i}`;
const REASON: Record<SearchHit["reason"], string> = {
  term: "",
  variant: "also called this",
  prefix: "",
  word: "",
  typo: "close spelling",
  text: "mentioned in the text",
};

export function SearchBox({
  query,
  hits,
  active,
  onQuery,
  onActive,
  onChoose,
  onEscape,
  inputRef,
}: SearchBoxProps) {
  const open = query.trim() !== "";
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (hits.length === 0) return;
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      onActive((active + step + hits.length) % hits.length);
    } else if (e.key === "Enter") {
      const hit = hits[active] ?? hits[0];
      if (hit) {
        e.preventDefault();
        onChoose(hit);
      }
    } else if (e.key === "Escape") {
      if (query !== "") {
        e.preventDefault(); // clear first; a second Escape may close the popup
        onQuery("");
      } else onEscape?.();
    }
  };
  return (
    <div class="search">
      <label for="search-input" class="visually-hidden">
        Search terms and topics
      </label>
      <input
        id="search-input"
        ref={inputRef}
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder="Search terms and topics"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={LIST_ID}
        aria-activedescendant={open && active >= 0 && hits[active] ? optionId(active) : undefined}
        value={query}
        onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <>
          <div id={LIST_ID} class="results" role="listbox" aria-label="Search results">
            {hits.map((hit, i) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keys go to the combobox, which moves aria-activedescendant
              <div
                key={`${hit.kind}:${hit.id}`}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                class={i === active ? "result active" : "result"}
                onMouseDown={(e) => e.preventDefault() /* keep focus in the box */}
                onClick={() => onChoose(hit)}
                onMouseMove={() => i !== active && onActive(i)}
              >
                <span class="result-title">
                  {hit.title}
                  {hit.kind === "topic" && <span class="tag">topic</span>}
                  {REASON[hit.reason] && <span class="why"> · {REASON[hit.reason]}</span>}
                </span>
                <span class="result-detail">{hit.detail}</span>
              </div>
            ))}
          </div>
          <p class="visually-hidden" role="status">
            {hits.length === 0 ? "No matches" : `${hits.length} ${hits.length === 1 ? "match" : "matches"}`}
          </p>
          {hits.length === 0 && <p class="empty">No term or topic matches “{query.trim()}”.</p>}
        </>
      )}
    </div>
  );
}
