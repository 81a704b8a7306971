// The only script every page gets (listed in the manifest by wxt.config.ts).
// It reads the site setting and, where Termlens is on, asks the background to
// inject the real content script into this frame. A switched-off site pays
// for this small file alone: no polyfill, no framework runtime, no matcher,
// glossary index or tooltip UI. It starts Termlens live when the site is
// switched on later, and answers the popup for its frame until then. A
// subframe without text (the empty frames ad scripts make) waits for its
// first words before it costs anything more.

import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { whenTextAppears } from "../lib/frame-text";
import type { PageInfoReply } from "../lib/messages";
import { pageApi } from "../lib/page-api";
import { isOnHere, isSiteChange, sitesFrom } from "../lib/page-settings";
import { frameUrl, siteKey } from "../lib/site-rules";

export default defineUnlistedScript(() => {
  const api = pageApi();
  if (!api) return;
  // Injected again when a site is switched on: run once per frame.
  const self = globalThis as { termlensGate?: boolean };
  if (self.termlensGate) return;
  self.termlensGate = true;
  let activated = false;
  let waiting = false;

  const enabledNow = async (): Promise<boolean> => {
    const all = await api.storage.sync.get(null);
    return isOnHere(location.href, origin, sitesFrom(all));
  };

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== "sync" || !isSiteChange(changes)) return;
    enabledNow()
      .then((on) => (on ? start() : undefined))
      .catch(() => {});
  };

  async function activate(): Promise<void> {
    if (activated) return;
    activated = true;
    api?.storage.onChanged.removeListener(onChanged);
    // The background answers true once the script runs here. A worker that is
    // starting or stopping can drop the message, or the injection can fail
    // while the frame commits: ask again a few times rather than stay dark.
    for (let attempt = 1; attempt <= 4; attempt++) {
      const injected = await api?.runtime.sendMessage({ type: "activate" }).catch(() => false);
      if (injected === true) return;
      await new Promise((wait) => setTimeout(wait, 250 * attempt));
    }
  }

  // The top page starts at once (a PDF viewer or an empty app shell is still
  // the page); a subframe once it has something to read.
  function start(): void {
    if (window === window.top || document.contentType === "application/pdf") {
      void activate();
      return;
    }
    if (waiting) return;
    waiting = true;
    // The site may have been switched off while the frame waited.
    whenTextAppears(document, () => {
      waiting = false;
      enabledNow()
        .then((on) => (on ? activate() : api?.storage.onChanged.addListener(onChanged)))
        .catch(() => {});
    });
  }

  // Until the real script runs, answer the popup's question for this frame.
  api.runtime.onMessage.addListener((raw, sender, reply) => {
    if (activated || sender.id !== api.runtime.id) return undefined;
    if ((raw as { type?: unknown } | null)?.type !== "page-info") return undefined;
    const info: PageInfoReply = {
      site: siteKey(frameUrl(location.href, origin)),
      enabled: false,
      pdf: document.contentType === "application/pdf",
    };
    reply(info);
    return undefined;
  });

  enabledNow()
    .then((on) => {
      if (on) return start();
      api.storage.onChanged.addListener(onChanged);
      // Off here: say so once, so the badge can read "off" at once.
      return api.runtime.sendMessage({ type: "found", counts: {} }).catch(() => {});
    })
    .catch((error) => console.warn("Termlens could not read its settings on this page:", error));
});
