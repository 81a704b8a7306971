// Export and import of all settings as one JSON file. Pure: text in, either
// clean settings or a list of problems out. An import is all or nothing: any
// problem rejects the whole file, so a half-good file never half-applies.

import { checkDisplaySettings, checkSiteSettings, type DisplaySettings } from "./settings";
import type { SiteSettings } from "./site-rules";

export const SETTINGS_FORMAT = "termlens-settings";
export const SETTINGS_FILE_VERSION = 1;
/** A real file is a few hundred KB at most (10,000 sites); more is not ours. */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

export interface AllSettings {
  siteSettings: SiteSettings;
  display: DisplaySettings;
}

export interface SettingsFile extends AllSettings {
  format: typeof SETTINGS_FORMAT;
  version: number;
  exportedAt: string;
}

export type ImportResult = { ok: true; settings: AllSettings } | { ok: false; problems: string[] };

export function exportSettings(all: AllSettings, now = new Date()): string {
  const file: SettingsFile = {
    format: SETTINGS_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    siteSettings: all.siteSettings,
    display: all.display,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The file name offered for an export, e.g. termlens-settings-2025-01-31.json. */
export function exportFileName(now = new Date()): string {
  return `termlens-settings-${now.toISOString().slice(0, 10)}.json`;
}

function fail(...problems: string[]): ImportResult {
  return { ok: false, problems };
}

/** Checks a settings file; `name` says where in messages (the file's name). */
export function parseSettingsFile(text: string, name = "the file"): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) {
    return fail(`${name}: ${text.length} bytes is too large for a settings file (at most 1 MB)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // JSON.parse says where ("at position 12"); pass that on.
    return fail(`${name}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail(`${name}: expected a Termlens settings object`);
  }
  const file = raw as Record<string, unknown>;
  if (file.format !== SETTINGS_FORMAT) {
    return fail(`${name}: "format" must be "${SETTINGS_FORMAT}"; this is not a Termlens settings file`);
  }
  if (typeof file.version !== "number" || !Number.isInteger(file.version) || file.version < 1) {
    return fail(`${name}: "version" must be a whole number`);
  }
  if (file.version > SETTINGS_FILE_VERSION) {
    return fail(`${name}: made by a newer Termlens (file version ${file.version}); update Termlens first`);
  }
  const problems: string[] = [];
  if (file.siteSettings === undefined) problems.push(`${name}: "siteSettings" is missing`);
  if (file.display === undefined) problems.push(`${name}: "display" is missing`);
  const sites = checkSiteSettings(file.siteSettings, `${name}: siteSettings`);
  const display = checkDisplaySettings(file.display, `${name}: display`);
  problems.push(...sites.problems, ...display.problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { siteSettings: sites.value, display: display.value } };
}
