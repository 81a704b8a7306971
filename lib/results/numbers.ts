// Numbers as lab reports print them: decimals, thousands separators ("1,204"),
// a leading minus. A comma followed by anything but groups of three digits is
// not a thousands separator ("1,5" is refused rather than guessed).

import type { Comparator } from "./types";

/** One printed number, anchored nowhere: combine with ^…$ or other parts. */
export const NUMBER_SOURCE = String.raw`[-−]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;

const WHOLE_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`);

/** The number a printed numeral stands for, or null when it is not exactly one numeral. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!WHOLE_NUMBER.test(t)) return null;
  const n = Number(t.replace(/,/g, "").replace("−", "-"));
  return Number.isFinite(n) ? n : null;
}

/** Comparators as printed: <, <=, ≤, =<, > OR =, "less than or equal to", … */
export const COMPARATOR_SOURCE = String.raw`(?:<\s*=|=\s*<|<\s*or\s*=|≤|<|>\s*=|=\s*>|>\s*or\s*=|≥|>|less\s+than\s+or\s+equal\s+to|less\s+than|greater\s+than\s+or\s+equal\s+to|greater\s+than)`;

export function parseComparator(text: string): Comparator | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "<" || t === "less than") return "<";
  if (t === ">" || t === "greater than") return ">";
  if (/^(?:< ?=|= ?<|< ?or ?=|≤|less than or equal to)$/.test(t)) return "<=";
  if (/^(?:> ?=|= ?>|> ?or ?=|≥|greater than or equal to)$/.test(t)) return ">=";
  return null;
}
