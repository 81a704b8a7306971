// A printed value: a number with an optional comparator ("<0.01", "> 90",
// "1,204"). The whole text must be the value; anything else is not one.

import {
  COMPARATOR_SOURCE,
  isNumeral,
  NUMBER_SOURCE,
  numeralValue,
  parseComparator,
  startsNumeral,
} from "./numbers";
import type { ParsedValue } from "./types";

const VALUE = new RegExp(`^(${COMPARATOR_SOURCE})?\\s*(${NUMBER_SOURCE})$`, "i");

export function parseValue(text: string): ParsedValue | null {
  const t = text.trim();
  const c = t.charCodeAt(0);
  // No comparator starts with what a numeral starts with: then the value is
  // the numeral alone, read without the pattern.
  if (startsNumeral(c)) {
    const number = isNumeral(t) ? numeralValue(t) : null;
    return number === null ? null : { text: t, number, comparator: null };
  }
  // A comparator starts with <, =, ≤, >, ≥, "less", "greater".
  const letter = c | 32;
  if (
    !(c === 60 || c === 61 || c === 62 || c === 0x2264 || c === 0x2265 || letter === 108 || letter === 103)
  ) {
    return null;
  }
  const m = VALUE.exec(t);
  if (!m) return null;
  // The group matched NUMBER_SOURCE whole: no need to test it again.
  const number = numeralValue(m[2] ?? "");
  if (number === null) return null;
  const comparator = m[1] ? parseComparator(m[1]) : null;
  if (m[1] && !comparator) return null;
  return { text: t, number, comparator };
}
