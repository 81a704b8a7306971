// Wiring for "what is in each tab": frames report their terms, the badge
// shows how many distinct terms the tab holds (or "off"), navigation clears
// it, and the popup asks for a tab's terms. The service worker can be
// stopped at any time, so the bookkeeping is mirrored in session storage.

import { browser } from "wxt/browser";
import { broadcast, toFrame } from "../../lib/send";
import { DEFAULT_SITE_SETTINGS, isSiteEnabled, type SiteSettings, siteKey } from "../../lib/site-rules";
import { siteSettings } from "../../lib/storage";
import { type Counts, type TabSummary, TabTerms } from "../../lib/tab-terms";

const SESSION_KEY = "tabTerms";
const BADGE_COLOR = "#0b5cad"; // white text on it: 6.6:1
const OFF_COLOR = "#57606a"; // white text on it: 6.4:1

// MV3 Chrome has `action`; Firefox MV2 has `browserAction`.
const action = () => browser.action ?? browser.browserAction;

function setBadge(tabId: number, text: string): void {
  const a = action();
  if (!a) return;
  // The tab may be gone by now; nothing to do then.
  a.setBadgeText({ tabId, text }).catch(() => {});
  if (text)
    a.setBadgeBackgroundColor({ tabId, color: text === "off" ? OFF_COLOR : BADGE_COLOR }).catch(() => {});
}

export interface TabBadges {
  /** A frame said what it holds. */
  found(tabId: number, frameId: number, frameUrl: string | undefined, counts: Counts): Promise<void>;
  summary(tabId: number): Promise<TabSummary>;
}

export function startTabBadges(): TabBadges {
  let sites: SiteSettings = DEFAULT_SITE_SETTINGS;
  const tabs = new TabTerms(setBadge, (site) => isSiteEnabled(site, sites));
  const session = browser.storage.session;

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void session?.set({ [SESSION_KEY]: tabs.snapshot() }).catch(() => {}), 100);
  };

  // Everything waits for the settings and the last snapshot.
  const ready = Promise.all([
    siteSettings.get().then((s) => {
      sites = s;
    }),
    session
      ?.get(SESSION_KEY)
      .then((stored) => tabs.restore(stored[SESSION_KEY]))
      .catch(() => {}),
  ]).then(() => tabs.refreshAll());

  siteSettings.watch((s) => {
    sites = s;
    tabs.refreshAll();
  });

  /** Learns a tab's site from its top frame when the tab's URL is not visible to us. */
  async function askSite(tabId: number): Promise<void> {
    try {
      const reply = await toFrame(tabId, { type: "page-info" }, 0);
      if (reply && (typeof reply.site === "string" || reply.site === null)) {
        tabs.setSite(tabId, reply.site);
        save();
      }
    } catch {
      // No content script: a browser page, or the page is still loading.
    }
  }

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    void ready.then(async () => {
      if (change.status === "loading" || change.url !== undefined) {
        tabs.navigated(tabId);
        if (tab.url) tabs.setSite(tabId, siteKey(tab.url));
        save();
      }
      // A switched-off page never reports, so ask it where it is.
      if (change.status === "complete" && !tab.url) await askSite(tabId);
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.removed(tabId);
    save();
  });

  return {
    async found(tabId, frameId, frameUrl, counts) {
      await ready;
      if (frameId === 0 && frameUrl) tabs.setSite(tabId, siteKey(frameUrl));
      tabs.report(tabId, frameId, counts);
      save();
      broadcast({ type: "tab-terms-changed", tabId });
    },
    async summary(tabId) {
      await ready;
      return tabs.summary(tabId);
    },
  };
}
