// Termlens at work in the PDF reader: the content script's own machinery
// (matcher, highlighter, lab result rows, slices, tooltip, keyboard) run on the reader's text
// layers. Content scripts do not run in extension pages, so the modules are
// imported here. The reader is opened on purpose, so it always explains: no
// site rule or pause applies. Each page's text layer is matched once it is
// built, pages in view first (the viewer's order), in idle slices of a few
// milliseconds. No watcher: a text layer's nodes never change once built.
//
// It answers the popup and the shortcuts as a content script does
// (page-info, command, show-term) and reports its terms for the badge and
// "On this page".

import { contentData } from "../../glossary/data";
import { loadIndex } from "../../glossary/match/index";
import { type FrameReplyTo, type FrameRequest, parseFrameRequest } from "../../lib/messages";
import { askBackground, type MessageListener, type PageApi } from "../../lib/page-api";
import { readPageSettings, watchPageSettings } from "../../lib/page-settings";
import type { DisplaySettings } from "../../lib/settings";
import { PageTerms } from "../content-script/highlighter";
import { Lifetime } from "../content-script/lifetime";
import { PageResults } from "../content-script/page-results";
import { ScanScheduler } from "../content-script/scan-scheduler";
import { listenForTerms } from "../content-script/session";
import { HighlightStyles } from "../content-script/styles";
import { TermUi, type TermUiOptions } from "../content-script/term-ui";
import { resultReading } from "../results-script/readers";
import { SLICE_MARK } from "./marks";

const uiOptions = (d: DisplaySettings): TermUiOptions => ({
  showDelay: d.hoverDelayMs,
  hideDelay: 300,
  theme: d.theme,
});

/** What the reader measures of its own work (matching and highlighting), for tests and the benchmark. */
export interface ExplainStats {
  /** Each slice's duration, ms. */
  slices: number[];
  /** performance.now() when the first page with a term was highlighted; null until then. */
  firstHighlightAt: number | null;
}

export class ReaderExplainer {
  private readonly terms: PageTerms;
  /** Lab result rows (a report's table): the same cards as on portals. */
  private readonly results = new PageResults(resultReading);
  private readonly ui: TermUi;
  private readonly styles = new HighlightStyles(document);
  private readonly scanner: ScanScheduler;
  private readonly ctx = new Lifetime(() => true);
  private reportTimer = 0;
  readonly stats: ExplainStats = { slices: [], firstHighlightAt: null };

  constructor(
    private readonly api: PageApi,
    private readonly onSettled: () => void,
  ) {
    const index = loadIndex(contentData.index);
    this.terms = new PageTerms(index, new Set(contentData.everyday));
    this.ui = new TermUi(
      {
        doc: document,
        index,
        terms: () => this.terms,
        results: () => this.results,
        shadowRoots: () => [],
        lookup: (id) => askBackground(api, { type: "lookup", id }),
        openTopic: (topicId) => void askBackground(api, { type: "open-topic", topicId }).catch(() => {}),
        openTerm: (id) => void askBackground(api, { type: "open-term", id }).catch(() => {}),
      },
      { showDelay: 250, hideDelay: 300, theme: "auto" },
    );
    const timed =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        // A mark per slice on our own page's timeline: the benchmark finds each
        // slice's idle task by it in a trace and reads its thread CPU time.
        performance.mark(SLICE_MARK);
        const started = performance.now();
        fn(...args);
        this.stats.slices.push(performance.now() - started);
        if (this.stats.firstHighlightAt === null && this.terms.size > 0) {
          this.stats.firstHighlightAt = performance.now();
        }
      };
    this.scanner = new ScanScheduler(
      this.terms,
      {
        requestIdleCallback: (cb, options) => this.ctx.requestIdleCallback(timed(cb), options),
      },
      () => {},
      () => {
        this.reportSoon();
        this.onSettled();
      },
    );
    this.scanner.onBlocks = (blocks) => this.results.add(blocks);
    listenForTerms(this.ctx, this.ui, () => true);
    this.terms.show();
    this.results.show();
  }

  /** Applies the display settings and follows their changes; answers the popup and the shortcuts. */
  async start(): Promise<void> {
    const onMessage: MessageListener = (raw, sender, reply) => {
      if (sender.id !== this.api.runtime.id) return undefined;
      const msg = parseFrameRequest(raw);
      if (msg) reply(this.answer(msg));
      return undefined;
    };
    this.api.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => this.api.runtime.onMessage.removeListener(onMessage));
    try {
      const settings = await readPageSettings(this.api.storage);
      this.configure(settings.display);
      this.ctx.onInvalidated(watchPageSettings(this.api.storage, (next) => this.configure(next.display)));
    } catch (error) {
      console.warn("Termlens reader: settings unreadable, using the defaults", error);
    }
  }

  private configure(display: DisplaySettings): void {
    this.styles.apply(display);
    this.ui.configure(uiOptions(display));
  }

  private answer(msg: FrameRequest): FrameReplyTo<FrameRequest> {
    switch (msg.type) {
      case "page-info":
        return { site: null, enabled: true, reader: true };
      case "command":
        if (msg.name === "explain") this.ui.explainSelection();
        else this.ui.step(msg.name === "next-term" ? 1 : -1);
        return true;
      case "show-term":
        return this.ui.showTerm(msg.id);
    }
  }

  /** Matches one page's text layer: the first slice now, the rest when the browser is idle. */
  scan(textLayer: HTMLElement): void {
    // Matched in the scheduler's idle slices, each a task of its own (not
    // inside the task that built the layer), in the order layers are built.
    this.scanner.enqueue([textLayer], false);
  }

  /** Whether text waits to be matched. */
  get busy(): boolean {
    return this.scanner.busy;
  }

  get size(): number {
    return this.terms.size;
  }

  /** A new document: forget the old one's terms and close any card. */
  reset(): void {
    this.ui.close();
    this.terms.clear();
    this.results.clear();
    this.stats.slices.length = 0;
    this.stats.firstHighlightAt = null;
    this.reportSoon();
  }

  /** Tells the background what the reader holds (badge, the popup's "On this page"). */
  private reportSoon(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = this.ctx.setTimeout(() => {
      askBackground(this.api, { type: "found", counts: this.terms.counts() }).catch(() => {});
    }, 300);
  }
}
