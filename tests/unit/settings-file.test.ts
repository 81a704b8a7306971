import { describe, expect, test } from "vitest";
import { DEFAULT_DISPLAY } from "../../lib/settings";
import { exportFileName, exportSettings, parseSettingsFile } from "../../lib/settings-file";

const all = {
  siteSettings: { mode: "only-chosen" as const, rules: { "portal.example.com": true }, paused: false },
  display: { ...DEFAULT_DISPLAY, theme: "dark" as const, hoverDelayMs: 500 },
};

describe("settings file", () => {
  test("export then import round-trips", () => {
    const text = exportSettings(all, new Date("2025-03-04T05:06:07Z"));
    expect(JSON.parse(text)).toMatchObject({
      format: "termlens-settings",
      version: 1,
      exportedAt: "2025-03-04T05:06:07.000Z",
    });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: all });
  });

  test("the file name carries the date", () => {
    expect(exportFileName(new Date("2025-03-04T05:06:07Z"))).toBe("termlens-settings-2025-03-04.json");
  });

  const valid = JSON.parse(exportSettings(all));
  test.each<[string, string, RegExp]>([
    ["not JSON", "{ nope", /backup\.json: not valid JSON/],
    ["an array", "[1,2]", /expected a Termlens settings object/],
    ["another app's file", JSON.stringify({ theme: "dark" }), /"format" must be "termlens-settings"/],
    ["a newer version", JSON.stringify({ ...valid, version: 9 }), /newer Termlens \(file version 9\)/],
    ["a bad version", JSON.stringify({ ...valid, version: "1" }), /"version" must be a whole number/],
    [
      "missing parts",
      JSON.stringify({ format: "termlens-settings", version: 1 }),
      /"siteSettings" is missing/,
    ],
    [
      "a bad mode",
      JSON.stringify({ ...valid, siteSettings: { ...valid.siteSettings, mode: "never" } }),
      /backup\.json: siteSettings\.mode: "never" is not one of/,
    ],
    [
      "a bad host",
      JSON.stringify({ ...valid, siteSettings: { ...valid.siteSettings, rules: { "<b>": true } } }),
      /siteSettings\.rules: "<b>" is not a host name/,
    ],
    [
      "a prototype key",
      `{"format":"termlens-settings","version":1,"display":{},"siteSettings":{"rules":{"__proto__":true}}}`,
      /"__proto__" is not a host name/,
    ],
    [
      "a hover delay out of range",
      JSON.stringify({ ...valid, display: { ...valid.display, hoverDelayMs: 1e9 } }),
      /display\.hoverDelayMs/,
    ],
    ["a huge file", `{"x":"${"a".repeat(1_100_000)}"}`, /too large for a settings file/],
  ])("rejects %s with a message saying what and where", (_name, text, message) => {
    const result = parseSettingsFile(text, "backup.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join("\n")).toMatch(message);
  });

  test("too many sites is one message, not thousands", () => {
    const rules = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`s${i}.com`, false]));
    const result = parseSettingsFile(JSON.stringify({ ...valid, siteSettings: { rules } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(1);
  });

  test("many bad entries are summarised", () => {
    const rules = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`bad host ${i}`, false]));
    const result = parseSettingsFile(JSON.stringify({ ...valid, siteSettings: { rules } }));
    if (result.ok) throw new Error("should fail");
    expect(result.problems.length).toBeLessThanOrEqual(21);
    expect(result.problems.at(-1)).toMatch(/80 more bad entries/);
  });
});
