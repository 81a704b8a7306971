// Finds the text under the pointer. The caret APIs snap to the nearest caret
// even in empty space, so a hit is confirmed against the range's own boxes.

export interface Caret {
  node: Node;
  offset: number;
}

type CaretPositionDoc = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
};

export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): Caret | null {
  const d = doc as CaretPositionDoc;
  if (typeof d.caretPositionFromPoint === "function") {
    const pos = d.caretPositionFromPoint(x, y, { shadowRoots });
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The client rect of `range` that contains the point (with a little slack). */
export function rectAt(range: Range, x: number, y: number, slack = 1): DOMRect | null {
  for (const r of range.getClientRects()) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return r;
  }
  return null;
}
