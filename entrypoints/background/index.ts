// The extension's hub: answers term lookups from content scripts (which carry
// only the matching index), opens topics, keeps each tab's terms and badge,
// turns keyboard shortcuts and the context menu into commands for the page,
// and opens links to PDFs in the PDF reader. Nothing leaves the browser.

import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import type { ScriptPublicPath } from "wxt/utils/inject-script";
import { glossary } from "../../glossary/data";
import {
  type BackgroundRequest,
  type Command,
  type LookupReply,
  parseBackgroundRequest,
  type ReplyTo,
} from "../../lib/messages";
import { PDF_LINK_PATTERNS, readerPath } from "../../lib/reader-link";
import { toFrame } from "../../lib/send";
import { startGateRegistration } from "./gate-registration";
import { startTabBadges } from "./tab-badges";

const MENU_ID = "termlens-explain";
const OPEN_PDF_ID = "termlens-open-pdf";

type Sender = { id?: string; tab?: { id?: number }; frameId?: number; url?: string };

export default defineBackground(() => {
  const terms = new Map(glossary.terms.map((t) => [t.id, t]));
  const topics = new Map(glossary.topics.map((t) => [t.id, t]));

  function lookup(id: string): LookupReply | null {
    const term = terms.get(id);
    if (!term) return null;
    const topic = term.topicIds[0] ? topics.get(term.topicIds[0]) : undefined;
    return { term, topic: topic ? { id: topic.id, title: topic.title } : null };
  }

  const badges = startTabBadges();
  startGateRegistration();

  function sendCommand(tabId: number, name: Command, frameId: number | "all") {
    toFrame(tabId, { type: "command", name }, frameId).catch(() => {
      // No content script in that tab (a browser page, or a site switched off).
    });
  }

  /** Opens the popup's view of a term or topic in a tab of its own. */
  function openPopupView(hash: string, sender: Sender): boolean {
    const from = sender.tab?.id ? `?tab=${sender.tab.id}` : "";
    void browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${from}#${hash}` as "/popup.html") });
    return true;
  }

  /** Runs our scripts in the frame that asked, in order; false when it is gone. */
  function injectInto(sender: Sender, files: ScriptPublicPath[]): Promise<boolean> {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return Promise.resolve(false);
    return browser.scripting
      .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files })
      .then(() => true)
      .catch(() => false); // The frame navigated away meanwhile.
  }

  async function handle<R extends BackgroundRequest>(msg: R, sender: Sender): Promise<ReplyTo<R>>;
  async function handle(msg: BackgroundRequest, sender: Sender): Promise<ReplyTo<BackgroundRequest>> {
    const tabId = sender.tab?.id;
    switch (msg.type) {
      case "lookup":
        return lookup(msg.id);
      case "activate":
        // Only into the very frame that asked, and only from our own gate:
        // the glossary's matching index first, then the script that reads it.
        return injectInto(sender, ["/content-index.js", "/content-script.js"]);
      case "load-results":
        // The lab-result readers, for a frame whose content script met a
        // block that may hold results.
        return injectInto(sender, ["/results-script.js"]);
      case "found":
        if (tabId === undefined) return false;
        await badges.found(tabId, sender.frameId ?? 0, sender.url, msg.counts);
        return true;
      case "tab-terms":
        // From the popup (an extension page, so it has no sender.tab).
        return badges.summary(msg.tabId);
      case "open-topic":
        return topics.has(msg.topicId) && openPopupView(`topic=${msg.topicId}`, sender);
      case "open-term":
        return terms.has(msg.id) && openPopupView(`term=${msg.id}`, sender);
      case "load-frame-cards":
        // A frame's cards are shown by the top frame (entrypoints/frame-cards/).
        return injectInto(sender, ["/frame-cards.js"]);
      case "card-up": {
        // Passed on, never kept: a result's values go only to the frames of this tab.
        if (tabId === undefined) return false;
        const { place, card } = msg;
        const to = place.path.slice(0, Math.max(0, place.depth - 1));
        const up = { type: "card-up", to, place, card, origin: msg.origin ?? sender.frameId ?? 0 } as const;
        // The top takes a card in its own viewport or one of its own frames';
        // deeper, every frame hears it and the one at `to` answers.
        return toFrame(tabId, up, to.length ? "all" : 0).then(
          (shown) => shown === true,
          () => false,
        );
      }
      case "card-close":
        if (tabId === undefined) return false;
        return toFrame(tabId, { type: "card-close", origin: sender.frameId ?? 0 }, 0).catch(() => false);
      case "card-event":
        // Only the top frame speaks of the cards it shows.
        if (tabId === undefined || sender.frameId !== 0) return false;
        return toFrame(tabId, { type: "card-event", event: msg.event }, msg.to).catch(() => false);
    }
  }

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own pages and content scripts; never other extensions.
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseBackgroundRequest(raw);
    return msg ? handle(msg, sender) : undefined;
  });

  browser.commands?.onCommand.addListener((name, tab) => {
    if (!tab?.id) return;
    if (name === "explain-term") sendCommand(tab.id, "explain", "all");
    else if (name === "next-term" || name === "previous-term") sendCommand(tab.id, name, 0);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_ID,
        title: "Explain “%s” with Termlens",
        contexts: ["selection"],
      });
      // Links to PDFs open in the PDF reader (entrypoints/reader/), beside the page.
      browser.contextMenus.create({
        id: OPEN_PDF_ID,
        title: "Open PDF in Termlens",
        contexts: ["link"],
        targetUrlPatterns: PDF_LINK_PATTERNS,
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id) sendCommand(tab.id, "explain", info.frameId ?? "all");
    if (info.menuItemId === OPEN_PDF_ID && info.linkUrl) {
      void browser.tabs
        .create({
          url: browser.runtime.getURL(readerPath(info.linkUrl)),
          ...(tab?.index !== undefined && { index: tab.index + 1 }),
          ...(tab?.id !== undefined && { openerTabId: tab.id }),
        })
        .catch(() => {});
    }
  });
});
