// A value cell as printed: "5.6 mmol/L", "5.9 H", "84.1 HH", "122 umol/L (High)",
// "<0.01", "1,204 U/L", "H 7.1". Every word of the cell must be the value, a
// unit or a flag; a cell with any other word ("500 mg twice daily",
// "See report", "Page 2 of 3") is not a value cell.

import { parseFlag } from "./flag";
import type { ParsedFlag, ParsedValueCell } from "./types";
import { isKnownUnit } from "./units";
import { parseValue } from "./value";

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const start = m.index;
    // "7.1%": the percent sign is a unit of its own.
    if (/\d%$/.test(m[0])) {
      out.push({ text: m[0].slice(0, -1), start, end: start + m[0].length - 1 });
      out.push({ text: "%", start: start + m[0].length - 1, end: start + m[0].length });
    } else out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** A unit-shaped token not in the table: letters over letters ("mg/kg"), never plain words. */
function unitLike(text: string): boolean {
  return isKnownUnit(text) || /^(?:x?10[\^eE*]\d+\/|[a-zµμ]+\/)[a-z0-9µμ./{}_^]+$/i.test(text);
}

function span(ts: Token[], from: number, to: number): Token | null {
  const a = ts[from];
  const b = ts[to - 1];
  if (!a || !b || from >= to) return null;
  return { text: "", start: a.start, end: b.end };
}

export function parseValueCell(text: string): ParsedValueCell | null {
  if (text.length > 80) return null;
  let ts = tokens(text);
  if (ts.length === 0 || ts.length > 6) return null;
  let flag: ParsedFlag | null = null;
  // A flag before the value: "H 7.1".
  const lead = ts.length > 1 ? parseFlag(ts[0]?.text ?? "") : null;
  if (lead && parseValue(ts[1]?.text ?? "") !== null) {
    flag = lead;
    ts = ts.slice(1);
  }
  // A comparator printed apart from its number: "< 0.01", "> OR = 60".
  let first = 0;
  let valueEnd = 0;
  let value = null;
  for (let n = 1; n <= Math.min(4, ts.length) && !value; n++) {
    const s = span(ts, 0, n);
    if (!s) break;
    value = parseValue(text.slice(s.start, s.end));
    if (value) valueEnd = n;
  }
  // "5.6*": a mark glued to the value.
  if (!value && ts[0] && /\*$/.test(ts[0].text)) {
    const v = parseValue(ts[0].text.slice(0, -1));
    if (v) {
      value = v;
      valueEnd = 1;
      ts = [{ ...ts[0], end: ts[0].end - 1, text: ts[0].text.slice(0, -1) }, ...ts.slice(1)];
      if (!flag) flag = { text: "*", kind: "marked" };
    }
  }
  if (!value) return null;
  first = valueEnd;
  const valueStart = ts[0]?.start ?? 0;
  let valueStop = ts[valueEnd - 1]?.end ?? 0;
  // A flag at the end: "H", "(H)", "Critical High".
  let last = ts.length;
  for (const n of [2, 1]) {
    if (last - n < first) continue;
    const s = span(ts, last - n, last);
    if (!s) continue;
    const f = parseFlag(text.slice(s.start, s.end));
    if (f) {
      if (flag) return null; // two flags: not a cell we understand
      flag = f;
      last -= n;
      break;
    }
  }
  // Whatever lies between is the unit, one or two tokens ("x 10^3/uL").
  let unit: string | null = null;
  if (last > first) {
    if (last - first > 2) return null;
    const s = span(ts, first, last);
    if (!s) return null;
    const printed = text.slice(s.start, s.end);
    if (!unitLike(printed.replace(/\s+/g, ""))) return null;
    unit = printed;
    valueStop = s.end;
  }
  return { value, unit, flag, valueStart, valueEnd: valueStop };
}
