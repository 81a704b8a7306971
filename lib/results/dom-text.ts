// The text of an element as one string, with a way back from string offsets
// to (text node, offset) pieces. Line breaks (<br>) and block boundaries
// read as "\n" so line-based readers (fixed-width reports, narratives) see
// the lines a reader sees. Reads no layout; changes nothing.

import { INLINE_TAGS } from "../inline-tags";

export interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

export interface TextMap {
  text: string;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
}

const SKIP = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "TEXTAREA",
  "SELECT",
  "BUTTON",
  "TERMLENS-TOOLTIP",
]);
const INLINE = INLINE_TAGS;

export function textMap(root: Node): TextMap {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        nodes.push(c as Text);
        starts.push(length);
        push((c as Text).data);
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === "BR") {
          push("\n");
          continue;
        }
        const block = !INLINE.has(tag);
        if (block) push("\n");
        walk(c);
        if (block) push("\n");
      }
    }
  };
  walk(root);
  return { text: parts.join(""), nodes, starts };
}

/** The text-node pieces covering text[start, end) (virtual line breaks cover nothing). */
export function piecesOf(map: TextMap, start: number, end: number): TextPiece[] {
  const out: TextPiece[] = [];
  if (end <= start) return out;
  // Binary search for the first node that ends after `start`.
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const node = map.nodes[mid] as Text;
    if ((map.starts[mid] ?? 0) + node.data.length <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < map.nodes.length; i++) {
    const node = map.nodes[i] as Text;
    const s = map.starts[i] ?? 0;
    if (s >= end) break;
    const a = Math.max(start, s) - s;
    const b = Math.min(end, s + node.data.length) - s;
    if (b > a) out.push({ node, start: a, end: b });
  }
  return out;
}

/** Pieces of the element's whole text, surrounding white space left out. */
export function trimmedPieces(map: TextMap, start = 0, end = map.text.length): TextPiece[] {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(map.text[a] ?? "")) a++;
  while (b > a && /\s/.test(map.text[b - 1] ?? "")) b--;
  return piecesOf(map, a, b);
}
