// A printed value: a number with an optional comparator ("<0.01", "> 90",
// "1,204"). The whole text must be the value; anything else is not one.

import { COMPARATOR_SOURCE, NUMBER_SOURCE, parseComparator, parseNumber } from "./numbers";
import type { ParsedValue } from "./types";

const VALUE = new RegExp(`^(${COMPARATOR_SOURCE})?\\s*(${NUMBER_SOURCE})$`, "i");

export function parseValue(text: string): ParsedValue | null {
  const t = text.trim();
  const m = VALUE.exec(t);
  if (!m) return null;
  const number = parseNumber(m[2] ?? "");
  if (number === null) return null;
  const comparator = m[1] ? parseComparator(m[1]) : null;
  if (m[1] && !comparator) return null;
  return { text: t, number, comparator };
}
