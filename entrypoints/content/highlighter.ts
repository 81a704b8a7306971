// Turns matches into Ranges in CSS.highlights: the page's nodes are never
// wrapped or changed. Keeps, per text node, the terms it holds so the hover
// code can hit-test without searching the page.

import { type MatchIndex, matchChunks } from "../../glossary/match/index";
import type { TextBlock } from "./scan";

export const HIGHLIGHT = "termlens";
export const HIGHLIGHT_EVERYDAY = "termlens-everyday";

export interface Found {
  id: string;
  range: Range;
}

export class PageTerms {
  private readonly byNode = new WeakMap<Text, Found[]>();
  private readonly all: Found[] = [];
  private readonly marked = new Highlight();
  private readonly everydayMarked = new Highlight();

  constructor(
    private readonly index: MatchIndex,
    private readonly everyday: ReadonlySet<string>,
  ) {}

  /** Matches the blocks and adds their terms. Returns how many were found. */
  add(blocks: readonly TextBlock[]): number {
    let added = 0;
    for (const block of blocks) {
      const chunks = block.map((t) => t.data);
      for (const m of matchChunks(this.index, chunks)) {
        const start = block[m.startChunk];
        const end = block[m.endChunk];
        if (!start || !end) continue;
        const range = new Range();
        range.setStart(start, m.startOffset);
        range.setEnd(end, m.endOffset);
        const found = { id: m.id, range };
        this.all.push(found);
        for (let i = m.startChunk; i <= m.endChunk; i++) {
          const node = block[i] as Text;
          const list = this.byNode.get(node);
          if (list) list.push(found);
          else this.byNode.set(node, [found]);
        }
        (this.everyday.has(m.id) ? this.everydayMarked : this.marked).add(range);
        added++;
      }
    }
    return added;
  }

  /** Shows the highlights (again). */
  show(): void {
    CSS.highlights.set(HIGHLIGHT, this.marked);
    CSS.highlights.set(HIGHLIGHT_EVERYDAY, this.everydayMarked);
  }

  /** Removes the highlights from the page; the matches are kept. */
  hide(): void {
    if (CSS.highlights.get(HIGHLIGHT) === this.marked) CSS.highlights.delete(HIGHLIGHT);
    if (CSS.highlights.get(HIGHLIGHT_EVERYDAY) === this.everydayMarked) CSS.highlights.delete(HIGHLIGHT_EVERYDAY);
  }

  /** The term whose text holds this caret position, if any. */
  at(node: Node, offset: number): Found | null {
    const list = node.nodeType === Node.TEXT_NODE ? this.byNode.get(node as Text) : undefined;
    if (!list) return null;
    for (const f of list) {
      if (f.range.comparePoint(node, offset) === 0) return f;
    }
    return null;
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const f of this.all) out[f.id] = (out[f.id] ?? 0) + 1;
    return out;
  }

  get size(): number {
    return this.all.length;
  }
}
