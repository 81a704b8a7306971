// Termlens at work on one page: built the first time the site is on, so a
// switched-off site pays only for reading its setting. Owns the terms found,
// the slices that find them, the watcher that follows changes and the UI.

import { loadIndex } from "../../glossary/match/index";
import type { ContentData } from "../../glossary/types";
import { type FrameCards, injectedFrameCards, pathOf } from "../../lib/frame-cards";
import type { Command } from "../../lib/messages";
import { askBackground, type PageApi } from "../../lib/page-api";
import { injectedResultReading } from "../../lib/results/reading";
import type { DisplaySettings } from "../../lib/settings";
import { PageTerms } from "./highlighter";
import type { Lifetime } from "./lifetime";
import { PageResults } from "./page-results";
import { ScanScheduler } from "./scan-scheduler";
import { ScanSignal } from "./scan-signal";
import { HighlightStyles } from "./styles";
import { TermUi, type TermUiOptions } from "./term-ui";
import { visibleRegion } from "./text-blocks";
import { Watcher } from "./watcher";

const uiOptions = (d: DisplaySettings): TermUiOptions => ({
  showDelay: d.hoverDelayMs,
  hideDelay: 300,
  theme: d.theme,
});

export class PageSession {
  private readonly terms: PageTerms;
  /** Lab result rows: found and shown here, never stored or sent. */
  private readonly results: PageResults;
  private readonly ui: TermUi;
  private readonly styles = new HighlightStyles(document);
  private readonly scanner: ScanScheduler;
  private readonly signal: ScanSignal;
  private readonly watcher: Watcher;
  private readonly shadowRoots: ShadowRoot[] = [];
  private enabled = false;
  private started = false;
  private reportTimer = 0;

  constructor(
    private readonly ctx: Lifetime,
    private readonly api: PageApi,
    data: ContentData,
    display: DisplaySettings,
    signalScans: boolean,
  ) {
    this.signal = new ScanSignal(document, signalScans);
    this.results = new PageResults(
      () =>
        askBackground(api, { type: "load-results" }).then((injected) =>
          injected ? injectedResultReading() : null,
        ),
      () => this.signalState(),
    );
    const index = loadIndex(data.index);
    this.terms = new PageTerms(index, new Set(data.everyday));
    this.ui = new TermUi(
      {
        doc: document,
        index,
        terms: () => (this.enabled ? this.terms : null),
        results: () => (this.enabled ? this.results : null),
        shadowRoots: () => this.shadowRoots,
        lookup: (id) => askBackground(this.api, { type: "lookup", id }),
        openTopic: (topicId) => void askBackground(this.api, { type: "open-topic", topicId }).catch(() => {}),
        openTerm: (id) => void askBackground(this.api, { type: "open-term", id }).catch(() => {}),
        // A frame's cards go to the top frame (lib/frame-cards.ts).
        up: window === window.top ? undefined : () => this.frameCards(),
      },
      uiOptions(display),
    );
    this.styles.apply(display);
    const pageRoot = () => document.body ?? document.documentElement;
    this.watcher = new Watcher(
      {
        pruned: () => {
          this.results.prune();
          if (this.terms.prune() > 0) this.reportSoon();
        },
        rescan: (roots) => this.scanner.enqueue(roots),
        rescanAll: () => this.scanner.enqueue([pageRoot()]),
        isOurs: (node) => this.ui.isOurs(node),
        changed: () => this.signalState(),
      },
      { setTimeout: (cb, ms) => ctx.setTimeout(cb, ms) },
    );
    this.scanner = new ScanScheduler(
      this.terms,
      { requestIdleCallback: (cb, o) => ctx.requestIdleCallback(cb, o) },
      (root) => {
        this.shadowRoots.push(root);
        this.watcher.observe(root);
        this.styles.adoptInShadow(root);
      },
      () => {
        this.reportSoon();
        this.signalState();
      },
    );
    this.scanner.onBlocks = (blocks) => this.results.add(blocks);
    listenForTerms(ctx, this.ui, () => this.enabled);
    ctx.onInvalidated(() => {
      this.watcher.disconnect();
      this.ui.close();
      this.terms.hide();
      this.terms.clear();
      this.results.hide();
      this.results.clear();
      this.styles.remove();
      this.signal.remove();
    });
  }

