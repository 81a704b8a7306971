// ::highlight() rules from the document's stylesheets do not reach into a
// shadow tree, so each open shadow root we read gets the same rules as an
// adopted stylesheet. Adopted sheets are not part of the page's markup.

import css from "./highlight.css?inline";

let sheet: CSSStyleSheet | null = null;

export function adoptHighlightStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(css);
    if (!root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A frozen or foreign adoptedStyleSheets: the terms still work on hover.
  }
}
