// The only script every page gets (listed in the manifest by wxt.config.ts).
// It reads the site setting and, where Termlens is on, asks the background to
// inject the real content script into this frame. A switched-off site pays
// for this small file alone: no polyfill, no framework runtime, no matcher,
// glossary index or tooltip UI. It starts Termlens live when the site is
// switched on later, and answers the popup for its frame until then.

import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import type { PageInfoReply } from "../lib/messages";
import { assembleSiteSettings, SHARD_PREFIX, SITE_KEY } from "../lib/rule-shards";
import { checkSiteSettings } from "../lib/settings";
import { frameUrl, isUrlEnabled, siteKey } from "../lib/site-rules";

/** The few extension APIs the gate needs, as both Chrome and Firefox offer them. */
interface GateApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(
        cb: (msg: unknown, sender: { id?: string }, reply: (r: unknown) => void) => boolean | undefined,
      ): void;
    };
  };
  storage: {
    sync: { get(keys: null): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, unknown>, area: string) => void): void;
    };
  };
}

export default defineUnlistedScript(() => {
  // Firefox's `browser` returns promises; Chrome's MV3 `chrome` does too.
  const g = globalThis as unknown as { browser?: GateApi; chrome?: GateApi };
  const api = g.browser ?? g.chrome;
  if (!api?.runtime?.id) return;
  // Injected again when a site is switched on: run once per frame.
  const self = globalThis as { termlensGate?: boolean };
  if (self.termlensGate) return;
  self.termlensGate = true;
  let activated = false;

  const enabledNow = async (): Promise<boolean> => {
    const all = await api.storage.sync.get(null);
    return isUrlEnabled(
      frameUrl(location.href, origin),
      checkSiteSettings(assembleSiteSettings(all).raw).value,
    );
  };

  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== "sync" || !Object.keys(changes).some((k) => k === SITE_KEY || k.startsWith(SHARD_PREFIX)))
      return;
    enabledNow()
      .then((on) => on && activate())
      .catch(() => {});
  };

  function activate(): void {
    if (activated) return;
    activated = true;
    api?.storage.onChanged.removeListener(onChanged);
    api?.runtime.sendMessage({ type: "activate" }).catch(() => {});
  }

  // Until the real script runs, answer the popup's question for this frame.
  api.runtime.onMessage.addListener((raw, sender, reply) => {
    if (activated || sender.id !== api.runtime.id) return undefined;
    if ((raw as { type?: unknown } | null)?.type !== "page-info") return undefined;
    const info: PageInfoReply = {
      site: siteKey(frameUrl(location.href, origin)),
      enabled: false,
      counts: {},
    };
    reply(info);
    return undefined;
  });

  enabledNow()
    .then((on) => {
      if (on) return activate();
      api.storage.onChanged.addListener(onChanged);
      // Off here: say so once, so the badge can read "off" at once.
      return api.runtime.sendMessage({ type: "found", counts: {} }).catch(() => {});
    })
    .catch((error) => console.warn("Termlens could not read its settings on this page:", error));
});
