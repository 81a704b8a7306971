// Where the tooltip goes: below the term, its left edge at the term's (the
// reading direction), flipped above when it fits there better, and shifted
// to stay a small margin inside the viewport. Pure: rectangles in, a point out.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The tooltip's top-left corner, in viewport pixels. */
export function placeTooltip(
  anchor: Box,
  tip: Size,
  viewport: Size,
  gap = 6,
  margin = 8,
): { x: number; y: number } {
  const below = anchor.top + anchor.height + gap;
  const above = anchor.top - gap - tip.height;
  const roomBelow = viewport.height - margin - below;
  const roomAbove = anchor.top - gap - margin;
  const y = tip.height <= roomBelow || roomBelow >= roomAbove ? below : above;
  const maxX = viewport.width - margin - tip.width;
  const x = Math.max(margin, Math.min(anchor.left, maxX));
  // Vertically it follows the term, even off screen when the page scrolls it away.
  return { x: Math.round(x), y: Math.round(y) };
}
