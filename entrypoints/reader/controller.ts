// The reader's state and actions, apart from its look: opening a PDF (link,
// picked or dropped file), the password question, the document's pages, zoom,
// navigation and find. ReaderApp.tsx draws it; tests read the state from
// attributes on <html> (data-reader-state, data-reader-error, data-reader-idle).

import type { PDFDocumentProxy } from "pdfjs-dist";
import { type FindMatch, findAll, rangeIn } from "./find";
import type { PageText, PageView } from "./page-view";
import { explainPdfError, openPdf } from "./pdf";
import { type PdfBytes, parseSrc, ReaderError, readFile, readUrl } from "./source";
import { CSS_PER_PDF_UNIT, Viewer, ZOOMS } from "./viewer";

export type Status =
  | { kind: "empty" }
  | { kind: "loading"; name: string }
  | { kind: "password"; name: string; retry: boolean }
  | { kind: "error"; error: ReaderError }
  | { kind: "ready"; name: string; pages: number };

export interface FindState {
  open: boolean;
  query: string;
  matches: FindMatch[];
  /** Index of the current match, -1 when none. */
  current: number;
  /** Still reading pages' text: the count may grow. */
  searching: boolean;
}

export interface ReaderState {
  status: Status;
  page: number;
  zoom: number;
  /** "fit" while the zoom follows the window's width. */
  zoomMode: "fit" | "fixed";
  notices: { kind: "no-text" | "damaged-pages"; text: string }[];
  find: FindState;
}

const FIND_ALL = "termlens-find";
const FIND_CURRENT = "termlens-find-current";

/** What runs on the reader's text (the explainer, entrypoints/reader/explain.ts). */
export interface TextHooks {
  textLayer?(view: PageView): void;
  closed?(): void;
  /** Text still waits to be matched. */
  busy?(): boolean;
}

export class ReaderController {
  state: ReaderState = {
    status: { kind: "empty" },
    page: 1,
    zoom: 1,
    zoomMode: "fit",
    notices: [],
    find: { open: false, query: "", matches: [], current: -1, searching: false },
  };
  private readonly listeners = new Set<(s: ReaderState) => void>();
  private viewer: Viewer | null = null;
  private doc: PDFDocumentProxy | null = null;
  private texts: PageText[] | null = null;
  private generation = 0;
  private passwordAnswer: ((password: string | null) => void) | null = null;
  private pageErrors: number[] = [];

  constructor(
    private readonly pagesParent: HTMLElement,
    private readonly hooks: TextHooks = {},
  ) {}

