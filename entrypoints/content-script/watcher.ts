// Follows a dynamic page: mutations are batched, and only the blocks that
// changed are read again. A storm of mutations falls back to a throttled
// rescan of the whole page rather than chasing each record.

import { blockOf, isInSkippedRegion, isSkippedRoot } from "./text-blocks";

export interface WatcherOptions {
  /** Quiet time before a batch is handled. */
  debounceMs: number;
  /** A batch waits no longer than this, however busy the page. */
  maxWaitMs: number;
  /** Above this many records in one batch, rescan everything instead. */
  stormRecords: number;
  /** Full rescans happen at most this often. */
  rescanEveryMs: number;
}

export const DEFAULT_WATCHER: WatcherOptions = {
  debounceMs: 60,
  maxWaitMs: 200,
  stormRecords: 1000,
  rescanEveryMs: 1000,
};

export interface Timers {
  setTimeout(cb: () => void, ms: number): number;
}

export interface WatcherTarget {
  /** Some nodes left the page. */
  pruned(): void;
  /** Read these roots again. */
  rescan(roots: Node[]): void;
  /** Read the whole page again. */
  rescanAll(): void;
  /** Our own UI (ignored). */
  isOurs(node: Node): boolean;
  /** Changes arrived, or a batch of them was handled: `pending` may have changed. */
  changed?(): void;
}

export class Watcher {
  private readonly observer: MutationObserver;
  private readonly dirty = new Set<Node>();
  private removed = false;
  private records = 0;
  private firstAt = 0;
  private timer = 0;
  /** A flush is scheduled (`timer` is pending). */
  private armed = false;
  private lastFullRescan = Number.NEGATIVE_INFINITY;
  private fullPending = false;

  constructor(
    private readonly target: WatcherTarget,
    private readonly timers: Timers,
    private readonly opts: WatcherOptions = DEFAULT_WATCHER,
  ) {
    this.observer = new MutationObserver((list) => this.collect(list));
  }

  observe(root: Node): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.armed = false;
    this.dirty.clear();
  }

  private collect(list: MutationRecord[]): void {
    const now = performance.now();
    if (this.records === 0) this.firstAt = now;
    this.records += list.length;
    if (this.records <= this.opts.stormRecords) {
      for (const r of list) {
        if (r.type === "childList") {
          if (this.onlyOurs(r)) continue;
          if (r.removedNodes.length > 0) this.removed = true;
          if (r.addedNodes.length > 0) this.markDirty(r.target);
        } else if (r.type === "characterData") {
          this.markDirty(r.target);
        }
      }
    }
    // Once a batch has waited its longest, new records must not push its
    // flush back: a page mutating on every timer tick would starve it (a
    // 0 ms timer set from a busy timer chain is clamped to 4 ms and lands
    // after the page's next tick, whose records would clear it again).
    if (this.armed && now - this.firstAt >= this.opts.maxWaitMs) return;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.opts.debounceMs, this.firstAt + this.opts.maxWaitMs - now));
    this.timer = this.timers.setTimeout(() => this.flush(), wait);
    this.armed = true;
    this.target.changed?.();
  }

  /** Changes seen and not yet handed on (a flush is due). */
  get pending(): boolean {
    return this.armed;
  }

  private onlyOurs(r: MutationRecord): boolean {
    const nodes = [...r.addedNodes, ...r.removedNodes];
    return nodes.length > 0 && nodes.every((n) => this.target.isOurs(n));
  }

  private markDirty(node: Node): void {
    const block = node.nodeType === Node.TEXT_NODE ? blockOf(node) : node;
    if (block) this.dirty.add(block);
  }

  private flush(): void {
    this.handle();
    this.target.changed?.();
  }

  private handle(): void {
    this.armed = false;
    const storm = this.records > this.opts.stormRecords;
    this.records = 0;
    if (storm || this.fullPending) {
      this.dirty.clear();
      this.removed = false;
      this.scheduleFullRescan();
      return;
    }
    if (this.removed) this.target.pruned();
    this.removed = false;
    // Checked once per root here, not per record: records can be thousands.
    const roots = outermost(this.dirty).filter((n) => !isInSkippedRegion(n) && !isSkippedRoot(n));
    this.dirty.clear();
    if (roots.length) this.target.rescan(roots);
  }

  private scheduleFullRescan(): void {
    const wait = this.lastFullRescan + this.opts.rescanEveryMs - performance.now();
    if (wait <= 0) {
      this.fullPending = false;
      this.lastFullRescan = performance.now();
      this.target.pruned();
      this.target.rescanAll();
      return;
    }
    this.fullPending = true;
    clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => this.flush(), wait);
    this.armed = true;
  }
}

/** The nodes of `set` that no other node of `set` contains. */
export function outermost(set: ReadonlySet<Node>): Node[] {
  const out: Node[] = [];
  for (const node of set) {
    let inner = false;
    for (let p = node.parentNode; p; p = p.parentNode) {
      if (set.has(p)) {
        inner = true;
        break;
      }
    }
    if (!inner && node.isConnected) out.push(node);
  }
  return out;
}
