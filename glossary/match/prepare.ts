// From glossary patterns to the forms of the serialized index: normalize each
// pattern once, and drop the ones that can never win (the first pattern
// accepting a span wins, so a later duplicate of a case-insensitive form is
// dead weight). tabulate.ts then builds the tables from the forms.
import { normalizeForm } from "./chars";
import type { MatchPattern, SerializedIndex } from "./types";

export const FORMAT = "termlens-match";
/** 2: the tables ship built (tabulate.ts); 1 shipped the forms only. */
export const VERSION = 2;

/** Joins the forms in SerializedIndex.forms; never part of a normalized form. */
export const FORM_SEPARATOR = "\t";

/** The part of the serialized index that the tables are built from. */
export type PreparedForms = Pick<SerializedIndex, "ids" | "forms" | "meta">;

export function prepare(patterns: readonly MatchPattern[]): PreparedForms {
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
  return { ids, forms: forms.join(FORM_SEPARATOR), meta };
}

/** The forms of SerializedIndex.forms, one per pattern. */
export function splitForms(forms: string): string[] {
  return forms === "" ? [] : forms.split(FORM_SEPARATOR);
}
