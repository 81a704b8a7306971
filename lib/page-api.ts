// The few extension APIs the scripts inside pages (the gate and the content
// script) use, taken straight from the browser: Firefox's `browser` and
// Chrome's MV3 `chrome` both return promises for these. Without the
// webextension polyfill, which would weigh on every frame; extension pages
// and the background keep it (`wxt/browser`).

import type { BackgroundRequest, ReplyTo } from "./messages";
import type { PageStorage } from "./page-settings";

type Reply = (response: unknown) => void;
/** Answer with `reply` and return true to keep the channel open for it. */
export type MessageListener = (
  message: unknown,
  sender: { id?: string },
  reply: Reply,
) => boolean | undefined;

export interface PageApi {
  runtime: {
    id?: string;
    sendMessage(message: BackgroundRequest): Promise<unknown>;
    onMessage: {
      addListener(cb: MessageListener): void;
      removeListener(cb: MessageListener): void;
    };
  };
  storage: PageStorage;
}

/** The extension API in this script's world, or null where there is none (or it is gone). */
export function pageApi(): PageApi | null {
  const g = globalThis as { browser?: PageApi; chrome?: PageApi };
  const api = g.browser ?? g.chrome;
  return api?.runtime?.id ? api : null;
}

/**
 * Asks the background. Once the extension is reloaded or updated, an orphaned
 * script's runtime is gone and sendMessage throws instead of rejecting:
 * turned into a rejection, so callers' .catch handles both.
 */
export function askBackground<R extends BackgroundRequest>(api: PageApi, request: R): Promise<ReplyTo<R>> {
  try {
    return api.runtime.sendMessage(request) as Promise<ReplyTo<R>>;
  } catch (error) {
    return Promise.reject(error);
  }
}
