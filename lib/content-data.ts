// How the content script finds the matching index that entrypoints/content-index.ts
// left in the isolated world before it.

import type { ContentData } from "../glossary/types";

export const CONTENT_DATA_KEY = "termlensContentData";

/** The injected index, or null when it is missing or not ours. */
export function injectedContentData(scope: object = globalThis): ContentData | null {
  const data = (scope as Record<string, unknown>)[CONTENT_DATA_KEY] as Partial<ContentData> | undefined;
  if (data?.version !== 1 || typeof data.index !== "object" || !Array.isArray(data.everyday)) return null;
  return data as ContentData;
}
