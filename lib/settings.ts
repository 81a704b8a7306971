// Validation of stored and imported settings. Pure: a value in, a clean value
// and a list of problems out, so a corrupted store never crashes a page.

import { DEFAULT_SITE_SETTINGS, type SiteMode, type SiteSettings } from "./site-rules";

export interface Checked<T> {
  value: T;
  problems: string[];
}

const MODES: readonly SiteMode[] = ["everywhere-except", "only-chosen"];
const HOST = /^(file:\/\/|[a-z0-9.[\]:_-]+)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads stored site settings; anything unusable falls back to the default. */
export function checkSiteSettings(raw: unknown, where = "siteSettings"): Checked<SiteSettings> {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { value: DEFAULT_SITE_SETTINGS, problems };
  if (!isRecord(raw)) {
    return { value: DEFAULT_SITE_SETTINGS, problems: [`${where}: expected an object, got ${typeof raw}`] };
  }
  let mode = DEFAULT_SITE_SETTINGS.mode;
  if (raw.mode !== undefined) {
    if (MODES.includes(raw.mode as SiteMode)) mode = raw.mode as SiteMode;
    else problems.push(`${where}.mode: "${String(raw.mode)}" is not one of ${MODES.join(", ")}`);
  }
  let paused = false;
  if (raw.paused !== undefined) {
    if (typeof raw.paused === "boolean") paused = raw.paused;
    else problems.push(`${where}.paused: expected true or false`);
  }
  const rules: Record<string, boolean> = {};
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) problems.push(`${where}.rules: expected an object of host: true/false`);
    else {
      for (const [host, on] of Object.entries(raw.rules)) {
        if (!HOST.test(host)) problems.push(`${where}.rules: "${host}" is not a host name`);
        else if (typeof on !== "boolean") problems.push(`${where}.rules["${host}"]: expected true or false`);
        else rules[host] = on;
      }
    }
  }
  return { value: { mode, rules, paused }, problems };
}
