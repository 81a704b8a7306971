// The popup's data: which tab it speaks for, that tab's site and terms, and
// the site settings. Reads messages and storage; components get plain props.

import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import type { PageInfoReply, TabTermsReply } from "../../lib/messages";
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from "../../lib/site-rules";
import { siteSettings } from "../../lib/storage";
import { tabParam } from "./route";

/** Found terms trickle in while a page settles; the list follows for a while. */
const REFRESH_MS = 1000;

export interface TabData {
  tabId: number | undefined;
  /** Whether the popup was opened in a tab of its own (`?tab=`), not as the toolbar popup. */
  inTab: boolean;
  /** null: no content script answers there (a browser page, the store). */
  page: PageInfoReply | null;
  terms: TabTermsReply | null;
}

async function findTab(): Promise<number | undefined> {
  const fromUrl = tabParam(location.search);
  if (fromUrl !== undefined) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function pageInfo(tabId: number): Promise<PageInfoReply | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, { type: "page-info" }, { frameId: 0 })) ??
      null) as PageInfoReply | null;
  } catch {
    return null;
  }
}

async function tabTerms(tabId: number, page: PageInfoReply | null): Promise<TabTermsReply | null> {
  try {
    const reply = (await browser.runtime.sendMessage({ type: "tab-terms", tabId })) as
      | TabTermsReply
      | undefined;
    // The top frame's own answer covers the moment before its first report arrives.
    if (reply && Object.keys(reply.counts).length > 0) return reply;
  } catch {
    // The background is starting; the top frame's counts will do.
  }
  if (!page) return null;
  const frames = Object.fromEntries(Object.keys(page.counts).map((id) => [id, [0]]));
  return { counts: page.counts, frames };
}

export function useTabData(): TabData {
  const [data, setData] = useState<TabData>({
    tabId: undefined,
    inTab: tabParam(location.search) !== undefined,
    page: null,
    terms: null,
  });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (tabId: number | undefined) => {
      if (tabId === undefined || stopped) return;
      const page = await pageInfo(tabId);
      const terms = await tabTerms(tabId, page);
      if (stopped) return;
      setData((d) => ({ ...d, tabId, page, terms }));
      timer = setTimeout(() => void load(tabId), REFRESH_MS);
    };
    void findTab().then((tabId) => {
      setData((d) => ({ ...d, tabId }));
      return load(tabId);
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
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
