import { describe, expect, test } from "vitest";
import { checkSiteSettings } from "../../lib/settings";
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
