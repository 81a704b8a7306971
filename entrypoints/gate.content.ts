// The only script every page gets. It reads the site setting and, where
// Termlens is on, asks the background to inject the real content script into
// this frame. A switched-off site therefore pays for this small file alone,
// not for the matcher, the glossary index and the tooltip UI. It also
// injects the ::highlight() styles (they do nothing without highlights).

import "./content/highlight.css";
import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import type { PageInfoReply } from "../lib/messages";
import { assembleSiteSettings, SHARD_PREFIX, SITE_KEY } from "../lib/rule-shards";
import { checkSiteSettings } from "../lib/settings";
import { isUrlEnabled, siteKey } from "../lib/site-rules";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*", "file:///*"],
  allFrames: true,
  matchAboutBlank: true,
  runAt: "document_idle",
  cssInjectionMode: "manifest",
  async main(ctx) {
    let activated = false;

    const enabledNow = async (): Promise<boolean> => {
      const all = (await browser.storage.sync.get(null)) as Record<string, unknown>;
      return isUrlEnabled(location.href, checkSiteSettings(assembleSiteSettings(all).raw).value);
    };

    const activate = () => {
      if (activated || ctx.isInvalid) return;
      activated = true;
      browser.storage.onChanged.removeListener(onChanged);
      browser.runtime.sendMessage({ type: "activate" }).catch(() => {});
    };

    // Switched on later (from the popup or the settings): start without a reload.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== "sync" || !Object.keys(changes).some((k) => k === SITE_KEY || k.startsWith(SHARD_PREFIX)))
        return;
      enabledNow()
        .then((on) => on && activate())
        .catch(() => {});
    };

    // Until the real script runs, this one answers the popup for the frame.
    const onMessage = (raw: unknown, sender: { id?: string }): Promise<PageInfoReply> | undefined => {
      if (activated || sender.id !== browser.runtime.id) return undefined;
      if ((raw as { type?: unknown } | null)?.type !== "page-info") return undefined;
      return Promise.resolve({ site: siteKey(location.href), enabled: false, counts: {} });
    };

    try {
      if (await enabledNow()) {
        activate();
        return;
      }
      browser.storage.onChanged.addListener(onChanged);
      browser.runtime.onMessage.addListener(onMessage);
      ctx.onInvalidated(() => {
        try {
          browser.storage.onChanged.removeListener(onChanged);
          browser.runtime.onMessage.removeListener(onMessage);
        } catch {
          // The extension is gone; so are its listeners.
        }
      });
      // Off here: say so once, so the badge can read "off" at once.
      browser.runtime.sendMessage({ type: "found", counts: {} }).catch(() => {});
    } catch (error) {
      console.warn("Termlens could not read its settings on this page:", error);
    }
  },
});
