// Result detection driven by the page scan: for a block of text that may
// belong to a result layout (candidate.ts), or a cell of a table already
// known to hold results, find that layout and the reader for it.

import { elementOf, labelsValue, maybeHeading, type ScannedBlock, textsOf } from "./candidate";
import type { FoundRow } from "./found-row";
import { gridContainer, gridHeader, readGrid, readTable } from "./rows-grid";
import { readDl, readNarrativeBlock, readPre } from "./rows-text";

export interface ResultContainer {
  el: Element;
  read(): FoundRow[];
}

const MAX_PRE_CHARS = 256 * 1024;

/**
 * The result layout a block of text may belong to, or null. `known` holds the
 * containers found before, so rows added later to a known table or grid are
 * read with it.
 */
export function containerForBlock(block: ScannedBlock, known: ReadonlySet<Element>): ResultContainer | null {
  const el = elementOf(block);
  if (!el || block.length === 0) return null;
  // Most blocks are none of these: decided from the block's own element and
  // its text, without walking further up (the scan calls this for every block).
  const tag = block.tag ?? el.tagName;
  if (tag === "PRE") {
    return (el.textContent?.length ?? 0) <= MAX_PRE_CHARS ? { el, read: () => readPre(el) } : null;
  }
  if (tag === "TD" || tag === "TH") {
    // A cell of a table seen before, or a name heading: only then look for the table.
    const heading = textsOf(block).some(maybeHeading);
    if (known.size === 0 && !heading) return null;
    const table = el.closest("table");
    if (table && (heading || known.has(table))) {
      return { el: table, read: () => readTable(table) };
    }
    return null;
  }
  if (tag === "DD" || tag === "DT") {
    const dl = el.parentElement?.closest("dl");
    return dl ? { el: dl, read: () => readDl(dl) } : null;
  }
  let headingText: Text | undefined;
  let labelled = false;
  const texts = textsOf(block);
  for (let i = 0; i < texts.length; i++) {
    const data = texts[i] as string;
    if (!headingText && maybeHeading(data)) headingText = block[i];
    if (!labelled && labelsValue(data)) labelled = true;
  }
  // A grid's heading (its cell may be the block, or one inline cell of a row
  // of them); a table cell wrapped in a div is read this way too.
  const headingEl = headingText?.parentElement;
  if (headingEl) {
    const header = gridHeader(headingEl);
    const container = header && gridContainer(header.row);
    if (header && container) return { el: container, read: () => readGrid(header) };
  }
  if (known.size > 0) {
    // A row added to a known table or grid: its container is a few levels up.
    let up: Element | null = el.parentElement;
    for (let i = 0; up && i < 6; i++, up = up.parentElement) {
      if (!known.has(up)) continue;
      const found = up;
      return found.tagName === "TABLE"
        ? { el: found, read: () => readTable(found as HTMLTableElement) }
        : { el: found, read: knownReader(found) };
    }
  }
  if (labelled) return { el, read: () => readNarrativeBlock(el) };
  return null;
}

/** Re-reads a known grid container by finding its name heading again. */
function knownReader(container: Element): () => FoundRow[] {
  return () => {
    const doc = container.ownerDocument;
    const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const data = (t as Text).data;
      if (!maybeHeading(data) || !t.parentElement) continue;
      const header = gridHeader(t.parentElement);
      if (header && gridContainer(header.row) === container) return readGrid(header);
    }
    return [];
  };
}
