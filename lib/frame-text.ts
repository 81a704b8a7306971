// Whether a frame holds any text to read. The gate asks before it has the
// content script injected into a subframe: the empty about:blank and srcdoc
// frames that ad and tracking scripts create by the dozen would each cost an
// index and a script evaluation, for nothing. A frame filled in later is
// watched and starts when its first words arrive.

/** Text that never reaches a reader in the page itself. */
const CODE = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TITLE"]);

function readable(text: Text): boolean {
  const parent = text.parentNode;
  if (parent && parent.nodeType === Node.ELEMENT_NODE && CODE.has((parent as Element).tagName.toUpperCase()))
    return false;
  return /\S/.test(text.data);
}

/**
 * A host of a shadow root, or a custom element (which may attach one later):
 * its text is out of this document's reach and its changes out of the
 * observer's, so it counts as text.
 */
function hostsShadow(el: Element): boolean {
  return el.shadowRoot !== null || el.localName.includes("-");
}

/** Whether `root` is or holds a text node with a visible character, or a shadow host (stops at the first). */
export function hasReadableText(root: Node): boolean {
  if (root.nodeType === Node.TEXT_NODE) return readable(root as Text);
  if (root.nodeType === Node.ELEMENT_NODE && hostsShadow(root as Element)) return true;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE ? readable(n as Text) : hostsShadow(n as Element)) return true;
  }
  return false;
}

/**
 * Calls `onText` once, as soon as `doc` holds readable text: at once if it
 * does now, else when a change adds some. Returns a function that stops
 * watching. Only what a change adds is looked at, so a frame that keeps
 * changing without text costs little.
 */
export function whenTextAppears(doc: Document, onText: () => void): () => void {
  if (hasReadableText(doc)) {
    onText();
    return () => {};
  }
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const found =
        r.type === "characterData" ? hasReadableText(r.target) : [...r.addedNodes].some(hasReadableText);
      if (found) {
        observer.disconnect();
        onText();
        return;
      }
    }
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
