// The popup's data: which tab it speaks for, that tab's site and terms, and
// the site settings. Reads messages and storage; components get plain props.

import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { type PageInfoReply, parseBroadcast } from "../../lib/messages";
import { pdfShownAt } from "../../lib/reader-link";
import { toBackground, toFrame } from "../../lib/send";
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from "../../lib/site-rules";
import { siteSettings } from "../../lib/storage";
import type { TabSummary } from "../../lib/tab-terms";
import { tabParam } from "./route";

export interface TabData {
  tabId: number | undefined;
  /** Whether the popup was opened in a tab of its own (`?tab=`), not as the toolbar popup. */
  inTab: boolean;
  /** null: no content script answers there (a browser page, the store). */
  page: PageInfoReply | null;
  /** The tab's terms, from their one owner: the background (entrypoints/background/tab-badges.ts). */
  terms: TabSummary | null;
  /** The PDF the tab shows (its URL ends in .pdf, or the page says so), for "Open this PDF in Termlens". */
  pdfUrl: string | null;
}

async function findTab(): Promise<number | undefined> {
  const fromUrl = tabParam(location.search);
  if (fromUrl !== undefined) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function pageInfo(tabId: number): Promise<PageInfoReply | null> {
  try {
    return (await toFrame(tabId, { type: "page-info" }, 0)) ?? null;
  } catch {
    return null;
  }
}

/** The tab's address, where our host permissions let us see it. */
async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}

async function tabTerms(tabId: number): Promise<TabSummary | null> {
  try {
    return (await toBackground({ type: "tab-terms", tabId })) ?? null;
  } catch {
    return null; // The background is starting; its broadcast will follow.
  }
}

export function useTabData(): TabData {
  const [data, setData] = useState<TabData>({
    tabId: undefined,
    inTab: tabParam(location.search) !== undefined,
    page: null,
    terms: null,
    pdfUrl: null,
  });
  useEffect(() => {
    let stopped = false;
    let tabId: number | undefined;
    const loadTerms = async () => {
      if (tabId === undefined) return;
      const terms = await tabTerms(tabId);
      if (!stopped) setData((d) => ({ ...d, terms }));
    };
    // The background says when a frame of this tab reported new terms.
    const onMessage = (raw: unknown) => {
      const msg = parseBroadcast(raw);
      if (msg?.tabId === tabId) void loadTerms();
    };
    browser.runtime.onMessage.addListener(onMessage);
    void findTab().then(async (id) => {
      tabId = id;
      if (id === undefined || stopped) return;
      const [page, url] = await Promise.all([pageInfo(id), tabUrl(id)]);
      const pdfUrl = page?.reader ? null : pdfShownAt(url, page?.pdf === true);
      if (!stopped) setData((d) => ({ ...d, tabId: id, page, pdfUrl }));
      await loadTerms();
    });
    return () => {
      stopped = true;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);
  return data;
}

export function useSiteSettings(): [SiteSettings, (next: SiteSettings) => Promise<string | null>] {
  const [settings, setSettings] = useState<SiteSettings>(DEFAULT_SITE_SETTINGS);
  useEffect(() => {
    void siteSettings.get().then(setSettings);
    return siteSettings.watch(setSettings);
  }, []);
  const save = async (next: SiteSettings): Promise<string | null> => {
    setSettings(next); // at once, so the switch follows the click
    try {
      await siteSettings.set(next);
      return null;
    } catch (error) {
      setSettings(await siteSettings.get());
      return (error as Error).message;
    }
  };
  return [settings, save];
}
