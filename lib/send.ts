// Typed senders for the protocol in lib/messages.ts, for the background and
// extension pages: each returns the reply type its request names. Rejections (no receiver, a closed frame) are the
// caller's to handle.

import { browser } from "wxt/browser";
import type {
  BackgroundRequest,
  Broadcast,
  CardRequest,
  FrameReplyTo,
  FrameRequest,
  ReplyTo,
} from "./messages";

/** Asks the background (from an extension page; scripts in pages use lib/page-api.ts). */
export function toBackground<R extends BackgroundRequest>(request: R): Promise<ReplyTo<R>> {
  return browser.runtime.sendMessage(request) as Promise<ReplyTo<R>>;
}

/** Asks one frame of a tab, or every frame when `frameId` is "all" (the first reply wins; frames a message is not for give none). */
export function toFrame<R extends FrameRequest | CardRequest>(
  tabId: number,
  request: R,
  frameId: number | "all",
): Promise<FrameReplyTo<R>> {
  const options = frameId === "all" ? undefined : { frameId };
  return browser.tabs.sendMessage(tabId, request, options) as Promise<FrameReplyTo<R>>;
}

/** Tells every extension page (the popup); nobody listening is fine. */
export function broadcast(message: Broadcast): void {
  browser.runtime.sendMessage(message).catch(() => {});
}
