// Typed, versioned storage items. Only what the user changed is stored, so
// better defaults reach existing users; every read is validated, and a bad
// stored value falls back to the default with a warning, never a crash.
//
// Site settings live in sync storage, split across several items (see
// rule-shards.ts for why). Version history of `siteSettings`:
//   v1 {mode, rules, paused}          one item; breaks the per-item quota
//                                     past ~300 sites
//   v2 {mode, paused, shards: n}      rules in `siteRules.0` … `siteRules.n-1`

import { browser } from "wxt/browser";
import { storage } from "wxt/utils/storage";
import { assembleSiteSettings, planSiteWrite, SHARD_PREFIX, SITE_KEY } from "./rule-shards";
import { type Checked, checkDisplaySettings, checkSiteSettings, type DisplaySettings } from "./settings";
import type { SiteSettings } from "./site-rules";

export interface Item<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls back with clean values whenever the item changes; returns the unwatch. */
  watch(cb: (value: T) => void): () => void;
}

function warnAll(problems: readonly string[]): void {
  for (const p of problems) console.warn(`Termlens: ignoring a stored setting (${p})`);
}

function validatedItem<T>(
  key: `sync:${string}` | `local:${string}`,
  check: (raw: unknown) => Checked<T>,
): Item<T> {
  // Raw item: the stored value is validated on every read, never trusted.
  const item = storage.defineItem<unknown>(key, { version: 1 });
  const clean = (raw: unknown): T => {
    const { value, problems } = check(raw);
    warnAll(problems);
    return value;
  };
  return {
    get: async () => clean(await item.getValue()),
    set: (value) => item.setValue(value),
    watch: (cb) => item.watch((raw) => cb(clean(raw))),
  };
}

/** v1 -> v2: move the inline rules into shards; the rest stays. */
async function migrateSiteSettingsV2(old: unknown): Promise<unknown> {
  const { value } = checkSiteSettings(old, "siteSettings (v1)");
  const plan = planSiteWrite(value);
  const { [SITE_KEY]: meta, ...shards } = plan.items;
  await browser.storage.sync.set(shards);
  return meta; // WXT writes it together with the new version mark.
}

// Declared only for its version mark and migration; reads and writes go
// through the shard-aware functions below.
const siteItem = storage.defineItem<unknown>(`sync:${SITE_KEY}`, {
  version: 2,
  migrations: { 2: migrateSiteSettingsV2 },
});

async function readSiteSettings(): Promise<SiteSettings> {
  await siteItem.getMeta(); // waits for the migration, if one is running
  const all = (await browser.storage.sync.get(null)) as Record<string, unknown>;
  const { raw, problems } = assembleSiteSettings(all);
  const checked = checkSiteSettings(raw);
  warnAll([...problems, ...checked.problems]);
  return checked.value;
}

/** Writes the settings and their shards in one call, then drops shards no longer used. */
async function writeSiteSettings(settings: SiteSettings): Promise<void> {
  const plan = planSiteWrite(settings);
  const before = (await browser.storage.sync.get(null)) as Record<string, unknown>;
  await browser.storage.sync.set({ ...plan.items, [`${SITE_KEY}$`]: { v: 2 } });
  const stale = Object.keys(before).filter(
    (k) => k.startsWith(SHARD_PREFIX) && !Object.hasOwn(plan.items, k),
  );
  if (stale.length > 0) await browser.storage.sync.remove(stale);
}

function watchSites(cb: (value: SiteSettings) => void): () => void {
  let last = "";
  let active = true;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== "sync") return undefined;
    if (!Object.keys(changes).some((k) => k === SITE_KEY || k.startsWith(SHARD_PREFIX))) return undefined;
    // Returned so the test double can await it; browsers ignore it.
    return readSiteSettings().then((value) => {
      // Removing stale shards is a second change with the same settings.
      const json = JSON.stringify(value);
      if (json === last || !active) return;
      last = json;
      cb(value);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    active = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

export const siteSettings: Item<SiteSettings> & { migrate(): Promise<void> } = {
  get: readSiteSettings,
  set: writeSiteSettings,
  watch: watchSites,
  migrate: () => siteItem.migrate(),
};
export const displaySettings = validatedItem<DisplaySettings>("sync:display", (raw) =>
  checkDisplaySettings(raw),
);

/**
 * Set only by the end-to-end tests (from an extension page, which no web page
 * can reach): while true, each frame marks its scan state on its document
 * (see entrypoints/content-script/scan-signal.ts). Never set, the page sees nothing.
 */
export const testSignals = validatedItem<boolean>("local:testSignals", (raw) => ({
  value: raw === true,
  problems:
    raw === null || raw === undefined || typeof raw === "boolean" ? [] : ["testSignals: not a boolean"],
}));
