import { describe, expect, test } from "vitest";
import {
  checkDisplaySettings,
  checkSiteSettings,
  DEFAULT_DISPLAY,
  type DisplaySettings,
  isHostKey,
} from "../../lib/settings";
import { DEFAULT_SITE_SETTINGS } from "../../lib/site-rules";

describe("checkSiteSettings", () => {
  test.each<[string, unknown, object, number]>([
    ["nothing stored gives defaults", undefined, DEFAULT_SITE_SETTINGS, 0],
    ["null gives defaults", null, DEFAULT_SITE_SETTINGS, 0],
    ["a string is rejected", "yes", DEFAULT_SITE_SETTINGS, 1],
    ["an array is rejected", [1, 2], DEFAULT_SITE_SETTINGS, 1],
    [
      "a valid value passes",
      { mode: "only-chosen", rules: { "a.com": true }, paused: false },
      { mode: "only-chosen", rules: { "a.com": true }, paused: false },
      0,
    ],
    [
      "an unknown mode falls back, the rest is kept",
      { mode: "sometimes", rules: { "a.com": false } },
      { mode: "everywhere-except", rules: { "a.com": false }, paused: false },
      1,
    ],
    [
      "a bad rule is dropped, good ones kept",
      { rules: { "a.com": "off", "b.com": false, "<script>": true } },
      { mode: "everywhere-except", rules: { "b.com": false }, paused: false },
      2,
    ],
    ["paused must be boolean", { paused: "yes" }, { ...DEFAULT_SITE_SETTINGS, rules: {} }, 1],
  ])("%s", (_name, raw, expected, problemCount) => {
    const { value, problems } = checkSiteSettings(raw);
    expect(value).toEqual(expected);
    expect(problems).toHaveLength(problemCount);
  });

  test("problems say where", () => {
    const { problems } = checkSiteSettings({ mode: 3 }, "import.siteSettings");
    expect(problems[0]).toMatch(/^import\.siteSettings\.mode: /);
  });
});

describe("checkDisplaySettings", () => {
  test.each<[string, unknown, Partial<DisplaySettings>, number]>([
    ["nothing stored gives defaults", undefined, {}, 0],
    [
      "a valid value passes",
      { highlightStyle: "background", theme: "dark" },
      { highlightStyle: "background", theme: "dark" },
      0,
    ],
    [
      "a bad style falls back alone",
      { highlightStyle: "blink", hoverDelayMs: 100 },
      { hoverDelayMs: 100 },
      1,
    ],
    ["a delay out of range falls back", { hoverDelayMs: -5 }, {}, 1],
    ["a fractional delay is rounded", { hoverDelayMs: 250.6 }, { hoverDelayMs: 251 }, 0],
    ["a non-object is rejected", 42, {}, 1],
  ])("%s", (_name, raw, over, problems) => {
    const result = checkDisplaySettings(raw);
    expect(result.value).toEqual({ ...DEFAULT_DISPLAY, ...over });
    expect(result.problems).toHaveLength(problems);
  });
});

describe("host keys", () => {
  test.each([
    ["example.com", true],
    ["file://", true],
    ["[::1]", true],
    ["__proto__", false],
    ["constructor", false],
    ["a b", false],
    ["x".repeat(254), false],
  ])("%s -> %s", (host, ok) => {
    expect(isHostKey(host)).toBe(ok);
  });
});
