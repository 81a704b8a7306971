// What the reader sees and does with terms on a page: hover intent, the
// tooltip, click to pin, Escape to close, keyboard lookups and "next term".

import type { ResultCardProps } from "../../components/ResultCard";
import { type MatchIndex, matchChunks } from "../../glossary/match/index";
import type { CardHost, FrameCards, RemoteCard } from "../../lib/frame-cards";
import type { CardEvent, FrameCard, LookupReply } from "../../lib/messages";
import { textOfPieces } from "../../lib/results/found-row";
import { type Found, liveRange, type PageTerms } from "./highlighter";
import { HoverIntent } from "./hover";
import { hitRange, type PageResults, type ResultHit } from "./page-results";
import { caretAt, rectAt } from "./pointer";
import { backgroundBehind, type Theme, type ThemeSetting, themeFor } from "./theme";
import { type Anchor, TooltipHost } from "./tooltip-host";

export interface TermUiDeps {
  doc: Document;
  index: MatchIndex;
  terms: () => PageTerms | null;
  /** Lab result rows on the page (none in the PDF reader). */
  results?: () => PageResults | null;
  shadowRoots: () => ShadowRoot[];
  lookup: (id: string) => Promise<LookupReply | null>;
  openTopic: (topicId: string) => void;
  openTerm: (id: string) => void;
  /** In a frame: what shows this frame's cards in the top frame (lib/frame-cards.ts), brought when first needed. */
  up?: () => Promise<FrameCards | null>;
}

export interface TermUiOptions {
  showDelay: number;
  hideDelay: number;
  theme: ThemeSetting;
}

/** What a tooltip is about: a term on the page, a lab result row, a selection, or a frame's card. */
interface Target {
  key: Found | Range | ResultHit["row"] | RemoteCard;
  id: string | null;
  text: string;
  range: Range;
  found?: Found;
  hit?: ResultHit;
  /** A card a frame asked this (top) frame to show. */
  remote?: RemoteCard;
}

/** A result row's card data: the value as printed (with its unit) and the result (the name is the target's text). */
type ResultData = NonNullable<FrameCard["row"]>;

const NOTICE = "Educational information, not medical advice.";

export class TermUi implements CardHost {
  private readonly tooltip: TooltipHost;
  private readonly hover: HoverIntent<Target>;
  private navIndex = -1;
  /** In a frame: what shows the card in the top frame while it is there, or on its way. */
  private up: FrameCards | null = null;
  /** In the top frame: the frame's card shown here, and whether the pointer is in it. */
  private remote: RemoteCard | null = null;
  private inside = false;

  constructor(
    private readonly deps: TermUiDeps,
    private options: TermUiOptions,
  ) {
    this.tooltip = new TooltipHost(deps.doc);
    this.hover = new HoverIntent<Target>(
      { open: (t, pinned) => void this.render(t, pinned), close: () => this.closed() },
      options,
    );
  }

  configure(options: TermUiOptions): void {
    this.options = options;
    this.hover.setOptions(options);
  }

  isOurs(node: Node): boolean {
    return node === this.tooltip.element;
  }

  pointerMoved(x: number, y: number, inTooltip: boolean): void {
    // A frame's card: the frame keeps it open while the pointer is in it here.
    if (inTooltip && !this.inside) this.remote?.inside();
    this.inside = inTooltip;
    if (inTooltip) {
      // In a frame the card may cover the frame's next terms (a small frame
      // leaves it nowhere else to go): a term under the card, once rested
      // on, takes over, so the card never blocks the next term.
      const beneath =
        this.inFrame && !this.hover.isPinned ? this.tooltip.beneath(() => this.targetAt(x, y)) : null;
      if (beneath && beneath.key !== this.hover.current?.key) this.hover.pointerAt(beneath);
      else this.hover.pointerAt(null, true);
    } else this.hover.pointerAt(this.targetAt(x, y));
  }

  private get inFrame(): boolean {
    const view = this.deps.doc.defaultView;
    return !!view && view.top !== view;
  }

  inTooltip(target: EventTarget | null): boolean {
    return this.tooltip.contains(target);
  }

  clicked(x: number, y: number): void {
    const target = this.targetAt(x, y);
    if (target) this.hover.pin(target);
    else if (this.hover.isPinned) this.hover.close();
  }

  close(): void {
    this.hover.close();
  }

  shadowRoots(): readonly ShadowRoot[] {
    return this.deps.shadowRoots();
  }

