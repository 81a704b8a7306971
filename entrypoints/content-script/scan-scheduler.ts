// Reads the page in slices: the first slice runs at once, the rest when the
// browser is idle, each stopping after a small time budget, so no task of
// ours blocks the page for long even on a huge document.

import type { PageTerms } from "./highlighter";
import { BlockCursor, type TextBlock } from "./text-blocks";

/** Text per walk-and-match batch: about a millisecond of matching. */
const BATCH_CHARS = 16 * 1024;

export interface Scheduling {
  requestIdleCallback(cb: IdleRequestCallback, options?: IdleRequestOptions): number;
}

export class ScanScheduler {
  private cursor: BlockCursor | null = null;
  private readonly pending: Node[] = [];
  private alreadyRead: Node | null = null;
  private scheduled = false;
  /** Also handed every batch of blocks read (lab result detection). */
  onBlocks: ((blocks: readonly TextBlock[]) => void) | null = null;

  constructor(
    private readonly terms: PageTerms,
    private readonly scheduling: Scheduling,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
    private readonly onSettled: () => void = () => {},
    private readonly budgetMs = 8,
  ) {}

  /**
   * Reads these roots (again); `now` runs the first slice immediately.
   * `visibleFirst` is read before the rest, and skipped when met again.
   */
  enqueue(roots: Iterable<Node>, now = true, visibleFirst: Node | null = null): void {
    if (visibleFirst) {
      this.pending.unshift(visibleFirst);
      this.alreadyRead = visibleFirst;
    }
    for (const root of roots) this.pending.push(root);
    if (now) this.slice();
    else this.schedule();
  }

  get busy(): boolean {
    return this.pending.length > 0 || (this.cursor !== null && !this.cursor.done) || this.terms.hasBacklog;
  }

  private slice(timeRemaining = () => this.budgetMs): void {
    const started = performance.now();
    const budget = Math.min(this.budgetMs, Math.max(2, timeRemaining()));
    const deadline = () => performance.now() - started >= budget;
    do {
      if (this.terms.hasBacklog) {
        this.terms.work(deadline);
        continue;
      }
      if (!this.cursor || this.cursor.done) {
        if (this.pending.length === 0) break;
        this.cursor = new BlockCursor(this.pending.splice(0), this.onShadowRoot, this.alreadyRead);
        this.alreadyRead = null;
      }
      // Small batches: matching happens inside the slice's budget, not after it.
      const blocks = this.cursor.take(deadline, BATCH_CHARS);
      this.terms.add(blocks);
      this.onBlocks?.(blocks);
    } while (!deadline());
    // Nothing of ours goes on the page's performance timeline (the page can
    // read it): benchmarks measure us from outside, with the browser's profiler.
    if (this.busy) this.schedule();
    else this.onSettled();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.scheduling.requestIdleCallback(
      (idle) => {
        this.scheduled = false;
        this.slice(() => idle.timeRemaining());
      },
      { timeout: 150 },
    );
  }
}
