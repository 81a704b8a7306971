// Decides whether Termlens runs on a URL. Pure: settings come in as data.
//
// A rule is keyed by hostname (lower-case, IDNs in their ASCII "xn--" form as
// the URL parser gives them). A rule for a parent domain covers its
// subdomains unless a more specific rule says otherwise. Ports do not make a
// different site (a person thinks of localhost:3000 and localhost:8080 as the
// same machine). `file:` pages share the key "file://". IP addresses only
// match themselves: 10.0.0.1 is not a "subdomain" of 0.0.1. Browser and
// extension pages are never touched.

export type SiteMode = "everywhere-except" | "only-chosen";

export interface SiteSettings {
  mode: SiteMode;
  /** hostname -> true (on) / false (off). */
  rules: Record<string, boolean>;
  /** Pause everywhere, whatever the rules say. */
  paused: boolean;
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = Object.freeze({
  mode: "everywhere-except",
  rules: Object.freeze({}) as Record<string, boolean>,
  paused: false,
}) as SiteSettings;

export const FILE_SITE = "file://";

/** A dotted IPv4 address: it matches only itself (no subdomains). */
export const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Every page Termlens may read: the content script's and the gate's match patterns, and the host permissions. */
export const ALL_PAGES = ["http://*/*", "https://*/*", "file:///*"];

/** The site key of a URL, or null when Termlens never runs there. */
export function siteKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === "file:") return FILE_SITE;
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  return host || null;
}

/** The key itself, then each parent domain, most specific first. */
export function ruleCandidates(key: string): string[] {
  if (key === FILE_SITE || IPV4.test(key) || key.startsWith("[")) return [key];
  const labels = key.split(".");
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) out.push(labels.slice(i).join("."));
  return out;
}

/** The rule that applies to a site key: the host or its nearest parent. */
export function findRule(key: string, rules: Record<string, boolean>): { host: string; on: boolean } | null {
  for (const candidate of ruleCandidates(key)) {
    const on = Object.hasOwn(rules, candidate) ? rules[candidate] : undefined;
    if (typeof on === "boolean") return { host: candidate, on };
  }
  return null;
}

export function isSiteEnabled(key: string, settings: SiteSettings): boolean {
  if (settings.paused) return false;
  const rule = findRule(key, settings.rules);
  if (rule) return rule.on;
  return settings.mode === "everywhere-except";
}

export function isUrlEnabled(url: string, settings: SiteSettings): boolean {
  const key = siteKey(url);
  return key !== null && isSiteEnabled(key, settings);
}

/**
 * Settings after the user flips the switch for a site. The rule lands on the
 * exact host; when it matches what the mode gives anyway and no parent rule
 * says otherwise, the rule is dropped so the list stays short.
 */
export function setSiteEnabled(settings: SiteSettings, key: string, on: boolean): SiteSettings {
  const rules = { ...settings.rules };
  delete rules[key];
  const inherited = findRule(key, rules);
  const byDefault = inherited ? inherited.on : settings.mode === "everywhere-except";
  if (byDefault !== on) rules[key] = on;
  return { ...settings, rules };
}

/**
 * What a person typed into "add a site" as a site key: a host name, a URL, or
 * "file://". Returns null when it is not something Termlens could run on, so
 * the form can say so instead of storing a rule that never matches.
 */
export function parseSiteInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === "" || /\s/.test(text)) return null;
  if (text === FILE_SITE || text.startsWith("file:")) return FILE_SITE;
  const url = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
  const key = siteKey(url);
  // A bare word like "com" is allowed (a rule for a whole top-level domain),
  // but not a key the URL parser had to invent from punctuation.
  return key && /^[a-z0-9.[\]:_-]+$/.test(key) && !key.startsWith(".") ? key : null;
}

/**
 * The URL whose site rule applies to a frame. `about:blank` and
 * `about:srcdoc` frames (often filled in by the page's scripts) belong to
 * the page that made them: their origin is that page's.
 */
export function frameUrl(href: string, origin: string): string {
  if (!href.startsWith("about:")) return href;
  return origin && origin !== "null" ? `${origin}/` : href;
}
