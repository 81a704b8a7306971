// Typed, versioned storage items. Only what the user changed is stored, so
// better defaults reach existing users; every read is validated.

import { storage } from "wxt/utils/storage";
import { checkSiteSettings } from "./settings";
import type { SiteSettings } from "./site-rules";

// Raw item: the stored value is validated on every read, never trusted.
const siteSettingsItem = storage.defineItem<unknown>("sync:siteSettings", {
  version: 1,
});

function clean(raw: unknown): SiteSettings {
  const { value, problems } = checkSiteSettings(raw);
  for (const p of problems) console.warn(`Termlens: ignoring a stored setting (${p})`);
  return value;
}

export async function getSiteSettings(): Promise<SiteSettings> {
  return clean(await siteSettingsItem.getValue());
}

export async function setSiteSettings(value: SiteSettings): Promise<void> {
  await siteSettingsItem.setValue(value);
}

/** Calls back with clean settings whenever they change; returns the unwatch. */
export function watchSiteSettings(cb: (value: SiteSettings) => void): () => void {
  return siteSettingsItem.watch((raw) => cb(clean(raw)));
}
