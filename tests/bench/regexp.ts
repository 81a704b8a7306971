// The baseline most extensions use: one case-insensitive alternation of all
// terms, longest first, between \b word boundaries.
export function alternation(terms: readonly string[]): RegExp {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const body = sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");
  return new RegExp(`\\b(?:${body})\\b`, "gi");
}

export function countRegExp(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}
