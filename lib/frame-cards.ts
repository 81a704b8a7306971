// What the frame-cards script (entrypoints/frame-cards/) and the content
// script hand each other. A card for a term in a frame is shown by the top
// frame, so no frame clips it and it never lies over the frame's other terms;
// the script that sends, passes on and places those cards is injected only
// into frames that show one (and into the top frame), so other frames never
// load it. Types, the lookup, and `pathOf`, which both sides use.

import type { CardEvent, FrameCard } from "./messages";
import type { PageApi } from "./page-api";

interface Size {
  width: number;
  height: number;
}

/**
 * Where a frame's card goes in the top frame's viewport (`beside`: a result
 * card's side placement); `through`: it lies over the frame, so the pointer
 * passes through it to the frame's terms (unless the card is pinned).
 */
export interface FramePlace {
  place(tip: Size, viewport: Size, beside: boolean): { x: number; y: number; through: boolean };
}

/** A frame's card, in the top frame. */
export interface RemoteCard extends FramePlace {
  card: FrameCard;
  /** The frame it is for. */
  origin: number;
  /** The pointer came into the card: its frame keeps it open. */
  inside(): void;
  /** It is no longer shown here; `tell`: its frame is told so. */
  stop(tell: boolean): void;
}

/** What the content script's term UI (entrypoints/content-script/term-ui.ts) offers the frame-cards script. */
export interface CardHost {
  /** The open shadow roots of this document (frames may sit in them). */
  shadowRoots(): readonly ShadowRoot[];
  /** Top frame: shows a frame's card; false when Termlens is off here. */
  showFromFrame(remote: RemoteCard): boolean;
  /** Top frame: the frame `origin` closed its card. */
  closeFromFrame(origin: number): void;
  /** A frame: what became of its card in the top frame. */
  fromTop(event: CardEvent): void;
  /** Closes the card shown (a frame: its term moved, or the frame is going; the top: the frame left). */
  close(): void;
}

export interface FrameCards {
  /** A frame: asks the top frame to show `card` beside `range`; true once it does. */
  show(card: FrameCard, range: Range): Promise<boolean>;
  /** A frame: its card in the top frame is to close. */
  close(): void;
  /** A card message from the background (checked here): the reply. */
  receive(raw: unknown): Promise<boolean>;
}

export type FrameCardsFactory = (api: PageApi, host: CardHost) => FrameCards;

/** Where the frame-cards script leaves its factory in the content scripts' isolated world. */
export const FRAME_CARDS_KEY = "termlensFrameCards";

/** The injected factory, or null when missing. */
export function injectedFrameCards(scope: object = globalThis): FrameCardsFactory | null {
  const found = (scope as Record<string, unknown>)[FRAME_CARDS_KEY];
  return typeof found === "function" ? (found as FrameCardsFactory) : null;
}

/**
 * Where `win` is, from the top: its index in its parent's `window.frames`,
 * level by level ([] for the top; null when not found). Cross-origin windows
 * still give their parent and their frames, so this needs no help.
 */
export function pathOf(win: Window): number[] | null {
  const path: number[] = [];
  for (let w = win; w !== w.top; w = w.parent) {
    const parent = w.parent;
    let i = 0;
    while (i < parent.length && parent[i] !== w) i++;
    if (i === parent.length || path.unshift(i) > 32) return null;
  }
  return path;
}
