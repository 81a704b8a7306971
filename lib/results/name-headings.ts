// The column headings that name the tests (Component, Test, Analyte…): the
// anchor the row finder looks for, and what the content script's cheap
// per-block test (candidate.ts) asks about. That test bundles this file and
// not the whole table of headings (headers.ts), so the content script stays
// small.

export const NAME_HEADINGS = [
  "component",
  "components",
  "test",
  "tests",
  "test name",
  "test description",
  "analyte",
  "investigation",
  "parameter",
  "lab test",
] as const;

const NAMES: ReadonlySet<string> = new Set(NAME_HEADINGS);

const squeeze = (text: string) => text.trim().replace(/\s+/g, " ");

/**
 * A heading's key: spaces squeezed (by `squeeze`, which must equal
 * trim-and-collapse), lower case, a trailing colon dropped; "" when the text
 * is too long to be a heading.
 */
export function headingKey(text: string, squeezeSpace = squeeze): string {
  let key = squeezeSpace(text);
  // Longer than the longest heading with " :" after it: not a heading.
  if (key.length === 0 || key.length > 26) return "";
  key = key.toLowerCase();
  if (key.charCodeAt(key.length - 1) === 58 /* ":" */) key = key.slice(0, key.endsWith(" :") ? -2 : -1);
  return key.length > 24 ? "" : key;
}

/** A quick test for a text that is a "name" heading. */
export function isNameHeading(text: string): boolean {
  return NAMES.has(headingKey(text));
}