  /** In the top frame: shows a frame's card (not while Termlens is off here). */
  showFromFrame(remote: RemoteCard): boolean {
    const { card } = remote;
    if (!this.deps.terms()) return false;
    this.hover.open({ key: remote, id: card.id, text: card.text, range: new Range(), remote }, card.pinned);
    return true;
  }

  /** In the top frame: the frame closed its card. */
  closeFromFrame(origin: number): void {
    if (this.remote?.origin !== origin) return;
    this.adopt(null, false);
    this.hover.close();
  }

  /** In a frame: what became of this frame's card in the top frame. */
  fromTop(event: CardEvent): void {
    if (!this.up) return;
    if (event === "inside") this.hover.pointerAt(null, true);
    else {
      this.up = null;
      this.hover.close();
    }
  }

  private closed(): void {
    this.tooltip.hide();
    this.adopt(null);
    this.up?.close();
    this.up = null;
  }

  /** The frame's card shown here now (null: none); the one before stops, its frame told when another's replaces it. */
  private adopt(next: RemoteCard | null, tell = true): void {
    const was = this.remote;
    if (was && was !== next) was.stop(tell && was.origin !== next?.origin);
    this.remote = next;
    this.inside = false;
  }

  /** In a frame: asks the top frame to show the card; true when it does (or the pointer moved on meanwhile). */
  private async sendUp(target: Target, pinned: boolean, theme: Theme): Promise<boolean> {
    const up = await this.deps.up?.();
    if (!up || this.hover.current !== target) return !!up;
    this.tooltip.hide();
    this.up = up;
    const card: FrameCard = { id: target.id, text: target.text, pinned, theme };
    if (target.hit) card.row = resultData(target.hit);
    if ((await up.show(card, target.range)) || this.hover.current !== target) return true;
    this.up = null;
    return false;
  }

  get isOpen(): boolean {
    return this.hover.current !== null;
  }

  /** Explains the selected text, or the term at the caret; pins the card (or pins the open one). */
  explainSelection(): void {
    // The shortcut on an open hover card pins it, so it can be read at leisure.
    const shown = this.hover.current;
    if (shown && !this.hover.isPinned) {
      this.hover.pin(shown);
      return;
    }
    const sel = this.deps.doc.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    const atCaret = this.deps.terms()?.at(range.startContainer, range.startOffset);
    if (atCaret && (sel.isCollapsed || atCaret.nodes[0]?.data.includes(sel.toString().trim()))) {
      this.hover.pin(this.fromFound(atCaret));
      return;
    }
    const text = sel.toString().trim().slice(0, 200);
    if (!text) return;
    const match = matchChunks(this.deps.index, [text])[0];
    const anchor = range.cloneRange();
    this.hover.pin({ key: anchor, id: match?.id ?? null, text, range: anchor });
  }

  /** Moves to the next (+1) or previous (-1) term or result row, scrolls to it and opens it. */
  step(direction: 1 | -1): void {
    const list = this.stops();
    if (list.length === 0) return;
    const current = this.hover.current;
    const at = current ? list.findIndex((s) => s.key === current.key) : -1;
    const from = at >= 0 ? at : this.navIndex;
    this.navIndex = (from + direction + list.length) % list.length;
    const stop = list[this.navIndex];
    if (!stop) return;
    if (stop.found) this.reveal(stop.found);
    else if (stop.hit) {
      stop.hit.pieces[0]?.node.parentElement?.scrollIntoView({ block: "center", inline: "nearest" });
      this.hover.pin(this.fromHit(stop.hit));
    }
  }

