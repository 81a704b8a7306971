// The one message protocol between content scripts, popup and background,
// typed in both directions: each request names its reply type, and the send
// helpers (lib/send.ts) return exactly that. Every message is validated where
// it is received: anything else (other extensions, malformed data) is ignored.
// Pure (no `browser`), so the tiny gate script can use it.

import type { Term, Topic } from "../glossary/types";
import type { Comparator, FlagKind, Judgement, LabResult, ParsedRange, RangeEnd } from "./results/types";
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
  | { type: "load-results" }
  /** A frame shows (or passes on) a frame's card in the top frame: inject the frame-cards script. */
  | { type: "load-frame-cards" }
  /**
   * A frame's card, on its way to the top frame, which shows it (frames.ts):
   * the background hands it to the frame that holds the frame at
   * `place.path[place.depth - 1]`. `origin`: the frame the card is for (set
   * by the background on the first hop, passed on by the frames between).
   */
  | { type: "card-up"; place: CardPlace; card: FrameCard; origin?: number }
  /** The sender's card in the top frame is to close. */
  | { type: "card-close" }
  /** From the top frame: tell the frame a card is for what became of it there. */
  | { type: "card-event"; to: number; event: CardEvent };

/** A box in a viewport, in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a frame's card goes: the term's box and the part of the frame in view,
 * both in the viewport of the frame at `path.slice(0, depth)` (depth 0: the
 * top's). `path` leads from the top to the card's frame, by each frame's
 * index in its parent's `window.frames`.
 */
export interface CardPlace {
  path: number[];
  depth: number;
  anchor: Box;
  frame: Box;
}

/**
 * A card for a term or a result row in a frame, as data: the top frame draws
 * it (a result's printed value and range travel only inside the browser,
 * through the extension's own messages, and are kept nowhere).
 */
export interface FrameCard {
  /** The glossary entry (for a result row: of its test), if any. */
  id: string | null;
  /** The term as printed; for a result row, the test's name. */
  text: string;
  pinned: boolean;
  theme: "light" | "dark";
  /** A result row's card: the value as printed (with its unit) and the result. */
  row?: { valueText: string; result: LabResult };
}

/** What the top frame tells a frame about its card: the pointer came into it; it was closed there. */
export type CardEvent = "inside" | "closed";

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
  "load-frame-cards": boolean;
  /** True once the top frame shows the card. */
  "card-up": boolean;
  "card-close": boolean;
  "card-event": boolean;
}

/** What the background and the popup ask a frame's content script (or its gate). */
export type FrameRequest =
  | { type: "page-info" }
  | { type: "command"; name: Command }
  | { type: "show-term"; id: string };

/**
 * What the frames tell each other about a frame's card, through the
 * background; the frame-cards script (entrypoints/frame-cards/) reads them.
 */
export type CardRequest =
  /** A card on its way up, for the frame at path `to` (the one holding the frame at `place.path[place.depth - 1]`). */
  | { type: "card-up"; to: number[]; place: CardPlace; card: FrameCard; origin: number }
  /** To the top frame: the card it shows for frame `origin` is to close. */
  | { type: "card-close"; origin: number }
  /** To a frame, from the top frame: what became of its card there. */
  | { type: "card-event"; event: CardEvent };

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
  "card-up": boolean;
  "card-close": boolean;
  "card-event": boolean;
}

/** What the background tells extension pages (the popup) without being asked. */
export type Broadcast = { type: "tab-terms-changed"; tabId: number };

export type ReplyTo<R extends BackgroundRequest> = BackgroundReplies[R["type"]];
export type FrameReplyTo<R extends FrameRequest | CardRequest> = FrameReplies[R["type"]];

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

const isText = (v: unknown, max = 500): v is string => typeof v === "string" && v.length <= max;
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
/** An index in a parent's `window.frames`. */
const isIndex = (v: unknown): v is number => isTabId(v) && v <= 100_000;
/** A frame id as the browser gives it (Firefox's are large: outer window ids). */
const isFrameId = (v: unknown): v is number => isTabId(v) && v <= Number.MAX_SAFE_INTEGER;
const oneOf = <K extends string>(set: Record<K, 1>, v: unknown): v is K =>
  typeof v === "string" && Object.hasOwn(set, v);
const COMPARATORS: Record<Comparator, 1> = { "<": 1, "<=": 1, ">": 1, ">=": 1 };
const FLAG_KINDS: Record<FlagKind, 1> = {
  high: 1,
  low: 1,
  "critical-high": 1,
  "critical-low": 1,
  critical: 1,
  abnormal: 1,
  marked: 1,
};
const JUDGEMENTS: Record<Judgement, 1> = { above: 1, below: 1, within: 1, none: 1 };
const EVENTS: Record<CardEvent, 1> = { inside: 1, closed: 1 };

