// Normal forms for comparisons that must ignore how text was typed.
import { normalizeForm } from "../match/index";

/**
 * Key under which a term form is matched on a page: the matcher's own
 * normalization (ignorables such as soft hyphens and zero-width characters
 * removed, apostrophes unified, each run of spaces and hyphens one gap, case
 * folded unless case-sensitive), so two forms the matcher cannot tell apart
 * always collide here.
 */
export function formKey(form: string, caseSensitive: boolean): string {
  return normalizeForm(form, caseSensitive);
}

/** Whitespace and quote style do not count when checking a quote against its source. */
export function normalizeQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
