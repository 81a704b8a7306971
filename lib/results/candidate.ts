// The cheap first test of result detection, run by the page scan on every
// block of text: can this block belong to a result layout (a <pre> report, a
// definition list, a "Component"/"Test" heading, a "value:" label)? Only then
// are the readers (the rest of lib/results) loaded and the layout read, so a
// page without results pays a few string tests per block and never loads them.

import { INLINE_TAGS } from "../inline-tags";
import { isNameHeading } from "./name-headings";

const VALUE_LABEL = /\b(?:value|result)\s*:/i;

/**
 * A block of text as the page scan hands it: its text nodes and, when the
 * scan knew them, their block element (what blockElement would find) and
 * their texts as read, so the detection run on every block need not climb
 * the tree or read the nodes again.
 */
export type ScannedBlock = readonly Text[] & {
  readonly element?: Element | null;
  /** The block element's tag name, when the scan read it. */
  readonly tag?: string;
  readonly texts?: readonly string[];
};

/** The texts of the block's nodes, as the scan read them. */
export function textsOf(block: ScannedBlock): readonly string[] {
  return block.texts ?? block.map((t) => t.data);
}

/** The nearest ancestor of a text node that is not an inline element. */
export function blockElement(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName)) el = el.parentElement;
  return el;
}

/** The block element of a scanned block. */
export function elementOf(block: ScannedBlock): Element | null {
  if (block.element !== undefined) return block.element;
  const first = block[0];
  return first ? blockElement(first) : null;
}

// First letters of the name headings (headers.ts): most short texts are rejected on it.
const HEADING_START = /^\s*[ctaipl]/i;
/** Bits of c, t, a, i, p, l counted from 0x60 ("a" is 1); `| 0x20` lowers an ASCII capital, and nothing else lands here. */
const HEADING_LETTERS = (1 << 3) | (1 << 20) | (1 << 1) | (1 << 9) | (1 << 16) | (1 << 12);

/** HEADING_START.test, without the regex when the text starts with no space (most do). */
function mayStartHeading(data: string): boolean {
  const first = data.charCodeAt(0);
  // Below 0x1680, \s holds only the ASCII spaces and NBSP.
  if (first > 0x20 && first !== 0xa0 && first < 0x1680) {
    const bit = (first | 0x20) - 0x60;
    return bit > 0 && bit < 32 && ((HEADING_LETTERS >>> bit) & 1) === 1;
  }
  return HEADING_START.test(data);
}

/** A text that may be a column heading naming the tests ("Component", "Test name"). */
export function maybeHeading(data: string): boolean {
  return data.length <= 40 && mayStartHeading(data) && isNameHeading(data);
}

/** A text labelling a value ("Result: 5.6", "value :"). */
export function labelsValue(data: string): boolean {
  // indexOf(":") first: most texts have no colon, and it is far cheaper than the regex.
  return data.length < 4096 && data.indexOf(":") >= 0 && VALUE_LABEL.test(data);
}

/** Whether this block may belong to a result layout not seen before. */
export function mayHoldResults(block: ScannedBlock): boolean {
  const el = elementOf(block);
  if (!el) return false;
  const tag = block.tag ?? el.tagName;
  if (tag === "PRE" || tag === "DD" || tag === "DT") return true;
  return textsOf(block).some((data) => maybeHeading(data) || labelsValue(data));
}
