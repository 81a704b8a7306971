import { describe, expect, test, vi } from "vitest";
import { overrideCss } from "../../entrypoints/content-script/styles";
import { luminance, parseColor, themeFor } from "../../entrypoints/content-script/theme";
import { outermost, Watcher } from "../../entrypoints/content-script/watcher";
import { useWatcherTarget } from "./watcher-target";

describe("theme", () => {
  test.each<[string, [number, number, number] | null]>([
    ["rgb(255, 255, 255)", [255, 255, 255]],
    ["rgba(17, 20, 24, 1)", [17, 20, 24]],
    ["rgba(0, 0, 0, 0)", null],
    ["rgba(0, 0, 0, 0.2)", null],
    ["rgb(10 20 30 / 80%)", [10, 20, 30]],
    ["transparent", null],
    ["garbage", null],
  ])("parseColor(%s)", (css, expected) => {
    expect(parseColor(css)).toEqual(expected);
  });

  test("luminance spans black to white", () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
  });

  test.each<["auto" | "light" | "dark", [number, number, number] | null, boolean, "light" | "dark"]>([
    ["auto", [255, 255, 255], true, "light"],
    ["auto", [17, 20, 24], false, "dark"],
    ["auto", null, true, "dark"],
    ["auto", null, false, "light"],
    ["light", [0, 0, 0], true, "light"],
    ["dark", [255, 255, 255], false, "dark"],
  ])("themeFor(%s, %j, prefersDark=%s) = %s", (setting, bg, prefersDark, expected) => {
    expect(themeFor(setting, bg, prefersDark)).toBe(expected);
  });
});

describe("overrideCss", () => {
  test("the defaults need no extra sheet", () => {
    expect(overrideCss({ highlightStyle: "underline", underlineEveryday: false })).toBe("");
  });
  test.each([
    [
      { highlightStyle: "background", underlineEveryday: false } as const,
      /::highlight\(termlens\) \{[^}]*background-color/,
    ],
    [
      { highlightStyle: "none", underlineEveryday: false } as const,
      /::highlight\(termlens\) \{ text-decoration: none/,
    ],
    [
      { highlightStyle: "underline", underlineEveryday: true } as const,
      /::highlight\(termlens-everyday\) \{ text-decoration: underline dotted/,
    ],
  ])("%j", (settings, pattern) => {
    expect(overrideCss(settings)).toMatch(pattern);
  });
});

describe("outermost", () => {
  test("keeps only nodes no other node contains", () => {
    document.body.innerHTML = "<div id=a><p id=b><span id=c></span></p></div><div id=d></div>";
    const get = (id: string) => document.getElementById(id) as HTMLElement;
    expect(outermost(new Set([get("c"), get("b"), get("d")]))).toEqual([get("b"), get("d")]);
  });
  test("drops nodes no longer in the document", () => {
    const loose = document.createElement("p");
    expect(outermost(new Set([loose]))).toEqual([]);
  });
});

describe("Watcher", () => {
  const watched = useWatcherTarget();

  const timers = { setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms) as unknown as number };
  const flushObserver = () => new Promise<void>((r) => queueMicrotask(r));

  test("batches changes and rescans only the changed blocks", async () => {
    document.body.innerHTML = "<p id=one>a</p><p id=two>b</p><p id=three>c</p>";
    const w = new Watcher(watched.target, timers);
    w.observe(document.body);
    (document.getElementById("one")?.firstChild as Text).data = "necrosis";
    document.getElementById("two")?.append(document.createElement("b"));
    await flushObserver();
    expect(watched.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(watched.calls).toEqual(["rescan one,two"]);
    w.disconnect();
  });

  test("removals prune", async () => {
    document.body.innerHTML = "<p id=one>a</p><p id=two>b</p>";
    const w = new Watcher(watched.target, timers);
    w.observe(document.body);
    document.getElementById("two")?.remove();
    await vi.advanceTimersByTimeAsync(100);
    expect(watched.calls).toEqual(["pruned"]);
    w.disconnect();
  });

  test("our own tooltip coming and going is ignored", async () => {
    const w = new Watcher(watched.target, timers);
    w.observe(document.documentElement);
    const host = document.createElement("termlens-tooltip");
    document.documentElement.append(host);
    host.remove();
    await vi.advanceTimersByTimeAsync(100);
    expect(watched.calls).toEqual([]);
    w.disconnect();
  });

  test("a storm falls back to throttled full rescans", async () => {
    document.body.innerHTML = "<p id=one>a</p>";
    const w = new Watcher(watched.target, timers, {
      debounceMs: 50,
      maxWaitMs: 200,
      stormRecords: 10,
      rescanEveryMs: 1000,
    });
    w.observe(document.body);
    const text = document.getElementById("one")?.firstChild as Text;
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 20; i++) text.data = `x${round}-${i}`;
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(2000);
    const full = watched.calls.filter((c) => c === "rescanAll").length;
    expect(full).toBeGreaterThanOrEqual(2);
    expect(full).toBeLessThanOrEqual(5);
    expect(watched.calls.some((c) => c.startsWith("rescan "))).toBe(false);
    w.disconnect();
  });
});
