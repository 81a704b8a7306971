// Lab result rows found on the page (lib/results), kept beside the terms:
// the scan hands each batch of blocks here too; a block that may belong to a
// result layout gets that layout read (again), replacing the rows it held.
// Test names and values are marked in CSS.highlights ("termlens-result"),
// never by changing the page. Values stay here: nothing is stored or sent.
//
// The readers are not in the content script: the first block that may hold
// results has them loaded (`load`: the results script, injected into this
// frame only), so pages without results never pay for them.

import type { ResultCardProps } from "../../components/ResultCard";
import { mayHoldResults } from "../../lib/results/candidate";
import type { TextPiece } from "../../lib/results/dom-text";
import type { FoundRow } from "../../lib/results/found-row";
import type { ResultReading } from "../../lib/results/reading";
import type { TextBlock } from "./text-blocks";

export const HIGHLIGHT_RESULT = "termlens-result";

export interface ResultHit {
  row: FoundRow;
  /** The hovered part: the test's name or its value. */
  pieces: TextPiece[];
}

export class PageResults {
  private readonly byContainer = new Map<Element, { rows: FoundRow[]; markers: StaticRange[] }>();
  private readonly byNode = new WeakMap<Text, ResultHit[]>();
  private readonly marked = new Highlight();
  private visible = false;
  private reading: ResultReading | null = null;
  /** Blocks that may hold results, seen while the readers load. */
  private waiting: TextBlock[] = [];
  private state: "not-needed" | "loading" | "ready" | "unavailable" = "not-needed";

  /**
   * @param source the readers (the PDF reader has them), or what brings them
   *   when first needed (null when they cannot be had here).
   * @param loaded called once they came (or did not), the waiting blocks read.
   */
  constructor(
    source: ResultReading | (() => Promise<ResultReading | null>),
    private readonly loaded: () => void = () => {},
  ) {
    if (typeof source === "function") this.load = source;
    else {
      this.load = async () => source;
      this.reading = source;
      this.state = "ready";
    }
  }

  private readonly load: () => Promise<ResultReading | null>;

  /** True while the readers are on their way: the scan is not done until they came. */
  get busy(): boolean {
    return this.state === "loading";
  }

  /** Reads the result layouts these blocks belong to. */
  add(blocks: readonly TextBlock[]): void {
    if (this.reading) {
      this.read(this.reading, blocks);
      return;
    }
    if (this.state === "unavailable") return;
    for (const block of blocks) if (mayHoldResults(block)) this.waiting.push(block);
    if (this.waiting.length === 0 || this.state === "loading") return;
    this.state = "loading";
    void this.ready().then((reading) => {
      const blocks = this.waiting.filter((b) => b[0]?.isConnected);
      this.waiting = [];
      if (reading) this.read(reading, blocks);
      this.loaded();
    });
  }

  private fetching: Promise<ResultReading | null> | null = null;

  /** The readers, brought once (also when the top frame draws a frame's result card); null when they cannot be had. */
  ready(): Promise<ResultReading | null> {
    this.fetching ??= this.load()
      .catch(() => null)
      .then((reading) => {
        this.reading = reading;
        this.state = reading ? "ready" : "unavailable";
        return reading;
      });
    return this.fetching;
  }

  private read(reading: ResultReading, blocks: readonly TextBlock[]): void {
    const known = new Set(this.byContainer.keys());
    const seen = new Set<Element>();
    let last: Element | null = null;
    for (const block of blocks) {
      const first = block[0];
      // Blocks come in document order: those inside the layout just read were read with it.
      if (!first || last?.contains(first)) continue;
      const container = reading.containerForBlock(block, known);
      if (!container || seen.has(container.el)) continue;
      seen.add(container.el);
      last = container.el;
      this.replace(container.el, container.read());
      if (this.byContainer.has(container.el)) known.add(container.el);
    }
  }

  /** Draws the card of a row found here into `mount` (see ResultReading.renderCard). */
  renderCard(mount: HTMLElement, props: Omit<ResultCardProps, "view">): void {
    this.reading?.renderCard(mount, props);
  }

  private replace(el: Element, rows: FoundRow[]): void {
    this.drop(el);
    if (rows.length === 0) return;
    const markers: StaticRange[] = [];
    for (const row of rows) {
      for (const pieces of [row.nameText, row.valueText]) {
        const hit: ResultHit = { row, pieces };
        for (const p of pieces) {
          const marker = new StaticRange({
            startContainer: p.node,
            startOffset: p.start,
            endContainer: p.node,
            endOffset: p.end,
          });
          markers.push(marker);
          this.marked.add(marker);
          const list = this.byNode.get(p.node);
          if (list) list.push(hit);
          else this.byNode.set(p.node, [hit]);
        }
      }
    }
    this.byContainer.set(el, { rows, markers });
  }

  private drop(el: Element): void {
    const old = this.byContainer.get(el);
    if (!old) return;
    for (const m of old.markers) this.marked.delete(m);
    for (const row of old.rows) {
      for (const p of [...row.nameText, ...row.valueText]) {
        const rest = this.byNode.get(p.node)?.filter((h) => h.row !== row);
        if (rest?.length) this.byNode.set(p.node, rest);
        else this.byNode.delete(p.node);
      }
    }
    this.byContainer.delete(el);
  }

  /** Drops layouts that left the page. */
  prune(): void {
    for (const el of [...this.byContainer.keys()]) if (!el.isConnected) this.drop(el);
    this.waiting = this.waiting.filter((b) => b[0]?.isConnected);
  }

  clear(): void {
    for (const el of [...this.byContainer.keys()]) this.drop(el);
    this.waiting = [];
  }

  /** The name or value under this caret position, if any. */
  at(node: Node, offset: number): ResultHit | null {
    const list = node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
    return (
      list?.find((h) => h.pieces.some((p) => p.node === node && offset >= p.start && offset <= p.end)) ?? null
    );
  }

  /** Rows in document order, each as its name. */
  ordered(): ResultHit[] {
    const rows = [...this.byContainer.values()].flatMap((c) => c.rows);
    return rows.filter((r) => r.nameText[0]?.node.isConnected).map((row) => ({ row, pieces: row.nameText }));
  }

  get size(): number {
    let n = 0;
    for (const c of this.byContainer.values()) n += c.rows.length;
    return n;
  }

  show(): void {
    this.visible = true;
    CSS.highlights.set(HIGHLIGHT_RESULT, this.marked);
  }

  hide(): void {
    this.visible = false;
    if (CSS.highlights.get(HIGHLIGHT_RESULT) === this.marked) CSS.highlights.delete(HIGHLIGHT_RESULT);
  }

  get isShown(): boolean {
    return this.visible;
  }
}

/** A live Range over a hit's pieces (for placing the card and hit-testing). */
export function hitRange(pieces: readonly TextPiece[]): Range {
  const range = new Range();
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (first && last) {
    range.setStart(first.node, first.start);
    range.setEnd(last.node, last.end);
  }
  return range;
}
