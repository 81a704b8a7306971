// The popup's deep links: `#term=<id>` opens a term, `#topic=<id>` a topic.
// The tooltip's "more" link opens `popup.html?tab=<id>#…` in a new tab.

import { ID } from "../../lib/messages";

export type Route = { view: "home"; topicId?: string } | { view: "term"; id: string };

export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const term = params.get("term");
  if (term && ID.test(term)) return { view: "term", id: term };
  const topic = params.get("topic");
  if (topic && ID.test(topic)) return { view: "home", topicId: topic };
  return { view: "home" };
}

export function formatRoute(route: Route): string {
  if (route.view === "term") return `#term=${route.id}`;
  return route.topicId ? `#topic=${route.topicId}` : "";
}

/** `?tab=<id>` when the popup speaks for a given tab (opened in a tab of its own). */
export function tabParam(search: string): number | undefined {
  const n = Number(new URLSearchParams(search).get("tab"));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
