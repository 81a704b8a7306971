import { describe, expect, test } from "vitest";
import {
  DEFAULT_SITE_SETTINGS,
  frameUrl,
  isSiteEnabled,
  isUrlEnabled,
  parseSiteInput,
  ruleCandidates,
  type SiteSettings,
  setSiteEnabled,
  siteKey,
} from "../../lib/site-rules";

const settings = (over: Partial<SiteSettings> = {}): SiteSettings => ({ ...DEFAULT_SITE_SETTINGS, ...over });

describe("siteKey", () => {
  test.each([
    ["https://portal.example.com/results?id=1", "portal.example.com"],
    ["http://PORTAL.Example.com./x", "portal.example.com"],
    ["http://localhost:3000/", "localhost"],
    ["http://127.0.0.1:8080/a", "127.0.0.1"],
    ["http://[::1]:8080/", "[::1]"],
    ["https://bücher.example/", "xn--bcher-kva.example"],
    ["file:///home/me/report.html", "file://"],
    ["chrome://extensions/", null],
    ["chrome-extension://abc/popup.html", null],
    ["moz-extension://abc/popup.html", null],
    ["about:blank", null],
    ["data:text/html,hi", null],
    ["not a url", null],
  ])("%s -> %s", (url, key) => {
    expect(siteKey(url)).toBe(key);
  });
});

describe("ruleCandidates", () => {
  test.each([
    ["a.b.example.com", ["a.b.example.com", "b.example.com", "example.com", "com"]],
    ["localhost", ["localhost"]],
    ["10.0.0.1", ["10.0.0.1"]],
    ["[::1]", ["[::1]"]],
    ["file://", ["file://"]],
  ])("%s", (key, expected) => {
    expect(ruleCandidates(key)).toEqual(expected);
  });
});

describe("isUrlEnabled", () => {
  test.each<[string, string, Partial<SiteSettings>, boolean]>([
    ["default runs everywhere", "https://news.example.com/", {}, true],
    ["a site switched off", "https://news.example.com/", { rules: { "news.example.com": false } }, false],
    [
      "a parent rule covers subdomains",
      "https://a.news.example.com/",
      { rules: { "example.com": false } },
      false,
    ],
    [
      "a more specific rule wins",
      "https://portal.example.com/",
      { rules: { "example.com": false, "portal.example.com": true } },
      true,
    ],
    ["a sibling is not covered", "https://other.com/", { rules: { "example.com": false } }, true],
    ["no suffix confusion", "https://badexample.com/", { rules: { "example.com": false } }, true],
    ["allow-list: unlisted site is off", "https://news.example.com/", { mode: "only-chosen" }, false],
    [
      "allow-list: chosen parent covers subdomain",
      "https://my.portal.org/",
      { mode: "only-chosen", rules: { "portal.org": true } },
      true,
    ],
    [
      "paused beats every rule",
      "https://portal.org/",
      { paused: true, rules: { "portal.org": true } },
      false,
    ],
    ["ports share a site", "http://localhost:8080/", { rules: { localhost: false } }, false],
    ["IPs do not cover others", "http://10.0.0.1/", { rules: { "0.0.1": false } }, true],
    ["file pages have one rule", "file:///tmp/a.html", { rules: { "file://": false } }, false],
    ["IDN in ASCII form", "https://bücher.example/", { rules: { "xn--bcher-kva.example": false } }, false],
    ["browser pages never", "chrome://settings/", {}, false],
    ["extension pages never", "chrome-extension://x/popup.html", {}, false],
  ])("%s", (_name, url, over, expected) => {
    expect(isUrlEnabled(url, settings(over))).toBe(expected);
  });
});

describe("setSiteEnabled", () => {
  test("switching off then on leaves no rule behind", () => {
    const off = setSiteEnabled(settings(), "a.com", false);
    expect(off.rules).toEqual({ "a.com": false });
    expect(isSiteEnabled("a.com", off)).toBe(false);
    const on = setSiteEnabled(off, "a.com", true);
    expect(on.rules).toEqual({});
    expect(isSiteEnabled("a.com", on)).toBe(true);
  });
  test("overrides a parent rule with a specific one", () => {
    const s = setSiteEnabled(settings({ rules: { "example.com": false } }), "portal.example.com", true);
    expect(s.rules).toEqual({ "example.com": false, "portal.example.com": true });
  });
  test("allow-list mode stores the sites switched on", () => {
    const s = setSiteEnabled(settings({ mode: "only-chosen" }), "portal.org", true);
    expect(s.rules).toEqual({ "portal.org": true });
  });
  test("does not mutate its input", () => {
    const input = settings({ rules: { "a.com": false } });
    setSiteEnabled(input, "b.com", false);
    expect(input.rules).toEqual({ "a.com": false });
  });
});

describe("parseSiteInput", () => {
  test.each<[string, string | null]>([
    ["portal.example.com", "portal.example.com"],
    ["  Portal.Example.COM ", "portal.example.com"],
    ["https://portal.example.com/results?x=1", "portal.example.com"],
    ["localhost:3000", "localhost"],
    ["127.0.0.1", "127.0.0.1"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["file:///home/me/a.html", "file://"],
    ["file://", "file://"],
    ["chrome://settings", null],
    ["two words", null],
    ["", null],
    ["<script>", null],
  ])("%s -> %s", (input, key) => {
    expect(parseSiteInput(input)).toBe(key);
  });
});

describe("frameUrl", () => {
  test.each([
    ["https://portal.org/a", "https://portal.org", "https://portal.org/a"],
    ["about:blank", "https://portal.org", "https://portal.org/"],
    ["about:srcdoc", "https://portal.org", "https://portal.org/"],
    ["about:blank", "null", "about:blank"],
  ])("%s in %s -> %s", (href, origin, expected) => {
    expect(frameUrl(href, origin)).toBe(expected);
  });
});
