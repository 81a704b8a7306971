// What the reader sees and does with terms on a page: hover intent, the
// tooltip, click to pin, Escape to close, keyboard lookups and "next term".

import { type MatchIndex, matchChunks } from "../../glossary/match/index";
import type { LookupReply } from "../../lib/messages";
import { type Found, liveRange, type PageTerms } from "./highlighter";
import { HoverIntent } from "./hover";
import { caretAt, rectAt } from "./pointer";
import { backgroundBehind, type ThemeSetting, themeFor } from "./theme";
import { TooltipHost } from "./tooltip-host";

export interface TermUiDeps {
  doc: Document;
  index: MatchIndex;
  terms: () => PageTerms | null;
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

/** What a tooltip is about: a term on the page, or a selection. */
interface Target {
  key: Found | Range;
  id: string | null;
  text: string;
  range: Range;
  found?: Found;
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
    if (inTooltip) this.hover.pointerAt(null, true);
    else this.hover.pointerAt(this.targetAt(x, y));
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

  /** Moves to the next (+1) or previous (-1) term, scrolls to it and opens it. */
  step(direction: 1 | -1): void {
    const list = this.deps.terms()?.ordered() ?? [];
    if (list.length === 0) return;
    const current = this.hover.current?.found;
    const at = current ? list.indexOf(current) : -1;
    const from = at >= 0 ? at : this.navIndex;
    this.navIndex = (from + direction + list.length) % list.length;
    this.reveal(list[this.navIndex] as Found);
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

  private async render(target: Target, pinned: boolean): Promise<void> {
    const theme = themeFor(
      this.options.theme,
      backgroundBehind(target.range.startContainer.parentElement),
      matchMedia("(prefers-color-scheme: dark)").matches,
    );
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
      correction: reply.term.correction,
      topicTitle: topic?.title,
      onOpenTopic: topic ? () => this.deps.openTopic(topic.id) : undefined,
      onOpenTerm: () => this.deps.openTerm(reply.term.id),
    });
  }
}