  enable(): void {
    this.enabled = true;
    if (!this.started) {
      this.started = true;
      // The whole document is watched (not just body), so a page that
      // replaces document.body is still followed.
      this.watcher.observe(document);
      this.scanner.enqueue(
        [document.body ?? document.documentElement],
        true,
        visibleRegion(document, window),
      );
    }
    this.terms.show();
    this.results.show();
    this.reportSoon();
  }

  disable(): void {
    this.enabled = false;
    this.ui.close();
    this.terms.hide();
    this.results.hide();
    this.reportSoon();
  }

  configure(display: DisplaySettings): void {
    this.styles.apply(display);
    this.ui.configure(uiOptions(display));
  }

  counts(): Record<string, number> {
    return this.enabled ? this.terms.counts() : {};
  }

  command(name: Command): boolean {
    if (!this.enabled) return false;
    if (name === "explain") this.ui.explainSelection();
    else this.ui.step(name === "next-term" ? 1 : -1);
    return true;
  }

  showTerm(id: string): boolean {
    return this.enabled && this.ui.showTerm(id);
  }

  private cards: Promise<FrameCards | null> | null = null;

  /** The frame-cards script, brought once (null when it cannot be had: the card stays here). */
  private frameCards(): Promise<FrameCards | null> {
    this.cards ??= askBackground(this.api, { type: "load-frame-cards" }).then(
      (injected) => (injected && injectedFrameCards()?.(this.api, this.ui)) || null,
      () => null,
    );
    return this.cards;
  }

  /**
   * A message about a frame's card (lib/frame-cards.ts), for the frame-cards
   * script; undefined (no answer) while Termlens is off here, for any other
   * message, and for a card on its way up that another frame (`to`) takes.
   */
  cardMessage(raw: unknown): Promise<boolean> | undefined {
    const m = raw as { type?: unknown; to?: unknown } | null;
    if (
      !this.enabled ||
      !String(m?.type).startsWith("card-") ||
      (m?.to !== undefined && String(m.to) !== String(pathOf(window)))
    )
      return undefined;
    return this.frameCards().then((cards) => cards?.receive(raw) ?? false);
  }

  private signalState(): void {
    this.signal.set(this.scanner.busy || this.watcher.pending || this.results.busy);
  }

  /** Tells the background what this frame holds (for the badge and the popup). */
  private reportSoon(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = this.ctx.setTimeout(() => {
      askBackground(this.api, { type: "found", counts: this.counts() }).catch(() => {});
    }, 300);
  }
}

/**
 * The pointer and keys that drive the term UI: hover (one hit-test per frame
 * at most, with the latest position), click to pin, Escape to close. Shared
 * with the PDF reader (entrypoints/reader/explain.ts).
 */
export function listenForTerms(ctx: Lifetime, ui: TermUi, enabled: () => boolean): void {
  let framePending = false;
  let last = { x: 0, y: 0, inTooltip: false };
  ctx.addEventListener(
    document,
    "pointermove",
    (e: PointerEvent) => {
      if (!enabled()) return;
      last = { x: e.clientX, y: e.clientY, inTooltip: ui.inTooltip(e.composedPath()[0] ?? null) };
      if (framePending) return;
      framePending = true;
      ctx.requestAnimationFrame(() => {
        framePending = false;
        ui.pointerMoved(last.x, last.y, last.inTooltip);
      });
    },
    { passive: true, capture: true },
  );
  ctx.addEventListener(
    document,
    "click",
    (e: MouseEvent) => {
      if (enabled() && e.button === 0 && !ui.inTooltip(e.composedPath()[0] ?? null))
        ui.clicked(e.clientX, e.clientY);
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    document,
    "keydown",
    (e: KeyboardEvent) => {
      if (e.key === "Escape" && ui.isOpen) ui.close();
    },
    { capture: true },
  );
}
