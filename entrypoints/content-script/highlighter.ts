// Turns matches into highlights in CSS.highlights: the page's nodes are never
// wrapped or changed. Highlights hold StaticRanges, which the browser does not
// have to update on every DOM mutation (live Ranges would tax busy pages);
// a live Range is made only for the one term being hovered. Per text node we
// keep the terms it holds, so hover hit-tests and rescans touch only that node.

import { type MatchIndex, matchChunks, type TextMatch } from "../../glossary/match/index";
import type { TextBlock } from "./text-blocks";
import { matchInWindows } from "./windows";

/** Blocks longer than this (in characters) are read in windows across slices. */
const LONG_BLOCK = 128 * 1024;

export const HIGHLIGHT = "termlens";
export const HIGHLIGHT_EVERYDAY = "termlens-everyday";

export interface Found {
  id: string;
  nodes: Text[];
  startOffset: number;
  endOffset: number;
  marker: StaticRange;
}

export function liveRange(found: Found): Range {
  const range = new Range();
  range.setStart(found.nodes[0] as Text, found.startOffset);
  range.setEnd(found.nodes[found.nodes.length - 1] as Text, found.endOffset);
  return range;
}

export class PageTerms {
  private readonly byNode = new WeakMap<Text, Found[]>();
  private readonly all = new Set<Found>();
  private readonly backlog: { block: TextBlock; windows: Generator<TextMatch[]> }[] = [];
  private readonly marked = new Highlight();
  private readonly everydayMarked = new Highlight();

  constructor(
    private readonly index: MatchIndex,
    private readonly everyday: ReadonlySet<string>,
  ) {}

  /**
   * Matches the blocks (replacing what their nodes held before). A block too
   * long for one slice is queued and read window by window through `work`.
   */
  add(blocks: readonly TextBlock[]): number {
    let added = 0;
    for (const block of blocks) {
      for (const node of block) this.forgetNode(node);
      if (this.backlog.length > 0) this.dropQueued(block);
      const chunks = block.texts ?? block.map((t) => t.data);
      const length = chunks.reduce((n, c) => n + c.length, 0);
      if (length > LONG_BLOCK) {
        this.backlog.push({ block, windows: matchInWindows(this.index, chunks) });
        continue;
      }
      for (const m of matchChunks(this.index, chunks)) added += this.record(block, m);
    }
    return added;
  }

  /** Whether long blocks are still waiting to be read. */
  get hasBacklog(): boolean {
    return this.backlog.length > 0;
  }

  /** Reads queued long blocks, one window at a time, until the deadline. */
  work(deadline: () => boolean): void {
    while (this.backlog.length > 0) {
      const job = this.backlog[0] as { block: TextBlock; windows: Generator<TextMatch[]> };
      const next = job.windows.next();
      if (next.done) this.backlog.shift();
      // A node of the block may have left the page meanwhile: skip its matches.
      else if (job.block.every((n) => n.isConnected)) for (const m of next.value) this.record(job.block, m);
      if (deadline()) return;
    }
  }

  /** A block read again supersedes any queued reading of its nodes. */
  private dropQueued(block: TextBlock): void {
    const nodes = new Set(block);
    for (let i = this.backlog.length - 1; i >= 0; i--) {
      if ((this.backlog[i] as { block: TextBlock }).block.some((n) => nodes.has(n)))
        this.backlog.splice(i, 1);
    }
  }

  private record(block: TextBlock, m: TextMatch): number {
    const nodes = block.slice(m.startChunk, m.endChunk + 1);
    if (nodes.length === 0) return 0;
    const marker = new StaticRange({
      startContainer: nodes[0] as Text,
      startOffset: m.startOffset,
      endContainer: nodes[nodes.length - 1] as Text,
      endOffset: m.endOffset,
    });
    const found: Found = { id: m.id, nodes, startOffset: m.startOffset, endOffset: m.endOffset, marker };
    this.all.add(found);
    for (const node of nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(found);
      else this.byNode.set(node, [found]);
    }
    (this.everyday.has(m.id) ? this.everydayMarked : this.marked).add(marker);
    return 1;
  }

  /** Drops the terms held by a text node (it changed or left the page). */
  forgetNode(node: Text): void {
    const list = this.byNode.get(node);
    if (!list) return;
    for (const found of list) this.remove(found);
  }

  /** Drops terms whose text has left the document. */
  prune(): number {
    let removed = 0;
    for (const found of this.all) {
      if (!found.nodes.every((n) => n.isConnected)) {
        this.remove(found);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    for (const found of this.all) this.remove(found);
  }

  show(): void {
    CSS.highlights.set(HIGHLIGHT, this.marked);
    CSS.highlights.set(HIGHLIGHT_EVERYDAY, this.everydayMarked);
  }

  /** Takes the highlights off the page; the matches are kept. */
  hide(): void {
    if (CSS.highlights.get(HIGHLIGHT) === this.marked) CSS.highlights.delete(HIGHLIGHT);
    if (CSS.highlights.get(HIGHLIGHT_EVERYDAY) === this.everydayMarked)
      CSS.highlights.delete(HIGHLIGHT_EVERYDAY);
  }

  /** The term whose text holds this caret position, if any. */
  at(node: Node, offset: number): Found | null {
    const list = node.nodeType === Node.TEXT_NODE ? this.byNode.get(node as Text) : undefined;
    if (!list) return null;
    for (const f of list) {
      const first = f.nodes[0];
      const last = f.nodes[f.nodes.length - 1];
      if (node === first && offset < f.startOffset) continue;
      if (node === last && offset > f.endOffset) continue;
      return f;
    }
    return null;
  }

  /** All terms in document order. */
  ordered(): Found[] {
    const list = [...this.all].filter((f) => f.nodes[0]?.isConnected);
    return list.sort((a, b) => {
      if (a.nodes[0] === b.nodes[0]) return a.startOffset - b.startOffset;
      const pos = (a.nodes[0] as Text).compareDocumentPosition(b.nodes[0] as Text);
      return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const f of this.all) out[f.id] = (out[f.id] ?? 0) + 1;
    return out;
  }

  get size(): number {
    return this.all.size;
  }

  private remove(found: Found): void {
    if (!this.all.delete(found)) return;
    this.marked.delete(found.marker);
    this.everydayMarked.delete(found.marker);
    for (const node of found.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((f) => f !== found);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
  }
}
