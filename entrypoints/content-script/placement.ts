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

/**
 * Beside the anchor, to its right, top edges aligned (a result card: placed
 * below, it would cover the next rows' names, which the pointer moves to
 * next); below as usual when there is no room on the right.
 */
export function placeBeside(
  anchor: Box,
  tip: Size,
  viewport: Size,
  gap = 12,
  margin = 8,
): { x: number; y: number } {
  const x = anchor.left + anchor.width + gap;
  if (x + tip.width > viewport.width - margin) return placeTooltip(anchor, tip, viewport);
  const fitted = Math.min(anchor.top - 8, viewport.height - margin - tip.height);
  // Kept on screen while the anchor is; follows it off screen when the page scrolls it away.
  const y =
    anchor.top + anchor.height < 0 || anchor.top > viewport.height ? anchor.top : Math.max(margin, fitted);
  return { x: Math.round(x), y: Math.round(y) };
}
