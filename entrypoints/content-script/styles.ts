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
/** Firefox does not paint text-decoration in ::highlight(): the underline is a tint there (as in highlight.css). */
const FIREFOX_UNDERLINE =
  "@supports (-moz-appearance: none) { ::highlight(termlens-everyday) { background-color: rgb(26 115 232 / 0.14); } }";

/** The rules that differ from the manifest's default; empty for the defaults. */
export function overrideCss(d: Pick<DisplaySettings, "highlightStyle" | "underlineEveryday">): string {
  const look =
    d.highlightStyle === "background" ? BACKGROUND : d.highlightStyle === "none" ? NONE : UNDERLINE;
  const rules: string[] = [];
  if (d.highlightStyle !== "underline") {
    rules.push(`::highlight(termlens) { ${look} }`, `::highlight(termlens-result) { ${look} }`);
  }
  if (d.underlineEveryday) {
    rules.push(`::highlight(termlens-everyday) { ${look} }`);
    if (look === UNDERLINE) rules.push(FIREFOX_UNDERLINE);
  }
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
        // Nothing to undo, or Firefox (below): emptied instead.
      }
    }
    this.documentSheet.replaceSync("");
    this.shadowSheet.replaceSync("");
  }

  private adopt(target: Document | ShadowRoot, sheet: CSSStyleSheet): void {
    try {
      if (adoptInFirefox(target, sheet)) return;
      if (!target.adoptedStyleSheets.includes(sheet))
        target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
    } catch {
      // A frozen or foreign adoptedStyleSheets: terms still work on hover.
    }
  }
}

/** Firefox's content-script helpers (absent elsewhere). */
type CloneInto = <T>(value: T, scope: object, options?: { wrapReflectors?: boolean }) => T;
type Waived = { adoptedStyleSheets: CSSStyleSheet[] };
const adoptedInFirefox = new WeakMap<Document | ShadowRoot, Set<CSSStyleSheet>>();

/**
 * Firefox: a content script sees `adoptedStyleSheets` through an Xray wrapper
 * that can neither read nor set it ("not iterable", "Accessing from Xray
 * wrapper is not supported"), so terms in open shadow roots and the other
 * highlight looks went unstyled. The page's own view of the document or
 * shadow root (wrappedJSObject) takes an array cloned into the page, our
 * sheet wrapped for it (cloneInto, wrapReflectors). Returns false where
 * there is no such API (Chromium).
 */
function adoptInFirefox(target: Document | ShadowRoot, sheet: CSSStyleSheet): boolean {
  const cloneInto = (globalThis as { cloneInto?: CloneInto }).cloneInto;
  const waived = (target as unknown as { wrappedJSObject?: Waived }).wrappedJSObject;
  if (typeof cloneInto !== "function" || !waived) return false;
  const ours = adoptedInFirefox.get(target) ?? new Set();
  if (ours.has(sheet)) return true;
  const doc = "defaultView" in target ? target : target.ownerDocument;
  const scope = doc.defaultView;
  if (!scope) return true;
  const current = Array.from(waived.adoptedStyleSheets);
  waived.adoptedStyleSheets = cloneInto([...current, sheet], scope, { wrapReflectors: true });
  ours.add(sheet);
  adoptedInFirefox.set(target, ours);
  return true;
}
