// Answers lookups from content scripts with the full glossary entry (the
// content script carries only the matching index). Nothing leaves the browser.

import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import glossaryJson from "../glossary/generated/glossary.json";
import type { CompiledGlossary } from "../glossary/types";
import { type LookupReply, parseRequest } from "../lib/messages";

export default defineBackground(() => {
  const glossary = glossaryJson as unknown as CompiledGlossary;
  const terms = new Map(glossary.terms.map((t) => [t.id, t]));
  const topics = new Map(glossary.topics.map((t) => [t.id, t]));
  const disclaimers = new Map(glossary.documents.map((d) => [d.id, d.disclaimer]));

  browser.runtime.onMessage.addListener((raw, sender) => {
    // Only our own pages and content scripts; never other extensions.
    if (sender.id !== browser.runtime.id) return undefined;
    const msg = parseRequest(raw);
    if (msg?.type !== "lookup") return undefined;
    const term = terms.get(msg.id);
    if (!term) return Promise.resolve(undefined);
    const topic = term.topicIds[0] ? topics.get(term.topicIds[0]) : undefined;
    const reply: LookupReply = {
      term,
      topic: topic ? { id: topic.id, title: topic.title } : null,
      disclaimer: disclaimers.get(term.documentId) ?? "",
    };
    return Promise.resolve(reply);
  });
});
