import { describe, expect, it } from "vitest";
import { placeBeside, placeTooltip } from "../../entrypoints/content-script/placement";

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
