// Where to draw a range and a value on a number line from 0 (left) to 1
// (right). A two-sided range takes the middle half (0.25 to 0.75); a
// one-sided range runs from its printed end (at 0.5) off the edge on its
// side, drawn open. A value that falls off the line is clamped to the edge,
// with the direction it went, so the card can draw an arrow and say so.
// Nothing here invents an end the lab did not print.

import type { ParsedRange, ParsedValue } from "./types";

export interface NumberLine {
  /** The drawn range: start and end in 0..1. */
  rangeStart: number;
  rangeEnd: number;
  /** Printed ends and where they sit (null for an open side). */
  low: { position: number; label: string } | null;
  high: { position: number; label: string } | null;
  /** The value's position in 0..1 (clamped). */
  value: number;
  /** Set when the value lies beyond the drawn line: drawn at the edge with an arrow. */
  offscale: "above" | "below" | null;
}

const EDGE = 0.04; // a clamped value is drawn this far inside the edge

function place(pos: number): { value: number; offscale: NumberLine["offscale"] } {
  if (!Number.isFinite(pos))
    return { value: pos > 0 ? 1 - EDGE : EDGE, offscale: pos > 0 ? "above" : "below" };
  if (pos > 1 - EDGE) return { value: 1 - EDGE, offscale: pos > 1 ? "above" : null };
  if (pos < EDGE) return { value: EDGE, offscale: pos < 0 ? "below" : null };
  return { value: pos, offscale: null };
}

export function numberLine(value: ParsedValue, range: ParsedRange | null): NumberLine | null {
  if (!range) return null;
  const v = value.number;
  const { low, high } = range;
  if (low && high) {
    const width = high.value - low.value;
    if (width < 0) return null;
    if (width === 0) {
      // A single-number range: the number in the middle, a fixed scale around it.
      const scale = Math.abs(low.value) || 1;
      const p = place(0.5 + ((v - low.value) / scale) * 0.25);
      return {
        rangeStart: 0.5,
        rangeEnd: 0.5,
        low: { position: 0.5, label: low.text },
        high: null,
        ...p,
      };
    }
    const p = place(0.25 + ((v - low.value) / width) * 0.5);
    return {
      rangeStart: 0.25,
      rangeEnd: 0.75,
      low: { position: 0.25, label: low.text },
      high: { position: 0.75, label: high.text },
      ...p,
    };
  }
  const end = low ?? high;
  if (!end) return null;
  // One printed end at the middle; half the line stands for the end's own size.
  const scale = Math.abs(end.value) || Math.abs(v) || 1;
  const p = place(0.5 + ((v - end.value) / scale) * 0.5);
  return low
    ? { rangeStart: 0.5, rangeEnd: 1, low: { position: 0.5, label: end.text }, high: null, ...p }
    : { rangeStart: 0, rangeEnd: 0.5, low: null, high: { position: 0.5, label: end.text }, ...p };
}
