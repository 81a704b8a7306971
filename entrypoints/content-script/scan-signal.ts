// Tells end-to-end tests when this frame's scan is idle, so they wait for an
// event instead of the clock. Off unless a test set `testSignals` in extension
// storage (lib/storage.ts); off, it never touches the page.

export const SCAN_ATTR = "data-termlens-scan";
export const SETTLED_ATTR = "data-termlens-settled";

export class ScanSignal {
  private settled = 0;
  private state: "busy" | "idle" | null = null;

  constructor(
    private readonly doc: Document,
    private readonly on: boolean,
  ) {}

  /** "busy" while text waits to be read or changes wait to be handled; each return to idle counts. */
  set(busy: boolean): void {
    if (!this.on) return;
    const next = busy ? "busy" : "idle";
    if (next === this.state) return;
    this.state = next;
    const root = this.doc.documentElement;
    if (!busy) root.setAttribute(SETTLED_ATTR, String(++this.settled));
    root.setAttribute(SCAN_ATTR, next);
  }

  remove(): void {
    if (!this.on) return;
    this.doc.documentElement.removeAttribute(SCAN_ATTR);
    this.doc.documentElement.removeAttribute(SETTLED_ATTR);
  }
}
