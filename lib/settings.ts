// Validation of stored and imported settings. Pure: a value in, a clean value
// and a list of problems out, so a corrupted store never crashes a page.

import { DEFAULT_SITE_SETTINGS, type SiteMode, type SiteSettings } from "./site-rules";

export interface Checked<T> {
  value: T;
  problems: string[];
}

const MODES: readonly SiteMode[] = ["everywhere-except", "only-chosen"];
const HOST = /^(file:\/\/|[a-z0-9.[\]:_-]{1,253})$/;
/** Names that would reach Object.prototype if used as keys (hostile files). */
const FORBIDDEN_HOSTS = new Set(["__proto__", "constructor", "prototype"]);
/** Far more than anyone keeps; stops a hostile file from exhausting memory. */
export const MAX_SITE_RULES = 10_000;
/** Problems beyond this many are summarised, so one bad file is one short message. */
const MAX_PROBLEMS = 20;

export function isHostKey(host: string): boolean {
  return HOST.test(host) && !FORBIDDEN_HOSTS.has(host);
}

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
      const entries = Object.entries(raw.rules);
      if (entries.length > MAX_SITE_RULES) {
        problems.push(`${where}.rules: ${entries.length} sites is more than the ${MAX_SITE_RULES} allowed`);
      } else {
        let bad = 0;
        for (const [host, on] of entries) {
          let problem: string | null = null;
          if (!isHostKey(host)) problem = `${where}.rules: "${host.slice(0, 80)}" is not a host name`;
          else if (typeof on !== "boolean") problem = `${where}.rules["${host}"]: expected true or false`;
          else rules[host] = on;
          if (problem && ++bad <= MAX_PROBLEMS) problems.push(problem);
        }
        if (bad > MAX_PROBLEMS) problems.push(`${where}.rules: ${bad - MAX_PROBLEMS} more bad entries`);
      }
    }
  }
  return { value: { mode, rules, paused }, problems };
}

export type HighlightStyle = "underline" | "background" | "none";
export type ThemeChoice = "auto" | "light" | "dark";

/** How terms look and behave on pages. */
export interface DisplaySettings {
  highlightStyle: HighlightStyle;
  /** Underline everyday words (pain, infection) too; they are always explained on hover. */
  underlineEveryday: boolean;
  /** Resting time before a tooltip opens, in milliseconds. */
  hoverDelayMs: number;
  theme: ThemeChoice;
}

export const DEFAULT_DISPLAY: DisplaySettings = Object.freeze({
  highlightStyle: "underline",
  underlineEveryday: false,
  hoverDelayMs: 250,
  theme: "auto",
}) as DisplaySettings;

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

const STYLES: readonly HighlightStyle[] = ["underline", "background", "none"];
const THEMES: readonly ThemeChoice[] = ["auto", "light", "dark"];

/** Reads stored display settings field by field: a bad field falls back alone. */
export function checkDisplaySettings(raw: unknown, where = "display"): Checked<DisplaySettings> {
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { value: DEFAULT_DISPLAY, problems };
  if (!isRecord(raw)) {
    return { value: DEFAULT_DISPLAY, problems: [`${where}: expected an object, got ${typeof raw}`] };
  }
  const value: DisplaySettings = { ...DEFAULT_DISPLAY };
  if (raw.highlightStyle !== undefined) {
    if (STYLES.includes(raw.highlightStyle as HighlightStyle))
      value.highlightStyle = raw.highlightStyle as HighlightStyle;
    else
      problems.push(
        `${where}.highlightStyle: "${String(raw.highlightStyle)}" is not one of ${STYLES.join(", ")}`,
      );
  }
  if (raw.underlineEveryday !== undefined) {
    if (typeof raw.underlineEveryday === "boolean") value.underlineEveryday = raw.underlineEveryday;
    else problems.push(`${where}.underlineEveryday: expected true or false`);
  }
  if (raw.hoverDelayMs !== undefined) {
    const n = raw.hoverDelayMs;
    if (
      typeof n === "number" &&
      Number.isFinite(n) &&
      n >= HOVER_DELAY_RANGE.min &&
      n <= HOVER_DELAY_RANGE.max
    ) {
      value.hoverDelayMs = Math.round(n);
    } else {
      problems.push(
        `${where}.hoverDelayMs: expected a number of milliseconds from ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max}`,
      );
    }
  }
  if (raw.theme !== undefined) {
    if (THEMES.includes(raw.theme as ThemeChoice)) value.theme = raw.theme as ThemeChoice;
    else problems.push(`${where}.theme: "${String(raw.theme)}" is not one of ${THEMES.join(", ")}`);
  }
  return { value, problems };
}
