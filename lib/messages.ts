// The one message protocol between content scripts, popup and background,
// typed in both directions: each request names its reply type, and the send
// helpers (lib/send.ts) return exactly that. Every message is validated where
// it is received: anything else (other extensions, malformed data) is ignored.
// Pure (no `browser`), so the tiny gate script can use it.

import type { Term, Topic } from "../glossary/types";
import type { TabSummary } from "./tab-terms";

export type Command = "explain" | "next-term" | "previous-term";
const COMMANDS: readonly Command[] = ["explain", "next-term", "previous-term"];

/** What content scripts and extension pages ask the background. */
export type BackgroundRequest =
  | { type: "lookup"; id: string }
  | { type: "open-topic"; topicId: string }
  /** Opens the popup's term view (`popup.html?tab=…#term=<id>`) in a new tab. */
  | { type: "open-term"; id: string }
  /** What one frame holds: term id -> occurrences. */
  | { type: "found"; counts: Record<string, number> }
  /** The terms found in all frames of a tab (from the popup). */
  | { type: "tab-terms"; tabId: number }
  /** The gate found Termlens on for its frame: inject the content script. */
  | { type: "activate" }
  /** The content script met a block that may hold lab results: inject the readers. */
  | { type: "load-results" };

export interface LookupReply {
  term: Term;
  topic: Pick<Topic, "id" | "title"> | null;
}

/** The reply type of each background request. */
export interface BackgroundReplies {
  lookup: LookupReply | null;
  "open-topic": boolean;
  "open-term": boolean;
  found: boolean;
  "tab-terms": TabSummary;
  activate: boolean;
  "load-results": boolean;
}

/** What the background and the popup ask a frame's content script (or its gate). */
export type FrameRequest =
  | { type: "page-info" }
  | { type: "command"; name: Command }
  | { type: "show-term"; id: string };

export interface PageInfoReply {
  site: string | null;
  enabled: boolean;
  /** The frame shows a PDF (the browser's viewer: `document.contentType`), for "Open this PDF in Termlens". */
  pdf?: boolean;
  /** The answer comes from Termlens's PDF reader (always on, no site switch). */
  reader?: boolean;
}

export interface FrameReplies {
  "page-info": PageInfoReply;
  command: boolean;
  "show-term": boolean;
}

/** What the background tells extension pages (the popup) without being asked. */
export type Broadcast = { type: "tab-terms-changed"; tabId: number };

export type ReplyTo<R extends BackgroundRequest> = BackgroundReplies[R["type"]];
export type FrameReplyTo<R extends FrameRequest> = FrameReplies[R["type"]];

/** A glossary id (term or topic): what the build allows, checked wherever one arrives. */
export const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;
const isId = (v: unknown): v is string => typeof v === "string" && ID.test(v);
const isTabId = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

function isCounts(v: unknown): v is Record<string, number> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const entries = Object.entries(v);
  return (
    entries.length <= 100_000 &&
    entries.every(([id, n]) => ID.test(id) && typeof n === "number" && Number.isInteger(n) && n > 0)
  );
}

function fields(raw: unknown): Record<string, unknown> | null {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw)
    ? (raw as Record<string, unknown>)
    : null;
}

/** A request for the background, carrying only the known fields; null for anything else. */
export function parseBackgroundRequest(raw: unknown): BackgroundRequest | null {
  const m = fields(raw);
  switch (m?.type) {
    case "lookup":
      return isId(m.id) ? { type: "lookup", id: m.id } : null;
    case "open-topic":
      return isId(m.topicId) ? { type: "open-topic", topicId: m.topicId } : null;
    case "open-term":
      return isId(m.id) ? { type: "open-term", id: m.id } : null;
    case "found":
      return isCounts(m.counts) ? { type: "found", counts: m.counts } : null;
    case "tab-terms":
      return isTabId(m.tabId) ? { type: "tab-terms", tabId: m.tabId } : null;
    case "activate":
      return { type: "activate" };
    case "load-results":
      return { type: "load-results" };
    default:
      return null;
  }
}

/** A request for a frame, carrying only the known fields; null for anything else. */
export function parseFrameRequest(raw: unknown): FrameRequest | null {
  const m = fields(raw);
  switch (m?.type) {
    case "page-info":
      return { type: "page-info" };
    case "command":
      return COMMANDS.includes(m.name as Command) ? { type: "command", name: m.name as Command } : null;
    case "show-term":
      return isId(m.id) ? { type: "show-term", id: m.id } : null;
    default:
      return null;
  }
}

export function parseBroadcast(raw: unknown): Broadcast | null {
  const m = fields(raw);
  return m?.type === "tab-terms-changed" && isTabId(m.tabId)
    ? { type: "tab-terms-changed", tabId: m.tabId }
    : null;
}
