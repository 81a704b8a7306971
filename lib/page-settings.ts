// Settings as the scripts inside pages read them: straight from the
// browser's storage, validated, without the storage library the extension
// pages use (lib/storage.ts), which would weigh on every frame. The gate and
// the content script both decide "is Termlens on here?" with `isOnHere`.

import { assembleSiteSettings, SHARD_PREFIX, SITE_KEY } from "./rule-shards";
import { checkDisplaySettings, checkSiteSettings, type DisplaySettings } from "./settings";
import { frameUrl, isUrlEnabled, type SiteSettings } from "./site-rules";

/** The few storage calls needed, as both Chrome and Firefox offer them. */
export interface PageStorage {
  sync: { get(keys: null): Promise<Record<string, unknown>> };
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

export interface PageSettings {
  sites: SiteSettings;
  display: DisplaySettings;
}

function warnAll(problems: readonly string[]): void {
  for (const p of problems) console.warn(`Termlens: ignoring a stored setting (${p})`);
}

/** Site and display settings from everything in sync storage. */
export function pageSettingsFrom(all: Record<string, unknown>, warn = warnAll): PageSettings {
  const assembled = assembleSiteSettings(all);
  const sites = checkSiteSettings(assembled.raw);
  const display = checkDisplaySettings(all.display);
  warn([...assembled.problems, ...sites.problems, ...display.problems]);
  return { sites: sites.value, display: display.value };
}

/** Only the site settings (the gate needs nothing else). */
export function sitesFrom(all: Record<string, unknown>): SiteSettings {
  return checkSiteSettings(assembleSiteSettings(all).raw).value;
}

/** Whether Termlens works in the frame at `href` (of `origin`, for about:blank frames). */
export function isOnHere(href: string, origin: string, sites: SiteSettings): boolean {
  return isUrlEnabled(frameUrl(href, origin), sites);
}

export function isSiteChange(changes: Record<string, unknown>): boolean {
  return Object.keys(changes).some((k) => k === SITE_KEY || k.startsWith(SHARD_PREFIX));
}

export async function readPageSettings(storage: PageStorage): Promise<PageSettings> {
  return pageSettingsFrom(await storage.sync.get(null));
}

/** Whether a test asked for scan signals (see entrypoints/content-script/scan-signal.ts). */
export async function readTestSignals(storage: PageStorage): Promise<boolean> {
  return (await storage.local.get("testSignals")).testSignals === true;
}

/** Calls back with fresh settings after any change of sync storage; returns the unwatch. */
export function watchPageSettings(storage: PageStorage, cb: (settings: PageSettings) => void): () => void {
  let active = true;
  const listener = (_changes: Record<string, unknown>, area: string) => {
    if (area !== "sync") return;
    readPageSettings(storage)
      .then((s) => active && cb(s))
      .catch(() => {});
  };
  storage.onChanged.addListener(listener);
  return () => {
    active = false;
    storage.onChanged.removeListener(listener);
  };
}
