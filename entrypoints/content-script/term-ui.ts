// What the reader sees and does with terms on a page: hover intent, the
// tooltip, click to pin, Escape to close, keyboard lookups and "next term".

import type { ResultCardProps } from "../../components/ResultCard";
import { type MatchIndex, matchChunks } from "../../glossary/match/index";
import type { LookupReply } from "../../lib/messages";
import { textOfPieces } from "../../lib/results/found-row";
import { type Found, liveRange, type PageTerms } from "./highlighter";
import { HoverIntent } from "./hover";
import { hitRange, type PageResults, type ResultHit } from "./page-results";
import { caretAt, rectAt } from "./pointer";
import { backgroundBehind, type ThemeSetting, themeFor } from "./theme";
import { TooltipHost } from "./tooltip-host";

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
}

export interface TermUiOptions {
  showDelay: number;
  hideDelay: number;
  theme: ThemeSetting;
}

/** What a tooltip is about: a term on the page, a lab result row, or a selection. */
interface Target {
  key: Found | Range | ResultHit["row"];
  id: string | null;
  text: string;
  range: Range;
  found?: Found;
  hit?: ResultHit;
}

const NOTICE = "Educational information, not medical advice.";

export class TermUi {
  private readonly tooltip: TooltipHost;
  private readonly hover: HoverIntent<Target>;
  private navIndex = -1;

  constructor(
    private readonly deps: TermUiDeps,
    private options: TermUiOptions,
  ) {
    this.tooltip = new TooltipHost(deps.doc);
    this.hover = new HoverIntent<Target>(
      { open: (t, pinned) => void this.render(t, pinned), close: () => this.tooltip.hide() },
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

  private async renderResult(target: Target, hit: ResultHit, pinned: boolean, theme: "light" | "dark") {
    const { row } = hit;
    const results = this.deps.results?.();
    if (!results) return;
    const props: Omit<ResultCardProps, "view"> = {
      id: "termlens-tooltip-card",
      testName: row.name,
      result: row.result,
      valueText: textOfPieces(row.valueText).replace(/\s+/g, " ").trim(),
      notice: NOTICE,
      pinned,
      theme,
      onClose: () => this.hover.close(),
    };
    // The results script draws the card (it holds the card's code).
    this.tooltip.showDrawn(target.range, (into) => results.renderCard(into, props), "beside");
    if (target.id === null) return;
    // Only the glossary id is sent: the values stay in the page.
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
    const theme = themeFor(
      this.options.theme,
      backgroundBehind(target.range.startContainer.parentElement),
      matchMedia("(prefers-color-scheme: dark)").matches,
    );
    if (target.hit) return this.renderResult(target, target.hit, pinned, theme);
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
      this.tooltip.show(target.range, { ...base, definition: "Not in the Termlens glossary yet." });
      return;
    }
    this.tooltip.show(target.range, { ...base, loading: true });
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
