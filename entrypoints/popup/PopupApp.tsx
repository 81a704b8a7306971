// Container: finds the tab the popup is about, reads site settings and the
// glossary, and hands plain props to the components.

import { useEffect, useMemo, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { SiteSwitch } from "../../components/SiteSwitch";
import { TopicList } from "../../components/TopicList";
import glossaryJson from "../../glossary/generated/glossary.json";
import type { CompiledGlossary } from "../../glossary/types";
import type { PageInfoReply } from "../../lib/messages";
import {
  DEFAULT_SITE_SETTINGS,
  isSiteEnabled,
  type SiteSettings,
  setSiteEnabled,
} from "../../lib/site-rules";
import { getSiteSettings, setSiteSettings, watchSiteSettings } from "../../lib/storage";

const glossary = glossaryJson as unknown as CompiledGlossary;

/** The tab this popup speaks for: `?tab=ID` when opened from a page, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const param = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(param) && param > 0) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function pageInfo(): Promise<PageInfoReply | null> {
  const tabId = await targetTabId();
  if (tabId === undefined) return null;
  try {
    return ((await browser.tabs.sendMessage(tabId, { type: "page-info" }, { frameId: 0 })) ??
      null) as PageInfoReply | null;
  } catch {
    return null; // No content script there: a browser page, or the store.
  }
}

export function PopupApp() {
  const [settings, setSettings] = useState<SiteSettings>(DEFAULT_SITE_SETTINGS);
  const [page, setPage] = useState<PageInfoReply | null>(null);
  const terms = useMemo(() => new Map(glossary.terms.map((t) => [t.id, t])), []);
  const openTopic = new URLSearchParams(location.hash.slice(1)).get("topic") ?? undefined;

  useEffect(() => {
    void getSiteSettings().then(setSettings);
    void pageInfo().then(setPage);
    return watchSiteSettings(setSettings);
  }, []);

  const site = page?.site ?? null;
  const on = site !== null && isSiteEnabled(site, settings);
  const disclaimer = glossary.documents[0]?.disclaimer ?? "";

  return (
    <main>
      <header>
        <h1>Termlens</h1>
        <SiteSwitch
          site={site}
          on={on}
          onChange={(next) => site && void setSiteSettings(setSiteEnabled(settings, site, next))}
        />
      </header>
      <section aria-labelledby="topics-heading">
        <h2 id="topics-heading">{glossary.documents[0]?.title ?? "Topics"}</h2>
        <TopicList topics={glossary.topics} terms={terms} openTopicId={openTopic} />
      </section>
      <footer>
        <p class="disclaimer">{disclaimer}</p>
      </footer>
    </main>
  );
}
