// Container: the tab the popup speaks for, its site and terms, the glossary
// and the current view (home with search, a term, a topic). Components get
// plain props. Keyboard: the search box has focus on open; arrows move
// through results, Enter opens, Escape goes back. Below "On this page", the
// topics and sources: grouped and filtered by glossary/topic-groups.ts, the
// page's topics first, shown by components/TopicBrowser.tsx.

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import { PageTermList } from "../../components/PageTermList";
import { PauseButton } from "../../components/PauseButton";
import { SearchBox } from "../../components/SearchBox";
import { SiteSwitch } from "../../components/SiteSwitch";
import { TermView } from "../../components/TermView";
import { TopicBrowser } from "../../components/TopicBrowser";
import { glossary } from "../../glossary/data";
import { buildSearchIndex, type SearchHit, search } from "../../glossary/search";
import { buildTopicIndex, groupTopics } from "../../glossary/topic-groups";
import { readerPath } from "../../lib/reader-link";
import { toFrame } from "../../lib/send";
import { isSiteEnabled, setSiteEnabled } from "../../lib/site-rules";
import { formatRoute, parseRoute, type Route } from "./route";
import { useSiteSettings, useTabData } from "./usePopupData";

const terms = new Map(glossary.terms.map((t) => [t.id, t]));
const topics = new Map(glossary.topics.map((t) => [t.id, t]));
const index = buildSearchIndex(glossary);
const topicIndex = buildTopicIndex(glossary);
const NO_COUNTS: Readonly<Record<string, number>> = {};

export function PopupApp() {
  const tab = useTabData();
  const [settings, saveSettings] = useSiteSettings();
  const [error, setError] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  const [query, setQuery] = useState("");
  const [topicQuery, setTopicQuery] = useState("");
  const [active, setActive] = useState(-1);
  const searchRef = useRef<HTMLInputElement>(null);
  const termHeadingRef = useRef<HTMLHeadingElement>(null);
  const hits = useMemo(() => search(index, query), [query]);

  // The filter's words (the sections' text) are made when the popup is idle,
  // not while it opens, so the first keystroke in the filter finds them ready.
  useEffect(() => {
    if (typeof requestIdleCallback !== "function") return;
    const id = requestIdleCallback(() => topicIndex.words(), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, []);

  // Focus follows the view: the search box at home, the heading of a term.
  useEffect(() => {
    history.replaceState(null, "", `${location.pathname}${location.search}${formatRoute(route)}`);
    if (route.view === "term") termHeadingRef.current?.focus();
    else if (route.topicId) {
      const summary = document.querySelector<HTMLElement>(`#topic-${route.topicId} > summary`);
      summary?.scrollIntoView({ block: "start" });
      summary?.focus();
    } else searchRef.current?.focus();
  }, [route]);

  // Read at key time, not captured by an effect: a key pressed right after
  // the view changed (before effects ran) must see the new view.
  const routeRef = useRef(route);
  routeRef.current = route;
  useEffect(() => {
    // Escape in the term view goes back, wherever focus is inside it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && routeRef.current.view === "term") {
        e.preventDefault();
        setRoute({ view: "home" });
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const site = tab.page?.site ?? null;
  // The PDF reader is opened on purpose: always on, whatever the site rules say.
  const inReader = tab.page?.reader === true;
  const on = inReader || (site !== null && isSiteEnabled(site, settings));
  const counts = tab.terms?.counts ?? NO_COUNTS;
  // Topics of the page's terms first; a page Termlens does not read has none.
  const topicGroups = useMemo(
    () => groupTopics(topicIndex, { counts: on ? counts : NO_COUNTS, query: topicQuery }),
    [counts, on, topicQuery],
  );
  const pageItems = tab.terms
    ? Object.entries(counts).flatMap(([id, count]) => {
        const t = terms.get(id);
        return t ? [{ id, term: t.term, count }] : [];
      })
    : null;

  const save = (next: typeof settings) => void saveSettings(next).then(setError);

  async function showOnPage(id: string) {
    if (tab.tabId === undefined) return;
    const frameId = tab.terms?.frames[id]?.[0] ?? 0;
    await toFrame(tab.tabId, { type: "show-term", id }, frameId).catch(() => false);
    // The page has to be visible for the tooltip to be seen.
    if (tab.inTab) await browser.tabs.update(tab.tabId, { active: true }).catch(() => {});
    else window.close();
  }

  /** Opens the tab's PDF in the reader, in the same tab (Back returns to the browser's viewer). */
  async function openInReader(pdfUrl: string) {
    if (tab.tabId === undefined) return;
    await browser.tabs.update(tab.tabId, { url: browser.runtime.getURL(readerPath(pdfUrl)) }).catch(() => {});
    if (!tab.inTab) window.close();
  }

  /** Opens a topic where it is listed, with nothing filtered away. */
  const openTopic = (id: string) => {
    setQuery("");
    setTopicQuery("");
    setRoute({ view: "home", topicId: id });
  };

  const choose = (hit: SearchHit) => {
    if (hit.kind === "term") setRoute({ view: "term", id: hit.id });
    else openTopic(hit.id);
  };

  const term = route.view === "term" ? terms.get(route.id) : undefined;

  return (
    <main class={settings.paused ? "paused" : undefined}>
      <header>
        <h1>Termlens</h1>
        <div class="controls">
          {inReader ? (
            <p class="site-switch unavailable">The PDF reader always explains.</p>
          ) : (
            <SiteSwitch
              site={site}
              on={on}
              disabled={settings.paused}
              onChange={(next) => site && save(setSiteEnabled(settings, site, next))}
            />
          )}
          <PauseButton paused={settings.paused} onChange={(paused) => save({ ...settings, paused })} />
        </div>
      </header>
      {tab.pdfUrl && (
        <p class="open-pdf">
          <button type="button" onClick={() => void openInReader(tab.pdfUrl as string)}>
            Open this PDF in Termlens
          </button>
        </p>
      )}
      {settings.paused && (
        <p class="notice" role="status">
          Paused everywhere: Termlens is off on every site until you press “Pause everywhere” again.
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {term ? (
        <TermView
          term={term}
          related={term.related.flatMap((id) => terms.get(id) ?? [])}
          topics={term.topicIds.flatMap((id) => topics.get(id) ?? [])}
          onPage={counts[term.id] ?? 0}
          onBack={() => setRoute({ view: "home" })}
          onOpenTerm={(id) => setRoute({ view: "term", id })}
          onOpenTopic={openTopic}
          onShow={(id) => void showOnPage(id)}
          headingRef={termHeadingRef}
          documents={glossary.documents}
          references={glossary.references}
        />
      ) : (
        <>
          <SearchBox
            query={query}
            hits={hits}
            active={active}
            inputRef={searchRef}
            onQuery={(q) => {
              setQuery(q);
              setActive(q.trim() ? 0 : -1);
            }}
            onActive={setActive}
            onChoose={choose}
          />
          {query.trim() === "" && (
            <>
              <PageTermList
                items={pageItems}
                enabled={on}
                onShow={(id) => void showOnPage(id)}
                onExplain={(id) => setRoute({ view: "term", id })}
              />
              <TopicBrowser
                groups={topicGroups}
                terms={terms}
                documentCount={glossary.documents.length}
                query={topicQuery}
                onQuery={setTopicQuery}
                openTopicId={route.view === "home" ? route.topicId : undefined}
                onOpenTerm={(id) => setRoute({ view: "term", id })}
              />
            </>
          )}
        </>
      )}
      <footer>
        <p class="disclaimer">{glossary.documents[0]?.disclaimer ?? ""}</p>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </footer>
    </main>
  );
}
