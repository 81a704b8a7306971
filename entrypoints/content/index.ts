// Thin wiring: settings decide whether we run; scan finds the terms;
// hover shows the tooltip. Everything is tied to the script's lifetime.

import "./highlight.css";
import { browser } from "wxt/browser";
import { defineContentScript } from "wxt/utils/define-content-script";
import contentData from "../../glossary/generated/content-data.json";
import { loadIndex } from "../../glossary/match/index";
import type { ContentData } from "../../glossary/types";
import { type LookupReply, type PageInfoReply, parseRequest } from "../../lib/messages";
import { isUrlEnabled, siteKey } from "../../lib/site-rules";
import { getSiteSettings, watchSiteSettings } from "../../lib/storage";
import { type Found, PageTerms } from "./highlighter";
import { HoverIntent } from "./hover";
import { caretAt, rectAt } from "./pointer";
import { collectBlocks } from "./scan";
import { TooltipHost } from "./tooltip-host";

export default defineContentScript({
  matches: ["http://*/*", "https://*/*", "file:///*"],
  allFrames: true,
  matchAboutBlank: true,
  runAt: "document_idle",
  cssInjectionMode: "manifest",
  async main(ctx) {
    const data = contentData as unknown as ContentData;
    let terms: PageTerms | null = null;
    let enabled = false;
    const tooltip = new TooltipHost(document);
    let lastPoint = { x: 0, y: 0 };

    const hover = new HoverIntent<Found>(
      {
        open: (found, pinned) => void openTooltip(found, pinned),
        close: () => tooltip.hide(),
      },
      { showDelay: 250, hideDelay: 300 },
    );

    async function openTooltip(found: Found, pinned: boolean) {
      const base = {
        id: "termlens-tooltip-card",
        term: found.range.toString(),
        definition: "",
        notice: "Educational information, not medical advice.",
        pinned,
        onClose: () => hover.close(),
      };
      tooltip.show(found.range, { ...base, loading: true });
      let reply: LookupReply | undefined;
      try {
        reply = (await browser.runtime.sendMessage({ type: "lookup", id: found.id })) as LookupReply | undefined;
      } catch {
        return; // The extension was reloaded; this script is on its way out.
      }
      if (!reply || hover.current !== found) return;
      tooltip.update({
        ...base,
        term: reply.term.term,
        definition: reply.term.definition,
        correction: reply.term.correction,
        topicTitle: reply.topic?.title,
      });
    }

    function termAtPoint(x: number, y: number): Found | null {
      if (!terms) return null;
      const caret = caretAt(document, x, y);
      if (!caret) return null;
      const found = terms.at(caret.node, caret.offset);
      return found && rectAt(found.range, x, y) ? found : null;
    }

    // One hit-test per frame at most, with the latest pointer position.
    let framePending = false;
    let inTooltip = false;
    function onPointerMove(e: PointerEvent) {
      if (!enabled) return;
      lastPoint = { x: e.clientX, y: e.clientY };
      inTooltip = tooltip.contains(e.composedPath()[0] ?? null);
      if (framePending) return;
      framePending = true;
      requestAnimationFrame(() => {
        framePending = false;
        if (inTooltip) hover.pointerAt(null, true);
        else hover.pointerAt(termAtPoint(lastPoint.x, lastPoint.y));
      });
    }

    function onClick(e: MouseEvent) {
      if (!enabled || tooltip.contains(e.composedPath()[0] ?? null)) return;
      const found = termAtPoint(e.clientX, e.clientY);
      if (found) hover.pin(found);
      else if (hover.isPinned) hover.close();
    }

    function onKey(e: KeyboardEvent) {
      if (e.key === "Escape" && hover.current) hover.close();
    }

    function apply(on: boolean) {
      enabled = on;
      if (!on) {
        hover.close();
        terms?.hide();
        return;
      }
      if (!terms) {
        terms = new PageTerms(loadIndex(data.index), new Set(data.everyday));
        terms.add(collectBlocks(document.body ?? document.documentElement));
      }
      terms.show();
    }

    ctx.addEventListener(document, "pointermove", onPointerMove, { passive: true, capture: true });
    ctx.addEventListener(document, "click", onClick, { capture: true });
    ctx.addEventListener(document, "keydown", onKey, { capture: true });

    const onMessage = (raw: unknown): Promise<PageInfoReply> | undefined => {
      const msg = parseRequest(raw);
      if (msg?.type !== "page-info") return undefined;
      return Promise.resolve({ site: siteKey(location.href), enabled, counts: terms?.counts() ?? {} });
    };
    browser.runtime.onMessage.addListener(onMessage);

    const unwatch = watchSiteSettings((settings) => apply(isUrlEnabled(location.href, settings)));
    ctx.onInvalidated(() => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      hover.close();
      terms?.hide();
    });

    try {
      apply(isUrlEnabled(location.href, await getSiteSettings()));
    } catch (error) {
      // Never let our failure surface as the page's error.
      console.warn("Termlens could not start on this page:", error);
    }
  },
});
