// The options page's site list and mode: props only.

import type { SiteMode } from "../lib/site-rules";
import { siteLabel } from "./SiteSwitch";

export interface SiteRulesProps {
  mode: SiteMode;
  rules: Readonly<Record<string, boolean>>;
  onMode: (mode: SiteMode) => void;
  onRemove: (site: string) => void;
}

export function SiteRules({ mode, rules, onMode, onRemove }: SiteRulesProps) {
  const sites = Object.keys(rules).sort();
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Where Termlens runs</h2>
      <fieldset>
        <legend>Mode</legend>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === "everywhere-except"}
            onChange={() => onMode("everywhere-except")}
          />{" "}
          Everywhere, except sites I switch off
        </label>
        <br />
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === "only-chosen"}
            onChange={() => onMode("only-chosen")}
          />{" "}
          Only on sites I switch on
        </label>
      </fieldset>
      {sites.length === 0 ? (
        <p>No site rules yet. Use the switch in the toolbar popup on any site.</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
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
      )}
    </section>
  );
}
