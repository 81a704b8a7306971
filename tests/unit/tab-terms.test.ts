import { describe, expect, test } from "vitest";
import { badgeText, TabTerms } from "../../lib/tab-terms";

function setup(off: string[] = []) {
  const badges = new Map<number, string>();
  const tabs = new TabTerms(
    (tabId, text) => badges.set(tabId, text),
    (site) => !off.includes(site),
  );
  return { badges, tabs };
}

describe("badgeText", () => {
  test.each<[number, boolean, string]>([
    [0, true, ""],
    [7, true, "7"],
    [1234, true, "999+"],
    [7, false, "off"],
    [0, false, "off"],
  ])("%i terms, enabled %s -> %s", (n, enabled, text) => {
    expect(badgeText(n, enabled)).toBe(text);
  });
});

describe("TabTerms", () => {
  test("counts distinct terms over all frames of a tab", () => {
    const { badges, tabs } = setup();
    tabs.setSite(1, "portal.example.com");
    tabs.report(1, 0, { necrosis: 2, calcium: 1 });
    tabs.report(1, 5, { necrosis: 1, biopsy: 3 });
    expect(badges.get(1)).toBe("3");
    expect(tabs.summary(1)).toEqual({
      counts: { necrosis: 3, calcium: 1, biopsy: 3 },
      frames: { necrosis: [0, 5], calcium: [0], biopsy: [5] },
    });
  });

  test("a frame's new report replaces its old one; an empty one removes it", () => {
    const { badges, tabs } = setup();
    tabs.report(1, 0, { a: 1, b: 1 });
    tabs.report(1, 0, { a: 1 });
    expect(badges.get(1)).toBe("1");
    tabs.report(1, 0, {});
    expect(badges.get(1)).toBe("");
    expect(tabs.summary(1)).toEqual({ counts: {}, frames: {} });
  });

  test("shows off on a switched-off site", () => {
    const { badges, tabs } = setup(["off.example"]);
    tabs.setSite(2, "off.example");
    tabs.report(2, 0, {});
    expect(badges.get(2)).toBe("off");
  });

  test("navigation clears the tab", () => {
    const { badges, tabs } = setup();
    tabs.report(1, 0, { a: 1 });
    tabs.navigated(1);
    expect(badges.get(1)).toBe("");
    expect(tabs.summary(1).counts).toEqual({});
  });

  test("tabs are independent; a closed tab is forgotten", () => {
    const { badges, tabs } = setup();
    tabs.report(1, 0, { a: 1 });
    tabs.report(2, 0, { a: 1, b: 2 });
    expect([badges.get(1), badges.get(2)]).toEqual(["1", "2"]);
    tabs.removed(1);
    expect(tabs.tabIds()).toEqual([2]);
  });

  test("settings changes refresh every badge", () => {
    const off: string[] = [];
    const { badges, tabs } = setup(off);
    tabs.setSite(1, "a.com");
    tabs.report(1, 0, { x: 1 });
    off.push("a.com");
    tabs.refreshAll();
    expect(badges.get(1)).toBe("off");
  });

  test("a snapshot survives a service-worker restart; junk is skipped", () => {
    const { tabs } = setup();
    tabs.setSite(3, "a.com");
    tabs.report(3, 0, { x: 2 });
    tabs.report(3, 4, { y: 1 });
    const copy = setup().tabs;
    copy.restore(JSON.parse(JSON.stringify(tabs.snapshot())));
    expect(copy.summary(3)).toEqual(tabs.summary(3));
    const other = setup().tabs;
    other.restore({ nope: 1, 5: null, 6: { frames: "x" } });
    expect(other.tabIds()).toEqual([]);
  });
});
