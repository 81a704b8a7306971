// Flags as labs print them (H, L, HH, LL, A, High, Low, Abnormal, Critical,
// "*"), and what each means in plain words. A critical flag's explanation
// says to follow the lab's or care team's instructions, and nothing more.

import { squeezeSpace } from "./text";
import type { FlagKind, ParsedFlag } from "./types";

const KINDS: Record<string, FlagKind> = {
  h: "high",
  hi: "high",
  high: "high",
  "+": "high",
  l: "low",
  lo: "low",
  low: "low",
  "-": "low",
  hh: "critical-high",
  "h*": "critical-high",
  "critical high": "critical-high",
  "crit high": "critical-high",
  "high critical": "critical-high",
  "panic high": "critical-high",
  ll: "critical-low",
  "l*": "critical-low",
  "critical low": "critical-low",
  "crit low": "critical-low",
  "low critical": "critical-low",
  "panic low": "critical-low",
  c: "critical",
  aa: "critical",
  crit: "critical",
  critical: "critical",
  panic: "critical",
  a: "abnormal",
  abn: "abnormal",
  abnormal: "abnormal",
  "*": "marked",
};

// Single letters are flags only in capitals ("l" alone is not "L").
const CAPITALS_ONLY = new Set(["h", "l", "a", "c", "hh", "ll", "aa", "hi", "lo", "h*", "l*"]);

/** `/^[([](.*)[)\]]$/`: in round or square brackets (any mix), nothing after, no line break within. */
function isBracketed(t: string): boolean {
  const n = t.length;
  if (n < 2) return false;
  const open = t.charCodeAt(0);
  const close = t.charCodeAt(n - 1);
  if ((open !== 40 && open !== 91) || (close !== 41 && close !== 93)) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = t.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}

/** A printed flag, with or without brackets: "H", "(H)", "[LL]", "Critical High", "*". */
export function parseFlag(text: string): ParsedFlag | null {
  let t = text.trim();
  const bracketed = isBracketed(t);
  if (bracketed) t = t.slice(1, -1).trim();
  if (t.length === 0 || t.length > 16) return null;
  const key = squeezeSpace(t.toLowerCase());
  const kind = KINDS[key];
  if (!kind) return null;
  if (CAPITALS_ONLY.has(key) && t !== t.toUpperCase()) return null;
  // "+"/"-" only in brackets: bare, they are signs or dashes.
  if ((key === "+" || key === "-") && !bracketed) return null;
  return { text: t, kind };
}

const MEANING: Record<FlagKind, string> = {
  high: "the lab marked it as higher than its range",
  low: "the lab marked it as lower than its range",
  "critical-high": "the lab marked it as critically high",
  "critical-low": "the lab marked it as critically low",
  critical: "the lab marked it as a critical result",
  abnormal: "the lab marked it as abnormal",
  marked: "the lab marked this result; the report's key says what the mark means",
};

export function isCritical(flag: ParsedFlag): boolean {
  return flag.kind === "critical" || flag.kind === "critical-high" || flag.kind === "critical-low";
}

/** "H means the lab marked it as higher than its range." */
export function flagExplanation(flag: ParsedFlag): string {
  const sentence = `${flag.text} means ${MEANING[flag.kind]}.`;
  return isCritical(flag) ? `${sentence} Follow the lab's or your care team's instructions.` : sentence;
}
