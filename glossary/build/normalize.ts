// Normal forms for comparisons that must ignore how text was typed.

const SEPARATORS = /[\s\u00a0\u2010-\u2015-]+/g;

/** Key under which a term form is matched on a page (mirrors the matcher's rule). */
export function formKey(form: string, caseSensitive: boolean): string {
  const collapsed = form.replace(SEPARATORS, " ").trim();
  return caseSensitive ? collapsed : collapsed.toLowerCase();
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
