// The text of an element as one string, with a way back from string offsets
// to (text node, offset) pieces. Line breaks (<br>) and block boundaries
// read as "\n" so line-based readers (fixed-width reports, narratives) see
// the lines a reader sees. Reads no layout; changes nothing.

import { INLINE_TAGS } from "../inline-tags";
import { isSpaceCode } from "./text";

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
  /** Offset after each node's last character (its text read once, not again from the node). */
  ends: number[];
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

function walk(node: Node, out: TextMap): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const type = c.nodeType;
    if (type === 3) {
      out.nodes.push(c as Text);
      out.starts.push(out.text.length);
      out.text += (c as Text).data;
      out.ends.push(out.text.length);
    } else if (type === 1) {
      const tag = (c as Element).tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === "BR") {
        out.text += "\n";
        continue;
      }
      const block = !INLINE.has(tag);
      if (block) out.text += "\n";
      walk(c, out);
      if (block) out.text += "\n";
    }
  }
}

export function textMap(root: Node): TextMap {
  // Most cells hold a single text node: its text is the map.
  const only = root.firstChild;
  if (only && only.nodeType === 3 && !only.nextSibling) {
    const text = (only as Text).data;
    return { text, nodes: [only as Text], starts: [0], ends: [text.length] };
  }
  const out: TextMap = { text: "", nodes: [], starts: [], ends: [] };
  walk(root, out);
  return out;
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
    if ((map.ends[mid] ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < map.nodes.length; i++) {
    const node = map.nodes[i] as Text;
    const s = map.starts[i] ?? 0;
    if (s >= end) break;
    const a = Math.max(start, s) - s;
    const b = Math.min(end, map.ends[i] ?? 0) - s;
    if (b > a) out.push({ node, start: a, end: b });
  }
  return out;
}

/** Pieces of the element's whole text, surrounding white space left out. */
export function trimmedPieces(map: TextMap, start = 0, end = map.text.length): TextPiece[] {
  let a = start;
  let b = end;
  const text = map.text;
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return piecesOf(map, a, b);
}
