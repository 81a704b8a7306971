// From glossary patterns to the serialized form: normalize each pattern once,
// and drop the ones that can never win (the first pattern accepting a span
// wins, so a later duplicate of a case-insensitive form is dead weight).
import { normalizeForm } from "./chars";
import type { MatchPattern, SerializedIndex } from "./types";

export const FORMAT = "termlens-match";
export const VERSION = 1;

export function prepare(patterns: readonly MatchPattern[]): SerializedIndex {
  const ids: string[] = [];
  const idIndex = new Map<string, number>();
  const forms: string[] = [];
  const meta: number[] = [];
  // folded form -> exact forms already taken ("" marks a case-insensitive one)
  const taken = new Map<string, Set<string>>();
  for (const p of patterns) {
    const exact = normalizeForm(p.text, true);
    if (exact === "") continue;
    const folded = normalizeForm(exact);
    let seen = taken.get(folded);
    if (seen === undefined) {
      seen = new Set();
      taken.set(folded, seen);
    }
    if (seen.has("") || (p.caseSensitive && seen.has(exact))) continue;
    seen.add(p.caseSensitive ? exact : "");
    let id = idIndex.get(p.id);
    if (id === undefined) {
      id = ids.length;
      ids.push(p.id);
      idIndex.set(p.id, id);
    }
    forms.push(p.caseSensitive ? exact : folded);
    meta.push(id * 2 + (p.caseSensitive ? 1 : 0));
  }
  return { format: FORMAT, version: VERSION, ids, forms: forms.join("\n"), meta };
}
