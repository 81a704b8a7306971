import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { HoverIntent, type HoverTarget } from "../../entrypoints/content-script/hover";

const target = (id: string): HoverTarget & { id: string } => ({ id, key: id });

describe("HoverIntent", () => {
  let log: string[];
  let hover: HoverIntent<HoverTarget & { id: string }>;
  beforeEach(() => {
    vi.useFakeTimers();
    log = [];
    hover = new HoverIntent(
      {
        open: (t, pinned) => log.push(`open ${t.id}${pinned ? " pinned" : ""}`),
        close: () => log.push("close"),
      },
      { showDelay: 250, hideDelay: 300 },
    );
  });
  afterEach(() => vi.useRealTimers());

  test("opens after resting on a term for the delay", () => {
    hover.pointerAt(target("a"));
    vi.advanceTimersByTime(249);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["open a"]);
  });

  test("a sweep across several terms opens nothing", () => {
    for (const id of ["a", "b", "c", "d"]) {
      hover.pointerAt(target(id));
      vi.advanceTimersByTime(100);
    }
    hover.pointerAt(null);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  test("leaving the term hides after the grace period, not before", () => {
    hover.pointerAt(target("a"));
    vi.advanceTimersByTime(250);
    hover.pointerAt(null);
    vi.advanceTimersByTime(299);
    expect(log).toEqual(["open a"]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(["open a", "close"]);
  });

  test("moving into the tooltip keeps it open", () => {
    const a = target("a");
    hover.pointerAt(a);
    vi.advanceTimersByTime(250);
    hover.pointerAt(null);
    vi.advanceTimersByTime(200);
    hover.pointerAt(null, true);
    vi.advanceTimersByTime(2000);
    expect(log).toEqual(["open a"]);
  });

  test("a pinned tooltip stays until closed", () => {
    hover.pin(target("a"));
    hover.pointerAt(null);
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(["open a pinned"]);
    hover.close();
    expect(log).toEqual(["open a pinned", "close"]);
  });

  test("resting on another term switches to it", () => {
    hover.pointerAt(target("a"));
    vi.advanceTimersByTime(250);
    hover.pointerAt(target("b"));
    vi.advanceTimersByTime(250);
    expect(log).toEqual(["open a", "open b"]);
  });

  test("term to term across a gap: the next card shows after the delay, the pointer resting there", () => {
    hover.pointerAt(target("a"));
    vi.advanceTimersByTime(250);
    hover.pointerAt(null); // the space between the words: hide is scheduled
    vi.advanceTimersByTime(100);
    hover.pointerAt(target("b")); // then the pointer rests on b and moves no more
    vi.advanceTimersByTime(200); // the hide fires first (300 ms after leaving a)
    expect(log).toEqual(["open a", "close"]);
    vi.advanceTimersByTime(50);
    expect(log).toEqual(["open a", "close", "open b"]);
  });

  test("term to term with a hover delay longer than the grace period", () => {
    hover.setOptions({ showDelay: 600, hideDelay: 300 });
    hover.pointerAt(target("a"));
    vi.advanceTimersByTime(600);
    hover.pointerAt(target("b"));
    vi.advanceTimersByTime(600);
    expect(log).toEqual(["open a", "close", "open b"]);
  });

  test("a card hidden by the grace period opens again when the pointer returns", () => {
    hover.pointerAt(target("a"));
    vi.advanceTimersByTime(250);
    hover.pointerAt(null);
    vi.advanceTimersByTime(300);
    hover.pointerAt(target("a"));
    vi.advanceTimersByTime(250);
    expect(log).toEqual(["open a", "close", "open a"]);
  });
});
