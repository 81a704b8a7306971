import { beforeEach, describe, expect, test, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { getSiteSettings, setSiteSettings, watchSiteSettings } from "../../lib/storage";

describe("site settings storage", () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  test("defaults are not written to storage", async () => {
    expect(await getSiteSettings()).toEqual({ mode: "everywhere-except", rules: {}, paused: false });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  test("a saved value reads back", async () => {
    await setSiteSettings({ mode: "only-chosen", rules: { "a.com": true }, paused: false });
    expect(await getSiteSettings()).toEqual({ mode: "only-chosen", rules: { "a.com": true }, paused: false });
  });

  test("a corrupted value falls back to defaults with a warning, keeping what is valid", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await fakeBrowser.storage.sync.set({
      siteSettings: { mode: 42, rules: { "a.com": false, "b.com": "x" } },
    });
    expect(await getSiteSettings()).toEqual({
      mode: "everywhere-except",
      rules: { "a.com": false },
      paused: false,
    });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  test("watchers get clean values", async () => {
    const seen: unknown[] = [];
    const unwatch = watchSiteSettings((v) => seen.push(v));
    await setSiteSettings({ mode: "everywhere-except", rules: { "x.org": false }, paused: true });
    unwatch();
    expect(seen).toEqual([{ mode: "everywhere-except", rules: { "x.org": false }, paused: true }]);
  });
});
