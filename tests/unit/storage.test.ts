import { beforeEach, describe, expect, test, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  itemBytes,
  SYNC_MAX_ITEMS,
  SYNC_QUOTA_BYTES,
  SYNC_QUOTA_BYTES_PER_ITEM,
} from "../../lib/rule-shards";
import { DEFAULT_DISPLAY } from "../../lib/settings";
import { displaySettings, siteSettings } from "../../lib/storage";

describe("site settings storage", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test("defaults are not written to storage", async () => {
    expect(await siteSettings.get()).toEqual({ mode: "everywhere-except", rules: {}, paused: false });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test("a saved value reads back", async () => {
    await siteSettings.set({ mode: "only-chosen", rules: { "a.com": true }, paused: false });
    expect(await siteSettings.get()).toEqual({
      mode: "only-chosen",
      rules: { "a.com": true },
      paused: false,
    });
  });

  test("a corrupted value falls back to defaults with a warning, keeping what is valid", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({
      siteSettings: { mode: 42, rules: { "a.com": false, "b.com": "x" } },
    });
    expect(await siteSettings.get()).toEqual({
      mode: "everywhere-except",
      rules: { "a.com": false },
      paused: false,
    });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  test("watchers get clean values", async () => {
    const seen: unknown[] = [];
    const unwatch = siteSettings.watch((v) => seen.push(v));
    await siteSettings.set({ mode: "everywhere-except", rules: { "x.org": false }, paused: true });
    unwatch();
    expect(seen).toEqual([{ mode: "everywhere-except", rules: { "x.org": false }, paused: true }]);
  });
});

describe("sharded site list in sync storage", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const manySites = (n: number): Record<string, boolean> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`site-${i}.portal-example.com`, i % 3 !== 0]));

  test("2,000 sites fit the sync quotas and read back", async () => {
    const rules = manySites(2000);
    await siteSettings.set({ mode: "only-chosen", rules, paused: false });
    const stored = await fakeBrowser.storage.sync.get(null);
    const sizes = Object.entries(stored).map(([k, v]) => itemBytes(k, v));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
    expect(Object.keys(stored).length).toBeLessThan(SYNC_MAX_ITEMS);
    expect(Object.keys(stored).filter((k) => k.startsWith("siteRules.")).length).toBeGreaterThan(1);
    expect(await siteSettings.get()).toEqual({ mode: "only-chosen", rules, paused: false });
  });

  test("a shorter list removes the shards it no longer needs", async () => {
    await siteSettings.set({ mode: "everywhere-except", rules: manySites(2000), paused: false });
    await siteSettings.set({ mode: "everywhere-except", rules: { "a.com": false }, paused: false });
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored).sort()).toEqual(["siteRules.0", "siteSettings", "siteSettings$"]);
    expect((await siteSettings.get()).rules).toEqual({ "a.com": false });
  });

  test("a list too long for sync is refused with a clear error, and nothing changes", async () => {
    await siteSettings.set({ mode: "everywhere-except", rules: { "a.com": false }, paused: false });
    const huge = Object.fromEntries(
      Array.from({ length: 6000 }, (_, i) => [`a-rather-long-host-name-${i}.example.org`, false]),
    );
    await expect(siteSettings.set({ mode: "everywhere-except", rules: huge, paused: false })).rejects.toThrow(
      /too long for the browser's sync storage: 6000 sites/,
    );
    expect((await siteSettings.get()).rules).toEqual({ "a.com": false });
  });

  test("one watcher call per change, even though shards are written and removed", async () => {
    await siteSettings.set({ mode: "everywhere-except", rules: manySites(2000), paused: false });
    const seen: unknown[] = [];
    const unwatch = siteSettings.watch((v) => seen.push(v));
    await siteSettings.set({ mode: "everywhere-except", rules: { "b.com": false }, paused: false });
    await new Promise((r) => setTimeout(r, 20));
    unwatch();
    expect(seen).toEqual([{ mode: "everywhere-except", rules: { "b.com": false }, paused: false }]);
  });

  test("a lost shard is reported and the rest still works", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await siteSettings.set({ mode: "everywhere-except", rules: manySites(2000), paused: false });
    await fakeBrowser.storage.sync.set({ "siteRules.1": "garbage" });
    const rules = (await siteSettings.get()).rules;
    expect(Object.keys(rules).length).toBeGreaterThan(1000);
    expect(Object.keys(rules).length).toBeLessThan(2000);
    expect(warn.mock.calls.some(([m]) => String(m).includes("siteRules.1"))).toBe(true);
    warn.mockRestore();
  });

  test("a hostile stored value cannot pollute prototypes", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({
      siteSettings: { mode: "everywhere-except", shards: 1 },
      "siteRules.0": JSON.parse('{"__proto__": {"polluted": true}, "constructor": false, "a.com": false}'),
    });
    expect((await siteSettings.get()).rules).toEqual({ "a.com": false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    warn.mockRestore();
  });
});

describe("migration v1 -> v2", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test("inline rules move into shards; mode and pause stay", async () => {
    const rules = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`s${i}.org`, false]));
    await fakeBrowser.storage.sync.set({ siteSettings: { mode: "only-chosen", rules, paused: true } });
    await siteSettings.migrate();
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored.siteSettings).toEqual({ mode: "only-chosen", paused: true, shards: 1 });
    expect(stored.siteSettings$).toEqual({ v: 2 });
    expect(stored["siteRules.0"]).toEqual(rules);
    expect(await siteSettings.get()).toEqual({ mode: "only-chosen", rules, paused: true });
  });

  test("a v1 value still reads correctly before it is migrated", async () => {
    await fakeBrowser.storage.sync.set({ siteSettings: { mode: "only-chosen", rules: { "a.com": true } } });
    expect(await siteSettings.get()).toEqual({
      mode: "only-chosen",
      rules: { "a.com": true },
      paused: false,
    });
  });

  test("a corrupted v1 value migrates to what is valid in it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({
      siteSettings: { mode: "bogus", rules: { "a.com": "x", "b.com": false } },
    });
    await siteSettings.migrate();
    expect(await siteSettings.get()).toEqual({
      mode: "everywhere-except",
      rules: { "b.com": false },
      paused: false,
    });
    warn.mockRestore();
  });
});

describe("display settings storage", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test("defaults are not written; a bad field falls back alone with a warning", async () => {
    expect(await displaySettings.get()).toEqual(DEFAULT_DISPLAY);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({ display: { theme: "neon", hoverDelayMs: 400 } });
    expect(await displaySettings.get()).toEqual({ ...DEFAULT_DISPLAY, hoverDelayMs: 400 });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
