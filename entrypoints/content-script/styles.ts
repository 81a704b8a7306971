// Highlight styles. The manifest injects the default look (public/highlight.css).
// Other choices (soft background, none, everyday words underlined) come as a
// constructed stylesheet adopted by the document: no element or attribute
// is added to the page. ::highlight() rules in the document do not reach
// into shadow trees, so each open shadow root we read adopts its own sheet
// with the base rules plus the same choices.

import type { DisplaySettings } from "../../lib/settings";
import baseCss from "../../public/highlight.css?inline";

const UNDERLINE =
  "text-decoration: underline dotted; text-decoration-color: #1a73e8; text-decoration-thickness: 1.5px; text-underline-offset: 2px;";
const BACKGROUND = "text-decoration: none; background-color: rgb(255 214 10 / 0.35);";
const NONE = "text-decoration: none; background-color: transparent;";

/** The rules that differ from the manifest's default; empty for the defaults. */
export function overrideCss(d: Pick<DisplaySettings, "highlightStyle" | "underlineEveryday">): string {
  const look =
    d.highlightStyle === "background" ? BACKGROUND : d.highlightStyle === "none" ? NONE : UNDERLINE;
  const rules: string[] = [];
  if (d.highlightStyle !== "underline") {
    rules.push(`::highlight(termlens) { ${look} }`, `::highlight(termlens-result) { ${look} }`);
  }
  if (d.underlineEveryday) rules.push(`::highlight(termlens-everyday) { ${look} }`);
  return rules.join("\n");
}

export class HighlightStyles {
  private readonly documentSheet = new CSSStyleSheet();
  private readonly shadowSheet = new CSSStyleSheet();
  private adoptedByDocument = false;

  constructor(private readonly doc: Document) {
    this.shadowSheet.replaceSync(baseCss);
  }

  apply(settings: DisplaySettings): void {
    const css = overrideCss(settings);
    this.documentSheet.replaceSync(css);
    this.shadowSheet.replaceSync(`${baseCss}\n${css}`);
    // Adopt only when needed, so pages of users with the defaults see no sheet at all.
    if (css && !this.adoptedByDocument) this.adopt(this.doc, this.documentSheet);
    this.adoptedByDocument ||= !!css;
  }

  adoptInShadow(root: ShadowRoot): void {
    this.adopt(root, this.shadowSheet);
  }

  remove(): void {
    for (const target of [this.doc]) {
      try {
        target.adoptedStyleSheets = target.adoptedStyleSheets.filter((s) => s !== this.documentSheet);
      } catch {
        // Nothing to undo.
      }
    }
    this.shadowSheet.replaceSync("");
  }

  private adopt(target: Document | ShadowRoot, sheet: CSSStyleSheet): void {
    try {
      if (!target.adoptedStyleSheets.includes(sheet))
        target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    } catch {
      // A frozen or foreign adoptedStyleSheets: terms still work on hover.
    }
  }
}
