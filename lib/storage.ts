// Typed, versioned storage items. Only what the user changed is stored, so
// better defaults reach existing users; every read is validated, and a bad
// stored value falls back to the default with a warning, never a crash.

import { storage } from "wxt/utils/storage";
import { type Checked, checkDisplaySettings, checkSiteSettings, type DisplaySettings } from "./settings";
import type { SiteSettings } from "./site-rules";

interface Item<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Calls back with clean values whenever the item changes; returns the unwatch. */
  watch(cb: (value: T) => void): () => void;
}

function validatedItem<T>(
  key: `sync:${string}` | `local:${string}`,
  check: (raw: unknown) => Checked<T>,
): Item<T> {
  // Raw item: the stored value is validated on every read, never trusted.
  const item = storage.defineItem<unknown>(key, { version: 1 });
  const clean = (raw: unknown): T => {
    const { value, problems } = check(raw);
    for (const p of problems) console.warn(`Termlens: ignoring a stored setting (${p})`);
    return value;
  };
  return {
    get: async () => clean(await item.getValue()),
    set: (value) => item.setValue(value),
    watch: (cb) => item.watch((raw) => cb(clean(raw))),
  };
}

export const siteSettings = validatedItem<SiteSettings>("sync:siteSettings", (raw) => checkSiteSettings(raw));
export const displaySettings = validatedItem<DisplaySettings>("sync:display", (raw) =>
  checkDisplaySettings(raw),
);

export const getSiteSettings = siteSettings.get;
export const setSiteSettings = siteSettings.set;
export const watchSiteSettings = siteSettings.watch;
