import { describe, expect, it } from "vitest";
import { placeBeside, placeOutside, placeTooltip } from "../../entrypoints/content-script/placement";

const viewport = { width: 1000, height: 800 };
const tip = { width: 300, height: 200 };
const at = (left: number, top: number) => ({ left, top, width: 80, height: 20 });

describe("placeTooltip", () => {
  it.each([
    ["below the term, its left edge at the term's", at(100, 100), { x: 100, y: 126 }],
    ["above when there is no room below and more above", at(100, 700), { x: 100, y: 494 }],
    ["below when neither side fits but below has more room", at(100, 300), { x: 100, y: 326 }],
    ["shifted left to stay inside the right margin", at(900, 100), { x: 692, y: 126 }],
    ["never past the left margin", at(-50, 100), { x: 8, y: 126 }],
    ["following a term scrolled above the viewport", at(100, -120), { x: 100, y: -94 }],
  ])("%s", (_name, anchor, expected) => {
    expect(placeTooltip(anchor, tip, viewport)).toEqual(expected);
  });

  it("a tall card with little room either side goes where there is more", () => {
    expect(placeTooltip(at(10, 500), { width: 100, height: 600 }, viewport).y).toBe(-106);
  });
});

describe("placeBeside", () => {
  const viewport = { width: 1200, height: 800 };
  it("to the right of the anchor, tops aligned, so the rows below stay reachable", () => {
    expect(
      placeBeside({ left: 100, top: 300, width: 60, height: 18 }, { width: 360, height: 280 }, viewport),
    ).toEqual({ x: 172, y: 292 });
  });
  it("kept inside the viewport at the bottom", () => {
    expect(
      placeBeside({ left: 100, top: 700, width: 60, height: 18 }, { width: 360, height: 280 }, viewport).y,
    ).toBe(512);
  });
  it("below, as a tooltip, when there is no room on the right", () => {
    const anchor = { left: 900, top: 300, width: 60, height: 18 };
    const tip = { width: 360, height: 280 };
    expect(placeBeside(anchor, tip, viewport)).toEqual(placeTooltip(anchor, tip, viewport));
  });
});

describe("placeOutside (a frame's card in the top page)", () => {
  const viewport = { width: 1100, height: 800 };
  const tip = { width: 360, height: 190 };
  const term = (left: number, top: number) => ({ left, top, width: 60, height: 18 });
  it.each([
    [
      "below a small frame, under the term",
      term(100, 90),
      { left: 25, top: 80, width: 420, height: 150 },
      { x: 100, y: 236, over: false },
    ],
    [
      "above the frame when the term is near its top and there is room",
      term(100, 410),
      { left: 25, top: 400, width: 420, height: 300 },
      { x: 100, y: 204, over: false },
    ],
    [
      "right of the frame when that side is nearest the term",
      term(250, 500),
      { left: 25, top: 300, width: 300, height: 400 },
      { x: 331, y: 492, over: false },
    ],
    [
      "left of the frame when only that side has room",
      term(610, 300),
      { left: 600, top: 100, width: 480, height: 600 },
      { x: 234, y: 292, over: false },
    ],
    [
      "over the frame, below the term, when the frame leaves no room",
      term(100, 100),
      { left: 0, top: 0, width: 1100, height: 800 },
      { x: 100, y: 124, over: true },
    ],
  ])("%s", (_name, anchor, frame, expected) => {
    expect(placeOutside(anchor, frame, tip, viewport)).toEqual(expected);
  });

  it("never far from the term: a side out of reach counts as no room (here by the given placement)", () => {
    const anchor = term(100, 90);
    const frame = { left: 25, top: 80, width: 600, height: 700 };
    expect(placeOutside(anchor, frame, tip, viewport, placeBeside)).toEqual({
      ...placeBeside(anchor, tip, viewport),
      over: true,
    });
  });

  it("outside the frame, the card never overlaps it", () => {
    for (let top = 0; top <= 600; top += 50)
      for (let left = 0; left <= 700; left += 50) {
        const frame = { left, top, width: 380, height: 180 };
        const at = placeOutside(term(left + 20, top + 30), frame, tip, viewport);
        if (at.over) continue;
        const apart =
          at.x + tip.width <= frame.left ||
          at.x >= frame.left + frame.width ||
          at.y + tip.height <= frame.top ||
          at.y >= frame.top + frame.height;
        expect(apart, JSON.stringify({ frame, at })).toBe(true);
      }
  });
});
