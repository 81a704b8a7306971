// Hover intent: a tooltip opens only when the pointer rests on a term for a
// moment (a sweep across the text opens nothing), stays while the pointer
// travels into it, and closes after a short grace period. Click pins it;
// Escape closes it. Timing is injected so the logic stays testable.

export interface HoverTarget {
  /** Two targets with the same key are the same term occurrence. */
  key: unknown;
}

export interface HoverCallbacks<T extends HoverTarget> {
  open(target: T, pinned: boolean): void;
  close(): void;
}

export interface HoverOptions {
  showDelay: number;
  hideDelay: number;
}

export class HoverIntent<T extends HoverTarget> {
  private candidate: T | null = null;
  private shown: T | null = null;
  private pinned = false;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly cb: HoverCallbacks<T>,
    private opts: HoverOptions,
  ) {}

  setOptions(opts: HoverOptions): void {
    this.opts = opts;
  }

  /** The pointer is over `target` (null: over nothing), or inside our tooltip. */
  pointerAt(target: T | null, inTooltip = false): void {
    if (inTooltip) {
      this.cancelHide();
      return;
    }
    if (target && this.shown && target.key === this.shown.key) {
      this.cancelShow();
      this.cancelHide();
      return;
    }
    if (target) {
      if (!this.candidate || this.candidate.key !== target.key) {
        this.candidate = target;
        this.cancelShow();
        this.showTimer = setTimeout(() => this.open(target, false), this.opts.showDelay);
      }
      if (this.shown && !this.pinned) this.scheduleHide();
      return;
    }
    this.candidate = null;
    this.cancelShow();
    if (this.shown && !this.pinned) this.scheduleHide();
  }

  /** A click on a term (or a shortcut) opens it at once and pins it. */
  pin(target: T): void {
    this.open(target, true);
  }

  close(): void {
    this.cancelShow();
    this.cancelHide();
    this.candidate = null;
    if (this.shown) {
      this.shown = null;
      this.pinned = false;
      this.cb.close();
    }
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  get current(): T | null {
    return this.shown;
  }

  /** Shows `target` at once (a card a frame asked the top frame to show). */
  open(target: T, pinned: boolean): void {
    this.cancelShow();
    this.cancelHide();
    this.shown = target;
    this.pinned = pinned;
    this.cb.open(target, pinned);
  }

  private scheduleHide(): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      // Hides the shown card only: a term the pointer has moved on to keeps
      // its pending show, so reading term after term shows each card (closing
      // everything here used to cancel it until the pointer left and came back).
      if (!this.shown) return;
      this.shown = null;
      this.pinned = false;
      this.cb.close();
    }, this.opts.hideDelay);
  }

  private cancelShow(): void {
    clearTimeout(this.showTimer);
    this.showTimer = undefined;
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }
}
