// The tooltip's home: a `termlens-tooltip` element with an open shadow root
// (the page's CSS cannot reach in), in the top layer where popovers are
// supported (no z-index can cover it), placed beside the term
// (placement.ts) and kept there while the page scrolls. The host exists only
// while a tooltip is shown, so the page's DOM is otherwise untouched.

import { type ComponentChild, render } from "preact";
import { Tooltip, type TooltipProps } from "../../components/Tooltip";
import tooltipCss from "../../components/Tooltip.css?inline";
import type { FramePlace } from "../../lib/frame-cards";
import { placeBeside, placeTooltip } from "./placement";

export const HOST_TAG = "termlens-tooltip";

/** What a card is placed beside: a range of this document, or a term in a frame (lib/frame-cards.ts). */
export type Anchor = Range | FramePlace;

export class TooltipHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  /** Where a card drawn by other code (the results script) goes: never `mount`. */
  private drawn: HTMLElement | null = null;
  private stopFollowing: (() => void) | null = null;

  constructor(private readonly doc: Document) {}

  show(anchor: Anchor, props: TooltipProps): void {
    this.showCard(anchor, <Tooltip {...props} />);
  }

  /** Re-renders without moving (e.g. when the definition arrives). */
  update(props: TooltipProps): void {
    this.updateCard(<Tooltip {...props} />);
  }

  /** Shows any card (the term tooltip, a result card) beside the anchor. */
  showCard(anchor: Anchor, card: ComponentChild, side: "below" | "beside" = "below"): void {
    const { host, mount } = this.ensure();
    this.drawn?.remove();
    this.drawn = null;
    render(card, mount);
    this.place(anchor, host, side === "beside" ? placeBeside : placeTooltip);
  }

  updateCard(card: ComponentChild): void {
    if (this.mount && !this.drawn) render(card, this.mount);
  }

  /**
   * Shows a card that `draw` renders into an element of its own (the result
   * card, drawn by the results script with its own copy of Preact, which must
   * not render into the mount this one renders into).
   */
  showDrawn(anchor: Anchor, draw: (into: HTMLElement) => void, side: "below" | "beside" = "beside"): void {
    const { host, mount } = this.ensure();
    render(null, mount);
    this.drawn?.remove();
    this.drawn = this.doc.createElement("div");
    mount.after(this.drawn);
    draw(this.drawn);
    this.place(anchor, host, side === "beside" ? placeBeside : placeTooltip);
  }

  updateDrawn(draw: (into: HTMLElement) => void): void {
    if (this.drawn) draw(this.drawn);
  }

  hide(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = null;
    this.mount = null;
    this.drawn = null;
  }

  contains(node: EventTarget | null): boolean {
    if (!this.host || !(node instanceof Node)) return false;
    // contains() does not cross into the shadow tree, where the card lives.
    return node === this.host || this.host.contains(node) || !!this.host.shadowRoot?.contains(node);
  }

  /** Runs `look` with the card out of hit testing, to see what lies under it. */
  beneath<T>(look: () => T): T {
    const host = this.host;
    if (!host) return look();
    host.style.setProperty("visibility", "hidden", "important");
    host.style.setProperty("pointer-events", "none", "important");
    try {
      return look();
    } finally {
      host.style.setProperty("visibility", "visible", "important");
      host.style.removeProperty("pointer-events");
    }
  }

  get element(): HTMLElement | null {
    return this.host;
  }

  private ensure(): { host: HTMLElement; mount: HTMLElement } {
    if (this.host && this.mount && this.host.isConnected) return { host: this.host, mount: this.mount };
    const host = this.doc.createElement(HOST_TAG);
    // Inline !important styles beat the page's rules on our host, even its
    // own !important ones (`* { all: unset !important }`, `[popover] {
    // display: none !important }`); the UA popover styles (inset, margin,
    // border) are neutralised too.
    host.setAttribute(
      "style",
      [
        "all:initial;position:fixed;left:0;top:0;inset:auto;margin:0;padding:0;border:0",
        "background:transparent;overflow:visible;z-index:2147483647;width:max-content;display:block",
        "visibility:visible;opacity:1",
      ]
        .join(";")
        .split(";")
        .map((d) => `${d} !important`)
        .join(";"),
    );
    const shadow = host.attachShadow({ mode: "open" });
    const style = this.doc.createElement("style");
    style.textContent = tooltipCss;
    const mount = this.doc.createElement("div");
    shadow.append(style, mount);
    // Inside a fullscreen element, or it would be hidden behind it.
    (this.doc.fullscreenElement ?? this.doc.documentElement).appendChild(host);
    if (typeof host.showPopover === "function") {
      host.popover = "manual";
      try {
        host.showPopover();
      } catch {
        // Not in a document that supports the top layer: z-index will do.
      }
    }
    this.host = host;
    this.mount = mount;
    return { host, mount };
  }

  private place(anchor: Anchor, host: HTMLElement, placement = placeTooltip): void {
    this.stopFollowing?.();
    const view = this.doc.defaultView;
    const update = () => {
      const viewport = {
        width: this.doc.documentElement.clientWidth || view?.innerWidth || 0,
        height: this.doc.documentElement.clientHeight || view?.innerHeight || 0,
      };
      const size = { width: host.offsetWidth, height: host.offsetHeight };
      const at =
        "place" in anchor
          ? anchor.place(size, viewport, placement === placeBeside)
          : placement(anchor.getClientRects()[0] ?? anchor.getBoundingClientRect(), size, viewport);
      // A frame's card over its frame (no room beside it) lets the pointer through to the frame's terms.
      host.style.setProperty("pointer-events", "through" in at && at.through ? "none" : "auto", "important");
      const { x, y } = at;
      host.style.setProperty("left", `${x}px`, "important");
      host.style.setProperty("top", `${y}px`, "important");
    };
    update();
    // One capturing scroll listener hears every scroll container (walking the
    // ancestors instead took seconds on a 5,000-deep page); the card is placed
    // again when its own size changes (the definition arrives).
    const listen = { capture: true, passive: true } as const;
    this.doc.addEventListener("scroll", update, listen);
    view?.addEventListener("resize", update, listen);
    const resized = typeof ResizeObserver === "function" ? new ResizeObserver(update) : null;
    resized?.observe(host);
    this.stopFollowing = () => {
      resized?.disconnect();
      this.doc.removeEventListener("scroll", update, listen);
      view?.removeEventListener("resize", update, listen);
    };
  }
}
