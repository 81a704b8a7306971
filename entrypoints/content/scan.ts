// Collects the page's text as blocks of text nodes that a reader sees as one
// run of words, so "<b>skin</b> necrosis" is matched as one phrase. Reads no
// layout: grouping is decided from tag names alone.

export type TextBlock = Text[];

// Inline elements continue the current block; any other element ends it.
const INLINE = new Set([
  "A", "ABBR", "B", "BDI", "BDO", "BIG", "CITE", "CODE", "DATA", "DEL", "DFN", "EM", "FONT", "I", "INS",
  "KBD", "LABEL", "MARK", "NOBR", "Q", "S", "SAMP", "SMALL", "SPAN", "STRONG", "SUB", "SUP", "TIME",
  "TT", "U", "VAR",
]);

// Never read: code, form fields, our own UI.
const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "INPUT", "SELECT", "OPTION", "BUTTON",
  "IFRAME", "OBJECT", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "TERMLENS-TOOLTIP",
]);

function blockOf(text: Text): Node | null {
  let p = text.parentNode;
  while (p && p.nodeType === Node.ELEMENT_NODE && INLINE.has((p as Element).tagName)) p = p.parentNode;
  return p;
}

function isEditable(el: Element): boolean {
  const v = el.getAttribute("contenteditable");
  return v !== null && v !== "false";
}

/**
 * Walks `root` in document order and returns its text blocks. Open shadow
 * roots found on the way are walked too (their blocks follow their host's).
 */
export function collectBlocks(root: Node, out: TextBlock[] = []): TextBlock[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      return SKIP.has(el.tagName.toUpperCase()) || isEditable(el)
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    },
  });
  let block: TextBlock = [];
  let blockParent: Node | null = null;
  const flush = () => {
    if (block.length > 0) out.push(block);
    block = [];
  };
  const shadows: ShadowRoot[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.length === 0) continue;
      // Leaving a nested block ("<div>a<div>b</div>c</div>") ends the run too.
      const parent = blockOf(text);
      if (parent !== blockParent) flush();
      blockParent = parent;
      block.push(text);
      continue;
    }
    const el = node as Element;
    if (!INLINE.has(el.tagName)) flush();
    if (el.shadowRoot) shadows.push(el.shadowRoot);
  }
  flush();
  for (const shadow of shadows) collectBlocks(shadow, out);
  return out;
}