  subscribe(listener: (s: ReaderState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<ReaderState>): void {
    this.state = { ...this.state, ...patch };
    const root = document.documentElement.dataset;
    root.readerState = this.state.status.kind;
    if (this.state.status.kind === "error") root.readerError = this.state.status.error.kind;
    else delete root.readerError;
    root.readerNotices = this.state.notices.map((n) => n.kind).join(" ");
    if (this.state.status.kind === "ready") root.readerPage = String(this.state.page);
    for (const listener of this.listeners) listener(this.state);
  }

  private setFind(patch: Partial<FindState>): void {
    this.set({ find: { ...this.state.find, ...patch } });
  }

  /** Opens `?src=` of the reader's own address, if any. */
  openFromLocation(): void {
    const src = new URLSearchParams(location.search).get("src");
    if (src === null) {
      this.set({ status: { kind: "empty" } });
      return;
    }
    let url: URL;
    try {
      url = parseSrc(src);
    } catch (error) {
      this.fail(error);
      return;
    }
    void this.open(url.href, (signal) => readUrl(url, signal));
  }

  openFile(file: File): void {
    // The address no longer says where this document came from.
    if (location.search) history.replaceState(null, "", location.pathname);
    void this.open(file.name, () => readFile(file));
  }

  answerPassword(password: string | null): void {
    const answer = this.passwordAnswer;
    this.passwordAnswer = null;
    answer?.(password);
  }

  private fail(error: unknown): void {
    const explained = explainPdfError(error);
    if (explained.detail) console.info(`Termlens reader: ${explained.message} (${explained.detail})`);
    this.set({ status: { kind: "error", error: explained }, notices: [] });
    document.title = "Termlens reader";
  }

  private close(): void {
    this.generation++;
    this.hooks.closed?.();
    this.answerPassword(null);
    this.clearFindHighlights();
    this.viewer?.destroy();
    this.viewer = null;
    this.checkIdle();
    void this.doc?.loadingTask.destroy();
    this.doc = null;
    this.texts = null;
    this.pageErrors = [];
  }

  private async open(label: string, load: (signal: AbortSignal) => Promise<PdfBytes>): Promise<void> {
    this.close();
    const generation = this.generation;
    const aborter = new AbortController();
    const stale = () => generation !== this.generation;
    this.set({
      status: { kind: "loading", name: label },
      notices: [],
      page: 1,
      find: { ...this.state.find, matches: [], current: -1, searching: false },
    });
    try {
      const source = await load(aborter.signal);
      if (stale()) return;
      this.set({ status: { kind: "loading", name: source.name } });
      const { doc } = await openPdf(source.bytes, (retry) => {
        if (stale()) return Promise.resolve(null);
        this.set({ status: { kind: "password", name: source.name, retry } });
        return new Promise((answer) => {
          this.passwordAnswer = answer;
        });
      });
      if (stale()) {
        void doc.loadingTask.destroy();
        return;
      }
      this.doc = doc;
      await this.show(doc, source.name);
    } catch (error) {
      if (!stale()) this.fail(error);
    }
  }

  private async show(doc: PDFDocumentProxy, name: string): Promise<void> {
    const generation = this.generation;
    const title = await doc
      .getMetadata()
      .then((m) => (m.info as { Title?: string } | undefined)?.Title?.trim())
      .catch(() => undefined);
    document.title = `${title || name} – Termlens`;
    // First page first: a PDF whose pages cannot be read is "damaged", not blank.
    const first = await doc.getPage(1);
    if (generation !== this.generation) return;
    const available = this.pagesParent.clientWidth || globalThis.innerWidth;
    const zoom =
      this.state.zoomMode === "fit"
        ? fitZoom(fitWidth(available, first.getViewport({ scale: 1 }).width))
        : this.state.zoom;
    const viewer = new Viewer(
      doc,
      this.pagesParent,
      {
        pageChange: (page) => this.set({ page }),
        textLayer: (view) => {
          this.hooks.textLayer?.(view);
          this.paintFind(view.number);
        },
        textRead: (texts) => this.onTextRead(texts),
        idle: () => this.checkIdle(),
        busy: () => this.checkIdle(),
        pageError: (page, error) => this.onPageError(page, error),
      },
      zoom,
    );
    this.viewer = viewer;
    await viewer.ready();
    if (generation !== this.generation) return;
    this.set({ status: { kind: "ready", name, pages: doc.numPages }, zoom, page: 1 });
    if (this.state.find.open && this.state.find.query) void this.search(this.state.find.query);
  }

  /**
   * `data-reader-idle` on <html>: every page's text read, laid out and
   * matched, and nothing near the view left to draw. Tests wait for it.
   */
  checkIdle(): void {
    const idle = Boolean(this.viewer?.isIdle) && !this.hooks.busy?.();
    const root = document.documentElement.dataset;
    if (idle) root.readerIdle = "true";
    else delete root.readerIdle;
    for (const listener of this.idleListeners) if (idle) listener();
  }

  private readonly idleListeners = new Set<() => void>();

  /** Calls back each time the reader becomes idle. */
  onIdle(listener: () => void): () => void {
    this.idleListeners.add(listener);
    return () => this.idleListeners.delete(listener);
  }

  private onTextRead(texts: PageText[]): void {
    this.texts = texts;
    const hasText = texts.some((t) => t.text.trim().length > 0);
    if (!hasText) {
      this.set({
        notices: [
          ...this.state.notices,
          {
            kind: "no-text",
            text: "This PDF has no text to explain. Its pages are pictures (a scan, perhaps), so Termlens cannot read the words on them.",
          },
        ],
      });
    }
    if (this.state.find.searching) void this.search(this.state.find.query);
  }

  private onPageError(page: number, error: unknown): void {
    console.info(`Termlens reader: page ${page} failed:`, error);
    if (page === 0 || this.pageErrors.includes(page)) return;
    this.pageErrors.push(page);
    const list = [...this.pageErrors].sort((a, b) => a - b);
    const notices = this.state.notices.filter((n) => n.kind !== "damaged-pages");
    notices.push({
      kind: "damaged-pages",
      text: `Part of this PDF is damaged: ${list.length === 1 ? "page" : "pages"} ${list.join(", ")} could not be shown.`,
    });
    this.set({ notices });
    if (this.doc && list.length === this.doc.numPages) {
      this.fail(new ReaderError("damaged", "This PDF is damaged: none of its pages can be shown."));
      this.close();
    }
  }

  // Navigation and zoom

  goToPage(page: number): void {
    if (!this.viewer) return;
    const n = Math.min(Math.max(Math.round(page), 1), this.viewer.pageCount);
    this.viewer.scrollToPage(n);
    this.set({ page: n });
  }

  setZoom(zoom: number | "fit"): void {
    if (!this.viewer) return;
    if (zoom === "fit") {
      const widest = Math.max(...this.viewer.pages.map((p) => p.width));
      const z = fitZoom(fitWidth(this.pagesParent.clientWidth || globalThis.innerWidth, widest));
      this.viewer.setZoom(z);
      this.set({ zoom: z, zoomMode: "fit" });
      return;
    }
    this.viewer.setZoom(zoom);
    this.set({ zoom, zoomMode: "fixed" });
  }

  zoomStep(direction: 1 | -1): void {
    const z = this.state.zoom;
    const next =
      direction > 0 ? ZOOMS.find((s) => s > z + 1e-6) : [...ZOOMS].reverse().find((s) => s < z - 1e-6);
    if (next !== undefined) this.setZoom(next);
  }

  /** The window was resized: a fitted zoom follows it. */
  resized(): void {
    if (this.state.zoomMode === "fit" && this.state.status.kind === "ready") this.setZoom("fit");
  }

  // Find

  openFind(): void {
    this.setFind({ open: true });
  }

  closeFind(): void {
    this.clearFindHighlights();
    this.setFind({ open: false, matches: [], current: -1, searching: false });
  }

  async search(query: string): Promise<void> {
    this.setFind({ query });
    if (!this.viewer || !query.trim()) {
      this.clearFindHighlights();
      this.setFind({ matches: [], current: -1, searching: false });
      return;
    }
    const texts = this.texts ?? this.viewer.pages.map((v) => this.viewer?.pageText(v.number));
    const matches = findAll(texts, query);
    const searching = this.texts === null;
    // The first match at or after the page in view.
    const from = matches.findIndex((m) => m.page >= this.state.page);
    const current = matches.length ? Math.max(0, from) : -1;
    this.setFind({ matches, current, searching });
    this.paintFind();
    if (current >= 0) await this.showMatch(current);
  }

  async findNext(direction: 1 | -1 = 1): Promise<void> {
    const { matches, current } = this.state.find;
    if (!matches.length) return;
    const next = (current + direction + matches.length) % matches.length;
    this.setFind({ current: next });
    await this.showMatch(next);
  }

  private async showMatch(index: number): Promise<void> {
    const match = this.state.find.matches[index];
    const viewer = this.viewer;
    if (!match || !viewer) return;
    const view = await viewer.ensureText(match.page);
    const text = viewer.pageText(match.page);
    if (!view || !text || this.state.find.current !== index) return;
    const range = rangeIn(text, view.textSpans(), match);
    if (!range) return;
    CSS.highlights.set(FIND_CURRENT, new Highlight(range));
    const box = range.getBoundingClientRect();
    const inset = viewer.topInset();
    if (box.top < inset || box.bottom > globalThis.innerHeight) {
      globalThis.scrollBy({ top: box.top - (inset + globalThis.innerHeight) / 2, behavior: "instant" });
    }
  }

  /** Marks every match on pages whose text layer is built (or only on `page`). */
  private paintFind(page?: number): void {
    const viewer = this.viewer;
    if (!viewer || !this.state.find.open) return;
    let all = CSS.highlights.get(FIND_ALL);
    if (!all || page === undefined) {
      all = new Highlight();
      CSS.highlights.set(FIND_ALL, all);
    }
    for (const match of this.state.find.matches) {
      if (page !== undefined && match.page !== page) continue;
      const view = viewer.pages[match.page - 1];
      const text = viewer.pageText(match.page);
      if (!view || !text || view.textState !== "ready") continue;
      const range = rangeIn(text, view.textSpans(), match);
      if (range) all.add(range);
    }
  }

  private clearFindHighlights(): void {
    CSS.highlights.delete(FIND_ALL);
    CSS.highlights.delete(FIND_CURRENT);
  }
}

/** The zoom at which a page `width` PDF units wide fits `available` CSS pixels (with a margin), at most 150%. */
function fitWidth(available: number, width: number): number {
  return Math.max(0.25, Math.min(1.5, (available - 40) / (width * CSS_PER_PDF_UNIT)));
}

/** A fitted zoom, rounded down to whole percent. */
function fitZoom(z: number): number {
  return Math.floor(z * 100) / 100;
}
