// Keeps the gate script registered only where Termlens is on, so switched-off
// sites get no script at all; and starts Termlens in open tabs of a site the
// moment it is switched on. The same in Chromium (MV3) and Firefox (MV2: its
// `scripting.registerContentScripts` takes the same options, persistence and
// matchOriginAsFallback included, in Firefox 140 ESR, our minimum).

import { browser } from "wxt/browser";
import { gateRegistrations } from "../../lib/gate-patterns";
import { isUrlEnabled, type SiteSettings } from "../../lib/site-rules";
import { siteSettings } from "../../lib/storage";

const ID_PREFIX = "termlens-gate-";

async function register(settings: SiteSettings): Promise<void> {
  const scripting = browser.scripting;
  const existing = new Set(
    (await scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(ID_PREFIX)),
  );
  const scripts = gateRegistrations(settings).map((r, i) => ({
    id: `${ID_PREFIX}${i}`,
    js: ["gate.js"],
    css: ["highlight.css"],
    matches: r.matches,
    excludeMatches: r.excludeMatches,
    allFrames: true,
    // about:blank and srcdoc frames, as match_about_blank did in the manifest.
    matchOriginAsFallback: true,
    runAt: "document_idle" as const,
    persistAcrossSessions: true,
  }));
  // Update in place (no moment without a registration), then add and drop.
  const kept = scripts.filter((s) => existing.has(s.id));
  const added = scripts.filter((s) => !existing.has(s.id));
  const dropped = [...existing].filter((id) => !scripts.some((s) => s.id === id));
  if (kept.length > 0) await scripting.updateContentScripts(kept);
  if (added.length > 0) await scripting.registerContentScripts(added);
  if (dropped.length > 0) await scripting.unregisterContentScripts({ ids: dropped });
}

/** Open tabs whose page was off and is now on get the gate at once. */
async function startInOpenTabs(before: SiteSettings | null, after: SiteSettings): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !tab.url) continue;
    if (!isUrlEnabled(tab.url, after) || (before && isUrlEnabled(tab.url, before))) continue;
    const target = { tabId: tab.id, allFrames: true };
    // The gate runs once per frame however often it is injected.
    browser.scripting.insertCSS({ target, files: ["highlight.css"] }).catch(() => {});
    browser.scripting.executeScript({ target, files: ["/gate.js"] }).catch(() => {});
  }
}

export function startGateRegistration(): void {
  if (!browser.scripting?.registerContentScripts) return;
  let last: SiteSettings | null = null;
  let queue = Promise.resolve();
  const update = (settings: SiteSettings) => {
    const before = last;
    last = settings;
    // One registration change at a time, in order.
    queue = queue
      .then(() => register(settings))
      .catch((error) => console.warn("Termlens could not register its page script:", error));
    if (before) void startInOpenTabs(before, settings).catch(() => {});
  };
  void siteSettings.get().then(update);
  siteSettings.watch(update);
}
