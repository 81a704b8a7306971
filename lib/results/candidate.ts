// The cheap first test of result detection, run by the page scan on every
// block of text: can this block belong to a result layout (a <pre> report, a
// definition list, a "Component"/"Test" heading, a "value:" label)? Only then
// are the readers (the rest of lib/results) loaded and the layout read, so a
// page without results pays a few string tests per block and never loads them.

import { INLINE_TAGS } from "../inline-tags";
import { isNameHeading } from "./headers";

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

/** The text of the block's i-th node, as the scan read it. */
export function textAt(block: ScannedBlock, i: number): string {
  return block.texts?.[i] ?? (block[i] as Text).data;
}

/** Whether any text of the block passes `test`. */
export function someText(block: ScannedBlock, test: (data: string) => boolean): boolean {
  for (let i = 0; i < block.length; i++) if (test(textAt(block, i))) return true;
  return false;
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

const SPACE = /\s/;
/** "value" or "result" ending a window of the 7 characters before a colon (less its spaces), at a word start. */
const LABEL_BEFORE_COLON = /(?:^|[^A-Za-z0-9_])(?:value|result)$/i;

/**
 * A text labelling a value ("Result: 5.6", "value :"): what
 * /\b(?:value|result)\s*:/i finds, looking only before each colon. Most
 * texts have none, and a long paragraph with one is not run through the
 * regex whole.
 */
export function labelsValue(data: string): boolean {
  if (data.length >= 4096) return false;
  for (let colon = data.indexOf(":"); colon >= 0; colon = data.indexOf(":", colon + 1)) {
    let end = colon;
    while (end > 0 && SPACE.test(data[end - 1] as string)) end--;
    if (LABEL_BEFORE_COLON.test(data.slice(Math.max(0, end - 7), end))) return true;
  }
  return false;
}

/** Whether this block may belong to a result layout not seen before. */
export function mayHoldResults(block: ScannedBlock): boolean {
  const el = elementOf(block);
  if (!el) return false;
  const tag = block.tag ?? el.tagName;
  if (tag === "PRE" || tag === "DD" || tag === "DT") return true;
  return someText(block, (data) => maybeHeading(data) || labelsValue(data));
}
