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

/**
 * A frame's card in the top window: just outside the frame's box (below,
 * above, right or left of it, whichever fits nearest the term, within
 * `reach`), so it covers none of the frame's terms; `over` when there is no
 * such room and it goes beside the term by `placement`, over the frame.
 */
export function placeOutside(
  anchor: Box,
  frame: Box,
  tip: Size,
  viewport: Size,
  placement = placeTooltip,
  gap = 6,
  margin = 8,
  reach = 240,
): { x: number; y: number; over: boolean } {
  const right = frame.left + frame.width;
  const bottom = frame.top + frame.height;
  const x = Math.max(margin, Math.min(anchor.left, viewport.width - margin - tip.width));
  const y = Math.max(margin, Math.min(anchor.top - 8, viewport.height - margin - tip.height));
  // [x, y, distance from the term, fits in the viewport]
  const sides: [number, number, number, boolean][] = [
    [
      x,
      bottom + gap,
      bottom - anchor.top - anchor.height,
      bottom + gap + tip.height <= viewport.height - margin,
    ],
    [x, frame.top - gap - tip.height, anchor.top - frame.top, frame.top - gap - tip.height >= margin],
    [right + gap, y, right - anchor.left - anchor.width, right + gap + tip.width <= viewport.width - margin],
    [frame.left - gap - tip.width, y, anchor.left - frame.left, frame.left - gap - tip.width >= margin],
  ];
  const best = sides.filter((s) => s[3] && s[2] <= reach).sort((a, b) => a[2] - b[2])[0];
  if (best) return { x: Math.round(best[0]), y: Math.round(best[1]), over: false };
  return { ...placement(anchor, tip, viewport), over: true };
}
