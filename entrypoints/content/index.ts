// Thin wiring: settings decide whether we run; the scanner and watcher find
// terms, also on pages that change; TermUi shows them. Everything is tied to
// the content script's lifetime (`ctx`), so an update or uninstall leaves
// nothing behind.

import "./highlight.css";
import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import contentData from "../../glossary/generated/content-data.json";
import { loadIndex } from "../../glossary/match/index";
import type { ContentData } from "../../glossary/types";
import { type LookupReply, type PageInfoReply, parseRequest } from "../../lib/messages";
import { isUrlEnabled, siteKey } from "../../lib/site-rules";
import { getSiteSettings, watchSiteSettings } from "../../lib/storage";
import { PageTerms } from "./highlighter";
import { Scanner } from "./scanner";
import { adoptHighlightStyles } from "./shadow-styles";
import { TermUi } from "./term-ui";
import { Watcher } from "./watcher";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*", "file:///*"],
  allFrames: true,
  matchAboutBlank: true,
  runAt: "document_idle",
  cssInjectionMode: "manifest",
  async main(ctx) {
    const data = contentData as unknown as ContentData;
    const index = loadIndex(data.index);
    const terms = new PageTerms(index, new Set(data.everyday));
    const shadowRoots: ShadowRoot[] = [];
    let enabled = false;
    let started = false;

    const ui = new TermUi({
      doc: document,
      index,
      terms: () => (enabled ? terms : null),
      shadowRoots: () => shadowRoots,
      lookup: (id) => browser.runtime.sendMessage({ type: "lookup", id }) as Promise<LookupReply | undefined>,
      openTopic: (topicId) =>
        void browser.runtime.sendMessage({ type: "open-topic", topicId }).catch(() => {}),
      showDelay: 250,
      hideDelay: 300,
      theme: "auto",
    });

    const pageRoot = () => document.body ?? document.documentElement;
    const watcher = new Watcher(
      {
        pruned: () => terms.prune(),
        rescan: (roots) => scanner.enqueue(roots),
        rescanAll: () => scanner.enqueue([pageRoot()]),
        isOurs: (node) => ui.isOurs(node),
      },
      { setTimeout: (cb, ms) => ctx.setTimeout(cb, ms) },
    );
    const scanner = new Scanner(
      terms,
      { requestIdleCallback: (cb, o) => ctx.requestIdleCallback(cb, o) },
      (root) => {
        shadowRoots.push(root);
        watcher.observe(root);
        adoptHighlightStyles(root);
      },
    );

    function apply(on: boolean) {
      enabled = on;
      if (!on) {
        ui.close();
        terms.hide();
        return;
      }
      if (!started) {
        started = true;
        // The whole document is watched (not just body), so a page that
        // replaces document.body is still followed.
        watcher.observe(document);
        scanner.enqueue([pageRoot()]);
      }
      terms.show();
    }

    // One hit-test per frame at most, with the latest pointer position.
    let framePending = false;
    let last = { x: 0, y: 0, inTooltip: false };
    ctx.addEventListener(
      document,
      "pointermove",
      (e: PointerEvent) => {
        if (!enabled) return;
        last = { x: e.clientX, y: e.clientY, inTooltip: ui.inTooltip(e.composedPath()[0] ?? null) };
        if (framePending) return;
        framePending = true;
        ctx.requestAnimationFrame(() => {
          framePending = false;
          ui.pointerMoved(last.x, last.y, last.inTooltip);
        });
      },
      { passive: true, capture: true },
    );
    ctx.addEventListener(
      document,
      "click",
      (e: MouseEvent) => {
        if (enabled && e.button === 0 && !ui.inTooltip(e.composedPath()[0] ?? null))
          ui.clicked(e.clientX, e.clientY);
      },
      { capture: true, passive: true },
    );
    ctx.addEventListener(
      document,
      "keydown",
      (e: KeyboardEvent) => {
        if (e.key === "Escape" && ui.isOpen) ui.close();
      },
      { capture: true },
    );

    const onMessage = (raw: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const msg = parseRequest(raw);
      if (!msg) return undefined;
      if (msg.type === "page-info") {
        const reply: PageInfoReply = {
          site: siteKey(location.href),
          enabled,
          counts: enabled ? terms.counts() : {},
        };
        return Promise.resolve(reply);
      }
      if (!enabled) return undefined;
      if (msg.type === "command") {
        if (msg.name === "explain") ui.explainSelection();
        else ui.step(msg.name === "next-term" ? 1 : -1);
        return Promise.resolve(true);
      }
      if (msg.type === "show-term") return Promise.resolve(ui.showTerm(msg.id));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    const unwatch = watchSiteSettings((settings) => apply(isUrlEnabled(location.href, settings)));
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      watcher.disconnect();
      ui.close();
      terms.hide();
      terms.clear();
    });

    try {
      apply(isUrlEnabled(location.href, await getSiteSettings()));
    } catch (error) {
      // Never let our failure surface as the page's error.
      console.warn("Termlens could not start on this page:", error);
    }
  },
});
