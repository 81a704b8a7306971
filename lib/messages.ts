// The one message protocol between content scripts, popup and background.
// Every message is validated where it is received: anything else (other
// extensions, malformed data) is ignored.

import type { Term, Topic } from "../glossary/types";
import type { TabSummary } from "./tab-terms";

export type Command = "explain" | "next-term" | "previous-term";
const COMMANDS: readonly Command[] = ["explain", "next-term", "previous-term"];

export type Request =
  // content -> background
  | { type: "lookup"; id: string }
  | { type: "open-topic"; topicId: string }
  /** Opens the popup's term view (`popup.html?tab=…#term=<id>`) in a new tab. */
  | { type: "open-term"; id: string }
  /** What one frame holds: term id -> occurrences. */
  | { type: "found"; counts: Record<string, number> }
  // popup -> background
  /** The terms found in all frames of a tab; replies with a `TabTermsReply`. */
  | { type: "tab-terms"; tabId: number }
  /** The gate found Termlens on for its frame: inject the content script. */
  | { type: "activate" }
  // popup / background -> content
  | { type: "page-info" }
  | { type: "command"; name: Command }
  | { type: "show-term"; id: string };

export interface LookupReply {
  term: Term;
  topic: Pick<Topic, "id" | "title"> | null;
  disclaimer: string;
}

export interface PageInfoReply {
  site: string | null;
  enabled: boolean;
  /** Term id -> number of occurrences found in this frame. */
  counts: Record<string, number>;
}

/** Term id -> occurrences over all frames, and the frames holding each term. */
export type TabTermsReply = TabSummary;

const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

function isCounts(v: unknown): v is Record<string, number> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length <= 100_000 &&
    entries.every(([id, n]) => ID.test(id) && typeof n === "number" && Number.isInteger(n) && n > 0)
  );
}

export function parseRequest(raw: unknown): Request | null {
  if (typeof raw !== "object" || raw === null) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case "lookup":
      return typeof m.id === "string" && ID.test(m.id) ? { type: "lookup", id: m.id } : null;
    case "found":
      return isCounts(m.counts) ? { type: "found", counts: m.counts } : null;
    case "open-topic":
      return typeof m.topicId === "string" && ID.test(m.topicId)
        ? { type: "open-topic", topicId: m.topicId }
        : null;
    case "tab-terms":
      return typeof m.tabId === "number" && Number.isInteger(m.tabId) && m.tabId >= 0
        ? { type: "tab-terms", tabId: m.tabId }
        : null;
    case "open-term":
      return typeof m.id === "string" && ID.test(m.id) ? { type: "open-term", id: m.id } : null;
    case "page-info":
      return { type: "page-info" };
    case "activate":
      return { type: "activate" };
    case "command":
      return COMMANDS.includes(m.name as Command) ? { type: "command", name: m.name as Command } : null;
    case "show-term":
      return typeof m.id === "string" && ID.test(m.id) ? { type: "show-term", id: m.id } : null;
    default:
      return null;
  }
}
