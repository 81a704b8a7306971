// A printed reference range: "2.5 - 4.5", "2.5–4.5 mg/dL", "0.0 to 1.2",
// "<150", ">=60", "> OR = 60", "Low 64 High 104", "Low High 64 104". The
// whole text must be the range (a unit may follow); anything else is not one,
// and a range whose low end is above its high end is refused.

import { COMPARATOR_SOURCE, NUMBER_SOURCE, numeralValue, parseComparator, startsNumeral } from "./numbers";
import { squeezeSpace } from "./text";
import type { ParsedRange, RangeEnd } from "./types";
import { isKnownUnit } from "./units";

const N = `(${NUMBER_SOURCE})`;
// A unit after the numbers: one token, or "x 10^3/uL"-like two tokens; checked against the table.
const UNIT = String.raw`(?:\s+(\S+(?:\s\S+)?))?`;
const TWO_SIDED = new RegExp(`^${N}\\s*(?:-|–|—|to)\\s*${N}${UNIT}$`, "i");
const ONE_SIDED = new RegExp(`^(${COMPARATOR_SOURCE})\\s*${N}${UNIT}$`, "i");
const LOW_HIGH = new RegExp(`^low\\s*:?\\s*high\\s*:?\\s+${N}\\s+${N}${UNIT}$`, "i");
const LOW_N_HIGH_N = new RegExp(`^low\\s*:?\\s*${N}\\s*[,;]?\\s*high\\s*:?\\s*${N}${UNIT}$`, "i");

function unitOk(unit: string | undefined): boolean {
  return unit === undefined || isKnownUnit(unit) || /^[a-zµμ%]+\/[a-z0-9µμ./{}_^]+$/i.test(unit);
}

function twoEnds(text: string, a: string, b: string, unit: string | undefined): ParsedRange | null {
  // Both matched NUMBER_SOURCE whole.
  const lo = numeralValue(a);
  const hi = numeralValue(b);
  if (lo === null || hi === null || lo > hi || !unitOk(unit)) return null;
  return {
    text,
    low: { value: lo, text: a.trim(), inclusive: true },
    high: { value: hi, text: b.trim(), inclusive: true },
    unit: unit ?? null,
  };
}

export function parseRange(printed: string): ParsedRange | null {
  const text = squeezeSpace(printed);
  if (text.length === 0 || text.length > 60) return null;
  // Each pattern is tried only when the first character can start it.
  const c = text.charCodeAt(0);
  const low = (c | 32) === 108; /* "l", "L": Low … High … */
  let m =
    (startsNumeral(c) ? TWO_SIDED.exec(text) : null) ??
    (low ? (LOW_HIGH.exec(text) ?? LOW_N_HIGH_N.exec(text)) : null);
  if (m) return twoEnds(printed.trim(), m[1] ?? "", m[2] ?? "", m[3]);
  m = ONE_SIDED.exec(text);
  if (!m) return null;
  const comparator = parseComparator(m[1] ?? "");
  const value = numeralValue(m[2] ?? "");
  if (!comparator || value === null || !unitOk(m[3])) return null;
  const end: RangeEnd = {
    value,
    text: (m[2] ?? "").trim(),
    inclusive: comparator === "<=" || comparator === ">=",
  };
  const below = comparator === "<" || comparator === "<=";
  return { text: printed.trim(), low: below ? null : end, high: below ? end : null, unit: m[3] ?? null };
}