function parseBox(raw: unknown): Box | null {
  const b = fields(raw);
  const ok = b && [b.left, b.top, b.width, b.height].every((n) => isNumber(n) && Math.abs(n) < 1e7);
  return ok ? ({ left: b.left, top: b.top, width: b.width, height: b.height } as Box) : null;
}

function parsePlace(raw: unknown): CardPlace | null {
  const m = fields(raw);
  const path = m?.path;
  if (!m || !Array.isArray(path) || path.length > 32 || !path.every(isIndex)) return null;
  const anchor = parseBox(m.anchor);
  const frame = parseBox(m.frame);
  const depth = m.depth;
  return anchor && frame && isTabId(depth) && depth <= path.length
    ? { path: [...path], depth, anchor, frame }
    : null;
}

/** A nullable field: null stays null, a valid value its parsed copy, anything else undefined. */
function nullable<T>(v: unknown, parse: (v: unknown) => T | null): T | null | undefined {
  return v === null ? null : (parse(v) ?? undefined);
}

function parseEnd(raw: unknown): RangeEnd | null {
  const e = fields(raw);
  return e && isNumber(e.value) && isText(e.text) && typeof e.inclusive === "boolean"
    ? { value: e.value, text: e.text, inclusive: e.inclusive }
    : null;
}

function parseRange(raw: unknown): ParsedRange | null {
  const r = fields(raw);
  if (!r || !isText(r.text)) return null;
  const low = nullable(r.low, parseEnd);
  const high = nullable(r.high, parseEnd);
  const unit = nullable(r.unit, (u) => (isText(u) ? u : null));
  return low !== undefined && high !== undefined && unit !== undefined
    ? { text: r.text, low, high, unit }
    : null;
}

/** A lab result as the row finder reports it (lib/results/types.ts), every field checked. */
export function parseLabResult(raw: unknown): LabResult | null {
  const m = fields(raw);
  const v = fields(m?.value);
  if (!m || !v || !isText(v.text) || !isNumber(v.number) || !oneOf(JUDGEMENTS, m.judgement)) return null;
  const comparator = nullable(v.comparator, (c) => (oneOf(COMPARATORS, c) ? c : null));
  const unit = nullable(m.unit, (u) => (isText(u) ? u : null));
  const range = nullable(m.range, parseRange);
  const flag = nullable(m.flag, (raw) => {
    const f = fields(raw);
    return f && isText(f.text) && oneOf(FLAG_KINDS, f.kind) ? { text: f.text, kind: f.kind } : null;
  });
  if (comparator === undefined || unit === undefined || range === undefined || flag === undefined)
    return null;
  return { value: { text: v.text, number: v.number, comparator }, unit, range, flag, judgement: m.judgement };
}

function parseCard(raw: unknown): FrameCard | null {
  const c = fields(raw);
  const id = c?.id === null || isId(c?.id) ? (c?.id as string | null) : undefined;
  if (!c || id === undefined || !isText(c.text) || typeof c.pinned !== "boolean") return null;
  const theme = c.theme;
  if (theme !== "light" && theme !== "dark") return null;
  const card: FrameCard = { id, text: c.text, pinned: c.pinned, theme };
  if (c.row === undefined) return card;
  const row = fields(c.row);
  const result = row && isText(row.valueText) ? parseLabResult(row.result) : null;
  return result ? { ...card, row: { valueText: row?.valueText as string, result } } : null;
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
    case "load-frame-cards":
      return { type: "load-frame-cards" };
    case "card-up": {
      const place = parsePlace(m.place);
      const card = parseCard(m.card);
      if (!place || !card || (m.origin !== undefined && !isFrameId(m.origin))) return null;
      return m.origin === undefined
        ? { type: "card-up", place, card }
        : { type: "card-up", place, card, origin: m.origin };
    }
    case "card-close":
      return { type: "card-close" };
    case "card-event":
      return isFrameId(m.to) && oneOf(EVENTS, m.event)
        ? { type: "card-event", to: m.to, event: m.event }
        : null;
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

/** A message about a frame's card, carrying only the known fields; null for anything else. */
export function parseCardRequest(raw: unknown): CardRequest | null {
  const m = fields(raw);
  switch (m?.type) {
    case "card-up": {
      const place = parsePlace(m.place);
      const card = parseCard(m.card);
      const to = place?.path.slice(0, Math.max(0, place.depth - 1));
      // `to` must be the frame that holds the frame the place is in.
      if (
        !place ||
        !card ||
        !isFrameId(m.origin) ||
        !Array.isArray(m.to) ||
        !m.to.every(isIndex) ||
        String(m.to) !== String(to)
      )
        return null;
      return { type: "card-up", to: to ?? [], place, card, origin: m.origin };
    }
    case "card-close":
      return isFrameId(m.origin) ? { type: "card-close", origin: m.origin } : null;
    case "card-event":
      return oneOf(EVENTS, m.event) ? { type: "card-event", event: m.event } : null;
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
