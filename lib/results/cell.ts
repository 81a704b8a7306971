// A value cell as printed: "5.6 mmol/L", "5.9 H", "84.1 HH", "122 umol/L (High)",
// "<0.01", "1,204 U/L", "H 7.1". Every word of the cell must be the value, a
// unit or a flag; a cell with any other word ("500 mg twice daily",
// "See report", "Page 2 of 3") is not a value cell.

import { parseFlag } from "./flag";
import { isDigitCode, isSpaceCode } from "./text";
import type { ParsedFlag, ParsedValueCell } from "./types";
import { isKnownUnit } from "./units";
import { parseValue } from "./value";

interface Token {
  text: string;
  start: number;
  end: number;
}

/** The runs of non-space characters (`/\S+/g`); "7.1%": the percent sign is a unit of its own. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpaceCode(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    if (i - start >= 2 && text.charCodeAt(i - 1) === 37 /* % */ && isDigitCode(text.charCodeAt(i - 2))) {
      out.push({ text: word.slice(0, -1), start, end: i - 1 });
      out.push({ text: "%", start: i - 1, end: i });
    } else out.push({ text: word, start, end: i });
  }
  return out;
}

/** A unit-shaped token not in the table: letters over letters ("mg/kg"), never plain words. */
function unitLike(text: string): boolean {
  return isKnownUnit(text) || /^(?:x?10[\^eE*]\d+\/|[a-zµμ]+\/)[a-z0-9µμ./{}_^]+$/i.test(text);
}

/** `text.replace(/\s+/g, "")`, without a copy when there is no space. */
function withoutSpace(text: string): string {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return text.replace(/\s+/g, "");
  return text;
}

/** The text from token `from` to token `to - 1`, or null when there is no such span. */
function spanText(text: string, ts: Token[], from: number, to: number): string | null {
  const a = ts[from];
  const b = ts[to - 1];
  if (!a || !b || from >= to) return null;
  return text.slice(a.start, b.end);
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
    const s = spanText(text, ts, 0, n);
    if (s === null) break;
    value = parseValue(s);
    if (value) valueEnd = n;
  }
  // "5.6*": a mark glued to the value.
  if (!value && ts[0]?.text.endsWith("*")) {
    const t0 = ts[0];
    const v = parseValue(t0.text.slice(0, -1));
    if (v) {
      value = v;
      valueEnd = 1;
      ts = [{ ...t0, end: t0.end - 1, text: t0.text.slice(0, -1) }, ...ts.slice(1)];
      if (!flag) flag = { text: "*", kind: "marked" };
    }
  }
  if (!value) return null;
  first = valueEnd;
  const valueStart = ts[0]?.start ?? 0;
  let valueStop = ts[valueEnd - 1]?.end ?? 0;
  // A flag at the end: "H", "(H)", "Critical High".
  let last = ts.length;
  for (let n = 2; n >= 1; n--) {
    if (last - n < first) continue;
    const s = spanText(text, ts, last - n, last);
    if (s === null) continue;
    const f = parseFlag(s);
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
    const a = ts[first];
    const b = ts[last - 1];
    if (!a || !b) return null;
    const printed = text.slice(a.start, b.end);
    if (!unitLike(withoutSpace(printed))) return null;
    unit = printed;
    valueStop = b.end;
  }
  return { value, unit, flag, valueStart, valueEnd: valueStop };
}
