// The options page's "where Termlens runs": pause, mode, and the site list
// (view, filter, add, switch, remove). Props only.

import { useState } from "preact/hooks";
import type { SiteMode } from "../lib/site-rules";
import { siteLabel } from "./SiteSwitch";

export interface SiteRulesProps {
  mode: SiteMode;
  rules: Readonly<Record<string, boolean>>;
  paused?: boolean;
  onMode: (mode: SiteMode) => void;
  onRemove: (site: string) => void;
  /** Adds a rule from what was typed; returns a problem to show, or null. */
  onAdd?: (input: string, on: boolean) => string | null;
  onPaused?: (paused: boolean) => void;
}

/** Above this many, the list waits for a filter instead of drawing every row. */
const SHOWN = 300;

export function SiteRules({
  mode,
  rules,
  paused = false,
  onMode,
  onRemove,
  onAdd,
  onPaused,
}: SiteRulesProps) {
  const [filter, setFilter] = useState("");
  const [input, setInput] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const sites = Object.keys(rules).sort();
  const needle = filter.trim().toLowerCase();
  const matching = needle ? sites.filter((s) => s.includes(needle)) : sites;
  const shown = matching.slice(0, SHOWN);
  // In allow-list mode a new site is one to switch on; otherwise one to switch off.
  const addOn = mode === "only-chosen";

  const add = (e: Event) => {
    e.preventDefault();
    const p = onAdd?.(input, addOn) ?? null;
    setProblem(p);
    if (!p) setInput("");
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Where Termlens runs</h2>
      {onPaused && (
        <label class="choice">
          <input
            type="checkbox"
            name="paused"
            checked={paused}
            onChange={(e) => onPaused((e.currentTarget as HTMLInputElement).checked)}
          />{" "}
          Pause everywhere (overrides the list below)
        </label>
      )}
      <fieldset>
        <legend>Mode</legend>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            checked={mode === "everywhere-except"}
            onChange={() => onMode("everywhere-except")}
          />{" "}
          Everywhere, except sites I switch off
        </label>
        <label class="choice">
          <input
            type="radio"
            name="mode"
            checked={mode === "only-chosen"}
            onChange={() => onMode("only-chosen")}
          />{" "}
          Only on sites I switch on
        </label>
      </fieldset>
      {onAdd && (
        <form class="add-site" onSubmit={add}>
          <label class="field">
            {addOn ? "Add a site to switch on" : "Add a site to switch off"}
            <input
              name="site"
              value={input}
              placeholder="portal.example.com"
              aria-invalid={problem !== null}
              aria-describedby={problem ? "add-site-problem" : undefined}
              onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <button type="submit">Add</button>
          {problem && (
            <p id="add-site-problem" class="error" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
      {sites.length === 0 ? (
        <p>No site rules yet. Use the switch in the toolbar popup on any site, or add one above.</p>
      ) : (
        <>
          <label class="field">
            Filter {sites.length} {sites.length === 1 ? "site" : "sites"}
            <input
              type="search"
              name="filter"
              value={filter}
              onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {matching.length > shown.length && (
            <p class="muted">
              Showing {shown.length} of {matching.length}; type in the filter to find the others.
            </p>
          )}
          <ul class="site-list">
            {shown.map((site) => (
              <li key={site}>
                <span>
                  {siteLabel(site)}: {rules[site] ? "on" : "off"}
                </span>{" "}
                <button
                  type="button"
                  onClick={() => onRemove(site)}
                  aria-label={`Remove the rule for ${siteLabel(site)}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
