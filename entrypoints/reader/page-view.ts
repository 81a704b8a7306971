// One page of the PDF on screen: a box sized from the page (so the document
// has its full height before anything is drawn), a canvas drawn only while
// the page is near the view, and pdf.js's selectable text layer above it.
// Sizes follow the `--scale-factor` CSS variable set on the pages' container,
// so zooming resizes every page at once without touching them one by one.

import type { PageViewport, PDFPageProxy, RenderTask } from "pdfjs-dist";
import { TextLayer } from "pdfjs-dist/legacy/build/pdf.mjs";

export type TextContent = Awaited<ReturnType<PDFPageProxy["getTextContent"]>>;
type TextItem = Extract<TextContent["items"][number], { str: string }>;

/** The largest canvas we draw, in device pixels (memory, and browsers' own limits). */
const MAX_CANVAS_PIXELS = 16_777_216;

export type TextState = "none" | "building" | "ready";

/** Offsets of a page's text: the items' strings, a newline after each line. */
export interface PageText {
  /** The page's text as find sees it. */
  text: string;
  /** Where each text item starts in `text` (one entry per item with a string). */
  starts: number[];
  /** The items' strings, in the same order. */
  items: string[];
}

export function pageTextOf(content: TextContent): PageText {
  let text = "";
  const starts: number[] = [];
  const items: string[] = [];
  for (const item of content.items) {
    if (!("str" in item)) continue;
    const { str, hasEOL } = item as TextItem;
    starts.push(text.length);
    items.push(str);
    text += str;
    if (hasEOL) text += "\n";
  }
  return { text, starts, items };
}

export class PageView {
  readonly el: HTMLDivElement;
  readonly textLayerEl: HTMLDivElement;
  private canvas: HTMLCanvasElement | null = null;
  private renderTask: RenderTask | null = null;
  private textLayer: TextLayer | null = null;
  /** Scale (CSS px per PDF unit) the canvas was drawn at; 0 when not drawn. */
  private drawnScale = 0;
  /** Scale the text layer was laid out at. */
  private textScale = 0;
  textState: TextState = "none";
  /** The page's size at scale 1 (PDF units, rotation applied). */
  width: number;
  height: number;
  proxy: PDFPageProxy | null = null;
  failed = false;

  constructor(
    readonly number: number,
    width: number,
    height: number,
  ) {
    this.width = width;
    this.height = height;
    this.el = document.createElement("div");
    this.el.className = "page";
    this.el.dataset.pageNumber = String(number);
    this.el.setAttribute("role", "region");
    this.el.setAttribute("aria-label", `Page ${number}`);
    this.textLayerEl = document.createElement("div");
    this.textLayerEl.className = "textLayer";
    this.el.append(this.textLayerEl);
    this.setSize(width, height);
  }

  setSize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.el.style.width = `calc(var(--scale-factor) * ${width}px)`;
    this.el.style.height = `calc(var(--scale-factor) * ${height}px)`;
  }

  /** Takes the page's own size (pages of one PDF may differ). */
  attach(proxy: PDFPageProxy): void {
    this.proxy = proxy;
    const { width, height } = proxy.getViewport({ scale: 1 });
    if (width !== this.width || height !== this.height) this.setSize(width, height);
  }

  get drawn(): boolean {
    return this.canvas !== null && this.drawnScale > 0;
  }

  /** Drawn at `scale` already (or being drawn). */
  isDrawnAt(scale: number): boolean {
    return this.drawnScale === scale;
  }

  /** Draws the page at `scale` (CSS px per PDF unit). Resolves false when cancelled. */
  async draw(scale: number): Promise<boolean> {
    const proxy = this.proxy;
    if (!proxy) return false;
    this.renderTask?.cancel();
    const viewport = proxy.getViewport({ scale });
    const ratio = Math.min(
      globalThis.devicePixelRatio || 1,
      Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)),
    );
    const canvas = document.createElement("canvas");
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute("aria-hidden", "true");
    this.drawnScale = scale;
    const task = proxy.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    this.renderTask = task;
    try {
      await task.promise;
    } catch (error) {
      if (this.renderTask === task) {
        this.renderTask = null;
        this.drawnScale = 0;
      }
      if ((error as { name?: string }).name === "RenderingCancelledException") return false;
      throw error;
    }
    if (this.renderTask !== task) return false;
    this.renderTask = null;
    // Swap in the finished canvas so the old one (another zoom) shows until then.
    this.canvas?.remove();
    this.canvas = canvas;
    this.el.insertBefore(canvas, this.textLayerEl);
    this.el.dataset.drawn = "true";
    return true;
  }

  /** Frees the canvas (the page went far from view). */
  undraw(): void {
    this.renderTask?.cancel();
    this.renderTask = null;
    this.canvas?.remove();
    // A zero-size canvas releases its memory at once.
    if (this.canvas) this.canvas.width = this.canvas.height = 0;
    this.canvas = null;
    this.drawnScale = 0;
    delete this.el.dataset.drawn;
  }

  /** Settles when the text layer is built (or failed); null before it starts. */
  textReady: Promise<void> | null = null;

  /** Builds the selectable text layer from the page's text (once). */
  buildText(content: TextContent, scale: number): Promise<void> {
    this.textReady ??= this.layOutText(content, scale);
    return this.textReady;
  }

  private async layOutText(content: TextContent, scale: number): Promise<void> {
    const proxy = this.proxy;
    if (!proxy) throw new Error(`page ${this.number} is not loaded`);
    this.textState = "building";
    const viewport: PageViewport = proxy.getViewport({ scale });
    const layer = new TextLayer({ textContentSource: content, container: this.textLayerEl, viewport });
    this.textLayer = layer;
    try {
      await layer.render();
    } catch (error) {
      this.failed = true;
      this.el.dataset.failed = "true";
      throw error;
    }
    this.textScale = scale;
    this.textState = "ready";
    this.el.dataset.text = "ready";
  }

  /** Lays the text layer out again after a zoom (the same nodes, new measures). */
  relayoutText(scale: number): void {
    if (!this.textLayer || !this.proxy || this.textScale === scale || this.textState !== "ready") return;
    this.textLayer.update({ viewport: this.proxy.getViewport({ scale }) });
    this.textScale = scale;
  }

  /** The text layer's span for each item with a string (parallel to PageText.items). */
  textSpans(): readonly HTMLElement[] {
    return this.textLayer?.textDivs ?? [];
  }

  destroy(): void {
    this.undraw();
    this.textLayer?.cancel();
    this.textLayer = null;
    this.el.remove();
  }
}
