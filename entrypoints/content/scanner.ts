// Reads the page in slices: the first slice runs at once, the rest when the
// browser is idle, each stopping after a small time budget, so no task of
// ours blocks the page for long even on a huge document.

import { prefilterEnabled } from "../../glossary/match/index";
import type { PageTerms } from "./highlighter";
import { BlockCursor } from "./scan";

/** Text per walk-and-match batch: about a millisecond of matching. */
const BATCH_CHARS = 16 * 1024;

export interface Scheduling {
  requestIdleCallback(cb: IdleRequestCallback, options?: IdleRequestOptions): number;
}

export interface ScanStats {
  slices: number;
  longestSliceMs: number;
  totalMs: number;
}

export class Scanner {
  private cursor: BlockCursor | null = null;
  private readonly pending: Node[] = [];
  private alreadyRead: Node | null = null;
  private scheduled = false;
  readonly stats: ScanStats = { slices: 0, longestSliceMs: 0, totalMs: 0 };

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
      this.terms.add(this.cursor.take(deadline, BATCH_CHARS));
    } while (!deadline());
    const ended = performance.now();
    const spent = ended - started;
    // A user-timing entry per slice lets benchmarks and tests see our cost
    // on the page's timeline without hooks into the extension.
    performance.measure("termlens:scan", {
      start: started,
      end: ended,
      detail: { prefilter: prefilterEnabled() },
    });
    this.stats.slices++;
    this.stats.totalMs += spent;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
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
