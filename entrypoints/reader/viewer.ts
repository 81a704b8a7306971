// The pages of one PDF in the reader: sized boxes for every page at once,
// canvases drawn lazily for the pages near the view (and freed far from it),
// text layers built for the pages in view first and then, one page per idle
// moment, for all the others, so every page's text is in the DOM for the
// highlighter and for selection. Reads every page's text (in pdf.js's worker)
// for find and for the "no text" check. The page scrolls as a web page does.

import type { PDFDocumentProxy } from "pdfjs-dist";
import { type PageText, PageView, pageTextOf, type TextContent } from "./page-view";

/** pdf.js's 100%: a PDF unit is 1/72 inch, a CSS pixel 1/96. */
export const CSS_PER_PDF_UNIT = 96 / 72;
export const ZOOMS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
/** Canvases kept drawn at most (the pages nearest the view). */
const MAX_DRAWN = 10;
/** How far beyond the view pages count as "near" (drawn before they show). */
const NEAR_MARGIN = "100% 0px";

export interface ViewerEvents {
  /** The page at the middle of the view changed. */
  pageChange(page: number): void;
  /** A page's text layer is in the DOM (its text nodes are final). */
  textLayer(view: PageView): void;
  /** Every page's text has been read (for find and the no-text check). */
  textRead(pages: PageText[]): void;
  /** Nothing left to do until the view changes. */
  idle(): void;
  /** Work again (the view changed). */
  busy(): void;
  /** A page could not be read or drawn. */
  pageError(page: number, error: unknown): void;
}

type Idle = (cb: (deadline: IdleDeadline | null) => void) => void;
const whenIdle: Idle =
  typeof requestIdleCallback === "function"
    ? (cb) => requestIdleCallback((deadline) => cb(deadline), { timeout: 200 })
    : (cb) => setTimeout(() => cb(null), 1);
/** Idle work goes on in the same idle period while this much of it is left (ms). */
const IDLE_MARGIN_MS = 4;

export class Viewer {
  readonly pages: PageView[] = [];
  readonly container: HTMLElement;
  private readonly contents = new Map<number, TextContent>();
  private readonly texts: (PageText | undefined)[] = [];
  private readonly near = new Set<number>();
  private readonly observer: IntersectionObserver;
  private zoomValue = 1;
  private current = 1;
  private pumping = false;
  private idleDeadline: IdleDeadline | null = null;
  private destroyed = false;
  /** The observer has reported once: until then, "nothing near" only means "not known yet". */
  private observed = false;
  private allRead = false;
  private readonly laidOut: Promise<void>;
  private readonly textsDone: Promise<PageText[]>;

