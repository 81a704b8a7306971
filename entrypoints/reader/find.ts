// Find in the PDF: over every page's text (read by pdf.js, whether the page
// was ever shown or not), case-insensitive, any run of spaces and line ends
// matching any other. A match is (page, start, end) in that page's text
// (PageText.text); rangeIn() turns it into a DOM Range over the text layer.

import type { PageText } from "./page-view";

export interface FindMatch {
  page: number;
  start: number;
  end: number;
}

/** Lower-cased text with runs of white space as one space, and where each character came from. */
function fold(text: string): { folded: string; from: number[] } {
  let folded = "";
  const from: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      folded += " ";
      from.push(i);
      continue;
    }
    inSpace = false;
    const lower = ch.toLowerCase();
    // Keep offsets one to one: a character whose lower case is longer stays as it is.
    folded += lower.length === 1 ? lower : ch;
    from.push(i);
  }
  from.push(text.length);
  return { folded, from };
}

export function foldQuery(query: string): string {
  return fold(query.trim()).folded;
}

/** Every match of `query` in `pages` (page numbers from 1), in reading order. */
export function findAll(
  pages: readonly (PageText | undefined)[],
  query: string,
  limit = 10_000,
): FindMatch[] {
  const needle = foldQuery(query);
  const out: FindMatch[] = [];
  if (!needle) return out;
  pages.forEach((page, index) => {
    if (!page || out.length >= limit) return;
    const { folded, from } = fold(page.text);
    for (
      let at = folded.indexOf(needle);
      at >= 0 && out.length < limit;
      at = folded.indexOf(needle, at + 1)
    ) {
      const last = at + needle.length - 1;
      out.push({ page: index + 1, start: from[at] as number, end: (from[last] as number) + 1 });
    }
  });
  return out;
}

/** Item index and offset inside it for a text offset (the newline after an item counts as its end). */
function locate(page: PageText, offset: number): { item: number; offset: number } {
  let lo = 0;
  let hi = page.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((page.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const start = page.starts[lo] ?? 0;
  const length = page.items[lo]?.length ?? 0;
  return { item: lo, offset: Math.min(offset - start, length) };
}

/** The text node inside an item's span (spans hold their item's string as one text node). */
function textNodeOf(span: HTMLElement | undefined): Text | null {
  const node = span?.firstChild;
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
}

/** A Range over the match in the page's text layer, or null when the layer has no such text. */
export function rangeIn(page: PageText, spans: readonly HTMLElement[], match: FindMatch): Range | null {
  const a = locate(page, match.start);
  // The end from the match's last character, so it stays in that character's item.
  const b = locate(page, match.end - 1);
  const start = textNodeOf(spans[a.item]);
  const end = textNodeOf(spans[b.item]);
  if (!start || !end) return null;
  const range = new Range();
  range.setStart(start, Math.min(a.offset, start.length));
  range.setEnd(end, Math.min(b.offset + 1, end.length));
  return range;
}