  /** Terms and result rows in document order; a term inside a result's name is the row's. */
  private stops(): { key: unknown; node: Text; offset: number; found?: Found; hit?: ResultHit }[] {
    const results = this.deps.results?.();
    const rows = (results?.ordered() ?? []).flatMap((hit) => {
      const p = hit.pieces[0];
      return p ? [{ key: hit.row as unknown, node: p.node, offset: p.start, hit }] : [];
    });
    const terms = (this.deps.terms()?.ordered() ?? []).flatMap((found) => {
      const node = found.nodes[0];
      if (!node || results?.at(node, found.startOffset)) return [];
      return [{ key: found as unknown, node, offset: found.startOffset, found }];
    });
    return [...rows, ...terms].sort((a, b) => {
      if (a.node === b.node) return a.offset - b.offset;
      return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  /** Scrolls to the first occurrence of a term and opens it (from the popup). */
  showTerm(id: string): boolean {
    const found = this.deps
      .terms()
      ?.ordered()
      .find((f) => f.id === id);
    if (!found) return false;
    this.reveal(found);
    return true;
  }

  private reveal(found: Found): void {
    found.nodes[0]?.parentElement?.scrollIntoView({ block: "center", inline: "nearest" });
    this.hover.pin(this.fromFound(found));
  }

  private targetAt(x: number, y: number): Target | null {
    const terms = this.deps.terms();
    if (!terms) return null;
    const caret = caretAt(this.deps.doc, x, y, this.deps.shadowRoots());
    if (!caret) return null;
    const hit = this.deps.results?.()?.at(caret.node, caret.offset);
    if (hit) {
      const target = this.fromHit(hit);
      return rectAt(hitRange(hit.pieces), x, y) ? target : null;
    }
    const found = terms.at(caret.node, caret.offset);
    if (!found) return null;
    const target = this.fromFound(found);
    return rectAt(target.range, x, y) ? target : null;
  }

  private fromFound(found: Found): Target {
    const current = this.hover.current;
    if (current?.found === found) return current;
    const range = liveRange(found);
    return { key: found, id: found.id, text: range.toString(), range, found };
  }

  private fromHit(hit: ResultHit): Target {
    const current = this.hover.current;
    if (current?.key === hit.row) return current;
    // The glossary's entry for the test, when its name holds one ("Serum creatinine": creatinine).
    const id = matchChunks(this.deps.index, [hit.row.name])[0]?.id ?? null;
    return { key: hit.row, id, text: hit.row.name, range: hitRange(hit.pieces), hit };
  }

  private async renderResult(target: Target, row: ResultData, pinned: boolean, theme: Theme, where: Anchor) {
    const results = this.deps.results?.();
    // A frame's row: the readers may not be here yet.
    if (!results || !(await results.ready()) || this.hover.current !== target) return;
    const props: Omit<ResultCardProps, "view"> = {
      id: "termlens-tooltip-card",
      testName: target.text,
      ...row,
      notice: NOTICE,
      pinned,
      theme,
      onClose: () => this.hover.close(),
    };
    // The results script draws the card (it holds the card's code).
    this.tooltip.showDrawn(where, (into) => results.renderCard(into, props), "beside");
    if (target.id === null) return;
    // The lookup carries only the glossary id, never the values.
    const reply = await this.deps.lookup(target.id).catch(() => undefined);
    if (this.hover.current !== target || !reply) return;
    const test = reply.term.test;
    const explained = {
      ...props,
      explanation: test?.measures.text ?? reply.term.definition,
      questions: test?.questions.map((q) => q.text),
    };
    this.tooltip.updateDrawn((into) => results.renderCard(into, explained));
  }

  private async render(target: Target, pinned: boolean): Promise<void> {
    const remote = target.remote;
    const theme =
      remote?.card.theme ??
      themeFor(
        this.options.theme,
        backgroundBehind(target.range.startContainer.parentElement),
        matchMedia("(prefers-color-scheme: dark)").matches,
      );
    this.adopt(remote ?? null);
    if (!remote && this.deps.up && (await this.sendUp(target, pinned, theme))) return;
    const where: Anchor = remote ?? target.range;
    const row = remote ? remote.card.row : target.hit && resultData(target.hit);
    if (row) return this.renderResult(target, row, pinned, theme, where);
    const base = {
      id: "termlens-tooltip-card",
      term: target.text,
      definition: "",
      notice: NOTICE,
      pinned,
      theme,
      onClose: () => this.hover.close(),
    };
    if (target.id === null) {
      this.tooltip.show(where, { ...base, definition: "Not in the Termlens glossary yet." });
      return;
    }
    this.tooltip.show(where, { ...base, loading: true });
    const reply = await this.deps.lookup(target.id).catch(() => undefined);
    if (this.hover.current !== target) return;
    if (!reply) {
      this.tooltip.update({ ...base, definition: "This explanation is not available right now." });
      return;
    }
    const topic = reply.topic;
    this.tooltip.update({
      ...base,
      term: reply.term.term,
      definition: reply.term.definition,
      topicTitle: topic?.title,
      onOpenTopic: topic ? () => this.deps.openTopic(topic.id) : undefined,
      onOpenTerm: () => this.deps.openTerm(reply.term.id),
    });
  }
}

function resultData({ row }: ResultHit): ResultData {
  return { valueText: textOfPieces(row.valueText).replace(/\s+/g, " ").trim(), result: row.result };
}
