// Thin wiring: injected where the site is on (see entrypoints/gate.ts); the
// site's setting still decides, live, whether Termlens works on this page;
// the session does the work. Everything is
// tied to the content script's lifetime (`ctx`), so an update or uninstall
// leaves nothing behind.

import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import { type PageInfoReply, parseRequest } from "../../lib/messages";
import type { DisplaySettings } from "../../lib/settings";
import { frameUrl, isUrlEnabled, siteKey } from "../../lib/site-rules";
import { displaySettings, siteSettings } from "../../lib/storage";
import { PageSession } from "./session";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*", "file:///*"],
  allFrames: true,
  matchAboutBlank: true,
  runAt: "document_idle",
  // Injected into a frame by the background when the gate (entrypoints/gate.ts)
  // finds Termlens on for it; never loaded on switched-off sites.
  registration: "runtime",
  async main(ctx) {
    let session: PageSession | null = null;
    let display: DisplaySettings;
    let enabled = false;

    const apply = (on: boolean) => {
      enabled = on;
      if (on) {
        session ??= new PageSession(ctx, display);
        session.enable();
      } else session?.disable();
    };

    const onMessage = (raw: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = parseRequest(raw);
      if (msg?.type === "page-info") {
        const reply: PageInfoReply = {
          site: siteKey(frameUrl(location.href, origin)),
          enabled,
          counts: session?.counts() ?? {},
        };
        return Promise.resolve(reply);
      }
      if (msg?.type === "command") return Promise.resolve(session?.command(msg.name));
      if (msg?.type === "show-term") return Promise.resolve(session?.showTerm(msg.id) ?? false);
      return undefined;
    };

    try {
      const [sites, shown] = await Promise.all([siteSettings.get(), displaySettings.get()]);
      if (ctx.isInvalid) return;
      display = shown;
      browser.runtime.onMessage.addListener(onMessage);
      const unwatchSites = siteSettings.watch((s) => apply(isUrlEnabled(frameUrl(location.href, origin), s)));
      const unwatchDisplay = displaySettings.watch((d) => {
        display = d;
        session?.configure(d);
      });
      ctx.onInvalidated(() => {
        // After a reload or update the old runtime is gone and even removing
        // listeners throws ("Extension context invalidated"): nothing is left
        // to undo then, and the page's console must stay clean.
        const stops = [
          unwatchSites,
          unwatchDisplay,
          () => browser.runtime.onMessage.removeListener(onMessage),
        ];
        for (const stop of stops) {
          try {
            stop();
          } catch {
            // Already gone with the old runtime.
          }
        }
      });
      apply(isUrlEnabled(frameUrl(location.href, origin), sites));
    } catch (error) {
      // Never let our failure surface as the page's error.
      console.warn("Termlens could not start on this page:", error);
    }
  },
});
