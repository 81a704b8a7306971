// Where the gate script is registered, from the site rules: a switched-off
// site gets no script at all (not even the small gate), so it costs nothing.
// Pure: the background turns the result into scripting registrations.
//
// Each registration is a set of match patterns minus exclude patterns; their
// union is exactly the set of sites the rules switch on. The gate still
// checks the rules itself, so a registration that lags a settings change for
// a moment is harmless.

import { ALL_PAGES, FILE_SITE, IPV4, ruleCandidates, type SiteSettings } from "./site-rules";

export { ALL_PAGES };

export interface GateRegistration {
  matches: string[];
  excludeMatches: string[];
}

/** Match patterns for a site key and, for domain names, its subdomains. */
export function patternsFor(host: string): string[] {
  if (host === FILE_SITE) return ["file:///*"];
  if (IPV4.test(host) || host.startsWith("[") || !host.includes(".")) return [`*://${host}/*`];
  return [`*://${host}/*`, `*://*.${host}/*`];
}

/** The nearest rule strictly above `host` (a parent domain), if any. */
function parentRule(host: string, rules: Record<string, boolean>): boolean | undefined {
  for (const candidate of ruleCandidates(host).slice(1)) {
    const on = rules[candidate];
    if (typeof on === "boolean") return on;
  }
  return undefined;
}

/** Rules under `host` (its subdomains) that say the opposite of `on`, outermost only. */
function exceptionsUnder(host: string, on: boolean, rules: Record<string, boolean>): string[] {
  const out: string[] = [];
  for (const [other, value] of Object.entries(rules)) {
    if (other === host || value === on) continue;
    const under = host === "" ? true : ruleCandidates(other).slice(1).includes(host);
    if (!under) continue;
    // Only the outermost: a rule whose own nearer parent already flips is covered by it.
    const nearer = ruleCandidates(other)
      .slice(1)
      .find(
        (c) => c !== host && Object.hasOwn(rules, c) && (host === "" || ruleCandidates(c).includes(host)),
      );
    if (nearer !== undefined && rules[nearer] !== on) continue;
    out.push(...patternsFor(other));
  }
  return out.sort();
}

export function gateRegistrations(settings: SiteSettings): GateRegistration[] {
  if (settings.paused) return [];
  const rules = settings.rules;
  const out: GateRegistration[] = [];
  if (settings.mode === "everywhere-except") {
    out.push({ matches: ALL_PAGES, excludeMatches: exceptionsUnder("", true, rules) });
  }
  // Every "on" rule whose parent region is off (or, in allow-list mode, has no
  // rule) starts a region of its own.
  for (const [host, on] of Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))) {
    if (!on) continue;
    const parent = parentRule(host, rules);
    const regionOff = parent === undefined ? settings.mode === "only-chosen" : !parent;
    if (regionOff)
      out.push({ matches: patternsFor(host), excludeMatches: exceptionsUnder(host, true, rules) });
  }
  return out;
}
