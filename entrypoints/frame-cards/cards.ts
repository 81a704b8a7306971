// A card for a term in a frame is shown by the top frame, so no frame clips
// it and it never lies over the frame's other terms (the top places it
// outside the frame's box where there is room). The frame sends the card as
// data (the term, or a result row's printed values), with the term's box and
// its own box in view, up through the background (never `window.postMessage`,
// which pages see). Boxes are moved into each ancestor's viewport on the way:
// through same-origin ancestors here (their frame elements are in reach), and
// past a cross-origin one by the frame above it, which finds the frame
// element by the sender's index in its `window.frames` (`pathOf`). No
// permission beyond what Termlens has is needed (no webNavigation). Where the
// top frame does not answer (Termlens is off there), the frame shows the card
// itself.

import type { CardHost, FrameCards, RemoteCard } from "../../lib/frame-cards";
import { pathOf } from "../../lib/frame-cards";
import { type Box, type CardEvent, type CardPlace, parseCardRequest } from "../../lib/messages";
import { askBackground, type PageApi } from "../../lib/page-api";
import { placeBeside, placeOutside, placeTooltip } from "../content-script/placement";

const boxOf = (r: Box): Box => ({ left: r.left, top: r.top, width: r.width, height: r.height });

/** The frame element of `doc` (or of one of its open shadow roots) that holds its `index`th frame. */
export function childFrame(doc: Document, roots: readonly ShadowRoot[], index: number): Element | null {
  const win = doc.defaultView?.[index];
  if (!win) return null;
  for (const root of [doc, ...roots])
    for (const el of root.querySelectorAll("iframe,frame"))
      if ((el as HTMLIFrameElement).contentWindow === win) return el;
  return null;
}

/** A place one level up: into the viewport of the document holding `el`, the frame's box clipped by `el`'s. */
function into(place: CardPlace, el: Element): CardPlace {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const px = (v: string) => Number.parseFloat(v) || 0;
  const left = r.left + el.clientLeft + px(s.paddingLeft);
  const top = r.top + el.clientTop + px(s.paddingTop);
  const right = left + el.clientWidth - px(s.paddingLeft) - px(s.paddingRight);
  const bottom = top + el.clientHeight - px(s.paddingTop) - px(s.paddingBottom);
  const f = place.frame;
  const fLeft = Math.max(left, f.left + left);
  const fTop = Math.max(top, f.top + top);
  return {
    path: place.path,
    depth: place.depth - 1,
    anchor: { ...place.anchor, left: place.anchor.left + left, top: place.anchor.top + top },
    frame: {
      left: fLeft,
      top: fTop,
      width: Math.max(0, Math.min(right, f.left + left + f.width) - fLeft),
      height: Math.max(0, Math.min(bottom, f.top + top + f.height) - fTop),
    },
  };
}

/** Moves a place up through the same-origin ancestors of `win`, as far as their frame elements are in reach. */
export function climb(place: CardPlace, win: Window = window): CardPlace {
  for (let w = win; place.depth > 0; w = w.parent) {
    let el: Element | null = null;
    try {
      el = w.frameElement;
    } catch {
      // Cross-origin: the frame above takes it from here.
    }
    if (!el) break;
    place = into(place, el);
  }
  return place;
}

/** A place from a frame of this document, moved into this document's viewport (null: no such frame here). */
export function enter(place: CardPlace, doc: Document, roots: readonly ShadowRoot[]): CardPlace | null {
  const el = childFrame(doc, roots, place.path[place.depth - 1] ?? -1);
  return el ? into(place, el) : null;
}

/**
 * One frame's part: a frame sends its cards up, in order (a close never
 * overtakes the card it closes), and while one is shown in the top frame
 * closes it when the term moves (the frame scrolled) or the frame goes; a
 * frame between passes cards on up; the top frame shows them.
 */
