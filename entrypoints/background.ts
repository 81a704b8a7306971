// The extension's hub: answers term lookups from content scripts (which carry
// only the matching index), opens topics, keeps each tab's terms and badge,
// and turns keyboard shortcuts and the context menu into commands for the
// page. Nothing leaves the browser.

import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import glossaryJson from "../glossary/generated/glossary.json";
import type { CompiledGlossary } from "../glossary/types";
import { startGateRegistration } from "../lib/gate-registration";
import { type Command, type LookupReply, parseRequest } from "../lib/messages";
import { startTabBadges } from "../lib/tab-badges";

const MENU_ID = "termlens-explain";

export default defineBackground(() => {
  const glossary = glossaryJson as unknown as CompiledGlossary;
  const terms = new Map(glossary.terms.map((t) => [t.id, t]));
  const topics = new Map(glossary.topics.map((t) => [t.id, t]));
  const disclaimers = new Map(glossary.documents.map((d) => [d.id, d.disclaimer]));

  function lookup(id: string): LookupReply | undefined {
    const term = terms.get(id);
    if (!term) return undefined;
    const topic = term.topicIds[0] ? topics.get(term.topicIds[0]) : undefined;
    return {
      term,
      topic: topic ? { id: topic.id, title: topic.title } : null,
      disclaimer: disclaimers.get(term.documentId) ?? "",
    };
  }

  const badges = startTabBadges();
  startGateRegistration();

  function sendCommand(tabId: number, name: Command, frameId?: number) {
    const options = frameId === undefined ? undefined : { frameId };
    browser.tabs.sendMessage(tabId, { type: "command", name }, options).catch(() => {
      // No content script in that tab (a browser page, or a site switched off).
    });
  }

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own pages and content scripts; never other extensions.
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseRequest(raw);
    if (msg?.type === "lookup") return Promise.resolve(lookup(msg.id));
    if (msg?.type === "activate" && sender.tab?.id !== undefined) {
      // Only into the very frame that asked, and only from our own gate.
      return browser.scripting
        .executeScript({
          target: { tabId: sender.tab.id, frameIds: [sender.frameId ?? 0] },
          files: ["/content-scripts/content.js"],
        })
        .then(() => true)
        .catch(() => false); // The frame navigated away meanwhile.
    }
    if (msg?.type === "found" && sender.tab?.id !== undefined) {
      return badges.found(sender.tab.id, sender.frameId ?? 0, sender.url, msg.counts).then(() => true);
    }
    // From the popup (an extension page, so it has no sender.tab).
    if (msg?.type === "tab-terms") return badges.summary(msg.tabId);
    const deepLink =
      msg?.type === "open-topic" && topics.has(msg.topicId)
        ? `topic=${msg.topicId}`
        : msg?.type === "open-term" && terms.has(msg.id)
          ? `term=${msg.id}`
          : null;
    if (deepLink) {
      const from = sender.tab?.id ? `?tab=${sender.tab.id}` : "";
      void browser.tabs.create({
        url: browser.runtime.getURL(`/popup.html${from}#${deepLink}` as "/popup.html"),
      });
      return Promise.resolve(true);
    }
    return undefined;
  });

  browser.commands?.onCommand.addListener((name, tab) => {
    if (!tab?.id) return;
    if (name === "explain-term") sendCommand(tab.id, "explain");
    else if (name === "next-term" || name === "previous-term") sendCommand(tab.id, name, 0);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: "Explain “%s” with Termlens",
        contexts: ["selection"],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id) sendCommand(tab.id, "explain", info.frameId);
  });
});
