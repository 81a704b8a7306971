// The content script's lifetime in a frame. When the extension is reloaded,
// updated or removed, a script already running in a page is orphaned: its
// extension runtime is gone. Every timer, frame and listener callback made
// through here checks for that first and, once orphaned, runs the cleanups
// and does nothing more. Unlike a framework's context, it sends the page
// nothing (no window message, no DOM event) and polls nothing.

type Cleanup = () => void;

export class Lifetime {
  private readonly cleanups: Cleanup[] = [];
  private readonly abort = new AbortController();
  private ended = false;

  /** `alive()` answers whether the extension runtime is still there. */
  constructor(private readonly alive: () => boolean) {}

  get isInvalid(): boolean {
    if (!this.ended && !this.alive()) this.end();
    return this.ended;
  }

  onInvalidated(cleanup: Cleanup): void {
    this.cleanups.push(cleanup);
  }

  /** Ends now: listeners removed, cleanups run (each on its own: one failing stops no other). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.abort.abort();
    for (const cleanup of this.cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // Nothing of ours may surface in the page's console.
      }
    }
  }

  private guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      if (!this.isInvalid) fn(...args);
    };
  }

  setTimeout(fn: () => void, ms: number): number {
    return window.setTimeout(this.guard(fn), ms);
  }

  requestAnimationFrame(fn: FrameRequestCallback): number {
    return window.requestAnimationFrame(this.guard(fn));
  }

  requestIdleCallback(fn: IdleRequestCallback, options?: IdleRequestOptions): number {
    return window.requestIdleCallback(this.guard(fn), options);
  }

  addEventListener<E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
    options: AddEventListenerOptions = {},
  ): void {
    target.addEventListener(type, this.guard(handler as (e: Event) => void), {
      ...options,
      signal: this.abort.signal,
    });
  }
}
