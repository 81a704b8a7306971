// Thin wiring: injected where the site is on (see entrypoints/gate.ts); the
// site's setting still decides, live, whether Termlens works on this page;
// the session does the work. Everything is
// tied to the content script's lifetime (`ctx`), so an update or uninstall
// leaves nothing behind.

import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import type { ContentData } from "../../glossary/types";
import { injectedContentData } from "../../lib/content-data";
import { type FrameReplyTo, type FrameRequest, parseFrameRequest } from "../../lib/messages";
import { type MessageListener, type PageApi, pageApi } from "../../lib/page-api";
import { isOnHere, readPageSettings, readTestSignals, watchPageSettings } from "../../lib/page-settings";
import type { DisplaySettings } from "../../lib/settings";
import { frameUrl, siteKey } from "../../lib/site-rules";
import { Lifetime } from "./lifetime";
import { PageSession } from "./session";

// Injected into a frame by the background, after the glossary's index
// (entrypoints/content-index.ts), when the gate (entrypoints/gate.ts) finds
// Termlens on for it; never loaded on switched-off sites. A plain script, not
// a WXT content script: WXT's context announces each start to the page (a
// window message and a DOM event), which would tell any site we are here.
export default defineUnlistedScript(() => {
  const api = pageApi();
  if (!api) return;
  // Injected again into a frame that already runs us (the site switched on
  // again, a second gate): the running instance stays, in this same world.
  const world = globalThis as { termlensLifetime?: Lifetime };
  if (world.termlensLifetime && !world.termlensLifetime.isInvalid) return;
  const lifetime = new Lifetime(() => Boolean(api.runtime?.id));
  world.termlensLifetime = lifetime;
  void start(api, lifetime);
});

async function start(api: PageApi, ctx: Lifetime): Promise<void> {
  let session: PageSession | null = null;
  let display: DisplaySettings;
  let content: ContentData;
  let signalScans = false;
  let enabled = false;

  const apply = (on: boolean) => {
    enabled = on;
    if (on) {
      session ??= new PageSession(ctx, api, content, display, signalScans);
      session.enable();
    } else session?.disable();
  };

  const answer = (msg: FrameRequest): FrameReplyTo<FrameRequest> => {
    switch (msg.type) {
      case "page-info":
        return {
          site: siteKey(frameUrl(location.href, origin)),
          enabled,
          pdf: document.contentType === "application/pdf",
        };
      case "command":
        return session?.command(msg.name) ?? false;
      case "show-term":
        return session?.showTerm(msg.id) ?? false;
    }
  };
  const onMessage: MessageListener = (raw, sender, reply) => {
    if (sender.id !== api.runtime.id) return undefined;
    const msg = parseFrameRequest(raw);
    if (msg) reply(answer(msg));
    // A frame's card (answered later, or by another frame: no answer here).
    const card = msg ? undefined : session?.cardMessage(raw);
    card?.then(reply, () => reply(false));
    return card ? true : undefined;
  };

  try {
    const data = injectedContentData();
    if (!data) throw new Error("the glossary's matching index was not injected before the content script");
    const storage = api.storage;
    const [settings, signals] = await Promise.all([readPageSettings(storage), readTestSignals(storage)]);
    if (ctx.isInvalid) return;
    display = settings.display;
    content = data;
    signalScans = signals;
    api.runtime.onMessage.addListener(onMessage);
    let last = JSON.stringify(settings);
    const unwatch = watchPageSettings(storage, (next) => {
      const json = JSON.stringify(next);
      if (json === last) return;
      last = json;
      display = next.display;
      session?.configure(next.display);
      apply(isOnHere(location.href, origin, next.sites));
    });
    ctx.onInvalidated(() => {
      // After a reload or update the old runtime is gone and even removing
      // listeners throws ("Extension context invalidated"): nothing is left
      // to undo then, and the page's console must stay clean.
      const stops = [unwatch, () => api.runtime.onMessage.removeListener(onMessage)];
      for (const stop of stops) {
        try {
          stop();
        } catch {
          // Already gone with the old runtime.
        }
      }
    });
    apply(isOnHere(location.href, origin, settings.sites));
  } catch (error) {
    // Never let our failure surface as the page's error.
    console.warn("Termlens could not start on this page:", error);
  }
}