export function frameCards(api: PageApi, host: CardHost): FrameCards {
  let queue: Promise<unknown> = Promise.resolve();
  let watched: { range: Range; at: Box } | null = null;
  const moved = () => {
    const now = watched && (watched.range.getClientRects()[0] ?? watched.range.getBoundingClientRect());
    if (watched && now && Math.abs(now.left - watched.at.left) + Math.abs(now.top - watched.at.top) > 2)
      host.close();
  };
  const hidden = () => {
    // The frame is going (removed, or navigating): say so now, the queue may never run again.
    void askBackground(api, { type: "card-close" }).catch(() => {});
    host.close();
  };
  const listen = { capture: true, passive: true } as const;
  const watch = (what: typeof watched) => {
    if (what && !watched) {
      document.addEventListener("scroll", moved, listen);
      addEventListener("pagehide", hidden);
    } else if (!what && watched) {
      document.removeEventListener("scroll", moved, listen);
      removeEventListener("pagehide", hidden);
    }
    watched = what;
  };

  /** The top frame's side of a frame's card: placed outside the frame, following it as the page scrolls. */
  const remote = (msg: { place: CardPlace; card: RemoteCard["card"]; origin: number }): RemoteCard => {
    const { place, origin } = msg;
    const el = place.path.length ? childFrame(document, host.shadowRoots(), place.path[0] ?? -1) : null;
    const was = el?.getBoundingClientRect();
    const follow = (b: Box): Box => {
      const now = el?.getBoundingClientRect();
      return now && was ? { ...b, left: b.left + now.left - was.left, top: b.top + now.top - was.top } : b;
    };
    const tell = (event: CardEvent) =>
      void askBackground(api, { type: "card-event", to: origin, event }).catch(() => {});
    // The frame leaves the page: its card goes with it.
    const gone = el
      ? new MutationObserver(() => {
          if (!el.isConnected) host.close();
        })
      : null;
    gone?.observe(document, { childList: true, subtree: true });
    return {
      card: msg.card,
      origin,
      place: (tip, viewport, beside) => {
        const at = placeOutside(
          follow(place.anchor),
          follow(place.frame),
          tip,
          viewport,
          beside ? placeBeside : placeTooltip,
        );
        return { ...at, through: at.over && !msg.card.pinned };
      },
      inside: () => tell("inside"),
      stop: (told) => {
        gone?.disconnect();
        if (told) tell("closed");
      },
    };
  };

  return {
    show(card, range) {
      const sent = queue.then(async () => {
        const path = pathOf(window);
        if (!path) return false;
        const at = boxOf(range.getClientRects()[0] ?? range.getBoundingClientRect());
        const root = document.documentElement;
        const frame = {
          left: 0,
          top: 0,
          width: root.clientWidth || innerWidth,
          height: root.clientHeight || innerHeight,
        };
        const place = climb({ path, depth: path.length, anchor: at, frame });
        const shown = (await askBackground(api, { type: "card-up", place, card })) === true;
        if (shown) watch({ range, at });
        return shown;
      });
      queue = sent.catch(() => false);
      return queue as Promise<boolean>;
    },

    close() {
      queue = queue
        .then(() => {
          watch(null);
          return askBackground(api, { type: "card-close" });
        })
        .catch(() => {});
    },

    async receive(raw) {
      const msg = parseCardRequest(raw);
      if (msg?.type === "card-close") host.closeFromFrame(msg.origin);
      else if (msg?.type === "card-event") host.fromTop(msg.event);
      if (msg?.type !== "card-up") return !!msg;
      const { place, card, origin } = msg;
      const here = place.depth > 0 ? enter(place, document, host.shadowRoots()) : place;
      if (!here) return false;
      if (window === window.top) {
        const shown = remote({ place: here, card, origin });
        if (host.showFromFrame(shown)) return true;
        shown.stop(false);
        return false;
      }
      // A frame between: on up, from here.
      return askBackground(api, { type: "card-up", place: climb(here), card, origin }).catch(() => false);
    },
  };
}
