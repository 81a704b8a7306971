// The cheap first test of result detection, run by the page scan on every
// block of text: can this block belong to a result layout (a <pre> report, a
// definition list, a "Component"/"Test" heading, a "value:" label)? Only then
// are the readers (the rest of lib/results) loaded and the layout read, so a
// page without results pays a few string tests per block and never loads them.

import { INLINE_TAGS } from "../inline-tags";
import { isNameHeading } from "./headers";

const VALUE_LABEL = /\b(?:value|result)\s*:/i;
// First letters of the name headings (headers.ts): most short texts are rejected on it.
const HEADING_START = /^\s*[ctaipl]/i;

/** The nearest ancestor of a text node that is not an inline element. */
export function blockElement(node: Node): Element | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.tagName)) el = el.parentElement;
  return el;
}

/** A text that may be a column heading naming the tests ("Component", "Test name"). */
export function maybeHeading(data: string): boolean {
  return data.length <= 40 && HEADING_START.test(data) && isNameHeading(data);
}

/** A text labelling a value ("Result: 5.6", "value :"). */
export function labelsValue(data: string): boolean {
  // indexOf(":") first: most texts have no colon, and it is far cheaper than the regex.
  return data.length < 4096 && data.indexOf(":") >= 0 && VALUE_LABEL.test(data);
}

/** Whether this block may belong to a result layout not seen before. */
export function mayHoldResults(block: readonly Text[]): boolean {
  const first = block[0];
  const el = first && blockElement(first);
  if (!el) return false;
  const tag = el.tagName;
  if (tag === "PRE" || tag === "DD" || tag === "DT") return true;
  for (const t of block) if (maybeHeading(t.data) || labelsValue(t.data)) return true;
  return false;
}
