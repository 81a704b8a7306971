// A value and its range written together, as definition lists and EHR
// narratives print them: "13.2 g/dL (Normal range: 12.0 - 15.5 g/dL)",
// "52 nmol/L, reference range >50 nmol/L", and a range on its own behind
// a label: "Reference range: 15 - 150 ng/mL", "Reference range : Low High 64 104".

import { parseValueCell } from "./cell";
import { parseRange } from "./range";
import type { ParsedRange, ParsedValueCell } from "./types";

/** A range's label: "Normal range:", "Reference range :", "Ref. interval", "Range:". */
export const RANGE_LABEL =
  /(?:(?:normal|reference|ref\.?|standard)\s+(?:range|interval|values?)|\brange)\s*:?\s*/i;

export interface LabelledRange {
  range: ParsedRange;
  /** Where the printed range (label excluded) sits in the text. */
  start: number;
  end: number;
}

/** "Reference range: 15 - 150 ng/mL" (the label is required), optionally in brackets. */
export function parseLabelledRange(text: string): LabelledRange | null {
  const inner = /^\s*\(?\s*/.exec(text)?.[0].length ?? 0;
  const label = RANGE_LABEL.exec(text.slice(inner));
  if (label?.index !== 0) return null;
  return rangeAt(text, inner + label[0].length, true);
}

function rangeAt(text: string, from: number, bracketAllowed: boolean): LabelledRange | null {
  let end = text.length;
  const tail = text.slice(from);
  const close = /\)\s*\.?\s*$/.exec(tail);
  if (close && bracketAllowed) end = from + close.index;
  const printed = text.slice(from, end);
  const range = parseRange(printed);
  if (!range) return null;
  const lead = printed.length - printed.trimStart().length;
  return { range, start: from + lead, end: from + lead + printed.trim().length };
}

export interface ValueWithRange {
  cell: ParsedValueCell;
  /** Where the value cell starts in the text (cell offsets are relative to it). */
  cellStart: number;
  range: LabelledRange | null;
}

/**
 * A value, then optionally a range: behind a label, in brackets, or after a
 * comma or semicolon with a label. Everything in the text must be one of these.
 */
export function parseValueWithRange(text: string): ValueWithRange | null {
  const whole = parseValueCell(text);
  if (whole) return { cell: whole, cellStart: 0, range: null };
  const label = RANGE_LABEL.exec(text);
  let headEnd: number;
  let range: LabelledRange | null;
  if (label) {
    // "13.2 g/dL (Normal range: 12.0 - 15.5)", "52 nmol/L, reference range >50", "122 umol/L (High) Range: …"
    const head = /[\s,;(]*$/.exec(text.slice(0, label.index));
    headEnd = label.index - (head?.[0].length ?? 0);
    const opened = head?.[0].includes("(") ?? false;
    range = rangeAt(text, label.index + label[0].length, opened);
  } else {
    // "13.2 g/dL (12.0 - 15.5)"
    const bracket = text.lastIndexOf("(");
    if (bracket < 0) return null;
    headEnd = bracket;
    range = rangeAt(text, bracket + 1, true);
  }
  if (!range) return null;
  const cell = parseValueCell(text.slice(0, headEnd));
  return cell ? { cell, cellStart: 0, range } : null;
}
