// Finds result rows in a document, an element or a shadow root (not inside
// frames or nested shadow roots: the caller walks those, as the page scan
// does). Tables, grids of divs, <pre> reports, definition lists and EHR
// narratives; rows come back in document order, each text node claimed by
// at most one row. Reads no layout and changes nothing.

import type { TextPiece } from "./dom-text";
import type { FoundRow } from "./found-row";
import { readGrids, readTable } from "./rows-grid";
import { readDl, readNarrativeBlock, readPre } from "./rows-text";

const INLINE =
  /^(?:A|ABBR|B|BDI|BDO|CITE|CODE|DATA|DFN|EM|FONT|I|KBD|LABEL|MARK|NOBR|Q|S|SAMP|SMALL|SPAN|STRONG|SUB|SUP|TIME|TT|U|VAR)$/;
const VALUE_LABEL = /\b(?:value|result)\s*:/i;

function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE.test(el.tagName)) el = el.parentElement;
  return el;
}

function narrativeBlocks(root: ParentNode & Node): Element[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const blocks = new Set<Element>();
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!VALUE_LABEL.test((t as Text).data)) continue;
    const block = blockOf(t);
    if (
      block &&
      !block.closest("pre, script, style, textarea, [contenteditable=''], [contenteditable=true]")
    ) {
      blocks.add(block);
    }
  }
  return [...blocks];
}

function firstNode(row: FoundRow): Node | undefined {
  return row.nameText[0]?.node ?? row.valueText[0]?.node;
}

export function findResultRows(root: ParentNode & Node): FoundRow[] {
  const found: FoundRow[] = [];
  for (const t of root.querySelectorAll("table")) found.push(...readTable(t as HTMLTableElement));
  found.push(...readGrids(root));
  for (const pre of root.querySelectorAll("pre")) found.push(...readPre(pre));
  for (const dl of root.querySelectorAll("dl")) found.push(...readDl(dl));
  for (const block of narrativeBlocks(root)) found.push(...readNarrativeBlock(block));
  // Each piece of text belongs to one row at most: the first reader to claim it keeps it.
  const claimed = new Map<Text, [number, number][]>();
  const overlaps = (p: TextPiece) => claimed.get(p.node)?.some(([a, b]) => p.start < b && a < p.end) ?? false;
  const rows: FoundRow[] = [];
  for (const row of found) {
    if (row.nameText.length === 0 || row.valueText.length === 0) continue;
    const pieces = [...row.nameText, ...row.valueText];
    if (pieces.some(overlaps)) continue;
    for (const p of pieces) {
      const list = claimed.get(p.node) ?? [];
      list.push([p.start, p.end]);
      claimed.set(p.node, list);
    }
    rows.push(row);
  }
  return rows.sort((a, b) => {
    const na = firstNode(a);
    const nb = firstNode(b);
    if (!na || !nb) return 0;
    if (na === nb) return (a.nameText[0]?.start ?? 0) - (b.nameText[0]?.start ?? 0);
    return na.compareDocumentPosition(nb) & 4 /* FOLLOWING */ ? -1 : 1;
  });
}