  constructor(
    readonly doc: PDFDocumentProxy,
    parent: HTMLElement,
    private readonly events: Partial<ViewerEvents>,
    zoom = 1,
  ) {
    this.container = document.createElement("div");
    this.container.className = "pages";
    parent.append(this.container);
    this.zoomValue = zoom;
    this.container.style.setProperty("--scale-factor", String(this.scale));
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), {
      rootMargin: NEAR_MARGIN,
    });
    this.laidOut = this.layOut();
    this.textsDone = this.laidOut.then(() => this.readAllText());
    globalThis.addEventListener("scroll", this.onScroll, { passive: true });
  }

  get pageCount(): number {
    return this.doc.numPages;
  }
  get zoom(): number {
    return this.zoomValue;
  }
  /** CSS pixels per PDF unit. */
  get scale(): number {
    return this.zoomValue * CSS_PER_PDF_UNIT;
  }
  get currentPage(): number {
    return this.current;
  }

  /** Resolves once every page has its box (sized like the first until read). */
  ready(): Promise<void> {
    return this.laidOut;
  }

  /** Sizes every page from the first (pdf.js's guess too) and starts drawing. */
  private async layOut(): Promise<void> {
    const first = await this.doc.getPage(1);
    const { width, height } = first.getViewport({ scale: 1 });
    for (let n = 1; n <= this.doc.numPages; n++) {
      const view = new PageView(n, width, height);
      this.pages.push(view);
      this.container.append(view.el);
      this.observer.observe(view.el);
    }
    this.pages[0]?.attach(first);
    this.pump();
  }

  /** Every page's proxy and text, in order; pdf.js's worker does the work. */
  private async readAllText(): Promise<PageText[]> {
    for (const view of this.pages) {
      if (this.destroyed) break;
      try {
        await this.contentOf(view);
      } catch (error) {
        view.failed = true;
        view.el.dataset.failed = "true";
        this.texts[view.number - 1] = { text: "", starts: [], items: [] };
        this.events.pageError?.(view.number, error);
      }
    }
    const all = this.pages.map((v) => this.texts[v.number - 1] ?? { text: "", starts: [], items: [] });
    this.allRead = true;
    if (!this.destroyed) this.events.textRead?.(all);
    this.pump();
    return all;
  }

  private async contentOf(view: PageView): Promise<TextContent> {
    const known = this.contents.get(view.number);
    if (known) return known;
    if (!view.proxy) view.attach(await this.doc.getPage(view.number));
    const proxy = view.proxy;
    if (!proxy) throw new Error(`page ${view.number} is missing`);
    const content = await proxy.getTextContent();
    this.contents.set(view.number, content);
    this.texts[view.number - 1] = pageTextOf(content);
    return content;
  }

  /** All pages' text, once read. */
  allText(): Promise<PageText[]> {
    return this.textsDone;
  }

  pageText(page: number): PageText | undefined {
    return this.texts[page - 1];
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    this.observed = true;
    for (const entry of entries) {
      const n = Number((entry.target as HTMLElement).dataset.pageNumber);
      if (entry.isIntersecting) this.near.add(n);
      else this.near.delete(n);
    }
    this.updateCurrent();
    this.pump();
  }

  private onScroll = (): void => {
    this.updateCurrent();
  };

  /** The page under the middle of the view. */
  private updateCurrent(): void {
    const middle = globalThis.innerHeight / 2;
    let best = this.current;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const n of this.near) {
      const box = this.pages[n - 1]?.el.getBoundingClientRect();
      if (!box) continue;
      const distance =
        box.top <= middle && box.bottom >= middle
          ? 0
          : Math.min(Math.abs(box.top - middle), Math.abs(box.bottom - middle));
      if (distance < bestDistance || (distance === bestDistance && n < best)) {
        best = n;
        bestDistance = distance;
      }
    }
    if (best !== this.current) {
      this.current = best;
      this.events.pageChange?.(best);
    }
  }

  /** Pages near the view, nearest the current page first. */
  private nearPages(): PageView[] {
    return [...this.near]
      .sort((a, b) => Math.abs(a - this.current) - Math.abs(b - this.current) || a - b)
      .map((n) => this.pages[n - 1])
      .filter((v): v is PageView => v !== undefined && !v.failed);
  }

  /** The next job: draw a near page, lay out its text, or (when idle) build another page's text. */
  private nextJob(): { run: () => Promise<unknown>; idle: boolean } | null {
    const near = this.nearPages();
    const scale = this.scale;
    for (const view of near) {
      if (!view.isDrawnAt(scale)) return { run: () => this.drawPage(view), idle: false };
    }
    for (const view of near) {
      if (view.textState === "none") return { run: () => this.buildText(view), idle: false };
      view.relayoutText(scale);
    }
    // The rest, outward from the current page, one per idle moment.
    for (let d = 1; d <= this.pages.length; d++) {
      for (const n of [this.current + d, this.current - d]) {
        const view = this.pages[n - 1];
        if (view && !view.failed && view.textState === "none") {
          return { run: () => this.buildText(view), idle: true };
        }
      }
    }
    return null;
  }

  /** Every page's text read and laid out, and nothing near the view left to draw. */
  get isIdle(): boolean {
    return !this.pumping && this.observed && this.allRead;
  }

  private pump(): void {
    if (this.pumping || this.destroyed || this.pages.length === 0) return;
    this.pumping = true;
    this.events.busy?.();
    const step = () => {
      if (this.destroyed) return;
      const job = this.nextJob();
      if (!job) {
        this.pumping = false;
        this.evict();
        if (this.isIdle) this.events.idle?.();
        return;
      }
      const go = () =>
        job
          .run()
          .catch((error) => this.events.pageError?.(0, error))
          .finally(step);
      if (!job.idle) go();
      // Several pages per idle period while it lasts (a page's layer is a few ms).
      else if ((this.idleDeadline?.timeRemaining() ?? 0) > IDLE_MARGIN_MS) go();
      else
        whenIdle((deadline) => {
          this.idleDeadline = deadline;
          go();
        });
    };
    step();
  }

  private async drawPage(view: PageView): Promise<void> {
    if (!view.proxy) view.attach(await this.doc.getPage(view.number));
    try {
      await view.draw(this.scale);
    } catch (error) {
      view.failed = true;
      view.el.dataset.failed = "true";
      this.events.pageError?.(view.number, error);
    }
    this.evict();
  }

  /** Builds `view`'s text layer, or waits for the build under way. */
  private async buildText(view: PageView): Promise<void> {
    try {
      if (!view.textReady) {
        const content = await this.contentOf(view);
        if (!view.textReady) {
          await view.buildText(content, this.scale);
          if (!this.destroyed) this.events.textLayer?.(view);
          return;
        }
      }
      await view.textReady;
    } catch (error) {
      view.failed = true;
      view.el.dataset.failed = "true";
      this.events.pageError?.(view.number, error);
    }
  }

  /** Frees the canvases farthest from the current page beyond MAX_DRAWN. */
  private evict(): void {
    const drawn = this.pages.filter((v) => v.drawn && !this.near.has(v.number));
    const keep = MAX_DRAWN - this.near.size;
    if (drawn.length <= Math.max(0, keep)) return;
    drawn.sort((a, b) => Math.abs(b.number - this.current) - Math.abs(a.number - this.current));
    for (const view of drawn.slice(0, drawn.length - Math.max(0, keep))) view.undraw();
  }

  /** Sets the zoom, keeping the same point of the current page in view. */
  setZoom(zoom: number): void {
    if (zoom === this.zoomValue) return;
    const view = this.pages[this.current - 1];
    const before = view?.el.getBoundingClientRect();
    const fraction = before && before.height > 0 ? -before.top / before.height : 0;
    this.zoomValue = zoom;
    this.container.style.setProperty("--scale-factor", String(this.scale));
    if (view) {
      const after = view.el.getBoundingClientRect();
      globalThis.scrollBy(0, after.top + fraction * after.height);
    }
    this.pump();
  }

  scrollToPage(page: number, offsetY = 0): void {
    const view = this.pages[Math.min(Math.max(page, 1), this.pages.length) - 1];
    if (!view) return;
    const top = view.el.getBoundingClientRect().top + globalThis.scrollY - this.topInset() + offsetY;
    globalThis.scrollTo({ top, behavior: "instant" });
    this.current = view.number;
    this.events.pageChange?.(view.number);
  }

  /** Height of the fixed toolbar above the pages. */
  topInset(): number {
    return Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  }

  /** Resolves once `page`'s text layer is in the DOM (built now if it was not yet). */
  async ensureText(page: number): Promise<PageView | null> {
    const view = this.pages[page - 1];
    if (!view || view.failed) return null;
    await this.buildText(view);
    if (view.failed) return null;
    view.relayoutText(this.scale);
    return view;
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    globalThis.removeEventListener("scroll", this.onScroll);
    for (const view of this.pages) view.destroy();
    this.container.remove();
  }
}
