// Numbers as lab reports print them: decimals, thousands separators ("1,204"),
// a leading minus. A comma followed by anything but groups of three digits is
// not a thousands separator ("1,5" is refused rather than guessed).

import { isDigitCode, squeezeSpace } from "./text";
import type { Comparator } from "./types";

/** One printed number, anchored nowhere: combine with ^…$ or other parts. */
export const NUMBER_SOURCE = String.raw`[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;

/** The number a printed numeral stands for, or null when it is not exactly one numeral. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  return isNumeral(t) ? numeralValue(t) : null;
}

/** A character a numeral can start with: a digit, ".", "-", "−". */
export function startsNumeral(c: number): boolean {
  return isDigitCode(c) || c === 46 || c === 45 || c === 0x2212;
}

/** Digits from `i` on: the index after the last. */
function digitsFrom(t: string, i: number): number {
  while (i < t.length && isDigitCode(t.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether the whole text is one numeral: `^${NUMBER_SOURCE}$`, read by hand
 * (an optional minus, then ".5", "12", "12.5", or "1,204" / "1,204.5" with
 * every comma followed by exactly three digits).
 */
export function isNumeral(t: string): boolean {
  const n = t.length;
  let i = 0;
  const sign = t.charCodeAt(0);
  if (sign === 45 || sign === 0x2212) i++;
  if (t.charCodeAt(i) === 46 /* . */) {
    const end = digitsFrom(t, i + 1);
    return end > i + 1 && end === n;
  }
  const start = i;
  i = digitsFrom(t, i);
  if (i === start) return false;
  if (t.charCodeAt(i) === 44 /* , */) {
    if (i - start > 3) return false;
    while (t.charCodeAt(i) === 44) {
      const group = isDigitCode(t.charCodeAt(i + 1)) && isDigitCode(t.charCodeAt(i + 2));
      if (!group || !isDigitCode(t.charCodeAt(i + 3))) return false;
      i += 4;
      if (isDigitCode(t.charCodeAt(i))) return false;
    }
  }
  if (t.charCodeAt(i) === 46) {
    const end = digitsFrom(t, i + 1);
    if (end === i + 1) return false;
    i = end;
  }
  return i === n;
}

/** The number of a text already known to be one numeral (NUMBER_SOURCE, whole). */
export function numeralValue(t: string): number | null {
  const plain = t.indexOf(",") < 0 && t.indexOf("−") < 0;
  const n = Number(plain ? t : t.replace(/,/g, "").replace("−", "-"));
  return Number.isFinite(n) ? n : null;
}

/** Comparators as printed: <, <=, ≤, =<, > OR =, "less than or equal to", … */
export const COMPARATOR_SOURCE = String.raw`(?:<\s*=|=\s*<|<\s*or\s*=|≤|<|>\s*=|=\s*>|>\s*or\s*=|≥|>|less\s+than\s+or\s+equal\s+to|less\s+than|greater\s+than\s+or\s+equal\s+to|greater\s+than)`;

// The comparators' spellings once lower-cased and spaced as parseComparator does.
const AT_MOST = new Set([
  "<=",
  "< =",
  "=<",
  "= <",
  "<or=",
  "< or=",
  "<or =",
  "< or =",
  "≤",
  "less than or equal to",
]);
const AT_LEAST = new Set([
  ">=",
  "> =",
  "=>",
  "= >",
  ">or=",
  "> or=",
  ">or =",
  "> or =",
  "≥",
  "greater than or equal to",
]);

export function parseComparator(text: string): Comparator | null {
  const t = squeezeSpace(text.toLowerCase());
  if (t === "<" || t === "less than") return "<";
  if (t === ">" || t === "greater than") return ">";
  if (AT_MOST.has(t)) return "<=";
  if (AT_LEAST.has(t)) return ">=";
  return null;
}
